// Issue 14, item 3: a newer text cancels an older extraction in the worker.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';

const sample = readFileSync('../../static/sample.txt', 'utf8');

/** `unit` repeated to `size` characters. */
function repeated(unit, size) {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The sample with a distinct day name in each copy, to about `size` characters. */
function longArticle(size, tag) {
  let text = '';
  for (let i = 0; text.length < size; i++) text += sample.replaceAll('Thursday', `${tag} ${i}`) + '\n';
  return text;
}

test('a normal article pasted after 1 MB of dotted text gets its cards quickly', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.pasteAsInputEvent(repeated('A.', 1_000_000));
  await page.waitForTimeout(1000);
  const article = longArticle(120_000, 'Weekday');
  const started = Date.now();
  await explorer.pasteAsInputEvent(article);
  await expect(explorer.articleView).toContainText('Weekday 3', { timeout: 10_000 });
  await expect(explorer.cardsOf('claim').first()).toBeVisible();
  expect(Date.now() - started).toBeLessThan(5000);
});

test('a newer text stops the worker busy with an older one', async ({ page, explorer }) => {
  await explorer.open();
  const workers = [];
  page.on('worker', (w) => workers.push(w));
  await explorer.pasteAsInputEvent(longArticle(1_900_000, 'Oldday'));
  // Past the debounce, so the 1.9 MB text is in the worker, then a newer text.
  await page.waitForTimeout(400);
  // The worker busy with the old text may be the one the idle warm-up started before `workers`
  // listened, so count from here: the cancel starts a fresh one.
  const before = workers.length;
  await explorer.pasteAsInputEvent(longArticle(60_000, 'Newday'));
  await expect(explorer.articleView).toContainText('Newday 1', { timeout: 10_000 });
  await explorer.settled();
  await expect(explorer.articleView).not.toContainText('Oldday');
  // The busy worker was terminated mid-job and a fresh one answered.
  expect(workers.length).toBeGreaterThan(before);
});
