//! The browser front end: thin Yew components over plain, natively tested logic.
//!
//! * [`state`]: the app state and its reducer (no `yew`);
//! * [`corrections`]: the analyst's corrections to the cards, replayed over each extraction;
//! * [`filter`] and [`cards`]: which cards are visible, their order and every filter's count;
//! * [`export`]: CSV and the Markdown brief (the JSON export is the core's own);
//! * [`exports`] and [`share`]: the cards an export holds, its file name, and share links;
//! * the components, one per file: the app shell, the input panel, the summary bar, the
//!   filter panel, the card list and the article view.

pub mod cards;
pub mod corrections;
pub mod exports;
pub mod filter;
pub mod share;
pub mod state;
pub mod text;

// Plain Rust shared with the `extract` CLI; `ui::export` stays its path in the app.
pub use crate::export;

mod app;
mod article;
mod card_list;
mod controls;
mod dom;
mod edit;
mod embed;
mod export_bar;
pub mod highlight;
mod input;
pub mod relations;
mod relations_view;
mod sample;
mod storage;
mod summary;
mod why;
mod wire;
mod worker;

pub use app::{App, AppProps, Theme};
pub use embed::{mount, ExplorerHandle};
pub use worker::{extract_wire, use_worker, use_worker_with, warm_up};

/// Mounts the full-page app into `#article-explorer-app`, if the page has one.
///
/// Pages that only embed explorers (see `mount` and the `<article-explorer>` element) have no
/// such element, and then nothing happens here.
pub fn start() {
    // In the extraction worker there is no document, and nothing to mount.
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = document.get_element_by_id("article-explorer-app") else { return };
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(root, AppProps::full_page()).render();
}
