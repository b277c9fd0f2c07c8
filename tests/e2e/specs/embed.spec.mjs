// Embedding: two <article-explorer> elements on a host page, isolated from its CSS and from
// each other, driven by the JavaScript API and reporting events.
import { test, expect, Explorer } from './fixtures.mjs';

const HOST = '/host/';

function explorerIn(page, id) {
  return new Explorer(page, page.locator(`#${id}`));
}

async function ready(page) {
  await page.goto(HOST);
  await expect(page.locator('#first').getByTestId('timing')).toBeVisible();
  await expect(page.locator('#second').getByTestId('timing')).toBeVisible();
}

test('both explorers show their own article with their own options', async ({ page }) => {
  await ready(page);
  const first = page.locator('#first');
  const second = page.locator('#second');
  // First: article from src, no input box, all card types.
  await expect(first.getByTestId('article-input')).toHaveCount(0);
  await expect(first.getByTestId('article-view')).toContainText('Barents Sea');
  await expect(first.getByTestId('card-party').first()).toBeVisible();
  // Second: article from its text content, input shown, only claims and outcomes.
  await expect(second.getByTestId('article-input')).toHaveValue(/Santos/);
  await expect(second.getByTestId('card-party')).toHaveCount(0);
  await expect(second.getByTestId('type-party')).toHaveAttribute('aria-pressed', 'false');
  await expect(second.getByTestId('card-claim').first()).toBeVisible();
  await expect(second.getByTestId('article-view')).not.toContainText('Barents');
  await page.screenshot({ path: '../../target/screenshots/embed-host.png', fullPage: true });
});

test("the host's CSS does not reach the explorers, nor theirs the host", async ({ page }) => {
  await ready(page);
  const style = (locator, prop) => locator.evaluate((el, p) => getComputedStyle(el)[p], prop);
  const inner = page.locator('#first').getByTestId('card-party').first().locator('.ae-card-title');
  expect(await style(inner, 'backgroundColor')).not.toBe('rgb(255, 0, 0)');
  expect(await style(inner, 'fontSize')).not.toBe('30px');
  const card = page.locator('#first').getByTestId('card-party').first();
  expect(await style(card, 'borderTopStyle')).not.toBe('dotted');
  expect(await style(page.locator('#first').getByTestId('article-view').locator('p').first(), 'color')).not.toBe('rgb(0, 128, 0)');
  // The host keeps its look: its `.ae-button` is not styled by the explorer.
  const hostButton = page.locator('#host-button');
  expect(await style(hostButton, 'backgroundColor')).toBe('rgb(255, 0, 0)');
  expect(await style(hostButton, 'borderTopStyle')).toBe('dotted');
  expect(await style(page.locator('#host-note'), 'color')).toBe('rgb(0, 128, 0)');
  expect(await style(page.locator('body'), 'fontFamily')).toContain('Comic Sans');
});

test('setText, setFilters and extract through the element API', async ({ page }) => {
  await ready(page);
  await page.evaluate(() => document.getElementById('first').setText(
    'Kenya and Uganda signed a trade agreement in Nairobi on Friday. “It is a good day,” President Amina Odhiambo said.'));
  const first = page.locator('#first');
  await expect(first.getByTestId('article-view')).toContainText('Nairobi');
  await expect(first.getByTestId('article-view')).not.toContainText('Barents');
  await page.evaluate(() => document.getElementById('first').setFilters({ types: ['claim'] }));
  await expect(first.getByTestId('card-party')).toHaveCount(0);
  await expect(first.getByTestId('card-claim').first()).toBeVisible();
  const json = await page.evaluate(() => document.getElementById('first').extract('Ghana and Togo signed a deal.'));
  expect(Object.keys(json)).toEqual(expect.arrayContaining(['parties', 'claims', 'outcomes']));
  // The other explorer did not change.
  await expect(page.locator('#second').getByTestId('article-view')).toContainText('Santos');
});

test('the select event fires with the card data; filter changes are reported', async ({ page }) => {
  await ready(page);
  await page.evaluate(() => {
    window.__events = [];
    for (const id of ['first', 'second']) {
      const el = document.getElementById(id);
      el.addEventListener('explorer-select', (e) => window.__events.push({ id, type: 'select', detail: e.detail }));
      el.addEventListener('explorer-filters', (e) => window.__events.push({ id, type: 'filters', detail: e.detail }));
    }
  });
  const claim = page.locator('#second').getByTestId('card-claim').first();
  const claimId = await claim.getAttribute('data-id');
  await claim.locator('.ae-card-title').click();
  await expect.poll(() => page.evaluate(() => window.__events.length)).toBeGreaterThan(0);
  const events = await page.evaluate(() => window.__events);
  const select = events.find((e) => e.type === 'select');
  expect(select.id).toBe('second');
  expect(select.detail.type).toBe('claim');
  expect(select.detail.card.id).toBe(claimId);
  expect(select.detail.card.cue.text.length).toBeGreaterThan(0);
  await page.locator('#second').getByTestId('status-pending').click();
  await expect.poll(() => page.evaluate(() => window.__events.filter((e) => e.type === 'filters').length)).toBe(1);
  const filters = await page.evaluate(() => window.__events.find((e) => e.type === 'filters').detail);
  expect(filters.statuses).toEqual(['pending']);
});

test('destroying one explorer leaves the other working', async ({ page }) => {
  await ready(page);
  await page.evaluate(() => document.getElementById('first').destroy());
  await expect(page.locator('#first').getByTestId('explorer')).toHaveCount(0);
  const second = explorerIn(page, 'second');
  await second.input.fill('Peru and Chile signed a border agreement on Monday, officials said.');
  await expect(page.locator('#second').getByTestId('article-view')).toContainText('Peru and Chile');
});

test('mount() works on a plain element from any script', async ({ page }) => {
  await ready(page);
  await page.evaluate(async () => {
    const { mount } = await import('../embed/embed.js');
    const div = document.createElement('div');
    div.id = 'third';
    document.body.append(div);
    window.__third = await mount(div, { text: 'Ghana and Togo signed a water agreement in Accra on Thursday.', input: false });
  });
  await expect(page.locator('#third').getByTestId('article-view')).toContainText('Accra');
  await page.evaluate(() => window.__third.destroy());
  await expect(page.locator('#third').getByTestId('explorer')).toHaveCount(0);
});

test('the bundle works when served from another origin', async ({ page }) => {
  await page.goto('/host/cross-origin.html');
  const remote = page.locator('#remote');
  await expect(remote.getByTestId('timing')).toBeVisible();
  await expect(remote.getByTestId('article-view')).toContainText('Lima');
  await expect(remote.getByTestId('card-party').first()).toBeVisible();
});
