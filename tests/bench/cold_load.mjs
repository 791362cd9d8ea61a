// Not a test: `cargo xtask bench` runs this. A Libretto of 500 entries (250 experiences, 250
// competences) is stored in a browser profile; the browser is then closed and started again
// and the task list opened, five times in each of three states: an empty HTTP cache and no
// service worker (as after a browser dropped its caches), the HTTP cache the previous run
// left but no service worker (a browser without one), and the service worker installed with
// its copy of the build (a citizen coming back). Reported: time from navigation start to the
// first paint of the overview with its section states (median and max). Prints `BENCH` lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, persistentPage } from '../e2e/browser.mjs';
import { ID, seedDraft } from './libretto500.mjs';

const RUNS = 5;

const profile = mkdtempSync(join(tmpdir(), 'sportello-bench-'));
try {
  let { context, page } = await persistentPage(profile);
  await seedDraft(page);
  await context.close();
  for (const cache of ['empty', 'warm', 'service_worker']) {
    const samples = [];
    if (cache === 'service_worker') {
      // One visit that installs the worker and lets it keep the build.
      ({ context, page } = await persistentPage(profile));
      await page.goto(`${BASE_URL}/libretto/${ID}`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120000 });
      await context.close();
    }
    for (let i = 0; i < RUNS; i++) {
      ({ context, page } = await persistentPage(profile));
      const cdp = await context.newCDPSession(page);
      if (cache === 'empty') await cdp.send('Network.clearBrowserCache');
      if (cache !== 'service_worker') {
        await cdp.send('Storage.clearDataForOrigin', {
          origin: new URL(BASE_URL).origin,
          storageTypes: 'service_workers,cache_storage',
        });
      }
      await page.goto(`${BASE_URL}/libretto/${ID}`);
      await page.locator('#stato-competenze').waitFor();
      // The next animation frame after the task list exists: it has been painted.
      const ms = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
      samples.push(ms);
      await context.close();
    }
    samples.sort((a, b) => a - b);
    console.log(
      `BENCH cold_load_overview_500_items cache=${cache} median_ms=${samples[Math.floor(RUNS / 2)].toFixed(1)} ` +
        `max_ms=${samples[RUNS - 1].toFixed(1)} runs=${RUNS}`,
    );
  }
} finally {
  rmSync(profile, { recursive: true, force: true });
}
