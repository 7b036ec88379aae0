//! The page's side: starts the worker the first time a file is read (its own wasm, fetched
//! then, so the first page does not carry it), keeps it for the next files, and ends it when a
//! read is cancelled or overtaken. A worker that cannot start or answer is reported as
//! [`Outcome::Unavailable`], so the page can read the file itself.

use crate::js::{describe, field, object};
use crate::keys;
use crate::received::Received;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use pipelens_engine::ingest::{Imported, ReadOptions};
use pipelens_engine::wire;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, MessageEvent, Worker};

/// The worker's loader, as Trunk names it (the binary's name; workers get no content hash),
/// relative to the page.
const WORKER_URL: &str = "./parse_worker_loader.js";

/// Largest file after which the worker is kept for the next read, in bytes: a worker's memory
/// never shrinks, so after a bigger file it is ended and the next read starts a fresh one.
const KEEP_AFTER_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// How long, in ms, a new worker may take to say it is ready.
const START_MS: i32 = 20_000;

/// Why the worker gave no read file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The file cannot be used, and why (the engine's words, naming the file).
    Failed(String),
    /// The read was cancelled or overtaken.
    Cancelled,
    /// The worker could not start or answer (why, for the console): read the file on the page.
    Unavailable(String),
}

/// What the worker said, or that it broke.
enum Message {
    Data(JsValue),
    Broken(String),
}

/// The worker's messages, waited for one at a time.
#[derive(Default)]
struct Inbox {
    queue: RefCell<VecDeque<Message>>,
    wake: RefCell<Option<Function>>,
}

impl Inbox {
    fn deliver(&self, message: Message) {
        self.queue.borrow_mut().push_back(message);
        if let Some(wake) = self.wake.borrow_mut().take() {
            let _ = wake.call0(&JsValue::NULL);
        }
    }

    /// Drops what the worker said that no one has read yet, keeping that it broke.
    fn drop_news(&self) {
        self.queue.borrow_mut().retain(|m| matches!(m, Message::Broken(_)));
    }

    async fn next(&self) -> Message {
        loop {
            if let Some(m) = self.queue.borrow_mut().pop_front() {
                return m;
            }
            let wait = Promise::new(&mut |resolve, _| *self.wake.borrow_mut() = Some(resolve));
            let _ = JsFuture::from(wait).await;
        }
    }
}

/// A started worker and its handlers.
struct Live {
    worker: Worker,
    inbox: Rc<Inbox>,
    /// Whether it said it is ready (set as the message arrives, read or not).
    ready: Rc<Cell<bool>>,
    /// Whether a read is under way.
    busy: Cell<bool>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static LIVE: RefCell<Option<Rc<Live>>> = const { RefCell::new(None) };
}

