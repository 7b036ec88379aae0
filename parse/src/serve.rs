//! The worker's side. For each request `{blob, name, options}` it reads the file through a
//! [`Session`] in slices, the next slice read by the browser while the engine parses this one;
//! posts `{rows, read}` every [`PROGRESS_MS`], and ends with `{done: [ArrayBuffer, …]}` (the
//! read file as a wire message in runs, transferred) or `{failed: "why"}`.
//!
//! A big file is read by two workers at once (see [`crate::client`]):
//! - the **head** (`cut` in the request) reads from the start and pauses at the first record
//!   past byte `cut`, posting `{paused: boundary}`; then it waits for `{tail: [ArrayBuffer, …]}`
//!   (the tail's part, which it absorbs) or `{resume: true}` (it reads the rest itself), and
//!   ends as above;
//! - the **tail** (`from` in the request) reads the file's first bytes, to read it alike, then
//!   the file from byte `from`, and ends with `{part: [ArrayBuffer, …]}` or `{failed: "why"}`.
//!
//! A request may carry `{guess: true}` in place of the options: the page sends it as soon as a
//! file is picked, before it has worked out the file's preview and how to read it. The worker
//! reads the file as most are read, deals with their headers mapped automatically; it posts
//! progress but holds every other answer until `{confirm: options}` comes, carrying on when
//! they are the guessed ones and beginning again with them when not.
//!
//! When no worker can read a file, the page loads this module itself and reads the file on its
//! own thread through [`on_page`], with the same requests and answers (see
//! [`crate::on_page`]); a request may then carry `{explain: "why"}`: read the whole file only
//! to say why it cannot be used, bytes that do not decode or else `why` (the page's preview).

use crate::inbox::Inbox;
use crate::js::{browser_reason, field, object};
use crate::keys;
use crate::received::Received;
use crate::{warm_up, FIRST_SLICE_BYTES, PROGRESS_MS, SLICE_BYTES, STEP_ROWS};
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use pipelens_engine::ingest::{read_in_halves, DatasetKind, ReadOptions, Session, Slice, Step, Tail, TailStep};
use pipelens_engine::lang::Lang;
use pipelens_engine::wire::{self, Sink};
use pipelens_engine::ImportError;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

/// Rows a read on the page's own thread (see [`on_page`]) reads between two looks at the clock.
const PAGE_STEP_ROWS: usize = 10_000;

/// How often, in ms, a read on the page's own thread gives the page a turn (a paint of the
/// progress bar, a click on Cancel).
const PAGE_TURN_MS: f64 = 40.0;

/// Bytes of the file's start a tail reads first, to read the file as the head does: the
/// header, the rows the columns are mapped from, the key column's probe and the code-page
/// detector's sample.
const HEAD_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// Bytes past the cut a head's slices stop at until it has paused (see [`Slices`]).
const PAST_CUT_BYTES: f64 = 256.0 * 1024.0;

/// Installs the message handler and the code-page decoders, and tells the page it is ready.
pub fn start() {
    crate::text_decoder::install();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    // What the page tells a read under way: how to read the file (after a guess), and, a paused
    // head, the tail's part or to read on.
    let orders = Rc::new(Inbox::<JsValue>::default());
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let (scope, data) = (replies.clone(), event.data());
        if field(&data, keys::WARM).as_bool() == Some(true) {
            // Two messages, so the page reads them back in two tasks.
            let (Runs { out: runs, .. }, head) = warm();
            let _ = scope.post_message_with_transfer(&object(keys::WARMED, &runs), &runs);
            let _ = scope.post_message_with_transfer(&object(keys::WARM_HEAD, &head), &Array::of1(&head));
            return;
        }
        let order = [keys::TAIL, keys::RESUME, keys::CONFIRM];
        if order.iter().any(|k| !field(&data, k).is_undefined()) {
            orders.deliver(data);
            return;
        }
        let orders = Rc::clone(&orders);
        wasm_bindgen_futures::spawn_local(async move {
            let (reply, transfer) = match answer(Teller::Worker(&scope), &data, &orders).await {
                Ok((key, Runs { out: runs, .. })) => (object(key, &runs), runs),
                Err(failure) => (failure.message(), Array::new()),
            };
            // A reply that cannot be posted leaves the page to its error handler; no one else to tell.
            let _ = scope.post_message_with_transfer(&reply, &transfer);
        });
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    let _ = scope.post_message(&object(keys::READY, &JsValue::TRUE));
}

