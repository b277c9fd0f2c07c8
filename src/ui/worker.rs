//! Extraction off the main thread: a module web worker (static/worker.js) that loads the same
//! WebAssembly and answers with the extraction as compact bytes ([`super::wire`]), posted as a
//! transferable buffer: no JSON is built or parsed on the way.
//!
//! The page's loader registers the worker's URL ([`use_worker`]); until then, and where a
//! browser refuses the worker, the app extracts on the main thread instead. One worker serves
//! every explorer on the page; requests carry ids.
//!
//! The single-file build has no `worker.js` to load: its page registers a classic worker from a
//! `blob:` URL holding the same glue ([`use_worker_with`]) and a greeting, the compiled
//! `WebAssembly.Module`, that every worker it starts gets as its first message. Classic, not a
//! module: Chromium refuses a module worker from a `blob:` URL on a `file://` page (an opaque
//! origin), and it accepts a classic one.
//!
//! A newer text cancels an older one (issue 14, item 3): each explorer is an [`Owner`], and
//! when an owner asks again while its earlier request is still running, that request is stale,
//! so the worker is terminated and a fresh one started, which is sent the other owners'
//! waiting requests again. Without this, 1 MB of hard text kept the worker busy for many
//! seconds while the article pasted after it waited in the queue.

use crate::extract::Extraction;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Reply = Box<dyn FnOnce(Option<(Extraction, f64)>)>;

/// Who asks: one explorer. A new request from an owner cancels its earlier one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Owner(u32);

impl Owner {
    /// A new owner, distinct from every other on the page.
    pub fn fresh() -> Owner {
        thread_local! {
            static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
        }
        Owner(NEXT.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        }))
    }
}

/// How to start a worker: its script, whether it is a classic script (else a module), and the
/// message it gets first (`undefined`: none).
#[derive(Clone)]
struct Spawn {
    url: String,
    classic: bool,
    greeting: JsValue,
}

/// A request waiting for its answer: kept whole, so it can be sent to a new worker.
struct Job {
    owner: Owner,
    text: String,
    reply: Reply,
}

#[derive(Default)]
enum Slot {
    /// No loader registered a worker.
    #[default]
    Unset,
    /// Registered, not started yet.
    Url(Spawn),
    /// Running.
    Running(Running),
    /// The browser refused it or it broke: extract on the main thread from now on.
    Failed,
}

struct Running {
    spawn: Spawn,
    worker: web_sys::Worker,
    pending: Rc<RefCell<HashMap<u32, Job>>>,
    next: u32,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static SLOT: RefCell<Slot> = const { RefCell::new(Slot::Unset) };
}

/// Registers the URL of `worker.js`, a module worker; called by the page's loader after the
/// module starts.
#[wasm_bindgen(js_name = useWorker)]
pub fn use_worker(url: String) {
    register(Spawn { url, classic: false, greeting: JsValue::UNDEFINED });
}

/// Registers a classic worker script at `url` (the single file's `blob:` URL) that is sent
/// `greeting` before any request, each time a worker is started: the single file sends the
/// compiled module, so no worker compiles the WebAssembly again or needs to fetch it.
#[wasm_bindgen(js_name = useWorkerWith)]
pub fn use_worker_with(url: String, greeting: JsValue) {
    register(Spawn { url, classic: true, greeting });
}

