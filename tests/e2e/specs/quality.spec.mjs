// Product quality: accessibility, safety with hostile text, speed on large input, layouts.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.mjs';

const sample = readFileSync('../../static/sample.txt', 'utf8');

test('axe-core finds no serious or critical violations', async ({ page, explorer }) => {
  // A whole-page axe run takes 15 s alone and up to a minute on a loaded 2-core machine.
  test.setTimeout(150_000);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await explorer.open();
    let results = await new AxeBuilder({ page }).analyze();
    const serious = (r) => r.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    expect(serious(results), JSON.stringify(serious(results), null, 1)).toEqual([]);
    await explorer.trySample();
    await explorer.selectCard('claim');
    results = await new AxeBuilder({ page }).analyze();
    expect(serious(results), JSON.stringify(serious(results), null, 1)).toEqual([]);
  }
});

test('a script-injection article is shown as text and runs nothing', async ({ page, explorer }) => {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await explorer.open();
  const hostile = [
    'Hackers <script>window.__pwned = 1; fetch("http://198.51.100.7/x")</script> said on Monday.',
    'Officials of the <img src=x onerror="window.__pwned = 2"> Ministry said “<b onmouseover=alert(1)>bold</b>” was fine.',
    'The <iframe src="http://198.51.100.7/"></iframe> Council agreed to a <a href="javascript:alert(1)">deal</a>.',
  ].join('\n');
  await explorer.paste(hostile);
  await explorer.articleParagraphs.first().hover();
  await explorer.cardTitles('claim', 'party').first().click();
  await expect(explorer.articleView).toContainText('<script>window.__pwned = 1;');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await explorer.activeContent.count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('a 500 KB paste stays responsive and gets its cards', async ({ page, explorer }, info) => {
  await explorer.open();
  let big = '';
  for (let i = 0; big.length < 500_000; i++) big += sample.replaceAll('Thursday', `day ${i}`) + '\n';
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const t0 = Date.now();
  await explorer.pasteFromClipboard(big);
  await explorer.settled();
  // Too long for the box (issue 14: laying it out would block the page): a line stands for it.
  await expect(explorer.input).toHaveValue('');
  await expect(explorer.longText).toContainText(/\d{3} KB/);
  const toCards = Date.now() - t0;
  // While the cards are up, the page still answers input at once.
  const t1 = Date.now();
  await explorer.searchFor('water');
  await expect(explorer.visibleCount).not.toHaveText('0 cards shown');
  const filterMs = Date.now() - t1;
  const longest = await page.evaluate(() => window.__longest);
  const ms = await explorer.timing.textContent();
  const report = `500 KB paste: cards after ${toCards} ms (extraction ${ms}); search filter ${filterMs} ms; longest main-thread task ${Math.round(longest)} ms`;
  console.log(report);
  info.annotations.push({ type: 'timing', description: report });
  expect(page.workers().length, 'extracted in the worker').toBe(1);
  expect(toCards).toBeLessThan(5_000);
  expect(longest).toBeLessThan(2_000);
  await expect(explorer.showMore).toBeVisible();
});

test('a 5 KB paste gets its cards quickly', async ({ explorer }, info) => {
  await explorer.open();
  let text = '';
  for (let i = 0; text.length < 5_000; i++) text += sample.replaceAll('Thursday', `day ${i}`) + '\n';
  const t0 = Date.now();
  await explorer.pasteFromClipboard(text);
  await explorer.settled();
  const report = `5 KB paste: cards after ${Date.now() - t0} ms (extraction ${await explorer.timing.textContent()}; a first edit is not debounced)`;
  console.log(report);
  info.annotations.push({ type: 'timing', description: report });
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 780 }]]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshot: ${name}, ${scheme}`, async ({ page, explorer }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await explorer.openSample();
      await explorer.selectCard('claim');
      await page.evaluate(() => window.scrollTo(0, 0));
      // Nothing may stick out sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `../../target/screenshots/${name}-${scheme}.png`, fullPage: false });
    });
  }
}
