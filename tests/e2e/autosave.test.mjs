// Crash-safe autosave: the browser is killed (SIGKILL, so no `pagehide` or `visibilitychange`
// ever fires) 100 ms after the last keystroke, twenty times in a row; each restart on the
// same profile must find what was typed before the kill, both in IndexedDB and on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARGS, BASE_URL, open, typeInto } from './browser.mjs';
import { DRAFT_ID, readStore, seedRichDraft } from './seed.mjs';

const KILLS = 20;

/**
 * Starts Chromium as its own process on a profile directory and connects to it, so that the
 * test holds the pid and can kill it the way a crash or the OS would.
 */
async function startBrowser(profile) {
  const child = spawn(process.env.CHROMIUM ?? '/usr/bin/chromium',
    [...ARGS, '--accept-lang=it-IT', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    // Its own process group, so a kill takes every Chromium process at once, as a flat battery
    // or the OS would — and none is left writing into the profile afterwards.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const endpoint = await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools address: ${err}`)), 30000);
    child.stderr.on('data', (chunk) => {
      err += chunk;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${err}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { child, browser, page, exited };
}

/** SIGKILL to the browser's whole process group (by its pid), then wait for the browser to be gone. */
async function kill(session) {
  try {
    process.kill(-session.child.pid, 'SIGKILL');
  } catch (e) {
    if (e.code !== 'ESRCH') throw e;
  }
  await session.exited;
}

test('the browser killed 100 ms after typing keeps every edit (20 of 20)', { timeout: 600000 }, async () => {
  const profile = mkdtempSync(join(tmpdir(), 'sportello-kill-'));
  let session = null;
  try {
    session = await startBrowser(profile);
    await seedRichDraft(session.page);
    const kept = [];
    let expected = null;
    for (let i = 0; i <= KILLS; i++) {
      const { page } = session;
      await open(page, `/libretto/${DRAFT_ID}/dati-personali`);
      if (expected !== null) {
        const { drafts } = await readStore(page);
        const stored = drafts.find((d) => d.id === DRAFT_ID)?.libretto.dati_personali.telefono;
        const shown = await page.locator('#campo-telefono').inputValue();
        kept.push({ kill: i, expected, stored, shown });
      }
      if (i === KILLS) break;
      expected = `+39 333 ${String(1000000 + i)}`;
      await typeInto(page, '#campo-telefono', '');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(expected);
      await page.waitForTimeout(100);
      await kill(session);
      session = await startBrowser(profile);
    }
    const lost = kept.filter((k) => k.stored !== k.expected || k.shown !== k.expected);
    assert.deepEqual(lost, [], `${KILLS - lost.length} of ${KILLS} edits kept`);
    assert.equal(kept.length, KILLS);
  } finally {
    if (session) await kill(session);
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});
