//! The key column's duplicate check, end to end: a deals file's ids (repeating, in and out of
//! order, non-ASCII, empty) read whole, in slices and in two halves (merged, or the head
//! reading on when the halves share an id) give what a plain `HashMap<String, u64>` says: each
//! id kept from the line it is first seen on, every repeat rejected with that line, every row
//! without an id rejected, in line order.

use pipelens_engine::error::ImportError;
use pipelens_engine::ingest::{
    read_file, read_in_slices, Dataset, DatasetKind, FirstSeen, Imported, ReadOptions, Rejection, Session, Step, Tail,
};
use proptest::prelude::*;
use std::collections::HashMap;

/// A rejected row: its line, and for a repeat its id and the line the id was first seen on.
type Rejected = (u64, Option<(String, u64)>);

/// What a read says about the ids: the ids kept, in order, and the rows rejected (`None` when
/// no row could be kept).
type Outcome = Option<(Vec<String>, Vec<Rejected>)>;

/// The deals file with `ids` on its lines 2, 3, ...
fn file(ids: &[String]) -> Vec<u8> {
    let mut csv = String::from("deal_id,amount,stage,created_date\n");
    for (i, id) in ids.iter().enumerate() {
        csv += &format!("{id},{i},Won,2024-01-02\n");
    }
    csv.into_bytes()
}

/// What the reference map says of `ids`.
fn expected(ids: &[String]) -> Outcome {
    let mut first: HashMap<String, u64> = HashMap::new();
    let (mut kept, mut rejected) = (Vec::new(), Vec::new());
    for (i, id) in ids.iter().enumerate() {
        let line = i as u64 + 2;
        if id.is_empty() {
            rejected.push((line, None));
        } else if let Some(&f) = first.get(id) {
            rejected.push((line, Some((id.clone(), f))));
        } else {
            first.insert(id.clone(), line);
            kept.push(id.clone());
        }
    }
    (!kept.is_empty()).then_some((kept, rejected))
}

/// What a read gave.
fn outcome(read: Result<Imported, ImportError>) -> Outcome {
    let read = read.ok()?;
    let Dataset::Deals(table) = &read.data else { return None };
    let kept = (0..table.len()).map(|i| table.deal_id.get(i).to_owned()).collect();
    let rejected = read
        .report
        .rejected
        .iter()
        .map(|r| match &r.reason {
            Rejection::DuplicateKey { value, first: FirstSeen::Line(f), .. } => (r.line, Some((value.clone(), *f))),
            _ => (r.line, None),
        })
        .collect();
    Some((kept, rejected))
}

/// Reads `bytes` as two halves cut at `cut`, as two workers do: the head absorbs the tail's
/// part, or reads on when it may not (a key repeats across the halves, among others).
fn read_in_halves(bytes: &[u8], cut: u64, slice: usize, rows: usize) -> Result<Imported, ImportError> {
    let options = ReadOptions::new(DatasetKind::Deals);
    let len = bytes.len() as u64;
    let mut part = Tail::new("f.csv", len, options.clone(), bytes, cut).read_slices(bytes, slice, rows).ok();
    let mut session = Session::new("f.csv", len, options).stop_at(cut);
    loop {
        match session.step(rows) {
            Step::NeedInput => {
                let at = (session.bytes_pushed() as usize).min(bytes.len());
                let end = at.saturating_add(slice).min(bytes.len());
                session.push(&bytes[at..end], end == bytes.len());
            }
            Step::Paused { .. } => match part.take().map(|p| session.absorb(p)) {
                Some(Ok(())) => {}
                Some(Err(_)) | None => session.resume(),
            },
            Step::Progress { .. } | Step::Restart => {}
            Step::Done(imported) => return Ok(imported),
            Step::Failed(e) => return Err(e),
        }
    }
}

/// Ids as exports hold them and some they should not: ids that repeat, numbers that do not,
/// non-ASCII, empty.
fn some_id() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..400).prop_map(|i| format!("D-{i}")),
        (0u32..100_000).prop_map(|i| format!("{i:07}")),
        "[ab0ż中😀]{1,3}",
        Just(String::new()),
    ]
}

/// The ids, the first `sorted_share` of them sorted as the reader's in-order path compares
/// (shorter first, then byte by byte): in order for a while, then not.
fn ordered(mut ids: Vec<String>, sorted_share: f64) -> Vec<String> {
    let sorted = (ids.len() as f64 * sorted_share) as usize;
    ids[..sorted].sort_by(|a, b| (a.len(), a).cmp(&(b.len(), b)));
    ids
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Whole, in slices and in halves, the rows kept and rejected are the map's.
    #[test]
    fn every_way_of_reading_agrees_with_a_map(
        ids in proptest::collection::vec(some_id(), 1..3000),
        sorted_share in 0.0f64..1.0,
        slice in 7usize..5000,
        rows in 1usize..300,
        cut in 0.0f64..1.0,
    ) {
        let ids = ordered(ids, sorted_share);
        let bytes = file(&ids);
        let want = expected(&ids);
        let options = ReadOptions::new(DatasetKind::Deals);
        prop_assert_eq!(outcome(read_file(DatasetKind::Deals, "f.csv", &bytes, None)), want.clone(), "whole");
        prop_assert_eq!(outcome(read_in_slices("f.csv", &bytes, slice, options)), want.clone(), "slices of {}", slice);
        let cut = (bytes.len() as f64 * cut) as u64;
        prop_assert_eq!(outcome(read_in_halves(&bytes, cut, slice, rows)), want, "cut at {}", cut);
    }
}

#[test]
fn runs_of_ids_that_start_over_keep_their_first_lines() {
    // Runs of ids in order that start over, as in an export sorted by owner, past the sizes
    // the key table starts and is reserved with; one row in 97 repeats the id of a row halfway back.
    let ids: Vec<String> = (0..200_000u64)
        .map(|i| {
            if i % 97 == 96 {
                format!("D-{:05}-{}", (i / 2) % 10_800, (i / 2) / 10_800)
            } else {
                format!("D-{:05}-{}", i % 10_800, i / 10_800)
            }
        })
        .collect();
    let bytes = file(&ids);
    let want = expected(&ids);
    assert!(want.as_ref().is_some_and(|(_, rejected)| rejected.len() > 1_000));
    assert_eq!(outcome(read_file(DatasetKind::Deals, "f.csv", &bytes, None)), want);
    let cut = bytes.len() as u64 / 2;
    assert_eq!(outcome(read_in_halves(&bytes, cut, 1 << 16, usize::MAX)), want);
}

#[test]
fn ids_the_head_read_last_repeated_in_the_tail_are_rejected() {
    // Out of order throughout; the last rows repeat ids of the rows just before the cut, the
    // last the head reads (and so the last it saw).
    let mut ids: Vec<String> = (0..5_000u64).rev().map(|i| format!("D{i}")).collect();
    ids.extend(ids[2_990..3_000].to_vec());
    let bytes = file(&ids);
    let want = expected(&ids);
    let line_3000 = bytes.split(|&b| b == b'\n').take(3_000).map(|l| l.len() + 1).sum::<usize>();
    for cut in line_3000 - 5..line_3000 + 5 {
        assert_eq!(outcome(read_in_halves(&bytes, cut as u64, 1 << 16, usize::MAX)), want, "cut at {cut}");
    }
}
