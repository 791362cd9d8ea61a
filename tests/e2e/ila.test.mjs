// Journey 2: a job seeker with a Libretto draft on this device checks ILA and vouchers,
// prefills from the draft, answers the rest by keyboard in short steps, reads outcomes
// (open ones first, closed schemes folded) with reasons and sources, and saves the check,
// which is listed and reopened. axe runs in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, freshPage, open, axeViolations, chooseOption, chooseRadio, expectFocus, press, tabTo, typeInto } from './browser.mjs';
import { readSimulations } from './seed.mjs';

const it = JSON.parse(readFileSync(new URL('../../locales/it.json', import.meta.url)));
const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url)));

const DRAFT = {
  id: '0b7f3c2e-5d41-4c3a-9a55-2f7e1c9d8a01',
  name: 'Libretto di Anna',
  revision: 1,
  format_version: 1,
  state: 'bozza',
  created_at: '2026-03-02T09:15:00Z',
  updated_at: '2026-03-05T18:40:12Z',
  libretto: {
    dati_personali: {
      nome: 'Anna',
      cognome: 'Bianchi',
      codice_fiscale: 'FRNSST75D50A717N',
      residenza: { comune: 'Pistoia', provincia: 'PT', regione: 'toscana' },
      condizione_occupazionale: 'disoccupato',
    },
    titoli_istruzione: [{ denominazione: 'Diploma di ragioneria', livello_eqf: 4, completato: true }],
  },
};

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Puts a draft in the app's own database, as the Libretto pages will. */
async function seedDraft(page) {
  await open(page, '/libretto'); // the app opens (and creates) its database here
  await page.getByText(it.libretto_drafts_empty).waitFor();
  await page.evaluate(
    (draft) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('sportello');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('drafts', 'readwrite');
          tx.objectStore('drafts').put(draft);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DRAFT,
  );
}

function card(page, name) {
  return page.locator('article.result', { has: page.locator('h3', { hasText: name }) });
}

/** Presses "Continua" by keyboard until `selector` is on the current step. */
async function continueTo(page, selector) {
  for (let i = 0; i < 5; i++) {
    if (await page.locator(selector).count()) return;
    await press(page, '.step button[type=submit]');
    await page.locator('#passo-domande').waitFor();
  }
  throw new Error(`no step shows ${selector}`);
}


test('ILA by keyboard: prefill, questions in steps with a way back, open programmes first, a check saved, listed and reopened', async () => {
  const { context, page, problems } = await freshPage(browser);
  try {
    await seedDraft(page);
    await open(page, '/ila');

    // The first step asks who you are; the draft will answer most of it.
    await page.locator('#passo-domande').getByText(it.step_about_you).waitFor();
    await page.locator('#campo-birth_date').waitFor();

    // Choose the draft with the keyboard and use it.
    await chooseOption(page, '#campo-prefill-draft', 'Libretto di Anna');
    await press(page, `button:has-text("${it.ila_prefill_button}")`);
    await page.getByText(`${it.ila_prefill_done} 6`).waitFor();

    // Open programmes lead; closed schemes are folded under "Storico" and opened by keyboard.
    const groups = await page.locator('.results > h3, .results summary').allTextContents();
    assert.equal(groups[0], it.results_open_heading);
    assert.match(groups.at(-1), /^Storico/);
    for (const badge of await page.locator('.results .result-list').first().locator('p.badge').allTextContents()) {
      assert.equal(badge, it.outcome_eligible);
    }
    await press(page, 'summary:has-text("Storico")');

    // Pistoia (2005): age and status come from the Libretto; only the CPI's province is left.
    const pistoia = card(page, 'Carta ILA – Provincia di Pistoia');
    await pistoia.getByText(it.outcome_cannot_determine).waitFor();
    await continueTo(page, '#campo-cpi_province');
    await page.locator('#passo-domande').getByText(it.step_cpi).waitFor();
    await typeInto(page, '#campo-cpi_province', 'pt');
    await pistoia.getByText(it.outcome_eligible).waitFor();
    assert.ok(await pistoia.getByText(/seed 000_d79e9c3b9bdcb28e/).first().isVisible(), 'the source is shown');

    // A way back: the previous step, focus on its heading, answers kept.
    await press(page, `.step button:has-text("${it.step_back}")`);
    await expectFocus(page, 'passo-domande');
    await page.locator('#passo-domande').getByText(it.step_work).waitFor();
    await continueTo(page, '#campo-cpi_province');
    assert.equal(await page.locator('#campo-cpi_province').inputValue(), 'PT');

    // Voucher 2016: NASpI yes by keyboard, an ISEE one cent over the limit.
    await chooseRadio(page, 'campo-receives_naspi', 0);
    await typeInto(page, '#campo-isee', '50.000,01');
    const voucher = card(page, 'Voucher formativi per la ricollocazione – Regione Toscana (avviso 2016)');
    await voucher.getByText(it.outcome_not_eligible).waitFor();
    await voucher.getByText(it.badge_storico).waitFor();
    const isee = voucher.locator('li.criterion--failed', { hasText: 'ISEE' });
    assert.match(await isee.textContent(), /informagiovaniarezzo/);

    // A typing mistake in a money field: explained on continuing, the text kept, focus on the summary.
    await tabTo(page, '#campo-isee');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('tanti');
    await press(page, '.step button[type=submit]');
    await page.locator('#riepilogo-errori').getByText(it.error_money).waitFor();
    await expectFocus(page, 'riepilogo-errori');
    assert.equal(await page.locator('#campo-isee').inputValue(), 'tanti');
    assert.deepEqual(await axeViolations(page), [], 'axe with the error summary');
    await tabTo(page, '#campo-isee');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12.000,00');
    await voucher.locator('li.criterion--met', { hasText: 'ISEE' }).waitFor();

    // The last step is the course; "see the results" moves focus to them.
    await continueTo(page, '#campo-course_cost');
    await typeInto(page, '#campo-course_cost', '3.000,00');
    await pistoia.getByText('Coperto: € 2.500,00 · a tuo carico: € 500,00').waitFor();
    await press(page, `.step button:has-text("${it.step_see_results}")`);
    await expectFocus(page, 'risultati');
    assert.deepEqual(await axeViolations(page), [], 'axe in Italian');

    // Saved: the store holds these answers, and the list shows the check.
    await press(page, `button:has-text("${it.ila_save}")`);
    await page.getByText(it.ila_saved).waitFor();
    const [check] = await readSimulations(page, 'ila_check');
    assert.equal(check.body.cpi_province, 'PT');
    assert.equal(check.body.isee, '12000.00');
    assert.equal(check.body.residence_region, 'toscana');
    await page.locator('.saved__item').first().waitFor();

    // Another visit: the list is there; "Apri" brings the answers back.
    await open(page, '/ila');
    await page.locator('.saved__item').first().waitFor();
    await press(page, 'summary:has-text("Storico")');
    await pistoia.getByText(it.outcome_cannot_determine).waitFor();
    await press(page, `.saved__item button:has-text("${it.saved_open}")`);
    await pistoia.getByText(it.outcome_eligible).waitFor();
    await continueTo(page, '#campo-cpi_province');
    assert.equal(await page.locator('#campo-cpi_province').inputValue(), 'PT');

    await page.getByRole('button', { name: 'English' }).first().click();
    await card(page, 'ILA card – Province of Pistoia').getByText(en.outcome_eligible).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe in English');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