/// A wire message as the runs the engine writes it in: each copied once out of the worker's
/// memory, and transferred, never copied again. A whole run is copied into a buffer of the
/// file's slices when one is spare (see [`Slices::spent`]): memory the browser has written is
/// in place, where a new buffer's pages are faulted in one by one as the run is copied in
/// (about 30 ms of the head's message at a million rows).
struct Runs {
    out: Array,
    spare: Vec<ArrayBuffer>,
}

impl Runs {
    /// Runs copied into new buffers only.
    fn new() -> Runs {
        Runs::reusing(Vec::new())
    }

    /// Runs copied into the `spare` buffers of [`wire::RUN_BYTES`] while they last.
    fn reusing(spare: Vec<ArrayBuffer>) -> Runs {
        Runs { out: Array::new(), spare }
    }
}

impl Sink for Runs {
    fn write(&mut self, bytes: &[u8]) {
        // Only a whole run fills a spare buffer (the last run is shorter).
        let spare = if bytes.len() == wire::RUN_BYTES { self.spare.pop() } else { None };
        let buffer = match spare {
            Some(buffer) => {
                Uint8Array::new(&buffer).copy_from(bytes);
                buffer
            }
            None => Uint8Array::from(bytes).buffer(),
        };
        self.out.push(&buffer);
    }
}

/// Reads the [`warm_up`] file, at once (a read asked for meanwhile waits), in small steps, in
/// two halves as a big file is read (the tail's part carried through a message's runs and read
/// back), and writes it as the page's message; also gives its start, for the page's preview.
fn warm() -> (Runs, ArrayBuffer) {
    let csv = warm_up::deals_csv(warm_up::ROWS);
    let mut runs = Runs::new();
    // Made up to be read whole: a failure would only mean less of the code was warmed.
    let carry = |part, head: &mut Session| {
        let mut runs = Runs::new();
        wire::write_tail_part(&part, &mut runs);
        drop(part);
        wire::absorb_tail_part(&mut Received::new(&runs.out), head)
    };
    let (steps, options) = ((warm_up::SLICE_BYTES, STEP_ROWS), ReadOptions::new(DatasetKind::Deals));
    if let Some(imported) = read_in_halves("warm-up.csv", csv.as_bytes(), HEAD_BYTES as usize, steps, options, carry) {
        wire::write_imported(&imported, &mut runs);
    }
    let head = csv.as_bytes().get(..warm_up::HEAD_BYTES).unwrap_or(csv.as_bytes());
    (runs, Uint8Array::from(head).buffer())
}

/// The slices of a file from a byte on, each read by the browser while the one before it is
/// parsed: the first [`FIRST_SLICE_BYTES`] long, each after as long as all before it, up to
/// [`SLICE_BYTES`]. A slice ends at the `pause` byte, if any, and the one after it is asked
/// for only when wanted: a head pushed past its boundary only decodes text it may never use.
struct Slices {
    blob: Blob,
    size: f64,
    /// Where the slices began.
    from: f64,
    /// Where the next slice to ask for starts.
    next: f64,
    pause: Option<f64>,
    /// The read under way, and where its slice ends.
    ahead: Option<(JsFuture, f64)>,
    /// The buffer of the slice last given, and the latest buffers of full slices already
    /// parsed (at most [`SPENT_SLICES`]), for the message's runs.
    given: Option<ArrayBuffer>,
    spent: Vec<ArrayBuffer>,
}

/// Buffers of parsed slices kept for the message's runs (see [`Runs`]): 64 MiB, about what a
/// half of a 1M-row deals file's message takes.
const SPENT_SLICES: usize = 8;

// A full slice's buffer holds a run exactly.
const _: () = assert!(SLICE_BYTES as usize == wire::RUN_BYTES);

impl Slices {
    fn of(blob: &Blob, from: f64, pause: Option<f64>) -> Result<Slices, JsValue> {
        let (given, spent) = (None, Vec::new());
        let mut slices =
            Slices { blob: blob.clone(), size: blob.size(), from, next: from, pause, ahead: None, given, spent };
        slices.ask()?;
        Ok(slices)
    }

