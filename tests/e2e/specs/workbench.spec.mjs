// The analyst's workbench, part B: why and how sure (confidence, "Why?"), the story at a
// glance (relations view, its table, the summary paragraph) and the rough edges (search over
// all words with hits in the article, back to the card on a phone, keyboard mentions, the
// progress state while a big text is analysed).
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.mjs';

const sample = readFileSync('../../static/sample.txt', 'utf8');

// Our own news-style text with items the extractor is unsure of: a claim with no source
// (C-rules: no speaker) and a silent collective.
const unsure = [
  'Ghana and Togo signed a water deal on Thursday, Foreign Minister Ama Mensah said.',
  'Voters in the border towns were unhappy.',
  'It was reported that talks on the border had stalled.',
  'Togo accused Ghana of delaying the survey, Foreign Minister Koffi Adjovi said.',
].join('\n');

const serious = (r) => r.violations.filter((v) => ['serious', 'critical'].includes(v.impact));

test('clicking an arrow of the relations view narrows the cards to its claims', async ({ page, explorer }) => {
  await explorer.openSample();
  await expect(explorer.relationsSvg).toBeVisible();
  expect(await explorer.relationNodes.count()).toBeGreaterThanOrEqual(3);
  const ends = await explorer.arrowEnds();
  expect(ends.length).toBeGreaterThan(0);
  mkdirSync('../../target/screenshots', { recursive: true });
  await explorer.relations.screenshot({ path: '../../target/screenshots/relations-light.png' });

  const before = (await explorer.cardIds()).length;
  const [from, to] = ends[0];
  await explorer.clickArrow(from, to);
  await expect(explorer.relationFilter).toContainText(`${from} → ${to}`);
  await expect(explorer.relationArrow(from, to)).toHaveAttribute('aria-pressed', 'true');
  const after = await explorer.cardIds();
  expect(after.length).toBeLessThan(before);
  // Every claim left is by the speaker; the party cards left are the two ends.
  const claims = explorer.cardsOf('claim');
  expect(await claims.count()).toBeGreaterThan(0);
  for (const title of await explorer.titleOf(claims).allTextContents()) {
    expect(from.includes(title) || title.includes(from.split(' ').pop())).toBeTruthy();
  }
  for (const name of await explorer.titleOf(explorer.cardsOf('party')).allTextContents()) {
    expect([from, to]).toContain(name);
  }
  // Clicking it again shows everything again; Enter on a focused arrow works too.
  await explorer.clickArrow(from, to);
  await expect(explorer.relationFilter).toHaveCount(0);
  expect((await explorer.cardIds()).length).toBe(before);
  await explorer.pressArrow(from, to);
  await expect(explorer.relationFilter).toBeVisible();
  expect((await explorer.cardIds()).length).toBe(after.length);

  // A node filters to its party, from the keyboard too.
  await explorer.relationNode(from).focus();
  await page.keyboard.press('Enter');
  await expect(explorer.partyChip(from)).toHaveAttribute('aria-pressed', 'true');
  await expect(explorer.relationNode(from)).toHaveAttribute('aria-pressed', 'true');
});

test('no party name is cut off at the sides of the relations view, in a narrow column or on a phone', async ({ page, explorer }) => {
  await explorer.openSample();
  for (const width of [1280, 1100, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await explorer.labelsCutOff(), `at ${width} px`).toEqual([]);
  }
  // A long name on the left or right of the circle.
  await explorer.paste(`${sample}\nThe Ministry of Foreign Affairs and Regional Integration of Togo accused Ghana of delays, officials said.`);
  expect(await explorer.labelsCutOff()).toEqual([]);
});

test('the relations table and the story paragraph say the same as the picture', async ({ page, explorer }) => {
  await explorer.openSample();
  await expect(explorer.story).toContainText('Main parties: ');
  await expect(explorer.story).toContainText('Agreed: ');
  await expect(explorer.story).toContainText('Most frequent accusation: ');
  // Hidden from sight but there for screen readers; shown on request.
  await expect(explorer.relationsTable).toBeAttached();
  await explorer.relationsTableToggle.click();
  await expect(explorer.relationsTable).toBeVisible();
  const [from, to] = (await explorer.arrowEnds())[0];
  await expect(explorer.relationsTable.locator('tbody th', { hasText: from }).first()).toBeVisible();
  await expect(explorer.relationsTable.locator('thead th', { hasText: to }).first()).toBeVisible();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('[data-testid=relations]').analyze();
    expect(serious(results), JSON.stringify(serious(results), null, 1)).toEqual([]);
  }
  await explorer.relations.screenshot({ path: '../../target/screenshots/relations-dark.png' });
});

