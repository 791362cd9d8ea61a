// Not a test: `cargo xtask bench` runs this. Typing fast into one field of the 500-entry
// Libretto: every change is written at once, one write in flight, later keystrokes coalesced
// into the next write. Reported: keystrokes, writes and writes per second while typing, and
// each write's duration (p50, p95) from the app's own User Timing entries ("sportello-autosave":
// from the moment a write starts to the end of its IndexedDB transaction). Prints `BENCH` lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, persistentPage } from '../e2e/browser.mjs';
import { ID, seedDraft } from './libretto500.mjs';

// About 25 characters a second: a fast typist.
const TEXT = 'Responsabile del magazzino ricambi, ordini e inventari con gestionale SAP. '.repeat(3);
const KEY_DELAY_MS = 40;

const profile = mkdtempSync(join(tmpdir(), 'sportello-bench-'));
try {
  const { context, page } = await persistentPage(profile);
  await seedDraft(page);
  await page.goto(`${BASE_URL}/libretto/${ID}/esperienze-lavorative/e0`);
  await page.locator('#campo-mansioni').focus();
  await page.keyboard.press('End');
  const started = await page.evaluate(() => performance.now());
  await page.keyboard.type(TEXT, { delay: KEY_DELAY_MS });
  const typed = await page.evaluate(() => performance.now());
  // The last write ends after the last key; its entry is what the citizen waits for.
  await page.waitForFunction(() => document.querySelector('#stato-salvataggio')?.textContent.includes('Salvato'));
  const durations = await page.evaluate(
    () => performance.getEntriesByName('sportello-autosave', 'measure').map((m) => m.duration),
  );
  const writes = durations.length;
  durations.sort((a, b) => a - b);
  const pick = (q) => durations[Math.min(writes - 1, Math.floor(q * writes))];
  const seconds = (typed - started) / 1000;
  console.log(`BENCH autosave_typing_500_items keys=${TEXT.length} writes=${writes} writes_per_s=${(writes / seconds).toFixed(1)} write_p50_ms=${pick(0.5).toFixed(1)} write_p95_ms=${pick(0.95).toFixed(1)} write_max_ms=${durations[writes - 1].toFixed(1)}`);
  await context.close();
} finally {
  rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
}