    fn ask(&mut self) -> Result<(), JsValue> {
        let start = self.next;
        if start >= self.size {
            return Ok(());
        }
        let mut end = (start + (start - self.from).clamp(FIRST_SLICE_BYTES, SLICE_BYTES)).min(self.size);
        if let Some(pause) = self.pause.filter(|&p| p > start) {
            end = end.min(pause);
        }
        let bytes = JsFuture::from(self.blob.slice_with_f64_and_f64(start, end)?.array_buffer());
        self.ahead = Some((bytes, end));
        self.next = end;
        Ok(())
    }

    /// The next slice and whether it is the last; nothing and `true` past the end.
    async fn next(&mut self) -> Result<(Read, bool), JsValue> {
        if self.ahead.is_none() {
            self.ask()?;
        }
        // The slice given before has been parsed by now.
        self.spend_given();
        let Some((bytes, end)) = self.ahead.take() else { return Ok((Read(Uint8Array::new_with_length(0)), true)) };
        let buffer: ArrayBuffer = bytes.await?.unchecked_into();
        self.given = Some(buffer.clone());
        let bytes = Read(Uint8Array::new(&buffer));
        if Some(end) != self.pause {
            self.ask()?;
        }
        Ok((bytes, end >= self.size))
    }

    /// The buffers of full slices, every one parsed (the read is over), to copy the message's
    /// runs into.
    fn spent(mut self) -> Vec<ArrayBuffer> {
        self.spend_given();
        self.spent
    }

    /// Keeps the buffer of the slice last given, parsed, when it is a full one (the latest
    /// [`SPENT_SLICES`] are kept).
    fn spend_given(&mut self) {
        if let Some(buffer) = self.given.take().filter(|b| b.byte_length() as usize == wire::RUN_BYTES) {
            if self.spent.len() == SPENT_SLICES {
                self.spent.remove(0);
            }
            self.spent.push(buffer);
        }
    }
}

/// A slice as the browser read it, copied into the engine's memory only where the read keeps
/// it: straight into the text of a file that is ASCII or UTF-8 (no copy of its own first).
struct Read(Uint8Array);

impl Slice for Read {
    fn len(&self) -> usize {
        self.0.length() as usize
    }

    fn append_to(&self, out: &mut Vec<u8>) {
        let (at, n) = (out.len(), self.len());
        out.reserve(n);
        self.0.copy_to_uninit(&mut out.spare_capacity_mut()[..n]);
        // SAFETY: the `n` bytes after the length were written just now.
        unsafe { out.set_len(at + n) };
    }
}

/// Whom a read tells how it is getting on, and whose thread it runs on.
#[derive(Clone, Copy)]
enum Teller<'s> {
    /// The page, by message, from a worker: the thread is the read's alone.
    Worker(&'s DedicatedWorkerGlobalScope),
    /// The page's own thread (see [`on_page`]): `tell` is called with what a worker would post,
    /// the read gives the page a turn every [`PAGE_TURN_MS`] and stops once `keep_going()`
    /// answers false.
    Page { tell: &'s js_sys::Function, keep_going: &'s js_sys::Function },
}

impl Teller<'_> {
    fn post(self, message: &JsValue) {
        // A message that cannot be posted (or a callback that throws) tells the page less, no more.
        let _ = match self {
            Teller::Worker(scope) => scope.post_message(message),
            Teller::Page { tell, .. } => tell.call1(&JsValue::NULL, message).map(drop),
        };
    }

    /// Rows to read between two looks at the clock.
    fn step_rows(self) -> usize {
        match self {
            Teller::Worker(_) => STEP_ROWS,
            Teller::Page { .. } => PAGE_STEP_ROWS,
        }
    }
}

/// Tells the page `{rows, read}` at most every [`PROGRESS_MS`]; on the page's thread, gives it
/// its turns too.
struct Progress<'s> {
    to: Teller<'s>,
    said: f64,
    turned: f64,
}

