// Not a test: `cargo xtask bench` runs this. A Libretto of 500 entries (250 experiences, 250
// competences) is stored in a browser profile; the browser is then closed and started again
// and the task list opened, five times with an empty HTTP cache (as after an update, or a
// browser that dropped it) and five times with the cache the previous run left (a citizen
// coming back). Reported: time from navigation start to the first paint of the overview with
// its section states (median and max). Prints `BENCH` lines.
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
  for (const cache of ['empty', 'warm']) {
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      ({ context, page } = await persistentPage(profile));
      if (cache === 'empty') {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.clearBrowserCache');
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
      `BENCH cold_load_overview_500_items http_cache=${cache} median_ms=${samples[Math.floor(RUNS / 2)].toFixed(1)} ` +
        `max_ms=${samples[RUNS - 1].toFixed(1)} runs=${RUNS}`,
    );
  }
} finally {
  rmSync(profile, { recursive: true, force: true });
}
