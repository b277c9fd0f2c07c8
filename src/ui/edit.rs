//! Correcting the cards: the editor under a card and the undo/redo bar. Both only send
//! [`Action::Correct`], [`Action::Undo`] and [`Action::Redo`]; what a correction does is plain
//! logic in [`super::corrections`].

use super::cards::{Card, Item};
use super::corrections::{Change, Correction};
use super::state::{Action, History};
use crate::extract::{Extraction, PartyKind, Status};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`CardEditor`].
#[derive(Properties)]
pub struct CardEditorProps {
    /// The (corrected) extraction.
    pub extraction: Rc<Extraction>,
    /// The card being corrected.
    pub card: Card,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

impl PartialEq for CardEditorProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.extraction, &other.extraction) && self.card == other.card
    }
}

fn select_value(e: &Event) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()).map(|s| s.value())
}

/// A `<select>` with a visible label that sends `make(value)` when changed.
fn picker(
    label: &str,
    testid: &str,
    options: Vec<(String, String)>,
    current: &str,
    dispatch: &Callback<Action>,
    make: impl Fn(String) -> Option<Correction> + 'static,
) -> Html {
    let d = dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(c) = select_value(&e).and_then(&make) {
            d.emit(Action::Correct(c));
        }
    });
    html! {
        <label class="ae-edit-field">
            <span class="ae-edit-label">{label.to_owned()}</span>
            <select class="ae-select" data-testid={testid.to_owned()} {onchange}>
                {for options.into_iter().map(|(value, text)| {
                    let selected = value == current;
                    html! { <option {selected} {value}>{text}</option> }
                })}
            </select>
        </label>
    }
}

/// The correction tools for one card: what fits its type, and Delete.
#[component]
pub fn CardEditor(props: &CardEditorProps) -> Html {
    let ex = &props.extraction;
    let Some(item) = props.card.item(ex) else { return html! {} };
    let d = &props.dispatch;
    let id = props.card.id(ex);
    let tools = match item {
        Item::Party(_) => {
            html! { <PartyTools extraction={ex.clone()} card={props.card} dispatch={d.clone()} /> }
        }
        Item::Claim(c) => {
            let mut options = vec![(String::new(), "Unattributed".to_owned())];
            options.extend(ex.parties.iter().map(|p| (p.id.clone(), p.name.clone())));
            let claim = c.id.clone();
            let speaker =
                picker("Speaker", "edit-speaker", options, c.speaker.as_deref().unwrap_or(""), d, move |v| {
                    Some(Correction::SetSpeaker {
                        claim: claim.clone(),
                        speaker: (!v.is_empty()).then_some(v),
                    })
                });
            html! { <>{speaker}{targets(ex, &c.id, &c.targets, d)}</> }
        }
        Item::Outcome(o) => {
            let options = Status::ALL.iter().map(|s| (s.label().to_owned(), s.label().to_owned())).collect();
            let outcome = o.id.clone();
            picker("Status", "edit-status", options, o.status.label(), d, move |v| {
                let status = Status::ALL.into_iter().find(|s| s.label() == v)?;
                Some(Correction::SetStatus { outcome: outcome.clone(), status })
            })
        }
    };
    let on_delete = {
        let (d, card) = (d.clone(), props.card.kind);
        Callback::from(move |_: MouseEvent| {
            d.emit(Action::Correct(Correction::Delete { card, id: id.clone() }))
        })
    };
    html! {
        // Clicks inside the editor are not clicks on the card (which would select it).
        <div class="ae-editor" data-testid="editor" role="group" aria-label="Correct this card"
            onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
            {tools}
            <button type="button" class="ae-button ae-small ae-danger" onclick={on_delete} data-testid="edit-delete">
                {format!("Delete this {}", props.card.kind.label())}
            </button>
        </div>
    }
}

/// Checkboxes for the parties a claim is about.
fn targets(ex: &Extraction, claim: &str, current: &[String], d: &Callback<Action>) -> Html {
    let boxes = ex.parties.iter().map(|p| {
        let on = current.contains(&p.id);
        let (d, claim, id) = (d.clone(), claim.to_owned(), p.id.clone());
        let current = current.to_vec();
        let onchange = Callback::from(move |_: Event| {
            let mut targets: Vec<String> = current.iter().filter(|t| **t != id).cloned().collect();
            if !on {
                targets.push(id.clone());
            }
            d.emit(Action::Correct(Correction::SetTargets { claim: claim.clone(), targets }));
        });
        html! {
            <label class="ae-edit-check">
                <input type="checkbox" checked={on} {onchange} data-testid="edit-target" data-party={p.name.clone()} />
                {p.name.clone()}
            </label>
        }
    });
    html! {
        <fieldset class="ae-edit-targets">
            <legend class="ae-edit-label">{"About"}</legend>
            {for boxes}
        </fieldset>
    }
}

/// Properties of [`PartyTools`].
#[derive(Properties, PartialEq)]
pub struct PartyToolsProps {
    extraction: Rc<Extraction>,
    card: Card,
    dispatch: Callback<Action>,
}

