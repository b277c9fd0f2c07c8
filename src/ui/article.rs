//! The article view: the text as analysed, with party mentions highlighted and the selected
//! card's evidence marked. The text is only ever rendered as text nodes, never as HTML.

use super::cards::Card;
use super::highlight::{paragraphs_with, query_hits, shown_end};
use super::state::Action;
use crate::extract::Extraction;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ArticleView`].
#[derive(Properties)]
pub struct ArticleViewProps {
    /// The extraction.
    pub extraction: Rc<Extraction>,
    /// The text it was made from.
    pub text: Rc<str>,
    /// The selected card.
    pub selected: Option<Card>,
    /// The search query: its words are marked in the article.
    #[prop_or_default]
    pub query: AttrValue,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

impl PartialEq for ArticleViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.extraction, &other.extraction)
            && Rc::ptr_eq(&self.text, &other.text)
            && self.selected == other.selected
            && self.query == other.query
    }
}

/// Scrolls the selected card back into view and focuses its title: the way back from the
/// evidence on a phone, where the article sits far below the cards.
fn back_to_card(container: &NodeRef) {
    let card = container
        .cast::<web_sys::Element>()
        .and_then(|c| c.closest(".ae").ok().flatten())
        .and_then(|root| root.query_selector(".ae-card.is-selected .ae-card-title").ok().flatten());
    if let Some(title) = card {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        title.scroll_into_view_with_scroll_into_view_options(&options);
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(title) {
            let _ = el.focus();
        }
    }
}

/// Paragraphs rendered at first: enough for any news article, while a pasted book stays quick
/// (rendering is what costs, not extraction).
const PARAGRAPHS: usize = 150;

/// Bytes of text rendered at first, whatever the paragraphs: 150 paragraphs of news are
/// about 60 KB, while one 2 MB paragraph (text with no line break) would cost Chromium a
/// second of layout (issue 14).
const BYTES: usize = 64_000;

/// What the first render of a new long text shows, the rest following [`STEP`] a task: with
/// the new cards, the whole first screenful took the page's thread over 200 ms for 2 MB of
/// news on a busy machine (issue 14).
const FIRST: (usize, usize) = (15, 6_000);

/// What each following task adds, up to [`PARAGRAPHS`] and [`BYTES`].
const STEP: (usize, usize) = (30, 12_000);

/// The highlighted article.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let ex = &props.extraction;
    let full: &str = &props.text;
    let container = use_node_ref();
    // The limit, for the text it was set on: a new long text starts at FIRST.
    let key = Rc::as_ptr(&props.text) as *const u8 as usize;
    let first = if full.len() > BYTES { FIRST } else { (PARAGRAPHS, BYTES) };
    let stored = use_state(|| (key, first));
    let limit = if stored.0 == key { stored.1 } else { first };
    {
        let stored = stored.clone();
        use_effect_with((key, limit), move |&(key, limit)| {
            let timer = (limit.0 < PARAGRAPHS || limit.1 < BYTES).then(|| {
                super::dom::later(Box::new(move || {
                    let (paragraphs, bytes) = limit;
                    stored.set((
                        key,
                        (
                            (paragraphs + STEP.0).min(PARAGRAPHS.max(paragraphs)),
                            (bytes + STEP.1).min(BYTES.max(bytes)),
                        ),
                    ));
                }))
            });
            move || drop(timer)
        });
    }
    let evidence = props.selected.and_then(|c| c.item(ex)).map(|i| i.evidence()).unwrap_or_default();
    // A party card's evidence is every mention; marking them all would add nothing to the
    // highlighting, so the view only scrolls to the first.
    let is_party = props.selected.is_some_and(|c| c.kind == super::cards::CardType::Party);
    let marks = if is_party { evidence.iter().take(1).copied().collect::<Vec<_>>() } else { evidence };
    // Show at least up to the selected evidence and a little after, so a click on any card
    // lands on its text.
    let needed = marks.iter().map(|s| shown_end(full, s.end, 20, BYTES)).min().unwrap_or(0);
    let end = shown_end(full, 0, limit.0, limit.1).max(needed);
    let text = &full[..end];
    let hits = query_hits(text, &props.query);
    let paras = paragraphs_with(text, ex, &marks, &hits);
    // What is left, by size: counting its lines would cost a scan of up to 2 MB a render.
    let hidden = if full[end..].trim().is_empty() { 0 } else { full.len() - end };
    let more = {
        let stored = stored.clone();
        let shown = paras.len();
        Callback::from(move |_: MouseEvent| stored.set((key, (shown + PARAGRAPHS, end + BYTES))))
    };
    {
        let container = container.clone();
        use_effect_with(props.selected, move |selected| {
            if selected.is_some() {
                if let Some(el) = container
                    .cast::<web_sys::Element>()
                    .and_then(|c| c.query_selector(".is-evidence").ok().flatten())
                {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_behavior(web_sys::ScrollBehavior::Smooth);
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        });
    }

    let render_piece = |piece: &super::highlight::Piece| -> Html {
        let s = &text[piece.span];
        let evidence = piece.evidence.then_some("is-evidence");
        let hit = piece.hit.then_some("is-hit");
        match piece.party.and_then(|i| ex.parties.get(i)) {
            Some(p) => {
                let (d, d2) = (props.dispatch.clone(), props.dispatch.clone());
                let (name, name2) = (p.name.clone(), p.name.clone());
                // A mention is a button for the keyboard too: Tab reaches it, Enter or Space filters.
                let onkeydown = Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Enter" || e.key() == " " {
                        e.prevent_default();
                        d2.emit(Action::OnlyParty(name2.clone()));
                    }
                });
                html! {
                    <mark class={classes!("ae-mention", format!("kind-{}", p.kind.label()), evidence, hit)}
                        tabindex="0" role="button" aria-label={format!("{}: {} ({}). Show its cards", s, p.name, p.kind.label())}
                        title={format!("{} ({}) — click to filter", p.name, p.kind.label())} data-party={p.name.clone()}
                        onclick={Callback::from(move |_| d.emit(Action::OnlyParty(name.clone())))} {onkeydown}>{s.to_owned()}</mark>
                }
            }
            None if piece.hit => {
                html! { <mark class={classes!("ae-hit", evidence)} data-testid="search-hit">{s.to_owned()}</mark> }
            }
            None if piece.evidence => html! { <span class="is-evidence">{s.to_owned()}</span> },
            None => html! { {s.to_owned()} },
        }
    };
    let on_back = {
        let container = container.clone();
        Callback::from(move |_: MouseEvent| back_to_card(&container))
    };
    html! {
        <section class="ae-article" aria-label="Article with highlights" data-testid="article-view" ref={container}>
            <h2 class="ae-article-title">{"Article"}</h2>
            {for paras.iter().map(|pieces| html! { <p>{for pieces.iter().map(render_piece)}</p> })}
            if props.selected.is_some() {
                <button type="button" class="ae-button ae-back" onclick={on_back} data-testid="back-to-card">
                    {"↑ Back to card"}
                </button>
            }
            if hidden > 0 {
                <button type="button" class="ae-button ae-more" onclick={more} data-testid="more-article">
                    {format!("Show more of the article ({} more)", super::text::human_bytes(hidden))}
                </button>
            }
        </section>
    }
}
