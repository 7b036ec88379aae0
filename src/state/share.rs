//! Shared views and this device's memory: the share handle.

use leptos::prelude::*;
use pipelens_engine::share::LinkState;

/// What the user asked this device to remember.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Remember {
    /// Nothing (the default).
    Nothing,
    /// The settings: view, targets, board, mapping and stage rules.
    Settings,
    /// The settings and the loaded files.
    SettingsAndData,
}

/// The data a link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkData {
    /// The bundle, deflated (raw) and base64url-encoded.
    Open(String),
    /// The same, encrypted with a passphrase.
    Locked(String),
}

/// A link whose data waits for its passphrase.
#[derive(Clone, Debug, PartialEq)]
pub struct LockedLink {
    /// The locked data, base64url.
    pub payload: String,
    /// The view to show once it is open.
    pub link: LinkState,
}

/// The share handle: a view waiting for its files or its passphrase, the data part of the
/// address, and what this device remembers.
#[derive(Clone, Copy)]
pub struct ShareState {
    /// A shared view waiting for the files it was made on to be loaded.
    pub awaiting: RwSignal<Option<LinkState>>,
    /// A shared link whose data waits for its passphrase.
    pub locked: RwSignal<Option<LockedLink>>,
    /// The data part of the link the loaded data came from, kept in the address so a reload
    /// reopens it; `None` when the data came from anywhere else.
    pub link_data: RwSignal<Option<LinkData>>,
    /// What this device remembers: nothing unless the user asks.
    pub remember: RwSignal<Remember>,
    /// Whether the app stopped on its last start and the remembered settings were not applied:
    /// the user may try them again or forget them.
    pub recovering: RwSignal<bool>,
}

impl ShareState {
    /// Nothing waiting; `remember` as this device's storage says.
    pub fn new(remember: Remember) -> ShareState {
        ShareState {
            awaiting: RwSignal::new(None),
            locked: RwSignal::new(None),
            link_data: RwSignal::new(None),
            remember: RwSignal::new(remember),
            recovering: RwSignal::new(false),
        }
    }
}