/// Rename, change kind, merge into another party, split an alias off.
#[component]
fn PartyTools(props: &PartyToolsProps) -> Html {
    let name_ref = use_node_ref();
    let merge_ref = use_node_ref();
    let split_ref = use_node_ref();
    let Some(Item::Party(p)) = props.card.item(&props.extraction) else { return html! {} };
    let d = &props.dispatch;
    let id = p.id.clone();
    let on_rename = {
        let (d, id, name_ref) = (d.clone(), id.clone(), name_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = name_ref.cast::<HtmlInputElement>() {
                d.emit(Action::Correct(Correction::Rename { party: id.clone(), name: input.value() }));
            }
        })
    };
    let from_select =
        |r: &NodeRef| r.cast::<HtmlSelectElement>().map(|s| s.value()).filter(|v| !v.is_empty());
    let on_merge = {
        let (d, id, r) = (d.clone(), id.clone(), merge_ref.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(into) = from_select(&r) {
                d.emit(Action::Correct(Correction::Merge { party: id.clone(), into }));
            }
        })
    };
    let on_split = {
        let (d, id, r) = (d.clone(), id.clone(), split_ref.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(alias) = from_select(&r) {
                d.emit(Action::Correct(Correction::SplitAlias { party: id.clone(), alias }));
            }
        })
    };
    let kinds = PartyKind::ALL.iter().map(|k| (k.label().to_owned(), k.label().to_owned())).collect();
    let kind = {
        let id = id.clone();
        picker("Kind", "edit-kind", kinds, p.kind.label(), d, move |v| {
            let kind = PartyKind::ALL.into_iter().find(|k| k.label() == v)?;
            Some(Correction::SetKind { party: id.clone(), kind })
        })
    };
    let others: Vec<_> = props.extraction.parties.iter().filter(|q| q.id != p.id).collect();
    html! {
        <>
            <form class="ae-edit-field" onsubmit={on_rename}>
                <label class="ae-edit-label" for={format!("ae-rename-{id}")}>{"Name"}</label>
                <input id={format!("ae-rename-{id}")} class="ae-input-box" ref={name_ref} value={p.name.clone()}
                    data-testid="edit-name" />
                <button type="submit" class="ae-button ae-small" data-testid="edit-rename">{"Rename"}</button>
            </form>
            {kind}
            if !others.is_empty() {
                <div class="ae-edit-field">
                    <label class="ae-edit-label" for={format!("ae-merge-{id}")}>{"Merge into"}</label>
                    <select id={format!("ae-merge-{id}")} class="ae-select" ref={merge_ref} data-testid="edit-merge-into">
                        {for others.iter().map(|q| html! { <option value={q.id.clone()}>{q.name.clone()}</option> })}
                    </select>
                    <button type="button" class="ae-button ae-small" onclick={on_merge} data-testid="edit-merge">{"Merge"}</button>
                </div>
            }
            if !p.aliases.is_empty() {
                <div class="ae-edit-field">
                    <label class="ae-edit-label" for={format!("ae-split-{id}")}>{"Alias"}</label>
                    <select id={format!("ae-split-{id}")} class="ae-select" ref={split_ref} data-testid="edit-alias">
                        {for p.aliases.iter().map(|a| html! { <option value={a.clone()}>{a.clone()}</option> })}
                    </select>
                    <button type="button" class="ae-button ae-small" onclick={on_split} data-testid="edit-split">{"Split off"}</button>
                </div>
            }
        </>
    }
}

/// Properties of [`EditBar`].
#[derive(Properties, PartialEq)]
pub struct EditBarProps {
    /// Undo and redo.
    pub history: History,
    /// What the corrections changed.
    pub changes: Rc<Vec<Change>>,
    /// Sends actions to the app.
    pub dispatch: Callback<Action>,
}

/// Undo, redo, and the list of corrections in force.
#[component]
pub fn EditBar(props: &EditBarProps) -> Html {
    let h = &props.history;
    if h.undo_label().is_none() && h.redo_label().is_none() && props.changes.is_empty() {
        return html! {};
    }
    let button = |label: Option<&str>, what: &str, key: &str, action: Action| {
        let d = props.dispatch.clone();
        let title = label.map_or_else(|| format!("Nothing to {what}"), |l| format!("{what} {l} ({key})"));
        html! {
            <button type="button" class="ae-button ae-small" disabled={label.is_none()} title={title.clone()}
                aria-label={title} data-testid={what.to_lowercase()} onclick={Callback::from(move |_| d.emit(action.clone()))}>
                {what.to_owned()}
            </button>
        }
    };
    let n = props.changes.len();
    html! {
        <section class="ae-editbar" aria-label="Corrections" data-testid="editbar">
            {button(h.undo_label(), "Undo", "Ctrl+Z", Action::Undo)}
            {button(h.redo_label(), "Redo", "Ctrl+Shift+Z", Action::Redo)}
            if n > 0 {
                <details class="ae-changes" data-testid="changes">
                    <summary>{format!("{n} correction{} in force", if n == 1 { "" } else { "s" })}</summary>
                    <ol>{for props.changes.iter().map(|c| html! { <li>{c.note.clone()}</li> })}</ol>
                    <p class="ae-muted">{"Corrections belong to this text: editing the text sets them aside (Undo brings them back)."}</p>
                </details>
            }
        </section>
    }
}

/// Whether a key press is undo (`Some(false)`) or redo (`Some(true)`): Ctrl+Z, Ctrl+Shift+Z
/// and Ctrl+Y (Cmd on a Mac). Not in text fields, which keep their own undo.
pub fn undo_key(e: &KeyboardEvent) -> Option<bool> {
    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return None;
    }
    let in_field = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().to_ascii_lowercase().as_str(), "input" | "textarea" | "select")
    });
    if in_field {
        return None;
    }
    match e.key().to_ascii_lowercase().as_str() {
        "z" => Some(e.shift_key()),
        "y" => Some(true),
        _ => None,
    }
}
