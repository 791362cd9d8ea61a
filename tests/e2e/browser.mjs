// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core, and
// axe-core run against whatever page a test is on.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080';

// Without the networking flags Chromium floods this machine's closed network at start.
const ARGS = [
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
 */
export async function freshPage(browser, { locale = 'it-IT' } = {}) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  page.on('request', (req) => {
    if (!req.url().startsWith(BASE_URL) && !req.url().startsWith('data:') && !req.url().startsWith('blob:')) {
      problems.push(`third-party request: ${req.url()}`);
    }
  });
  return { context, page, problems };
}

/** Opens a route and waits until the app (not the static first paint) has rendered it. */
export async function open(page, path) {
  await page.goto(BASE_URL + path);
  await page.locator('#titolo-pagina').waitFor();
}

/** axe-core with the WCAG 2.1 A and AA rules; returns readable violations. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
