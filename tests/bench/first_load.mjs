// Not a test: `cargo xtask bench` runs this. A first visit (a new browser context: empty HTTP
// cache, empty storage) of each route below, counting what the page actually fetched until the
// app has drawn the route and the network is idle: `/` (in Italian, and in Arabic: another
// language's first visit also fetches its translations), a Libretto deep link, and `/ila` (the
// third entry). Each file is counted at the size the reference server sends for it to a
// gzip-only browser (asked of the server) and with brotli (what Chromium received). Files
// fetched after the route was drawn (lazy chunks, data loaded on demand) are listed apart and
// still counted.
// Prints `BENCH` lines; the last is `first_load_gzip=N budget=250000` for `/`.
import http from 'node:http';
import { BASE_URL, launch } from '../e2e/browser.mjs';
import { DRAFT_ID, seedRichDraft } from '../e2e/seed.mjs';

const BUDGET_HOME = 250000;
const BUDGET_DEEP_LINK = 450000;

/** Bytes the server sends for `path` to a browser of `language` that accepts gzip only: asked
 *  of the server itself, so the page counted is the one it chose for that address. */
function gzipSize(path, language = 'it-IT,it;q=0.9') {
  return new Promise((resolve, reject) => {
    const req = http.get(
      BASE_URL + path,
      { headers: { 'accept-encoding': 'gzip', 'accept-language': language } },
      (res) => {
        let n = 0;
        res.on('data', (chunk) => (n += chunk.length));
        res.on('end', () => resolve(n));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

/** `seed` (optional) runs first in the same context: what it fetched is then dropped from the
 *  HTTP cache, so the visit counted is still a first one, only with data already stored. */
async function visit(browser, route, drawn, seed, locale = 'it-IT') {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (seed) {
    await seed(page);
    await page.goto('about:blank');
    await cdp.send('Network.clearBrowserCache');
    // The seeding visit installed the service worker, whose copy of the build would serve
    // the visit counted: gone too, the stored data kept.
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(BASE_URL).origin,
      storageTypes: 'service_workers,cache_storage',
    });
  }
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const urls = new Map();
  const wire = new Map();
  let drawnAt = Infinity;
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, { url: e.request.url, at: Date.now() }));
  cdp.on('Network.loadingFinished', (e) => wire.set(e.requestId, e.encodedDataLength));
  await page.goto(BASE_URL + route);
  await page.locator(drawn).waitFor();
  drawnAt = Date.now();
  await page.waitForLoadState('networkidle');
  const rows = [];
  for (const [id, { url, at }] of urls) {
    if (!url.startsWith(BASE_URL)) continue;
    const path = new URL(url).pathname;
    rows.push({ path, gzip: await gzipSize(path, locale), br: wire.get(id) ?? 0, late: at > drawnAt });
  }
  await context.close();
  return rows;
}

function report(name, rows, budget) {
  const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
  for (const r of rows.filter((x) => !x.late)) {
    console.log(`BENCH   ${name} ${r.path} gzip=${r.gzip} br_wire=${r.br}`);
  }
  for (const r of rows.filter((x) => x.late)) {
    console.log(`BENCH   ${name} (after first draw) ${r.path} gzip=${r.gzip} br_wire=${r.br}`);
  }
  console.log(`BENCH ${name} files=${rows.length} gzip=${sum(rows, 'gzip')} br_wire=${sum(rows, 'br')} budget_gzip=${budget}`);
  return sum(rows, 'gzip');
}

/** What the service worker fetches for offline use once a first visit has registered it: not
 *  part of any first load (the page does not wait for it), reported apart. */
async function precache() {
  const text = await new Promise((resolve, reject) => {
    http.get(`${BASE_URL}/sw.js`, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
      res.on('error', reject);
    }).on('error', reject);
  });
  const list = text.match(/const PRECACHE = (\[.*?\]);/s)?.[1];
  if (!list) throw new Error('sw.js has no PRECACHE list');
  const paths = ['/', '/app-routes.json', ...JSON.parse(list)];
  let gzip = 0;
  for (const path of paths) gzip += await gzipSize(path);
  console.log(`BENCH precache_service_worker files=${paths.length} gzip=${gzip}`);
}

const browser = await launch();
try {
  await precache();
  const home = await visit(browser, '/', '#titolo-pagina');
  const homeArabic = await visit(browser, '/', '#titolo-pagina', undefined, 'ar');
  // A real draft's section, so that the section's screen (not the "no such draft" page) is
  // what is drawn and counted.
  const deep = await visit(browser, `/libretto/${DRAFT_ID}/esperienze-lavorative`, '.entry-list__name', seedRichDraft);
  // The rest of the app's entry, for the record (no budget of its own).
  const ila = await visit(browser, '/ila', '#titolo-pagina');
  const total = report('first_load_home', home, BUDGET_HOME);
  report('first_load_home_ar', homeArabic, BUDGET_HOME);
  report('first_load_libretto_deep_link', deep, BUDGET_DEEP_LINK);
  report('first_load_ila', ila, 'none');
  console.log(`BENCH first_load_gzip=${total} budget=${BUDGET_HOME}`);
} finally {
  await browser.close();
}
