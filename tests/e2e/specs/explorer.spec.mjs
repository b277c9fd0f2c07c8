// The explorer as a user meets it: the sample, filters, evidence, exports, saved state.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';

const CLI = '../../target/release/extract';
const sample = readFileSync('../../static/sample.txt', 'utf8');

function cli(text) {
  return execFileSync(CLI, ['-'], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
}

async function loadSample(page, explorer) {
  await explorer.open();
  await page.getByTestId('try-sample').click();
  await explorer.settled();
}

async function cardCount(page, type) {
  return page.getByTestId(`card-${type}`).count();
}

test('the sample shows every card type with its details', async ({ page, explorer }) => {
  await loadSample(page, explorer);
  const expected = JSON.parse(cli(sample));
  for (const [type, list] of [['party', 'parties'], ['claim', 'claims'], ['outcome', 'outcomes']]) {
    expect(expected[list].length, `the sample has ${list}`).toBeGreaterThan(0);
    await expect(page.getByTestId(`card-${type}`)).toHaveCount(expected[list].length);
    await expect(page.getByTestId(`count-${list}`)).toContainText(String(expected[list].length));
  }
  // A quotation is styled as one; outcome badges carry their status.
  await expect(page.locator('[data-testid=card-claim] blockquote').first()).toBeVisible();
  const statuses = await page.locator('[data-testid=card-outcome] [data-testid=status]').allTextContents();
  expect(new Set(statuses)).toEqual(new Set(expected.outcomes.map((o) => o.status)));
  await expect(page.getByTestId('timing')).toHaveText(/in \d+ ms/);
});

test('each filter narrows the cards and clears in one click', async ({ page, explorer }) => {
  await loadSample(page, explorer);
  const ex = JSON.parse(cli(sample));
  const total = ex.parties.length + ex.claims.length + ex.outcomes.length;
  const visible = page.getByTestId('visible-count');
  await expect(visible).toHaveText(`${total} cards shown`);

  // Card types.
  await page.getByTestId('type-party').click();
  await expect(page.getByTestId('card-party')).toHaveCount(0);
  await expect(visible).toHaveText(`${total - ex.parties.length} cards shown`);
  await page.getByTestId('clear-types').click();
  await expect(page.getByTestId('card-party')).toHaveCount(ex.parties.length);

  // One party chip: only cards that involve that party.
  const top = [...ex.parties].sort((a, b) => b.salience - a.salience)[0];
  const involves = (ids) => ids.includes(top.id);
  const wanted = 1 + ex.claims.filter((c) => involves([c.speaker, ...c.targets])).length
    + ex.outcomes.filter((o) => involves(o.parties)).length;
  const chip = page.locator(`[data-testid=filters] [data-testid=party-chip][data-party="${top.name}"]`);
  await expect(chip.locator('.ae-badge')).toHaveText(String(wanted));
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(visible).toHaveText(`${wanted} card${wanted === 1 ? '' : 's'} shown`);
  await page.getByTestId('clear-parties').click();
  await expect(visible).toHaveText(`${total} cards shown`);

  // Outcome status.
  await page.getByTestId('status-agreed').click();
  await expect(page.getByTestId('card-outcome')).toHaveCount(ex.outcomes.filter((o) => o.status === 'agreed').length);
  await page.getByTestId('clear-status').click();

  // Direct vs reported.
  await page.getByTestId('speech-quotes').click();
  await expect(page.getByTestId('card-claim')).toHaveCount(ex.claims.filter((c) => c.direct).length);
  await page.getByTestId('speech-reported').click();
  await expect(page.getByTestId('card-claim')).toHaveCount(ex.claims.filter((c) => !c.direct).length);
  await page.getByTestId('clear-speech').click();

  // Free-text search over the cards.
  await page.getByTestId('search').fill('zzzz-nothing');
  await expect(page.getByTestId('no-cards')).toContainText('No card matches');
  await page.getByTestId('clear-search').click();
  await expect(visible).toHaveText(`${total} cards shown`);

  // Sort: by salience puts the most salient party first.
  await page.getByTestId('type-claim').click();
  await page.getByTestId('type-outcome').click();
  await page.getByTestId('sort').selectOption('salience');
  await expect(page.getByTestId('card-party').first()).toHaveAttribute('data-id', top.id);
  await page.getByTestId('clear-filters').click();
  await expect(visible).toHaveText(`${total} cards shown`);
});

test('clicking a card highlights its evidence in the article; clicking a mention filters', async ({ page, explorer }) => {
  await loadSample(page, explorer);
  const ex = JSON.parse(cli(sample));
  const outcome = ex.outcomes[0];
  await page.locator(`[data-testid=card-outcome][data-id=${outcome.id}] .ae-card-title`).click();
  const marked = page.locator('[data-testid=article-view] .is-evidence');
  await expect(marked.first()).toBeVisible();
  const text = (await marked.allTextContents()).join('');
  expect(text).toBe(outcome.evidence.text);
  await expect(page.locator(`[data-testid=card-outcome][data-id=${outcome.id}]`)).toHaveClass(/is-selected/);

  const mention = page.locator('[data-testid=article-view] mark.ae-mention').first();
  const name = await mention.getAttribute('data-party');
  await mention.click();
  await expect(page.locator(`[data-testid=filters] [data-party="${name}"]`)).toHaveAttribute('aria-pressed', 'true');
});

test('keyboard: cards and filters are reachable and operable', async ({ page, explorer }) => {
  await loadSample(page, explorer);
  const title = page.locator('[data-testid=card-claim] .ae-card-title').first();
  await title.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid=card-claim]').first()).toHaveClass(/is-selected/);
  await page.getByTestId('type-party').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('card-party')).toHaveCount(0);
});

