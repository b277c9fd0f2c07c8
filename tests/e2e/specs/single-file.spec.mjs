// The single-file build opened from disk (file://), as after a download and a double-click:
// it works like the served app and makes no request at all.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from './fixtures.mjs';

const file = pathToFileURL(resolve('../../dist-single/article-explorer.html')).href;
const sample = readFileSync('../../static/sample.txt', 'utf8');

test('opens from file://, extracts, exports and restores, with no request', async ({ page, explorer }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await explorer.open(file);
  await expect(explorer.emptyState).toBeVisible();
  await explorer.trySample();
  const cli = execFileSync('../../target/release/extract', ['-'], { input: sample, encoding: 'utf8' });
  const expected = JSON.parse(cli);
  await expect(explorer.cardsOf('party')).toHaveCount(expected.parties.length);
  await expect(explorer.cardsOf('claim')).toHaveCount(expected.claims.length);
  await expect(explorer.cardsOf('outcome')).toHaveCount(expected.outcomes.length);

  // Filters work as in the served app.
  await explorer.toggleType('party');
  await expect(explorer.cardsOf('party')).toHaveCount(0);

  // The JSON export of all cards equals the CLI's output (by default exports follow the
  // filters, and one is active).
  await explorer.exportScopeTo('all');
  const json = await explorer.exportJson();
  expect(json.body).toBe(cli);

  // Local storage works on file:// in Chromium: a reload restores the article and filters.
  await page.waitForTimeout(600);
  await explorer.reload();
  await expect(explorer.input).toHaveValue(sample);
  await expect(explorer.typeToggle('party')).toHaveAttribute('aria-pressed', 'false');

  // Only the file itself was ever loaded (blob: downloads are not requests to anywhere).
  const elsewhere = requests.filter((u) => u !== file && !u.startsWith('blob:'));
  expect(elsewhere).toEqual([]);
});

test('without a worker on file://, long texts still work and a notice says why it may pause', async ({ page, explorer }) => {
  await explorer.open(file);
  let long = '';
  for (let i = 0; long.length < 60_000; i++) long += sample.replaceAll('Thursday', `day ${i}`) + '\n';
  await explorer.pasteAsInputEvent(long);
  await explorer.settled();
  await expect(explorer.notice).toContainText('no background worker');
  expect(page.workers()).toHaveLength(0);
  await expect(explorer.cardsOf('claim').first()).toBeVisible();
});
