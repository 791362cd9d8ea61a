// Offline and installable: after one online visit the app opens with the network off — a
// Libretto deep link never opened before, an edit saved, the ILA check — and a new build,
// once deployed, is offered by a notice and taken only when the citizen accepts, with every
// draft kept. The build is served from a copy, on a server of this test's own, so that a
// new release can be deployed under it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { freePort, startServer } from './cpi.mjs';
import { launch, open, axeViolations, chooseOption, press, tabTo, typeInto } from './browser.mjs';
import { DRAFT_ID, PDF_SHA, readStore, seedRichDraft } from './seed.mjs';

const it = JSON.parse(readFileSync(new URL('../../locales/it.json', import.meta.url)));
const DIST = process.env.DIST ?? 'dist';

let browser;
before(async () => {
  assert.ok(process.env.CPI_BIN, 'cargo xtask test sets CPI_BIN');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A new release of the same files: a new service worker version, as `cargo xtask build` writes. */
function deployNewBuild(dist) {
  const path = join(dist, 'sw.js');
  const before = readFileSync(path, 'utf8');
  const version = before.match(/const VERSION = '([0-9a-f]+)'/)?.[1];
  assert.ok(version, 'sw.js carries its version');
  const next = before.replace(`const VERSION = '${version}'`, `const VERSION = '${version}ff'`);
  writeFileSync(path, next);
  writeFileSync(`${path}.gz`, gzipSync(next));
  writeFileSync(`${path}.br`, brotliCompressSync(next));
  return { old: version, next: `${version}ff` };
}

/** Every URL kept in the page's caches, by cache name. */
async function cached(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    }
    return out;
  });
}

function card(page, name) {
  return page.locator('article.result', { has: page.locator('h3', { hasText: name }) });
}

