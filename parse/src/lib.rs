//! Reading a CSV file off the page's thread. The page hands a dedicated web worker the file (a
//! `Blob`: the browser shares it, nothing is copied) and how to read it; the worker reads it in
//! slices through the engine's [`Session`](pipelens_engine::ingest::Session), says how far it
//! is every 100 ms, and hands back the read file as one [`wire`](pipelens_engine::wire) message,
//! transferred, not copied. The page's thread stays free for the progress bar and Cancel, and
//! the worker's engine is built for speed while the page's is built for size. A big file is read
//! by two workers at once, each a half, the second's part merged by the first (see [`serve`]);
//! the workers are readied and warmed while the page is idle ([`warm_up`]).
//!
//! [`client`] is the page's side, [`serve`] the worker's; when no worker can read a file, the
//! page reads it on its own thread with the worker's module ([`on_page`]). Both sides decode
//! code pages with the browser's own `TextDecoder` ([`text_decoder`]), read messages that came
//! as runs in place ([`received`]) and wait for messages through an [`inbox`]; the page readies
//! its memory for the read file while the workers read ([`readied`]).

pub mod client;
pub mod inbox;
pub mod js;
pub mod on_page;
pub mod readied;
pub mod received;
pub mod serve;
pub mod text_decoder;
pub mod warm_up;

/// The names of the messages' fields, shared by both sides.
pub mod keys {
    /// Page → worker's loader, first: the worker's `WebAssembly.Module` (see
    /// `web/parse_worker_loader.js`), or nothing, for the worker to fetch its own.
    pub const MODULE: &str = "module";
    /// Worker → page, once its module runs: `true`.
    pub const READY: &str = "ready";
    /// Page → worker: the file, a `Blob`.
    pub const BLOB: &str = "blob";
    /// Page → worker: the file's name.
    pub const NAME: &str = "name";
    /// Page → the worker's module on the page (see [`crate::on_page`]), in place of `options`:
    /// why the file's start cannot be used (the preview's error, in words). The whole file is
    /// read only to find bytes that do not decode, which a whole read reports first; the
    /// answer is `failed`, with those bytes or else these words.
    pub const EXPLAIN: &str = "explain";
    /// Page → worker: how to read it, an `ArrayBuffer` holding a
    /// [`wire::encode_options`](pipelens_engine::wire::encode_options) message.
    pub const OPTIONS: &str = "options";
    /// Page → worker, in place of `options`: `true`, read the file as deals, its headers
    /// mapped automatically, before the page has decided; hold every answer but progress
    /// until `confirm` comes (see [`crate::serve`]).
    pub const GUESS: &str = "guess";
    /// Page → worker reading on a guess: how the file is to be read, as `options` is. The
    /// read carries on when it is what was guessed, and begins again with it when not.
    pub const CONFIRM: &str = "confirm";
    /// Worker → page, while reading: data rows read so far.
    pub const ROWS: &str = "rows";
    /// Worker → page, while reading: bytes of the file read so far.
    pub const READ: &str = "read";
    /// Worker → page, at the end: the read file, an `ArrayBuffer` holding a
    /// [`wire::encode_imported`](pipelens_engine::wire::encode_imported) message.
    pub const DONE: &str = "done";
    /// Page → worker: the language a failure is told in, a [`Lang`](pipelens_engine::lang::Lang)
    /// code (`en` without it).
    pub const LANG: &str = "lang";
    /// Worker → page, at the end: why the file cannot be used, in words a user can act on (in
    /// the request's language).
    pub const FAILED: &str = "failed";
    /// Worker → page, with `failed`: `true` when every row repeats a deal already loaded (most
    /// likely another export of the same deals, which the page offers to load as such).
    pub const REPEATS: &str = "repeats";
    /// Worker → page, with `failed`: `true` when the browser stopped giving the file (`failed`
    /// then holds its reason, [`crate::js::browser_reason`], which the page words in its
    /// language).
    pub const BROWSER: &str = "browser";
    /// Page → worker: read the file as the head of two halves, pausing at the first record
    /// past this byte (a number).
    pub const CUT: &str = "cut";
    /// Page → worker: read the file as the tail of two halves, from this byte (a number).
    pub const FROM: &str = "from";
    /// Head → page: paused before the record at this byte (a number); waiting for `tail` or
    /// `resume`.
    pub const PAUSED: &str = "paused";
    /// Tail → page: its part, runs of a
    /// [`wire::write_tail_part`](pipelens_engine::wire::write_tail_part) message.
    pub const PART: &str = "part";
    /// Page → paused head: the tail's part (the runs the tail sent), to absorb.
    pub const TAIL: &str = "tail";
    /// Page → paused head: `true`, read the rest yourself (the tail failed or was lost).
    pub const RESUME: &str = "resume";
    /// Head → page, after its pause: `""` when it merged the tail's part, else why it reads
    /// the rest itself.
    pub const MERGED: &str = "merged";
    /// Page → worker: `true`, to read the [`warm_up`](crate::warm_up) file.
    pub const WARM: &str = "warm";
    /// Worker → page, after a warm-up: the made-up file read, as runs like `done`'s.
    pub const WARMED: &str = "warmed";
    /// Worker → page, after `warmed`: the made-up file's start, an `ArrayBuffer`, for the page
    /// to work out its preview from as it does from a picked file's start.
    pub const WARM_HEAD: &str = "warm_head";
}

/// Most bytes the worker reads from the file at a time.
pub const SLICE_BYTES: f64 = 8.0 * 1024.0 * 1024.0;

/// Bytes of the file's first slice: the parse starts as soon as it is read, and each slice
/// after it is as long as all before it, up to [`SLICE_BYTES`].
pub const FIRST_SLICE_BYTES: f64 = 512.0 * 1024.0;

/// Rows the worker reads between two looks at the clock.
pub const STEP_ROWS: usize = 50_000;

/// How often, in ms, the worker says how far it is.
pub const PROGRESS_MS: f64 = 100.0;
