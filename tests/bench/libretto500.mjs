// The 500-entry Libretto the benches use (250 experiences, 250 competences), and how they
// put it in a browser profile's IndexedDB.
import { BASE_URL } from '../e2e/browser.mjs';

export const ID = '9b2f8e4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
export function draft() {
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

/** Stores the 500-entry draft in the page's origin, as the app stores it. */
export async function seedDraft(page) {
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
}
