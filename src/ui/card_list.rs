//! The cards: one component renders any card; the list pages them.

use super::cards::{Card, CardType, Item};
use super::filter::{Filters, Index};
use super::state::Action;
use crate::extract::{Claim, Extraction, Outcome, Party, PartyKind};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`CardList`].
#[derive(Properties)]
pub struct CardListProps {
    /// The extraction, indexed for filtering.
    pub index: Rc<Index>,
    /// The active filters.
    pub filters: Filters,
    /// The selected card.
    pub selected: Option<Card>,
    /// How many cards to render.
    pub shown: usize,
    /// Whether the text is being analysed (the list then says so rather than "Nothing found").
    #[prop_or_default]
    pub pending: bool,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

impl PartialEq for CardListProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.index, &other.index)
            && self.filters == other.filters
            && self.selected == other.selected
            && self.shown == other.shown
            && self.pending == other.pending
    }
}

/// Icon letter and label of a party kind.
pub fn kind_badge(kind: PartyKind) -> Html {
    let letter = match kind {
        PartyKind::Person => "P",
        PartyKind::Country => "C",
        PartyKind::Organization => "O",
        PartyKind::Group => "G",
        PartyKind::Place => "L",
    };
    html! {
        <span class={classes!("ae-kind", format!("kind-{}", kind.label()))}>
            <span class="ae-kind-icon" aria-hidden="true">{letter}</span>{kind.label()}
        </span>
    }
}

/// A long list's first render shows this many cards of a new extraction or a new filter, the
/// rest of its page following [`STEP`] cards a task: 120 cards at once took the page's thread
/// over 200 ms on a busy machine (issue 14), and a filter change may replace every card shown.
/// A list of up to [`STAGED_FROM`] cards (any news article's) renders at once.
const FIRST_CARDS: usize = 10;
/// See [`FIRST_CARDS`].
const STEP: usize = 20;
/// See [`FIRST_CARDS`].
const STAGED_FROM: usize = 100;

/// The visible cards, in order, a page at a time.
#[component]
pub fn CardList(props: &CardListProps) -> Html {
    let ex = props.index.extraction();
    let cards = props.index.visible(&props.filters);
    // A long list of a new extraction or filters renders FIRST_CARDS, then STEP more a task.
    let stage = (Rc::as_ptr(&props.index) as usize, props.filters.clone());
    let grown = use_state(|| None::<((usize, Filters), usize)>);
    let cap = match &*grown {
        _ if cards.len() <= STAGED_FROM => usize::MAX,
        Some((s, n)) if *s == stage => *n,
        _ => FIRST_CARDS,
    };
    {
        let grown = grown.clone();
        let target = props.shown.min(cards.len());
        use_effect_with((stage, cap, target), move |(stage, cap, target)| {
            let (stage, cap) = (stage.clone(), *cap);
            let timer = (cap < *target)
                .then(|| super::dom::later(Box::new(move || grown.set(Some((stage, cap + STEP))))));
            move || drop(timer)
        });
    }
    let total = cards.len();
    let rest = total.saturating_sub(props.shown);
    let more = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::ShowMore))
    };
    html! {
        <section class="ae-cards" aria-label="Cards" data-testid="cards">
            if total == 0 && props.pending {
                <p class="ae-none ae-progress" role="status" data-testid="cards-progress">
                    <span class="ae-spinner" aria-hidden="true"></span>{"Analysing the text…"}
                </p>
            } else if total == 0 {
                <p class="ae-none" data-testid="no-cards">
                    {if ex.parties.is_empty() && ex.claims.is_empty() && ex.outcomes.is_empty() {
                        "Nothing found yet: no parties, claims or outcomes in this text."
                    } else {
                        "No card matches these filters."
                    }}
                </p>
            }
            <ol class="ae-card-list">
                {for cards.iter().take(props.shown.min(cap)).map(|&card| html! {
                    <li key={card.id(ex)}>
                        <CardView extraction={ex.clone()} {card} selected={props.selected == Some(card)}
                            claims={if card.kind == CardType::Party { props.index.party_claims(card.index) } else { (0, 0) }}
                            dispatch={props.dispatch.clone()} />
                    </li>
                })}
            </ol>
            if rest > 0 {
                <button type="button" class="ae-button ae-more" onclick={more} data-testid="show-more">
                    {format!("Show more ({rest} more)")}
                </button>
            }
        </section>
    }
}

/// Properties of [`CardView`].
#[derive(Properties)]
pub struct CardViewProps {
    /// The extraction.
    pub extraction: Rc<Extraction>,
    /// Which card.
    pub card: Card,
    /// Whether it is selected.
    pub selected: bool,
    /// A party card's claims made and claims about it ([`Index::party_claims`]: counted once
    /// per extraction, not per card over every claim).
    #[prop_or_default]
    pub claims: (usize, usize),
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

impl PartialEq for CardViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.extraction, &other.extraction)
            && self.card == other.card
            && self.selected == other.selected
            && self.claims == other.claims
    }
}

