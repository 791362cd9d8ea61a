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
