// Journey 1: a citizen drafts a whole Libretto by keyboard, closes the browser, comes back
// to find everything there, prints it; then the same screens in English. Also: export →
// erase everything → import gives back the identical draft and file; a wrong field shows the
// error summary with a working link; two tabs on one draft never silently overwrite.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import {
  BASE_URL, launch, freshPage, open, axeViolations, persistentPage, tabTo, typeInto, press, chooseOption,
  chooseRadio, typeDate, chooseFiles,
} from './browser.mjs';
import { DRAFT_ID, PDF, PDF_SHA, seedRichDraft, readStore } from './seed.mjs';

const it = JSON.parse(readFileSync(new URL('../../locales/it.json', import.meta.url)));
const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url)));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function noAxe(page, step) {
  assert.deepEqual(await axeViolations(page), [], `axe: ${step}`);
}

async function heading(page, text) {
  await page.locator('h1', { hasText: text }).waitFor();
}

/** Waits until the indicator says the last change is in IndexedDB. */
async function saved(page, texts = it) {
  await page.locator('#stato-salvataggio', { hasText: texts.save_saved_at }).waitFor();
}

async function openSection(page, slug, title) {
  await press(page, `a[href$="/${slug}"]`);
  await heading(page, title);
}

async function addEntry(page, label) {
  await press(page, `button:has-text("${label}")`);
}

async function saveAndContinue(page, texts = it) {
  await press(page, `button[type=submit]:has-text("${texts.form_save_continue}")`);
}

async function backToOverview(page) {
  await press(page, `a:has-text("${it.entry_done}")`);
  await heading(page, it.overview_title);
}

function stateOf(page, slug) {
  return page.locator(`#stato-${slug}`).textContent();
}

