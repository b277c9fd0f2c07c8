//! Embedding: `mount(element, options)` for scripts, used by the `<article-explorer>` custom
//! element (static/embed.js) and callable directly from any page.
//!
//! Each mount is an independent app with its own state. Selections and filter changes are
//! reported as DOM `CustomEvent`s on the element (`explorer-select`, `explorer-filters`), which
//! bubble out of a shadow root, so a host page listens with ordinary `addEventListener`.

use super::app::{App, AppProps, Bus, Selected, Theme};
use super::cards::CardType;
use super::filter::Filters;
use super::state::Action;
use crate::extract;
use serde::Deserialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Options of `mount`, as a plain JavaScript object; every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Options {
    /// The article to show.
    text: Option<String>,
    /// Show the text area (default true).
    input: Option<bool>,
    /// Show the title (default false when embedded).
    header: Option<bool>,
    /// Card types to show: "party", "claim", "outcome".
    types: Option<Vec<CardType>>,
    /// "light", "dark" or "auto".
    theme: Option<String>,
    /// Local-storage key, to keep the article across reloads (default: keep nothing).
    storage_key: Option<String>,
}

/// A mounted explorer, returned by `mount`.
#[wasm_bindgen]
pub struct ExplorerHandle {
    app: Option<yew::AppHandle<App>>,
    bus: Bus,
}

fn emit(target: &web_sys::Element, name: &str, detail_json: &str) {
    let detail = js_sys::JSON::parse(detail_json).unwrap_or(JsValue::NULL);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Mounts an explorer into `element`, replacing its content.
///
/// `options`: `{ text, input, header, types, theme, storageKey }`, all optional.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<ExplorerHandle, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("article-explorer: bad options: {e}")))?
    };
    let bus = Bus::default();
    let events = element.clone();
    let on_select = Callback::from(move |s: Selected| {
        let detail = serde_json::json!({ "type": s.kind, "card": s.data });
        emit(&events, "explorer-select", &detail.to_string());
    });
    let events = element.clone();
    let on_filters = Callback::from(move |f: Filters| {
        emit(&events, "explorer-filters", &serde_json::to_string(&f).unwrap_or_default());
    });
    let props = AppProps {
        text: options.text.map(AttrValue::from),
        storage_key: options.storage_key.map(AttrValue::from),
        show_input: options.input.unwrap_or(true),
        show_header: options.header.unwrap_or(false),
        types: options.types,
        theme: Theme::from_name(options.theme.as_deref().unwrap_or("auto")),
        on_select: Some(on_select),
        on_filters: Some(on_filters),
        bus: Some(bus.clone()),
    };
    element.set_inner_html("");
    let app = yew::Renderer::<App>::with_root_and_props(element, props).render();
    Ok(ExplorerHandle { app: Some(app), bus })
}

/// The extraction of `text` as the JSON object `extract FILE` prints, without rendering.
#[wasm_bindgen]
pub fn extract(text: &str) -> Result<JsValue, JsError> {
    let json = extract::to_json(&extract::analyze(text));
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("article-explorer: could not encode the extraction"))
}

#[wasm_bindgen]
impl ExplorerHandle {
    fn send(&self, action: Action) -> Result<(), JsError> {
        if self.app.is_none() {
            return Err(JsError::new("article-explorer: this explorer was destroyed"));
        }
        match self.bus.0.borrow().as_ref() {
            Some(dispatch) => {
                dispatch.emit(action);
                Ok(())
            }
            None => Err(JsError::new("article-explorer: not mounted yet")),
        }
    }

    /// Replaces the article; the cards follow.
    #[wasm_bindgen(js_name = setText)]
    pub fn set_text(&self, text: String) -> Result<(), JsError> {
        self.send(Action::Edit(Rc::from(text)))
    }

    /// Replaces the filters: `{ types, parties, statuses, speech, query, sort }`, each optional
    /// (missing ones reset to their default).
    #[wasm_bindgen(js_name = setFilters)]
    pub fn set_filters(&self, filters: JsValue) -> Result<(), JsError> {
        let filters: Filters = serde_wasm_bindgen::from_value(filters)
            .map_err(|e| JsError::new(&format!("article-explorer: bad filters: {e}")))?;
        self.send(Action::SetFilters(filters))
    }

    /// The extraction of `text`, as JSON, without changing what is shown.
    pub fn extract(&self, text: &str) -> Result<JsValue, JsError> {
        extract(text)
    }

    /// Unmounts the explorer and frees it; the handle cannot be used again.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.bus.0.borrow_mut().take();
    }
}
