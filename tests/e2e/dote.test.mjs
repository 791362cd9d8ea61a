// Journey 3: a worker simulates a dote — chooses a fascia, builds a plan of services, sees
// the budget bar, cannot save a plan over budget or with a wrong cost, and sees illustrative
// values labelled; saved scenarios are listed, renamed, reopened and compared.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, freshPage, open, axeViolations, chooseOption, chooseRadio, expectFocus, press, tabTo, typeInto } from './browser.mjs';
import { readSimulations } from './seed.mjs';

const it = JSON.parse(readFileSync(new URL('../../locales/it.json', import.meta.url)));
const en = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url)));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});


const budgetLine = (used, remaining) => `Usati € ${used} su € 3.000,00. Restano € ${remaining}`;

test('dote by keyboard: a wrong cost is explained and kept, over budget nothing is saved, two scenarios saved, renamed and compared', async () => {
  const { context, page, problems } = await freshPage(browser);
  try {
    await open(page, '/dote');
    // Illustrative unit costs are labelled on screen; the budget and its source come from core.
    assert.ok((await page.getByText(it.illustrative_value).count()) >= 9);
    assert.equal(await page.locator('#campo-budget').inputValue(), '3000,00');

    // Fascia 2 by keyboard, then 100 hours of training at the illustrative €15: €1,500.
    await chooseRadio(page, 'campo-fascia', 1);
    await typeInto(page, '#campo-nome-scenario', 'Più formazione');
    await tabTo(page, '#campo-quantita-formazione');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('100');
    await page.getByText(budgetLine('1.500,00', '1.500,00')).waitFor();

    // A unit cost typed as "12,5x": explained after trying to save, kept as typed, nothing saved.
    await tabTo(page, '#campo-costo-colloquio');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12,5x');
    await press(page, '.scenario button[type=submit]');
    const summary = page.locator('#riepilogo-errori-piano');
    await summary.getByText(it.error_summary_title).waitFor();
    await expectFocus(page, 'riepilogo-errori-piano');
    await summary.getByText(it.error_money).waitFor();
    await page.locator('#campo-costo-colloquio-messaggio').getByText(it.error_money).waitFor();
    assert.equal(await page.locator('#campo-costo-colloquio').inputValue(), '12,5x');
    assert.deepEqual(await axeViolations(page), [], 'axe with the error shown');
    // The summary's link moves focus to the field.
    await press(page, '#riepilogo-errori-piano a');
    await expectFocus(page, 'campo-costo-colloquio');
    assert.deepEqual(await readSimulations(page, 'dote_scenario'), [], 'nothing saved with a wrong cost');

    // Fixed; then 200 hours + 1 interview at €35 goes €35 over: explained, nothing saved.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('35');
    await tabTo(page, '#campo-quantita-formazione');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('200');
    await tabTo(page, '#campo-quantita-colloquio');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await page.getByText('Il piano supera il budget di € 35,00').first().waitFor();
    await press(page, '.scenario button[type=submit]');
    await summary.getByText('Il piano supera il budget di € 35,00').waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(await readSimulations(page, 'dote_scenario'), [], 'nothing saved over budget');

    // Back within budget: saved, and the store holds exactly what the screen says.
    await tabTo(page, '#campo-quantita-colloquio');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await page.getByText(budgetLine('3.000,00', '0,00')).waitFor();
    await press(page, '.scenario button[type=submit]');
    await page.getByText(it.dote_saved).waitFor();
    let saved = await readSimulations(page, 'dote_scenario');
    assert.equal(saved.length, 1);
    assert.equal(saved[0].name, 'Più formazione');
    assert.equal(saved[0].body.fascia, '2');
    assert.equal(saved[0].body.plan.budget, '3000.00');
    const training = saved[0].body.plan.lines.find((l) => l.service === 'formazione');
    assert.deepEqual([training.quantity, training.unit_cost], [200, '15.00']);

    // A second scenario: new, fascia 1, 10 interviews at €35 = €350.
    await press(page, 'button:has-text("' + it.dote_new_scenario + '")');
    await chooseRadio(page, 'campo-fascia', 0);
    await typeInto(page, '#campo-quantita-colloquio', '10');
    await page.getByText(budgetLine('350,00', '2.650,00')).waitFor();
    await press(page, '.scenario button[type=submit]');
    await page.locator('.saved__item').nth(1).waitFor();
    saved = await readSimulations(page, 'dote_scenario');
    assert.equal(saved.length, 2);

    // Rename the first saved, by keyboard.
    const item = page.locator('.saved__item', { hasText: 'Più formazione' });
    await press(page, `.saved__item:has-text("Più formazione") button:has-text("${it.saved_rename}")`);
    await item.locator('input.input').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'input');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Formazione lunga');
    await page.keyboard.press('Enter');
    await page.locator('.saved__item', { hasText: 'Formazione lunga' }).waitFor();
    saved = await readSimulations(page, 'dote_scenario');
    assert.deepEqual(saved.map((s) => s.name).sort().slice(0, 1), ['Formazione lunga']);

    // Compare both: one column each, the totals side by side.
    for (const box of await page.locator('.saved__item input[type=checkbox]').all()) {
      await tabTo(page, `#${await box.getAttribute('id')}`);
      await page.keyboard.press('Space');
    }
    const table = page.locator('table.compare');
    await table.waitFor();
    assert.equal(await table.locator('thead th').count(), 2);
    const totals = table.locator('tr', { hasText: it.dote_total });
    await totals.getByText('€ 3.000,00').waitFor();
    await totals.getByText('€ 350,00').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe with the comparison');

    // Reopen the renamed one: its values come back.
    await press(page, `.saved__item:has-text("Formazione lunga") button:has-text("${it.saved_open}")`);
    await page.getByText(budgetLine('3.000,00', '0,00')).waitFor();
    assert.equal(await page.locator('#campo-quantita-formazione').inputValue(), '200');

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
    await chooseOption(page, '#campo-residence_region', 'Lombardia');
    await press(page, 'summary:has-text("Storico")');
    const card = page.locator('article.result', { has: page.locator('h3', { hasText: 'Dote Lavoro – Regione Lombardia (2009)' }) });
    await card.getByText(it.outcome_cannot_determine).waitFor();
    await card.locator('li.criterion--met', { hasText: 'Lombardia' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});
