//! The "Try a sample" article: written for this project, in newswire style, so that every card
//! type appears (parties of each kind, quotes and reported speech, agreed, failed and pending
//! outcomes).

/// The sample text, also served as `static/sample.txt`.
pub const SAMPLE: &str = include_str!("../../static/sample.txt");
