//! The summary bar: counts per card type, extraction time, and the exports.

use super::corrections::{self, Change};
use super::state::PageInfo;
use super::{dom, export};
use crate::extract::Extraction;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`SummaryBar`].
#[derive(Properties)]
pub struct SummaryBarProps {
    /// The extraction shown.
    pub extraction: Rc<Extraction>,
    /// The text it was made from.
    pub text: Rc<str>,
    /// How long it took.
    pub millis: f64,
    /// Whether a newer text is waiting to be analysed.
    pub pending: bool,
    /// A loaded page's headline and date: the exports are named after them.
    pub page: Option<Rc<PageInfo>>,
    /// What the analyst's corrections changed: an edited export says so.
    pub changes: Rc<Vec<Change>>,
}

impl PartialEq for SummaryBarProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.extraction, &other.extraction)
            && Rc::ptr_eq(&self.text, &other.text)
            && self.millis == other.millis
            && self.pending == other.pending
            && self.page == other.page
            && Rc::ptr_eq(&self.changes, &other.changes)
    }
}

/// Counts, timing and export buttons.
#[component]
pub fn SummaryBar(props: &SummaryBarProps) -> Html {
    let ex = props.extraction.clone();
    let copied = use_state(|| false);
    let base: Rc<str> = props.page.as_ref().map_or(Rc::from("article-explorer"), |p| Rc::from(p.file_stem()));
    let on_json = {
        let ex = ex.clone();
        let base = base.clone();
        let changes = props.changes.clone();
        Callback::from(move |_: MouseEvent| {
            let json = corrections::to_json(&ex, &changes) + "\n";
            dom::download(&format!("{base}.json"), "application/json", &json);
        })
    };
    let on_csv = {
        let ex = ex.clone();
        let base = base.clone();
        Callback::from(move |_: MouseEvent| {
            dom::download(&format!("{base}.csv"), "text/csv", &export::to_csv(&ex));
        })
    };
    let brief = {
        let ex = ex.clone();
        let title = match props.page.as_ref().filter(|p| !p.title.is_empty()) {
            Some(p) => format!("Brief: {}", p.title),
            None => crate::export::brief_title(&props.text),
        };
        move || export::to_markdown(&ex, &title)
    };
    let on_md = {
        let brief = brief.clone();
        Callback::from(move |_: MouseEvent| {
            dom::download(&format!("{base}-brief.md"), "text/markdown", &brief());
        })
    };
    let on_copy = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| copied.set(dom::copy(&brief())))
    };
    let count = |n: usize, label: &str, class: &str, testid: &str| {
        html! {
            <span class={classes!("ae-count", class.to_owned())} data-testid={testid.to_owned()}>
                <strong>{n}</strong>{" "}{label}
            </span>
        }
    };
    html! {
        <section class="ae-summary" aria-label="Summary" data-testid="summary">
            <div class="ae-counts">
                {count(ex.parties.len(), if ex.parties.len() == 1 { "party" } else { "parties" }, "count-party", "count-parties")}
                {count(ex.claims.len(), if ex.claims.len() == 1 { "claim" } else { "claims" }, "count-claim", "count-claims")}
                {count(ex.outcomes.len(), if ex.outcomes.len() == 1 { "outcome" } else { "outcomes" }, "count-outcome", "count-outcomes")}
                if props.pending {
                    <span class="ae-progress" role="status" data-testid="progress"><span class="ae-spinner" aria-hidden="true"></span>{"Analysing…"}</span>
                } else {
                    <span class="ae-muted" data-testid="timing">{format!("in {:.0} ms", props.millis.max(0.0).ceil())}</span>
                }
            </div>
            <div class="ae-exports" role="group" aria-label="Export">
                <button type="button" class="ae-button ae-small" onclick={on_json} data-testid="export-json">{"JSON"}</button>
                <button type="button" class="ae-button ae-small" onclick={on_csv} data-testid="export-csv">{"CSV"}</button>
                <button type="button" class="ae-button ae-small" onclick={on_md} data-testid="export-md">{"Brief"}</button>
                <button type="button" class="ae-button ae-small" onclick={on_copy} data-testid="copy-brief">
                    {if *copied { "Copied ✓" } else { "Copy brief" }}
                </button>
            </div>
        </section>
    }
}
