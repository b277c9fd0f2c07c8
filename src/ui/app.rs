//! The app shell: owns the state, runs the side effects (debounced extraction, local storage,
//! host callbacks) and lays out the panels.

use super::article::ArticleView;
use super::card_list::CardList;
use super::cards::{Card, CardType};
use super::controls::Controls;
use super::filter::{Filters, Index};
use super::input::{InputPanel, Notice};
use super::relations_view::RelationsView;
use super::state::{check_input, Action, InputCheck, PageInfo, Phase, Saved, State};
use super::summary::{Story, SummaryBar};
use super::{dom, storage, text, worker};
use crate::extract::{self, Extraction};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(State::apply(&self, action))
    }
}

/// Colour scheme: follow the system, or force one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Parses "light", "dark" or anything else as auto.
    pub fn from_name(name: &str) -> Theme {
        match name.trim().to_ascii_lowercase().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Theme::Auto => "theme-auto",
            Theme::Light => "theme-light",
            Theme::Dark => "theme-dark",
        }
    }
}

/// A card the user picked, as reported to an embedding page.
#[derive(Clone, Debug, PartialEq)]
pub struct Selected {
    /// Its type.
    pub kind: CardType,
    /// Its item's exported JSON (a party, claim or outcome object).
    pub data: serde_json::Value,
}

/// An `Rc` compared by identity, for memo keys: comparing two extractions field by field on
/// every render would cost more than the memo saves.
struct Same<T>(Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Same<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A way for an embedding script to send actions into a mounted app.
#[derive(Clone, Default)]
pub struct Bus(pub Rc<RefCell<Option<Callback<Action>>>>);

impl PartialEq for Bus {
    fn eq(&self, other: &Bus) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What an explorer shows and how it talks to its host.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The article to start with (used when nothing is restored from storage).
    #[prop_or_default]
    pub text: Option<AttrValue>,
    /// Local-storage key for the article and filters; `None` keeps nothing.
    #[prop_or_default]
    pub storage_key: Option<AttrValue>,
    /// Show the text area and file controls.
    #[prop_or(true)]
    pub show_input: bool,
    /// Show the page title.
    #[prop_or(true)]
    pub show_header: bool,
    /// Card types shown at first (all when `None`).
    #[prop_or_default]
    pub types: Option<Vec<CardType>>,
    /// Colour scheme.
    #[prop_or_default]
    pub theme: Theme,
    /// Called when the user selects a card.
    #[prop_or_default]
    pub on_select: Option<Callback<Selected>>,
    /// Called when the filters change.
    #[prop_or_default]
    pub on_filters: Option<Callback<Filters>>,
    /// Filled with the app's dispatcher once mounted.
    #[prop_or_default]
    pub bus: Option<Bus>,
}

impl AppProps {
    /// The stand-alone page: input, header, saved state.
    pub fn full_page() -> AppProps {
        AppProps {
            text: None,
            storage_key: Some(AttrValue::Static(STORAGE_KEY)),
            show_input: true,
            show_header: true,
            types: None,
            theme: Theme::Auto,
            on_select: None,
            on_filters: None,
            bus: None,
        }
    }
}

/// Where the stand-alone page keeps its state.
pub const STORAGE_KEY: &str = "article-explorer/v1";

/// Texts from this size on are extracted in the worker, when there is one.
const WORKER_FROM: usize = 50_000;

/// Extractions of more cards than this render in stages (see `App`); any news article has
/// far fewer.
const STAGED_FROM: usize = 2_000;

/// Debounce before re-extracting: long enough not to run on every keystroke, short enough to
/// feel live.
const DEBOUNCE_MS: u32 = 250;

/// What the tab found in storage on start-up: its own state, a note that it was not kept, or
/// (in a brand-new tab) the last article of any tab, to offer.
fn tab_state(props: &AppProps) -> storage::TabState {
    props.storage_key.as_deref().map_or(storage::TabState::Fresh, storage::load_tab)
}

/// The state a share link in this page's address carries (the stand-alone page only: an
/// embedding page's fragment is its own), removing it from the address so that a reload
/// shows the tab's own state, with whatever was changed since.
fn shared_state(props: &AppProps) -> Option<Saved> {
    props.storage_key.as_ref()?;
    let window = web_sys::window()?;
    let saved = super::share::parse(&window.location().hash().ok()?)?;
    let location = window.location();
    let bare = format!("{}{}", location.pathname().ok()?, location.search().ok()?);
    let _ = window.history().ok()?.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&bare));
    Some(saved)
}

