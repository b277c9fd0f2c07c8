// Article Explorer for any web page.
//
//   <script type="module" src="https://your.site/explorer/embed.js"></script>
//   <article-explorer text="Paste-free article text…" types="claim outcome" theme="light"></article-explorer>
//
// The element renders inside a shadow root (the host page's CSS and ours stay apart) and
// takes its article from the `text` attribute, its own text content, or `src` (a text file
// on the same site). Scripts can also call `mount(element, options)` and `extract(text)`.
// All URLs are relative to this file, so the bundle can be served from any path or origin.
import init, { mount as mountApp, extract as extractJson, useWorker, warmUp } from './article-explorer.js';

const base = new URL('.', import.meta.url);
let ready = null;

/** Loads the WebAssembly once for the whole page. */
export function load() {
  // Workers must come from the page's own origin; from another origin the app falls back
  // to extracting on the page, which it detects by itself.
  ready ??= init({ module_or_path: new URL('article-explorer_bg.wasm', base) }).then(() => {
    useWorker(new URL('worker.js', base).href);
    // While the page is idle: warm the core and start the worker, once for the whole page.
    const idle = self.requestIdleCallback ?? ((f) => setTimeout(f, 200));
    idle(() => warmUp(), { timeout: 2000 });
  });
  return ready;
}

/** Links the explorer's stylesheet into the document or shadow root that holds `element`, once. */
function ensureStyles(element) {
  const root = element.getRootNode();
  const parent = root instanceof ShadowRoot ? root : document.head;
  if (parent.querySelector('link[data-article-explorer]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('style.css', base).href;
  link.dataset.articleExplorer = '';
  parent.prepend(link);
}

/** Mounts an explorer into `element`; resolves to a handle with setText, setFilters, extract, destroy. */
export async function mount(element, options = {}) {
  await load();
  ensureStyles(element);
  return mountApp(element, options);
}

/** The extraction of `text` as the same JSON the `extract` command prints. */
export async function extract(text) {
  await load();
  return extractJson(text);
}

const TYPES = { parties: 'party', party: 'party', claims: 'claim', claim: 'claim', outcomes: 'outcome', outcome: 'outcome' };

function flag(value, fallback) {
  if (value === null || value === undefined) return fallback;
  return !['false', 'no', 'off', '0'].includes(String(value).trim().toLowerCase());
}

// Signatures of files that are not an article: WebAssembly, zip (and docx, xlsx, jar), gzip,
// PDF, PNG, JPEG, GIF, WebP and other RIFF files, and executables (ELF, PE).
const BINARY_SIGNATURES = [
  [0x00, 0x61, 0x73, 0x6d], [0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06], [0x1f, 0x8b],
  [0x25, 0x50, 0x44, 0x46], [0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38],
  [0x52, 0x49, 0x46, 0x46], [0x7f, 0x45, 0x4c, 0x46], [0x4d, 0x5a],
];

/** Whether `bytes` are a binary file: a known signature at the start, or a NUL byte anywhere. */
export function looksBinary(bytes) {
  const opens = (sig) => sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);
  return BINARY_SIGNATURES.some(opens) || bytes.indexOf(0) !== -1;
}

/**
 * The article at `src`: an http(s) URL or one relative to the page (which then has the page's
 * own scheme); any other scheme (javascript:, data:, blob:, file:) is refused, and so is a
 * response that is a binary file, with a message the element shows in place of the cards.
 */
export async function fetchArticle(src) {
  const url = new URL(src, document.baseURI);
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(src.trim());
  if (!relative && !['http:', 'https:'].includes(url.protocol)) {
    throw new Error(`article-explorer: src must be an http(s) or relative URL, not ${url.protocol}`);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`article-explorer: could not load ${src} (${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (looksBinary(bytes)) {
    throw new Error(`article-explorer: ${src} is a binary file, not an article's text`);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** `<article-explorer>`: attributes text, src, input, header, types, theme. */
export class ArticleExplorerElement extends HTMLElement {
  static observedAttributes = ['text', 'src', 'input', 'header', 'types', 'theme'];

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._handle = null;
    this._generation = 0;
  }

  /** The mounted handle (null until ready). */
  get handle() { return this._handle; }

  connectedCallback() { this._render(); }

  disconnectedCallback() { this.destroy(); }

  attributeChangedCallback(name, oldValue, value) {
    if (!this._handle || oldValue === value) return;
    if (name === 'text') this._handle.setText(value ?? '');
    else this._render();
  }

  /** Replaces the article. */
  setText(text) { this._handle?.setText(text); }

  /** Replaces the filters: { types, parties, statuses, speech, query, sort }. */
  setFilters(filters) { this._handle?.setFilters(filters); }

  /** The extraction of `text`, without rendering it. */
  extract(text) { return extractJson(text); }

  /** Unmounts this explorer; the others on the page keep working. */
  destroy() {
    this._generation += 1;
    if (this._handle) {
      this._handle.destroy();
      this._handle.free();
      this._handle = null;
    }
  }

  async _text() {
    const src = this.getAttribute('src');
    if (src) return fetchArticle(src);
    return this.getAttribute('text') ?? this.textContent.trim();
  }

  async _render() {
    this.destroy();
    const generation = this._generation;
    await load();
    let text = '';
    let error = null;
    try {
      text = await this._text();
    } catch (e) {
      error = e;
    }
    if (generation !== this._generation || !this.isConnected) return;
    const root = this.shadowRoot;
    root.replaceChildren();
    const host = document.createElement('div');
    host.className = 'ae-host';
    root.append(host);
    ensureStyles(host);
    if (error) {
      // Shown in the element, where the page's author sees it; a warning, not an error,
      // since the page itself goes on working.
      host.textContent = String(error.message ?? error);
      console.warn(error);
      return;
    }
    const types = (this.getAttribute('types') ?? '').split(/[\s,]+/).map((t) => TYPES[t.toLowerCase()]).filter(Boolean);
    this._handle = mountApp(host, {
      text,
      input: flag(this.getAttribute('input'), true),
      header: flag(this.getAttribute('header'), false),
      types: types.length ? types : undefined,
      theme: this.getAttribute('theme') ?? 'auto',
    });
  }
}

if (!customElements.get('article-explorer')) {
  customElements.define('article-explorer', ArticleExplorerElement);
}
