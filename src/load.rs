//! Loading files. What a change of the loaded files reads, and how the workspace is built from
//! the reads, is the engine's [`FileSet`] and [`Plan`]; how one file's bytes become a dataset
//! is the engine's `Session`. Here: pick the bytes (a kept `File`, or bytes a share link
//! carried) and hand them to the parse worker (`pipelens_parse`), which runs the session off
//! the page's thread; when no worker can start or answer, the page runs the worker's own module
//! on its thread ([`on_page`]), which gives the page a turn every 40 ms. Either way, stop when
//! the load is cancelled or overtaken. Files whose columns cannot be recognised wait in the
//! mapping screen.

use crate::io::file_input::{next_frame, read_bytes, read_start};
use crate::io::file_store;
use crate::io::workbook;
use crate::state::{AppState, FileEntry, LoadStatus, Loaded, PendingFile, Shared, Source};
use leptos::prelude::*;
use leptos::task::spawn_local;
use pipelens_engine::file_set::{FileRead, FileSet, Plan};
use pipelens_engine::ingest::{preview_start, CodePage, DatasetKind, DateOrder, Imported, ReadOptions};
use pipelens_engine::share::BundledFile;
use pipelens_engine::share::FileRef;
use pipelens_parse::client as parse;
use pipelens_parse::on_page;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// How long after the app starts, in ms, the parse worker is made ready for the first file.
const PREPARE_AFTER_MS: i32 = 1_000;

/// Rows shown in the mapping screen's preview.
const PREVIEW_ROWS: usize = 5;

/// Why a file did not load.
enum Stop {
    /// Cancelled, or overtaken by a newer load: say nothing.
    Cancelled,
    /// The file cannot be used, and why.
    Failed(String),
    /// Every row of the file repeats a deal already loaded (most likely another export of the
    /// same deals), and the words saying so.
    Repeats(String),
}

impl Stop {
    /// Why a read of the file `name` gave nothing, in a user's words.
    fn of(name: &str, outcome: parse::Outcome) -> Stop {
        match outcome {
            parse::Outcome::Failed(why) => Stop::Failed(why),
            parse::Outcome::Repeats(why) => Stop::Repeats(why),
            parse::Outcome::BrowserRead(why) => {
                Stop::Failed(message::read_error(name, &crate::io::file_input::ReadError::Browser(why)))
            }
            parse::Outcome::Cancelled => Stop::Cancelled,
            parse::Outcome::Unavailable(why) => Stop::Failed(message::unreadable(name, &why)),
        }
    }
}

/// The load in progress: its id, to notice when it has been cancelled or overtaken.
#[derive(Clone, Copy)]
struct Load {
    state: AppState,
    id: u64,
}

impl Load {
    /// A new load; the parse worker starts now (if it is not running), while the page reads
    /// the file's start and works out its preview.
    fn begin(state: AppState) -> Load {
        parse::warm();
        Load { state, id: state.data.begin_load() }
    }

    fn current(self) -> bool {
        self.state.data.load_id.get_untracked() == self.id
    }

    /// Gives the page a turn; stops when the load is no longer current.
    async fn turn(self) -> Result<(), Stop> {
        next_frame().await;
        if self.current() {
            Ok(())
        } else {
            Err(Stop::Cancelled)
        }
    }

    /// Reads the start of a file, for its preview (all of a small one). The page paints the
    /// progress before the preview is worked out.
    async fn head(self, file: &web_sys::File) -> Result<Vec<u8>, Stop> {
        let name = file.name();
        let status = self.state.data.status;
        status.set(LoadStatus::Reading { file: name.clone(), done: 0.0, total: file.size() });
        let head = read_start(file).await;
        if !self.current() {
            return Err(Stop::Cancelled);
        }
        let head = head.map_err(|e| Stop::Failed(message::read_error(&name, &e)))?;
        status.set(LoadStatus::Reading { file: name, done: head.len() as f64, total: file.size() });
        self.turn().await?;
        Ok(head)
    }

    /// The start of a kept file, and its size.
    async fn kept_head(self, id: u64, name: &str) -> Result<(Vec<u8>, u64), Stop> {
        let file = file_store::get(id).ok_or_else(|| Stop::Failed(message::gone(name)))?;
        Ok((self.head(&file).await?, file.size() as u64))
    }

