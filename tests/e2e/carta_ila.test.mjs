// The ILA card tracker on /ila, by keyboard only: a card chosen, top-ups and payments
// recorded, the card's rules refusing what they must (a top-up off the €500 step, over the
// cap, a payment the card could not cover, a top-up still paying for later payments), the
// figures and the card's last day, the record in IndexedDB, a CSV download, a reload, axe in
// both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, freshPage, open, axeViolations, chooseOption, chooseRadio, expectFocus, press, tabTo, typeDate, typeInto } from './browser.mjs';
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

const two = (n) => String(n).padStart(2, '0');
const italianDate = (d) => `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;

// Dates two months back, so the card is in use whenever the test runs.
const now = new Date();
const firstLoad = new Date(now.getFullYear(), now.getMonth() - 2, 10);
const course = new Date(now.getFullYear(), now.getMonth() - 2, 15);
const travel = new Date(now.getFullYear(), now.getMonth() - 2, 20);
// 24 months from the first load, the last day included.
const lastDay = new Date(firstLoad.getFullYear() + 2, firstLoad.getMonth(), 9);

/** Chooses the radio of `name` whose label contains `text`, by keyboard. */
async function chooseRadioLabelled(page, name, text) {
  const labels = await page.locator(`input[name="${name}"] + label`).allTextContents();
  const n = labels.findIndex((l) => l.includes(text));
  assert.ok(n >= 0, `no ${name} option "${text}" in ${labels}`);
  await chooseRadio(page, `campo-${name}`, n);
}

/** Fills the movement form by keyboard and records it. */
async function record(page, { kind, date, amount, category, note }) {
  await chooseRadio(page, 'campo-movimento-tipo', kind === 'spesa' ? 1 : 0);
  for (const part of ['', '-mese', '-anno']) {
    await tabTo(page, `#campo-movimento-data${part}`);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
  }
  await typeDate(page, 'movimento-data', { day: String(date.getDate()), month: String(date.getMonth() + 1), year: String(date.getFullYear()) });
  await tabTo(page, '#campo-movimento-importo');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(amount);
  if (category) await chooseOption(page, '#campo-movimento-categoria', category);
  if (note) await typeInto(page, '#campo-movimento-nota', note);
  await press(page, `button:has-text("${it.card_add}")`);
}

/** Corrects the amount of a refused movement and records it again. */
async function retypeAmount(page, amount) {
  await tabTo(page, '#campo-movimento-importo');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(amount);
  await press(page, `button:has-text("${it.card_add}")`);
}

/** The figure shown beside a label of the card's situation. */
async function figure(page, label) {
  const row = page.locator('.card-tracker .summary-list__row', { has: page.locator('dt', { hasText: label }) });
  return (await row.locator('dd').first().textContent()).trim();
}

