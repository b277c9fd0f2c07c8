// Issue 15 ("done when it works on the release build and the single-file build"): every view
// of the analyst's workbench on the single-file build opened from disk (file://, no worker,
// a strict Content-Security-Policy): corrections with undo, "Why?" and confidence, the
// relations view, the share link, print, search hits, "Back to card", the progress state, and
// axe-core on them. The served build has the same checks, in more depth, in corrections,
// workbench and share.spec.mjs. What to correct is read from the CLI's JSON of the sample.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, Explorer } from './fixtures.mjs';

const file = pathToFileURL(resolve('../../dist-single/article-explorer.html')).href;
const sample = readFileSync('../../static/sample.txt', 'utf8');
const cli = execFileSync('../../target/release/extract', ['-'], { input: sample, encoding: 'utf8' });
const ex = JSON.parse(cli);
const claim = ex.claims.find((c) => c.speaker);
const other = ex.parties.find((p) => p.id !== claim.speaker && !claim.targets.includes(p.id));
const outcome = ex.outcomes[0];
const otherStatus = ['agreed', 'failed', 'pending'].find((s) => s !== outcome.status);
const serious = (r) => r.violations.filter((v) => ['serious', 'critical'].includes(v.impact));

test('corrections: each action with undo, the keyboard, Clear undoable, kept over a reload, marked in the export', async ({ page, explorer }) => {
  await explorer.openSample(file);
  const [a, b] = ex.parties;
  const title = (type, id) => explorer.titleOf(explorer.cardById(type, id));
  await explorer.renameParty(a.id, 'Republic of Elsewhere');
  await expect(title('party', a.id)).toHaveText('Republic of Elsewhere');
  await explorer.undoWithKeyboard();
  await expect(title('party', a.id)).toHaveText(a.name);
  await explorer.redoWithKeyboard();
  await expect(title('party', a.id)).toHaveText('Republic of Elsewhere');
  await explorer.undo();
  await expect(title('party', a.id)).toHaveText(a.name);

  await explorer.mergeParty(b.id, a.name);
  await expect(explorer.cardById('party', b.id)).toHaveCount(0);
  await explorer.undo();
  await explorer.dragChipOnto(b.name, a.name);
  await expect(explorer.cardById('party', b.id)).toHaveCount(0);
  await explorer.undo();
  await expect(explorer.cardsOf('party')).toHaveCount(ex.parties.length);

  const kind = a.kind === 'organization' ? 'person' : 'organization';
  await explorer.setKind(a.id, kind);
  await expect(explorer.cardById('party', a.id).locator('.ae-kind')).toHaveText(new RegExp(kind));
  await explorer.undo();
  await expect(explorer.cardById('party', a.id).locator('.ae-kind')).toHaveText(new RegExp(a.kind));

  await explorer.setSpeaker(claim.id, other.name);
  await expect(title('claim', claim.id)).toHaveText(other.name);
  await explorer.toggleTarget(claim.id, other.name);
  await expect(explorer.cardById('claim', claim.id).locator('.ae-targets')).toContainText(other.name);
  await explorer.undo();
  await explorer.undo();
  await expect(title('claim', claim.id)).not.toHaveText(other.name);

  await explorer.clearArticle();
  await expect(explorer.emptyState).toBeVisible();
  await explorer.undo();
  await expect(explorer.input).toHaveValue(sample);
  await explorer.settled();

  // Two corrections kept: over a reload, and in the export.
  await explorer.setStatus(outcome.id, otherStatus);
  await explorer.deleteCard('claim', claim.id);
  await expect(explorer.changeNotes).toHaveCount(2);
  await page.waitForTimeout(600);
  await explorer.reload();
  await expect(explorer.cardById('outcome', outcome.id).getByTestId('status')).toHaveText(otherStatus);
  await expect(explorer.cardById('claim', claim.id)).toHaveCount(0);
  const json = JSON.parse((await explorer.exportJson()).body);
  expect(json.edited).toBe(true);
  expect(json.corrections.map((c) => c.action)).toEqual(['set_status', 'delete']);
});