    /// Reads one file as `options` say: in the parse worker, off the page's thread; on the page
    /// (with the worker's own module) when no worker can start or answer.
    async fn read(self, name: &str, bytes: &Bytes, options: ReadOptions) -> Result<Imported, Stop> {
        let status = self.state.data.status;
        let blob = bytes.blob(name)?;
        let total = blob.size();
        let file = name.to_owned();
        let parsing = move |rows: usize, done: f64| {
            status.set(LoadStatus::Parsing { file: file.clone(), rows, done: done.min(total), total })
        };
        parsing(0, 0.0);
        let keep_going = move || self.current();
        let lang = crate::i18n::current();
        let read = match parse::read(&blob, name, lang, &options, parsing.clone(), keep_going).await {
            Err(parse::Outcome::Unavailable(why)) => {
                web_sys::console::warn_1(&format!("pipelens: reading {name} on the page ({why})").into());
                on_page::read(&blob, name, lang, &options, parsing.clone(), keep_going).await
            }
            read => read,
        };
        let imported = read.map_err(|outcome| Stop::of(name, outcome))?;
        parsing(imported.report.rows_read, total);
        // Settling the columns and drawing the dashboard are separate tasks: the page breathes between.
        self.turn().await?;
        Ok(imported)
    }

    /// Carries out a plan: reads each of its files (bytes in `memory`, else the kept handle)
    /// and builds the workspace and file list from the reads.
    async fn run(self, plan: Plan, memory: &HashMap<u64, Arc<Vec<u8>>>) -> Result<FileSet, Stop> {
        let mut rebuild = plan.start();
        while let Some((read, options)) = rebuild.next_read() {
            let (id, name) = (read.id, read.name.clone());
            let bytes = match memory.get(&id) {
                Some(b) => Bytes::Memory(Arc::clone(b)),
                None => Bytes::kept(id, &name)?,
            };
            let imported = self.read(&name, &bytes, options).await?;
            rebuild.finished(imported);
        }
        Ok(rebuild.finish())
    }
}

/// Where a file's bytes are read from: a kept handle of the user's file, or bytes in memory.
enum Bytes {
    File(web_sys::File),
    Memory(Arc<Vec<u8>>),
}

impl Bytes {
    /// The handle kept under `id`.
    fn kept(id: u64, name: &str) -> Result<Bytes, Stop> {
        file_store::get(id).map(Bytes::File).ok_or_else(|| Stop::Failed(message::gone(name)))
    }

    /// The bytes as a `Blob` for the parse worker: the kept file itself (the browser shares
    /// it, nothing is copied), or a copy of the bytes in memory.
    fn blob(&self, name: &str) -> Result<web_sys::Blob, Stop> {
        match self {
            Bytes::File(f) => Ok(f.clone().into()),
            Bytes::Memory(b) => {
                let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(b.as_slice()));
                web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| Stop::Failed(message::not_held(name)))
            }
        }
    }
}

/// What is loaded from the user's files: a copy to change (empty when the demo is on screen).
fn user_files(state: AppState) -> FileSet {
    state.data.loaded.with_untracked(|l| match l.source {
        Source::Demo => FileSet::default(),
        Source::Files => FileSet { workspace: l.workspace.clone(), files: l.files.clone() },
    })
}

/// Shows the user's files; with none left, the demo again.
fn show_files(state: AppState, set: FileSet) {
    if set.files.is_empty() {
        show(state, Loaded::demo());
    } else {
        show(state, Loaded { workspace: set.workspace, source: Source::Files, files: set.files });
    }
}

/// Shows `loaded` and lets go of the handles of files no longer loaded or waiting. At once,
/// not in an effect: a drop's next file is kept before the page settles, and must stay.
pub fn show(state: AppState, loaded: Loaded) {
    let mut ids: Vec<u64> = loaded.files.iter().map(|f| f.id).collect();
    state.data.pending.with_untracked(|p| ids.extend(p.iter().map(|f| f.id)));
    file_store::retain(&ids);
    workbook::retain(&ids);
    state.show(loaded);
}

