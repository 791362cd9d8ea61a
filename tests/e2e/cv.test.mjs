// JSON Resume, out and in: the Libretto downloaded as a CV passes the official schema (the
// validator of the `@jsonresume/schema` package); the package's own sample CV is imported as a
// new draft after the citizen has seen, listed, everything it holds that the Libretto cannot;
// our CV reads back with nothing left out. No import writes over a draft already here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, freshPage, axeViolations, chooseFiles, open, press } from './browser.mjs';
import { DRAFT_ID, readStore, seedRichDraft } from './seed.mjs';

const it = JSON.parse(readFileSync(new URL('../../locales/it.json', import.meta.url)));
const require = createRequire(import.meta.url);
const { validate } = require('@jsonresume/schema');
const SAMPLE = require.resolve('@jsonresume/schema/sample.resume.json');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function schemaErrors(doc) {
  let errors = null;
  validate(doc, (err) => {
    errors = err ? err.map((e) => `${e.property} ${e.message}`) : [];
  });
  return errors;
}

test('the Libretto as a JSON Resume CV: valid against the official schema, imported back as a new draft; a foreign CV lists what it leaves out', async () => {
  const { context, page, problems } = await freshPage(browser);
  try {
    await seedRichDraft(page);
    const [original] = (await readStore(page)).drafts;

    // Out: the CV file, checked by the schema package's own validator.
    await open(page, `/libretto/${DRAFT_ID}`);
    const download = page.waitForEvent('download');
    await press(page, `button:has-text("${it.export_cv_button}")`);
    const file = await (await download).path();
    await page.getByText(it.export_done).waitFor();
    const cv = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(schemaErrors(cv), [], 'valid JSON Resume');
    assert.equal(cv.basics.name, 'Marco Rossi');
    assert.equal(cv.work[0].name, 'Officine Srl');
    assert.equal(cv.work[0].startDate, '2010-03');
    assert.equal(cv.education[0].studyType, 'EQF 4');
    assert.ok(!readFileSync(file, 'utf8').includes('RSSMRA45D25F205N'), 'no codice fiscale in a CV');

    // The validator can say no: the same CV with a date it does not accept.
    assert.notDeepEqual(schemaErrors({ ...cv, work: [{ ...cv.work[0], startDate: '03/2010' }] }), []);

    // In again: nothing is left out, so it becomes a new draft at once, the original untouched.
    await open(page, '/libretto');
    await chooseFiles(page, '#campo-importa', file);
    await page.locator('#titolo-pagina', { hasText: it.overview_title }).waitFor();
    let store = await readStore(page);
    assert.equal(store.drafts.length, 2);
    assert.deepEqual(store.drafts.find((d) => d.id === DRAFT_ID), original, 'the original is untouched');
    const back = store.drafts.find((d) => d.id !== DRAFT_ID);
    assert.equal(back.name, it.import_cv_draft_name.replace('%s', 'Marco Rossi'));
    const l = back.libretto;
    assert.equal(l.dati_personali.cognome, 'Rossi');
    assert.equal(l.dati_personali.email, 'marco@example.it');
    assert.equal(l.esperienze_lavorative[0].datore, 'Officine Srl');
    assert.equal(l.esperienze_lavorative[0].professione.descrizione, 'Tornitore');
    assert.equal(l.esperienze_lavorative[0].fine, '2020');
    assert.equal(l.titoli_istruzione[0].livello_eqf, 4);
    assert.equal(l.esperienze_formative[0].titolo, 'Sicurezza sul lavoro');
    assert.equal(l.lingue[0].madrelingua, true);
    assert.deepEqual(l.patenti.categorie, ['B', 'C']);
    assert.equal(l.competenze[0].descrizione, 'Sono in grado di usare un tornio CNC');

    // A foreign CV, the schema package's sample: what does not fit is listed before anything is stored.
    await open(page, '/libretto');
    await chooseFiles(page, '#campo-importa', SAMPLE);
    const list = page.locator('.left-out');
    await list.waitFor();
    const items = await list.locator('li').allTextContents();
    for (const expected of [
      `${it.cv_section_basics} (url): http://richardhendricks.example.com`,
      `${it.cv_section_work}, ${it.cv_item.replace('%n', '1')} (url): http://piedpiper.example.com`,
      `${it.cv_section_volunteer}, ${it.cv_item.replace('%n', '1')} (organization): CoderDojo`,
      `${it.cv_section_education}, ${it.cv_item.replace('%n', '1')} (courses): DB1101 - Basic SQL`,
    ]) {
      assert.ok(items.includes(expected), `listed: ${expected}\n${items.join('\n')}`);
    }
    assert.deepEqual(await axeViolations(page), [], 'axe on the list of what is left out');
    assert.equal((await readStore(page)).drafts.length, 2, 'nothing stored before the citizen says so');
    await press(page, `button:has-text("${it.import_cv_confirm}")`);
    await page.locator('#titolo-pagina', { hasText: it.overview_title }).waitFor();
    store = await readStore(page);
    assert.equal(store.drafts.length, 3);
    const sample = store.drafts.find((d) => d.name === it.import_cv_draft_name.replace('%s', 'Richard Hendriks'));
    assert.ok(sample, 'the sample became its own draft');
    assert.equal(sample.libretto.dati_personali.nome, 'Richard');
    assert.equal(sample.libretto.esperienze_lavorative[0].datore, 'Pied Piper');
    assert.equal(sample.libretto.titoli_istruzione[0].denominazione, 'Bachelor – Information Technology');

    // Neither a Libretto nor a CV: said, nothing stored.
    await open(page, '/libretto');
    await chooseFiles(page, '#campo-importa', { name: 'altro.json', mimeType: 'application/json', buffer: Buffer.from('{"nome": "x"}') });
    await page.locator('.notice--error', { hasText: it.import_not_export }).waitFor();
    assert.equal((await readStore(page)).drafts.length, 3);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

const FIXTURES = new URL('../../crates/core/tests/fixtures/', import.meta.url).pathname;

test('Europass: a v3 XML and a 2020+ PDF with its XML inside become new drafts after their left-out lists; our Europass XML reads back whole', async () => {
  const { context, page, problems } = await freshPage(browser);
  try {
    await seedRichDraft(page);
    const [original] = (await readStore(page)).drafts;

    // A v3 XML: what does not fit is listed, axe-clean, nothing stored until confirmed.
    await open(page, '/libretto');
    await chooseFiles(page, '#campo-importa', `${FIXTURES}europass-v3.xml`);
    const list = page.locator('.left-out');
    await list.waitFor();
    const items = await list.locator('li').allTextContents();
    for (const expected of [
      `${it.cv_section_attachments}, ${it.cv_item.replace('%n', '1')} (Attachment/Name): referenze.pdf`,
      `${it.cv_section_basics} (Telephone/Contact): +39 030 5550000`,
      `${it.cv_section_education}, ${it.cv_item.replace('%n', '1')} (Field/Label): Commercio, amministrazione e diritto`,
    ]) {
      assert.ok(items.includes(expected), `listed: ${expected}\n${items.join('\n')}`);
    }
    assert.deepEqual(await axeViolations(page), [], 'axe on the Europass left-out list');
    assert.equal((await readStore(page)).drafts.length, 1, 'nothing stored before the citizen says so');
    await press(page, `button:has-text("${it.import_cv_confirm}")`);
    await page.locator('#titolo-pagina', { hasText: it.overview_title }).waitFor();
    let store = await readStore(page);
    const giulia = store.drafts.find((d) => d.name === it.import_cv_draft_name.replace('%s', 'Giulia Ferri'));
    assert.ok(giulia, 'the v3 CV became its own draft');
    assert.equal(giulia.libretto.dati_personali.data_nascita, '1988-07-21');
    assert.equal(giulia.libretto.esperienze_lavorative[0].datore, 'Logistica Lombarda Srl');
    assert.equal(giulia.libretto.lingue[1].scrittura, 'A2');
    assert.deepEqual(store.drafts.find((d) => d.id === DRAFT_ID), original, 'the original is untouched');

    // The Europass editor's PDF: its embedded XML is read, never the printed text.
    await open(page, '/libretto');
    await chooseFiles(page, '#campo-importa', `${FIXTURES}europass-candidate.pdf`);
    await list.waitFor();
    assert.ok((await list.locator('li').allTextContents()).includes(`${it.cv_section_basics} (URI): https://anapopescu.example.ro`));
    await press(page, `button:has-text("${it.import_cv_confirm}")`);
    await page.locator('#titolo-pagina', { hasText: it.overview_title }).waitFor();
    store = await readStore(page);
    const ana = store.drafts.find((d) => d.name === it.import_cv_draft_name.replace('%s', 'Ana Popescu'));
    assert.ok(ana, 'the PDF CV became its own draft');
    assert.equal(ana.libretto.titoli_istruzione[0].livello_eqf, 3);

    // A PDF that is only printed text is said to be one, nothing stored.
    await open(page, '/libretto');
    await chooseFiles(page, '#campo-importa', `${FIXTURES}../../../../tests/e2e/fixtures/attestato-haccp.pdf`);
    await page.locator('.notice--error', { hasText: it.import_pdf_without_cv }).waitFor();
    assert.equal((await readStore(page)).drafts.length, 3);

    // Out and in: our Europass XML of the seeded draft comes back with nothing left out.
    await open(page, `/libretto/${DRAFT_ID}`);
    const download = page.waitForEvent('download');
    await press(page, `button:has-text("${it.export_europass_button}")`);
    const file = await (await download).path();
    assert.match(readFileSync(file, 'utf8'), /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<SkillsPassport xmlns="http:\/\/europass\.cedefop\.europa\.eu\/Europass"/);
    await open(page, '/libretto');
    await chooseFiles(page, '#campo-importa', file);
    await page.locator('#titolo-pagina', { hasText: it.overview_title }).waitFor();
    store = await readStore(page);
    assert.equal(store.drafts.length, 4);
    const marco = store.drafts.find((d) => d.name === it.import_cv_draft_name.replace('%s', 'Marco Rossi'));
    assert.ok(marco, 'our Europass XML imported at once: nothing was left out');
    assert.equal(marco.libretto.dati_personali.data_nascita, '1945-04-25');
    assert.equal(marco.libretto.esperienze_lavorative[0].professione.descrizione, 'Tornitore');
    assert.equal(marco.libretto.esperienze_lavorative[0].inizio, '2010-03');
    assert.deepEqual(marco.libretto.patenti.categorie, ['B', 'C']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