/// Starts a worker; one started with `warm_up` is asked, once it is ready, to read the made-up
/// file first (see [`prepare`]).
fn start(warm_up: bool) -> Result<Rc<Live>, String> {
    let worker = Worker::new(WORKER_URL).map_err(|e| describe(&e))?;
    let inbox = Rc::new(Inbox::default());
    let ready = Rc::new(Cell::new(false));
    let on_message = {
        let (inbox, ready, worker) = (Rc::clone(&inbox), Rc::clone(&ready), worker.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if let Some(runs) = field(&data, keys::WARMED).dyn_ref::<Array>() {
                // The made-up file's message: read like a real one, to warm the page's reader
                // too, and let go.
                drop(wire::read_imported(&mut Received::new(runs)));
                return;
            }
            if field(&data, keys::READY).as_bool() == Some(true) {
                ready.set(true);
                if warm_up {
                    // Asked only now: messages sent before the worker is ready are lost. A
                    // worker that cannot take it fails the next read too, which then says why.
                    let _ = worker.post_message(&object(keys::WARM, &JsValue::TRUE));
                }
            }
            inbox.deliver(Message::Data(data));
        })
    };
    let on_error = {
        let inbox = Rc::clone(&inbox);
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            // Handled here: not an error of the page (web/boot.js would show its crash panel).
            event.prevent_default();
            let why =
                event.dyn_ref::<web_sys::ErrorEvent>().map_or_else(|| "the worker failed".into(), |e| e.message());
            inbox.deliver(Message::Broken(why));
        })
    };
    // Owned by the timer, not by `Live`: it may fire after this worker has been ended.
    let timeout = {
        let (inbox, ready) = (Rc::clone(&inbox), Rc::clone(&ready));
        Closure::once_into_js(move || {
            if !ready.get() {
                inbox.deliver(Message::Broken("the worker did not start".into()));
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let set_timeout = Reflect::get(&js_sys::global(), &JsValue::from_str("setTimeout"));
    if let Ok(set_timeout) = set_timeout.and_then(|f| f.dyn_into::<Function>()) {
        let _ = set_timeout.call2(&JsValue::NULL, &timeout, &JsValue::from(START_MS));
    }
    Ok(Rc::new(Live { worker, inbox, ready, busy: Cell::new(false), _on_message: on_message, _on_error: on_error }))
}

/// Ends the worker (a read under way wakes and ends as cancelled).
pub fn stop() {
    if let Some(live) = LIVE.with(|l| l.borrow_mut().take()) {
        live.worker.set_onmessage(None);
        live.worker.set_onerror(None);
        live.worker.terminate();
        live.inbox.deliver(Message::Broken("stopped".into()));
    }
}

/// Starts the worker if none is running, without waiting for it: the page calls this when a
/// read begins, so the worker's module is fetched and compiled while the page works out the
/// file's preview.
pub fn warm() {
    if LIVE.with(|l| l.borrow().is_none()) {
        if let Ok(live) = start(false) {
            LIVE.with(|l| *l.borrow_mut() = Some(live));
        }
    }
}

/// Starts the worker, if none is running, and has it read a made-up file first (see
/// [`crate::warm_up`]): the page calls this when a file may come soon and the page is idle (a
/// while after the first page is drawn, when the file picker opens, when a drag enters the
/// page). A read asked for meanwhile waits for the warm-up, a few tens of milliseconds.
pub fn prepare() {
    if LIVE.with(|l| l.borrow().is_none()) {
        if let Ok(live) = start(true) {
            LIVE.with(|l| *l.borrow_mut() = Some(live));
        }
    }
}

/// The live worker, ready and claimed for one read: started (and waited for) when there is
/// none or it is busy with an overtaken read (which then ends).
async fn worker() -> Result<Rc<Live>, String> {
    let live = match LIVE.with(|l| l.borrow().clone()) {
        Some(live) if !live.busy.get() => live,
        _ => {
            stop();
            let live = start(false)?;
            LIVE.with(|l| *l.borrow_mut() = Some(Rc::clone(&live)));
            live
        }
    };
    live.busy.set(true);
    while !live.ready.get() {
        if let Message::Broken(why) = live.inbox.next().await {
            return Err(why);
        }
    }
    // What it said before this read (that it is ready) is no news to the read.
    live.inbox.drop_news();
    Ok(live)
}

/// Reads `blob` (named `name`) in the worker as `options` say, calling `progress(rows, bytes)`
/// as it goes and stopping when `keep_going()` turns false.
pub async fn read(
    blob: &Blob,
    name: &str,
    options: &ReadOptions,
    mut progress: impl FnMut(usize, f64),
    keep_going: impl Fn() -> bool,
) -> Result<Imported, Outcome> {
    let live = match worker().await {
        Ok(live) => live,
        Err(why) => {
            stop();
            return Err(if keep_going() { Outcome::Unavailable(why) } else { Outcome::Cancelled });
        }
    };
    if !keep_going() {
        live.busy.set(false);
        return Err(Outcome::Cancelled);
    }
    let request = Object::new();
    let options = Uint8Array::from(wire::encode_options(options).as_slice()).buffer();
    let set = |k: &str, v: &JsValue| Reflect::set(&request, &JsValue::from_str(k), v).map(|_| ());
    let posted = set(keys::BLOB, blob)
        .and_then(|_| set(keys::NAME, &JsValue::from_str(name)))
        .and_then(|_| set(keys::OPTIONS, &options))
        .and_then(|_| live.worker.post_message_with_transfer(&request, &Array::of1(&options)));
    if let Err(e) = posted {
        stop();
        return Err(Outcome::Unavailable(describe(&e)));
    }
    let outcome = loop {
        let message = live.inbox.next().await;
        if !keep_going() {
            stop();
            break Err(Outcome::Cancelled);
        }
        let data = match message {
            Message::Data(d) => d,
            Message::Broken(why) => {
                stop();
                break Err(Outcome::Unavailable(why));
            }
        };
        if let Some(runs) = field(&data, keys::DONE).dyn_ref::<Array>() {
            // The runs are the page's now: a worker that read a big file is ended before they
            // are read, so its memory is let go before the page's grows.
            if blob.size() > KEEP_AFTER_BYTES {
                stop();
            }
            let mut source = Received::new(runs);
            break wire::read_imported(&mut source).map_err(|e| Outcome::Unavailable(e.to_string()));
        }
        if let Some(why) = field(&data, keys::FAILED).as_string() {
            break Err(Outcome::Failed(why));
        }
        let number = |k: &str| field(&data, k).as_f64().unwrap_or(0.0);
        progress(number(keys::ROWS) as usize, number(keys::READ));
    };
    live.busy.set(false);
    outcome
}