test('ILA card by keyboard: top-ups and payments under the card rules, what is left and until when, kept, downloaded, in it and en', async () => {
  const { context, page, problems } = await freshPage(browser);
  try {
    await open(page, '/ila');
    await page.locator('#carta-ila').waitFor();
    await chooseRadioLabelled(page, 'carta-schema', 'rete delle province toscane');
    await page.getByText(it.card_nothing_loaded).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe on the empty card');

    // The first top-up: the figures appear and focus moves to them.
    await record(page, { kind: 'ricarica', date: firstLoad, amount: '2.000,00' });
    await expectFocus(page, 'carta-situazione');
    assert.equal(await figure(page, it.card_loaded), '€ 2.000,00');
    assert.equal(await figure(page, it.card_can_still_load), '€ 500,00');
    assert.equal(await figure(page, it.card_valid_until), italianDate(lastDay));

    // Off the €500 step, then over the cap: refused with the reason, in the summary and by the field.
    await record(page, { kind: 'ricarica', date: course, amount: '250' });
    await expectFocus(page, 'riepilogo-errori-carta');
    await page.locator('#riepilogo-errori-carta').getByText(it.card_error_not_a_step.replace('%s', '€ 500,00')).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe with a refused top-up');
    await retypeAmount(page, '1000');
    await page.locator('#riepilogo-errori-carta').getByText(it.card_error_over_cap.replace('%s', '€ 500,00')).waitFor();
    await retypeAmount(page, '500');
    await expectFocus(page, 'carta-situazione');
    assert.equal(await figure(page, it.card_loaded), '€ 2.500,00');
    assert.equal(await figure(page, it.card_can_still_load), '€ 0,00');

    // Payments: the course, then travel more than the card holds, then what it holds.
    await record(page, { kind: 'spesa', date: course, amount: '1.500,00', category: 'Corso di formazione', note: 'Corso "base", =1+1' });
    await expectFocus(page, 'carta-situazione');
    assert.equal(await figure(page, it.card_balance), '€ 1.000,00');
    await record(page, { kind: 'spesa', date: travel, amount: '1.200,00', category: 'Viaggio per il corso' });
    await page.locator('#riepilogo-errori-carta').getByText(it.card_error_over_balance.replace('%s', '€ 1.000,00')).waitFor();
    await retypeAmount(page, '120,50');
    await expectFocus(page, 'carta-situazione');
    assert.equal(await figure(page, it.card_balance), '€ 879,50');
    assert.match(await figure(page, it.card_spent), /€ 1\.620,50.*Corso di formazione: € 1\.500,00.*Viaggio per il corso: € 120,50/s);

    // What the device keeps: the one card record, every movement in date order.
    const [stored] = await readSimulations(page, 'ila_card');
    assert.equal(stored.id, 'carta-ila');
    assert.equal(stored.body.programme, 'ila-toscana');
    assert.deepEqual(
      stored.body.movements.map((m) => [m.kind, m.amount]),
      [['load', '2000.00'], ['load', '500.00'], [{ spend: 'corso' }, '1500.00'], [{ spend: 'viaggio' }, '120.50']],
    );

    // The first top-up pays for what came after: it stays. A payment can go.
    const rows = page.locator('.card-tracker tbody tr');
    await press(page, `.card-tracker tbody tr:nth-child(1) button`);
    await page.getByRole('alert').getByText(it.card_error_load_in_use).waitFor();
    assert.equal((await readSimulations(page, 'ila_card'))[0].body.movements.length, 4, 'nothing removed');
    await press(page, `.card-tracker tbody tr:nth-child(4) button`);
    await expectFocus(page, 'carta-movimenti');
    await page.waitForFunction(() => document.querySelectorAll('.card-tracker tbody tr').length === 3);
    assert.equal(await rows.count(), 3);
    assert.equal((await readSimulations(page, 'ila_card'))[0].body.movements.length, 3);
    assert.equal(await figure(page, it.card_balance), '€ 1.000,00');

    // The download: one line per movement, the note kept as text.
    const download = page.waitForEvent('download');
    await press(page, `button:has-text("${it.card_download}")`);
    const csv = readFileSync(await (await download).path(), 'utf8');
    const iso = (d) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
    assert.equal(
      csv,
      'data,movimento,categoria,importo,nota\n' +
        `${iso(firstLoad)},ricarica,,2000.00,""\n` +
        `${iso(course)},ricarica,,500.00,""\n` +
        `${iso(course)},spesa,corso,1500.00,"Corso ""base"", =1+1"\n`,
    );

    // Another visit: the card is there as it was left.
    await open(page, '/ila');
    await page.locator('.card-tracker tbody tr').nth(2).waitFor();
    assert.equal(await figure(page, it.card_balance), '€ 1.000,00');
    assert.deepEqual(await axeViolations(page), [], 'axe in Italian');

    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByText(en.card_heading).waitFor();
    assert.equal(await figure(page, en.card_balance), '€1,000.00');
    assert.equal(await figure(page, en.card_can_still_load), '€0.00');
    assert.deepEqual(await axeViolations(page), [], 'axe in English');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
