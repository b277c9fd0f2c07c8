//! The article view: the text as analysed, with party mentions highlighted and the selected
//! card's evidence marked. The text is only ever rendered as text nodes, never as HTML.

use super::cards::Card;
use super::highlight::{paragraphs_with, query_hits};
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

/// The highlighted article.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let ex = &props.extraction;
    let text: &str = &props.text;
    let container = use_node_ref();
    let limit = use_state(|| PARAGRAPHS);
    let evidence = props.selected.and_then(|c| c.item(ex)).map(|i| i.evidence()).unwrap_or_default();
    // A party card's evidence is every mention; marking them all would add nothing to the
    // highlighting, so the view only scrolls to the first.
    let is_party = props.selected.is_some_and(|c| c.kind == super::cards::CardType::Party);
    let marks = if is_party { evidence.iter().take(1).copied().collect::<Vec<_>>() } else { evidence };
    let hits = query_hits(text, &props.query);
    let paras = paragraphs_with(text, ex, &marks, &hits);
    // Show at least up to the selected evidence, so a click on any card lands on its text.
    let needed = paras.iter().position(|p| p.iter().any(|piece| piece.evidence)).map_or(0, |i| i + 20);
    let shown = (*limit).max(needed).min(paras.len());
    let hidden = paras.len() - shown;
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(shown + PARAGRAPHS))
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
            {for paras.iter().take(shown).map(|pieces| html! { <p>{for pieces.iter().map(render_piece)}</p> })}
            if props.selected.is_some() {
                <button type="button" class="ae-button ae-back" onclick={on_back} data-testid="back-to-card">
                    {"↑ Back to card"}
                </button>
            }
            if hidden > 0 {
                <button type="button" class="ae-button ae-more" onclick={more} data-testid="more-article">
                    {format!("Show more of the article ({hidden} more paragraphs)")}
                </button>
            }
        </section>
    }
}
