//! Loading files: read in slices, recognised by their headers, parsed in chunks of about
//! 30 ms with the page free in between, cancellable; then added to (or replacing) what is
//! loaded. Files whose columns cannot be recognised wait in the mapping screen.

use crate::io::file_input::{next_frame, read_bytes, ReadError, Slices};
use crate::io::file_store;
use crate::state::{AppState, FileEntry, LoadStatus, Loaded, PendingFile, Shared, Source};
use leptos::prelude::*;
use leptos::task::spawn_local;
use pipelens_engine::ingest::{preview_start, DatasetKind, DateOrder, Feed, Imported, PushError, Reader};
use pipelens_engine::share::BundledFile;
use pipelens_engine::share::FileRef;
use pipelens_engine::Workspace;
use std::collections::HashSet;
use std::sync::Arc;

/// Time a parse chunk aims to take, in ms.
const CHUNK_MS: f64 = 30.0;

/// The page gets a turn (a paint of the progress bar, input) after this much parsing, in ms:
/// short enough that clicks and paints go through, long enough that the turns (at least 4 ms
/// each, a nested timer's clamp, plus the paint) cost little of a big file's time.
const TURN_MS: f64 = 60.0;

/// Rows shown in the mapping screen's preview.
const PREVIEW_ROWS: usize = 5;

/// Rows for the next chunk, from how long the last one took.
fn next_chunk(rows: usize, elapsed_ms: f64) -> usize {
    let scaled = rows as f64 * CHUNK_MS / elapsed_ms.max(1.0);
    (scaled as usize).clamp(500, 200_000)
}

/// Why a file did not load.
enum Stop {
    /// Cancelled, or overtaken by a newer load: say nothing.
    Cancelled,
    /// The file cannot be used, and why.
    Failed(String),
}

/// The load in progress: its id, to notice when it has been cancelled or overtaken.
#[derive(Clone, Copy)]
struct Load {
    state: AppState,
    id: u64,
}

impl Load {
    fn begin(state: AppState) -> Load {
        Load { state, id: state.data.begin_load() }
    }

    fn current(self) -> bool {
        self.state.data.load_id.get_untracked() == self.id
    }

    /// Reads the start of a file, for its preview: up to one slice of a file being read in
    /// slices, or all of it when it is no larger.
    async fn head(self, file: &web_sys::File) -> Result<Vec<u8>, Stop> {
        let name = file.name();
        let status = self.state.data.status;
        status.set(LoadStatus::Reading { file: name.clone(), done: 0.0, total: file.size() });
        let mut slices = Slices::of_file(file.clone()).map_err(|e| Stop::Failed(format!("{name}: {e}.")))?;
        let (head, _) = self.slice(&mut slices, &name).await?;
        status.set(LoadStatus::Reading { file: name, done: head.len() as f64, total: file.size() });
        Ok(head)
    }

    /// The start of a kept file, and its size.
    async fn kept_head(self, id: u64) -> Result<(Vec<u8>, u64), Stop> {
        let file = file_store::get(id)
            .ok_or_else(|| Stop::Failed("The file is no longer available; load it again.".into()))?;
        Ok((self.head(&file).await?, file.size() as u64))
    }

    /// The next slice of a file and whether it is the last.
    async fn slice(self, slices: &mut Slices, name: &str) -> Result<(Vec<u8>, bool), Stop> {
        let next = slices.next().await;
        if !self.current() {
            return Err(Stop::Cancelled);
        }
        match next {
            Ok(Some(slice)) => Ok(slice),
            Ok(None) => Ok((Vec::new(), true)),
            Err(ReadError::Cancelled) => Err(Stop::Cancelled),
            Err(e) => Err(Stop::Failed(format!("{name}: {e}."))),
        }
    }

