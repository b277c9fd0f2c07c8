// Shared fixtures: every test fails on a console error, a page error, or a request that goes
// anywhere but 127.0.0.1. The specs speak through page objects (pages/), never through raw
// data-testid hooks: `explorer` is the app, `host` the embedding host page.
import { test as base, expect } from '@playwright/test';
import { Explorer } from './pages/explorer.mjs';
import { HostPage, EmbeddedExplorer, MountedExplorer } from './pages/host.mjs';

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

  host: async ({ page }, use) => {
    await use(new HostPage(page));
  },
});

export { expect, Explorer, HostPage, EmbeddedExplorer, MountedExplorer };
