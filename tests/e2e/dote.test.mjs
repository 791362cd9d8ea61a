// Journey 3: a worker simulates a dote — chooses a fascia, builds a plan of services, sees
// the budget bar, cannot save a plan over budget, and sees illustrative values labelled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, freshPage, open, axeViolations } from './browser.mjs';

const it = JSON.parse(readFileSync(new URL('../../locales/it.json', import.meta.url)));
const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url)));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a plan over budget is flagged and cannot be saved; within budget it saves', async () => {
  const { context, page, problems } = await freshPage(browser);
  try {
    await open(page, '/dote');
    // Illustrative unit costs are labelled on screen.
    assert.ok((await page.getByText(it.illustrative_value).count()) >= 9);

    // Fascia 2 by keyboard, then 100 hours of training at the illustrative €15: €1,500.
    await page.locator('#scenario-1-fascia-2').focus();
    await page.keyboard.press('Space');
    await page.locator('#scenario-1-q-5').focus();
    await page.keyboard.type('100');
    await page.getByText('Usati € 1.500,00 su € 3.000,00. Restano € 1.500,00').waitFor();

    // 200 hours: €3,000 + the intake interview goes €35 over.
    await page.locator('#scenario-1-q-5').fill('200');
    await page.locator('#scenario-1-q-0').focus();
    await page.keyboard.type('1');
    await page.getByText('Il piano supera il budget di € 35,00').first().waitFor();
    await page.getByRole('button', { name: it.dote_save }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText(it.error_summary_title).waitFor();
    assert.equal(await page.getByText(it.dote_saved).count(), 0, 'nothing saved over budget');
    // The summary links to the plan's first quantity field.
    await summary.locator('a').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'scenario-1-q-0');

    assert.deepEqual(await axeViolations(page), [], 'axe with the error shown');

    // Back within budget: it saves.
    await page.locator('#scenario-1-q-0').fill('0');
    await page.getByText('Usati € 3.000,00 su € 3.000,00. Restano € 0,00').waitFor();
    await page.getByRole('button', { name: it.dote_save }).click();
    await page.getByText(it.dote_saved).waitFor();

    // A second and third scenario side by side, and no more.
    await page.getByRole('button', { name: it.dote_add_scenario }).click();
    await page.getByRole('button', { name: it.dote_add_scenario }).click();
    assert.equal(await page.locator('section.scenario').count(), 3);
    assert.equal(await page.getByRole('button', { name: it.dote_add_scenario }).count(), 0);

    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByText(en.illustrative_value).first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe in English');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('eligibility for the Lombardy schemes comes with reasons', async () => {
  const { context, page } = await freshPage(browser);
  try {
    await open(page, '/dote');
    await page.locator('#q-residence_region').selectOption('lombardia');
    const card = page.locator('article.result', { has: page.locator('h3', { hasText: 'Dote Lavoro – Regione Lombardia (2009)' }) });
    await card.getByText(it.outcome_cannot_determine).waitFor();
    await card.locator('li.criterion--met', { hasText: 'Lombardia' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});