    /// Whether a file whose header could not be used has bytes that do not decode, which a
    /// whole-file read reports first: reads it through a feed that keeps no text.
    async fn decode_error(self, name: &str, bytes: &Bytes, windows_1252: bool) -> Result<Option<PushError>, Stop> {
        let mut slices = bytes.slices(name)?;
        let total = slices.total() as u64;
        let mut feed = if windows_1252 { Feed::windows_1252(name, total) } else { Feed::new(name, total) }.check_only();
        while !feed.complete() {
            let (slice, last) = self.slice(&mut slices, name).await?;
            if let Err(e) = feed.push(&slice, last) {
                return Ok(Some(e));
            }
        }
        Ok(None)
    }

    /// Parses a file as `kind` as it is read, a slice at a time (the next slice's read under
    /// way while one is parsed), in chunks of about 30 ms, rejecting rows whose key is in
    /// `known`. Never holds more than a few slices of the file.
    async fn parse(
        self,
        name: &str,
        bytes: &Bytes,
        kind: DatasetKind,
        mapping: Option<&[Option<usize>]>,
        date_order: Option<DateOrder>,
        known: Option<(&Workspace, &str)>,
    ) -> Result<Imported, Stop> {
        let status = self.state.data.status;
        let failed = |e: pipelens_engine::ImportError| Stop::Failed(e.to_string());
        // A file whose start is UTF-8 and whose later bytes are not is read again as Windows-1252.
        let mut windows_1252 = false;
        'again: loop {
            let mut slices = bytes.slices(name)?;
            let total = slices.total();
            let parsing = |rows: usize, done: f64| LoadStatus::Parsing { file: name.to_owned(), rows, done, total };
            status.set(parsing(0, 0.0));
            next_frame().await;
            if !self.current() {
                return Err(Stop::Cancelled);
            }
            let mut feed =
                if windows_1252 { Feed::windows_1252(name, total as u64) } else { Feed::new(name, total as u64) };
            while !feed.ready() {
                let (slice, last) = self.slice(&mut slices, name).await?;
                match feed.push(&slice, last) {
                    Ok(()) => {}
                    Err(PushError::Import(e)) => return Err(failed(e)),
                    Err(PushError::ReadAgainAsWindows1252) => {
                        windows_1252 = true;
                        continue 'again;
                    }
                }
            }
            let mut reader = match Reader::from_feed(kind, name, feed, mapping) {
                Ok(r) => r,
                Err(e) => match self.decode_error(name, bytes, windows_1252).await? {
                    Some(PushError::Import(e)) => return Err(failed(e)),
                    Some(PushError::ReadAgainAsWindows1252) => {
                        windows_1252 = true;
                        continue 'again;
                    }
                    None => return Err(failed(e)),
                },
            };
            if let Some((ws, from)) = known {
                reader.with_known_keys(ws.keys(kind), from);
            }
            if let Some(order) = date_order {
                reader.with_date_order(order);
            }
            let mut rows = 5_000;
            let mut frame = js_sys::Date::now();
            loop {
                let started = js_sys::Date::now();
                if reader.read_chunk(rows) {
                    break;
                }
                if reader.wants_input() {
                    let (slice, last) = self.slice(&mut slices, name).await?;
                    match reader.push(&slice, last) {
                        Ok(()) => {}
                        Err(PushError::Import(e)) => return Err(failed(e)),
                        Err(PushError::ReadAgainAsWindows1252) => {
                            windows_1252 = true;
                            continue 'again;
                        }
                    }
                } else {
                    rows = next_chunk(rows, js_sys::Date::now() - started);
                }
                if js_sys::Date::now() - frame >= TURN_MS {
                    status.set(parsing(reader.rows_read(), reader.file_bytes_read() as f64));
                    next_frame().await;
                    if !self.current() {
                        return Err(Stop::Cancelled);
                    }
                    frame = js_sys::Date::now();
                }
            }
            let imported = reader.finish().map_err(failed)?;
            // Settling the columns and drawing the dashboard are separate tasks: the page breathes between.
            next_frame().await;
            if !self.current() {
                return Err(Stop::Cancelled);
            }
            return Ok(imported);
        }
    }
}

/// Where a file's bytes are read from: a kept handle of the user's file, or bytes in memory.
#[derive(Clone)]
enum Bytes {
    File(web_sys::File),
    Memory(Arc<Vec<u8>>),
}

