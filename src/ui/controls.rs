//! The filter panel: card types, party chips, outcome status, direct or reported, search and
//! sort. Each control shows its count; each active facet has a one-click clear.

use super::cards::CardType;
use super::corrections::Correction;
use super::filter::{Facet, Filters, Index, Sort, Speech};
use super::state::Action;
use crate::extract::{PartyKind, Status};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// How many party chips show before "All parties".
const CHIPS: usize = 10;

/// Properties of [`Controls`].
#[derive(Properties)]
pub struct ControlsProps {
    /// The extraction, indexed for filtering.
    pub index: Rc<Index>,
    /// The active filters.
    pub filters: Filters,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

impl PartialEq for ControlsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.index, &other.index) && self.filters == other.filters
    }
}

fn clear_button(f: &Filters, facet: Facet, dispatch: &Callback<Action>, what: &str) -> Html {
    if !f.active(facet) {
        return html! {};
    }
    let dispatch = dispatch.clone();
    html! {
        <button type="button" class="ae-clear" aria-label={format!("Clear {what} filter")}
            data-testid={format!("clear-{what}")} onclick={Callback::from(move |_| dispatch.emit(Action::Clear(facet)))}>
            {"×"}
        </button>
    }
}

/// One filter button: pressed or not, its label and count, and the action it sends.
/// A party chip also carries the party's name (`data-party`), for the page to find it by.
fn toggle(
    class: Classes,
    on: bool,
    testid: String,
    label: &str,
    count: usize,
    dispatch: &Callback<Action>,
    action: Action,
) -> Html {
    let party = match &action {
        Action::ToggleParty(name) => Some(name.clone()),
        _ => None,
    };
    let dispatch = dispatch.clone();
    html! {
        <button type="button" class={classes!(class, on.then_some("is-on"))} aria-pressed={on.to_string()}
            data-testid={testid} data-party={party} onclick={Callback::from(move |_| dispatch.emit(action.clone()))}>
            {label.to_owned()}<span class="ae-badge">{count}</span>
        </button>
    }
}

/// The drag data type of a party chip: its party's id.
const DRAG_TYPE: &str = "application/x-article-explorer-party";

