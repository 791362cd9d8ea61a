// Every route, in all six languages: it loads, has one h1 (with the right text where the
// screen's title is known), says its language and direction on <html>, passes axe with no
// violations, and makes no request outside the app's origin. The first visit follows the
// browser's language; in Arabic the layout is mirrored, checked by where things are drawn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, freshPage, open, axeViolations, BASE_URL } from './browser.mjs';
import { DRAFT_ID, seedRichDraft } from './seed.mjs';

const locale = (code) => JSON.parse(readFileSync(new URL(`../../locales/${code}.json`, import.meta.url)));
const it = locale('it');
const en = locale('en');
const LANGS = [
  ['it', 'Italiano'],
  ['en', 'English'],
  ['fr', 'Français'],
  ['ro', 'Română'],
  ['sq', 'Shqip'],
  ['ar', 'العربية'],
].map(([code, endonym]) => ({ code, endonym, texts: locale(code) }));

const ROUTES = [
  ['/', 'home_title'],
  ['/libretto', 'libretto_title'],
  ['/ila', 'ila_title'],
  ['/dote', 'dote_title'],
  ['/invii', 'invii_title'],
  ['/revisione', 'revisione_title'],
  ['/impostazioni', 'impostazioni_title'],
];

// The Libretto's screens, on a seeded draft; the print view is in Italian whatever the
// screen's language (its title is checked in Italian).
const DRAFT = `/libretto/${DRAFT_ID}`;
const DRAFT_ROUTES = [
  [DRAFT, 'overview_title'],
  [`${DRAFT}/dati-personali`, null],
  [`${DRAFT}/esperienze-lavorative`, null],
  [`${DRAFT}/esperienze-lavorative/e1`, null],
  [`${DRAFT}/titoli-di-studio`, null],
  [`${DRAFT}/esperienze-formative/f1`, null],
  [`${DRAFT}/lingue/l1`, null],
  [`${DRAFT}/competenze-digitali`, null],
  [`${DRAFT}/patenti`, null],
  [`${DRAFT}/competenze/c1`, null],
  [`${DRAFT}/evidenze/d1`, null],
  [`${DRAFT}/riepilogo`, 'riepilogo_title'],
  [`${DRAFT}/stampa`, 'stampa_title', it],
  [`${DRAFT}/invio`, 'invio_title'],
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const { code, texts } of LANGS) {
  test(`every route in ${code}: a first visit in that language, one h1, lang and dir, 0 axe violations`, async () => {
    const { context, page, problems } = await freshPage(browser, { locale: code });
    try {
      const dir = code === 'ar' ? 'rtl' : 'ltr';
      const check = async (path, titleKey, titles = texts) => {
        await open(page, path);
        const h1 = page.locator('h1');
        if (titleKey) await assert.doesNotReject(page.locator('h1', { hasText: titles[titleKey] }).waitFor(), path);
        assert.equal(await h1.count(), 1, `exactly one h1 on ${path}`);
        assert.equal(await page.locator('html').getAttribute('lang'), code, path);
        assert.equal(await page.locator('html').getAttribute('dir'), dir, path);
        if (titleKey) assert.match(await page.title(), new RegExp(escape(titles[titleKey])), path);
        assert.deepEqual(await axeViolations(page), [], `axe on ${path} in ${code}`);
      };
      for (const [path, titleKey] of ROUTES) await check(path, titleKey);
      await seedRichDraft(page, { texts });
      for (const [path, titleKey, titles] of DRAFT_ROUTES) await check(path, titleKey, titles);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('in Arabic the layout is mirrored: brand on the right, navigation from right to left, text from the right edge', async () => {
  const box = async (page, selector) => (await page.locator(selector).first().boundingBox()) ?? assert.fail(selector);
  const layout = async (code) => {
    const { context, page, problems } = await freshPage(browser, { locale: code });
    try {
      await open(page, '/dote');
      const [brand, italiano, english, first, second, h1, main] = await Promise.all(
        [
          '.brand',
          '.lang-switch__option[lang="it"]',
          '.lang-switch__option[lang="en"]',
          '.site-nav__list li:nth-child(1)',
          '.site-nav__list li:nth-child(2)',
          'h1',
          '#contenuto',
        ].map((s) => box(page, s)),
      );
      const notice = await page.locator('.notice').first().evaluate((el) => {
        const cs = getComputedStyle(el);
        return { left: parseFloat(cs.borderLeftWidth), right: parseFloat(cs.borderRightWidth) };
      });
      assert.deepEqual(problems, []);
      return { brand, italiano, english, first, second, h1, main, notice };
    } finally {
      await context.close();
    }
  };
  const ltr = await layout('it');
  const rtl = await layout('ar');
  const right = (b) => b.x + b.width;
  const near = (a, b) => Math.abs(a - b) < 40;
  // Left to right: the brand and the heading start at the content's left edge; the first
  // language and the first link are the leftmost; a notice's accent bar is on its left.
  assert.ok(near(ltr.brand.x, ltr.main.x), 'Italian: brand at the left edge');
  assert.ok(near(ltr.h1.x, ltr.main.x), 'Italian: heading at the left edge');
  assert.ok(ltr.italiano.x < ltr.english.x, 'Italian: first language on the left');
  assert.ok(ltr.first.x < ltr.second.x, 'Italian: first link on the left');
  assert.ok(ltr.notice.left > ltr.notice.right, "Italian: a notice's accent on its left");
  // Right to left: all mirrored.
  assert.ok(near(right(rtl.brand), right(rtl.main)), 'Arabic: brand at the right edge');
  assert.ok(near(right(rtl.h1), right(rtl.main)), 'Arabic: heading at the right edge');
  assert.ok(rtl.italiano.x > rtl.english.x, 'Arabic: first language on the right');
  assert.ok(rtl.first.x > rtl.second.x, 'Arabic: first link on the right');
  assert.ok(rtl.notice.right > rtl.notice.left, "Arabic: a notice's accent on its right");
});

test('the language switch works and persists across a reload and navigation', async () => {
  const { context, page, problems } = await freshPage(browser);
  try {
    await open(page, '/libretto');
    await page.locator('h1', { hasText: it.libretto_title }).waitFor();
    const english = page.getByRole('button', { name: 'English' }).first();
    assert.equal(await english.getAttribute('aria-pressed'), 'false');
    await english.click();
    await page.locator('h1', { hasText: en.libretto_title }).waitFor();
    assert.equal(await english.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    await page.reload();
    await page.locator('h1', { hasText: en.libretto_title }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    // Into another entry (a page load): the language stays.
    await page.getByRole('link', { name: en.nav_ila }).click();
    await page.locator('h1', { hasText: en.ila_title }).waitFor();
    // After a client-side navigation (inside one entry), focus moves to the new page's heading.
    await page.getByRole('link', { name: en.nav_dote, exact: true }).first().click();
    await page.locator('h1', { hasText: en.dote_title }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'titolo-pagina', null, { timeout: 5000 });

    await page.getByRole('button', { name: 'Italiano' }).first().click();
    await page.locator('h1', { hasText: it.dote_title }).waitFor();
    await page.reload();
    await page.locator('h1', { hasText: it.dote_title }).waitFor();

    // Only the language is kept in localStorage: nothing personal.
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(keys, ['sportello.lang']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a language that cannot arrive is said, in the language on screen, and nothing changes; once back online it is taken', async () => {
  // No service worker: it would have kept every language after the first visit.
  const { context, page, problems } = await freshPage(browser, { serviceWorkers: 'block' });
  const fr = locale('fr');
  try {
    await open(page, '/dote');
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Français' }).first().click();
    await page.getByRole('alert').filter({ hasText: it.lang_load_failed }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'it');
    await page.locator('h1', { hasText: it.dote_title }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe with the message shown');
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Français' }).first().click();
    await page.locator('h1', { hasText: fr.dote_title }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.equal(await page.getByText(it.lang_load_failed).count(), 0, 'the message is gone');
    // The failed fetch is the one expected problem.
    assert.deepEqual(problems.filter((p) => !/i18n\/fr-|Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(p)), []);
  } finally {
    await context.close();
  }
});

test('keyboard: the first Tab reaches the skip link, which moves focus to the main content', async () => {
  const { context, page, problems } = await freshPage(browser);
  try {
    await open(page, '/dote');
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement?.className);
    assert.equal(skip, 'skip-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'contenuto');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('/ is the light entry: its own page is painted before any wasm, and a link leads into the entry that has that address', async () => {
  // The page as sent: the heading and introduction are there before any script runs.
  const html = await (await fetch(BASE_URL + '/', { headers: { 'accept-language': 'it-IT,it;q=0.9' } })).text();
  assert.ok(html.includes(`<h1>${it.home_title}</h1>`), 'the Italian home page is in the HTML');
  const english = await (await fetch(BASE_URL + '/', { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text();
  assert.ok(english.includes(`<h1>${en.home_title}</h1>`), 'an English browser gets the English page');
  const ar = locale('ar');
  const arabic = await (await fetch(BASE_URL + '/', { headers: { 'accept-language': 'ar-MA,fr;q=0.8' } })).text();
  assert.ok(arabic.includes(`<h1>${ar.home_title}</h1>`), 'an Arabic browser gets the Arabic page');
  assert.match(arabic, /<html lang="ar" dir="rtl">/);
  assert.match(arabic, /<link rel="preload" href="\/i18n\/ar-[0-9a-f]{16}\.json"/, 'its translations are fetched early');

  const { context, page, problems } = await freshPage(browser);
  try {
    // The entries' main modules only: a screen's own chunks are checked apart, below.
    const wasm = [];
    page.on('request', (req) => {
      if (req.url().endsWith('_bg.wasm')) wasm.push(new URL(req.url()).pathname);
    });
    await open(page, '/');
    assert.equal(wasm.length, 1);
    assert.match(wasm[0], /^\/sportello-home-[0-9a-f]{12,16}_bg\.wasm$/, 'only the light entry is fetched');
    assert.deepEqual(await axeViolations(page), []);

    // Following a link loads the entry that has that address, once.
    await page.getByRole('link', { name: it.nav_libretto, exact: true }).click();
    await page.locator('h1', { hasText: it.libretto_title }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/libretto');
    assert.equal(wasm.length, 2);
    assert.match(wasm[1], /^\/sportello-libretto-[0-9a-f]{12,16}_bg\.wasm$/, "then the Libretto's entry");

    // Back home: every entry has the home page, no further download.
    await page.goBack();
    await page.locator('h1', { hasText: it.home_title }).waitFor();
    assert.equal(wasm.length, 2);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("each entry has its own addresses: a Libretto deep link fetches only the Libretto's entry, a link to the ILA loads the other entry once, an unknown address is not found without a reload", async () => {
  const { context, page, problems } = await freshPage(browser);
  // trunk's hash is hex without leading zeros: usually 16 digits, sometimes fewer.
  const entry = (path) => path.match(/^\/(sportello(?:-[a-z]+)?)-[0-9a-f]{12,16}_bg\.wasm$/)?.[1];
  try {
    const wasm = [];
    const documents = [];
    page.on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (entry(path)) wasm.push(entry(path));
      if (req.resourceType() === 'document') documents.push(path);
    });
    await open(page, '/libretto/00000000-0000-4000-8000-000000000000/esperienze-lavorative');
    assert.deepEqual(wasm, ['sportello-libretto']);

    await page.getByRole('link', { name: it.nav_ila, exact: true }).click();
    await page.locator('h1', { hasText: it.ila_title }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/ila');
    assert.deepEqual(wasm, ['sportello-libretto', 'sportello']);
    assert.deepEqual(await axeViolations(page), []);

    await page.getByRole('link', { name: it.nav_invii, exact: true }).click();
    await page.locator('h1', { hasText: it.invii_title }).waitFor();
    // Each address was loaded once, by the entry that has it.
    assert.deepEqual(documents, ['/libretto/00000000-0000-4000-8000-000000000000/esperienze-lavorative', '/ila', '/invii']);

    // An address no entry has: the entry the server chose says so, and stays.
    documents.length = 0;
    await open(page, '/libretto/a/b/c/d');
    await page.locator('h1', { hasText: it.not_found_title }).waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(documents, ['/libretto/a/b/c/d']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a section's screens are fetched when first shown: a deep link brings that section's chunk, not the others'; a chunk that does not arrive is said, and trying again draws the screen", async () => {
  // Without the service worker: the chunk cut below is the page's own request, as on a first
  // visit before the worker has kept the build.
  const { context, page, problems } = await freshPage(browser, { serviceWorkers: 'block' });
  // Split modules are named after their module: `split_libretto_titoli-<hash>.wasm`.
  const modules = [];
  page.on('request', (req) => {
    const name = new URL(req.url()).pathname.match(/^\/split_([a-z_]+)-[0-9a-f]{16}\.wasm$/)?.[1];
    if (name) modules.push(name);
  });
  try {
    await seedRichDraft(page);
    modules.length = 0;
    await open(page, `/libretto/${DRAFT_ID}/esperienze-lavorative`);
    await page.locator('.entry-list__name').first().waitFor();
    assert.deepEqual(modules, ['libretto_esperienze_lavorative'], 'only the open section');

    // Inside the app: the draft's overview, then another section.
    await page.locator('.draft-bar__name a').click();
    await page.locator(`a[href$="/titoli-di-studio"]`).first().click();
    await page.locator('h1', { hasText: it.sec_titoli_istruzione }).waitFor();
    assert.deepEqual(modules, ['libretto_esperienze_lavorative', 'libretto_overview', 'libretto_titoli']);

    // The connection drops before the languages' chunk arrives.
    await page.route(/\/split_libretto_lingue-/, (route) => route.abort('internetdisconnected'));
    await page.goto('about:blank');
    await open(page, `/libretto/${DRAFT_ID}`);
    await page.locator(`a[href$="/lingue"]`).first().click();
    const failed = page.getByRole('alert').filter({ hasText: it.screen_load_failed });
    await failed.waitFor();
    await page.locator('h1', { hasText: it.screen_load_failed_title }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.unroute(/\/split_libretto_lingue-/);
    await page.getByRole('button', { name: it.screen_load_retry }).click();
    await page.locator('h1', { hasText: it.sec_lingue }).waitFor();
    assert.equal(await failed.count(), 0);
    // Only the cut we made shows up: the refused request and the loader's report of it.
    const ours = (p) => /split_libretto_lingue|ERR_INTERNET_DISCONNECTED|TypeError: Failed to fetch/.test(p);
    assert.ok(problems.some(ours), 'the cut load was seen by the page');
    assert.deepEqual(problems.filter((p) => !ours(p)), []);
  } finally {
    await context.close();
  }
});

test('an unknown address shows the not-found page, inside the app', async () => {
  const { context, page } = await freshPage(browser);
  try {
    await open(page, '/non-esiste');
    await page.locator('h1', { hasText: it.not_found_title }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});

test('the server sends the security headers and a CSP that pins the loader script', async () => {
  const res = await fetch(BASE_URL + '/libretto');
  assert.equal(res.status, 200);
  const csp = res.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('cache-control'), 'no-cache');
});
