//! Every generated CRM export (`pipelens_engine::fixtures`) maps with no hand and gives exactly
//! the headline KPIs its generator computed from its own records; any seed, in any layout,
//! reads back the deals that were written.

use pipelens_engine::deals_table::Dim;
use pipelens_engine::fixtures::{self, win_rate_ppm, Col, Fixture, Headline, Layout, LAYOUTS};
use pipelens_engine::ingest::{preview, read_deals, read_in_slices, DatasetKind, ImportedDeals, ReadOptions};
use pipelens_engine::stage::Status;
use pipelens_engine::Day;

/// The same figures as [`Headline`], taken from what the importer read.
fn headline_read(t: &ImportedDeals) -> Headline {
    let table = &t.table;
    let cents = |i: usize| table.amount.get(i).map_or(0, |v| (v * 100.0).round() as i64);
    let rows = 0..table.len();
    let sum = |s: Status| rows.clone().filter(|&i| table.status[i] == s).map(cents).sum();
    let count = |s: Status| table.status.iter().filter(|&&x| x == s).count();
    let mut owners: Vec<String> = match table.dim(Dim::Owner) {
        Some(col) => rows.clone().filter_map(|i| col.get(i).map(str::to_owned)).collect(),
        None => Vec::new(),
    };
    owners.sort_unstable();
    owners.dedup();
    let (won, lost) = (count(Status::Won), count(Status::Lost));
    Headline {
        deals: table.len(),
        revenue_cents: sum(Status::Won),
        won,
        lost,
        win_rate_ppm: win_rate_ppm(won, lost),
        open_pipeline_cents: sum(Status::Open),
        owners,
    }
}

/// The close day the importer should give a deal written in `layout`.
fn close_expected(layout: &Layout, d: &fixtures::Deal) -> Option<Day> {
    let has = |c: Col| layout.columns.iter().any(|&(_, x)| x == c);
    if has(Col::ClosedOnly) {
        return d.status.is_closed().then_some(d.close);
    }
    if has(Col::WonTime) || has(Col::LostTime) {
        let ok = (d.status == Status::Won && has(Col::WonTime)) || (d.status == Status::Lost && has(Col::LostTime));
        return ok.then_some(d.close);
    }
    has(Col::Close).then_some(d.close)
}

/// Reads a fixture as the app does for a dropped file, and checks it row by row.
fn check(f: &Fixture) -> Result<(), String> {
    let name = &f.file;
    let p = preview(name, &f.bytes, 5, None).map_err(|e| format!("{name}: preview: {e}"))?;
    if p.kind != DatasetKind::Deals || !p.complete() {
        return Err(format!(
            "{name}: would open the mapper: {:?} missing {:?} unsure {:?}",
            p.kind, p.missing, p.unsure
        ));
    }
    let read = read_deals(name, &f.bytes).map_err(|e| format!("{name}: {e}"))?;
    let r = &read.report;
    if r.rows_kept != f.deals.len() || !r.rejected.is_empty() || r.cell_issues_total != 0 {
        return Err(format!(
            "{name}: kept {} of {}, rejected {:?}, cell issues {:?}",
            r.rows_kept,
            f.deals.len(),
            r.rejected.first(),
            r.cell_issues.first()
        ));
    }
    let got = headline_read(&read);
    if got != f.expected {
        return Err(format!("{name}: read {got:?}\nexpected {:?}\nmapping {:?}", f.expected, r.mapping));
    }
    let t = &read.table;
    let owner = t.dim(Dim::Owner).ok_or(format!("{name}: no owner"))?;
    for (i, d) in f.deals.iter().enumerate() {
        let row = (t.amount.get(i).map(|v| (v * 100.0).round() as i64), t.status[i], owner.get(i), t.created.get(i));
        let want = (Some(d.cents), d.status, Some(d.owner), Some(d.created));
        if row != want {
            return Err(format!("{name}: row {i}: read {row:?}, wrote {want:?}"));
        }
        if t.close.get(i) != close_expected(f.layout, d) {
            return Err(format!(
                "{name}: row {i}: close {:?}, wrote {:?}",
                t.close.get(i),
                close_expected(f.layout, d)
            ));
        }
    }
    Ok(())
}

#[test]
fn every_generated_export_maps_with_no_hand_and_gives_its_kpis() {
    let failures: Vec<String> = fixtures::all(2026).iter().filter_map(|f| check(f).err()).collect();
    assert!(failures.is_empty(), "{} of {} layouts fail:\n{}", failures.len(), LAYOUTS.len(), failures.join("\n"));
}

/// Read the way the browser reads a dropped file (in slices, the mapping guessed from the
/// start only), every export gives what a whole read gives.
#[test]
fn every_export_read_in_slices_gives_what_a_whole_read_gives() {
    for f in fixtures::all(7) {
        let whole = read_deals(&f.file, &f.bytes).unwrap();
        for slice in [64, 4096] {
            let sliced = read_in_slices(&f.file, &f.bytes, slice, ReadOptions::new(DatasetKind::Deals))
                .unwrap_or_else(|e| panic!("{}: {e}", f.file));
            assert_eq!(sliced.report.mapping, whole.report.mapping, "{} in slices of {slice}", f.file);
            assert_eq!(sliced.report.rows_kept, whole.report.rows_kept, "{}", f.file);
            let pipelens_engine::ingest::Dataset::Deals(t) = sliced.data else { panic!("{}: not deals", f.file) };
            assert_eq!(t.status, whole.table.status, "{}", f.file);
            assert_eq!(t.amount.values.len(), whole.table.amount.values.len(), "{}", f.file);
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    #[test]
    fn a_table_written_in_any_layout_reads_back_identical(seed in proptest::num::u64::ANY, which in 0..LAYOUTS.len()) {
        let f = fixtures::fixture(&LAYOUTS[which], seed, fixtures::utf8);
        proptest::prop_assert_eq!(check(&f), Ok(()));
    }
}