/// Carries out a change of the user's files and shows the result (or why it failed).
fn apply(state: AppState, plan: impl FnOnce(&FileSet) -> Result<Option<Plan>, String> + 'static) {
    let load = Load::begin(state);
    spawn_local(async move {
        let plan = match plan(&user_files(state)) {
            Ok(Some(plan)) => plan,
            Ok(None) => return,
            Err(why) => return state.data.status.set(LoadStatus::Failed(why)),
        };
        match load.run(plan, &HashMap::new()).await {
            Ok(set) => {
                state.data.status.set(LoadStatus::Idle);
                show_files(state, set);
            }
            Err(Stop::Cancelled) => {}
            Err(Stop::Failed(why) | Stop::Repeats(why)) => state.data.status.set(LoadStatus::Failed(why)),
        }
    });
}

/// Reads every dropped or picked file in turn: each is recognised by its headers and added
/// to its dataset. Files of one drop for the same dataset join each other; a dataset loaded
/// before is replaced or joined as the user chose. Files whose columns are not recognised
/// wait in the mapping screen; files that cannot be used are listed with the reason.
fn load_files(state: AppState, list: web_sys::FileList) {
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    let load = Load::begin(state);
    spawn_local(async move {
        let mut this_drop: HashSet<DatasetKind> = HashSet::new();
        let mut problems = Vec::new();
        let mut loaded = Vec::new();
        let mut waiting = Vec::new();
        // A file read as the earlier export was given a role the user did not choose: say so.
        let mut given_a_role = false;
        for file in files {
            // A workbook is read as one of its sheets, made a CSV file (see io::workbook).
            if workbook::named(&file.name()) {
                state.data.status.set(LoadStatus::Reading { file: file.name(), done: 0.0, total: file.size() });
            }
            let (file, origin) = match workbook::as_csv(file, None).await {
                Ok(read) => read,
                Err(why) => {
                    problems.push(why);
                    continue;
                }
            };
            if !load.current() {
                return;
            }
            let name = file.name();
            let id = file_store::keep(file.clone());
            workbook::remember(id, origin);
            // The workers begin reading it now, while the page works out its preview.
            parse::guess(&file, &name, crate::i18n::current());
            let head = match load.head(&file).await {
                Ok(b) => b,
                Err(Stop::Cancelled) => return,
                Err(Stop::Failed(why) | Stop::Repeats(why)) => {
                    problems.push(why);
                    continue;
                }
            };
            let p = match preview_start(&name, &head, file.size() as u64, PREVIEW_ROWS, None) {
                Ok(p) => p,
                // A whole-file read reports bytes that do not decode first: the session says which.
                Err(e) => {
                    parse::forget();
                    // Told in the reader's language, as a worker tells why a file cannot be used.
                    let lang = crate::i18n::current();
                    let said = pipelens_engine::text::import_error(&e, lang);
                    match Stop::of(&name, on_page::explain(&file, &name, lang, &said, move || load.current()).await) {
                        Stop::Cancelled => return,
                        Stop::Failed(why) | Stop::Repeats(why) => problems.push(why),
                    }
                    continue;
                }
            };
            drop(head);
            // A file a shared view names is read with the columns it was read with there.
            let read = match link_hint(state, &name, &p) {
                Some(r) => FileRead::mapped(id, &name, r.kind, r.mapping, false).with_date_order(r.date_order),
                None if !p.complete() => {
                    parse::forget();
                    waiting.push(name.clone());
                    let pending = PendingFile { id, name, preview: p, replaces: None };
                    state.data.pending.update(|list| list.push(Shared(Arc::new(pending))));
                    continue;
                }
                None => FileRead::auto(id, &name, p.kind, p.mapping.clone()),
            };
            let (kind, mapping) = (read.kind, read.mapping.clone());
            let append = this_drop.contains(&kind) || state.data.append.get_untracked();
            let plan = user_files(state).add(read, append);
            match load.run(plan, &HashMap::new()).await {
                Ok(set) => {
                    show_files(state, set);
                    this_drop.insert(kind);
                    loaded.push(message::loaded_as(&name, &dataset_word(kind)));
                }
                Err(Stop::Cancelled) => return,
                // Every row repeats a loaded deal: another export of the same deals. It is read
                // as the earlier export, for the Pipeline change page (its role can be changed).
                Err(Stop::Repeats(_)) if kind == DatasetKind::Deals => {
                    let earlier = FileRead::auto(id, &name, DatasetKind::EarlierDeals, mapping);
                    match load.run(user_files(state).add(earlier, false), &HashMap::new()).await {
                        Ok(set) => {
                            show_files(state, set);
                            loaded.push(message::loaded_as_earlier(&name));
                            given_a_role = true;
                        }
                        Err(Stop::Cancelled) => return,
                        Err(Stop::Failed(why) | Stop::Repeats(why)) => problems.push(why),
                    }
                }
                Err(Stop::Failed(why) | Stop::Repeats(why)) => problems.push(why),
            }
        }
        // A guess no read took (a file whose start could not be read) is let go.
        parse::forget();
        finish_status(state, &loaded, &problems, &waiting);
        if given_a_role && problems.is_empty() && waiting.is_empty() {
            state.data.status.set(LoadStatus::Notice(message::loaded(&loaded)));
        }
    });
}

