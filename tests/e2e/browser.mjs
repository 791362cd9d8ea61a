// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core, and
// axe-core run against whatever page a test is on.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080';

// Without the networking flags Chromium floods this machine's closed network at start.
export const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
}

/**
 * A fresh browser context (empty storage, like a first visit) whose page records every
 * console error and uncaught exception, so a CSP violation or a panic fails the test.
 * `serviceWorkers: 'block'` for a test that cuts the page's own requests: what the app's
 * service worker serves from its copy of the build never reaches a route.
 */
/**
 * Chromium's own PDF viewer: a component extension and the resources it draws with, read from
 * inside the browser, never from the network (the desk shows evidence PDFs in a frame).
 */
const PDF_VIEWER = ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/', 'chrome://resources/'];

export async function freshPage(browser, { locale = 'it-IT', serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ locale, serviceWorkers });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // A request cut short because the test navigated away (net::ERR_ABORTED) is not a failure.
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()}`);
  });
  page.on('request', (req) => {
    const own = [BASE_URL, 'data:', 'blob:', ...PDF_VIEWER];
    if (!own.some((prefix) => req.url().startsWith(prefix))) {
      problems.push(`third-party request: ${req.url()}`);
    }
  });
  return { context, page, problems };
}

/** Opens a route and waits until the app (not the static first paint) has rendered it. */
export async function open(page, path, base = BASE_URL) {
  await page.goto(base + path);
  await page.locator('#titolo-pagina').waitFor();
}

/** axe-core with the WCAG 2.1 A and AA rules; returns readable violations. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * A browser profile on disk, so that a test can close the browser and open it again with
 * the same IndexedDB, as a citizen does between two evenings.
 */
export async function persistentPage(userDataDir, { locale = 'it-IT' } = {}) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ARGS,
    locale,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { context, page, problems };
}

/**
 * Presses Tab (Shift+Tab if `back`) until the focused element matches `selector`: the way a
 * keyboard user reaches a control, and a check that it can be reached at all.
 */
export async function tabTo(page, selector, { max = 200 } = {}) {
  const target = page.locator(selector).first();
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Tabs to a text field and types into it. */
export async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/**
 * Waits until the element with `id` has focus: the app moves focus after the next frame is
 * drawn, so a check made at once would race it. Fails when focus never gets there.
 */
export async function expectFocus(page, id) {
  try {
    await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5000 });
  } catch {
    const actual = await page.evaluate(() => document.activeElement?.id ?? '');
    throw new Error(`focus should be on #${id}, it is on ${actual ? `#${actual}` : 'an element without id'}`);
  }
}

/** Tabs to a control and presses a key on it (Enter for links and buttons, Space for boxes). */
export async function press(page, selector, key = 'Enter') {
  await tabTo(page, selector);
  await page.keyboard.press(key);
}

/** Chooses a select's option by arrow keys, the way a keyboard user does. */
export async function chooseOption(page, selector, label) {
  await tabTo(page, selector);
  const select = page.locator(selector).first();
  for (let i = 0; i < 60; i++) {
    const current = await select.evaluate((el) => el.options[el.selectedIndex]?.text ?? '');
    if (current.includes(label)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${selector} has no option "${label}"`);
}

/** Chooses the n-th radio of a group (0-based): Tab into the group, Space, then arrows. */
export async function chooseRadio(page, groupFirstId, n) {
  await tabTo(page, `#${groupFirstId}`);
  await page.keyboard.press('Space');
  for (let i = 0; i < n; i++) await page.keyboard.press('ArrowDown');
}

/** Types a date into the three fields of the date component (day may be empty). */
export async function typeDate(page, field, { day = '', month = '', year = '' }) {
  if (day) await typeInto(page, `#campo-${field}`, day);
  if (month) await typeInto(page, `#campo-${field}-mese`, month);
  if (year) await typeInto(page, `#campo-${field}-anno`, year);
}

/**
 * Opens a file input's chooser by keyboard (Tab to it, Space) and picks `files`. Chromium
 * occasionally drops the first activation right after a navigation; the keypress is then
 * repeated once, still by keyboard.
 */
export async function chooseFiles(page, selector, files) {
  await tabTo(page, selector);
  for (let attempt = 0; attempt < 2; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 5000 }).catch(() => null);
    await page.keyboard.press('Space');
    const opened = await chooser;
    if (opened) return opened.setFiles(files);
    await tabTo(page, selector);
  }
  throw new Error(`no file chooser opened from ${selector}`);
}
