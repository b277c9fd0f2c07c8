// The explorer as a page object (in the style of leptos' examples/counters/e2e fixtures): named
// locators for what a test looks at, and intent-level methods for what a person does. Every
// data-testid hook of the app is spelled here (and nowhere in the specs), so a renamed hook is
// one edit.
//
// `root` scopes the explorer: the page itself for the app, or the host element of an embedded
// explorer (see host.mjs).
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

/** The longest a task of the page's thread may take on any text up to the 2 MB limit, in
 *  milliseconds (issue 14). */
export const LONGEST_TASK = 200;

export class Explorer {
  /**
   * Opens `url` (a share link) in a fresh browser context, with nothing stored, and waits
   * for its cards. `requested` collects every URL the page asks for, to check what left it.
   */
  static async openInFreshContext(browser, url) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested = [];
    page.on('request', (r) => requested.push(r.url()));
    const explorer = new Explorer(page);
    await page.goto(url);
    await explorer.settled();
    return { context, page, explorer, requested };
  }

  constructor(page, root = page) {
    this.page = page;
    this.root = root;

    // The whole explorer and its first screen.
    this.app = root.getByTestId('explorer');
    this.heading = root.getByRole('heading', { name: 'Article Explorer' });
    this.emptyState = root.getByTestId('empty-state');
    /** A new tab's offer of the last article some tab worked on. */
    this.restoreOffer = root.getByTestId('restore-offer');
    this.notice = root.getByTestId('notice');

    // Input.
    this.input = root.getByTestId('article-input');
    /** The line standing for a text too long for the box (the box is then empty). */
    this.longText = root.getByTestId('long-text');
    this.fileInput = root.getByTestId('file-input');
    this.sampleButton = root.getByTestId('try-sample');
    this.clearArticleButton = root.getByTestId('clear-article');

    // A loaded web page's headline and its byline, date and site.
    this.pageTitle = root.getByTestId('page-title');
    this.pageByline = root.getByTestId('page-byline');

    // The article as shown, with its marks.
    this.articleView = root.getByTestId('article-view');
    this.articleParagraphs = this.articleView.locator('p');
    this.evidence = root.locator('[data-testid=article-view] .is-evidence');
    this.mentions = root.locator('[data-testid=article-view] mark.ae-mention');

    // Results.
    this.cards = root.getByTestId('cards');
    this.summary = root.getByTestId('summary');
    this.timing = root.getByTestId('timing');
    this.visibleCount = root.getByTestId('visible-count');
    this.noCards = root.getByTestId('no-cards');
    this.showMore = root.getByTestId('show-more');
    this.claimQuotes = root.locator('[data-testid=card-claim] blockquote');
    this.outcomeStatuses = root.locator('[data-testid=card-outcome] [data-testid=status]');
    /** Script, image and frame elements inside the explorer (article text must never become any). */
    this.activeContent = root.locator('[data-testid=explorer] script, [data-testid=explorer] img, [data-testid=explorer] iframe');

    // Filters.
    this.filters = root.getByTestId('filters');
    this.search = root.getByTestId('search');
    this.sort = root.getByTestId('sort');
    this.clearFiltersButton = root.getByTestId('clear-filters');

    // Exports.
    this.copyBriefButton = root.getByTestId('copy-brief');

    // Sharing and printing.
    this.shareButton = root.getByTestId('share');
    this.shareUrl = root.getByTestId('share-url');
    this.shareTooLarge = root.getByTestId('share-too-large');
    this.printButton = root.getByTestId('print');
    this.exportScope = root.getByTestId('export-scope');

    // Corrections: undo and redo, and the list of corrections in force.
    this.undoButton = root.getByTestId('undo');
    this.redoButton = root.getByTestId('redo');
    this.changes = root.getByTestId('changes');
    this.changeNotes = root.locator('[data-testid=changes] li');
    this.editors = root.getByTestId('editor');
    // Why and how sure; the story at a glance; the rough edges.
    this.confidences = root.locator('[data-testid=cards] [data-testid=confidence]');
    this.hideLowToggle = root.getByTestId('hide-low');
    this.story = root.getByTestId('story');
    this.relations = root.getByTestId('relations');
    this.relationsSvg = root.getByTestId('relations-svg');
    this.relationNodes = root.getByTestId('relation-node');
    this.relationArrows = root.getByTestId('relation-arrow');
    this.relationsTable = root.locator('#ae-relations-table');
    this.relationsTableToggle = root.getByTestId('relations-table-toggle');
    this.relationFilter = root.getByTestId('relation-filter');
    this.searchHits = root.locator('[data-testid=article-view] .ae-hit, [data-testid=article-view] .ae-mention.is-hit');
    this.backToCard = root.getByTestId('back-to-card');
    this.cardsProgress = root.getByTestId('cards-progress');
  }

  // ---- Why and how sure, relations ----

  /** The "Why?" disclosure of one card locator. */
  whyOf(card) {
    return card.getByTestId('why');
  }

  /** Opens a card's "Why?" and returns its text. */
  async openWhy(card) {
    const why = this.whyOf(card);
    await why.locator('summary').click();
    return why.innerText();
  }

  /** Every card (any type) whose confidence level is `level`. */
  cardsWithConfidence(level) {
    return this.root.locator(`[data-testid=cards] article[data-confidence=${level}]`);
  }

  /** Ticks or unticks "Hide low confidence". */
  async hideLow(on = true) {
    await this.hideLowToggle.setChecked(on);
  }

  /** The arrow of the relations view from party `from` to party `to`. */
  relationArrow(from, to) {
    return this.root.locator(`[data-testid=relation-arrow][data-from="${from}"][data-to="${to}"]`);
  }

  /** Clicks the arrow from `from` to `to` where a person would: on its label. */
  async clickArrow(from, to) {
    await this.root.locator(`[data-testid=relation-label][data-from="${from}"][data-to="${to}"]`).click();
  }

  /** Focuses the arrow from `from` to `to` and presses Enter. */
  async pressArrow(from, to) {
    await this.relationArrow(from, to).focus();
    await this.page.keyboard.press('Enter');
  }

  /** The node of the relations view for party `name`. */
  relationNode(name) {
    return this.root.locator(`[data-testid=relation-node][data-party="${name}"]`);
  }

  /** The node labels of the relations view that stick out of its view box (cut off). */
  async labelsCutOff() {
    return this.relationsSvg.evaluate((svg) => {
      const box = svg.viewBox.baseVal;
      return [...svg.querySelectorAll('[data-testid=relation-node] text')].filter((t) => {
        const b = t.getBBox();
        return b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5 || b.y < box.y || b.y + b.height > box.y + box.height;
      }).map((t) => t.textContent);
    });
  }

  /** The party names on the arrows' ends: [[from, to], ...]. */
  async arrowEnds() {
    return this.relationArrows.evaluateAll((els) => els.map((e) => [e.dataset.from, e.dataset.to]));
  }

  /** The visible cards' ids, in order. */
  async cardIds() {
    return this.root.locator('[data-testid=cards] article').evaluateAll((els) => els.map((e) => e.dataset.id));
  }

  // ---- Locators with a parameter ----

  /** Every card of one type: 'party', 'claim' or 'outcome'. */
  cardsOf(type) {
    return this.root.getByTestId(`card-${type}`);
  }

  /** The clickable title inside one card locator. */
  titleOf(card) {
    return card.locator('.ae-card-title');
  }

  /** The title of the first card of `type`. */
  firstCardTitle(type) {
    return this.titleOf(this.cardsOf(type).first());
  }

  /** The card of `type` whose exported id is `id` (e.g. 'o1'). */
  cardById(type, id) {
    return this.root.locator(`[data-testid=card-${type}][data-id=${id}]`);
  }

  /** The clickable titles of the cards of one or more types, in page order. */
  cardTitles(...types) {
    return this.root.locator(types.map((t) => `[data-testid=card-${t}] .ae-card-title`).join(', '));
  }

  /** The "N parties" style count in the summary; `list` is 'parties', 'claims' or 'outcomes'. */
  countOf(list) {
    return this.root.getByTestId(`count-${list}`);
  }

  /** The toggle that shows or hides one card type. */
  typeToggle(type) {
    return this.root.getByTestId(`type-${type}`);
  }

  /** The party chip in the filters for the party called `name`. */
  partyChip(name) {
    return this.root.locator(`[data-testid=filters] [data-testid=party-chip][data-party="${name}"]`);
  }

  /** The number of cards a party chip says it would leave. */
  partyChipBadge(name) {
    return this.partyChip(name).locator('.ae-badge');
  }

  /** The toggle for one outcome status ('agreed', 'pending', ...). */
  statusToggle(status) {
    return this.root.getByTestId(`status-${status}`);
  }

  /** The toggle for direct quotes ('quotes') or reported speech ('reported'). */
  speechToggle(kind) {
    return this.root.getByTestId(`speech-${kind}`);
  }

  /** The "clear" button of one filter group: 'types', 'parties', 'status', 'speech', 'search'. */
  clearButton(group) {
    return this.root.getByTestId(`clear-${group}`);
  }

  /** An export button: 'json', 'csv' or 'md'. */
  exportButton(format) {
    return this.root.getByTestId(`export-${format}`);
  }

  // ---- Opening and entering text ----

  async open(path = './') {
    await this.page.goto(path);
    await expect(this.input).toBeVisible();
  }

  /**
   * Makes the extraction worker look busy with any text containing `marker`: its answer to
   * such a text reaches the app `millis` later (and never, once the app has terminated that
   * worker). Without this, whether the worker is still busy with an older text when a newer
   * one comes depends on the machine's speed: an idle machine's worker finished 1.9 MB first
   * and the cancel under test never happened. Call before `open`; it applies to every worker
   * the page starts, served (worker.js) or from the single file's `blob:`.
   */
  async holdWorkerReplies(marker, millis) {
    await this.page.addInitScript(([marker, millis]) => {
      const Native = globalThis.Worker;
      globalThis.Worker = class extends Native {
        #held = new Set();
        #handler = null;
        #terminated = false;
        postMessage(message, transfer) {
          if (typeof message?.text === 'string' && message.text.includes(marker)) this.#held.add(message.id);
          return super.postMessage(message, transfer);
        }
        terminate() {
          this.#terminated = true;
          return super.terminate();
        }
        get onmessage() {
          return this.#handler;
        }
        set onmessage(handler) {
          this.#handler = handler;
          super.onmessage = handler && ((event) => {
            if (!this.#held.has(event.data?.id)) return handler(event);
            setTimeout(() => {
              if (!this.#terminated && this.#handler === handler) handler(event);
            }, millis);
          });
        }
      };
    }, [marker, millis]);
  }

  /** Clicks "Try the sample" and waits for its cards. */
  async trySample() {
    await this.sampleButton.click();
    await this.settled();
  }

  /** Opens the app at `path` and loads the sample article. */
  async openSample(path = './') {
    await this.open(path);
    await this.trySample();
  }

  /** Replaces the article text as a paste would, and waits for the cards. */
  async paste(text) {
    await this.input.fill(text);
    await this.settled();
  }

  /** Replaces the article text without waiting for cards (for input that makes none). */
  async fill(text) {
    await this.input.fill(text);
  }

  /** Clicks into the text area and types `text` key by key. */
  async type(text) {
    await this.input.click();
    await this.page.keyboard.type(text);
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

  /** Sets the text area's value in one step and fires the `input` event a paste fires
   *  (fast for long texts, without the clipboard). */
  async pasteAsInputEvent(text) {
    await this.input.evaluate((el, v) => {
      el.value = v;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
  }

  /** Starts recording the page's long tasks (Long Tasks API: every task over 50 ms). */
  async watchLongTasks() {
    await this.page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
    });
  }

  /** The long tasks recorded since `watchLongTasks`, in milliseconds. */
  async longTasks() {
    // One more frame, so an observer callback still queued has run.
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    return this.page.evaluate(() => window.__longTasks);
  }

  /** Pastes `text` as plain text through a paste event, as Ctrl+V does: the text is handed to
   *  the page first, so the paste itself costs the page only what the app does with it. */
  async pastePlain(text) {
    await this.page.evaluate((t) => { window.__pasted = t; }, text);
    await this.input.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', window.__pasted);
      delete window.__pasted;
      el.focus();
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
  }

  /** Loads a file through the file picker; `file` is Playwright's { name, mimeType, buffer }. */
  async loadFile(file) {
    await this.fileInput.setInputFiles(file);
  }

  /** Pastes what a browser puts on the clipboard when a page's text is copied: `html` as the
   *  text/html flavour and `plain` as text/plain, through a real paste event. */
  async pasteHtml(html, plain) {
    await this.input.focus();
    await this.input.evaluate((el, [h, p]) => {
      const data = new DataTransfer();
      data.setData('text/html', h);
      data.setData('text/plain', p);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, [html, plain]);
  }

  /** Clicks "Clear": the article and the saved state are forgotten. */
  async clearArticle() {
    await this.clearArticleButton.click();
  }

  /** Accepts a new tab's offer of the last article. */
  async restoreLast() {
    await this.restoreOffer.getByTestId('restore-last').click();
  }

  /** Dismisses a new tab's offer of the last article. */
  async dismissLast() {
    await this.restoreOffer.getByTestId('dismiss-last').click();
  }

  /** Waits until the cards show the current text (`timeout` ms for a long one). */
  async settled(timeout) {
    await expect(this.timing).toBeVisible(timeout ? { timeout } : {});
  }

  /** Reloads the page and waits for the restored cards. */
  async reload() {
    await this.page.reload();
    await this.settled();
  }

  // ---- Cards and the article ----

  /** Selects a card by clicking its title: the first of `type`, or the one with `id`. */
  async selectCard(type, id) {
    const title = id === undefined
      ? this.cardTitles(type).first()
      : this.titleOf(this.cardById(type, id));
    await title.click();
  }

  /** Selects the first card of `type` from the keyboard: focus its title, press Enter. */
  async selectCardWithKeyboard(type) {
    await this.cardTitles(type).first().focus();
    await this.page.keyboard.press('Enter');
  }

  /** The text of the evidence marked in the article, joined. */
  async evidenceText() {
    return (await this.evidence.allTextContents()).join('');
  }

  /** Clicks the first party mention in the article; returns the party's name. */
  async clickFirstMention() {
    const mention = this.mentions.first();
    const name = await mention.getAttribute('data-party');
    await mention.click();
    return name;
  }

  /** The status badge texts of every outcome card. */
  async outcomeStatusTexts() {
    return this.outcomeStatuses.allTextContents();
  }

  // ---- Corrections ----

  /** Opens the correction tools of the card of `type` with id `id`; returns the editor. */
  async editCard(type, id) {
    const card = this.cardById(type, id);
    const editor = card.getByTestId('editor');
    if (!(await editor.isVisible())) await card.getByTestId('edit-card').click();
    await expect(editor).toBeVisible();
    return editor;
  }

  /** Renames party `id` to `name`. */
  async renameParty(id, name) {
    const editor = await this.editCard('party', id);
    await editor.getByTestId('edit-name').fill(name);
    await editor.getByTestId('edit-rename').click();
  }

  /** Merges party `id` into the party called `intoName`, through the menu. */
  async mergeParty(id, intoName) {
    const editor = await this.editCard('party', id);
    await editor.getByTestId('edit-merge-into').selectOption({ label: intoName });
    await editor.getByTestId('edit-merge').click();
  }

  /** Drags the filter chip of party `fromName` onto the chip of `intoName` (a merge). */
  async dragChipOnto(fromName, intoName) {
    await this.partyChip(fromName).dragTo(this.partyChip(intoName));
  }

  /** Makes alias `alias` of party `id` a party of its own. */
  async splitAlias(id, alias) {
    const editor = await this.editCard('party', id);
    await editor.getByTestId('edit-alias').selectOption(alias);
    await editor.getByTestId('edit-split').click();
  }

  /** Changes the kind of party `id` ('person', 'organization', ...). */
  async setKind(id, kind) {
    const editor = await this.editCard('party', id);
    await editor.getByTestId('edit-kind').selectOption(kind);
  }

  /** Deletes the card of `type` with id `id`. */
  async deleteCard(type, id) {
    const editor = await this.editCard(type, id);
    await editor.getByTestId('edit-delete').click();
  }

  /** Makes the party called `name` (or 'Unattributed') the speaker of claim `id`. */
  async setSpeaker(id, name) {
    const editor = await this.editCard('claim', id);
    await editor.getByTestId('edit-speaker').selectOption({ label: name });
  }

  /** Adds or removes the party called `name` from the targets of claim `id`. */
  async toggleTarget(id, name) {
    const editor = await this.editCard('claim', id);
    await editor.locator(`[data-testid=edit-target][data-party="${name}"]`).click();
  }

  /** Sets the status of outcome `id`. */
  async setStatus(id, status) {
    const editor = await this.editCard('outcome', id);
    await editor.getByTestId('edit-status').selectOption(status);
  }

  async undo() {
    await this.undoButton.click();
  }

  async redo() {
    await this.redoButton.click();
  }

  /** Ctrl+Z with the focus on the page, not in a text field. */
  async undoWithKeyboard() {
    await this.page.locator('body').focus();
    await this.page.evaluate(() => document.activeElement?.blur());
    await this.page.keyboard.press('ControlOrMeta+z');
  }

  /** Ctrl+Shift+Z with the focus on the page. */
  async redoWithKeyboard() {
    await this.page.evaluate(() => document.activeElement?.blur());
    await this.page.keyboard.press('ControlOrMeta+Shift+z');
  }

  /** The names on the party cards, in order. */
  async partyNames() {
    return this.cardTitles('party').allTextContents();
  }

  // ---- Filters ----

  /** Shows or hides one card type. */
  async toggleType(type) {
    await this.typeToggle(type).click();
  }

  /** Toggles one card type from the keyboard: focus, Space. */
  async toggleTypeWithKeyboard(type) {
    await this.typeToggle(type).focus();
    await this.page.keyboard.press('Space');
  }

  async clearTypes() {
    await this.clearButton('types').click();
  }

  /** Keeps only the cards that involve the party called `name`. */
  async filterByParty(name) {
    await this.partyChip(name).click();
  }

  async clearParties() {
    await this.clearButton('parties').click();
  }

  /** Keeps only the outcomes with this status. */
  async filterByStatus(status) {
    await this.statusToggle(status).click();
  }

  async clearStatus() {
    await this.clearButton('status').click();
  }

  /** Keeps only direct quotes ('quotes') or reported speech ('reported'). */
  async filterBySpeech(kind) {
    await this.speechToggle(kind).click();
  }

  async clearSpeech() {
    await this.clearButton('speech').click();
  }

  /** Types `text` into the card search. */
  async searchFor(text) {
    await this.search.fill(text);
  }

  async clearSearch() {
    await this.clearButton('search').click();
  }

  /** Sorts the cards: 'salience', ... (the <select>'s option values). */
  async sortBy(key) {
    await this.sort.selectOption(key);
  }

  /** Clears every filter in one click. */
  async clearFilters() {
    await this.clearFiltersButton.click();
  }

  // ---- Exports ----

  /** Clicks an export button and returns the download's { name, body }. */
  async download(format) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton(format).click()]);
    return { name: download.suggestedFilename(), body: readFileSync(await download.path(), 'utf8') };
  }

  exportJson() {
    return this.download('json');
  }

  exportCsv() {
    return this.download('csv');
  }

  exportMarkdown() {
    return this.download('md');
  }

  /** Exports 'all' cards or only the 'shown' ones. */
  async exportScopeTo(scope) {
    await this.exportScope.selectOption(scope);
  }

  /** Clicks "Share link" and returns the link shown (empty when the article is too long). */
  async shareLink() {
    // A file:// page has no origin to grant anything to (the link is shown all the same).
    const { origin, protocol } = new URL(this.page.url());
    if (protocol !== 'file:') await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await this.shareButton.click();
    await expect(this.root.getByTestId('share-panel')).toBeVisible();
    return (await this.shareUrl.count()) ? this.shareUrl.inputValue() : '';
  }

  /** Allows the clipboard for `origin`, then clicks "Copy brief". */
  async copyBrief(origin) {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await this.copyBriefButton.click();
  }

  /** What the clipboard holds now. */
  async clipboardText() {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