test('exports: JSON equals the CLI, CSV and the brief', async ({ page, explorer }) => {
  await loadSample(page, explorer);
  const read = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    return { name: download.suggestedFilename(), body: readFileSync(await download.path(), 'utf8') };
  };
  const json = await read('export-json');
  expect(json.name).toBe('article-explorer.json');
  expect(json.body).toBe(cli(sample));
  const csv = await read('export-csv');
  const ex = JSON.parse(json.body);
  expect(csv.body.split('\r\n').filter(Boolean).length).toBe(1 + ex.parties.length + ex.claims.length + ex.outcomes.length);
  const md = await read('export-md');
  expect(md.body).toContain('## Parties');
  expect(md.body).toContain('## Claims');
  expect(md.body).toContain('## Outcomes');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://127.0.0.1:4173' });
  await page.getByTestId('copy-brief').click();
  await expect(page.getByTestId('copy-brief')).toHaveText('Copied ✓');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(md.body);
});

test('a reload restores the article and the filters; Clear forgets them', async ({ page, explorer }) => {
  await loadSample(page, explorer);
  await page.getByTestId('type-outcome').click();
  await page.getByTestId('search').fill('water');
  await page.waitForTimeout(600);
  await page.reload();
  await explorer.settled();
  await expect(explorer.input).toHaveValue(sample);
  await expect(page.getByTestId('type-outcome')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('search')).toHaveValue('water');
  await page.getByTestId('clear-article').click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.waitForTimeout(600);
  await page.reload();
  await expect(explorer.input).toHaveValue('');
  await expect(page.getByTestId('empty-state')).toBeVisible();
});

test('a dropped or loaded file fills the text area; bad files get a clear message', async ({ page, explorer }) => {
  await explorer.open();
  const input = page.getByTestId('file-input');
  await input.setInputFiles({ name: 'story.html', mimeType: 'text/html',
    buffer: Buffer.from('<html><head><style>p{}</style><script>window.__ran = 1</script></head><body><h1>Talks end</h1><p>Ghana and Togo signed a deal on Monday.</p></body></html>') });
  await expect(explorer.input).toHaveValue('Talks end\nGhana and Togo signed a deal on Monday.');
  await explorer.settled();
  expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50]) });
  await expect(page.getByTestId('notice')).toContainText('not a .txt, .md or .html file');
  await input.setInputFiles({ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9]) });
  await expect(page.getByTestId('notice')).toContainText('not UTF-8');
  await expect(explorer.input).toHaveValue('Talks end\nGhana and Togo signed a deal on Monday.');
});

test('friendly messages for whitespace, non-English and enormous input', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.input.fill('   \n\t  ');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await explorer.paste('Der Minister sagte am Montag, dass die Gespräche in der Hauptstadt nächste Woche weitergehen würden, so die Regierung.');
  await expect(page.getByTestId('notice')).toContainText('does not look like English');
  await explorer.pasteFromClipboard('word '.repeat(500_000));
  await expect(page.getByTestId('notice')).toContainText('analyses up to');
  await expect(page.getByTestId('summary')).toBeVisible();
});