fn initial_state(props: &AppProps, tab: &storage::TabState, link: Option<Saved>) -> State {
    let mut state = State::default();
    if let Some(saved) = link {
        state = state.apply(Action::Restore(saved));
    } else if let storage::TabState::Saved(saved) = tab {
        state = state.apply(Action::Restore((**saved).clone()));
    }
    if state.text.is_empty() {
        if let Some(text) = &props.text {
            state = state.apply(Action::Edit(Rc::from(text.as_str())));
        }
    }
    if let Some(types) = &props.types {
        state.filters.types = types.iter().copied().collect();
    }
    // What the explorer starts with is not a step to undo.
    state.history = Default::default();
    state
}

/// The notice for a failed save.
fn storage_message(error: storage::StorageError) -> String {
    match error {
        storage::StorageError::Unavailable => {
            "This browser gives the page no storage, so the article will not survive a reload.".to_owned()
        }
        storage::StorageError::Full => "The browser's storage for this page is full, so this article is not kept: a reload will not bring it back (nor an older one). Export it to keep it.".to_owned(),
    }
}

/// Runs the saves' steps, one a task (the next in a timer of 0 ms kept in `running`, so that
/// a newer save dropping it stops this one), and reports the tab's save in `note`.
fn run_saves(
    mut saves: Vec<storage::Save>,
    note: UseStateHandle<Option<String>>,
    running: Rc<RefCell<Option<Timeout>>>,
) {
    let Some(save) = saves.first_mut() else { return };
    let result = save.step();
    if !matches!(result, Ok(true)) {
        if save.is_tab() {
            note.set(result.err().map(storage_message));
        }
        saves.remove(0);
    }
    if saves.is_empty() {
        *running.borrow_mut() = None;
        return;
    }
    let slot = running.clone();
    *slot.borrow_mut() = Some(dom::later(Box::new(move || run_saves(saves, note, running))));
}