impl<'s> Progress<'s> {
    fn new(to: Teller<'s>) -> Progress<'s> {
        let now = js_sys::Date::now();
        Progress { to, said: now, turned: now }
    }

    fn say(&mut self, rows: usize, read: u64) {
        if js_sys::Date::now() - self.said < PROGRESS_MS {
            return;
        }
        let progress = Object::new();
        let _ = Reflect::set(&progress, &JsValue::from_str(keys::ROWS), &JsValue::from_f64(rows as f64));
        let _ = Reflect::set(&progress, &JsValue::from_str(keys::READ), &JsValue::from_f64(read as f64));
        self.to.post(&progress);
        self.said = js_sys::Date::now();
    }

    /// On the page's thread, a turn for the page once the read has held it for
    /// [`PAGE_TURN_MS`]; [`Stop::Cancelled`] when the page no longer wants the file. Nothing
    /// in a worker.
    async fn turn(&mut self) -> Result<(), Stop> {
        let Teller::Page { keep_going, .. } = self.to else { return Ok(()) };
        if js_sys::Date::now() - self.turned >= PAGE_TURN_MS {
            next_task().await;
            self.turned = js_sys::Date::now();
        }
        match keep_going.call0(&JsValue::NULL).map(|k| k.as_bool()) {
            Ok(Some(true)) => Ok(()),
            _ => Err(Stop::Cancelled),
        }
    }
}

/// Resolves in a later task.
async fn next_task() {
    let later = js_sys::Promise::new(&mut |resolve, _| crate::js::set_timeout(&resolve, 0));
    let _ = JsFuture::from(later).await;
}

/// Reads a file on the page's own thread, as a worker would (the export `read_on_page` of the
/// worker's module, see `src/bin/parse_worker.rs` and [`crate::on_page`]): `request` is what
/// a worker is posted, `tell` is called with what it would post back while reading, and the
/// read stops once `keep_going()` answers false. Gives the runs of the read file (what a
/// worker posts under `done`), or why the file cannot be used (what a worker posts then,
/// `{failed, repeats}`).
pub async fn on_page(request: JsValue, tell: js_sys::Function, keep_going: js_sys::Function) -> Result<Array, JsValue> {
    let orders = Inbox::default();
    let to = Teller::Page { tell: &tell, keep_going: &keep_going };
    answer(to, &request, &orders).await.map(|(_, runs)| runs.out).map_err(|failure| failure.message())
}

/// Why a file cannot be used, as the page is told it.
struct Failure {
    /// In words a user can act on, in the request's language (the browser's own reason when
    /// `browser`).
    words: String,
    /// Whether every row repeats a deal already loaded.
    repeats: bool,
    /// Whether the browser stopped giving the file.
    browser: bool,
}

impl Failure {
    fn said(words: String) -> Failure {
        Failure { words, repeats: false, browser: false }
    }