impl Bytes {
    /// The handle kept under `id`.
    fn kept(id: u64) -> Result<Bytes, Stop> {
        file_store::get(id)
            .map(Bytes::File)
            .ok_or_else(|| Stop::Failed("The file is no longer available; load it again.".into()))
    }

    fn slices(&self, name: &str) -> Result<Slices, Stop> {
        match self {
            Bytes::File(f) => Slices::of_file(f.clone()).map_err(|e| Stop::Failed(format!("{name}: {e}."))),
            Bytes::Memory(b) => Ok(Slices::of_bytes(Arc::clone(b))),
        }
    }
}

/// What is loaded from the user's files: a copy to change (empty when the demo is on screen).
fn user_data(state: AppState) -> (Workspace, Vec<FileEntry>) {
    state.data.loaded.with_untracked(|l| match l.source {
        Source::Demo => (Workspace::default(), Vec::new()),
        Source::Files => (l.workspace.clone(), l.files.clone()),
    })
}

/// Shows the user's files; with none left, the demo again.
fn show_files(state: AppState, workspace: Workspace, files: Vec<FileEntry>) {
    if files.is_empty() {
        state.show(Loaded::demo());
    } else {
        state.show(Loaded { workspace, source: Source::Files, files });
    }
}

/// Names of the files loaded for `kind`, for "already loaded from ...".
fn names_of(files: &[FileEntry], kind: DatasetKind) -> String {
    files.iter().filter(|f| f.kind == kind).map(|f| f.name.as_str()).collect::<Vec<_>>().join(", ")
}

/// Reads every dropped or picked file in turn: each is recognised by its headers and added
/// to its dataset. Files of one drop for the same dataset join each other; a dataset loaded
/// before is replaced or joined as the user chose. Files whose columns are not recognised
/// wait in the mapping screen; files that cannot be used are listed with the reason.
pub fn load_files(state: AppState, list: web_sys::FileList) {
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    let load = Load::begin(state);
    spawn_local(async move {
        let mut this_drop: HashSet<DatasetKind> = HashSet::new();
        let mut problems = Vec::new();
        let mut loaded = Vec::new();
        let mut waiting = 0;
        for file in files {
            let name = file.name();
            let id = file_store::keep(file.clone());
            let head = match load.head(&file).await {
                Ok(b) => b,
                Err(Stop::Cancelled) => return,
                Err(Stop::Failed(why)) => {
                    problems.push(why);
                    continue;
                }
            };
            let bytes = Bytes::File(file.clone());
            let p = match preview_start(&name, &head, file.size() as u64, PREVIEW_ROWS, None) {
                Ok(p) => p,
                Err(e) => match load.decode_error(&name, &bytes, false).await {
                    // A whole-file read reports bytes that do not decode first.
                    Ok(Some(PushError::Import(d))) => {
                        problems.push(d.to_string());
                        continue;
                    }
                    Ok(_) => {
                        problems.push(e.to_string());
                        continue;
                    }
                    Err(Stop::Cancelled) => return,
                    Err(Stop::Failed(why)) => {
                        problems.push(why);
                        continue;
                    }
                },
            };
            drop(head);
            // A file a shared view names is read with the columns it was read with there.
            let (kind, mapping, date_order, auto) = match link_hint(state, &name, &p) {
                Some(r) => (r.kind, r.mapping, r.date_order, false),
                None if !p.complete() => {
                    waiting += 1;
                    let pending = PendingFile { id, name, preview: p, replaces: None };
                    state.data.pending.update(|list| list.push(Shared(Arc::new(pending))));
                    continue;
                }
                None => (p.kind, p.mapping, None, true),
            };
            let (mut ws, mut entries) = user_data(state);
            let append = this_drop.contains(&kind) || (state.data.append.get_untracked() && ws.rows(kind).is_some());
            let from = names_of(&entries, kind);
            let known = append.then_some((&ws, from.as_str()));
            let chosen = (!auto).then_some(mapping.as_slice());
            match load.parse(&name, &bytes, kind, chosen, date_order, known).await {
                Ok(imported) => {
                    if !append {
                        entries.retain(|f| f.kind != kind);
                    }
                    ws.insert(imported.data, append);
                    entries.push(FileEntry {
                        id,
                        name: name.clone(),
                        kind,
                        mapping,
                        auto,
                        date_order,
                        report: imported.report,
                    });
                    show_files(state, ws, entries);
                    this_drop.insert(kind);
                    loaded.push(format!("{name} as {}", kind.name()));
                }
                Err(Stop::Cancelled) => return,
                Err(Stop::Failed(why)) => problems.push(why),
            }
        }
        finish_status(state, &loaded, &problems, waiting);
    });
}