test('journey 1: a whole Libretto by keyboard, kept across a browser restart, printed, in both languages', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'sportello-profile-'));
  // Outside the try: a failed step must still close the browser, or the test run waits on it.
  let context;
  try {
    let page, problems;
    ({ context, page, problems } = await persistentPage(profile));
    await open(page, '/libretto');
    await noAxe(page, 'drafts, empty');
    await typeInto(page, '#campo-nuovo-nome', 'Libretto di Anna');
    await page.keyboard.press('Enter');
    await heading(page, it.overview_title);
    await noAxe(page, 'overview, empty');
    const draftUrl = page.url();

    // Personal data. The screen fetches the Belfiore table as it opens.
    const table = page.waitForResponse((r) => r.url().endsWith('/dati/belfiore.tsv'));
    await openSection(page, 'dati-personali', it.sec_dati_personali);
    await typeInto(page, '#campo-nome', 'Anna');
    await typeInto(page, '#campo-cognome', 'Rossi');
    // Typed in groups, as it is printed on the card: the field then shows the code in its one form.
    await typeInto(page, '#campo-codice_fiscale', 'rss nna 80a41-g713w');
    assert.equal(await page.locator('#campo-codice_fiscale').inputValue(), 'RSSNNA80A41G713W');
    await chooseRadio(page, 'campo-sesso', 0);
    await typeDate(page, 'data_nascita', { day: '1', month: '1', year: '1980' });
    // The code's place is Pistoia (G713): another birthplace gets a note that names it (the
    // Belfiore table, fetched by this screen alone), and the note goes once the two agree.
    await typeInto(page, '#campo-luogo_nascita', 'Firenze');
    assert.equal((await table).status(), 200);
    await page.locator('#campo-luogo_nascita-messaggio', { hasText: 'Pistoia (PT)' }).waitFor();
    // A name the table does not know is noted as typed; while typing, the field offers the
    // table's places that begin so, and the note goes once the place is one of them.
    await page.locator('#campo-luogo_nascita').fill('');
    await typeInto(page, '#campo-luogo_nascita', 'Pistoj');
    await page.locator('#campo-luogo_nascita-messaggio', { hasText: it.finding_birthplace_unknown.replace('%s', 'Pistoj') }).waitFor();
    await page.keyboard.press('Backspace');
    await page.locator('#campo-luogo_nascita-elenco option[value="Pistoia (PT)"]').waitFor({ state: 'attached' });
    await page.keyboard.type('ia');
    await page.locator('#campo-luogo_nascita-messaggio').waitFor({ state: 'detached' });
    await typeInto(page, '#campo-cittadinanza', 'Italiana');
    await typeInto(page, '#campo-residenza_indirizzo', 'Via Roma 1');
    await typeInto(page, '#campo-residenza_cap', '51100');
    await typeInto(page, '#campo-residenza_comune', 'Pistoia');
    await typeInto(page, '#campo-residenza_provincia', 'PT');
    await typeInto(page, '#campo-residenza_regione', 'Toscana');
    await typeInto(page, '#campo-email', 'anna.rossi@example.it');
    await noAxe(page, 'personal data, filled');
    await saveAndContinue(page);
    await heading(page, it.overview_title);
    assert.equal(await stateOf(page, 'dati-personali'), it.state_complete);

    // Two work experiences, the first with month-only dates.
    await openSection(page, 'esperienze-lavorative', it.sec_esperienze_lavorative);
    await noAxe(page, 'work list, empty');
    await addEntry(page, it.add_first_esperienza);
    await heading(page, it.entry_esperienza_lavorativa);
    await typeInto(page, '#campo-professione_descrizione', 'Cassiera');
    await typeInto(page, '#campo-datore', 'Coop Firenze');
    await typeDate(page, 'inizio', { month: '3', year: '2015' });
    await typeDate(page, 'fine', { month: '6', year: '2019' });
    await typeInto(page, '#campo-mansioni', 'Cassa, chiusura di cassa, assistenza ai clienti');
    await chooseOption(page, '#campo-tipo_contratto', 'Tempo indeterminato');
    await noAxe(page, 'work entry, filled');
    await saveAndContinue(page);
    await heading(page, it.sec_esperienze_lavorative);
    await addEntry(page, it.add_esperienza);
    await heading(page, it.entry_esperienza_lavorativa);
    await typeInto(page, '#campo-professione_descrizione', 'Magazziniera');
    await typeInto(page, '#campo-datore', 'Logistica Toscana Srl');
    await typeDate(page, 'inizio', { day: '1', month: '9', year: '2019' });
    await press(page, '#campo-in_corso', 'Space');
    await typeInto(page, '#campo-mansioni', 'Ricevimento merci e inventario');
    await saveAndContinue(page);
    await heading(page, it.sec_esperienze_lavorative);
    assert.equal(await page.locator('.entry-list__item').count(), 2);
    await noAxe(page, 'work list, two entries');
    await backToOverview(page);

    // One title.
    await openSection(page, 'titoli-di-studio', it.sec_titoli_istruzione);
    await addEntry(page, it.add_first_titolo);
    await typeInto(page, '#campo-denominazione', 'Diploma di ragioneria');
    await chooseOption(page, '#campo-livello_eqf', '4 –');
    await press(page, '#campo-completato', 'Space');
    await typeDate(page, 'anno', { year: '1999' });
    await noAxe(page, 'title entry');
    await saveAndContinue(page);
    await backToOverview(page);

    // One course.
    await openSection(page, 'esperienze-formative', it.sec_esperienze_formative);
    await addEntry(page, it.add_first_corso);
    await typeInto(page, '#campo-titolo', 'Corso HACCP');
    await typeInto(page, '#campo-ente', 'Formazione Toscana');
    await typeInto(page, '#campo-durata', '12');
    await chooseOption(page, '#campo-unita_durata', 'ore');
    await noAxe(page, 'course entry');
    await saveAndContinue(page);
    await backToOverview(page);

    // Two languages.
    await openSection(page, 'lingue', it.sec_lingue);
    await addEntry(page, it.add_first_lingua);
    await typeInto(page, '#campo-lingua', 'Italiano');
    await press(page, '#campo-madrelingua', 'Space');
    await saveAndContinue(page);
    await addEntry(page, it.add_lingua);
    await typeInto(page, '#campo-lingua', 'Inglese');
    await chooseOption(page, '#campo-ascolto', 'B1');
    await chooseOption(page, '#campo-scrittura', 'A2');
    await noAxe(page, 'language entry');
    await saveAndContinue(page);
    await backToOverview(page);

    // One document with a PDF.
    await openSection(page, 'evidenze', it.sec_evidenze);
    await addEntry(page, it.add_first_evidenza);
    await typeInto(page, '#campo-titolo', 'Attestato HACCP');
    await chooseRadio(page, 'campo-categoria', 1);
    await typeInto(page, '#campo-emesso_da', 'Formazione Toscana');
    await chooseFiles(page, '#campo-file', PDF);
    await page.locator('.file-preview__name', { hasText: 'attestato-haccp.pdf' }).waitFor();
    await page.locator('a', { hasText: it.file_download }).waitFor();
    await noAxe(page, 'document entry with file');
    await saveAndContinue(page);
    await backToOverview(page);

    // Three competences, linked to experiences and to the document.
    await openSection(page, 'competenze', it.sec_competenze);
    const competences = [
      ['Sono in grado di gestire la cassa e chiudere la giornata contabile', 0, 2, ['Cassiera']],
      ['Sono in grado di organizzare un magazzino e fare inventario', 0, 2, ['Magazziniera']],
      ['Sono in grado di applicare le norme igieniche HACCP', 0, 1, ['Corso HACCP']],
    ];
    for (const [i, [text, kind, context_, links]] of competences.entries()) {
      await addEntry(page, i === 0 ? it.add_first_competenza : it.add_competenza);
      await heading(page, it.entry_competenza);
      await typeInto(page, '#campo-descrizione', text);
      await chooseRadio(page, 'campo-tipologia', kind);
      await chooseRadio(page, 'campo-contesto', context_);
      for (const l of links) {
        const box = page.locator('.checkbox', { hasText: l }).locator('input');
        await tabTo(page, `#${await box.getAttribute('id')}`);
        await page.keyboard.press('Space');
      }
      if (i === 2) {
        const doc = page.locator('#campo-evidenze').locator('xpath=ancestor::fieldset').locator('.checkbox', { hasText: 'Attestato HACCP' }).locator('input');
        await tabTo(page, `#${await doc.getAttribute('id')}`);
        await page.keyboard.press('Space');
        await noAxe(page, 'competence entry');
      }
      await saveAndContinue(page);
      await heading(page, it.sec_competenze);
    }
    await backToOverview(page);
    await saved(page);
    for (const slug of ['dati-personali', 'esperienze-lavorative', 'titoli-di-studio', 'esperienze-formative', 'lingue', 'competenze', 'evidenze']) {
      assert.equal(await stateOf(page, slug), it.state_complete, slug);
    }
    await noAxe(page, 'overview, complete');

    // Check your answers.
    await press(page, `a:has-text("${it.overview_check}")`);
    await heading(page, it.riepilogo_title);
    await page.getByText(it.riepilogo_no_problems).waitFor();
    await noAxe(page, 'check your answers');
    assert.deepEqual(problems, []);
    await context.close();

    // A later evening: the browser opens again on the same profile.
    ({ context, page, problems } = await persistentPage(profile));
    await open(page, '/libretto');
    await press(page, 'a:has-text("Libretto di Anna")');
    await heading(page, it.overview_title);
    assert.equal(page.url(), draftUrl);
    await press(page, `a:has-text("${it.overview_print}")`);
    await heading(page, it.stampa_title);
    const printed = await page.locator('.libretto-document').innerText();
    for (const expected of [
      'Anna', 'Rossi', 'RSSNNA80A41G713W', '01/01/1980', 'Via Roma 1, 51100, Pistoia, PT', 'anna.rossi@example.it',
      'Cassiera', 'Coop Firenze', '03/2015 – 06/2019', 'Tempo indeterminato (A.01.00)',
      'Magazziniera', 'Logistica Toscana Srl', '01/09/2019 – in corso', 'Diploma di ragioneria', '1999',
      'Corso HACCP', '12 ore', 'Italiano', 'Inglese', 'B1 – autonomo', 'A2 – base',
      'Sono in grado di gestire la cassa', 'Sono in grado di organizzare un magazzino',
      'Sono in grado di applicare le norme igieniche HACCP', 'Attestato HACCP', 'attestato-haccp.pdf',
      'Cassiera – Coop Firenze', 'Magazziniera – Logistica Toscana Srl', 'Corso HACCP – Formazione Toscana',
    ]) {
      assert.ok(printed.includes(expected), `print view shows ${expected}`);
    }
    assert.ok(printed.indexOf(it.doc_sezione_1) < printed.indexOf(it.doc_sezione_2));
    assert.ok(printed.indexOf(it.doc_sezione_2) < printed.indexOf(it.doc_dossier));
    await noAxe(page, 'print view');
    // The browser's own print to PDF, with the print style sheet.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal(await page.locator('.no-print').first().isVisible(), false);
    await page.emulateMedia({ media: 'screen' });

    // The file is still there, byte for byte.
    await page.goto(draftUrl + '/evidenze');
    await heading(page, it.sec_evidenze);
    await press(page, `.entry-list a:has-text("${it.entry_change}")`);
    const download = page.waitForEvent('download');
    await press(page, `a:has-text("${it.file_download}")`);
    const file = await (await download).path();
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    assert.equal(sha, PDF_SHA);

    // Every step again, in English.
    await open(page, '/impostazioni');
    await press(page, 'button[lang=en]');
    await page.locator('html[lang=en]').waitFor();
    const screens = [
      ['', en.overview_title],
      ['/dati-personali', en.sec_dati_personali],
      ['/esperienze-lavorative', en.sec_esperienze_lavorative],
      ['/titoli-di-studio', en.sec_titoli_istruzione],
      ['/esperienze-formative', en.sec_esperienze_formative],
      ['/lingue', en.sec_lingue],
      ['/competenze-digitali', en.sec_competenze_digitali],
      ['/patenti', en.sec_patenti],
      ['/competenze', en.sec_competenze],
      ['/evidenze', en.sec_evidenze],
      ['/riepilogo', en.riepilogo_title],
      // The print view is the Italian document whatever the screen's language, and says so.
      ['/stampa', it.stampa_title],
    ];
    for (const [path, title] of screens) {
      await page.goto(draftUrl + path);
      await heading(page, title);
      if (path === '/stampa') {
        await page.getByText(en.doc_in_italian).waitFor();
        await page.getByText(en.stampa_intro).waitFor();
        await page.locator('.libretto-document h2', { hasText: it.doc_sezione_1 }).waitFor();
        assert.equal(await page.locator('.libretto-document').evaluate((el) => el.closest('[lang]').lang), 'it');
      }
      await noAxe(page, `${path || 'overview'} in English`);
      if (['/esperienze-lavorative', '/lingue', '/competenze', '/evidenze', '/titoli-di-studio', '/esperienze-formative'].includes(path)) {
        await press(page, `.entry-list a:has-text("${en.entry_change}")`);
        await page.locator('button[type=submit]').waitFor();
        await noAxe(page, `${path} entry in English`);
      }
    }
    await open(page, '/libretto');
    await noAxe(page, 'drafts in English');
    assert.deepEqual(problems, []);
  } finally {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
});