/// Reads files a share link (or this device's storage) carried, with the datasets and columns
/// they were read with, in place of what is loaded; then calls `then`. Each file is kept as a
/// `File` made in the tab, so it can be reviewed or shared again like a file the user picked.
pub fn load_bundle(state: AppState, files: Vec<BundledFile>, then: impl FnOnce(AppState) + 'static) {
    let load = Load::begin(state);
    spawn_local(async move {
        let mut reads = Vec::with_capacity(files.len());
        let mut memory = HashMap::new();
        for f in files {
            let Some(id) = keep_in_tab(&f.name, &f.bytes) else {
                return state.data.status.set(LoadStatus::Failed(message::not_held(&f.name)));
            };
            reads.push(FileRead::bundled(id, &f));
            memory.insert(id, Arc::new(f.bytes));
        }
        match load.run(Plan::read_all(reads), &memory).await {
            Ok(set) => {
                state.data.status.set(LoadStatus::Idle);
                show_files(state, set);
                then(state);
            }
            Err(Stop::Cancelled) => {}
            Err(Stop::Failed(why) | Stop::Repeats(why)) => state.data.status.set(LoadStatus::Failed(why)),
        }
    });
}

/// Keeps `bytes` as a `File` named `name`, made in this tab, and returns its id.
fn keep_in_tab(name: &str, bytes: &[u8]) -> Option<u64> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, name).ok().map(file_store::keep)
}

/// The loaded files as a share link carries them: each one's bytes, read again from its
/// handle, with its dataset and columns.
pub async fn bundle_loaded(state: AppState) -> Result<Vec<BundledFile>, String> {
    let files = state.data.loaded.with_untracked(|l| l.files.clone());
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let file = file_store::get(f.id).ok_or_else(|| message::gone(&f.name))?;
        let bytes = read_bytes(&file).await.map_err(|e| message::read_error(&f.name, &e))?;
        out.push(BundledFile { name: f.name, kind: f.kind, mapping: f.mapping, date_order: f.date_order, bytes });
    }
    Ok(out)
}

/// How a shared view that waits for this file read it, when its columns fit the file.
fn link_hint(state: AppState, name: &str, p: &pipelens_engine::ingest::Preview) -> Option<FileRef> {
    let r = state.share.awaiting.with_untracked(|a| a.as_ref()?.files.iter().find(|r| r.name == name).cloned())?;
    let fits = r.mapping.len() == r.kind.fields().len() && r.mapping.iter().flatten().all(|&c| c < p.headers.len());
    fits.then_some(r)
}

/// A dataset as a status line names it: its id in English (`deals`, what the tests and the
/// mapper show), its name in the other languages (`Deals`, `transakcje`, `交易`).
fn dataset_word(kind: DatasetKind) -> String {
    match crate::i18n::current() {
        pipelens_engine::lang::Lang::En => kind.name().to_owned(),
        lang => pipelens_engine::text::dataset_name(kind, lang).to_owned(),
    }
}

