// Correcting the cards (issue 15, item 1): each correction, its undo and redo (buttons and
// Ctrl+Z / Ctrl+Shift+Z), Clear and the sample undoable, corrections kept over a reload and
// marked in every export. Which items to correct is read from the CLI's JSON of the sample,
// so nothing here depends on the extractor's current answers.
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.mjs';

const sample = readFileSync('../../static/sample.txt', 'utf8');
const ex = JSON.parse(execFileSync('../../target/release/extract', ['-'], { input: sample, encoding: 'utf8' }));
const names = ex.parties.map((p) => p.name);
const withAlias = ex.parties.find((p) => p.aliases.length > 0);
const claim = ex.claims.find((c) => c.speaker);
const other = ex.parties.find((p) => p.id !== claim.speaker && !claim.targets.includes(p.id));
const outcome = ex.outcomes[0];
const otherStatus = ['agreed', 'failed', 'pending'].find((s) => s !== outcome.status);

test('rename a party; undo and redo with the buttons and the keyboard', async ({ explorer }) => {
  await explorer.openSample();
  await explorer.renameParty(ex.parties[0].id, 'Republic of Elsewhere');
  await expect(explorer.cardById('party', ex.parties[0].id).locator('.ae-card-title')).toHaveText('Republic of Elsewhere');
  await expect(explorer.changeNotes).toHaveText([`Renamed ${names[0]} to Republic of Elsewhere`]);
  await explorer.undo();
  await expect(explorer.cardById('party', ex.parties[0].id).locator('.ae-card-title')).toHaveText(names[0]);
  await explorer.redoWithKeyboard();
  await expect(explorer.cardById('party', ex.parties[0].id).locator('.ae-card-title')).toHaveText('Republic of Elsewhere');
  await explorer.undoWithKeyboard();
  await expect(explorer.cardById('party', ex.parties[0].id).locator('.ae-card-title')).toHaveText(names[0]);
  await expect(explorer.redoButton).toBeEnabled();
  await explorer.redo();
  await expect(explorer.partyNames()).resolves.toContain('Republic of Elsewhere');
});

test('merge two parties through the menu, and by dragging a chip; undo', async ({ explorer }) => {
  await explorer.openSample();
  const [a, b] = ex.parties;
  await explorer.mergeParty(b.id, a.name);
  await expect(explorer.cardsOf('party')).toHaveCount(ex.parties.length - 1);
  await expect(explorer.cardById('party', b.id)).toHaveCount(0);
  await expect(explorer.cardById('party', a.id).locator('.ae-aliases')).toContainText(b.name);
  await explorer.undo();
  await expect(explorer.cardsOf('party')).toHaveCount(ex.parties.length);
  await explorer.dragChipOnto(b.name, a.name);
  await expect(explorer.cardById('party', b.id)).toHaveCount(0);
  await explorer.undo();
  await expect(explorer.cardById('party', b.id)).toHaveCount(1);
});

test('split an alias off; undo', async ({ explorer }) => {
  await explorer.openSample();
  const alias = withAlias.aliases[0];
  await explorer.splitAlias(withAlias.id, alias);
  await expect(explorer.cardsOf('party')).toHaveCount(ex.parties.length + 1);
  await expect(explorer.partyNames()).resolves.toContain(alias);
  await expect(explorer.cardById('party', withAlias.id).locator('.ae-aliases')).not.toContainText(alias);
  await explorer.undo();
  await expect(explorer.cardsOf('party')).toHaveCount(ex.parties.length);
});

test("change a party's kind; undo", async ({ explorer }) => {
  await explorer.openSample();
  const p = ex.parties[0];
  const kind = p.kind === 'organization' ? 'person' : 'organization';
  await explorer.setKind(p.id, kind);
  await expect(explorer.cardById('party', p.id).locator('.ae-kind')).toHaveText(new RegExp(kind));
  await explorer.undo();
  await expect(explorer.cardById('party', p.id).locator('.ae-kind')).toHaveText(new RegExp(p.kind));
});

test('delete a card of each type; undo brings each back', async ({ explorer }) => {
  await explorer.openSample();
  for (const [type, item, list] of [['party', ex.parties[0], 'parties'], ['claim', ex.claims[0], 'claims'], ['outcome', ex.outcomes[0], 'outcomes']]) {
    await explorer.deleteCard(type, item.id);
    await expect(explorer.cardById(type, item.id)).toHaveCount(0);
    await expect(explorer.countOf(list)).toContainText(String(ex[list].length - 1));
    await explorer.undo();
    await expect(explorer.cardById(type, item.id)).toHaveCount(1);
    await expect(explorer.countOf(list)).toContainText(String(ex[list].length));
  }
});