test('export → erase everything → import restores the identical draft and file bytes', async () => {
  const { context, page, problems } = await freshPage(browser);
  try {
    await seedRichDraft(page);
    const before = await readStore(page);
    assert.equal(before.drafts.length, 1);

    await page.goto(`${BASE_URL}/libretto/${DRAFT_ID}`);
    await heading(page, it.overview_title);
    const download = page.waitForEvent('download');
    await press(page, `button:has-text("${it.export_button}")`);
    const exported = await (await download).path();
    await page.getByText(it.export_done).waitFor();
    const json = JSON.parse(readFileSync(exported, 'utf8'));
    assert.equal(json.formato, 'sportello-libretto');
    assert.equal(json.file.length, 1);

    await open(page, '/impostazioni');
    await press(page, `button:has-text("${it.erase_button}")`);
    await press(page, '#conferma-cancellazione');
    await page.getByText(it.erase_done).waitFor();
    assert.deepEqual(await readStore(page), { drafts: [], files: [] });
    await noAxe(page, 'settings after erase');

    await open(page, '/libretto');
    await page.getByText(it.libretto_drafts_empty).waitFor();
    await chooseFiles(page, '#campo-importa', exported);
    await heading(page, it.overview_title);
    const after = await readStore(page);
    assert.deepEqual(after.drafts, before.drafts, 'the draft comes back identical');
    assert.deepEqual(after.files, before.files, 'the file comes back byte for byte');

    // The same file again: nothing is overwritten without asking; a copy is made on request.
    await open(page, '/libretto');
    await chooseFiles(page, '#campo-importa', exported);
    await page.getByText(it.import_exists.replace('%s', 'Libretto di Marco')).waitFor();
    await noAxe(page, 'import asks before replacing');
    await press(page, `button:has-text("${it.import_as_copy}")`);
    await heading(page, it.overview_title);
    const copies = await readStore(page);
    assert.equal(copies.drafts.length, 2);
    assert.ok(copies.drafts.some((d) => d.name === `Libretto di Marco ${it.import_copy_suffix}`));
    assert.deepEqual(copies.drafts.find((d) => d.id === DRAFT_ID), before.drafts[0], 'the original is untouched');

    // An older export version is still accepted; a broken file is explained, not half-read.
    await open(page, '/libretto');
    await chooseFiles(page, '#campo-importa', new URL('../../crates/core/tests/fixtures/export-v1.json', import.meta.url).pathname);
    await heading(page, it.overview_title);
    await open(page, '/libretto');
    await chooseFiles(page, '#campo-importa', { name: 'rotto.json', mimeType: 'application/json', buffer: Buffer.from('{"formato": "sportello-libretto", "versione": 2, "bozza": {"id": 5}}') });
    // The id that is not a text ends at line 1, column 66: the message says where.
    await page.locator('.notice--error', { hasText: it.import_invalid.replace('%l', '1').replace('%c', '66') }).waitFor();
    assert.equal((await readStore(page)).drafts.length, 3);

    // A crafted export whose "PDF" is an HTML page: refused by its bytes, nothing stored.
    const crafted = JSON.parse(readFileSync(exported, 'utf8'));
    const html = Buffer.from('<html><script>alert(document.domain)</script></html>');
    const sha = createHash('sha256').update(html).digest('hex');
    crafted.bozza.id = crypto.randomUUID();
    crafted.bozza.libretto.evidenze[0].file = { ...crafted.file[0], sha256: sha, dimensione: html.length };
    crafted.file = [{ ...crafted.file[0], sha256: sha, dimensione: html.length, base64: html.toString('base64') }];
    await chooseFiles(page, '#campo-importa', { name: 'trappola.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(crafted)) });
    await page.locator('.notice--error', { hasText: it.import_file_not_allowed.split('«')[0] }).waitFor();
    const afterCrafted = await readStore(page);
    assert.equal(afterCrafted.drafts.length, 3);
    assert.ok(!afterCrafted.files.some((f) => f.key === sha), 'the HTML file is not stored');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a field left invalid shows the error summary, in the current language, linking to the field', async () => {
  const { context, page, problems } = await freshPage(browser);
  try {
    await open(page, '/');
    await press(page, 'button[lang=en]');
    await page.locator('html[lang=en]').waitFor();
    await open(page, '/libretto');
    await typeInto(page, '#campo-nuovo-nome', 'Test');
    await page.keyboard.press('Enter');
    await heading(page, en.overview_title);
    await openSection(page, 'dati-personali', en.sec_dati_personali);
    await typeInto(page, '#campo-nome', 'Anna');
    await typeInto(page, '#campo-codice_fiscale', 'RSSNNA80A41G713X');
    await typeDate(page, 'data_nascita', { day: '1', month: '13', year: '1980' });
    await saveAndContinue(page, en);
    const summary = page.locator('#riepilogo-errori');
    await summary.waitFor();
    assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the summary takes focus');
    await summary.getByText(en.error_summary_title).waitFor();
    const cfText = `${en.f_codice_fiscale}: ${en.finding_cf_check_character.replace('%s', 'W')}`;
    const link = summary.getByRole('link', { name: cfText });
    await link.waitFor();
    await summary.getByRole('link', { name: `${en.f_data_nascita}: ${en.date_month_invalid}` }).waitFor();
    await summary.getByRole('link', { name: `${en.f_cognome}: ${en.finding_required}` }).waitFor();
    await press(page, `#riepilogo-errori a[href="#campo-codice_fiscale"]`);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'campo-codice_fiscale');
    assert.equal(await page.inputValue('#campo-codice_fiscale'), 'RSSNNA80A41G713X', 'the field keeps what was typed');
    assert.equal(await page.inputValue('#campo-data_nascita-mese'), '13');
    await page.locator('#campo-codice_fiscale-messaggio', { hasText: en.finding_cf_check_character.replace('%s', 'W') }).waitFor();
    assert.equal(await page.getAttribute('#campo-codice_fiscale', 'aria-invalid'), 'true');
    await noAxe(page, 'error summary in English');
    assert.ok(page.url().endsWith('/dati-personali'), 'the citizen stays on the screen');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('two tabs on one draft: the later save does not silently overwrite the earlier one', async () => {
  const { context, page: a, problems } = await freshPage(browser);
  try {
    await seedRichDraft(a);
    const b = await context.newPage();
    const url = `${BASE_URL}/libretto/${DRAFT_ID}/patenti`;
    await a.goto(url);
    await b.goto(url);
    await heading(a, it.sec_patenti);
    await heading(b, it.sec_patenti);
    // Every change is written at once and announced to the other tabs, so two tabs only
    // collide when a save lands that this tab has not heard of (a tab of an older version, a
    // message lost). Here one is written straight into the store, unannounced; B then types,
    // and its write, based on the revision it loaded, must be refused, not written over it.
    await a.evaluate(
      (id) =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('sportello');
          req.onsuccess = () => {
            const tx = req.result.transaction('drafts', 'readwrite');
            const store = tx.objectStore('drafts');
            const get = store.get(id);
            get.onsuccess = () => {
              const draft = get.result;
              draft.revision += 1;
              draft.libretto.patenti.altre = 'Muletto, scritto in A';
              store.put(draft);
            };
            tx.oncomplete = () => { req.result.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
      DRAFT_ID,
    );
    await tabTo(b, '#campo-altre');
    await b.keyboard.press('End');
    await b.keyboard.type(', scritto in B');
    const alert = b.locator('.conflict');
    await alert.getByText(it.store_error_conflict).waitFor();
    await b.locator('#stato-salvataggio', { hasText: it.save_conflict_short }).waitFor();
    let stored = (await readStore(a)).drafts[0];
    assert.equal(stored.libretto.patenti.altre, 'Muletto, scritto in A', "B did not overwrite A's save");
    await noAxe(b, 'conflict notice');
    // B keeps its own version, deliberately.
    await press(b, `button:has-text("${it.save_conflict_keep_mine}")`);
    await saved(b);
    stored = (await readStore(b)).drafts[0];
    assert.equal(stored.libretto.patenti.altre, 'Muletto, scritto in B');
    // A had nothing unsaved: it shows B's version.
    await assert.doesNotReject(async () => {
      for (let i = 0; i < 50; i++) {
        if ((await a.locator('#campo-altre').count()) && (await a.inputValue('#campo-altre')) === 'Muletto, scritto in B') return;
        await a.waitForTimeout(100);
      }
      throw new Error("A never showed B's version");
    });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a reload lands on the same screen and field; a deleted draft comes back with undo', async () => {
  const { context, page, problems } = await freshPage(browser);
  try {
    await open(page, '/libretto');
    await typeInto(page, '#campo-nuovo-nome', 'Libretto di Luca');
    await page.keyboard.press('Enter');
    await heading(page, it.overview_title);
    await openSection(page, 'dati-personali', it.sec_dati_personali);
    await typeInto(page, '#campo-cognome', 'Verdi');
    await saved(page);
    const url = page.url();
    await page.reload();
    await heading(page, it.sec_dati_personali);
    assert.equal(page.url(), url);
    assert.equal(await page.inputValue('#campo-cognome'), 'Verdi');
    await page.waitForFunction(() => document.activeElement?.id === 'campo-cognome');

    // Delete, then undo, from the drafts page.
    await open(page, '/libretto');
    await press(page, `button:has-text("${it.libretto_delete}")`);
    await page.getByText(it.libretto_deleted.replace('%s', 'Libretto di Luca')).waitFor();
    // Focus moves to the undo button once it is drawn.
    await page.waitForFunction(() => document.activeElement?.id === 'annulla-eliminazione');
    await page.getByText(it.libretto_drafts_empty).waitFor();
    await noAxe(page, 'draft deleted, undo offered');
    await page.keyboard.press('Enter');
    await page.locator('.draft-list__name', { hasText: 'Libretto di Luca' }).waitFor();
    await press(page, 'a:has-text("Libretto di Luca")');
    await heading(page, it.overview_title);
    assert.equal(await stateOf(page, 'dati-personali'), it.state_in_progress);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
