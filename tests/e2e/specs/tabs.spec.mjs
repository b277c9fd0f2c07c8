// State per tab (issue 14, item 4): each tab keeps its own article over reloads, a new tab
// starts empty with a labelled offer of the last article, a tab never overwrites another's
// text, and a full storage is reported as such and never hides an older article behind a
// reload. Two pages in one browser context share local storage, as two tabs do.
import { test, expect, Explorer } from './fixtures.mjs';

const first = 'Ghana and Togo signed a water accord in Accra on Monday, officials said.';
const second = 'Kenya and Uganda failed to agree on a rail link on Tuesday, ministers said.';

/** Opens the app in another tab of `page`'s context (the same local storage). */
async function anotherTab(page) {
  const tab = new Explorer(await page.context().newPage());
  await tab.open();
  return tab;
}

test('two tabs keep their own articles; filters in one never overwrite the other', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.paste(first);
  await page.waitForTimeout(600);

  const tab2 = await anotherTab(page);
  // A new tab starts empty, with the last article offered and labelled, never loaded.
  await expect(tab2.input).toHaveValue('');
  await expect(tab2.restoreOffer).toBeVisible();
  await expect(tab2.restoreOffer).toContainText('Ghana and Togo signed');
  await tab2.paste(second);
  await tab2.page.waitForTimeout(600);

  // The first tab changes only a filter, then both reload.
  await explorer.toggleType('outcome');
  await page.waitForTimeout(600);
  await tab2.reload();
  await expect(tab2.input).toHaveValue(second);
  await explorer.reload();
  await expect(explorer.input).toHaveValue(first);
  await expect(explorer.typeToggle('outcome')).toHaveAttribute('aria-pressed', 'false');
  await expect(tab2.typeToggle('outcome')).toHaveAttribute('aria-pressed', 'true');
  await tab2.page.close();
});

test('a new tab restores the last article only when asked', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.paste(first);
  await page.waitForTimeout(600);
  const tab2 = await anotherTab(page);
  await expect(tab2.emptyState).toBeVisible();
  await tab2.restoreLast();
  await expect(tab2.input).toHaveValue(first);
  await tab2.settled();
  await expect(tab2.restoreOffer).toHaveCount(0);
  // Dismissed in a third tab, the offer goes and nothing is loaded.
  const tab3 = await anotherTab(page);
  await tab3.dismissLast();
  await expect(tab3.restoreOffer).toHaveCount(0);
  await expect(tab3.input).toHaveValue('');
  await tab2.page.close();
  await tab3.page.close();
});

test('full storage: the notice says so, and a reload does not bring back an older article', async ({ page, explorer }) => {
  await explorer.open();
  await explorer.paste(first);
  await page.waitForTimeout(600);
  // Fill this tab's session storage (and the origin's local storage) to the brim.
  await page.evaluate(() => {
    for (const store of [sessionStorage, localStorage]) {
      let chunk = 'x'.repeat(1 << 20);
      for (let i = 0; chunk.length > 0; i++) {
        try { store.setItem(`filler-${i}`, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
      }
    }
  });
  await explorer.paste(second);
  await expect(explorer.notice).toContainText(/storage .*full/i);
  await expect(explorer.notice).not.toContainText(/too large/i);
  await explorer.page.reload();
  await expect(explorer.input).not.toHaveValue(first);
  await expect(explorer.input).toHaveValue('');
  await expect(explorer.notice).toContainText(/not kept/i);
  await page.evaluate(() => { sessionStorage.clear(); localStorage.clear(); });
});
