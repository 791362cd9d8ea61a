// Journey 4: a citizen sends their Libretto to the CPI, keyboard only, and gets a receipt;
// /invii shows it as sent. Then what goes wrong in real life: the send button activated
// twice, the answer lost after the server stored the submission (then a reload), and the
// server stopped in the middle of the uploads. Each ends with exactly one submission in the
// server's database and every evidence file byte-identical, read with sqlite3 — not from
// the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, sql, startServer } from './cpi.mjs';
import { BASE_URL, launch, freshPage, open, axeViolations, press } from './browser.mjs';
import { PDF, PDF_SHA, seedRichDraft } from './seed.mjs';

const it = JSON.parse(readFileSync(new URL('../../locales/it.json', import.meta.url)));
const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url)));
const CPI_DATA = process.env.CPI_DATA;
const CPI_BIN = process.env.CPI_BIN;

let browser;
before(async () => {
  assert.ok(CPI_DATA && CPI_BIN, 'cargo xtask test sets CPI_DATA and CPI_BIN');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Exactly one submission for this draft on the server, with the PDF stored byte for byte. */
function assertStoredOnce(dataDir, draftId) {
  const rows = sql(dataDir, `SELECT id, receipt_code, status FROM submissions WHERE draft_id = '${draftId}'`);
  assert.equal(rows.length, 1, `one submission for ${draftId}, found ${rows.length}`);
  const files = sql(dataDir, `SELECT sha256, mime_type, hex(bytes) AS hex FROM evidence_files WHERE submission_id = '${rows[0].id}'`);
  assert.equal(files.length, 1);
  assert.equal(files[0].sha256, PDF_SHA);
  assert.equal(files[0].mime_type, 'application/pdf');
  assert.equal(files[0].hex.toLowerCase(), readFileSync(PDF).toString('hex'), 'the file is byte-identical');
  return rows[0];
}

async function noAxe(page, step) {
  assert.deepEqual(await axeViolations(page), [], `axe: ${step}`);
}

/** A new draft id for each test: they all share the server's database. */
function newId() {
  return crypto.randomUUID();
}

async function toConsent(page, id, base = BASE_URL, texts = it) {
  await open(page, `/libretto/${id}/riepilogo`, base);
  await press(page, '#invia-al-cpi');
  await page.locator('h1', { hasText: texts.invio_title }).waitFor();
  // The office of the citizen's province is chosen for them (Marco lives in Milano).
  await page.waitForFunction(() => document.querySelector('#campo-ufficio')?.value === 'milano');
}

async function receiptCode(page, texts = it) {
  await page.locator('h1', { hasText: texts.ricevuta_title }).waitFor({ timeout: 30000 });
  return (await page.locator('#codice-ricevuta').textContent()).trim();
}

test('journey 4: consent, send, receipt, /invii shows it as sent — keyboard only, axe clean', async () => {
  const { context, page, problems } = await freshPage(browser);
  const id = newId();
  try {
    await seedRichDraft(page, { id });
    await toConsent(page, id);
    // What will leave the device is listed: the office, the sections, the file and its size.
    await page.getByText('attestato-haccp.pdf').waitFor();
    await page.getByText(it.invio_consent_heading).waitFor();
    await noAxe(page, 'consent');

    // A double activation of the button (Enter twice) still makes one submission.
    await press(page, '#conferma-invio');
    await page.keyboard.press('Enter');
    const code = await receiptCode(page);
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await noAxe(page, 'receipt');

    const row = assertStoredOnce(CPI_DATA, id);
    assert.equal(row.receipt_code, code, 'the receipt shows the code the server stored');
    assert.equal(row.status, 'inviata');

    await open(page, '/invii');
    await page.locator('.submission-list__item', { hasText: code }).waitFor();
    await page.locator('.stato-invio', { hasText: it.status_inviata }).waitFor();
    await noAxe(page, '/invii with a submission');
    // The outbox is empty once the CPI has everything.
    const outbox = await page.evaluate(() => new Promise((resolve) => {
      const req = indexedDB.open('sportello');
      req.onsuccess = () => {
        const r = req.result.transaction('outbox').objectStore('outbox').count();
        r.onsuccess = () => { req.result.close(); resolve(r.result); };
      };
    }));
    assert.equal(outbox, 0);

    // The task list says what was sent, and that editing now makes version 2.
    await open(page, `/libretto/${id}`);
    const sent = page.locator('section[aria-labelledby=versioni-inviate]');
    await sent.getByText(code).waitFor();
    await sent.getByText(it.sent_versions_next.replace('%s', '2')).waitFor();
    await noAxe(page, 'task list after sending');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the consent screen and the receipt in English, axe clean', async () => {
  const { context, page, problems } = await freshPage(browser);
  const id = newId();
  try {
    await seedRichDraft(page, { id });
    await open(page, '/impostazioni');
    await press(page, 'button[lang=en]');
    await page.locator('html[lang=en]').waitFor();
    await toConsent(page, id, BASE_URL, en);
    await noAxe(page, 'consent in English');
    await press(page, '#conferma-invio');
    await receiptCode(page, en);
    await noAxe(page, 'receipt in English');
    assertStoredOnce(CPI_DATA, id);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the answer lost after the server stored it: a reload resends with the same key, one record', async () => {
  const { context, page, problems } = await freshPage(browser);
  const id = newId();
  try {
    await seedRichDraft(page, { id });
    await toConsent(page, id);
    let cut = 0;
    await page.route('**/api/v1/submissions', async (route) => {
      if (cut === 0) {
        cut += 1;
        await route.fetch(); // the server commits…
        await route.abort('connectionreset'); // …and the answer never arrives.
        return;
      }
      await route.continue();
    });
    await press(page, '#conferma-invio');
    await page.locator('#riprova-invio').waitFor({ timeout: 15000 });
    await page.getByText(it.send_error_network).waitFor();
    assert.equal(sql(CPI_DATA, `SELECT id FROM submissions WHERE draft_id = '${id}'`).length, 1, 'the server did store it');
    await noAxe(page, 'a failed send, explained');

    await page.unroute('**/api/v1/submissions');
    await page.reload();
    await receiptCode(page);
    assertStoredOnce(CPI_DATA, id);
    // The one request cut on purpose is the only network problem.
    const others = problems.filter((p) => !p.includes('/api/v1/submissions') && !p.includes('ERR_CONNECTION_RESET') && !p.includes('Failed to load resource'));
    assert.deepEqual(others, []);
  } finally {
    await context.close();
  }
});

// ── a server of our own, to stop and start ──────────────────────────────────────────────

test('the server stopped in the middle of the uploads and started again: the send completes, one record', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-cpi-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server = await startServer({ dataDir, port });
  const context = await browser.newContext({ locale: 'it-IT' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const id = newId();
  try {
    await seedRichDraft(page, { id, base });
    await toConsent(page, id, base);
    let stopped = false;
    await page.route('**/evidence/**', async (route) => {
      if (!stopped) {
        stopped = true;
        // The submission is stored; the server dies before the file arrives.
        server.kill('SIGKILL');
        await new Promise((r) => server.once('exit', r));
        await route.continue(); // refused: nobody listens
        server = await startServer({ dataDir, port });
        return;
      }
      await route.continue();
    });
    await press(page, '#conferma-invio');
    await receiptCode(page);
    assert.ok(stopped, 'the server was stopped mid-send');
    assertStoredOnce(dataDir, id);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
