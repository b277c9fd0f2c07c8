// Page objects for the embedding host pages in tests/e2e/host: the page itself, and each
// <article-explorer> on it as an `EmbeddedExplorer` (an `Explorer` scoped to its element, plus
// the element's JavaScript API).
import { Explorer } from './explorer.mjs';

/** One explorer embedded in a host page, found by the id of its host element. */
export class EmbeddedExplorer extends Explorer {
  constructor(page, id) {
    super(page, page.locator(`#${id}`));
    this.id = id;
  }

  /** element.setText(text): replaces the article. */
  async setText(text) {
    await this.page.evaluate(([id, t]) => document.getElementById(id).setText(t), [this.id, text]);
  }

  /** element.setFilters(filters), e.g. { types: ['claim'] }. */
  async setFilters(filters) {
    await this.page.evaluate(([id, f]) => document.getElementById(id).setFilters(f), [this.id, filters]);
  }

  /** element.extract(text): the JSON for `text`, without showing it. */
  async extract(text) {
    return this.page.evaluate(([id, t]) => document.getElementById(id).extract(t), [this.id, text]);
  }

  /** element.destroy(): the explorer unmounts; the element stays. */
  async destroy() {
    await this.page.evaluate((id) => document.getElementById(id).destroy(), this.id);
  }
}

/** The host page with two explorers (host/index.html), and the cross-origin one. */
export class HostPage {
  constructor(page) {
    this.page = page;
    this.first = new EmbeddedExplorer(page, 'first');
    this.second = new EmbeddedExplorer(page, 'second');
    // The host's own elements, styled by the host's CSS.
    this.hostButton = page.locator('#host-button');
    this.hostNote = page.locator('#host-note');
    this.body = page.locator('body');
  }

  /** The explorer in the element with this id. */
  explorer(id) {
    return new EmbeddedExplorer(this.page, id);
  }

  /** Opens host/index.html and waits until both explorers show their cards. */
  async open() {
    await this.page.goto('/host/');
    await this.first.settled();
    await this.second.settled();
  }

  /** Opens host/cross-origin.html (the bundle from another origin); returns its explorer. */
  async openCrossOrigin() {
    await this.page.goto('/host/cross-origin.html');
    return this.explorer('remote');
  }

  /** Records every explorer-select and explorer-filters event of both explorers. */
  async recordEvents() {
    await this.page.evaluate(() => {
      window.__events = [];
      for (const id of ['first', 'second']) {
        const el = document.getElementById(id);
        el.addEventListener('explorer-select', (e) => window.__events.push({ id, type: 'select', detail: e.detail }));
        el.addEventListener('explorer-filters', (e) => window.__events.push({ id, type: 'filters', detail: e.detail }));
      }
    });
  }

  /** The events recorded so far: [{ id, type: 'select' | 'filters', detail }]. */
  events() {
    return this.page.evaluate(() => window.__events);
  }

  /** Calls the bundle's mount() on a new <div id=…> appended to the body; returns its explorer. */
  async mount(id, options) {
    await this.page.evaluate(async ([id, options]) => {
      const { mount } = await import('../embed/embed.js');
      const div = document.createElement('div');
      div.id = id;
      document.body.append(div);
      window.__mounted = { ...window.__mounted, [id]: await mount(div, options) };
    }, [id, options]);
    return new MountedExplorer(this.page, id);
  }
}

/** An explorer started with mount(); its handle lives in window.__mounted[id]. */
export class MountedExplorer extends Explorer {
  constructor(page, id) {
    super(page, page.locator(`#${id}`));
    this.id = id;
  }

  /** handle.destroy(): the explorer unmounts. */
  async destroy() {
    await this.page.evaluate((id) => window.__mounted[id].destroy(), this.id);
  }
}
