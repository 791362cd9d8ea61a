// Journey 5, both roles, keyboard only, axe on every screen: the citizen sends → the
// orientatore signs in, notes two items and asks for changes → the citizen reads the notes,
// fixes the draft and sends it again → the orientatore sees what changed and consolidates →
// the citizen sees the Libretto consolidated. The Libretto carries hostile text throughout:
// no dialog may open in either role. Every outcome is checked in the server's database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { sql as sqlIn } from './cpi.mjs';
import { launch, freshPage, open, axeViolations, press, typeInto, chooseRadio, expectFocus } from './browser.mjs';
import { PDF_SHA, seedRichDraft } from './seed.mjs';

const it = JSON.parse(readFileSync(new URL('../../locales/it.json', import.meta.url)));
const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url)));
const CPI_DATA = process.env.CPI_DATA;
const CPI_BIN = process.env.CPI_BIN;

const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  link: 'javascript:alert(1)',
};

let browser;
before(async () => {
  assert.ok(CPI_DATA && CPI_BIN, 'cargo xtask test sets CPI_DATA and CPI_BIN');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const sql = (query) => sqlIn(CPI_DATA, query);

/** An orientatore of `office`, created as a CPI administrator does: the command line. */
function addOrientatore(office) {
  const email = `orientatore.${randomBytes(4).toString('hex')}@${office}.cpi.test`;
  const password = randomBytes(12).toString('hex');
  execFileSync(CPI_BIN, ['user', 'add', '--office', office, '--email', email, '--data', CPI_DATA], {
    input: `${password}\n`,
  });
  return { email, password };
}

/** A page on which any dialog (an injected alert) fails the test. */
async function guardedPage(locale) {
  const opened = await freshPage(browser, { locale });
  opened.page.on('dialog', async (d) => {
    opened.problems.push(`a dialog opened: ${d.message()}`);
    await d.dismiss();
  });
  return opened;
}

async function noAxe(page, step) {
  assert.deepEqual(await axeViolations(page), [], `axe: ${step}`);
}

/** Sends the draft to Milano; `interest` is the n-th programme of the optional question. */
async function send(page, id, t, interest = null) {
  await open(page, `/libretto/${id}/riepilogo`);
  await press(page, '#invia-al-cpi');
  await page.locator('h1', { hasText: t.invio_title }).waitFor();
  await page.waitForFunction(() => document.querySelector('#campo-ufficio')?.value === 'milano');
  if (interest !== null) await chooseRadio(page, 'campo-interesse', interest);
  await noAxe(page, 'consent screen');
  await press(page, '#conferma-invio');
  await page.locator('h1', { hasText: t.ricevuta_title }).waitFor({ timeout: 30000 });
  return (await page.locator('#codice-ricevuta').textContent()).trim();
}

async function signIn(page, { email, password }, texts = it) {
  await open(page, '/revisione');
  await noAxe(page, 'sign-in');
  await typeInto(page, '#campo-email', email);
  await typeInto(page, '#campo-password', password);
  await page.keyboard.press('Enter');
  await page.locator('h1', { hasText: texts.desk_queue_title }).waitFor();
}

/** From the queue to one submission, by Tab and Enter on its receipt code. */
async function openFromQueue(page, code, statusFilterIndex = 0) {
  if (statusFilterIndex) await chooseRadio(page, 'campo-stato', statusFilterIndex);
  await press(page, `a:has-text("${code}")`);
  await page.locator('h1', { hasText: code }).waitFor();
}

async function citizenStatus(page, code, label) {
  await open(page, '/invii');
  await page.locator('.submission-list__item', { hasText: code }).locator('.stato-invio', { hasText: label }).waitFor();
  await press(page, `a:has-text("${code}")`);
  await page.locator('#codice-ricevuta', { hasText: code }).waitFor();
}

for (const [locale, t] of [['it-IT', it], ['en-GB', en]]) {
  test(`journey 5 (${locale}): send, notes and changes, resubmit, what changed, consolidate — both roles, keyboard only`, async () => {
    const citizen = await guardedPage(locale);
    const desk = await guardedPage(locale);
    const account = addOrientatore('milano');
    const id = crypto.randomUUID();
    try {
      await seedRichDraft(citizen.page, {
        id,
        texts: t,
        edit: (l) => {
          l.esperienze_lavorative[0].datore = `Officine ${HOSTILE.script}`;
          l.esperienze_lavorative[0].mansioni = HOSTILE.img;
          l.competenze[0].descrizione = `Vedi ${HOSTILE.link}`;
        },
      });
      // The citizen says they would like to talk about the dote (the third programme).
      const first = await send(citizen.page, id, t, 2);

      // The orientatore: sign in, the queue, the submission (opening it starts the review).
      await signIn(desk.page, account, t);
      await noAxe(desk.page, 'queue');
      // A period that ended before it was sent leaves it out; a fresh queue has it again.
      await desk.page.locator('a', { hasText: first }).waitFor();
      await typeInto(desk.page, '#campo-al', '01012020');
      await desk.page.getByText(t.desk_queue_empty).waitFor();
      await open(desk.page, '/revisione');
      await desk.page.locator('a', { hasText: first }).waitFor();
      // By programme: "voucher" (the third choice after "all") leaves it out, "dote" has it.
      await chooseRadio(desk.page, 'campo-programma', 2);
      await desk.page.getByText(t.desk_queue_empty).waitFor();
      // Tab lands on a group's checked radio: from "voucher", one arrow down is "dote".
      await press(desk.page, '#campo-programma-2', 'ArrowDown');
      await desk.page.locator('a', { hasText: first }).waitFor();
      await openFromQueue(desk.page, first);
      await noAxe(desk.page, 'submission under review');
      assert.equal(sql(`SELECT status FROM submissions WHERE receipt_code = '${first}'`)[0].status, 'in_revisione');
      // Hostile text is shown as text.
      await desk.page.getByText(`Officine ${HOSTILE.script}`).first().waitFor();
      assert.equal(await desk.page.locator('.libretto-document img').count(), 0, 'no element was injected');
      // The evidence file, downloaded at the desk, is the citizen's file byte for byte.
      const pdfDownload = desk.page.waitForEvent('download');
      await press(desk.page, '.evidence-list a[download]');
      const pdfBytes = readFileSync(await (await pdfDownload).path());
      assert.equal(createHash('sha256').update(pdfBytes).digest('hex'), PDF_SHA);
      // Shown here, in a frame: the browser loads the file as a framed document (a page policy
      // that forbade it would log a console error, which fails the test; the viewer takes the
      // bytes over, so they were compared above on the download).
      const framed = desk.page.waitForResponse((r) => r.url().includes('/evidence/') && r.request().resourceType() === 'document');
      await press(desk.page, '.evidence-list summary');
      const frameAnswer = await framed;
      assert.equal(frameAnswer.status(), 200);
      assert.equal(frameAnswer.headers()['content-type'], 'application/pdf');
      await desk.page.locator('.evidence-list iframe[title]').waitFor();

      // Two notes: the job needs a document; a comment on the personal data.
      await chooseRadio(desk.page, 'verdetto-esperienze-lavorative-e1-nessuno', 2);
      await typeInto(desk.page, '#commento-dati-personali-scheda', `Manca il documento d'identità ${HOSTILE.img}`);
      await press(desk.page, '#chiedi-modifiche');
      await expectFocus(desk.page, 'conferma');
      await noAxe(desk.page, 'confirming the request of changes');
      await press(desk.page, '#conferma-esito-si');
      await desk.page.getByText(t.desk_saved_changes).waitFor();
      await expectFocus(desk.page, 'esito-messaggio');
      const stored = sql(
        `SELECT s.status, r.annotations_json AS notes, r.outcome FROM submissions s JOIN reviews r ON r.submission_id = s.id WHERE s.receipt_code = '${first}'`,
      );
      assert.equal(stored[0].status, 'modifiche_richieste');
      assert.equal(stored[0].outcome, 'modifiche_richieste');
      const notes = JSON.parse(stored[0].notes);
      assert.deepEqual(
        notes.map((n) => [n.section, n.item ?? null, n.verdict ?? null]).sort(),
        [['dati-personali', null, null], ['esperienze-lavorative', 'e1', 'serve_documento']],
      );

      // The citizen reads the notes beside the items they concern, as text.
      await citizenStatus(citizen.page, first, t.status_modifiche_richieste);
      await citizen.page.getByText(t.review_changes_heading).waitFor();
      await citizen.page.getByText(`Manca il documento d'identità ${HOSTILE.img}`).waitFor();
      await citizen.page.locator('.review-note--action', { hasText: `Officine ${HOSTILE.script}` }).waitFor();
      await noAxe(citizen.page, 'receipt with the notes');

      // Fixes the draft (the employer's name) and sends it again: version 2.
      await press(citizen.page, `a:has-text("${t.review_fix_draft}")`);
      // The draft's task list carries the same notes, each a link to its item's screen.
      await citizen.page.locator('h2', { hasText: t.review_changes_heading }).waitFor();
      await noAxe(citizen.page, 'draft with the notes');
      await press(citizen.page, `.review-notes a[href="/libretto/${id}/esperienze-lavorative/e1"]`);
      await citizen.page.locator('#campo-datore').waitFor();
      await citizen.page.locator('#campo-datore').fill('');
      await typeInto(citizen.page, '#campo-datore', 'Officine Meccaniche Srl');
      await citizen.page.waitForTimeout(300);
      const second = await send(citizen.page, id, t);
      assert.notEqual(second, first);
      assert.deepEqual(
        sql(`SELECT version FROM submissions WHERE draft_id = '${id}' ORDER BY version`).map((r) => r.version),
        [1, 2],
      );
      // The new version asked about what the first did, without the citizen choosing again.
      assert.deepEqual(
        sql(`SELECT interest FROM submissions WHERE draft_id = '${id}' ORDER BY version`).map((r) => r.interest),
        ['dote', 'dote'],
      );

      // The orientatore sees what changed since version 1, and consolidates.
      await open(desk.page, '/revisione');
      await openFromQueue(desk.page, second);
      const changes = desk.page.locator('section[aria-labelledby=modifiche]');
      await changes.getByText(t.desk_changes_title.replace('%v', '1')).waitFor();
      await changes.locator('li', { hasText: 'Officine Meccaniche Srl' }).getByText(t.f_datore).waitFor();
      await noAxe(desk.page, 'resubmitted version with its changes');
      await press(desk.page, '#consolida');
      await expectFocus(desk.page, 'conferma');
      await press(desk.page, '#conferma-esito-si');
      await desk.page.getByText(t.desk_saved_consolidated).waitFor();
      assert.equal(sql(`SELECT status FROM submissions WHERE receipt_code = '${second}'`)[0].status, 'consolidata');
      assert.equal(await desk.page.locator('#consolida').count(), 0, 'a consolidated version offers no more outcomes');
      await noAxe(desk.page, 'consolidated');

      // The office's monitoring, reached from the desk's bar: its figures are the server's, and
      // the CSV carries the same ones.
      await press(desk.page, `a:has-text("${t.mon_title}")`);
      await desk.page.locator('h1', { hasText: t.mon_title }).waitFor();
      const office = (q) => sql(`SELECT count(*) AS n FROM submissions WHERE office_id = 'milano'${q}`)[0].n;
      const total = office('');
      assert.ok(total >= 2, 'both versions are counted');
      await desk.page.locator('#mon-totale', { hasText: t.mon_total.replace('%n', String(total)) }).waitFor();
      await noAxe(desk.page, 'monitoring');
      const csvDownload = desk.page.waitForEvent('download');
      await press(desk.page, '#scarica-csv');
      const csv = readFileSync(await (await csvDownload).path(), 'utf8').trim().split('\n');
      assert.equal(csv[0], 'tabella,voce,conteggio');
      assert.ok(csv.includes(`totale,invii,${total}`), csv.join('\n'));
      assert.ok(csv.includes(`stato,"consolidata",${office(" AND status = 'consolidata'")}`), csv.join('\n'));
      // A period that ended before today counts nothing.
      await typeInto(desk.page, '#campo-al', '01012020'); // day, month, year: both it-IT and en-GB
      await desk.page.locator('#mon-totale', { hasText: t.mon_total.replace('%n', '0') }).waitFor();

      // The citizen sees it consolidated.
      await citizenStatus(citizen.page, second, t.status_consolidata);
      await citizen.page.getByText(t.review_consolidated_heading).waitFor();
      await noAxe(citizen.page, 'consolidated receipt');

      // Its Documento di trasparenza: printed, and downloaded as JSON with the three blocks.
      // The document is Italian whatever the screen's language; its controls are not.
      await press(citizen.page, `a:has-text("${t.tr_link}")`);
      await citizen.page.locator('h1', { hasText: it.tr_title }).waitFor();
      await citizen.page.locator('h2', { hasText: it.tr_persona }).waitFor();
      await citizen.page.locator('#scarica-trasparenza', { hasText: t.tr_download_json }).waitFor();
      assert.equal(await citizen.page.getByText(en.doc_in_italian).count(), t === en ? 1 : 0);
      await citizen.page.getByText(`Vedi ${HOSTILE.link}`).waitFor();
      await noAxe(citizen.page, 'Documento di trasparenza');
      await citizen.page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
      await press(citizen.page, '#stampa-trasparenza');
      assert.equal(await citizen.page.evaluate(() => window.printed), 1, 'the print dialog was asked for');
      const download = citizen.page.waitForEvent('download');
      await press(citizen.page, '#scarica-trasparenza');
      const file = await (await download).path();
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(doc.documento, 'Documento di trasparenza');
      assert.equal(doc.persona.codice_fiscale, 'RSSMRA45D25F205N');
      assert.equal(doc.competenze.length, 1);
      assert.equal(doc.competenze[0].descrizione, `Vedi ${HOSTILE.link}`);
      assert.deepEqual(doc.competenze[0].evidenze.map((e) => e.titolo), ['Lettera di referenze']);
      assert.ok(doc.competenze[0].esperienze[0].includes('Officine Meccaniche Srl'), doc.competenze[0].esperienze[0]);
      assert.equal(doc.rilascio.codice_ricevuta, second);
      assert.equal(doc.rilascio.versione, 2);
      assert.equal(
        doc.rilascio.consolidato_il.slice(0, 19),
        sql(`SELECT r.updated_at FROM reviews r JOIN submissions s ON s.id = r.submission_id WHERE s.receipt_code = '${second}'`)[0].updated_at.slice(0, 19),
        'released when the CPI consolidated it',
      );
      // Hostile text stays text here too: no link was made of t.
      assert.equal(await citizen.page.locator('a[href^="javascript:"]').count(), 0);

      // Signing out ends the session on the server: the desk asks to sign in again.
      await press(desk.page, '#esci');
      await desk.page.locator('#campo-email').waitFor();
      await open(desk.page, '/revisione');
      await desk.page.locator('#campo-email').waitFor();
      assert.deepEqual(citizen.problems, []);
      assert.deepEqual(desk.problems, []);
    } finally {
      await citizen.context.close();
      await desk.context.close();
    }
  });
}

test('the desk in English, a wrong password refused, axe clean', async () => {
  const desk = await guardedPage('en-GB');
  const account = addOrientatore('milano');
  try {
    await open(desk.page, '/revisione');
    await desk.page.locator('h1', { hasText: en.revisione_title }).waitFor();
    // Nothing typed: the error summary names both fields and takes focus.
    await press(desk.page, '#accedi');
    await expectFocus(desk.page, 'riepilogo-errori');
    await noAxe(desk.page, 'sign-in errors in English');
    await typeInto(desk.page, '#campo-email', account.email);
    await typeInto(desk.page, '#campo-password', 'not-the-password');
    await desk.page.keyboard.press('Enter');
    await desk.page.getByText(en.desk_sign_in_refused).waitFor();
    await expectFocus(desk.page, 'accesso-esito');
    assert.equal(await desk.page.locator('#campo-password').inputValue(), '', 'the password is typed again');
    await noAxe(desk.page, 'sign-in refused in English');
    await signIn(desk.page, account, en);
    await noAxe(desk.page, 'queue in English');
    await press(desk.page, `a:has-text("${en.mon_title}")`);
    await desk.page.locator('h1', { hasText: en.mon_title }).waitFor();
    await desk.page.locator('#mon-totale').waitFor();
    await noAxe(desk.page, 'monitoring in English');
    // The one refused sign-in is the only failed request: a desk opened before signing in
    // asks who is signed in and is told "nobody" (204), not refused.
    assert.deepEqual(desk.problems, [
      'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)',
    ]);
  } finally {
    await desk.context.close();
  }
});