fn register(spawn: Spawn) {
    SLOT.with(|slot| {
        if matches!(*slot.borrow(), Slot::Unset) {
            *slot.borrow_mut() = Slot::Url(spawn);
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
        let _ = request(Owner::fresh(), sample, |_| {});
    }
}

/// Whether extraction can run off the main thread here.
pub fn available() -> bool {
    SLOT.with(|slot| matches!(*slot.borrow(), Slot::Url(_) | Slot::Running(_)))
}

fn start(spawn: &Spawn, pending: Rc<RefCell<HashMap<u32, Job>>>, next: u32) -> Option<Running> {
    let options = web_sys::WorkerOptions::new();
    if !spawn.classic {
        options.set_type(web_sys::WorkerType::Module);
    }
    let worker = web_sys::Worker::new_with_options(&spawn.url, &options).ok()?;
    if !spawn.greeting.is_undefined() {
        worker.post_message(&spawn.greeting).ok()?;
    }
    let on_message = {
        let pending = pending.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let get = |key: &str| js_sys::Reflect::get(&data, &JsValue::from_str(key)).ok();
            let Some(id) = get("id").and_then(|v| v.as_f64()) else { return };
            let Some(job) = pending.borrow_mut().remove(&(id as u32)) else { return };
            let bytes = get("wire").map(|v| js_sys::Uint8Array::new(&v).to_vec()).unwrap_or_default();
            let millis = get("millis").and_then(|v| v.as_f64()).unwrap_or(0.0);
            let decoding = super::wire::Decoding::new(bytes, job.text);
            super::dom::later(Box::new(move || decode(decoding, millis, job.reply))).forget();
        })
    };
    let on_error = {
        let pending = pending.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            // Fall back for good, and let every waiting request run on the main thread.
            SLOT.with(|slot| *slot.borrow_mut() = Slot::Failed);
            let waiting: Vec<Job> = pending.borrow_mut().drain().map(|(_, j)| j).collect();
            for job in waiting {
                (job.reply)(None);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let spawn = spawn.clone();
    Some(Running { spawn, worker, pending, next, _on_message: on_message, _on_error: on_error })
}

/// How long one task of decoding the worker's answer may run, in milliseconds.
const DECODE_SLICE_MS: f64 = 20.0;

/// Bytes of the answer read between two looks at the clock.
const DECODE_STEP: usize = 8_192;

/// Decodes the worker's answer for [`DECODE_SLICE_MS`] a task, each in a task of its own, and
/// hands the extraction to `reply` in a task of its own too: decoding the answer for 2 MB of
/// news and rendering its cards in one task took the page's thread over 200 ms (issue 14).
fn decode(mut decoding: super::wire::Decoding, millis: f64, reply: Reply) {
    use super::wire::Step;
    let started = super::dom::now_ms();
    let result = loop {
        match decoding.step(DECODE_STEP) {
            Step::More if super::dom::now_ms() - started < DECODE_SLICE_MS => {}
            Step::More => {
                super::dom::later(Box::new(move || decode(decoding, millis, reply))).forget();
                return;
            }
            Step::Done(ex) => break Some((ex, millis)),
            Step::Bad => break None,
        }
    };
    super::dom::later(Box::new(move || reply(result))).forget();
}

/// Posts `{ id, text }` to the worker.
fn post(worker: &web_sys::Worker, id: u32, text: &str) -> bool {
    let message = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&message, &JsValue::from_str(k), &v).is_ok();
    set("id", JsValue::from(id))
        && set("text", JsValue::from_str(text))
        && worker.post_message(&message).is_ok()
}

/// Stops a worker busy with a stale request of `owner` and starts a fresh one, which gets the
/// other owners' waiting requests again; the stale ones are dropped unanswered (their texts
/// are gone). `None` when the new worker cannot start.
fn restart_without(running: Running, owner: Owner) -> Option<Running> {
    running.worker.terminate();
    running.worker.set_onmessage(None);
    running.worker.set_onerror(None);
    let pending = running.pending.clone();
    pending.borrow_mut().retain(|_, job| job.owner != owner);
    let fresh = start(&running.spawn, pending, running.next)?;
    drop(running);
    let ok = fresh.pending.borrow().iter().all(|(&id, job)| post(&fresh.worker, id, &job.text));
    ok.then_some(fresh)
}

/// Sends `text` to the worker for `owner`, cancelling the owner's earlier request if it is
/// still running; `reply` gets the extraction and its time, or `None` when the worker failed
/// (then the caller extracts on the main thread). Returns `false`, without calling `reply`,
/// when there is no worker to ask.
pub fn request(owner: Owner, text: &str, reply: impl FnOnce(Option<(Extraction, f64)>) + 'static) -> bool {
    SLOT.with(|slot| {
        let mut slot = slot.borrow_mut();
        if let Slot::Url(spawn) = &*slot {
            *slot = match start(spawn, Rc::default(), 0) {
                Some(running) => Slot::Running(running),
                None => Slot::Failed,
            };
        }
        let stale =
            matches!(&*slot, Slot::Running(r) if r.pending.borrow().values().any(|j| j.owner == owner));
        if stale {
            let Slot::Running(running) = std::mem::take(&mut *slot) else { return false };
            *slot = restart_without(running, owner).map_or(Slot::Failed, Slot::Running);
        }
        let Slot::Running(running) = &mut *slot else { return false };
        let id = running.next;
        running.next = running.next.wrapping_add(1);
        if !post(&running.worker, id, text) {
            return false;
        }
        running.pending.borrow_mut().insert(id, Job { owner, text: text.to_owned(), reply: Box::new(reply) });
        true
    })
}
