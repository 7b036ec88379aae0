//! The page's side: starts the worker the first time a file is read (its own wasm, fetched
//! then, so the first page does not carry it), keeps it for the next files, and ends it when a
//! read is cancelled or overtaken. A worker that cannot start or answer is reported as
//! [`Outcome::Unavailable`], so the page can read the file itself ([`crate::on_page`]).

use crate::inbox::{next_of, Either, Inbox};
use crate::js::{describe, field, object, set_timeout};
use crate::keys;
use crate::readied::{Readied, PER_FILE_BYTE, PER_MESSAGE_BYTE, STEP_BYTES};
use crate::received::Received;
use js_sys::{Array, ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use pipelens_engine::ingest::{preview_start, Imported, ReadOptions};
use pipelens_engine::kpi::{self, Comparison};
use pipelens_engine::lang::Lang;
use pipelens_engine::wire;
use pipelens_engine::{Grain, Selection, Workspace};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, MessageEvent, Worker};

/// The worker's loader (`web/parse_worker_loader.js`), relative to the page.
const WORKER_URL: &str = "./parse_worker_loader.js";

/// The worker's module, as Trunk names it (the binary's name; workers get no content hash).
pub(crate) const MODULE_URL: &str = "./parse_worker_bg.wasm";

/// Largest file after which the worker is kept for the next read, in bytes: a worker's memory
/// never shrinks, so after a bigger file it is ended and the next read starts a fresh one.
const KEEP_AFTER_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// Smallest file read by two workers at once, in bytes: below it, a second worker's start and
/// the merge cost more than half a read saves.
pub const HALVES_FROM_BYTES: f64 = 24.0 * 1024.0 * 1024.0;

/// How long, in ms, a new worker may take to say it is ready.
const START_MS: i32 = 20_000;

/// Why the worker gave no read file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The file cannot be used, and why (the engine's words, naming the file).
    Failed(String),
    /// The file cannot be used as it was read: every row repeats a deal already loaded (most
    /// likely another export of the same deals), and the engine's words.
    Repeats(String),
    /// The browser stopped giving the file (moved, changed or deleted while read), and its
    /// reason ([`crate::js::browser_reason`]).
    BrowserRead(String),
    /// The read was cancelled or overtaken.
    Cancelled,
    /// The worker could not start or answer (why, for the console): read the file on the page
    /// ([`crate::on_page`]); there, the workers' module could not load or answer.
    Unavailable(String),
}

/// Why the file cannot be used, when a worker's message (or the module's answer on the page)
/// says so: `{failed, repeats, browser}`.
pub(crate) fn failure(message: &JsValue) -> Option<Outcome> {
    let why = field(message, keys::FAILED).as_string()?;
    let flag = |key| field(message, key).as_bool() == Some(true);
    Some(match () {
        _ if flag(keys::REPEATS) => Outcome::Repeats(why),
        _ if flag(keys::BROWSER) => Outcome::BrowserRead(why),
        _ => Outcome::Failed(why),
    })
}

/// What the worker said, or that it broke.
enum Message {
    Data(JsValue),
    Broken(String),
}

