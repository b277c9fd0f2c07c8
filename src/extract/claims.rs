//! Stage 3, the claims: who said what about whom.
//!
//! FIRST DRAFT (interface only; the full stage replaces the body of [`find_claims`]).

use super::model::Claim;
use super::parties::Parties;
use super::segment::Document;

/// Finds the attributions of a segmented article whose parties are known.
pub fn find_claims(doc: &Document<'_>, parties: &Parties) -> Vec<Claim> {
    let _ = (doc, parties);
    Vec::new()
}