test("reassign a claim's speaker and targets; undo", async ({ explorer }) => {
  await explorer.openSample();
  const card = explorer.cardById('claim', claim.id);
  await explorer.setSpeaker(claim.id, other.name);
  await expect(explorer.titleOf(card)).toHaveText(other.name);
  await explorer.setSpeaker(claim.id, 'Unattributed');
  await expect(explorer.titleOf(card)).toHaveText(claim.source ? claim.source.text : 'Unattributed');
  await explorer.undo();
  await expect(explorer.titleOf(card)).toHaveText(other.name);
  await explorer.undo();
  await expect(explorer.titleOf(card)).not.toHaveText(other.name);
  await explorer.toggleTarget(claim.id, other.name);
  await expect(card.locator('.ae-targets')).toContainText(other.name);
  await explorer.undo();
  await expect(card.locator('.ae-targets')).toHaveCount(claim.targets.length ? 1 : 0);
  if (claim.targets.length) await expect(card.locator('.ae-targets')).not.toContainText(other.name);
});

test("change an outcome's status; undo", async ({ explorer }) => {
  await explorer.openSample();
  const card = explorer.cardById('outcome', outcome.id);
  await explorer.setStatus(outcome.id, otherStatus);
  await expect(card.getByTestId('status')).toHaveText(otherStatus);
  await explorer.undo();
  await expect(card.getByTestId('status')).toHaveText(outcome.status);
});

test('Clear and "Try a sample" are undoable', async ({ explorer }) => {
  await explorer.open();
  await explorer.paste('Ghana and Togo signed a water accord on Monday, officials said.');
  const mine = await explorer.input.inputValue();
  await explorer.trySample();
  await expect(explorer.input).toHaveValue(sample);
  await explorer.undo();
  await expect(explorer.input).toHaveValue(mine);
  await explorer.redo();
  await expect(explorer.input).toHaveValue(sample);
  await explorer.clearArticle();
  await expect(explorer.emptyState).toBeVisible();
  await explorer.undo();
  await expect(explorer.input).toHaveValue(sample);
  await explorer.settled();
  await expect(explorer.cardsOf('party')).toHaveCount(ex.parties.length);
});

test('corrections survive a reload and are marked in every export; an uncorrected JSON is the CLI\'s', async ({ page, explorer }) => {
  await explorer.openSample();
  expect((await explorer.exportJson()).body).toBe(execFileSync('../../target/release/extract', ['-'], { input: sample, encoding: 'utf8' }));
  await explorer.setStatus(outcome.id, otherStatus);
  await explorer.deleteCard('claim', claim.id);
  await page.waitForTimeout(600);
  await explorer.reload();
  await expect(explorer.cardById('outcome', outcome.id).getByTestId('status')).toHaveText(otherStatus);
  await expect(explorer.cardById('claim', claim.id)).toHaveCount(0);
  await expect(explorer.changeNotes).toHaveCount(2);
  const json = JSON.parse((await explorer.exportJson()).body);
  expect(json.edited).toBe(true);
  expect(json.corrections.map((c) => c.action)).toEqual(['set_status', 'delete']);
  expect(json.outcomes.find((o) => o.id === outcome.id).status).toBe(otherStatus);
  const csv = (await explorer.exportCsv()).body;
  const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0].split(',');
  expect(header).toContain('edited');
  const row = csv.split('\r\n').find((l) => l.startsWith(`outcome,${outcome.id},`));
  expect(row).toContain(`from ${outcome.status} to ${otherStatus}`);
  const md = (await explorer.exportMarkdown()).body;
  expect(md).toContain('## Corrections');
  expect(md).toContain(`Deleted claim ${claim.id}`);
});


test('axe-core: no serious violation with the correction tools open', async ({ page, explorer }) => {
  // A whole-page axe run takes 15 s alone and up to a minute on a loaded 2-core machine.
  test.setTimeout(150_000);
  await explorer.openSample();
  await explorer.editCard('party', withAlias.id);
  await explorer.editCard('claim', claim.id);
  await explorer.editCard('outcome', outcome.id);
  await explorer.setStatus(outcome.id, otherStatus);
  await explorer.changes.locator('summary').click();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
  }
});

// The README's picture of a corrected article: a party renamed, an outcome's status changed,
// a claim deleted, with the list of corrections open and the party's editor showing.
test('screenshot: a corrected article', async ({ page, explorer }) => {
  await explorer.openSample();
  await explorer.renameParty(ex.parties[0].id, `${ex.parties[0].name} (government)`);
  await explorer.setStatus(outcome.id, otherStatus);
  await explorer.deleteCard('claim', claim.id);
  await explorer.changes.locator('summary').click();
  await expect(explorer.changeNotes).toHaveCount(3);
  await explorer.editCard('party', ex.parties[0].id);
  // From the corrections down: the list, the story and the first cards with the editor.
  await page.setViewportSize({ width: 1100, height: 1000 });
  await explorer.root.getByTestId('editbar').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
  mkdirSync('../../target/screenshots', { recursive: true });
  await page.screenshot({ path: '../../target/screenshots/corrected.png' });
});
