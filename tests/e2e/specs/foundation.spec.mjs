// The page loads with a real first screen, typing works, and nothing leaves 127.0.0.1.
import { test, expect } from './fixtures.mjs';

test('first screen explains what will appear', async ({ page, explorer }) => {
  await explorer.open();
  await expect(page).toHaveTitle('Article Explorer');
  await expect(explorer.heading).toBeVisible();
  await expect(explorer.emptyState).toContainText('Parties');
  await expect(explorer.emptyState).toContainText('Claims');
  await expect(explorer.emptyState).toContainText('Outcomes');
  await page.screenshot({ path: '../../target/screenshots/first-screen.png', fullPage: true });
});

test('typing in the text area works and produces cards', async ({ explorer }) => {
  await explorer.open();
  await explorer.type('Officials in Ghana said on Monday that talks with Togo would resume.');
  await expect(explorer.input).toHaveValue(/talks with Togo would resume/);
  await explorer.settled();
  await expect(explorer.emptyState).toHaveCount(0);
  await expect(explorer.summary).toBeVisible();
});

test('the build works from a sub-path', async ({ explorer }) => {
  await explorer.open('/sub/dir/');
  await explorer.paste('Kenya and Uganda signed a trade agreement on Friday.');
});