/// The banner after a load: errors when nothing loaded, else a notice of what did and did not.
fn finish_status(state: AppState, loaded: &[String], problems: &[String], waiting: &[String]) {
    state.data.status.set(message::after_load(loaded, problems, waiting));
}

/// Every status line a load writes, in one place, each naming the file it is about and, for a
/// file that cannot be used, what to do, in the current language (`i18n::sources::Status`).
pub(crate) mod message {
    use crate::i18n::sources::Status;
    use crate::i18n::{t, tf};
    use crate::io::file_input::ReadError;
    use crate::state::LoadStatus;
    use pipelens_parse::js;

    fn file(name: &str) -> [(&'static str, String); 1] {
        [("file", name.to_owned())]
    }

    /// A file that was loaded: `"deals.csv as deals"`.
    pub fn loaded_as(file: &str, dataset: &str) -> String {
        tf(Status::LoadedAs, &[("file", file.to_owned()), ("dataset", dataset.to_owned())])
    }

    /// A file whose handle the tab no longer holds.
    pub fn gone(file: &str) -> String {
        tf(Status::Gone, &self::file(file))
    }

    /// A shared file the browser would not keep.
    pub fn not_held(file: &str) -> String {
        tf(Status::NotHeld, &self::file(file))
    }

    /// A file the browser would not give the page: `"deals.csv: the browser could not read
    /// the file (…)"`, or one too large for the tab.
    pub fn read_error(file: &str, e: &ReadError) -> String {
        match e {
            // A reason the page knows is worded in the reader's language; the browser's own may
            // end a sentence of its own: the sentence around it does.
            ReadError::Browser(why) => {
                let why = match why.as_str() {
                    js::NOT_FOUND => t(Status::FileGone),
                    js::NOT_READABLE => t(Status::FileChanged),
                    why => why.trim_end_matches('.'),
                };
                tf(Status::BrowserRead, &[("file", file.to_owned()), ("why", why.to_owned())])
            }
            ReadError::TooLarge { bytes } => {
                let mb = pipelens_engine::format::local::number(crate::i18n::current(), (bytes / 1e6).round(), 0);
                tf(Status::TooLarge, &[("file", file.to_owned()), ("mb", mb)])
            }
        }
    }

    /// A file no reader could read: no worker, and the workers' module would not run on the page.
    pub fn unreadable(file: &str, why: &str) -> String {
        tf(Status::Unreadable, &[("file", file.to_owned()), ("why", why.to_owned())])
    }

    /// A file removed while its dates were being set.
    pub fn no_longer_loaded(file: &str) -> String {
        tf(Status::NoLongerLoaded, &self::file(file))
    }

    /// Files waiting in the mapping screen, named.
    fn waiting_line(waiting: &[String]) -> String {
        match waiting {
            [] => String::new(),
            [one] => tf(Status::WaitsOne, &file(one)),
            many => tf(Status::WaitMany, &[("files", many.join(", "))]),
        }
    }

    /// The banner after a drop: what loaded, what waits, what could not be used (each problem
    /// names its file and says what to do).
    /// The files a load read: `"Loaded a.csv as deals, b.csv as leads."`.
    pub fn loaded(loaded: &[String]) -> String {
        tf(Status::Loaded, &[("files", loaded.join(", "))])
    }

    /// A deals file read as the earlier export because every deal in it is already loaded.
    pub fn loaded_as_earlier(file: &str) -> String {
        tf(Status::LoadedAsEarlier, &self::file(file))
    }

    /// Writes the status after a load.
    pub fn after_load(loaded: &[String], problems: &[String], waiting: &[String]) -> LoadStatus {
        let mut parts: Vec<String> = Vec::new();
        if !problems.is_empty() {
            parts.push(problems.join(" "));
        }
        if !loaded.is_empty() {
            parts.push(self::loaded(loaded));
        }
        let wait = waiting_line(waiting);
        if !wait.is_empty() {
            parts.push(wait);
        }
        match (loaded.is_empty(), problems.is_empty(), waiting.is_empty()) {
            (_, true, true) if loaded.len() <= 1 => LoadStatus::Idle,
            (true, false, true) => LoadStatus::Failed(parts.join(" ")),
            _ => LoadStatus::Notice(parts.join(" ")),
        }
    }
}

/// Reads a waiting file with the dataset and columns the user chose. A file that replaces a
/// loaded one (a review, or a change of dataset) takes its place; the other files of the
/// datasets involved are read again so nothing is counted twice.
fn read_pending(state: AppState, pending: Shared<PendingFile>, kind: DatasetKind, mapping: Vec<Option<usize>>) {
    let load = Load::begin(state);
    spawn_local(async move {
        let auto = mapping == pending.preview.mapping_for(kind);
        let read = FileRead::mapped(pending.id, &pending.name, kind, mapping, auto);
        let set = user_files(state);
        let plan = match pending.replaces {
            Some(old) => set.replace(old, read).map_err(|e| Stop::Failed(e.to_string())),
            None => Ok(set.add(read, state.data.append.get_untracked())),
        };
        let outcome = match plan {
            Ok(plan) => load.run(plan, &HashMap::new()).await,
            Err(e) => Err(e),
        };
        match outcome {
            Ok(set) => {
                show_files(state, set);
                state.data.pending.update(|list| list.retain(|p| !Arc::ptr_eq(&p.0, &pending.0)));
                state.data.status.set(LoadStatus::Idle);
            }
            Err(Stop::Cancelled) => {}
            Err(Stop::Failed(why) | Stop::Repeats(why)) => state.data.status.set(LoadStatus::Failed(why)),
        }
    });
}

/// Opens a loaded file in the mapping screen, as `kind` (its current dataset when `None`),
/// with its current columns when the dataset stays the same. When the file is to be read as
/// another dataset whose columns its headers name, it is read at once.
fn review(state: AppState, entry: FileEntry, kind: Option<DatasetKind>) {
    let load = Load::begin(state);
    spawn_local(async move {
        let kind_changes = kind.is_some_and(|k| k != entry.kind);
        let kind = kind.unwrap_or(entry.kind);
        let (head, size) = match load.kept_head(entry.id, &entry.name).await {
            Ok(b) => b,
            Err(Stop::Cancelled) => return,
            Err(Stop::Failed(why) | Stop::Repeats(why)) => return state.data.status.set(LoadStatus::Failed(why)),
        };
        let mut p = match preview_start(&entry.name, &head, size, PREVIEW_ROWS, Some(kind)) {
            Ok(p) => p,
            Err(e) => return state.data.status.set(LoadStatus::Failed(e.to_string())),
        };
        state.data.status.set(LoadStatus::Idle);
        if !kind_changes {
            p.mapping = entry.mapping.clone();
            p.missing = kind.missing_in(&p.mapping);
        }
        let auto_read = kind_changes && p.complete();
        let mapping = p.mapping.clone();
        let pending = Shared(Arc::new(PendingFile {
            id: entry.id,
            name: entry.name.clone(),
            preview: p,
            replaces: Some(entry.id),
        }));
        state.data.pending.update(|list| {
            list.retain(|x| x.id != entry.id);
            list.insert(0, pending.clone());
        });
        if auto_read {
            read_pending(state, pending, kind, mapping);
        }
    });
}

/// Reads a loaded file again with the user's answer for date columns that cannot tell
/// day-first from month-first.
fn set_date_order(state: AppState, entry: FileEntry, order: DateOrder) {
    apply(state, move |set| {
        set.set_date_order(entry.id, order).map(Some).map_err(|_| message::no_longer_loaded(&entry.name))
    });
}

/// Reads another sheet of the workbook a loaded file came from, in that file's place (as the
/// same dataset; in the mapping screen when its columns are not all recognised).
fn pick_sheet(state: AppState, entry: FileEntry, sheet: usize) {
    let Some(origin) = workbook::origin(entry.id) else { return };
    let load = Load::begin(state);
    spawn_local(async move {
        let book = origin.workbook.clone();
        state.data.status.set(LoadStatus::Reading { file: book.name(), done: 0.0, total: book.size() });
        let (file, origin) = match workbook::as_csv(book, Some(sheet)).await {
            Ok(read) => read,
            Err(why) => return state.data.status.set(LoadStatus::Failed(why)),
        };
        if !load.current() {
            return;
        }
        let name = file.name();
        let id = file_store::keep(file.clone());
        workbook::remember(id, origin);
        let head = match load.head(&file).await {
            Ok(b) => b,
            Err(Stop::Cancelled) => return,
            Err(Stop::Failed(why) | Stop::Repeats(why)) => return state.data.status.set(LoadStatus::Failed(why)),
        };
        let p = match preview_start(&name, &head, file.size() as u64, PREVIEW_ROWS, Some(entry.kind)) {
            Ok(p) => p,
            Err(e) => return state.data.status.set(LoadStatus::Failed(e.to_string())),
        };
        if !p.complete() {
            state.data.status.set(LoadStatus::Idle);
            let pending = PendingFile { id, name, preview: p, replaces: Some(entry.id) };
            state.data.pending.update(|list| list.insert(0, Shared(Arc::new(pending))));
            return;
        }
        let read = FileRead::auto(id, &name, p.kind, p.mapping.clone());
        let plan = match user_files(state).replace(entry.id, read) {
            Ok(plan) => plan,
            Err(e) => return state.data.status.set(LoadStatus::Failed(e.to_string())),
        };
        match load.run(plan, &HashMap::new()).await {
            Ok(set) => {
                state.data.status.set(LoadStatus::Idle);
                show_files(state, set);
            }
            Err(Stop::Cancelled) => {}
            Err(Stop::Failed(why) | Stop::Repeats(why)) => state.data.status.set(LoadStatus::Failed(why)),
        }
    });
}

/// Reads a loaded file again in the code page the user picked in its import report.
fn set_code_page(state: AppState, entry: FileEntry, code_page: CodePage) {
    apply(state, move |set| {
        set.set_code_page(entry.id, code_page).map(Some).map_err(|_| format!("{} is no longer loaded.", entry.name))
    });
}

/// Removes a loaded file (and reads the other files of its dataset again).
fn remove(state: AppState, id: u64) {
    apply(state, move |set| Ok(set.remove(id)));
}

/// The loader as a capability: what a component may ask of it (load, review, remove, re-read),
/// without holding the state it works on.
#[derive(Clone, Copy)]
pub struct Loader(AppState);

impl Loader {
    /// Provides the loader over `state` as a context, and gets the parse worker ready a while
    /// after the first page is drawn (see [`parse::prepare`]), so the first file is read at full
    /// speed. The worker is its own file, fetched then: the first page does not wait for it.
    pub fn provide(state: AppState) {
        provide_context(Loader(state));
        let prepare = wasm_bindgen::closure::Closure::once_into_js(parse::prepare);
        use wasm_bindgen::JsCast;
        let _ =
            window().set_timeout_with_callback_and_timeout_and_arguments_0(prepare.unchecked_ref(), PREPARE_AFTER_MS);
    }