    /// `{failed: words}`, with `repeats: true` when every row repeats a loaded deal and
    /// `browser: true` when the browser stopped giving the file.
    fn message(&self) -> JsValue {
        let message = object(keys::FAILED, &JsValue::from_str(&self.words));
        for (flag, key) in [(self.repeats, keys::REPEATS), (self.browser, keys::BROWSER)] {
            if flag {
                let _ = Reflect::set(&message, &JsValue::from_str(key), &JsValue::TRUE);
            }
        }
        message
    }
}

/// Answers a request: the read file (or, for a tail, its part) as a wire message with the key
/// it goes under, or why the file cannot be used.
async fn answer(to: Teller<'_>, request: &JsValue, orders: &Inbox<JsValue>) -> Result<(&'static str, Runs), Failure> {
    let blob: Blob =
        field(request, keys::BLOB).dyn_into().map_err(|_| Failure::said("the page sent no file".into()))?;
    let lang = field(request, keys::LANG).as_string().and_then(|code| Lang::from_tag(&code)).unwrap_or(Lang::En);
    let name = field(request, keys::NAME).as_string().unwrap_or_default();
    let explain = field(request, keys::EXPLAIN).as_string();
    let options = match (field(request, keys::GUESS).as_bool(), &explain) {
        (Some(true), _) => None,
        // Only checked for bytes that do not decode: read as nothing in particular.
        (_, Some(_)) => Some(ReadOptions::new(DatasetKind::Deals)),
        _ => Some(options_in(request, keys::OPTIONS).map_err(Failure::said)?),
    };
    let mut plan = Plan { name: &name, options, guessed: None, orders };
    loop {
        let progress = Progress::new(to);
        let read = match (field(request, keys::FROM).as_f64(), &explain) {
            (Some(from), _) => read_tail(&blob, &mut plan, from, progress).await.map(|runs| (keys::PART, runs)),
            (None, Some(why)) => {
                let error = ImportError::Reported { message: why.clone() };
                let session = Session::explain(&name, blob.size() as u64, error);
                read_whole(&blob, &mut plan, session, None, progress).await.map(|runs| (keys::DONE, runs))
            }
            (None, None) => {
                let session = Session::new(&name, blob.size() as u64, plan.options());
                let cut = field(request, keys::CUT).as_f64();
                read_whole(&blob, &mut plan, session, cut, progress).await.map(|runs| (keys::DONE, runs))
            }
        };
        match read {
            // The page decided otherwise than guessed: read again, its way.
            Err(Stop::Again(options)) => plan = Plan { options: Some(options), guessed: None, ..plan },
            read => return read.map_err(|e| e.failure(lang)),
        }
    }
}

/// The read options a message carries under `key`.
fn options_in(message: &JsValue, key: &str) -> Result<ReadOptions, String> {
    let options: ArrayBuffer =
        field(message, key).dyn_into().map_err(|_| "the page sent no read options".to_owned())?;
    wire::decode_options(&Uint8Array::new(&options).to_vec()).map_err(|e| e.to_string())
}

/// How a read goes: with the page's options, or on a guess the page has yet to confirm.
struct Plan<'o> {
    /// The file's name.
    name: &'o str,
    /// The page's options; `None` until then for a read begun on a guess.
    options: Option<ReadOptions>,
    /// The guessed options, until the page confirms them.
    guessed: Option<ReadOptions>,
    /// What the page tells the read: its options after a guess, a paused head's next move.
    orders: &'o Inbox<JsValue>,
}

impl Plan<'_> {
    /// The options to read with: the page's, or, until they come, the guess: deals, their
    /// headers mapped automatically.
    fn options(&mut self) -> ReadOptions {
        match &self.options {
            Some(options) => options.clone(),
            None => self.guessed.insert(ReadOptions::new(DatasetKind::Deals)).clone(),
        }
    }

    /// [`Stop::Again`] when the page's options came and are not the guessed ones; checked
    /// between steps, so a wrong guess is dropped early.
    fn check(&mut self) -> Result<(), Stop> {
        match self.guessed.is_some().then(|| self.orders.take()).flatten() {
            Some(order) => self.judge(&order),
            None => Ok(()),
        }
    }

    /// Waits for the page's options, when the read began on a guess: before any answer but
    /// progress. [`Stop::Again`] when they are not the guessed ones.
    async fn settle(&mut self) -> Result<(), Stop> {
        if self.guessed.is_none() {
            return Ok(());
        }
        let order = self.orders.next().await;
        self.judge(&order)
    }

    fn judge(&mut self, order: &JsValue) -> Result<(), Stop> {
        let options = options_in(order, keys::CONFIRM).map_err(Stop::Said)?;
        let kept = self.guessed.take().is_some_and(|guessed| guessed == options);
        // For the console (and the browser tests): whether the guess held.
        let how = if kept { "goes on" } else { "begins again: the page reads it otherwise" };
        web_sys::console::debug_1(&format!("pipelens: {}: the read begun on a guess {how}", self.name).into());
        if kept {
            Ok(())
        } else {
            Err(Stop::Again(options))
        }
    }
}

/// Why a read ended without its message.
enum Stop {
    /// The browser could not read the file.
    Browser(JsValue),
    /// The file cannot be used.
    Import(ImportError),
    /// Other words (the page's message did not read, a tail's part did not fit).
    Said(String),
    /// The page's options are not those the read began on: read again with them.
    Again(ReadOptions),
    /// The page no longer wants the file (a read on its own thread only).
    Cancelled,
}

