//! Extraction off the main thread: a module web worker (static/worker.js) that loads the same
//! WebAssembly and answers with the extraction as compact bytes ([`super::wire`]), posted as a
//! transferable buffer: no JSON is built or parsed on the way.
//!
//! The page's loader registers the worker's URL ([`use_worker`]); until then, and where a
//! browser refuses module workers (a single file opened from `file://`), the app extracts on
//! the main thread instead. One worker serves every explorer on the page; requests carry ids.

use crate::extract::Extraction;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Reply = Box<dyn FnOnce(Option<(Extraction, f64)>)>;

/// A request waiting for its answer: the text sent (the answer's spans point into it) and
/// what to do with the extraction.
type Pending = Rc<RefCell<HashMap<u32, (Rc<str>, Reply)>>>;

#[derive(Default)]
enum Slot {
    /// No loader registered a worker.
    #[default]
    Unset,
    /// Registered, not started yet.
    Url(String),
    /// Running.
    Running(Running),
    /// The browser refused it or it broke: extract on the main thread from now on.
    Failed,
}

struct Running {
    worker: web_sys::Worker,
    pending: Pending,
    next: u32,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static SLOT: RefCell<Slot> = const { RefCell::new(Slot::Unset) };
}

/// Registers the URL of `worker.js`; called by the page's loader after the module starts.
#[wasm_bindgen(js_name = useWorker)]
pub fn use_worker(url: String) {
    SLOT.with(|slot| {
        if matches!(*slot.borrow(), Slot::Unset) {
            *slot.borrow_mut() = Slot::Url(url);
        }
    });
}

/// The extraction of `text` as the compact bytes of `ui::wire`: what the worker computes.
#[wasm_bindgen(js_name = extractWire)]
pub fn extract_wire(text: &str) -> Vec<u8> {
    super::wire::encode(&crate::extract::analyze(text), text)
}

/// Warms up while the page is idle (the loaders call it from `requestIdleCallback`): one
/// extraction of the sample on this thread builds the core's word tables and compiles its
/// code, which the first article of a fresh page otherwise waits for, and a registered worker
/// is started with the same extraction of its own, so a long first article meets a ready one.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    let sample = super::sample::SAMPLE;
    let _ = crate::extract::analyze(sample);
    if available() {
        let _ = request(&Rc::from(sample), |_| {});
    }
}

/// Whether extraction can run off the main thread here.
pub fn available() -> bool {
    SLOT.with(|slot| matches!(*slot.borrow(), Slot::Url(_) | Slot::Running(_)))
}

fn start(url: &str) -> Option<Running> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(url, &options).ok()?;
    let pending: Pending = Rc::default();
    let on_message = {
        let pending = pending.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let get = |key: &str| js_sys::Reflect::get(&data, &JsValue::from_str(key)).ok();
            let Some(id) = get("id").and_then(|v| v.as_f64()) else { return };
            let Some((text, reply)) = pending.borrow_mut().remove(&(id as u32)) else { return };
            let bytes = get("wire").map(|v| js_sys::Uint8Array::new(&v).to_vec()).unwrap_or_default();
            let millis = get("millis").and_then(|v| v.as_f64()).unwrap_or(0.0);
            reply(super::wire::decode(&bytes, &text).map(|ex| (ex, millis)));
        })
    };
    let on_error = {
        let pending = pending.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            // Fall back for good, and let every waiting request run on the main thread.
            SLOT.with(|slot| *slot.borrow_mut() = Slot::Failed);
            let waiting: Vec<Reply> = pending.borrow_mut().drain().map(|(_, (_, r))| r).collect();
            for reply in waiting {
                reply(None);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Running { worker, pending, next: 0, _on_message: on_message, _on_error: on_error })
}

/// Sends `text` to the worker; `reply` gets the extraction and its time, or `None` when the
/// worker failed (then the caller extracts on the main thread). Returns `false`, without
/// calling `reply`, when there is no worker to ask.
pub fn request(text: &Rc<str>, reply: impl FnOnce(Option<(Extraction, f64)>) + 'static) -> bool {
    SLOT.with(|slot| {
        let mut slot = slot.borrow_mut();
        if let Slot::Url(url) = &*slot {
            *slot = match start(url) {
                Some(running) => Slot::Running(running),
                None => Slot::Failed,
            };
        }
        let Slot::Running(running) = &mut *slot else { return false };
        let id = running.next;
        running.next = running.next.wrapping_add(1);
        let message = js_sys::Object::new();
        let set = |k: &str, v: JsValue| js_sys::Reflect::set(&message, &JsValue::from_str(k), &v).is_ok();
        if !(set("id", JsValue::from(id)) && set("text", JsValue::from_str(text))) {
            return false;
        }
        running.pending.borrow_mut().insert(id, (text.clone(), Box::new(reply)));
        if running.worker.post_message(&message).is_err() {
            running.pending.borrow_mut().remove(&id);
            return false;
        }
        true
    })
}