test('why and how sure, search hits in the article, and the relations view narrowing the cards', async ({ explorer }) => {
  await explorer.openSample(file);
  const levels = await explorer.confidences.allTextContents();
  expect(levels.length).toBe(ex.parties.length + ex.claims.length + ex.outcomes.length);
  expect(levels.every((l) => ['high', 'medium', 'low'].includes(l))).toBeTruthy();
  expect(await explorer.openWhy(explorer.cardsOf('claim').first())).toContain('Cue');
  expect(await explorer.openWhy(explorer.cardsOf('outcome').first())).toContain('Trigger');
  expect(await explorer.openWhy(explorer.cardsOf('party').first())).toContain('Named by');
  const all = (await explorer.cardIds()).length;
  await explorer.hideLow();
  expect((await explorer.cardIds()).length).toBe(all - levels.filter((l) => l === 'low').length);
  await explorer.hideLow(false);

  const [first, second] = ex.parties.map((p) => p.name.split(' ').pop());
  await explorer.searchFor(`${second.toLowerCase()} ${first}`);
  const marked = (await explorer.searchHits.allTextContents()).map((t) => t.toLowerCase());
  expect(marked).toEqual(expect.arrayContaining([first.toLowerCase(), second.toLowerCase()]));
  await explorer.clearSearch();
  await expect(explorer.searchHits).toHaveCount(0);

  await expect(explorer.story).toContainText('Main parties: ');
  await expect(explorer.relationsSvg).toBeVisible();
  const [from, to] = (await explorer.arrowEnds())[0];
  await explorer.clickArrow(from, to);
  await expect(explorer.relationFilter).toContainText(`${from} → ${to}`);
  expect((await explorer.cardIds()).length).toBeLessThan(all);
  for (const name of await explorer.titleOf(explorer.cardsOf('party')).allTextContents()) expect([from, to]).toContain(name);
  await explorer.clickArrow(from, to);
  expect((await explorer.cardIds()).length).toBe(all);
  await explorer.relationsTableToggle.click();
  await expect(explorer.relationsTable.locator('tbody th', { hasText: from }).first()).toBeVisible();
});

test('a share link made from the file opens the same state in a fresh context', async ({ browser, explorer }) => {
  await explorer.openSample(file);
  await explorer.toggleType('party');
  await explorer.setStatus(outcome.id, otherStatus);
  const url = await explorer.shareLink();
  expect(url.startsWith(`${file}#a=`)).toBeTruthy();
  const { context, explorer: other, requested } = await Explorer.openInFreshContext(browser, url);
  await expect(other.input).toHaveValue(sample);
  await expect(other.typeToggle('party')).toHaveAttribute('aria-pressed', 'false');
  await expect(other.cardById('outcome', outcome.id).getByTestId('status')).toHaveText(otherStatus);
  // Nothing but the file itself; blob: URLs (the worker the file starts) never leave the page.
  expect(requested.filter((u) => !u.startsWith(file) && !u.startsWith('blob:'))).toEqual([]);
  await context.close();
});

test('print: the Print button calls window.print, and the print stylesheet lays out the whole brief', async ({ page, explorer }) => {
  await explorer.openSample(file);
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
  });
  await explorer.printButton.click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of [explorer.input, explorer.filters, explorer.printButton, explorer.relationsSvg]) await expect(hidden).toBeHidden();
  await expect(explorer.relationsTable).toBeVisible();
  const cards = await explorer.cards.boundingBox();
  const article = await explorer.articleView.boundingBox();
  expect(article.y).toBeGreaterThanOrEqual(cards.y + cards.height - 1);
  const { scrollHeight, clientHeight } = await explorer.articleView.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
  expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
  const pdf = await page.pdf({ format: 'A4' });
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
});

test('on a phone, "Back to card" returns from the evidence', async ({ page, explorer }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await explorer.openSample(file);
  const card = explorer.cardsOf('claim').first();
  await explorer.titleOf(card).click();
  await expect(explorer.evidence.first()).toBeInViewport();
  await explorer.backToCard.click();
  await expect(explorer.titleOf(card)).toBeInViewport();
  await expect(explorer.titleOf(card)).toBeFocused();
});

test('a big text on the page thread shows the progress state, then its cards', async ({ explorer }) => {
  test.setTimeout(120_000);
  await explorer.open(file);
  let big = '';
  for (let i = 0; big.length < 300_000; i++) big += sample.replaceAll('Thursday', `day ${i}`) + '\n';
  await explorer.pasteAsInputEvent(big);
  await expect(explorer.cardsProgress).toBeVisible();
  await expect(explorer.noCards).toHaveCount(0);
  await explorer.settled(90_000);
  await expect(explorer.cardsProgress).toHaveCount(0);
  await expect(explorer.cardsOf('claim').first()).toBeVisible();
});

test('axe-core: no serious violation with the workbench views open, light and dark', async ({ page, explorer }) => {
  // A whole-page axe run takes 15 s alone and up to a minute on a loaded 2-core machine.
  test.setTimeout(150_000);
  await explorer.openSample(file);
  await explorer.editCard('claim', claim.id);
  await explorer.setStatus(outcome.id, otherStatus);
  await explorer.changes.locator('summary').click();
  await explorer.openWhy(explorer.cardsOf('party').first());
  await explorer.relationsTableToggle.click();
  await explorer.shareLink();
  await explorer.searchFor(ex.parties[0].name);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(serious(results), JSON.stringify(serious(results), null, 1)).toEqual([]);
  }
});
