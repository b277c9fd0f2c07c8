//! The extraction core of Article Explorer, as a package of its own.
//!
//! The sources live in the top-level crate's `src/extract.rs` and `src/extract/`, where they
//! always were; this package only compiles them, and [`extract`] is re-exported at the root so
//! that every `crate::extract::…` path keeps working and the top-level crate re-exports it
//! unchanged. Being a package of its own lets the browser build compile the core at opt-level 3
//! (fast extraction) while the UI is compiled for size: profiles differ per package, not per
//! module.
#![deny(missing_docs)]

/// The top-level crate's `src/` directory: an inline module with a `path` makes its child
/// `extract` load `src/extract.rs` with its submodules from `src/extract/`, as in that crate.
#[doc(hidden)]
#[path = "../../src"]
pub mod sources {
    pub mod extract;
}

pub use sources::extract;
