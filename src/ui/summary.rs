//! The summary bar: counts per card type, extraction time, and the exports
//! ([`super::export_bar`]).

use super::corrections::{Change, Correction};
use super::export_bar::ExportBar;
use super::filter::{Filters, Index};
use super::state::PageInfo;
use crate::extract::{CueClass, Extraction, PartyKind, Status};
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

/// The story in one paragraph: the main parties, the main outcome of each status and the
/// most frequent accusation. Plain text, empty when nothing was found.
pub fn story(ex: &Extraction) -> String {
    let mut parts = Vec::new();
    let mut main: Vec<_> = ex.parties.iter().filter(|p| p.kind != PartyKind::Place).collect();
    main.sort_by(|a, b| b.salience.total_cmp(&a.salience).then_with(|| a.name.cmp(&b.name)));
    let names: Vec<&str> = main.iter().take(3).map(|p| p.name.as_str()).collect();
    if !names.is_empty() {
        parts.push(format!("Main parties: {}.", and_list(&names)));
    }
    for status in Status::ALL {
        // The surest outcome of the status, then the one involving most parties, then the first.
        let best = ex
            .outcomes
            .iter()
            .enumerate()
            .filter(|(_, o)| o.status == status)
            .max_by_key(|(i, o)| (o.confidence, o.parties.len(), std::cmp::Reverse(*i)));
        if let Some((_, o)) = best {
            let label = status.label();
            let mut first = label.chars();
            let head: String =
                first.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(first).collect();
            parts.push(format!("{head}: {}.", o.summary.trim_end_matches(['.', ' '])));
        }
    }
    if let Some(line) = top_accusation(ex) {
        parts.push(line);
    }
    parts.join(" ")
}

/// "Most frequent accusation: Ghana accuses Togo (2 claims)." — the speaker and target
/// pair with the most accusing claims (criticism when there is no accusation), ties by first
/// occurrence.
fn top_accusation(ex: &Extraction) -> Option<String> {
    let name = |id: &str| ex.party(id).map_or("someone", |p| p.name.as_str());
    for (class, what, verb) in
        [(CueClass::Accuse, "accusation", "accuses"), (CueClass::Criticise, "criticism", "criticises")]
    {
        let mut pairs: Vec<((String, String), usize)> = Vec::new();
        for c in ex.claims.iter().filter(|c| c.cue_class == class) {
            let speaker = c.speaker.as_deref().map_or("Someone", name).to_owned();
            let target = c.targets.first().map_or(String::new(), |t| name(t).to_owned());
            match pairs.iter_mut().find(|(k, _)| k.0 == speaker && k.1 == target) {
                Some((_, n)) => *n += 1,
                None => pairs.push(((speaker, target), 1)),
            }
        }
        // The first of the most frequent: max_by_key keeps the last maximum, so go backwards.
        if let Some(((speaker, target), n)) = pairs.iter().rev().max_by_key(|(_, n)| *n) {
            let claims = if *n == 1 { "1 claim".to_owned() } else { format!("{n} claims") };
            let whom = if target.is_empty() { String::new() } else { format!(" {target}") };
            return Some(format!("Most frequent {what}: {speaker} {verb}{whom} ({claims})."));
        }
    }
    None
}

/// "A", "A and B", "A, B and C".
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Properties of [`Story`].
#[derive(Properties)]
pub struct StoryProps {
    /// The extraction shown.
    pub extraction: Rc<Extraction>,
}

impl PartialEq for StoryProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.extraction, &other.extraction)
    }
}

/// The one-paragraph summary above the cards.
#[component]
pub fn Story(props: &StoryProps) -> Html {
    let text = story(&props.extraction);
    if text.is_empty() {
        return html! {};
    }
    html! { <p class="ae-story" data-testid="story">{text}</p> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_names_parties_outcomes_and_the_top_accusation() {
        let text = "Ghana accused Togo of blocking the river talks. \
                    Ghana also accused Togo of hoarding water. \
                    Ghana and Togo signed a water accord on Friday. \
                    Talks on tolls collapsed on Saturday.";
        let s = story(&crate::extract::analyze(text));
        assert!(s.starts_with("Main parties: "), "{s}");
        assert!(s.contains("Ghana") && s.contains("Togo"), "{s}");
        assert!(s.contains("Agreed: "), "{s}");
        assert!(s.contains("Most frequent accusation: Ghana accuses Togo (2 claims)."), "{s}");
        assert_eq!(story(&Extraction::default()), "");
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(and_list(&["A"]), "A");
        assert_eq!(and_list(&["A", "B"]), "A and B");
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
    }
}
