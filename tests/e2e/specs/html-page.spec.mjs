// A saved news page (.html) loaded into the app: the article text is exactly what
// `extract --text` prints for it, the headline, byline and date show above the results, and
// the JSON export equals `extract page.html` and is named after the day and headline.
// The page is written here for the test (no copy of a real site).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures.mjs';

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ghana and Togo sign port deal | The Daily Example</title>
<meta property="og:title" content="Ghana and Togo sign port deal">
<meta name="author" content="Ama Mensah">
<meta property="article:published_time" content="2026-03-02T09:00:00Z">
<meta property="og:site_name" content="The Daily Example">
<script>window.__ran = 1</script></head><body>
<div class="cookie-banner"><p>We use cookies to give you the best experience on our website and to show you relevant adverts.</p><button>Accept</button></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article><h1>Ghana and Togo sign port deal</h1>
<p class="byline">By Ama Mensah</p>
<p>Ghana and Togo signed an agreement on the shared port at Lomé on Monday, after three years of talks, officials from both countries said.</p>
<p>“We are pleased with the result,” said Kwame Mensah, Ghana's trade minister, adding that the deal would cut waiting times at the border.</p>
<h2>What comes next</h2>
<p>Togo accused Ghana of delaying the talks last year. The deal still needs the approval of both parliaments, which will vote in May.</p>
<div class="share-links"><a href="#">Share on Facebook</a> <a href="#">Share by email</a></div>
</article>
<section class="related-stories"><h3>Related</h3><ul><li><a href="/a">Benin reopens its border with Nigeria after long talks</a></li><li><a href="/b">Cocoa prices rise again</a></li></ul></section>
</main>
<div id="comments"><p>Reader: another deal, another promise, and nothing will ever change at that port, believe me.</p></div>
<footer><p>© 2026 The Daily Example. All rights reserved.</p></footer>
</body></html>`;

test('a saved news page loads as its article, with headline, byline and date; the JSON equals the CLI', async ({ page, explorer }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ae-html-'));
  const file = join(dir, 'port-deal.html');
  writeFileSync(file, PAGE);
  const text = execFileSync('../../target/release/extract', ['--text', file], { encoding: 'utf8' });
  const cli = execFileSync('../../target/release/extract', [file], { encoding: 'utf8' });

  await explorer.open();
  await explorer.loadFile({ name: 'port-deal.html', mimeType: 'text/html', buffer: Buffer.from(PAGE) });
  // `--text` ends the text with a newline; the text area holds the text itself.
  await expect(explorer.input).toHaveValue(text.replace(/\n$/, ''));
  await explorer.settled();
  expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  const value = await explorer.input.inputValue();
  expect(value).toContain('What comes next');
  for (const chrome of ['cookies', 'Home', 'Share on', 'Cocoa', 'Reader:', 'rights reserved']) expect(value).not.toContain(chrome);

  await expect(explorer.pageTitle).toHaveText('Ghana and Togo sign port deal');
  await expect(explorer.pageByline).toHaveText('By Ama Mensah · 2026-03-02 · The Daily Example');

  const json = await explorer.exportJson();
  expect(json.body).toBe(cli);
  expect(json.name).toBe('2026-03-02-ghana-and-togo-sign-port-deal.json');

  // Typing a new article forgets the page's headline.
  await explorer.paste('Mali and Niger agreed on Tuesday to reopen the border, officials said.');
  await expect(explorer.pageTitle).toHaveCount(0);
});

test('a paste from a browser reads the HTML flavour: paragraphs and headings keep their lines', async ({ explorer }) => {
  await explorer.open();
  const html = '<meta charset="utf-8"><h2>Port deal</h2><p>Ghana and Togo signed the port deal on Monday.</p><p>Both parliaments must still approve it, the ministers said.</p>';
  await explorer.pasteHtml(html, 'Port deal Ghana and Togo signed the port deal on Monday. Both parliaments must still approve it, the ministers said.');
  await expect(explorer.input).toHaveValue('Port deal\nGhana and Togo signed the port deal on Monday.\nBoth parliaments must still approve it, the ministers said.');
  await explorer.settled();
});
