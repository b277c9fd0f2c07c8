// Embedding: two <article-explorer> elements on a host page, isolated from its CSS and from
// each other, driven by the JavaScript API and reporting events.
import { test, expect } from './fixtures.mjs';

test('both explorers show their own article with their own options', async ({ page, host }) => {
  await host.open();
  const { first, second } = host;
  // First: article from src, no input box, all card types.
  await expect(first.input).toHaveCount(0);
  await expect(first.articleView).toContainText('Barents Sea');
  await expect(first.cardsOf('party').first()).toBeVisible();
  // Second: article from its text content, input shown, only claims and outcomes.
  await expect(second.input).toHaveValue(/Santos/);
  await expect(second.cardsOf('party')).toHaveCount(0);
  await expect(second.typeToggle('party')).toHaveAttribute('aria-pressed', 'false');
  await expect(second.cardsOf('claim').first()).toBeVisible();
  await expect(second.articleView).not.toContainText('Barents');
  await page.screenshot({ path: '../../target/screenshots/embed-host.png', fullPage: true });
});

test("the host's CSS does not reach the explorers, nor theirs the host", async ({ host }) => {
  await host.open();
  const { first } = host;
  const style = (locator, prop) => locator.evaluate((el, p) => getComputedStyle(el)[p], prop);
  const inner = first.firstCardTitle('party');
  expect(await style(inner, 'backgroundColor')).not.toBe('rgb(255, 0, 0)');
  expect(await style(inner, 'fontSize')).not.toBe('30px');
  const card = first.cardsOf('party').first();
  expect(await style(card, 'borderTopStyle')).not.toBe('dotted');
  expect(await style(first.articleParagraphs.first(), 'color')).not.toBe('rgb(0, 128, 0)');
  // The host keeps its look: its `.ae-button` is not styled by the explorer.
  expect(await style(host.hostButton, 'backgroundColor')).toBe('rgb(255, 0, 0)');
  expect(await style(host.hostButton, 'borderTopStyle')).toBe('dotted');
  expect(await style(host.hostNote, 'color')).toBe('rgb(0, 128, 0)');
  expect(await style(host.body, 'fontFamily')).toContain('Comic Sans');
});

test('setText, setFilters and extract through the element API', async ({ host }) => {
  await host.open();
  const { first, second } = host;
  await first.setText(
    'Kenya and Uganda signed a trade agreement in Nairobi on Friday. “It is a good day,” President Amina Odhiambo said.');
  await expect(first.articleView).toContainText('Nairobi');
  await expect(first.articleView).not.toContainText('Barents');
  await first.setFilters({ types: ['claim'] });
  await expect(first.cardsOf('party')).toHaveCount(0);
  await expect(first.cardsOf('claim').first()).toBeVisible();
  const json = await first.extract('Ghana and Togo signed a deal.');
  expect(Object.keys(json)).toEqual(expect.arrayContaining(['parties', 'claims', 'outcomes']));
  // The other explorer did not change.
  await expect(second.articleView).toContainText('Santos');
});

test('the select event fires with the card data; filter changes are reported', async ({ host }) => {
  await host.open();
  const { second } = host;
  await host.recordEvents();
  const claim = second.cardsOf('claim').first();
  const claimId = await claim.getAttribute('data-id');
  await second.titleOf(claim).click();
  await expect.poll(async () => (await host.events()).length).toBeGreaterThan(0);
  const events = await host.events();
  const select = events.find((e) => e.type === 'select');
  expect(select.id).toBe('second');
  expect(select.detail.type).toBe('claim');
  expect(select.detail.card.id).toBe(claimId);
  expect(select.detail.card.cue.text.length).toBeGreaterThan(0);
  await second.filterByStatus('pending');
  await expect.poll(async () => (await host.events()).filter((e) => e.type === 'filters').length).toBe(1);
  const filters = (await host.events()).find((e) => e.type === 'filters').detail;
  expect(filters.statuses).toEqual(['pending']);
});

