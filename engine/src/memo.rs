//! Figures a [`crate::Selection`] has computed over its rows, kept for the KPIs that ask for
//! the same figure again in one redraw: revenue over the period is read by the revenue tile,
//! both growth tiles, their comparisons and the derived targets.
//!
//! Each figure is kept under what it was computed for (a name, a period, a currency and the
//! table's length) and handed out shared. A figure is computed outside the lock, so a
//! computation may itself ask the memo for another figure.

use std::any::Any;
use std::sync::{Arc, Mutex};

/// Most figures kept; past it the oldest go.
const KEEP: usize = 512;

/// What a kept figure was computed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemoKey {
    /// Which figure (one name per type of figure).
    pub what: &'static str,
    /// First day of the period.
    pub from: i32,
    /// Last day of the period.
    pub to: i32,
    /// The currency amounts are counted in.
    pub currency: Option<u32>,
    /// Rows of the table it was computed over.
    pub rows: usize,
}

/// Figures kept for one selection (see the module docs). A clone starts empty.
#[derive(Default)]
pub struct Memo {
    kept: Mutex<Vec<(MemoKey, Arc<dyn Any + Send + Sync>)>>,
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.kept.lock().map_or(0, |k| k.len());
        write!(f, "Memo({n} figures)")
    }
}

impl Clone for Memo {
    fn clone(&self) -> Memo {
        Memo::default()
    }
}

impl Memo {
    /// How many figures are kept.
    pub fn len(&self) -> usize {
        self.kept.lock().map_or(0, |k| k.len())
    }

    /// Whether no figure is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether a figure is kept under `key`.
    pub fn has(&self, key: MemoKey) -> bool {
        self.kept.lock().is_ok_and(|kept| kept.iter().any(|(k, _)| *k == key))
    }

    /// The figure kept under `key`, or `compute()` kept under it now.
    pub fn get_or<T: Any + Send + Sync>(&self, key: MemoKey, compute: impl FnOnce() -> T) -> Arc<T> {
        let found = self.kept.lock().ok().and_then(|kept| {
            kept.iter().find(|(k, _)| *k == key).and_then(|(_, v)| Arc::clone(v).downcast::<T>().ok())
        });
        if let Some(v) = found {
            return v;
        }
        let v = Arc::new(compute());
        if let Ok(mut kept) = self.kept.lock() {
            kept.push((key, Arc::clone(&v) as Arc<dyn Any + Send + Sync>));
            let excess = kept.len().saturating_sub(KEEP);
            kept.drain(..excess);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(what: &'static str, from: i32) -> MemoKey {
        MemoKey { what, from, to: from + 30, currency: None, rows: 10 }
    }

    #[test]
    fn a_figure_is_computed_once_per_key_and_may_ask_for_another() {
        let memo = Memo::default();
        let mut calls = 0;
        let a = memo.get_or(key("sum", 1), || {
            calls += 1;
            // A computation asks the memo for another figure: no deadlock.
            *memo.get_or(key("count", 1), || 2usize) as f64 * 1.5
        });
        assert_eq!(*a, 3.0);
        assert_eq!(*memo.get_or(key("sum", 1), || -1.0), 3.0);
        assert_eq!(calls, 1);
        assert!(memo.has(key("sum", 1)) && memo.has(key("count", 1)) && !memo.has(key("sum", 3)));
        assert_eq!(*memo.get_or(key("sum", 2), || 7.0), 7.0);
        assert_eq!(*memo.get_or(key("count", 1), || 9usize), 2);
        // A clone starts empty.
        assert_eq!(*memo.clone().get_or(key("sum", 1), || 5.0), 5.0);
    }

    #[test]
    fn at_most_keep_figures_are_kept() {
        let memo = Memo::default();
        for from in 0..(KEEP as i32 + 10) {
            memo.get_or(key("n", from), || from);
        }
        assert_eq!(memo.kept.lock().map(|k| k.len()).unwrap_or(0), KEEP);
        assert_eq!(*memo.get_or(key("n", 0), || -1), -1, "the oldest went");
    }
}