    /// The loader, from context.
    pub fn expect() -> Loader {
        expect_context()
    }

    /// Gets ready for files about to come (the file picker opened, a drag entered the page):
    /// starts the parse worker, so its module loads while the user picks.
    pub fn expect_files(self) {
        parse::prepare();
    }

    /// Reads dropped or picked files (see [`load_files`]).
    pub fn files(self, list: web_sys::FileList) {
        load_files(self.0, list);
    }

    /// Reads a waiting file with the dataset and columns the user chose (see [`read_pending`]).
    pub fn read_pending(self, pending: Shared<PendingFile>, kind: DatasetKind, mapping: Vec<Option<usize>>) {
        read_pending(self.0, pending, kind, mapping);
    }

    /// Opens a loaded file in the mapping screen (see [`review`]).
    pub fn review(self, entry: FileEntry, kind: Option<DatasetKind>) {
        review(self.0, entry, kind);
    }

    /// Reads a loaded file again with another date order (see [`set_date_order`]).
    pub fn set_date_order(self, entry: FileEntry, order: DateOrder) {
        set_date_order(self.0, entry, order);
    }

    /// Reads another sheet of the workbook a loaded file came from (see [`pick_sheet`]).
    pub fn pick_sheet(self, entry: FileEntry, sheet: usize) {
        pick_sheet(self.0, entry, sheet);
    }

