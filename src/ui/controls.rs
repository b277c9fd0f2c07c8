//! The filter panel: card types, party chips, outcome status, direct or reported, search and
//! sort. Each control shows its count; each active facet has a one-click clear.

use super::cards::CardType;
use super::filter::{Facet, Filters, Index, Sort, Speech};
use super::state::Action;
use crate::extract::{Extraction, PartyKind, Status};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// How many party chips show before "All parties".
const CHIPS: usize = 10;

/// Properties of [`Controls`].
#[derive(Properties)]
pub struct ControlsProps {
    /// The extraction filtered.
    pub extraction: Rc<Extraction>,
    /// The active filters.
    pub filters: Filters,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

impl PartialEq for ControlsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.extraction, &other.extraction) && self.filters == other.filters
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

/// The filter panel.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let all_parties = use_state(|| false);
    let ex = &props.extraction;
    let f = &props.filters;
    let index = Index::new(ex);
    let counts = index.counts(f);
    let d = &props.dispatch;

    let types = CardType::ALL.iter().map(|&t| {
        let on = f.types.contains(&t);
        let d = d.clone();
        html! {
            <button type="button" class={classes!("ae-toggle", format!("toggle-{}", t.label()), on.then_some("is-on"))}
                aria-pressed={on.to_string()} data-testid={format!("type-{}", t.label())}
                onclick={Callback::from(move |_| d.emit(Action::ToggleType(t)))}>
                {t.plural()}<span class="ae-badge">{counts.of_type(t)}</span>
            </button>
        }
    });

    let mut parties: Vec<_> = ex.parties.iter().filter(|p| p.kind != PartyKind::Place || f.parties.contains(&p.name)).collect();
    parties.sort_by(|a, b| b.salience.total_cmp(&a.salience).then_with(|| a.name.cmp(&b.name)));
    let hidden = parties.len().saturating_sub(CHIPS);
    if !*all_parties {
        // Keep picked chips visible even when they fall outside the top ones.
        let mut shown: Vec<_> = parties.iter().take(CHIPS).copied().collect();
        shown.extend(parties.iter().skip(CHIPS).filter(|p| f.parties.contains(&p.name)).copied());
        parties = shown;
    }
    let chips = parties.into_iter().map(|p| {
        let on = f.parties.contains(&p.name);
        let name = p.name.clone();
        let d = d.clone();
        html! {
            <button type="button" class={classes!("ae-chip", format!("kind-{}", p.kind.label()), on.then_some("is-on"))}
                aria-pressed={on.to_string()} data-testid="party-chip" data-party={p.name.clone()}
                onclick={Callback::from(move |_| d.emit(Action::ToggleParty(name.clone())))}>
                {p.name.clone()}<span class="ae-badge">{counts.of_party(&p.name)}</span>
            </button>
        }
    });
    let more = (hidden > 0).then(|| {
        let all = all_parties.clone();
        let label = if *all_parties { "Fewer parties".to_owned() } else { format!("All parties (+{hidden})") };
        html! { <button type="button" class="ae-link" onclick={Callback::from(move |_| all.set(!*all))}>{label}</button> }
    });

    let statuses = Status::ALL.iter().map(|&s| {
        let on = f.statuses.contains(&s);
        let d = d.clone();
        html! {
            <button type="button" class={classes!("ae-toggle", format!("status-{}", s.label()), on.then_some("is-on"))}
                aria-pressed={on.to_string()} data-testid={format!("status-{}", s.label())}
                onclick={Callback::from(move |_| d.emit(Action::ToggleStatus(s)))}>
                {s.label()}<span class="ae-badge">{counts.of_status(s)}</span>
            </button>
        }
    });
    let speech = [(Speech::All, "All"), (Speech::Direct, "Quotes"), (Speech::Reported, "Reported")].map(|(s, label)| {
        let on = f.speech == s;
        let d = d.clone();
        html! {
            <button type="button" class={classes!("ae-segment", on.then_some("is-on"))} aria-pressed={on.to_string()}
                data-testid={format!("speech-{}", label.to_lowercase())}
                onclick={Callback::from(move |_| d.emit(Action::SetSpeech(s)))}>
                {label}<span class="ae-badge">{counts.of_speech(s)}</span>
            </button>
        }
    });
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