/// One explorer: input, summary, filters, cards and the article.
#[component]
pub fn App(props: &AppProps) -> Html {
    let tab = use_memo((), {
        let props = props.clone();
        move |_| tab_state(&props)
    });
    let link = use_memo((), {
        let props = props.clone();
        move |_| shared_state(&props)
    });
    let state = use_reducer({
        let (props, tab, link) = (props.clone(), tab.clone(), link.clone());
        move || initial_state(&props, &tab, (*link).clone())
    });
    let storage_note = use_state(|| {
        match &*tab {
        storage::TabState::NotKept(bytes) => Some(format!(
            "The article this tab held ({}) was not kept: the browser's storage for this page was full. Nothing older was restored in its place.",
            text::human_bytes(*bytes)
        )),
        _ => None,
    }
    });
    // A brand-new tab offers the last article any tab worked on, never loading it unasked.
    let offer = use_state(|| match (&*tab, props.storage_key.as_deref()) {
        (storage::TabState::Fresh, Some(key)) if props.text.is_none() && link.is_none() => {
            storage::last(key).map(Rc::new)
        }
        _ => None,
    });
    let dispatcher = state.dispatcher();
    let dispatch = Callback::from(move |a: Action| dispatcher.dispatch(a));

    // Scripts on an embedding page send actions through the bus.
    use_effect_with((props.bus.clone(), dispatch.clone()), |(bus, dispatch)| {
        if let Some(bus) = bus {
            *bus.0.borrow_mut() = Some(dispatch.clone());
        }
    });

    // Ctrl+Z and Ctrl+Shift+Z undo and redo corrections, Clear and the sample: anywhere on
    // the stand-alone page (it owns the document); in an embedded explorer only while the
    // focus is inside it (the listener sits on its root and keeps the keys it takes from the
    // host), so the host page keeps its keys and two explorers never undo each other's work.
    let root = use_node_ref();
    {
        let (dispatch, root) = (dispatch.clone(), root.clone());
        use_effect_with(props.bus.is_none(), move |&stand_alone| {
            let target: Option<web_sys::EventTarget> =
                if stand_alone { Some(gloo::utils::document().into()) } else { root.get().map(Into::into) };
            let listener = target.map(|target| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&target, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                    if let Some(redo) = super::edit::undo_key(e) {
                        e.prevent_default();
                        if !stand_alone {
                            e.stop_propagation();
                        }
                        dispatch.emit(if redo { Action::Redo } else { Action::Undo });
                    }
                })
            });
            move || drop(listener)
        });
    }

    // A share link pasted into the address bar of an open page arrives as a hash change.
    {
        let (dispatch, props2) = (dispatch.clone(), props.clone());
        use_effect_with((), move |_| {
            let listener = props2.storage_key.is_some().then(|| {
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(saved) = shared_state(&props2) {
                        dispatch.emit(Action::Restore(saved));
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Re-extract after the text settles: large texts in the worker, small ones right here
    // (a round trip to the worker would cost more than the extraction). The first run after
    // start-up goes at once.
    {
        let text = state.text.clone();
        let dispatch = dispatch.clone();
        // This explorer, to the worker: its newer text cancels its older one.
        let owner = *use_memo((), |()| worker::Owner::fresh());
        use_effect_with(state.version, move |&version| {
            let here = {
                let (text, dispatch) = (text.clone(), dispatch.clone());
                move || {
                    let started = dom::now_ms();
                    let extraction = extract::analyze(&text);
                    let millis = dom::now_ms() - started;
                    dispatch.emit(Action::Analysed {
                        version,
                        text,
                        extraction: Rc::new(extraction),
                        millis,
                    });
                }
            };
            let run = move || match check_input(&text) {
                InputCheck::Ok | InputCheck::NotEnglish if text.len() >= WORKER_FROM => {
                    let reply = {
                        let (text, dispatch, here) = (text.clone(), dispatch.clone(), here.clone());
                        move |result: Option<(Extraction, f64)>| match result {
                            Some((extraction, millis)) => dispatch.emit(Action::Analysed {
                                version,
                                text,
                                extraction: Rc::new(extraction),
                                millis,
                            }),
                            None => here(),
                        }
                    };
                    if !worker::request(owner, &text, reply) {
                        here();
                    }
                }
                InputCheck::Ok | InputCheck::NotEnglish => here(),
                InputCheck::Empty | InputCheck::TooLarge { .. } => {
                    dispatch.emit(Action::Analysed { version, text, extraction: Rc::default(), millis: 0.0 })
                }
            };
            let delay = if version <= 1 { 0 } else { DEBOUNCE_MS };
            let timer = Timeout::new(delay, run);
            move || drop(timer)
        });
    }

    // Save the tab's article, filters and corrections, debounced, when the page has a storage
    // key: in session storage (this tab's own), and when the article or its corrections
    // changed (not only a filter), as the last article for a new tab's offer. Not at start-up:
    // what was just loaded is already saved, and a note about it must stay. A long article
    // is written part by part, a task each ([`storage::Save`]); a newer save stops an older
    // one still under way.
    {
        let key = props.storage_key.clone();
        // Copied when the save runs, not at every render (2 MB at a time).
        let current = state.clone();
        let note = storage_note.clone();
        // Until the first run: whether the state was opened from a link. One loaded from this
        // tab's storage is saved already; one opened from a link is new to this tab and saved
        // at once, so a reload straight after opening the link keeps it.
        let first = use_mut_ref(|| Some(link.is_some()));
        let doc = (state.version, Rc::as_ptr(&state.corrections) as usize);
        let last_doc = use_mut_ref(|| doc);
        let running = use_mut_ref(|| None::<Timeout>);
        use_effect_with((state.version, state.filters.clone(), Same(state.corrections.clone())), move |_| {
            let opened_from_link = first.borrow_mut().take();
            let delay = if opened_from_link == Some(true) { 0 } else { 400 };
            let timer = key.filter(|_| opened_from_link != Some(false)).map(|key| {
                Timeout::new(delay, move || {
                    let saved = current.saved();
                    let mut saves = vec![storage::Save::tab(&key, &saved)];
                    let changed = *last_doc.borrow() != doc;
                    if changed && !saved.text.trim().is_empty() {
                        *last_doc.borrow_mut() = doc;
                        saves.push(storage::Save::last(&key, &saved));
                    }
                    run_saves(saves, note, running);
                })
            });
            move || drop(timer)
        });
    }

    // Tell the host about filter changes and selections.
    {
        let on_filters = props.on_filters.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.filters.clone(), move |filters| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(cb) = on_filters {
                    cb.emit(filters.clone());
                }
            }
        });
    }
    {
        let on_select = props.on_select.clone();
        let extraction = state.extraction.clone();
        use_effect_with(state.selected, move |selected| {
            if let (Some(cb), Some(card)) = (on_select, selected) {
                if let Some(data) = card_json(&extraction, *card) {
                    cb.emit(Selected { kind: card.kind, data });
                }
            }
        });
    }

    let notice = match check_input(&state.text) {
        InputCheck::TooLarge { bytes } => Some(Notice::error(format!(
            "This text is {}; the explorer analyses up to {} at a time. Split it into smaller parts — nothing you pasted is lost.",
            text::human_bytes(bytes),
            text::human_bytes(super::state::MAX_BYTES)
        ))),
        InputCheck::NotEnglish => Some(Notice::info(
            "This does not look like English. The extractor follows English news conventions, so it shows no cards for this text.".to_owned(),
        )),
        InputCheck::Ok if state.text.len() >= WORKER_FROM && !worker::available() => Some(Notice::info(
            "This browser gives the page no background worker here, so long texts are analysed on the page itself and it may pause briefly.".to_owned(),
        )),
        _ => (*storage_note).clone().map(Notice::info),
    };

    // One filter index per extraction, shared by the filter panel and the card list.
    let index = use_memo(Same(state.extraction.clone()), |ex| Index::new(ex.0.clone()));
    // A large extraction comes in three tasks: the summary and the article, then the filters,
    // then the relations and the cards. In one, the first render of the 20,000 cards of 2 MB
    // of news (their order, every filter's count, the first cards) took the page's thread over
    // 100 ms on a busy 2-core machine, and the answer's last task with it (issue 14).
    let key = Rc::as_ptr(&state.extraction) as usize;
    let staged = use_state(|| (0usize, 0u8));
    let large = Card::all(&state.extraction).nth(STAGED_FROM).is_some();
    let stage = match *staged {
        _ if !large => 2,
        (k, n) if k == key => n,
        _ => 0,
    };
    {
        let staged = staged.clone();
        use_effect_with((key, stage), move |&(key, stage)| {
            let timer = (stage < 2).then(|| dom::later(Box::new(move || staged.set((key, stage + 1)))));
            move || drop(timer)
        });
    }
    let empty = state.text.trim().is_empty();
    html! {
        <div class={classes!("ae", props.theme.class())} data-testid="explorer" ref={root}>
            if props.show_header {
                <header class="ae-header">
                    <h1 class="ae-title">{"Article Explorer"}</h1>
                    <p class="ae-tagline">
                        {"Who is involved, who said what, and what came of it — extracted in your browser. Nothing you paste leaves this page."}
                    </p>
                </header>
            }
            if props.show_input {
                <InputPanel text={state.text.clone()} {notice} dispatch={dispatch.clone()}
                    storage_key={props.storage_key.clone()} />
            }
            <super::edit::EditBar history={state.history.clone()} changes={state.changes.clone()}
                dispatch={dispatch.clone()} />
            if empty {
                if let (Some(last), Some(key)) = ((*offer).clone(), props.storage_key.clone()) {
                    <RestoreOffer {last} storage_key={key} offer={offer.clone()} dispatch={dispatch.clone()} />
                }
                <EmptyState />
            } else {
                if let Some(page) = state.page.clone() {
                    <PageHeader {page} />
                }
                <SummaryBar extraction={state.extraction.clone()} text={state.analysed.clone()}
                    millis={state.millis} pending={state.phase == Phase::Pending} page={state.page.clone()}
                    changes={state.changes.clone()} corrections={state.corrections.clone()}
                    index={index.clone()} filters={state.filters.clone()} />
                if stage >= 1 {
                    <Controls index={index.clone()} filters={state.filters.clone()}
                        dispatch={dispatch.clone()} />
                }
                <Story extraction={state.extraction.clone()} />
                <div class="ae-split">
                    <div class="ae-column">
                        if stage >= 2 {
                            <RelationsView index={index.clone()} filters={state.filters.clone()}
                                dispatch={dispatch.clone()} />
                            <CardList index={index.clone()} filters={state.filters.clone()}
                                selected={state.selected} shown={state.shown} pending={state.phase == Phase::Pending}
                                dispatch={dispatch.clone()} />
                        } else {
                            <section class="ae-cards" aria-label="Cards" data-testid="cards">
                                <p class="ae-none ae-progress" role="status">
                                    <span class="ae-spinner" aria-hidden="true"></span>{"Showing the cards…"}
                                </p>
                            </section>
                        }
                    </div>
                    <ArticleView extraction={state.extraction.clone()} text={state.analysed.clone()}
                        selected={state.selected} query={AttrValue::from(state.filters.query.clone())}
                        dispatch={dispatch.clone()} />
                </div>
            }
        </div>
    }
}

/// The exported JSON object of one card's item.
pub fn card_json(ex: &Extraction, card: Card) -> Option<serde_json::Value> {
    use super::cards::Item;
    let value = match card.item(ex)? {
        Item::Party(p) => serde_json::to_value(p),
        Item::Claim(c) => serde_json::to_value(c),
        Item::Outcome(o) => serde_json::to_value(o),
    };
    value.ok()
}

/// Properties of [`PageHeader`].
#[derive(Properties, PartialEq)]
pub struct PageHeaderProps {
    /// What the loaded page says about its article.
    pub page: Rc<PageInfo>,
}

/// A loaded web page's headline, with its byline, date and site under it.
#[component]
fn PageHeader(props: &PageHeaderProps) -> Html {
    let p = &props.page;
    let by = (!p.byline.is_empty()).then(|| format!("By {}", p.byline));
    let date = p.day().map(str::to_owned).or_else(|| (!p.date.is_empty()).then(|| p.date.clone()));
    let parts: Vec<String> =
        [by, date, (!p.site.is_empty()).then(|| p.site.clone())].into_iter().flatten().collect();
    html! {
        <header class="ae-page" data-testid="page-meta" aria-label="Loaded page">
            if !p.title.is_empty() {
                <h2 class="ae-page-title" data-testid="page-title">{p.title.clone()}</h2>
            }
            if !parts.is_empty() {
                <p class="ae-muted ae-page-byline" data-testid="page-byline">{parts.join(" · ")}</p>
            }
        </header>
    }
}

/// Properties of [`RestoreOffer`].
#[derive(Properties, PartialEq)]
pub struct RestoreOfferProps {
    /// The last article of any tab.
    pub last: Rc<storage::Last>,
    /// Where it is kept.
    pub storage_key: AttrValue,
    /// The offer, to withdraw once taken or dismissed.
    pub offer: UseStateHandle<Option<Rc<storage::Last>>>,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// A new tab's offer of the last article: labelled with its first line, size and age, and
/// loaded only on request.
#[component]
fn RestoreOffer(props: &RestoreOfferProps) -> Html {
    let saved = &props.last.saved;
    let title = saved.page.as_ref().map(|p| p.title.clone()).filter(|t| !t.is_empty());
    let title = title.unwrap_or_else(|| text::headline(&saved.text, 80));
    let age = text::ago(js_sys::Date::now() - props.last.at);
    let on_restore = {
        let (d, offer, saved) = (props.dispatch.clone(), props.offer.clone(), saved.clone());
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::Restore(saved.clone()));
            offer.set(None);
        })
    };
    let on_dismiss = {
        let offer = props.offer.clone();
        Callback::from(move |_: MouseEvent| offer.set(None))
    };
    html! {
        <section class="ae-offer" data-testid="restore-offer" aria-label="Last article">
            <p>
                <strong>{"This tab starts empty."}</strong>
                {format!(" The last article you worked on in this browser (another tab, or an earlier visit) was “{title}” ({}, {age}).", text::human_bytes(saved.text.len()))}
            </p>
            <div class="ae-toolbar">
                <button type="button" class="ae-button" onclick={on_restore} data-testid="restore-last">{"Restore last article"}</button>
                <button type="button" class="ae-button ae-quiet" onclick={on_dismiss} data-testid="dismiss-last">{"Dismiss"}</button>
            </div>
        </section>
    }
}

/// What the page shows before there is any text: what will appear, and how to start.
#[component]
fn EmptyState() -> Html {
    html! {
        <section class="ae-empty" data-testid="empty-state" aria-label="What you will see">
            <h2>{"Paste an article to explore it"}</h2>
            <p>{"Paste or type a news article above, drop a .txt, .md or .html file onto the box, or try the sample. You will see:"}</p>
            <ul class="ae-empty-list">
                <li><span class="ae-dot dot-party" aria-hidden="true"></span>
                    <strong>{"Parties"}</strong>{" — countries, organisations, people with their roles, and groups, with every alias merged (the capital counts as the country)."}</li>
                <li><span class="ae-dot dot-claim" aria-hidden="true"></span>
                    <strong>{"Claims"}</strong>{" — who said, accused, warned, urged or denied what, about whom: quotations and reported speech."}</li>
                <li><span class="ae-dot dot-outcome" aria-hidden="true"></span>
                    <strong>{"Outcomes"}</strong>{" — what was agreed, what failed, and what is still pending."}</li>
            </ul>
            <p class="ae-muted">{"Every card links back to the sentence it came from. Export the results as JSON, CSV or a Markdown brief."}</p>
        </section>
    }
}