test('after one online visit the app works offline; a new build is offered and taken only when accepted, drafts kept', { timeout: 300000 }, async () => {
  const dist = mkdtempSync(join(tmpdir(), 'sportello-dist-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-cpi-'));
  cpSync(DIST, dist, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer({ dist, dataDir, port });
  const context = await browser.newContext({ locale: 'it-IT' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    // One online visit: the worker installs, keeps the build and takes the page over.
    await seedRichDraft(page, {
      base,
      edit: (l) => {
        Object.assign(l.dati_personali, {
          nome: 'Anna', cognome: 'Bianchi', codice_fiscale: 'FRNSST75D50A717N', sesso: 'F', data_nascita: '1975-04-10',
          residenza: { indirizzo: 'Via Roma 1', cap: '51100', comune: 'Pistoia', provincia: 'PT', regione: 'toscana' },
        });
      },
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120000 });
    const firstCaches = await cached(page);
    assert.equal(Object.keys(firstCaches).length, 1, 'one version kept');
    const [firstCache] = Object.values(firstCaches);
    assert.ok(firstCache.includes('/libretto.html') && firstCache.includes('/'), 'the pages are kept');
    assert.ok(firstCache.some((p) => p.startsWith('/split_libretto_titoli-')), 'screens never opened are kept too');

    // Installable: a manifest with a name, a start address and real icons of the sizes it says.
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]').href;
      const m = await (await fetch(href)).json();
      const icons = [];
      for (const icon of m.icons.filter((i) => i.type === 'image/png')) {
        const bitmap = await createImageBitmap(await (await fetch(icon.src)).blob());
        icons.push({ sizes: icon.sizes, real: `${bitmap.width}x${bitmap.height}`, purpose: icon.purpose });
      }
      return { name: m.name, short: m.short_name, start: m.start_url, display: m.display, icons };
    });
    assert.equal(manifest.short, 'Sportello');
    assert.equal(manifest.start, '/');
    assert.equal(manifest.display, 'standalone');
    for (const icon of manifest.icons) assert.equal(icon.real, icon.sizes, `icon ${icon.sizes} (${icon.purpose})`);
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));
    assert.ok(manifest.icons.some((i) => i.sizes === '192x192'));

    // An API answer goes through untouched and is never kept.
    const offices = await page.evaluate(async () => (await fetch('/api/v1/offices')).status);
    assert.equal(offices, 200);

    // Network off. A deep link into a section never opened online.
    await context.setOffline(true);
    const navigation = await page.goto(`${base}/libretto/${DRAFT_ID}/titoli-di-studio`);
    assert.ok(navigation?.fromServiceWorker(), 'the page comes from the service worker');
    await page.locator('.entry-list__name', { hasText: 'Diploma di perito meccanico' }).waitFor();

    // Edited and saved, offline.
    await open(page, `/libretto/${DRAFT_ID}/dati-personali`, base);
    await typeInto(page, '#campo-telefono', '');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('+39 333 7654321');
    await page.waitForFunction(
      async (id) => {
        const db = await new Promise((ok, ko) => {
          const r = indexedDB.open('sportello');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => ko(r.error);
        });
        const draft = await new Promise((ok) => {
          const r = db.transaction('drafts').objectStore('drafts').get(id);
          r.onsuccess = () => ok(r.result);
        });
        db.close();
        return draft?.libretto.dati_personali.telefono === '+39 333 7654321';
      },
      DRAFT_ID,
      { timeout: 10000 },
    );

    // The ILA check runs offline, from the draft.
    await open(page, '/ila', base);
    await chooseOption(page, '#campo-prefill-draft', 'Libretto di Marco');
    await press(page, `button:has-text("${it.ila_prefill_button}")`);
    await page.getByText(it.ila_prefill_done, { exact: false }).waitFor();
    await press(page, 'summary:has-text("Storico")');
    const pistoia = card(page, 'Carta ILA – Provincia di Pistoia');
    await pistoia.getByText(it.outcome_cannot_determine).waitFor();
    for (let i = 0; i < 5 && !(await page.locator('#campo-cpi_province').count()); i++) {
      await press(page, '.step button[type=submit]');
      await page.locator('#passo-domande').waitFor();
    }
    await typeInto(page, '#campo-cpi_province', 'pt');
    await pistoia.getByText(it.outcome_eligible).waitFor();

    // Network back, a new build deployed; the next page opened finds it.
    await context.setOffline(false);
    const { old, next } = deployNewBuild(dist);
    await open(page, `/libretto/${DRAFT_ID}/dati-personali`, base);
    await page.evaluate(() => {
      window.sportelloSamePage = true;
    });
    const notice = page.locator('.update-notice[role="status"]');
    await notice.getByText(it.update_available).waitFor({ timeout: 120000 });
    assert.deepEqual(await axeViolations(page), [], 'axe with the update notice');

    // Typing goes on under the notice: nothing reloads by itself.
    await typeInto(page, '#campo-telefono', '');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('+39 333 1112223');
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(() => window.sportelloSamePage), true, 'the page did not reload');
    assert.equal(await page.locator('#campo-telefono').inputValue(), '+39 333 1112223');

    // Accepted by keyboard: the page reloads under the new version, the drafts intact.
    const reloaded = page.waitForEvent('framenavigated', { timeout: 60000 });
    await press(page, `.update-notice button:has-text("${it.update_reload}")`);
    await reloaded;
    await page.locator('#titolo-pagina').waitFor();
    assert.equal(await page.evaluate(() => window.sportelloSamePage), undefined, 'the page reloaded');
    await notice.getByText(it.update_available).waitFor({ state: 'detached' });
    const caches = await cached(page);
    assert.deepEqual(Object.keys(caches), [`sportello-${next}`], `only the new version is kept, not ${old}`);
    for (const paths of Object.values(caches)) {
      assert.deepEqual(paths.filter((p) => p.startsWith('/api/')), [], 'no API answer is cached');
    }
    const { drafts, files } = await readStore(page);
    assert.equal(drafts.length, 1);
    assert.equal(drafts[0].libretto.dati_personali.telefono, '+39 333 1112223', 'the last edit before the reload is kept');
    assert.equal(drafts[0].libretto.titoli_istruzione[0].denominazione, 'Diploma di perito meccanico');
    assert.deepEqual(files.map((f) => f.bytesSha), [PDF_SHA], 'the evidence file is kept');
    assert.equal(await page.locator('#campo-telefono').inputValue(), '+39 333 1112223');
    await tabTo(page, '#campo-telefono');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    server.kill('SIGKILL');
    rmSync(dist, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});