test('each card says why and how sure; "Hide low confidence" hides the guesses', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.paste(unsure);
  const levels = await explorer.confidences.allTextContents();
  expect(levels.length).toBeGreaterThan(0);
  expect(levels.every((l) => ['high', 'medium', 'low'].includes(l))).toBeTruthy();
  const low = await explorer.cardsWithConfidence('low').count();
  expect(low).toBeGreaterThan(0);
  const before = (await explorer.cardIds()).length;

  const why = await explorer.openWhy(explorer.cardsOf('claim').first());
  expect(why).toContain('Cue');
  expect(why).toContain('Speaker');
  const outcomeWhy = await explorer.openWhy(explorer.cardsOf('outcome').first());
  expect(outcomeWhy).toContain('Trigger');
  const partyWhy = await explorer.openWhy(explorer.cardsOf('party').first());
  expect(partyWhy).toContain('Named by');
  // Opening "Why?" does not select the card.
  await expect(explorer.evidence).toHaveCount(0);

  await explorer.hideLow();
  await expect(explorer.cardsWithConfidence('low')).toHaveCount(0);
  expect((await explorer.cardIds()).length).toBe(before - low);
  const results = await new AxeBuilder({ page }).include('[data-testid=cards]').analyze();
  expect(serious(results), JSON.stringify(serious(results), null, 1)).toEqual([]);
  await explorer.hideLow(false);
  expect((await explorer.cardIds()).length).toBe(before);
});

test('search needs every word, in any order, and marks them in the article', async ({ explorer }) => {
  await explorer.openSample();
  await explorer.searchFor('border Ghana');
  await expect(explorer.visibleCount).not.toHaveText('0 cards shown');
  const marked = (await explorer.searchHits.allTextContents()).map((t) => t.toLowerCase());
  expect(marked).toContain('border');
  expect(marked).toContain('ghana');
  await explorer.searchFor('border zebra');
  await expect(explorer.visibleCount).toHaveText('0 cards shown');
  await explorer.clearSearch();
  await expect(explorer.searchHits).toHaveCount(0);
});

test('"By party" groups the cards by party, the most salient party first', async ({ explorer }) => {
  const ex = JSON.parse(execFileSync('../../target/release/extract', ['-'], { input: sample, encoding: 'utf8' }));
  await explorer.openSample();
  await explorer.sortBy('party');
  const lower = (p) => p.name.toLowerCase();
  const expected = [...ex.parties]
    .sort((a, b) => b.salience - a.salience || (lower(a) < lower(b) ? -1 : lower(a) > lower(b) ? 1 : 0))
    .map((p) => p.name);
  expect(await explorer.partyNames()).toEqual(expected);
  const [first] = await explorer.cardIds();
  expect(first).toBe(ex.parties.find((p) => p.name === expected[0]).id);
});

test('on a phone, "Back to card" returns from the evidence to the card', async ({ page, explorer }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await explorer.openSample();
  await expect(explorer.backToCard).toHaveCount(0);
  const card = explorer.cardsOf('claim').first();
  await explorer.titleOf(card).click();
  await expect(explorer.evidence.first()).toBeInViewport();
  await expect(explorer.titleOf(card)).not.toBeInViewport();
  await expect(explorer.backToCard).toBeVisible();
  await explorer.backToCard.click();
  await expect(explorer.titleOf(card)).toBeInViewport();
  await expect(explorer.titleOf(card)).toBeFocused();
  await page.screenshot({ path: '../../target/screenshots/phone-back-to-card.png' });
});

test('mentions in the article take focus and work from the keyboard', async ({ page, explorer }) => {
  await explorer.openSample();
  const mention = explorer.mentions.first();
  const name = await mention.getAttribute('data-party');
  await mention.focus();
  await expect(mention).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(explorer.partyChip(name)).toHaveAttribute('aria-pressed', 'true');
  // Tab goes on to the next mention.
  await explorer.mentions.nth(1).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(mention).toBeFocused();
  await page.keyboard.press(' ');
  await expect(explorer.partyChip(name)).toHaveAttribute('aria-pressed', 'true');
});

test('a big text shows a progress state, not "Nothing found", until its cards come', async ({ explorer }) => {
  test.setTimeout(180_000);
  await explorer.open();
  let big = '';
  for (let i = 0; big.length < 1_200_000; i++) big += sample.replaceAll('Thursday', `day ${i}`) + '\n';
  await explorer.pasteAsInputEvent(big);
  await expect(explorer.cardsProgress).toBeVisible();
  await expect(explorer.noCards).toHaveCount(0);
  await explorer.settled(90_000);
  await expect(explorer.cardsProgress).toHaveCount(0);
  await expect(explorer.noCards).toHaveCount(0);
});

test('the relations view stays readable with many parties', async ({ explorer }) => {
  await explorer.open();
  const countries = ['Ghana', 'Togo', 'Benin', 'Niger', 'Mali', 'Chad', 'Peru', 'Chile', 'Norway', 'Sweden',
    'Finland', 'Poland', 'Kenya', 'Uganda', 'Nepal', 'India', 'Japan', 'Canada', 'Mexico', 'Brazil'];
  const lines = countries.map((c, i) => `${c} accused ${countries[(i + 1) % countries.length]} of delaying the river talks on Monday.`);
  await explorer.paste(lines.join('\n'));
  expect(await explorer.relationNodes.count()).toBeGreaterThanOrEqual(15);
  expect(await explorer.labelsCutOff()).toEqual([]);
  await explorer.relations.screenshot({ path: '../../target/screenshots/relations-many.png' });
});
