//! Component tests in headless Chromium (wasm-bindgen-test): each mounts the app into a fresh
//! element, lets the scheduler and the debounce run, and checks the DOM.
//!
//! Run: `scripts/test` (or `cargo test --target wasm32-unknown-unknown --test browser` with
//! `wasm-bindgen-test-runner` as the runner and `CHROMEDRIVER` set).
#![cfg(target_arch = "wasm32")]

use article_explorer::extract::analyze;
use article_explorer::ui::{mount, App, AppProps};
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLE: &str = "Kenya and Uganda signed a trade agreement in Nairobi on Friday.\n\
President Amina Odhiambo said the deal would cut tariffs on maize. \
“This is a good day for farmers,” she told reporters.\n\
Ugandan officials accused Kenya of delaying the border reopening, but talks on a customs union ended without a deal.";

fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn settle() {
    yew::scheduler::flush().await;
    TimeoutFuture::new(120).await;
    yew::scheduler::flush().await;
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

fn props(text: Option<&str>) -> AppProps {
    AppProps { text: text.map(|t| t.to_owned().into()), storage_key: None, ..AppProps::full_page() }
}

#[wasm_bindgen_test]
async fn empty_app_shows_what_will_appear() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root_and_props(root.clone(), props(None)).render();
    settle().await;
    assert_eq!(count(&root, "[data-testid=article-input]"), 1);
    let empty = text_of(&root, "[data-testid=empty-state]");
    assert!(empty.contains("Parties") && empty.contains("Claims") && empty.contains("Outcomes"), "{empty}");
    assert_eq!(count(&root, "[data-testid=cards]"), 0);
}

#[wasm_bindgen_test]
async fn article_renders_one_card_per_extracted_item() {
    let expected = analyze(ARTICLE);
    let root = fresh_root();
    yew::Renderer::<App>::with_root_and_props(root.clone(), props(Some(ARTICLE))).render();
    settle().await;
    assert_eq!(count(&root, "[data-testid=card-party]") as usize, expected.parties.len());
    assert_eq!(count(&root, "[data-testid=card-claim]") as usize, expected.claims.len());
    assert_eq!(count(&root, "[data-testid=card-outcome]") as usize, expected.outcomes.len());
    assert_eq!(text_of(&root, "[data-testid=count-claims] strong"), expected.claims.len().to_string());
    assert!(text_of(&root, "[data-testid=article-view]").contains("customs union"));
}

#[wasm_bindgen_test]
async fn type_toggle_hides_that_card_type() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root_and_props(root.clone(), props(Some(ARTICLE))).render();
    settle().await;
    let parties_before = count(&root, "[data-testid=card-party]");
    assert!(parties_before > 0, "the article names parties");
    let toggle: HtmlElement =
        root.query_selector("[data-testid=type-party]").unwrap().unwrap().dyn_into().unwrap();
    toggle.click();
    settle().await;
    assert_eq!(count(&root, "[data-testid=card-party]"), 0);
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn mounted_handle_replaces_the_text() {
    let root = fresh_root();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"text".into(), &JsValue::from_str("")).unwrap();
    let mut handle = mount(root.clone(), options.into()).map_err(JsValue::from).unwrap();
    settle().await;
    assert_eq!(count(&root, "[data-testid=empty-state]"), 1);
    handle.set_text(ARTICLE.to_owned()).map_err(JsValue::from).unwrap();
    TimeoutFuture::new(400).await;
    settle().await;
    assert_eq!(count(&root, "[data-testid=empty-state]"), 0);
    assert!(text_of(&root, "[data-testid=article-view]").contains("Nairobi"));
    handle.destroy();
    settle().await;
    assert_eq!(root.child_element_count(), 0);
}
