//! # Article Explorer
//!
//! Paste a news article and see who is involved (**parties**), who said what about whom
//! (**claims**) and what came of it (**outcomes**), each linked back to the bytes of the text it
//! came from. Everything runs locally: natively through the `extract` command-line tool, or in
//! the browser as WebAssembly.
//!
//! The crate has two halves:
//!
//! * [`extract`]: the extraction core, plain Rust with no web dependencies. Its one entry point
//!   is [`extract::analyze`].
//! * [`export`]: the CSV and Markdown exports of an extraction, plain Rust too, shared by the
//!   app's download buttons and `extract --format csv|md`.
//! * `ui` (behind the default `ui` feature): the Yew front end, thin components over plain state
//!   and filter logic.
//!
//! ```
//! let extraction = article_explorer::extract::analyze(
//!     "Ghana and Togo signed a border agreement on Monday, officials said.",
//! );
//! assert!(extraction.parties.iter().any(|p| p.name == "Ghana"));
//! ```
#![deny(missing_docs)]

pub mod export;
pub use article_explorer_core::extract;

#[cfg(feature = "ui")]
pub mod ui;
