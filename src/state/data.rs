//! What is loaded and what is being loaded: the data handle.

use super::Shared;
use leptos::prelude::*;
use pipelens_engine::ingest::Preview;
use pipelens_engine::{demo, Workspace};
use std::sync::Arc;

/// Where the loaded data came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Source {
    /// The built-in demo company.
    Demo,
    /// Files the user loaded.
    Files,
}

/// A file the user loaded, and how it was read (its `id` is a handle in the file store,
/// `crate::io::file_store`): the engine's file set entry.
pub type FileEntry = pipelens_engine::file_set::LoadedFile;

/// A loaded workspace with its origin and the files it was read from.
#[derive(Debug)]
pub struct Loaded {
    /// The datasets.
    pub workspace: Workspace,
    /// Where they came from.
    pub source: Source,
    /// The files, in the order they were loaded (none for the demo).
    pub files: Vec<FileEntry>,
}

impl Loaded {
    /// The demo company.
    pub fn demo() -> Loaded {
        Loaded { workspace: demo::demo_workspace(demo::DEMO_SEED), source: Source::Demo, files: Vec::new() }
    }

    /// The user's files (none when the demo is on screen).
    pub fn user_files(&self) -> &[FileEntry] {
        match self.source {
            Source::Demo => &[],
            Source::Files => &self.files,
        }
    }
}

/// A file whose columns the user chooses (or reviews) before it is read.
#[derive(Debug)]
pub struct PendingFile {
    /// Id of its handle in the file store: the file is read from it, in slices, when its
    /// columns are chosen (its bytes are not kept meanwhile).
    pub id: u64,
    /// File name.
    pub name: String,
    /// Headers, first rows, the dataset it seems to hold and the column guess.
    pub preview: Preview,
    /// The loaded file this one replaces once read (a review or a change of dataset).
    pub replaces: Option<u64>,
}

/// What the loader is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadStatus {
    /// Nothing in progress.
    Idle,
    /// Reading a file: bytes done of total.
    Reading {
        /// File name.
        file: String,
        /// Bytes read so far.
        done: f64,
        /// File size.
        total: f64,
    },
    /// Parsing a file that has been read.
    Parsing {
        /// File name.
        file: String,
        /// Data rows parsed so far.
        rows: usize,
        /// Bytes of the file parsed so far.
        done: f64,
        /// File size.
        total: f64,
    },
    /// The last file could not be used; the previous data stays on screen.
    Failed(String),
    /// The file loaded, with something the user should know.
    Notice(String),
}

/// The data handle: what is loaded, the loader's progress and the files waiting for columns.
#[derive(Clone, Copy)]
pub struct DataState {
    /// The loaded data.
    pub loaded: RwSignal<Shared<Loaded>>,
    /// The loader's progress or last error.
    pub status: RwSignal<LoadStatus>,
    /// Id of the load in progress: a load whose id is no longer current stops.
    pub load_id: RwSignal<u64>,
    /// Files waiting for the user to choose (or review) their columns, first shown first.
    pub pending: RwSignal<Vec<Shared<PendingFile>>>,
    /// Whether a file for a dataset that is already loaded joins it (true) or replaces it.
    pub append: RwSignal<bool>,
}

impl DataState {
    /// The demo company, nothing loading.
    pub fn new() -> DataState {
        DataState {
            loaded: RwSignal::new(Shared(Arc::new(Loaded::demo()))),
            status: RwSignal::new(LoadStatus::Idle),
            load_id: RwSignal::new(0),
            pending: RwSignal::new(Vec::new()),
            append: RwSignal::new(false),
        }
    }

    /// Starts a load, stopping any other, and returns its id.
    pub fn begin_load(&self) -> u64 {
        let id = self.load_id.get_untracked() + 1;
        self.load_id.set(id);
        id
    }

    /// Stops the load in progress; the data on screen stays.
    pub fn cancel_load(&self) {
        self.begin_load();
        self.status.set(LoadStatus::Idle);
    }

    /// Says something the user should know, in the status banner.
    pub fn notice(&self, text: impl Into<String>) {
        self.status.set(LoadStatus::Notice(text.into()));
    }

    /// Says why something failed, in the status banner.
    pub fn fail(&self, text: impl Into<String>) {
        self.status.set(LoadStatus::Failed(text.into()));
    }
}

impl Default for DataState {
    fn default() -> Self {
        DataState::new()
    }
}
