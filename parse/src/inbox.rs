//! Messages from another thread, queued as they arrive and waited for one at a time by async
//! code: the page's side of each worker, and the head's worker waiting for the tail's part.

use js_sys::{Function, Promise};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// A queue of messages with a waiter to wake.
pub struct Inbox<T> {
    queue: RefCell<VecDeque<T>>,
    wake: RefCell<Option<Function>>,
}

impl<T> Default for Inbox<T> {
    fn default() -> Self {
        Inbox { queue: RefCell::new(VecDeque::new()), wake: RefCell::new(None) }
    }
}

impl<T> Inbox<T> {
    /// Queues `message` and wakes whoever waits.
    pub fn deliver(&self, message: T) {
        self.queue.borrow_mut().push_back(message);
        if let Some(wake) = self.wake.borrow_mut().take() {
            let _ = wake.call0(&JsValue::NULL);
        }
    }

    /// Keeps only the queued messages `keep` says to.
    pub fn retain(&self, keep: impl Fn(&T) -> bool) {
        self.queue.borrow_mut().retain(keep);
    }

    /// The first queued message, if any, without waiting.
    pub fn take(&self) -> Option<T> {
        self.queue.borrow_mut().pop_front()
    }

    /// The next message, when it comes.
    pub async fn next(&self) -> T {
        loop {
            if let Some(m) = self.queue.borrow_mut().pop_front() {
                return m;
            }
            let wait = Promise::new(&mut |resolve, _| *self.wake.borrow_mut() = Some(resolve));
            let _ = JsFuture::from(wait).await;
        }
    }
}

/// Which of two inboxes a message came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Either {
    /// The first.
    First,
    /// The second.
    Second,
}

/// The next message of either inbox (the first's first when both hold one).
pub async fn next_of<T>(first: &Inbox<T>, second: &Inbox<T>) -> (Either, T) {
    loop {
        if let Some(m) = first.queue.borrow_mut().pop_front() {
            return (Either::First, m);
        }
        if let Some(m) = second.queue.borrow_mut().pop_front() {
            return (Either::Second, m);
        }
        let wait = Promise::new(&mut |resolve, _| {
            *first.wake.borrow_mut() = Some(resolve.clone());
            *second.wake.borrow_mut() = Some(resolve);
        });
        let _ = JsFuture::from(wait).await;
    }
}