    /// Reads a loaded file again in another code page (see [`set_code_page`]).
    pub fn set_code_page(self, entry: FileEntry, code_page: CodePage) {
        set_code_page(self.0, entry, code_page);
    }

    /// Removes a loaded file (see [`remove`]).
    pub fn remove(self, id: u64) {
        remove(self.0, id);
    }

    /// Reads the loaded deals file `id` again as the earlier export of the deals (the Pipeline
    /// change notice's one-click action).
    pub fn as_earlier_export(self, id: u64) {
        apply(self.0, move |set| set.as_earlier_export(id).map(Some).map_err(|e| e.to_string()));
    }

    /// Swaps the roles of the current deals and the earlier export.
    pub fn swap_snapshots(self) {
        apply(self.0, move |set| Ok(set.swap_snapshots()));
    }

    /// Sets the as-of dates the user typed for the earlier and the current deals export.
    pub fn set_as_of(self, as_of: pipelens_engine::AsOf) {
        let state = self.0;
        let loaded = state.data.loaded.with_untracked(|l| {
            (l.workspace.as_of != as_of).then(|| Loaded {
                workspace: pipelens_engine::Workspace { as_of, ..l.workspace.clone() },
                source: l.source,
                files: l.files.clone(),
            })
        });
        if let Some(loaded) = loaded {
            show(state, loaded);
        }
    }