/// A started worker and its handlers.
struct Live {
    worker: Worker,
    inbox: Rc<Inbox<Message>>,
    /// Whether it said it is ready (set as the message arrives, read or not).
    ready: Rc<Cell<bool>>,
    /// Whether a read is under way.
    busy: Cell<bool>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    /// The worker that reads files (and the head of a file read in halves).
    static LIVE: RefCell<Option<Rc<Live>>> = const { RefCell::new(None) };
    /// The worker that reads the tail of a file read in halves.
    static TAIL: RefCell<Option<Rc<Live>>> = const { RefCell::new(None) };
    /// The workers' module, compiled once (a promise of it), see [`module`].
    static MODULE: RefCell<Option<Promise>> = const { RefCell::new(None) };
    /// The read the workers began on a guess, until [`read`] takes it (see [`guess`]).
    static GUESS: RefCell<Option<Guess>> = const { RefCell::new(None) };
    /// Whether a file has been asked for ([`warm`], which the page calls as a read begins):
    /// the figures' warm-up then stops (see [`warm_the_figures`]), leaving the page to the file.
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// The workers' module, compiled the first time by the browser as it arrives. Every worker is
/// given it, so all share its code: a browser first runs wasm from code compiled for a quick
/// start and optimises a function once it has run for a while, and a worker compiling its own
/// module did that again (a fresh tail, or the workers after a big file, compiled about 600 ms
/// of optimised code on the two cores they parsed on, 1M-row file, and parsed with slow code
/// meanwhile). Shared, what the warm-up made fast is fast in every worker.
pub(crate) fn module() -> Promise {
    MODULE.with(|m| {
        let mut m = m.borrow_mut();
        m.get_or_insert_with(|| {
            let scope: web_sys::Window = js_sys::global().unchecked_into();
            js_sys::WebAssembly::compile_streaming(&scope.fetch_with_str(MODULE_URL))
        })
        .clone()
    })
}

/// Starts a worker; one started with `warm_up` is asked, once it is ready, to read the made-up
/// file first (see [`prepare`]).
fn start(warm_up: bool) -> Result<Rc<Live>, String> {
    let worker = Worker::new(WORKER_URL).map_err(|e| describe(&e))?;
    // The loader's first message. A module that did not compile (a server sending it with
    // another type, say) leaves the worker to fetch its own; one ended meanwhile takes nothing.
    let given = worker.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let module = JsFuture::from(module()).await.unwrap_or(JsValue::UNDEFINED);
        let _ = given.post_message(&object(keys::MODULE, &module));
    });
    let inbox = Rc::new(Inbox::default());
    let ready = Rc::new(Cell::new(false));
    let on_message = {
        let (inbox, ready, worker) = (Rc::clone(&inbox), Rc::clone(&ready), worker.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if let Some(runs) = field(&data, keys::WARMED).dyn_ref::<Array>() {
                // The made-up file's message: read like a real one, to warm the page's reader
                // too, and its figures worked out, to warm the page's engine.
                if let Ok(imported) = wire::read_imported(&mut Received::new(runs)) {
                    wasm_bindgen_futures::spawn_local(warm_the_figures(imported));
                }
                return;
            }
            if let Some(head) = field(&data, keys::WARM_HEAD).dyn_ref::<ArrayBuffer>() {
                // Its start: the preview worked out as a picked file's is (the file goes on
                // past its start), and let go.
                let head = Uint8Array::new(head).to_vec();
                drop(preview_start("warm-up.csv", &head, 2 * head.len() as u64, 5, None));
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
    set_timeout(&timeout, START_MS);
    Ok(Rc::new(Live { worker, inbox, ready, busy: Cell::new(false), _on_message: on_message, _on_error: on_error }))
}

/// Works out every KPI over the made-up file, as a dashboard does (over the data's last 12
/// months and the period before, and month by month), a KPI a task while the page is idle,
/// until a file is asked for. The page's engine functions have then run long enough for the
/// browser to have optimised them when the user's first file comes: run first on a million
/// rows, the close-date index and the sweeps over the rows ran on the browser's quick-start code
/// from start to end (a function running keeps the code it started with).
async fn warm_the_figures(imported: Imported) {
    let mut ws = Workspace::default();
    ws.insert(imported.data, false);
    let Some(scope) = ws.default_scope() else { return };
    let sel = Selection::new(&ws, &scope.filters);
    let ctx = kpi::Ctx { ws: &ws, scope: scope.clone(), sel: &sel };
    let before = ctx.over(Comparison::Previous.period(scope.period));
    for def in kpi::CATALOG {
        next_task().await;
        if ASKED.get() {
            return;
        }
        drop((kpi::run(def, &ctx), kpi::run(def, &before), kpi::trend_in(def, &ctx, Grain::Month)));
    }
}

/// Resolves in a later task of the page.
async fn next_task() {
    let _ = JsFuture::from(Promise::new(&mut |resolve, _| set_timeout(&resolve, 0))).await;
}

/// Longest the page reads a message back in one task, in ms, before it gives the page a turn.
const READ_BACK_MS: f64 = 20.0;

/// The read file in the message `runs` hold, read a step at a time ([`wire::ImportedReader`]),
/// in a later task whenever one has read for [`READ_BACK_MS`] (each turn costs a few ms).
pub(crate) async fn read_back(runs: &Array) -> Result<Imported, Outcome> {
    let unreadable = |e: wire::WireError| Outcome::Unavailable(e.to_string());
    let mut source = Received::new(runs);
    let mut reader = wire::ImportedReader::new(&mut source).map_err(unreadable)?;
    let mut since = js_sys::Date::now();
    loop {
        if let Some(imported) = reader.step().map_err(unreadable)? {
            return Ok(imported);
        }
        if js_sys::Date::now() - since >= READ_BACK_MS {
            next_task().await;
            since = js_sys::Date::now();
        }
    }
}

/// Ends a worker: a read waiting for it wakes and ends.
fn end(live: Rc<Live>) {
    live.worker.set_onmessage(None);
    live.worker.set_onerror(None);
    live.worker.terminate();
    live.inbox.deliver(Message::Broken("stopped".into()));
}

/// Ends the workers (a read under way wakes and ends as cancelled).
pub fn stop() {
    if let Some(live) = LIVE.with(|l| l.borrow_mut().take()) {
        end(live);
    }
    stop_tail();
}

/// Ends the tail's worker.
fn stop_tail() {
    if let Some(live) = TAIL.with(|l| l.borrow_mut().take()) {
        end(live);
    }
}

/// Starts the worker if none is running, without waiting for it: the page calls this when a
/// read begins, so the worker's module is fetched and compiled while the page works out the
/// file's preview.
pub fn warm() {
    ASKED.set(true);
    if LIVE.with(|l| l.borrow().is_none()) {
        if let Ok(live) = start(false) {
            LIVE.with(|l| *l.borrow_mut() = Some(live));
        }
    }
}

/// Starts the workers, if none is running, and has the first read a made-up file (see
/// [`crate::warm_up`]; every worker shares its compiled code, see [`module`]): the page calls
/// this when a file may come soon and the page is idle (a while after the first page is drawn,
/// when the file picker opens, when a drag enters the page). A read asked for meanwhile waits
/// for the warm-up, about a hundred milliseconds.
pub fn prepare() {
    if LIVE.with(|l| l.borrow().is_none()) {
        if let Ok(live) = start(true) {
            LIVE.with(|l| *l.borrow_mut() = Some(live));
        }
    }
    if TAIL.with(|l| l.borrow().is_none()) {
        if let Ok(live) = start(false) {
            TAIL.with(|l| *l.borrow_mut() = Some(live));
        }
    }
}

/// The worker in `slot`, claimed for one read: started when there is none or it is busy
/// with an overtaken read (which then ends).
fn claim(slot: &'static std::thread::LocalKey<RefCell<Option<Rc<Live>>>>) -> Result<Rc<Live>, String> {
    let live = match slot.with(|l| l.borrow().clone()) {
        Some(live) if !live.busy.get() => live,
        _ => {
            if let Some(old) = slot.with(|l| l.borrow_mut().take()) {
                end(old);
            }
            let live = start(false)?;
            slot.with(|l| *l.borrow_mut() = Some(Rc::clone(&live)));
            live
        }
    };
    live.busy.set(true);
    // What it said before this read (that it is ready) is no news to the read.
    live.inbox.retain(|m| matches!(m, Message::Broken(_)));
    Ok(live)
}

/// The worker for a read, claimed and ready.
async fn worker() -> Result<Rc<Live>, String> {
    let live = claim(&LIVE)?;
    while !live.ready.get() {
        if let Message::Broken(why) = live.inbox.next().await {
            return Err(why);
        }
    }
    live.inbox.retain(|m| matches!(m, Message::Broken(_)));
    Ok(live)
}

/// `{blob, name, lang}`: what every request to read a file starts with (a worker's, and the
/// module's on the page, see [`crate::on_page`]).
pub(crate) fn request(blob: &Blob, name: &str, lang: Lang) -> Result<Object, JsValue> {
    let request = Object::new();
    Reflect::set(&request, &JsValue::from_str(keys::BLOB), blob)?;
    Reflect::set(&request, &JsValue::from_str(keys::NAME), &JsValue::from_str(name))?;
    Reflect::set(&request, &JsValue::from_str(keys::LANG), &JsValue::from_str(lang.code()))?;
    Ok(request)
}

/// Posts the request to read `blob`: its [`request`] with `{options}` (or `{guess: true}` when
/// `options` is `None`, see [`guess`]) and, for a read in halves, `extra` (`{cut}` or
/// `{from}`). The options go as an `ArrayBuffer`, transferred.
fn post_read(
    worker: &Worker,
    blob: &Blob,
    name: &str,
    lang: Lang,
    options: Option<&ReadOptions>,
    extra: Option<(&str, f64)>,
) -> Result<(), JsValue> {
    let request = request(blob, name, lang)?;
    let set = |k: &str, v: &JsValue| Reflect::set(&request, &JsValue::from_str(k), v).map(|_| ());
    let transfer = Array::new();
    match options {
        Some(options) => {
            let options = options_buffer(options);
            set(keys::OPTIONS, &options)?;
            transfer.push(&options);
        }
        None => set(keys::GUESS, &JsValue::TRUE)?,
    }
    if let Some((key, byte)) = extra {
        set(key, &JsValue::from_f64(byte))?;
    }
    worker.post_message_with_transfer(&request, &transfer)
}

/// Tells a worker reading on a guess how the file is to be read (`{confirm: options}`).
fn confirm(live: &Live, options: &ReadOptions) -> Result<(), JsValue> {
    let options = options_buffer(options);
    live.worker.post_message_with_transfer(&object(keys::CONFIRM, &options), &Array::of1(&options))
}

/// Read options as the worker takes them: a [`wire::encode_options`] message.
pub(crate) fn options_buffer(options: &ReadOptions) -> ArrayBuffer {
    Uint8Array::from(wire::encode_options(options).as_slice()).buffer()
}

/// A read the workers began on a guess (see [`guess`]): the file, its head and its tail.
struct Guess {
    blob: Blob,
    head: Rc<Live>,
    tail: Option<Rc<Live>>,
}

/// Has the workers begin reading `blob` as soon as it is picked, before the page has worked
/// out its preview and how to read it: as deals, headers mapped automatically (how most files
/// are read), answering only once [`read`] tells them how the page decided (carrying on, or
/// beginning again its way). Only workers readied and idle take a guess.
///
/// A guess [`read`] does not take (the user is asked to map the columns, the preview failed,
/// the load was cancelled) is ended with [`forget`], or by the next guess or read.
pub fn guess(blob: &Blob, name: &str, lang: Lang) {
    forget();
    let idle = |slot: &'static std::thread::LocalKey<RefCell<Option<Rc<Live>>>>| {
        slot.with(|l| l.borrow().clone()).filter(|l| l.ready.get() && !l.busy.get())
    };
    let cut = (blob.size() / 2.0).floor();
    let halves = blob.size() >= HALVES_FROM_BYTES;
    if let Some(head) = idle(&LIVE) {
        if post_read(&head.worker, blob, name, lang, None, halves.then_some((keys::CUT, cut))).is_ok() {
            let tail = idle(&TAIL)
                .filter(|t| halves && post_read(&t.worker, blob, name, lang, None, Some((keys::FROM, cut))).is_ok());
            for live in std::iter::once(&head).chain(&tail) {
                live.busy.set(true);
                live.inbox.retain(|m| matches!(m, Message::Broken(_)));
            }
            GUESS.with(|g| *g.borrow_mut() = Some(Guess { blob: blob.clone(), head, tail }));
        }
    }
}

/// Ends the workers of a guess no read took, if any.
pub fn forget() {
    if GUESS.with(|g| g.borrow_mut().take()).is_some() {
        stop();
    }
}

/// How the second half of a file read in two halves is getting on.
enum TailState {
    /// Its worker is starting.
    Starting(Rc<Live>),
    /// Its worker reads it.
    Reading(Rc<Live>),
    /// Its part, for the head once paused.
    Part(Array),
    /// No part will come (the tail failed, or the head no longer needs it).
    Gone,
}

/// Reads `blob` (named `name`) in the worker as `options` say, calling `progress(rows, bytes)`
/// as it goes and stopping when `keep_going()` turns false; why the file cannot be used comes
/// in `lang`. A file of at least [`HALVES_FROM_BYTES`] is read by two workers at once, each a
/// half (see [`crate::serve`]).
pub async fn read(
    blob: &Blob,
    name: &str,
    lang: Lang,
    options: &ReadOptions,
    mut progress: impl FnMut(usize, f64),
    keep_going: impl Fn() -> bool,
) -> Result<Imported, Outcome> {
    // A read begun on this file's guess goes on, told how the page decided; another file's ends.
    let guessed = GUESS.with(|g| g.borrow_mut().take_if(|g| js_sys::Object::is(&g.blob, blob)));
    forget();
    let live = match &guessed {
        Some(g) => Ok(Rc::clone(&g.head)),
        None => worker().await,
    };
    let live = match live {
        Ok(live) => live,
        Err(why) => {
            stop();
            return Err(if keep_going() { Outcome::Unavailable(why) } else { Outcome::Cancelled });
        }
    };
    if !keep_going() {
        // A worker reading on a guess is stopped; one just claimed was asked nothing yet.
        match guessed {
            Some(_) => stop(),
            None => live.busy.set(false),
        }
        return Err(Outcome::Cancelled);
    }
    let cut = (blob.size() / 2.0).floor();
    let mut tail = match (guessed.as_ref().and_then(|g| g.tail.clone()), blob.size() >= HALVES_FROM_BYTES) {
        (Some(t), _) => TailState::Reading(t),
        (None, true) => claim(&TAIL).map_or(TailState::Gone, TailState::Starting),
        (None, false) => TailState::Gone,
    };
    let halves = !matches!(tail, TailState::Gone);
    // Memory for the columns (see `Readied`), as much as the file's size suggests until the
    // tail's part says more.
    let mut readied = Readied::default();
    readied.aim(blob.size(), (blob.size() * PER_FILE_BYTE) as usize);
    let asked = match &guessed {
        Some(_) => confirm(&live, options),
        None => post_read(&live.worker, blob, name, lang, Some(options), halves.then_some((keys::CUT, cut))),
    };
    if let Err(e) = asked {
        stop();
        return Err(Outcome::Unavailable(describe(&e)));
    }
    if let TailState::Reading(t) = &tail {
        if confirm(t, options).is_err() {
            stop_tail();
            tail = TailState::Gone;
        }
    }
    // A tail's worker readied earlier starts at once; a new one once it says it is ready.
    if let TailState::Starting(t) = &tail {
        if t.ready.get() {
            tail = match post_read(&t.worker, blob, name, lang, Some(options), Some((keys::FROM, cut))) {
                Ok(()) => TailState::Reading(Rc::clone(t)),
                Err(_) => TailState::Gone,
            };
        }
    }
    // Rows and bytes read by the head and by the tail; once the head has the tail's part, its
    // own count takes the part's rows in, so it is no longer added.
    let (mut head_done, mut tail_done) = ((0, 0.0), (0, 0.0));
    let (mut paused, mut handed) = (false, false);
    // When the head paused and when the tail's part came (ms), for the console: which half
    // waited for the other, and how long.
    let (mut paused_at, mut part_at) = (0.0, 0.0);
    let outcome = loop {
        let (side, message) = match &tail {
            TailState::Starting(t) | TailState::Reading(t) => next_of(&live.inbox, &t.inbox).await,
            TailState::Part(_) | TailState::Gone => (Either::First, live.inbox.next().await),
        };
        if !keep_going() {
            stop();
            break Err(Outcome::Cancelled);
        }
        if side == Either::Second {
            tail = match (std::mem::replace(&mut tail, TailState::Gone), message) {
                (TailState::Starting(t), Message::Data(d)) if field(&d, keys::READY).as_bool() == Some(true) => {
                    match post_read(&t.worker, blob, name, lang, Some(options), Some((keys::FROM, cut))) {
                        Ok(()) => TailState::Reading(t),
                        Err(_) => TailState::Gone,
                    }
                }
                (state @ (TailState::Starting(_) | TailState::Reading(_)), Message::Data(d))
                    if field(&d, keys::PART).is_undefined() && field(&d, keys::FAILED).is_undefined() =>
                {
                    let number = |k: &str| field(&d, k).as_f64().unwrap_or(0.0);
                    tail_done = (number(keys::ROWS) as usize, number(keys::READ));
                    state
                }
                // The part is the page's now; the tail's worker, done, is let go.
                (_, Message::Data(d)) => match field(&d, keys::PART).dyn_into::<Array>() {
                    Ok(runs) => {
                        // The whole message holds about as much per byte of the file as the part.
                        let part: f64 =
                            runs.iter().map(|r| r.unchecked_into::<ArrayBuffer>().byte_length() as f64).sum();
                        let message = part * blob.size() / (blob.size() - cut).max(1.0);
                        readied.aim(blob.size(), (message * PER_MESSAGE_BYTE) as usize);
                        readied.step(4 * STEP_BYTES);
                        part_at = js_sys::Date::now();
                        TailState::Part(runs)
                    }
                    Err(_) => TailState::Gone,
                },
                (_, Message::Broken(_)) => TailState::Gone,
            };
            if matches!(tail, TailState::Part(_) | TailState::Gone) {
                stop_tail();
            }
            if matches!(tail, TailState::Gone) {
                // The head reads those rows itself: they count once, when it does.
                tail_done = (0, 0.0);
            }
        } else {
            let data = match message {
                Message::Data(d) => d,
                Message::Broken(why) => {
                    stop();
                    break Err(Outcome::Unavailable(why));
                }
            };
            if let Some(runs) = field(&data, keys::DONE).dyn_ref::<Array>() {
                // A tail still reading is not needed now; one readied for the next big file is
                // kept (ending a worker holds the page up for a few ms).
                if halves {
                    stop_tail();
                }
                // The runs are the page's now: a worker that read a big file is ended before
                // they are read, so its memory is let go before the page's grows.
                if blob.size() > KEEP_AFTER_BYTES {
                    stop();
                }
                // Given back now, the readied memory is what the columns are read into.
                drop(readied);
                break read_back(runs).await;
            }
            if let Some(failed) = failure(&data) {
                if halves {
                    stop_tail();
                }
                break Err(failed);
            }
            if field(&data, keys::PAUSED).as_f64().is_some() {
                paused = true;
                paused_at = js_sys::Date::now();
            } else if let Some(why) = field(&data, keys::MERGED).as_string() {
                let how = match why.as_str() {
                    "" => format!(
                        "pipelens: {name} read in two halves at once; the tail's part came {:+.0} ms after the head paused",
                        part_at - paused_at
                    ),
                    why => {
                        // The head reads the rest itself: its count is the whole count again.
                        (handed, tail_done) = (false, (0, 0.0));
                        format!("pipelens: {name} read by one worker after its first half ({why})")
                    }
                };
                web_sys::console::debug_1(&how.into());
            } else if !handed {
                let number = |k: &str| field(&data, k).as_f64().unwrap_or(0.0);
                head_done = (number(keys::ROWS) as usize, number(keys::READ));
            }
        }
        // A paused head gets the part once it is here, or reads on once none will come.
        if paused {
            let order = match std::mem::replace(&mut tail, TailState::Gone) {
                TailState::Part(runs) => {
                    handed = true;
                    Some((object(keys::TAIL, &runs), runs))
                }
                TailState::Gone => Some((object(keys::RESUME, &JsValue::TRUE), Array::new())),
                waiting => {
                    tail = waiting;
                    None
                }
            };
            if let Some((order, transfer)) = order {
                paused = false;
                if let Err(e) = live.worker.post_message_with_transfer(&order, &transfer) {
                    stop();
                    break Err(Outcome::Unavailable(describe(&e)));
                }
            }
        }
        progress(head_done.0 + tail_done.0, head_done.1 + tail_done.1);
        readied.step(STEP_BYTES);
    };
    live.busy.set(false);
    outcome
}
