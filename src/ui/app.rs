//! The app shell: owns the state, runs the side effects (debounced extraction, local storage,
//! host callbacks) and lays out the panels.

use super::article::ArticleView;
use super::card_list::CardList;
use super::cards::{Card, CardType};
use super::controls::Controls;
use super::filter::{Filters, Index};
use super::input::{InputPanel, Notice};
use super::state::{check_input, Action, InputCheck, PageInfo, Phase, State};
use super::summary::SummaryBar;
use super::{dom, storage, text, worker};
use crate::extract::{self, Extraction};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
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

/// Debounce before re-extracting: long enough not to run on every keystroke, short enough to
/// feel live.
const DEBOUNCE_MS: u32 = 250;

fn initial_state(props: &AppProps) -> State {
    let mut state = State::default();
    if let Some(saved) = props.storage_key.as_deref().and_then(storage::load) {
        state = state.apply(Action::Restore(saved));
    }
    if state.text.is_empty() {
        if let Some(text) = &props.text {
            state = state.apply(Action::Edit(Rc::from(text.as_str())));
        }
    }
    if let Some(types) = &props.types {
        state.filters.types = types.iter().copied().collect();
    }
    state
}

/// One explorer: input, summary, filters, cards and the article.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let props = props.clone();
        move || initial_state(&props)
    });
    let storage_note = use_state(|| None::<&'static str>);
    let dispatcher = state.dispatcher();
    let dispatch = Callback::from(move |a: Action| dispatcher.dispatch(a));

    // Scripts on an embedding page send actions through the bus.
    use_effect_with((props.bus.clone(), dispatch.clone()), |(bus, dispatch)| {
        if let Some(bus) = bus {
            *bus.0.borrow_mut() = Some(dispatch.clone());
        }
    });

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

    // Save the article and filters, debounced, when the page has a storage key.
    {
        let key = props.storage_key.clone();
        let saved = state.saved();
        let note = storage_note.clone();
        use_effect_with((state.version, state.filters.clone()), move |_| {
            let timer = key.map(|key| {
                Timeout::new(400, move || {
                    let result = if saved.text.is_empty() && saved.filters == Filters::default() {
                        storage::clear(&key);
                        Ok(())
                    } else {
                        storage::save(&key, &saved)
                    };
                    note.set(match result {
                        Ok(()) => None,
                        Err(storage::StorageError::Unavailable) => {
                            Some("This browser gives the page no local storage, so the article will not survive a reload.")
                        }
                        Err(storage::StorageError::Full) => {
                            Some("The article is too large to keep in local storage; it will not survive a reload.")
                        }
                    });
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
        _ => (*storage_note).map(|s| Notice::info(s.to_owned())),
    };

    // One filter index per extraction, shared by the filter panel and the card list.
    let index = use_memo(Same(state.extraction.clone()), |ex| Index::new(ex.0.clone()));
    let empty = state.text.trim().is_empty();
    html! {
        <div class={classes!("ae", props.theme.class())} data-testid="explorer">
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
            if empty {
                <EmptyState />
            } else {
                if let Some(page) = state.page.clone() {
                    <PageHeader {page} />
                }
                <SummaryBar extraction={state.extraction.clone()} text={state.analysed.clone()}
                    millis={state.millis} pending={state.phase == Phase::Pending} page={state.page.clone()} />
                <Controls index={index.clone()} filters={state.filters.clone()}
                    dispatch={dispatch.clone()} />
                <div class="ae-split">
                    <CardList index={index.clone()} filters={state.filters.clone()}
                        selected={state.selected} shown={state.shown} dispatch={dispatch.clone()} />
                    <ArticleView extraction={state.extraction.clone()} text={state.analysed.clone()}
                        selected={state.selected} dispatch={dispatch.clone()} />
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
