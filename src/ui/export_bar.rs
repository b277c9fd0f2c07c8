//! The export tools: which cards (all or shown), JSON, CSV, the brief, a share link and
//! Print. What each writes is plain logic in [`super::exports`] and [`super::share`].

use super::corrections::{self, Change, Correction};
use super::exports::{self, Scope};
use super::filter::{Filters, Index};
use super::share::{self, Link};
use super::state::{PageInfo, Saved};
use super::{dom, text};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`ExportBar`].
#[derive(Properties)]
pub struct ExportBarProps {
    /// The (corrected) extraction, indexed.
    pub index: Rc<Index>,
    /// The active filters.
    pub filters: Filters,
    /// The article.
    pub text: Rc<str>,
    /// A loaded page's headline and date.
    pub page: Option<Rc<PageInfo>>,
    /// What the corrections changed.
    pub changes: Rc<Vec<Change>>,
    /// The corrections, for a share link.
    pub corrections: Rc<Vec<Correction>>,
}

impl PartialEq for ExportBarProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.index, &other.index)
            && self.filters == other.filters
            && Rc::ptr_eq(&self.text, &other.text)
            && self.page == other.page
            && Rc::ptr_eq(&self.changes, &other.changes)
            && Rc::ptr_eq(&self.corrections, &other.corrections)
    }
}

/// Today as `2026-12-01`, for export names.
fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.get(..10).unwrap_or("").to_owned()
}

/// This page's address without its fragment.
fn here() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// Export buttons, the scope menu, the share link and Print.
#[component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let scope = use_state(Scope::default);
    let copied = use_state(|| false);
    let shared = use_state(|| None::<Link>);
    // The cards in scope, made on a click only: for 2 MB of news under a filter they are a copy
    // of some 20,000 claims and outcomes, which took every filter change over 200 ms (issue 14).
    let scoped = {
        let (index, filters, scope) = (props.index.clone(), props.filters.clone(), *scope);
        move || exports::scoped(&index, &filters, scope)
    };
    let stem: Rc<str> = Rc::from(exports::file_stem(props.page.as_deref(), &props.text, &today()));
    let changes = props.changes.clone();
    let on_json = {
        let (scoped, stem, changes) = (scoped.clone(), stem.clone(), changes.clone());
        Callback::from(move |_: MouseEvent| {
            let json = corrections::to_json(&scoped(), &changes) + "\n";
            dom::download(&format!("{stem}.json"), "application/json", &json);
        })
    };
    let on_json_again = on_json.clone();
    let on_csv = {
        let (scoped, stem, changes, text) =
            (scoped.clone(), stem.clone(), changes.clone(), props.text.clone());
        Callback::from(move |_: MouseEvent| {
            dom::download(&format!("{stem}.csv"), "text/csv", &exports::csv(&scoped(), &text, &changes));
        })
    };
    let brief = {
        let title = match props.page.as_ref().filter(|p| !p.title.is_empty()) {
            Some(p) => format!("Brief: {}", p.title),
            None => crate::export::brief_title(&props.text),
        };
        let changes = changes.clone();
        move || exports::brief(&scoped(), &title, &changes)
    };
    let on_md = {
        let (brief, stem) = (brief.clone(), stem.clone());
        Callback::from(move |_: MouseEvent| {
            dom::download(&format!("{stem}-brief.md"), "text/markdown", &brief());
        })
    };
    let on_copy = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| copied.set(dom::copy(&brief())))
    };
    let on_share = {
        let shared = shared.clone();
        let saved =
            (props.text.clone(), props.filters.clone(), props.page.clone(), props.corrections.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, filters, page, corrections) = saved.clone();
            let saved = Saved {
                text: text.to_string(),
                filters,
                page: page.as_deref().cloned(),
                corrections: (*corrections).clone(),
                parts: None,
            };
            let link = share::fragment(&saved);
            if let Link::Fragment(fragment) = &link {
                dom::copy(&format!("{}#{fragment}", here()));
            }
            shared.set(Some(link));
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let on_scope = {
        let scope = scope.clone();
        Callback::from(move |e: Event| {
            let value = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()).map(|s| s.value());
            scope.set(if value.as_deref() == Some("all") { Scope::All } else { Scope::Shown });
        })
    };
    let shown = props.index.visible_count(&props.filters);
    html! {
        <div class="ae-exports-wrap">
            <div class="ae-exports" role="group" aria-label="Export">
                <label class="ae-sr" for="ae-scope">{"Cards to export"}</label>
                <select id="ae-scope" class="ae-select ae-small-select" onchange={on_scope} data-testid="export-scope">
                    <option value="shown" selected={*scope == Scope::Shown}>{format!("Shown cards ({shown})")}</option>
                    <option value="all" selected={*scope == Scope::All}>{"All cards"}</option>
                </select>
                <button type="button" class="ae-button ae-small" onclick={on_json} data-testid="export-json">{"JSON"}</button>
                <button type="button" class="ae-button ae-small" onclick={on_csv} data-testid="export-csv">{"CSV"}</button>
                <button type="button" class="ae-button ae-small" onclick={on_md} data-testid="export-md">{"Brief"}</button>
                <button type="button" class="ae-button ae-small" onclick={on_copy} data-testid="copy-brief">
                    {if *copied { "Copied ✓" } else { "Copy brief" }}
                </button>
                <button type="button" class="ae-button ae-small" onclick={on_share} data-testid="share">{"Share link"}</button>
                <button type="button" class="ae-button ae-small" onclick={on_print} data-testid="print">{"Print"}</button>
            </div>
            {share_panel(&shared, on_json_again)}
        </div>
    }
}

/// The outcome of "Share link": the link, or why there is none and what to do instead.
fn share_panel(shared: &UseStateHandle<Option<Link>>, on_json: Callback<MouseEvent>) -> Html {
    let close = {
        let shared = shared.clone();
        Callback::from(move |_: MouseEvent| shared.set(None))
    };
    match (**shared).clone() {
        None => html! {},
        Some(Link::Fragment(fragment)) => html! {
            <div class="ae-share" data-testid="share-panel" role="status">
                <label class="ae-edit-label" for="ae-share-url">{"Link (copied)"}</label>
                <input id="ae-share-url" class="ae-input-box" readonly=true value={format!("{}#{fragment}", here())}
                    data-testid="share-url" onfocus={Callback::from(|e: FocusEvent| {
                        if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { input.select(); }
                    })} />
                <p class="ae-muted">{"The article, its filters and corrections travel inside the link, after the #: browsers never send that part to a server."}</p>
                <button type="button" class="ae-link" onclick={close}>{"Close"}</button>
            </div>
        },
        Some(Link::TooLarge { compressed }) => html! {
            <div class="ae-share" data-testid="share-panel" role="alert">
                <p data-testid="share-too-large">{format!(
                    "This article is too long for a link: {} compressed, and a link holds up to {}. Pass it on as a file instead.",
                    text::human_bytes(compressed), text::human_bytes(share::LIMIT)
                )}</p>
                <button type="button" class="ae-button ae-small" onclick={on_json} data-testid="share-export">{"Download the JSON export"}</button>
                <button type="button" class="ae-link" onclick={close}>{"Close"}</button>
            </div>
        },
    }
}
