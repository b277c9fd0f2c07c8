//! Stage 4, the outcomes: what was agreed, what failed, what is pending.
//!
//! FIRST DRAFT (interface only; the full stage replaces the body of [`find_outcomes`]).

use super::model::{Claim, Outcome};
use super::parties::Parties;
use super::segment::Document;

/// Finds the outcomes of a segmented article whose parties and claims are known.
pub fn find_outcomes(doc: &Document<'_>, parties: &Parties, claims: &[Claim]) -> Vec<Outcome> {
    let _ = (doc, parties, claims);
    Vec::new()
}
