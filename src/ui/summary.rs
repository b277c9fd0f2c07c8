//! The summary bar: counts per card type, extraction time, and the exports
//! ([`super::export_bar`]).

use super::corrections::{Change, Correction};
use super::export_bar::ExportBar;
use super::filter::{Filters, Index};
use super::state::PageInfo;
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
    /// The corrections themselves, for a share link.
    pub corrections: Rc<Vec<Correction>>,
    /// The extraction, indexed: which cards the filters show.
    pub index: Rc<Index>,
    /// The active filters: exports follow them.
    pub filters: Filters,
}

impl PartialEq for SummaryBarProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.extraction, &other.extraction)
            && Rc::ptr_eq(&self.text, &other.text)
            && self.millis == other.millis
            && self.pending == other.pending
            && self.page == other.page
            && Rc::ptr_eq(&self.changes, &other.changes)
            && Rc::ptr_eq(&self.index, &other.index)
            && self.filters == other.filters
    }
}

/// Counts, timing and export buttons.
#[component]
pub fn SummaryBar(props: &SummaryBarProps) -> Html {
    let ex = props.extraction.clone();
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
            <ExportBar index={props.index.clone()} filters={props.filters.clone()} text={props.text.clone()}
                page={props.page.clone()} changes={props.changes.clone()} corrections={props.corrections.clone()} />
        </section>
    }
}
