// Journey 2: a job seeker with a Libretto draft on this device checks ILA and vouchers,
// prefills from the draft, answers the rest by keyboard, and reads outcomes with reasons
// and sources. axe runs on the filled-in page in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, freshPage, open, axeViolations } from './browser.mjs';

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

test('prefill from the Libretto, answer by keyboard, read outcomes with reasons and sources', async () => {
  const { context, page, problems } = await freshPage(browser);
  try {
    await seedDraft(page);
    await open(page, '/ila');

    // Before answering, the questions the draft will answer are being asked.
    await page.locator('#q-birth_date').waitFor();

    // Choose the draft with the keyboard and use it.
    await page.locator('#prefill-draft').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(`${it.ila_prefill_done} 6`).waitFor();

    // Pistoia: age and status come from the Libretto; only the CPI's province is left.
    const pistoia = card(page, 'Carta ILA – Provincia di Pistoia');
    await pistoia.getByText(it.outcome_cannot_determine).waitFor();
    await page.locator('#q-cpi_province').focus();
    await page.keyboard.type('pt');
    await page.keyboard.press('Tab');
    await pistoia.getByText(it.outcome_eligible).waitFor();
    // Priority groups from the Libretto: a woman with a diploma.
    assert.ok(await pistoia.getByText(/seed 000_d79e9c3b9bdcb28e/).first().isVisible(), 'the source is shown');
    await pistoia.getByText(`${it.criterion_met}`).first().waitFor();

    // Voucher 2016: NASpI yes by keyboard, an ISEE one cent over the limit.
    await page.locator('#q-receives_naspi-0').focus();
    await page.keyboard.press('Space');
    await page.locator('#q-isee').focus();
    await page.keyboard.type('50.000,01');
    await page.keyboard.press('Tab');
    const voucher = card(page, 'Voucher formativi per la ricollocazione – Regione Toscana (avviso 2016)');
    await voucher.getByText(it.outcome_not_eligible).waitFor();
    const isee = voucher.locator('li.criterion--failed', { hasText: 'ISEE' });
    await isee.waitFor();
    assert.match(await isee.textContent(), /informagiovaniarezzo/);

    // A typing mistake in a money field is explained and keeps what was typed.
    await page.locator('#q-isee').fill('');
    await page.locator('#q-isee').focus();
    await page.keyboard.type('tanti');
    await page.keyboard.press('Tab');
    await page.getByText(it.error_money).waitFor();
    assert.equal(await page.locator('#q-isee').inputValue(), 'tanti');
    await page.locator('#q-isee').fill('');
    await page.locator('#q-isee').focus();
    await page.keyboard.type('12.000,00');
    await page.keyboard.press('Tab');
    await voucher.locator('li.criterion--met', { hasText: 'ISEE' }).waitFor();

    // Closed schemes say so.
    await voucher.getByText(it.badge_storico).waitFor();

    assert.deepEqual(await axeViolations(page), [], 'axe in Italian');
    await page.getByRole('button', { name: 'English' }).first().click();
    await card(page, 'ILA card – Province of Pistoia').getByText(en.outcome_eligible).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe in English');

    // Saving the check stores it in this browser.
    await page.getByRole('button', { name: en.ila_save }).click();
    await page.getByText(en.ila_saved).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a course over the cap shows what is covered and what is left to pay', async () => {
  const { context, page } = await freshPage(browser);
  try {
    await open(page, '/ila');
    await page.locator('#q-course-cost').focus();
    await page.keyboard.type('3.000,00');
    await page.keyboard.press('Tab');
    const pistoia = card(page, 'Carta ILA – Provincia di Pistoia');
    await pistoia.getByText('Coperto: € 2.500,00 · a tuo carico: € 500,00').waitFor();
  } finally {
    await context.close();
  }
});