impl Stop {
    /// What the page is told, in `lang`.
    fn failure(self, lang: Lang) -> Failure {
        match self {
            Stop::Import(e) => Failure {
                words: pipelens_engine::text::import_error(&e, lang),
                repeats: e.repeats_loaded_deals(),
                browser: false,
            },
            Stop::Browser(e) => Failure { words: browser_reason(&e), repeats: false, browser: true },
            Stop::Said(why) => Failure::said(why),
            // Handled by the caller, which reads again.
            Stop::Again(_) => Failure::said(String::new()),
            // The page, which stopped the read, says nothing of it.
            Stop::Cancelled => Failure::said("cancelled".into()),
        }
    }
}

/// Reads the file from its start through `session`: to the end, or, with `cut`, as the head
/// of a read in two halves (see the module docs).
async fn read_whole(
    blob: &Blob,
    plan: &mut Plan<'_>,
    mut session: Session,
    cut: Option<f64>,
    mut progress: Progress<'_>,
) -> Result<Runs, Stop> {
    if let Some(cut) = cut {
        session = session.stop_at(cut as u64);
    }
    // Far enough past the cut to hold the boundary in all but files of huge rows.
    let pause = cut.map(|cut| (cut + PAST_CUT_BYTES).min(blob.size()));
    let mut slices = Slices::of(blob, 0.0, pause).map_err(Stop::Browser)?;
    loop {
        plan.check()?;
        progress.turn().await?;
        match session.step(progress.to.step_rows()) {
            Step::NeedInput => {
                let (bytes, last) = slices.next().await.map_err(Stop::Browser)?;
                session.push(&bytes, last);
            }
            Step::Progress { .. } => {}
            Step::Paused { boundary } => {
                plan.settle().await?;
                progress.to.post(&object(keys::PAUSED, &JsValue::from_f64(boundary as f64)));
                let order = plan.orders.next().await;
                let part = field(&order, keys::TAIL).dyn_into::<Array>().ok();
                // A part that does not read or fit leaves the head to read the rest itself (or,
                // when it broke off half absorbed, the whole file again): the same result, only
                // later.
                let merged = match part {
                    None => Err("no second half came".to_owned()),
                    Some(runs) => {
                        wire::absorb_tail_part(&mut Received::new(&runs), &mut session).map_err(|e| e.to_string())
                    }
                };
                if merged.is_err() {
                    session.resume();
                }
                // For the console: how the file was read.
                let said = JsValue::from_str(merged.err().as_deref().unwrap_or_default());
                progress.to.post(&object(keys::MERGED, &said));
            }
            Step::Restart => slices = Slices::of(blob, 0.0, pause).map_err(Stop::Browser)?,
            Step::Done(imported) => {
                plan.settle().await?;
                let mut runs = Runs::reusing(slices.spent());
                wire::write_imported(&imported, &mut runs);
                return Ok(runs);
            }
            Step::Failed(e) => {
                plan.settle().await?;
                return Err(Stop::Import(e));
            }
        }
        let (rows, read) = session.progress();
        progress.say(rows, read);
    }
}

/// Reads the file from byte `from` to its end as the tail of a read in two halves.
async fn read_tail(blob: &Blob, plan: &mut Plan<'_>, from: f64, mut progress: Progress<'_>) -> Result<Runs, Stop> {
    let start = blob.slice_with_f64_and_f64(0.0, HEAD_BYTES.min(blob.size())).map_err(Stop::Browser)?;
    let start = JsFuture::from(start.array_buffer()).await.map_err(Stop::Browser)?;
    let mut tail =
        Tail::new(plan.name, blob.size() as u64, plan.options(), &Uint8Array::new(&start).to_vec(), from as u64);
    let mut slices = Slices::of(blob, from, None).map_err(Stop::Browser)?;
    loop {
        plan.check()?;
        progress.turn().await?;
        match tail.step(progress.to.step_rows()) {
            TailStep::NeedInput => {
                let (bytes, last) = slices.next().await.map_err(Stop::Browser)?;
                tail.push(&bytes, last);
            }
            TailStep::Progress { rows, bytes } => progress.say(rows, bytes),
            TailStep::Done(part) => {
                plan.settle().await?;
                let mut runs = Runs::reusing(slices.spent());
                wire::write_tail_part(&part, &mut runs);
                return Ok(runs);
            }
            TailStep::Failed(why) => {
                plan.settle().await?;
                return Err(Stop::Said(why.to_string()));
            }
        }
    }
}
