//! Small browser helpers: downloads, clipboard, clocks. Each fails quietly
//! (returning `false` or a fallback) rather than throwing, because a refused download or
//! clipboard must never break the page.

use wasm_bindgen::JsCast;

/// Milliseconds from a monotonic clock.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Runs `f` in a task of its own, as soon as the browser can (a timer of 0 ms; dropping the
/// timer cancels it). Boxed, so that every caller shares one copy of the timer's code.
pub fn later(f: Box<dyn FnOnce()>) -> gloo::timers::callback::Timeout {
    gloo::timers::callback::Timeout::new(0, f)
}

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> bool {
    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = gloo::utils::document();
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.click();
        web_sys::Url::revoke_object_url(&url).ok()?;
        Some(())
    };
    run().is_some()
}

/// Copies `text` to the clipboard (asynchronously; the browser may refuse).
pub fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let _promise = window.navigator().clipboard().write_text(text);
    true
}