    /// The loaded files' bytes with their datasets and columns (see [`bundle_loaded`]).
    pub async fn bundle(self) -> Result<Vec<BundledFile>, String> {
        bundle_loaded(self.0).await
    }

    /// Stops the load in progress; the data on screen stays.
    pub fn cancel(self) {
        self.0.data.cancel_load();
        // Workers reading on a guess would otherwise read on for no one.
        parse::forget();
    }

    /// Goes back to the demo company, stopping any load and dropping waiting files.
    pub fn demo(self) {
        self.cancel();
        self.0.data.pending.set(Vec::new());
        show(self.0, Loaded::demo());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_line_names_its_files() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let text = |st: LoadStatus| match st {
            LoadStatus::Notice(t) | LoadStatus::Failed(t) => t,
            _ => String::new(),
        };
        // Only a file waiting: no empty "Loaded ." before it.
        let only_waiting = text(message::after_load(&[], &[], &s(&["hubspot.csv"])));
        assert_eq!(only_waiting, "hubspot.csv waits for its columns to be chosen below.");
        let mixed = text(message::after_load(
            &s(&["a.csv as deals"]),
            &s(&["b.xlsx is an Excel workbook."]),
            &s(&["c.csv", "d.csv"]),
        ));
        assert_eq!(mixed, "b.xlsx is an Excel workbook. Loaded a.csv as deals. c.csv, d.csv wait for their columns to be chosen below.");
        assert!(
            matches!(message::after_load(&[], &s(&["x.csv is empty."]), &[]), LoadStatus::Failed(t) if t == "x.csv is empty.")
        );
        assert_eq!(message::after_load(&s(&["a.csv as deals"]), &[], &[]), LoadStatus::Idle);
        for line in [message::gone("q.csv"), message::not_held("q.csv"), message::no_longer_loaded("q.csv")] {
            assert!(line.starts_with("q.csv"), "{line}");
        }
    }

    #[test]
    fn a_file_the_browser_would_not_give_is_named_with_why() {
        use crate::io::file_input::ReadError;
        // The reasons the page knows are its own words; any other is the browser's, without
        // the full stop that would end the sentence inside the brackets.
        for (why, said) in [
            ("NotFoundError", "it is no longer where it was picked from"),
            ("NotReadableError", "it changed after it was picked"),
            ("The file could not be read.", "The file could not be read"),
        ] {
            assert_eq!(
                message::read_error("q.csv", &ReadError::Browser(why.into())),
                format!(
                    "q.csv: the browser could not read the file ({said}). If it was moved or changed, load it again."
                )
            );
        }
        let big = message::read_error("q.csv", &ReadError::TooLarge { bytes: 2_345_678_901.0 });
        assert_eq!(big, "q.csv is 2,346 MB, more than this tab can hold in memory: split it, or filter the export.");
    }
}