/// One card of any type.
#[component]
pub fn CardView(props: &CardViewProps) -> Html {
    let ex = &props.extraction;
    let Some(item) = props.card.item(ex) else { return html! {} };
    let card = props.card;
    let selected = props.selected;
    let editing = use_state(|| false);
    let on_edit = {
        let editing = editing.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            editing.set(!*editing);
        })
    };
    let on_select = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Select(if selected { None } else { Some(card) })))
    };
    let chip = |id: &str| -> Html {
        let Some(p) = ex.party(id) else { return html! {} };
        let d = props.dispatch.clone();
        let name = p.name.clone();
        html! {
            <button type="button" class={classes!("ae-chip", "ae-small-chip", format!("kind-{}", p.kind.label()))}
                title={format!("Show only cards involving {}", p.name)}
                onclick={Callback::from(move |e: MouseEvent| { e.stop_propagation(); d.emit(Action::OnlyParty(name.clone())) })}>
                {p.name.clone()}
            </button>
        }
    };
    let (title, body) = match item {
        Item::Party(p) => party_body(p, ex, props.claims),
        Item::Claim(c) => claim_body(c, ex, &chip),
        Item::Outcome(o) => outcome_body(o, &chip),
    };
    let type_label = card.kind.label();
    let id = card.id(ex);
    let level = item.confidence().label();
    html! {
        <article class={classes!("ae-card", format!("card-{type_label}"), selected.then_some("is-selected"))}
            data-testid={format!("card-{type_label}")} data-id={id} data-confidence={level} onclick={on_select.clone()}>
            <header class="ae-card-head">
                <span class={classes!("ae-type", format!("type-{type_label}"))}>{type_label}</span>
                <button type="button" class="ae-card-title" aria-pressed={selected.to_string()}
                    aria-label={format!("{type_label}: {title}. Show in the article")}
                    onclick={Callback::from(move |e: MouseEvent| { e.stop_propagation(); on_select.emit(e) })}>
                    {title.clone()}
                </button>
                <span class={classes!("ae-confidence", format!("conf-{level}"))} data-testid="confidence"
                    title={format!("Confidence: {level}")}>{level}</span>
                <button type="button" class="ae-link ae-edit-toggle" aria-expanded={editing.to_string()}
                    aria-label={if *editing { format!("Done correcting this {type_label}") } else { format!("Correct this {type_label}") }}
                    data-testid="edit-card" onclick={on_edit}>
                    {if *editing { "Done" } else { "Correct" }}
                </button>
            </header>
            {body}
            {super::why::why(item, ex)}
            if *editing {
                <super::edit::CardEditor extraction={ex.clone()} {card} dispatch={props.dispatch.clone()} />
            }
        </article>
    }
}

fn party_body(p: &Party, ex: &Extraction, (made, about): (usize, usize)) -> (String, Html) {
    let affiliation = p.affiliation.as_deref().and_then(|id| ex.party(id)).map(|q| q.name.clone());
    let body = html! {
        <div class="ae-card-body">
            <p class="ae-meta">
                {kind_badge(p.kind)}
                if let Some(role) = &p.role { <span class="ae-role">{role.clone()}</span> }
                if let Some(a) = affiliation { <span class="ae-affiliation">{a}</span> }
            </p>
            if !p.aliases.is_empty() {
                <p class="ae-aliases"><span class="ae-muted">{"Also: "}</span>{p.aliases.join(", ")}</p>
            }
            <p class="ae-stats">
                <span data-testid="mentions">{plural(p.mentions.len(), "mention")}</span>
                <span>{format!("{} made", plural(made, "claim"))}</span>
                <span>{format!("{about} about it")}</span>
            </p>
        </div>
    };
    (p.name.clone(), body)
}

fn claim_body(c: &Claim, ex: &Extraction, chip: &dyn Fn(&str) -> Html) -> (String, Html) {
    let speaker = super::export::speaker_label(c, ex).unwrap_or_else(|| "Unattributed".to_owned());
    let content = c.words();
    let body = html! {
        <div class="ae-card-body">
            <p class="ae-meta">
                <span class="ae-cue">{c.cue.text.clone()}</span>
                <span class={classes!("ae-class", format!("class-{}", c.cue_class.label()))}>{c.cue_class.label()}</span>
                <span class="ae-muted">{if c.direct { "quotation" } else { "reported" }}</span>
            </p>
            if c.direct {
                <blockquote class="ae-quote">{content}</blockquote>
            } else {
                <p class="ae-content">{content}</p>
            }
            if !c.targets.is_empty() {
                <p class="ae-targets"><span class="ae-muted">{"About: "}</span>{for c.targets.iter().map(|t| chip(t))}</p>
            }
        </div>
    };
    (speaker, body)
}

fn outcome_body(o: &Outcome, chip: &dyn Fn(&str) -> Html) -> (String, Html) {
    let body = html! {
        <div class="ae-card-body">
            <p class="ae-meta">
                <span class={classes!("ae-status", format!("status-{}", o.status.label()))} data-testid="status">{o.status.label()}</span>
                if !o.asserted { <span class="ae-muted">{"as claimed"}</span> }
            </p>
            if !o.parties.is_empty() {
                <p class="ae-targets">{for o.parties.iter().map(|t| chip(t))}</p>
            }
            if !o.figures.is_empty() {
                <ul class="ae-figures">
                    {for o.figures.iter().map(|f| html! {
                        <li><strong>{f.value.clone()}</strong>{" "}{f.counts.clone()}</li>
                    })}
                </ul>
            }
        </div>
    };
    (o.summary.clone(), body)
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