// Issue 15, item 1: embedded explorers offer corrections too. Ctrl+Z / Ctrl+Shift+Z undo and
// redo in the explorer that holds the focus, never in the other one, and with the focus on
// the host page the keys stay the host's.
test('Ctrl+Z and Ctrl+Shift+Z undo and redo in the embedded explorer that has the focus', async ({ page, host }) => {
  await host.open();
  const { first, second } = host;
  const parties = await first.cardsOf('party').count();
  const party = await first.cardsOf('party').first().getAttribute('data-id');
  await first.deleteCard('party', party);
  await expect(first.cardsOf('party')).toHaveCount(parties - 1);
  const claims = await second.cardsOf('claim').count();
  const claim = await second.cardsOf('claim').first().getAttribute('data-id');
  await second.deleteCard('claim', claim);
  await expect(second.cardsOf('claim')).toHaveCount(claims - 1);

  // Focus on the host page: its own listener gets the key, neither explorer undoes.
  await page.evaluate(() => {
    window.__keys = 0;
    document.addEventListener('keydown', (e) => { if (e.key.toLowerCase() === 'z') window.__keys += 1; });
    document.activeElement?.blur();
  });
  await page.keyboard.press('ControlOrMeta+z');
  expect(await page.evaluate(() => window.__keys)).toBe(1);
  await expect(first.cardsOf('party')).toHaveCount(parties - 1);
  await expect(second.cardsOf('claim')).toHaveCount(claims - 1);

  // Focus in the first explorer: its correction is undone and redone, the second's stays,
  // and the host does not also act on the keys.
  await first.firstCardTitle('party').focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(first.cardById('party', party)).toHaveCount(1);
  await expect(second.cardById('claim', claim)).toHaveCount(0);
  await first.firstCardTitle('party').focus();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(first.cardById('party', party)).toHaveCount(0);
  await first.undo();
  await expect(first.cardById('party', party)).toHaveCount(1);
  // And in the second one, its own.
  await second.firstCardTitle('claim').focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(second.cardById('claim', claim)).toHaveCount(1);
  await expect(first.cardsOf('party')).toHaveCount(parties);
  expect(await page.evaluate(() => window.__keys)).toBe(1);
});

test('destroying one explorer leaves the other working', async ({ host }) => {
  await host.open();
  const { first, second } = host;
  await first.destroy();
  await expect(first.app).toHaveCount(0);
  await second.fill('Peru and Chile signed a border agreement on Monday, officials said.');
  await expect(second.articleView).toContainText('Peru and Chile');
});

test('mount() works on a plain element from any script', async ({ host }) => {
  await host.open();
  const third = await host.mount('third', { text: 'Ghana and Togo signed a water agreement in Accra on Thursday.', input: false });
  await expect(third.articleView).toContainText('Accra');
  await third.destroy();
  await expect(third.app).toHaveCount(0);
});

test('the bundle works when served from another origin', async ({ host }) => {
  const remote = await host.openCrossOrigin();
  await remote.settled();
  await expect(remote.articleView).toContainText('Lima');
  await expect(remote.cardsOf('party').first()).toBeVisible();
});

// Issue 14, item 6: `src` takes http(s) and relative URLs only, and a binary response (the
// bundle's own .wasm here) is refused with a message in the element instead of 700 cards.
test('src refuses other schemes and binary files, with a message in the element', async ({ page, host }) => {
  await host.open();
  const cases = [
    ['bad-scheme', 'javascript:alert(1)', /http\(s\) or relative URL/],
    ['data-url', 'data:text/plain,Norland and Castavia signed a deal.', /http\(s\) or relative URL/],
    ['wasm', '../embed/article-explorer_bg.wasm', /binary file/],
    ['text', 'fisheries.txt', /Barents Sea/],
  ];
  await page.evaluate((rows) => {
    for (const [id, src] of rows) {
      const el = document.createElement('article-explorer');
      el.id = id;
      el.setAttribute('src', src);
      el.setAttribute('input', 'false');
      document.body.append(el);
    }
  }, cases.map(([id, src]) => [id, src]));
  for (const [id, , message] of cases) {
    await expect(page.locator(`#${id} .ae-host`)).toContainText(message);
  }
  await expect(host.explorer('wasm').cardsOf('party')).toHaveCount(0);
});
