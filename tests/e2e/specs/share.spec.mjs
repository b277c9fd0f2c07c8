// Share and keep (issue 15, item 4): a link that carries the article, filters and corrections
// in its fragment, opened in a fresh browser context; the file-export offer over the size
// limit; exports that follow the filters; the printed brief.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, Explorer } from './fixtures.mjs';

const sample = readFileSync('../../static/sample.txt', 'utf8');
const ex = JSON.parse(execFileSync('../../target/release/extract', ['-'], { input: sample, encoding: 'utf8' }));
const shots = '../../target/screenshots';
// Poppler (pdftotext, pdftoppm; scripts/setup --browsers installs it) reads the printed PDF
// back; without it the print test checks the PDF's structure only.
const poppler = spawnSync('pdftotext', ['-v']).status === 0;
const words = (text) => text.split(/\s+/).filter(Boolean);

test('a share link restores the article, filters and corrections in a fresh context, and never reaches a server', async ({ browser, explorer }) => {
  await explorer.openSample();
  await explorer.toggleType('party');
  await explorer.searchFor(ex.parties[0].name);
  await explorer.setStatus(ex.outcomes[0].id, ex.outcomes[0].status === 'failed' ? 'pending' : 'failed');
  const url = await explorer.shareLink();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/[^#]*#a=[A-Za-z0-9_-]+$/);
  expect(url.length).toBeLessThan(sample.length * 1.5);

  const { context, page, explorer: other, requested } = await Explorer.openInFreshContext(browser, url);
  await expect(other.input).toHaveValue(sample);
  await expect(other.typeToggle('party')).toHaveAttribute('aria-pressed', 'false');
  await expect(other.search).toHaveValue(ex.parties[0].name);
  await expect(other.changeNotes).toHaveCount(1);
  // The fragment is dropped from the address once read, and no request ever carried it.
  expect(new URL(page.url()).hash).toBe('');
  expect(requested.filter((u) => u.includes('#') || u.includes('a='))).toEqual([]);
  // The opened state is this tab's own now: it survives a reload.
  await other.reload();
  await expect(other.input).toHaveValue(sample);
  await context.close();
});

test('over the size limit the app offers the file export instead of a link', async ({ explorer }) => {
  await explorer.open();
  // Words of random letters: text that hardly compresses (about 140 KB deflated).
  let seed = 7;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647; // Park-Miller, exact in doubles
  const words = [];
  for (let n = 0; n < 60000; n++) words.push(Array.from({ length: 4 }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join(''));
  await explorer.pasteAsInputEvent(words.join(' '));
  await explorer.settled();
  expect(await explorer.shareLink()).toBe('');
  await expect(explorer.shareTooLarge).toContainText('too long for a link');
  const [download] = await Promise.all([explorer.page.waitForEvent('download'), explorer.root.getByTestId('share-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
});

test('exports follow the filters, or hold all cards; CSV has a BOM and the new columns', async ({ explorer }) => {
  await explorer.openSample();
  await explorer.toggleType('party');
  await explorer.toggleType('outcome');
  let json = JSON.parse((await explorer.exportJson()).body);
  expect(json.claims.length).toBe(ex.claims.length);
  expect(json.outcomes).toEqual([]);
  const named = new Set(json.claims.flatMap((c) => [...c.speakers, ...c.targets]));
  expect(new Set(json.parties.map((p) => p.id))).toEqual(named);
  await explorer.exportScopeTo('all');
  json = JSON.parse((await explorer.exportJson()).body);
  expect([json.parties.length, json.outcomes.length]).toEqual([ex.parties.length, ex.outcomes.length]);
  const csv = await explorer.exportCsv();
  expect(csv.body.charCodeAt(0)).toBe(0xfeff);
  expect(csv.body.slice(1).split('\r\n')[0]).toBe('type,id,label,detail,text,parties,start,end,source,direct,cue_class,sentence,edited');
  expect(csv.name).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.csv$/);
  const md = await explorer.exportMarkdown();
  expect(md.name).toMatch(/-brief\.md$/);
});

test('Print gives a clean brief: cards, then the whole article, no tools', async ({ page, explorer }) => {
  await explorer.openSample();
  await expect(explorer.printButton).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  for (const hidden of [explorer.input, explorer.filters, explorer.printButton]) await expect(hidden).toBeHidden();
  const style = await explorer.articleView.evaluate((el) => {
    const s = getComputedStyle(el);
    return { maxHeight: s.maxHeight, overflow: s.overflowY, position: s.position };
  });
  expect(style).toEqual({ maxHeight: 'none', overflow: 'visible', position: 'static' });
  const cards = await explorer.cards.boundingBox();
  const article = await explorer.articleView.boundingBox();
  expect(article.y).toBeGreaterThanOrEqual(cards.y + cards.height - 1);
  // The whole article is laid out, not a scroll box.
  const { scrollHeight, clientHeight } = await explorer.articleView.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
  expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/print.png`, fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(`${shots}/brief.pdf`, pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThan(1);
});

test('the printed PDF reads as a brief: cards and the relations table first, the whole article from a new page, no tools', async ({ page, explorer }, info) => {
  test.skip(!poppler, 'pdftotext is not installed (scripts/setup --browsers installs poppler-utils)');
  await explorer.openSample();
  const pdfPath = `${shots}/brief-layout.pdf`;
  mkdirSync(shots, { recursive: true });
  writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
  // pdftotext separates pages with a form feed.
  const pages = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  const flat = pages.map((p) => words(p).join(' '));
  const all = flat.join(' ');
  for (const party of ex.parties) expect(all).toContain(words(party.name).join(' '));
  expect(all).toContain('Claims by speaker (rows) about target (columns)');
  // No control of the screen is printed, nor the picture's legend without the picture.
  for (const tool of ['Try a sample', 'Share link', 'Copy brief', 'Undo', 'Hide low confidence', 'Show as table', 'claim (speaker → target)']) {
    expect(all).not.toContain(tool);
  }
  // The article starts a page of its own, after the cards, and is printed whole: each of its
  // paragraphs, in order, the last one on the last page.
  const at = pages.findIndex((p) => p.trim().split('\n')[0].trim().toLowerCase() === 'article');
  expect(at).toBeGreaterThan(0);
  const paragraphs = sample.split('\n').filter((l) => l.trim());
  const article = flat.slice(at).join(' ');
  let from = 0;
  for (const paragraph of paragraphs) {
    const head = words(paragraph).slice(0, 6).join(' ');
    const found = article.indexOf(head, from);
    expect(found, `paragraph "${head}…" printed after the one before it`).toBeGreaterThanOrEqual(from);
    from = found;
  }
  expect(flat.at(-1)).toContain(words(paragraphs.at(-1)).slice(-2).join(' '));
  // Pictures of the first page and of the article's first page, to look at.
  for (const n of [1, at + 1]) {
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', String(n), '-l', String(n), '-singlefile', pdfPath, `${shots}/brief-page-${n}`]);
  }
  info.annotations.push({ type: 'print', description: `${pages.length} A4 pages; the article from page ${at + 1}` });
});

test('the Print button opens the browser\'s print dialog', async ({ page, explorer }) => {
  await explorer.openSample();
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
  });
  await explorer.printButton.click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
});

test('axe-core: no serious violation with the share panel and the export scope', async ({ page, explorer }) => {
  // A whole-page axe run takes 15 s alone and up to a minute on a loaded 2-core machine.
  test.setTimeout(150_000);
  await explorer.openSample();
  await explorer.shareLink();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
  }
});
