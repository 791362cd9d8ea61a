// Not a test: `cargo xtask bench` runs this. A Libretto of 500 entries (250 experiences, 250
// competences) is stored in a browser profile; the browser is then closed and started again
// and the task list opened, five times. Reported: time from navigation start to the first
// paint of the overview with its section states (median and max). Prints `BENCH` lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, persistentPage } from '../e2e/browser.mjs';

const ID = '9b2f8e4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const RUNS = 5;

function draft() {
  const libretto = { esperienze_lavorative: [], competenze: [] };
  for (let i = 0; i < 250; i++) {
    libretto.esperienze_lavorative.push({
      id: `e${i}`, inizio: `${2000 + (i % 20)}-${String(1 + (i % 12)).padStart(2, '0')}`, fine: '2021',
      datore: `Azienda numero ${i} S.r.l.`,
      mansioni: 'Gestione del magazzino, ricevimento merci, inventario periodico e preparazione degli ordini con palmare e gestionale.',
    });
    libretto.competenze.push({
      id: `c${i}`, tipologia: 'tecnico_professionale', contesto: 'informale', esperienze: [`e${i}`],
      descrizione: 'Sono in grado di organizzare lo stoccaggio delle merci secondo criteri di rotazione e sicurezza, usando il gestionale di magazzino.',
    });
  }
  return {
    id: ID, name: 'Bench 500', revision: 1, format_version: 2, state: 'bozza',
    created_at: '2026-11-01T08:00:00Z', updated_at: '2026-11-01T08:00:00Z', libretto,
  };
}

const profile = mkdtempSync(join(tmpdir(), 'sportello-bench-'));
try {
  let { context, page } = await persistentPage(profile);
  await page.goto(`${BASE_URL}/libretto`);
  await page.locator('#titolo-pagina').waitFor();
  await page.evaluate(
    (d) => new Promise((resolve, reject) => {
      const req = indexedDB.open('sportello');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction('drafts', 'readwrite');
        tx.objectStore('drafts').put(d);
        tx.oncomplete = () => { req.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }),
    draft(),
  );
  await context.close();
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    ({ context, page } = await persistentPage(profile));
    await page.goto(`${BASE_URL}/libretto/${ID}`);
    await page.locator('#stato-competenze').waitFor();
    // The next animation frame after the task list exists: it has been painted.
    const ms = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
    samples.push(ms);
    await context.close();
  }
  samples.sort((a, b) => a - b);
  console.log(`BENCH cold_load_overview_500_items median_ms=${samples[Math.floor(RUNS / 2)].toFixed(1)} max_ms=${samples[RUNS - 1].toFixed(1)} runs=${RUNS}`);
} finally {
  rmSync(profile, { recursive: true, force: true });
}
