// Shared fixtures: every test fails on a console error, a page error, or a request that goes
// anywhere but 127.0.0.1; `explorer` is a small page object over the data-testid hooks.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  guard: [async ({ page }, use) => {
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('request', (req) => {
      const url = new URL(req.url());
      // localhost is 127.0.0.1 under another origin name, used to test cross-origin embedding.
      const local = ['file:', 'data:', 'blob:'].includes(url.protocol) || ['127.0.0.1', 'localhost'].includes(url.hostname);
      if (!local) problems.push(`request left 127.0.0.1: ${req.url()}`);
    });
    await use(problems);
    expect(problems, problems.join('\n')).toEqual([]);
  }, { auto: true }],

  explorer: async ({ page }, use) => {
    await use(new Explorer(page));
  },
});

export { expect };

export class Explorer {
  constructor(page, root = page) {
    this.page = page;
    this.root = root;
    this.input = root.getByTestId('article-input');
    this.cards = root.getByTestId('cards');
    this.summary = root.getByTestId('summary');
  }

  async open(path = './') {
    await this.page.goto(path);
    await expect(this.input).toBeVisible();
  }

  /** Replaces the article text as a paste would, and waits for the cards. */
  async paste(text) {
    await this.input.fill(text);
    await this.settled();
  }

  /** Pastes `text` through the clipboard and Ctrl+V, as a person would. (Playwright's
   *  `fill` types through the editing pipeline, which takes Chromium ~25 s for 500 KB.) */
  async pasteFromClipboard(text) {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(this.page.url()).origin });
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.input.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('ControlOrMeta+V');
  }

  /** Waits until the cards show the current text. */
  async settled() {
    await expect(this.root.getByTestId('timing')).toBeVisible();
  }

  card(type) {
    return this.root.getByTestId(`card-${type}`);
  }
}
