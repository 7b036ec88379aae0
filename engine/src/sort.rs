//! Stable sorting with one copy of the sorting code. `slice::sort_by` is generic over the
//! element and the closure, so every call site adds its own ~5 KB of sorting code to the wasm
//! binary; here the sort runs once, on indices with a `dyn` comparison, and each call site adds
//! only a small permutation. The lists sorted this way are a handful to a few thousand rows
//! (segments, report lines, the demo's records), or rows whose close dates spread too wide for
//! the close-date index's counting sort (a small table, or a few outlying dates).
//! [`map_of`] builds a `BTreeMap` without the sort a collected one brings.

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The order of `0..len` under `cmp`, ties in index order.
fn order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..len).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Sorts `v` by `cmp`, keeping equal elements in their order (like `slice::sort_by`).
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let idx = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(idx.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

/// Sorts `v` by the key `key` gives, keeping equal elements in their order.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The map of `pairs`, a later pair replacing an earlier one with the same key (as `collect`
/// does), built by inserting each: a collected `BTreeMap` sorts its entries first, with a sort
/// of its own in the page's wasm.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_library(v in proptest::collection::vec((0u8..5, any::<u16>()), 0..300)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = v;
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn a_map_of_pairs_is_the_map_they_collect_into() {
        let pairs = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        assert_eq!(map_of(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
    }
}