/// Reads files a share link (or this device's storage) carried, with the datasets and columns
/// they were read with, in place of what is loaded; then calls `then`. Each file is kept as a
/// `File` made in the tab, so it can be reviewed or shared again like a file the user picked.
pub fn load_bundle(state: AppState, files: Vec<BundledFile>, then: impl FnOnce(AppState) + 'static) {
    let load = Load::begin(state);
    spawn_local(async move {
        let mut ws = Workspace::default();
        let mut entries: Vec<FileEntry> = Vec::new();
        for f in files {
            let Some(id) = keep_in_tab(&f.name, &f.bytes) else {
                return state
                    .data
                    .status
                    .set(LoadStatus::Failed(format!("{}: the browser could not hold the file.", f.name)));
            };
            let from = names_of(&entries, f.kind);
            let append = ws.rows(f.kind).is_some();
            let known = append.then_some((&ws, from.as_str()));
            let bytes = Bytes::Memory(Arc::new(f.bytes));
            match load.parse(&f.name, &bytes, f.kind, Some(&f.mapping), f.date_order, known).await {
                Ok(imported) => {
                    ws.insert(imported.data, append);
                    entries.push(FileEntry {
                        id,
                        name: f.name,
                        kind: f.kind,
                        mapping: f.mapping,
                        auto: false,
                        date_order: f.date_order,
                        report: imported.report,
                    });
                }
                Err(Stop::Cancelled) => return,
                Err(Stop::Failed(why)) => return state.data.status.set(LoadStatus::Failed(why)),
            }
        }
        state.data.status.set(LoadStatus::Idle);
        show_files(state, ws, entries);
        then(state);
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
        let file = file_store::get(f.id).ok_or_else(|| format!("{} is no longer available; load it again.", f.name))?;
        let bytes = read_bytes(&file, |_, _| {}, &|| true).await.map_err(|e| format!("{}: {e}.", f.name))?;
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

/// The banner after a load: errors when nothing loaded, else a notice of what did and did not.
fn finish_status(state: AppState, loaded: &[String], problems: &[String], waiting: usize) {
    let wait = match waiting {
        0 => String::new(),
        1 => " One file waits for its columns to be chosen.".to_owned(),
        n => format!(" {n} files wait for their columns to be chosen."),
    };
    state.data.status.set(match (loaded.is_empty(), problems.is_empty()) {
        (_, true) if loaded.len() <= 1 && waiting == 0 => LoadStatus::Idle,
        (_, true) => LoadStatus::Notice(format!("Loaded {}.{wait}", loaded.join(", "))),
        (true, false) if waiting == 0 => LoadStatus::Failed(problems.join(" ")),
        (_, false) => LoadStatus::Notice(format!(
            "Could not use every file. {}{}{wait}",
            problems.join(" "),
            if loaded.is_empty() { String::new() } else { format!(" Loaded {}.", loaded.join(", ")) }
        )),
    });
}

/// Reads a waiting file with the dataset and columns the user chose. A file that replaces a
/// loaded one (a review, or a change of dataset) takes its place; the other files of the
/// datasets involved are read again so nothing is counted twice.
pub fn read_pending(state: AppState, pending: Shared<PendingFile>, kind: DatasetKind, mapping: Vec<Option<usize>>) {
    let load = Load::begin(state);
    spawn_local(async move {
        let auto = mapping == pending.preview.mapping_for(kind);
        let outcome = match pending.replaces {
            Some(old) => replace(load, old, &pending, kind, mapping, auto, None).await,
            None => add(load, &pending, kind, mapping, auto).await,
        };
        match outcome {
            Ok(()) => {
                state.data.pending.update(|list| list.retain(|p| !Arc::ptr_eq(&p.0, &pending.0)));
                state.data.status.set(LoadStatus::Idle);
            }
            Err(Stop::Cancelled) => {}
            Err(Stop::Failed(why)) => state.data.status.set(LoadStatus::Failed(why)),
        }
    });
}

async fn add(
    load: Load,
    p: &PendingFile,
    kind: DatasetKind,
    mapping: Vec<Option<usize>>,
    auto: bool,
) -> Result<(), Stop> {
    let state = load.state;
    let (mut ws, mut entries) = user_data(state);
    let append = state.data.append.get_untracked() && ws.rows(kind).is_some();
    let from = names_of(&entries, kind);
    let known = append.then_some((&ws, from.as_str()));
    let imported = load.parse(&p.name, &Bytes::kept(p.id)?, kind, Some(&mapping), None, known).await?;
    if !append {
        entries.retain(|f| f.kind != kind);
    }
    ws.insert(imported.data, append);
    entries.push(FileEntry {
        id: p.id,
        name: p.name.clone(),
        kind,
        mapping,
        auto,
        date_order: None,
        report: imported.report,
    });
    show_files(state, ws, entries);
    Ok(())
}

async fn replace(
    load: Load,
    old: u64,
    p: &PendingFile,
    kind: DatasetKind,
    mapping: Vec<Option<usize>>,
    auto: bool,
    date_order: Option<DateOrder>,
) -> Result<(), Stop> {
    let state = load.state;
    let (mut ws, entries) = user_data(state);
    let Some(position) = entries.iter().position(|f| f.id == old) else {
        return Err(Stop::Failed(format!("{} is no longer loaded.", p.name)));
    };
    let old_kind = entries[position].kind;
    let date_order = date_order.or(entries[position].date_order);
    // Read again, in order, the other files of both datasets; then this one in its place.
    ws.remove(old_kind);
    ws.remove(kind);
    let mut rebuilt = Vec::with_capacity(entries.len());
    for (i, f) in entries.into_iter().enumerate() {
        if i == position {
            let from = names_of(&rebuilt, kind);
            let append = ws.rows(kind).is_some();
            let known = append.then_some((&ws, from.as_str()));
            let imported = load.parse(&p.name, &Bytes::kept(p.id)?, kind, Some(&mapping), date_order, known).await?;
            ws.insert(imported.data, append);
            rebuilt.push(FileEntry {
                id: p.id,
                name: p.name.clone(),
                kind,
                mapping: mapping.clone(),
                auto,
                date_order,
                report: imported.report,
            });
        } else if f.kind == old_kind || f.kind == kind {
            let bytes = Bytes::kept(f.id)?;
            let from = names_of(&rebuilt, f.kind);
            let append = ws.rows(f.kind).is_some();
            let known = append.then_some((&ws, from.as_str()));
            let imported = load.parse(&f.name, &bytes, f.kind, Some(&f.mapping), f.date_order, known).await?;
            ws.insert(imported.data, append);
            rebuilt.push(FileEntry { report: imported.report, ..f });
        } else {
            rebuilt.push(f);
        }
    }
    show_files(state, ws, rebuilt);
    Ok(())
}

/// Opens a loaded file in the mapping screen, as `kind` (its current dataset when `None`),
/// with its current columns when the dataset stays the same. When the file is to be read as
/// another dataset whose columns its headers name, it is read at once.
pub fn review(state: AppState, entry: FileEntry, kind: Option<DatasetKind>) {
    let load = Load::begin(state);
    spawn_local(async move {
        let kind_changes = kind.is_some_and(|k| k != entry.kind);
        let kind = kind.unwrap_or(entry.kind);
        let (head, size) = match load.kept_head(entry.id).await {
            Ok(b) => b,
            Err(Stop::Cancelled) => return,
            Err(Stop::Failed(why)) => return state.data.status.set(LoadStatus::Failed(why)),
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
pub fn set_date_order(state: AppState, entry: FileEntry, order: DateOrder) {
    let load = Load::begin(state);
    spawn_local(async move {
        let outcome = match load.kept_head(entry.id).await {
            Ok((head, size)) => match preview_start(&entry.name, &head, size, 1, Some(entry.kind)) {
                Ok(p) => {
                    let p =
                        PendingFile { id: entry.id, name: entry.name.clone(), preview: p, replaces: Some(entry.id) };
                    replace(load, entry.id, &p, entry.kind, entry.mapping.clone(), entry.auto, Some(order)).await
                }
                Err(e) => Err(Stop::Failed(e.to_string())),
            },
            Err(e) => Err(e),
        };
        match outcome {
            Ok(()) => state.data.status.set(LoadStatus::Idle),
            Err(Stop::Cancelled) => {}
            Err(Stop::Failed(why)) => state.data.status.set(LoadStatus::Failed(why)),
        }
    });
}

/// Removes a loaded file (and reads the other files of its dataset again).
pub fn remove(state: AppState, id: u64) {
    let load = Load::begin(state);
    spawn_local(async move {
        let (mut ws, entries) = user_data(state);
        let Some(kind) = entries.iter().find(|f| f.id == id).map(|f| f.kind) else { return };
        ws.remove(kind);
        let mut kept = Vec::new();
        for f in entries.into_iter().filter(|f| f.id != id) {
            if f.kind == kind {
                let read = match Bytes::kept(f.id) {
                    Ok(bytes) => {
                        let from = names_of(&kept, kind);
                        let append = ws.rows(kind).is_some();
                        let known = append.then_some((&ws, from.as_str()));
                        load.parse(&f.name, &bytes, kind, Some(&f.mapping), f.date_order, known).await
                    }
                    Err(e) => Err(e),
                };
                match read {
                    Ok(imported) => {
                        ws.insert(imported.data, ws.rows(kind).is_some());
                        kept.push(FileEntry { report: imported.report, ..f });
                    }
                    Err(Stop::Cancelled) => return,
                    Err(Stop::Failed(why)) => return state.data.status.set(LoadStatus::Failed(why)),
                }
            } else {
                kept.push(f);
            }
        }
        state.data.status.set(LoadStatus::Idle);
        show_files(state, ws, kept);
    });
}

/// The loader as a capability: what a component may ask of it (load, review, remove, re-read),
/// without holding the state it works on.
#[derive(Clone, Copy)]
pub struct Loader(AppState);

impl Loader {
    /// Provides the loader over `state` as a context.
    pub fn provide(state: AppState) {
        provide_context(Loader(state));
    }

    /// The loader, from context.
    pub fn expect() -> Loader {
        expect_context()
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

    /// Removes a loaded file (see [`remove`]).
    pub fn remove(self, id: u64) {
        remove(self.0, id);
    }

    /// The loaded files' bytes with their datasets and columns (see [`bundle_loaded`]).
    pub async fn bundle(self) -> Result<Vec<BundledFile>, String> {
        bundle_loaded(self.0).await
    }

    /// Goes back to the demo company, stopping any load and dropping waiting files.
    pub fn demo(self) {
        self.0.data.cancel_load();
        self.0.data.pending.set(Vec::new());
        self.0.show(Loaded::demo());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_aim_at_thirty_milliseconds() {
        assert_eq!(next_chunk(5_000, 30.0), 5_000);
        assert_eq!(next_chunk(5_000, 60.0), 2_500);
        assert_eq!(next_chunk(5_000, 0.0), 150_000);
        assert_eq!(next_chunk(5_000, 10_000.0), 500);
        assert_eq!(next_chunk(200_000, 1.0), 200_000);
    }
}