/// A party chip that can be dragged onto another: dropping one on another merges the dragged
/// party into the one it lands on (the menu under a party card does the same).
fn draggable_chip(id: &str, chip: Html, d: &Callback<Action>) -> Html {
    let ondragstart = {
        let id = id.to_owned();
        Callback::from(move |e: DragEvent| {
            if let Some(data) = e.data_transfer() {
                let _ = data.set_data(DRAG_TYPE, &id);
                data.set_effect_allowed("move");
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| {
        if e.data_transfer().is_some_and(|d| d.types().includes(&DRAG_TYPE.into(), 0)) {
            e.prevent_default();
        }
    });
    let ondrop = {
        let (id, d) = (id.to_owned(), d.clone());
        Callback::from(move |e: DragEvent| {
            let from = e.data_transfer().and_then(|data| data.get_data(DRAG_TYPE).ok()).unwrap_or_default();
            if !from.is_empty() && from != id {
                e.prevent_default();
                d.emit(Action::Correct(Correction::Merge { party: from, into: id.clone() }));
            }
        })
    };
    html! {
        <span class="ae-drag" draggable="true" title="Drag onto another party to merge them" {ondragstart} {ondragover} {ondrop}>
            {chip}
        </span>
    }
}

/// The filter panel.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let all_parties = use_state(|| false);
    let index = &props.index;
    let ex = index.extraction();
    let f = &props.filters;
    let counts = index.counts(f);
    let d = &props.dispatch;

    let types = CardType::ALL.iter().map(|&t| {
        let class = classes!("ae-toggle", format!("toggle-{}", t.label()));
        toggle(
            class,
            f.types.contains(&t),
            format!("type-{}", t.label()),
            t.plural(),
            counts.of_type(t),
            d,
            Action::ToggleType(t),
        )
    });

    let mut parties: Vec<_> =
        ex.parties.iter().filter(|p| p.kind != PartyKind::Place || f.parties.contains(&p.name)).collect();
    parties.sort_by(|a, b| b.salience.total_cmp(&a.salience).then_with(|| a.name.cmp(&b.name)));
    let hidden = parties.len().saturating_sub(CHIPS);
    if !*all_parties {
        // Keep picked chips visible even when they fall outside the top ones.
        let mut shown: Vec<_> = parties.iter().take(CHIPS).copied().collect();
        shown.extend(parties.iter().skip(CHIPS).filter(|p| f.parties.contains(&p.name)).copied());
        parties = shown;
    }
    let chips = parties.into_iter().map(|p| {
        let class = classes!("ae-chip", format!("kind-{}", p.kind.label()));
        let on = f.parties.contains(&p.name);
        let chip = toggle(
            class,
            on,
            "party-chip".into(),
            &p.name,
            counts.of_party(&p.name),
            d,
            Action::ToggleParty(p.name.clone()),
        );
        draggable_chip(&p.id, chip, d)
    });
    let more = (hidden > 0).then(|| {
        let all = all_parties.clone();
        let label = if *all_parties { "Fewer parties".to_owned() } else { format!("All parties (+{hidden})") };
        html! { <button type="button" class="ae-link" onclick={Callback::from(move |_| all.set(!*all))}>{label}</button> }
    });

    let statuses = Status::ALL.iter().map(|&s| {
        let class = classes!("ae-toggle", format!("status-{}", s.label()));
        toggle(
            class,
            f.statuses.contains(&s),
            format!("status-{}", s.label()),
            s.label(),
            counts.of_status(s),
            d,
            Action::ToggleStatus(s),
        )
    });
    let speech = [(Speech::All, "All"), (Speech::Direct, "Quotes"), (Speech::Reported, "Reported")].map(
        |(s, label)| {
            let testid = format!("speech-{}", label.to_lowercase());
            toggle(
                classes!("ae-segment"),
                f.speech == s,
                testid,
                label,
                counts.of_speech(s),
                d,
                Action::SetSpeech(s),
            )
        },
    );
    let on_query = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                d.emit(Action::SetQuery(input.value()));
            }
        })
    };
    let on_sort = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) {
                d.emit(Action::SetSort(Sort::from_key(&select.value())));
            }
        })
    };
    let clear_all = {
        let d = d.clone();
        Callback::from(move |_| d.emit(Action::ClearFilters))
    };
    let on_hide_low = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                d.emit(Action::SetHideLow(input.checked()));
            }
        })
    };
    let relation = f.relation.as_ref().map(|r| {
        let d = d.clone();
        html! {
            <span class="ae-chip is-on ae-relation-chip" data-testid="relation-filter">
                {format!("{} → {}", r.from, r.to)}
                <button type="button" class="ae-clear" aria-label="Clear relation filter" data-testid="clear-relation"
                    onclick={Callback::from(move |_| d.emit(Action::Clear(Facet::Relation)))}>{"×"}</button>
            </span>
        }
    });

    html! {
        <section class="ae-controls" aria-label="Filters" data-testid="filters">
            <div class="ae-row">
                <div class="ae-group" role="group" aria-label="Card types">
                    {for types}{clear_button(f, Facet::Types, d, "types")}
                </div>
                <div class="ae-group ae-search">
                    <label class="ae-sr" for="ae-query">{"Search the cards"}</label>
                    <input id="ae-query" type="search" class="ae-input-box" placeholder="Search cards…" data-testid="search"
                        value={f.query.clone()} oninput={on_query} />
                    {clear_button(f, Facet::Query, d, "search")}
                </div>
                <div class="ae-group">
                    <label class="ae-sr" for="ae-sort">{"Sort cards"}</label>
                    <select id="ae-sort" class="ae-select" onchange={on_sort} data-testid="sort">
                        {for Sort::ALL.iter().map(|s| html! {
                            <option value={s.key()} selected={*s == f.sort}>{s.label()}</option>
                        })}
                    </select>
                </div>
            </div>
            <div class="ae-row">
                <div class="ae-group ae-chips" role="group" aria-label="Parties">
                    <span class="ae-group-label">{"Parties"}</span>
                    {for chips}{for more}{clear_button(f, Facet::Parties, d, "parties")}
                </div>
            </div>
            <div class="ae-row">
                <div class="ae-group" role="group" aria-label="Outcome status">
                    <span class="ae-group-label">{"Outcomes"}</span>
                    {for statuses}{clear_button(f, Facet::Status, d, "status")}
                </div>
                <div class="ae-group" role="group" aria-label="Claims">
                    <span class="ae-group-label">{"Claims"}</span>
                    {for speech}{clear_button(f, Facet::Speech, d, "speech")}
                </div>
                <label class="ae-group ae-check">
                    <input type="checkbox" checked={f.hide_low} onchange={on_hide_low} data-testid="hide-low" />
                    {"Hide low confidence"}
                </label>
                {for relation}
                if f.is_active() {
                    <button type="button" class="ae-button ae-small ae-quiet" onclick={clear_all} data-testid="clear-filters">
                        {"Clear all filters"}
                    </button>
                }
                <span class="ae-muted ae-visible" aria-live="polite" data-testid="visible-count">
                    {format!("{} card{} shown", counts.visible, if counts.visible == 1 { "" } else { "s" })}
                </span>
            </div>
        </section>
    }
}
