// The explorer as a user meets it: the sample, filters, evidence, exports, saved state.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';

const CLI = '../../target/release/extract';
const sample = readFileSync('../../static/sample.txt', 'utf8');

function cli(text) {
  return execFileSync(CLI, ['-'], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
}

test('the sample shows every card type with its details', async ({ explorer }) => {
  await explorer.openSample();
  const expected = JSON.parse(cli(sample));
  for (const [type, list] of [['party', 'parties'], ['claim', 'claims'], ['outcome', 'outcomes']]) {
    expect(expected[list].length, `the sample has ${list}`).toBeGreaterThan(0);
    await expect(explorer.cardsOf(type)).toHaveCount(expected[list].length);
    await expect(explorer.countOf(list)).toContainText(String(expected[list].length));
  }
  // A quotation is styled as one; outcome badges carry their status.
  await expect(explorer.claimQuotes.first()).toBeVisible();
  const statuses = await explorer.outcomeStatusTexts();
  expect(new Set(statuses)).toEqual(new Set(expected.outcomes.map((o) => o.status)));
  await expect(explorer.timing).toHaveText(/in \d+ ms/);
});

test('each filter narrows the cards and clears in one click', async ({ explorer }) => {
  await explorer.openSample();
  const ex = JSON.parse(cli(sample));
  const total = ex.parties.length + ex.claims.length + ex.outcomes.length;
  const visible = explorer.visibleCount;
  await expect(visible).toHaveText(`${total} cards shown`);

  // Card types.
  await explorer.toggleType('party');
  await expect(explorer.cardsOf('party')).toHaveCount(0);
  await expect(visible).toHaveText(`${total - ex.parties.length} cards shown`);
  await explorer.clearTypes();
  await expect(explorer.cardsOf('party')).toHaveCount(ex.parties.length);

  // One party chip: only cards that involve that party.
  const top = [...ex.parties].sort((a, b) => b.salience - a.salience)[0];
  const involves = (ids) => ids.includes(top.id);
  const wanted = 1 + ex.claims.filter((c) => involves([c.speaker, ...c.targets])).length
    + ex.outcomes.filter((o) => involves(o.parties)).length;
  await expect(explorer.partyChipBadge(top.name)).toHaveText(String(wanted));
  await explorer.filterByParty(top.name);
  await expect(explorer.partyChip(top.name)).toHaveAttribute('aria-pressed', 'true');
  await expect(visible).toHaveText(`${wanted} card${wanted === 1 ? '' : 's'} shown`);
  await explorer.clearParties();
  await expect(visible).toHaveText(`${total} cards shown`);

  // Outcome status.
  await explorer.filterByStatus('agreed');
  await expect(explorer.cardsOf('outcome')).toHaveCount(ex.outcomes.filter((o) => o.status === 'agreed').length);
  await explorer.clearStatus();

  // Direct vs reported.
  await explorer.filterBySpeech('quotes');
  await expect(explorer.cardsOf('claim')).toHaveCount(ex.claims.filter((c) => c.direct).length);
  await explorer.filterBySpeech('reported');
  await expect(explorer.cardsOf('claim')).toHaveCount(ex.claims.filter((c) => !c.direct).length);
  await explorer.clearSpeech();

  // Free-text search over the cards.
  await explorer.searchFor('zzzz-nothing');
  await expect(explorer.noCards).toContainText('No card matches');
  await explorer.clearSearch();
  await expect(visible).toHaveText(`${total} cards shown`);

  // Sort: by salience puts the most salient party first.
  await explorer.toggleType('claim');
  await explorer.toggleType('outcome');
  await explorer.sortBy('salience');
  await expect(explorer.cardsOf('party').first()).toHaveAttribute('data-id', top.id);
  await explorer.clearFilters();
  await expect(visible).toHaveText(`${total} cards shown`);
});

test('clicking a card highlights its evidence in the article; clicking a mention filters', async ({ explorer }) => {
  await explorer.openSample();
  const ex = JSON.parse(cli(sample));
  const outcome = ex.outcomes[0];
  await explorer.selectCard('outcome', outcome.id);
  await expect(explorer.evidence.first()).toBeVisible();
  expect(await explorer.evidenceText()).toBe(outcome.evidence.text);
  await expect(explorer.cardById('outcome', outcome.id)).toHaveClass(/is-selected/);

  const name = await explorer.clickFirstMention();
  await expect(explorer.partyChip(name)).toHaveAttribute('aria-pressed', 'true');
});

test('keyboard: cards and filters are reachable and operable', async ({ explorer }) => {
  await explorer.openSample();
  await explorer.selectCardWithKeyboard('claim');
  await expect(explorer.cardsOf('claim').first()).toHaveClass(/is-selected/);
  await explorer.toggleTypeWithKeyboard('party');
  await expect(explorer.cardsOf('party')).toHaveCount(0);
});

test('exports: JSON equals the CLI, CSV and the brief', async ({ explorer }) => {
  await explorer.openSample();
  const json = await explorer.exportJson();
  // Named from the article's first line and today's date.
  const slug = sample.split('\n')[0].toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join('-').slice(0, 20);
  expect(json.name).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}-${slug}[a-z0-9-]*\\.json$`));
  expect(json.body).toBe(cli(sample));
  const csv = await explorer.exportCsv();
  const ex = JSON.parse(json.body);
  expect(csv.body.split('\r\n').filter(Boolean).length).toBe(1 + ex.parties.length + ex.claims.length + ex.outcomes.length);
  const md = await explorer.exportMarkdown();
  expect(md.body).toContain('## Parties');
  expect(md.body).toContain('## Claims');
  expect(md.body).toContain('## Outcomes');
  await explorer.copyBrief('http://127.0.0.1:4173');
  await expect(explorer.copyBriefButton).toHaveText('Copied ✓');
  expect(await explorer.clipboardText()).toBe(md.body);
});

test('a reload restores the article and the filters; Clear forgets them', async ({ page, explorer }) => {
  await explorer.openSample();
  await explorer.toggleType('outcome');
  await explorer.searchFor('water');
  await page.waitForTimeout(600);
  await explorer.reload();
  await expect(explorer.input).toHaveValue(sample);
  await expect(explorer.typeToggle('outcome')).toHaveAttribute('aria-pressed', 'false');
  await expect(explorer.search).toHaveValue('water');
  await explorer.clearArticle();
  await expect(explorer.emptyState).toBeVisible();
  await page.waitForTimeout(600);
  await page.reload();
  await expect(explorer.input).toHaveValue('');
  await expect(explorer.emptyState).toBeVisible();
});

test('a dropped or loaded file fills the text area; bad files get a clear message', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.loadFile({ name: 'story.html', mimeType: 'text/html',
    buffer: Buffer.from('<html><head><style>p{}</style><script>window.__ran = 1</script></head><body><h1>Talks end</h1><p>Ghana and Togo signed a deal on Monday.</p></body></html>') });
  await expect(explorer.input).toHaveValue('Talks end\nGhana and Togo signed a deal on Monday.');
  await explorer.settled();
  expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  await explorer.loadFile({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50]) });
  await expect(explorer.notice).toContainText('not a .txt, .md or .html file');
  await explorer.loadFile({ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9]) });
  await expect(explorer.notice).toContainText('not UTF-8');
  await expect(explorer.input).toHaveValue('Talks end\nGhana and Togo signed a deal on Monday.');
});

test('friendly messages for whitespace, non-English and enormous input', async ({ explorer }) => {
  await explorer.open();
  await explorer.fill('   \n\t  ');
  await expect(explorer.emptyState).toBeVisible();
  await explorer.paste('Der Minister sagte am Montag, dass die Gespräche in der Hauptstadt nächste Woche weitergehen würden, so die Regierung.');
  await expect(explorer.notice).toContainText('does not look like English');
  await explorer.pasteFromClipboard('word '.repeat(500_000));
  await expect(explorer.notice).toContainText('analyses up to');
  await expect(explorer.summary).toBeVisible();
});
