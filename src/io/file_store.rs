//! Handles of the files the user loaded, so a file can be read again (as another dataset, with
//! other columns) without keeping its bytes in memory: a `File` is a reference to the user's
//! disk, not a copy.

use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    static FILES: RefCell<(u64, HashMap<u64, web_sys::File>)> = RefCell::new((0, HashMap::new()));
}

/// Keeps a handle and returns its id.
pub fn keep(file: web_sys::File) -> u64 {
    FILES.with_borrow_mut(|(next, files)| {
        *next += 1;
        files.insert(*next, file);
        *next
    })
}

/// The handle kept under `id`.
pub fn get(id: u64) -> Option<web_sys::File> {
    FILES.with_borrow(|(_, files)| files.get(&id).cloned())
}

/// Lets go of every handle except `keep`.
pub fn retain(keep: &[u64]) {
    FILES.with_borrow_mut(|(_, files)| files.retain(|id, _| keep.contains(id)));
}
