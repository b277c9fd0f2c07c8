//! What the export buttons write: the cards in scope (all, or the ones the filters show),
//! marked when corrected, in files named after the headline and the date. Plain logic over
//! [`crate::export`] and [`super::corrections`], tested natively.

use super::cards::{CardType, Item};
use super::corrections::Change;
use super::filter::{Filters, Index};
use super::state::PageInfo;
use crate::extract::Extraction;
use std::collections::HashSet;
use std::rc::Rc;

/// Which cards an export holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// The cards the filters show (with the parties they name, so names resolve).
    #[default]
    Shown,
    /// Every card.
    All,
}

/// The extraction an export in `scope` holds. With no active filter, or for [`Scope::All`],
/// the very extraction shown (so an uncorrected JSON export stays the CLI's bytes); else only
/// the visible cards, in their own order, and the parties the visible claims and outcomes
/// name.
pub fn scoped(index: &Index, filters: &Filters, scope: Scope) -> Rc<Extraction> {
    let ex = index.extraction();
    if scope == Scope::All || !filters.is_active() {
        return ex.clone();
    }
    let mut keep: HashSet<(CardType, String)> = HashSet::new();
    for card in index.visible(filters) {
        let Some(item) = card.item(ex) else { continue };
        keep.insert((card.kind, card.id(ex)));
        if !matches!(item, Item::Party(_)) {
            keep.extend(item.involves().into_iter().map(|id| (CardType::Party, id.to_owned())));
        }
    }
    let has = |kind, id: &str| keep.contains(&(kind, id.to_owned()));
    Rc::new(Extraction {
        parties: ex.parties.iter().filter(|p| has(CardType::Party, &p.id)).cloned().collect(),
        claims: ex.claims.iter().filter(|c| has(CardType::Claim, &c.id)).cloned().collect(),
        outcomes: ex.outcomes.iter().filter(|o| has(CardType::Outcome, &o.id)).cloned().collect(),
        sentences: ex.sentences.clone(),
    })
}

/// The file name stem of every export: the date and the headline as lower-case words joined
/// by hyphens (`2026-03-02-port-deal-signed`). The headline is the page's, else the article's
/// first line; the date is the page's, else `today` (`2026-12-01`).
pub fn file_stem(page: Option<&PageInfo>, text: &str, today: &str) -> String {
    let title = page.map(|p| p.title.clone()).filter(|t| !t.trim().is_empty());
    let title = title.unwrap_or_else(|| crate::export::headline(text, 60));
    let date = page.and_then(|p| p.day()).unwrap_or(today).to_owned();
    PageInfo { title, date, ..PageInfo::default() }.file_stem()
}

/// The CSV download: [`crate::export::to_csv`] with each corrected row's `edited` cell saying
/// what changed.
pub fn csv(ex: &Extraction, text: &str, changes: &[Change]) -> String {
    let edited = |id: &str| {
        let notes: Vec<&str> =
            changes.iter().filter(|c| c.touched.iter().any(|t| t == id)).map(|c| c.note.as_str()).collect();
        notes.join("; ")
    };
    crate::export::to_csv_marked(ex, text, &edited)
}

/// The Markdown brief: [`crate::export::to_markdown`], and when corrected, a line under the
/// title saying so and a "Corrections" section listing what changed.
pub fn brief(ex: &Extraction, title: &str, changes: &[Change]) -> String {
    let md = crate::export::to_markdown(ex, title);
    if changes.is_empty() {
        return md;
    }
    let (head, rest) = md.split_once("\n\n").unwrap_or((&md, ""));
    let n = changes.len();
    let mut out = format!(
        "{head}\n\n*Edited: {n} correction{} by an analyst, listed under Corrections.*\n\n{rest}",
        if n == 1 { "" } else { "s" }
    );
    out.push_str("\n## Corrections\n\n");
    for c in changes {
        out.push_str(&format!("- {}\n", c.note.replace('\n', " ")));
    }
    out
}
