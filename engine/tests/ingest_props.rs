//! Properties of the ingest path: it never panics, whatever the bytes, and every data row is
//! either kept or listed as rejected.

use pipelens_engine::ingest::{decode, preview, read_deals, read_file, Dataset, DatasetKind, Reader};
use pipelens_engine::{kpi, Workspace};
use proptest::prelude::*;

/// A cell drawn from the troublesome shapes real exports contain.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("N/A".to_owned()),
        Just("\"quoted, with comma\"".to_owned()),
        Just("\"a \"\"b\"\" c\"".to_owned()),
        Just("\"multi\nline\"".to_owned()),
        Just("Won".to_owned()),
        Just("Closed Lost".to_owned()),
        Just("Negotiation".to_owned()),
        "[0-9]{1,7}(\\.[0-9]{1,2})?",
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]",
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ]
}

fn csv_text() -> impl Strategy<Value = String> {
    let header = prop_oneof![
        Just("deal_id,amount,stage,created_date,close_date".to_owned()),
        Just("opportunity_id;close_value;deal_stage;engage_date".to_owned()),
        "[a-z_,;]{0,40}",
    ];
    let row = prop::collection::vec(cell(), 0..7).prop_map(|cells| cells.join(","));
    let eol = prop_oneof![Just("\n"), Just("\r\n"), Just("\r")];
    (header, prop::collection::vec((row, eol), 0..30)).prop_map(|(h, rows)| {
        let mut s = h;
        s.push('\n');
        for (r, e) in rows {
            s.push_str(&r);
            s.push_str(e);
        }
        s
    })
}

fn check(bytes: &[u8]) {
    check_other_datasets(bytes);
    if let Ok(imported) = read_deals("prop.csv", bytes) {
        let r = &imported.report;
        assert_eq!(r.rows_read, r.rows_kept + r.rejected.len(), "every row kept or rejected");
        assert_eq!(imported.table.len(), r.rows_kept);
        // KPIs over whatever was kept never panic either, and never produce NaN.
        let ws = Workspace::with_deals(imported.table);
        if let Some(scope) = ws.default_scope() {
            for (_, result) in kpi::compute_all(&ws, &scope) {
                if let Some(v) = result.number() {
                    assert!(v.is_finite());
                }
            }
        }
    }
}

/// Reads the bytes as every other dataset, each field on some column, so every cell parser
/// meets every cell.
fn check_other_datasets(bytes: &[u8]) {
    let Ok(p) = preview("prop.csv", bytes, 1, None) else { return };
    let columns = p.headers.len().max(1);
    for kind in &DatasetKind::ALL[1..] {
        let mapping: Vec<Option<usize>> = (0..kind.fields().len()).map(|i| Some(i % columns)).collect();
        if let Ok(imported) = read_file(*kind, "prop.csv", bytes, Some(&mapping)) {
            let r = &imported.report;
            assert_eq!(r.rows_read, r.rows_kept + r.rejected.len(), "every row kept or rejected");
            assert_eq!(imported.data.len(), r.rows_kept);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_give_ok_or_a_clear_error(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        check(&bytes);
    }

    #[test]
    fn csv_shaped_input_keeps_or_lists_every_row(text in csv_text()) {
        check(text.as_bytes());
    }

    #[test]
    fn reading_in_chunks_gives_what_one_read_gives(text in csv_text(), chunk in 1usize..7) {
        let whole = read_deals("p.csv", text.as_bytes());
        let chunked = decode("p.csv", text.as_bytes()).and_then(|d| {
            let mut r = Reader::open(DatasetKind::Deals, "p.csv", text.len(), &d, None)?;
            while !r.read_chunk(chunk) {}
            r.finish()
        });
        match (whole, chunked) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(Dataset::Deals(a.table), b.data);
                prop_assert_eq!(a.report, b.report);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "{:?} vs {:?}", a.is_ok(), b.is_ok()),
        }
    }
}

/// Owner names with the characters that need quoting: delimiters, quotes, line breaks, and
/// text in other scripts. Never blank or a placeholder, never padded (cells are trimmed).
fn owner() -> impl Strategy<Value = String> {
    "[A-Za-zÄÖÜäöüßąęłżź李王 ,;|\t\"\n]{0,10}".prop_map(|s| format!("R{}x", s))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Writing deals in any supported dialect and reading them back gives the same values.
    #[test]
    fn deals_written_in_any_dialect_read_back_the_same(
        rows in prop::collection::vec(
            (0u32..10_000_000, prop::sample::select(vec!["Won", "Lost", "Proposal", "Qualification"]), 18_000i32..21_000, owner()),
            1..40,
        ),
        delimiter in prop::sample::select(vec![b',', b';', b'\t', b'|']),
        crlf in any::<bool>(),
    ) {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
            .from_writer(Vec::new());
        w.write_record(["deal_id", "amount", "stage", "created_date", "owner"]).unwrap();
        for (i, (cents, stage, day, owner)) in rows.iter().enumerate() {
            let amount = (*cents as f64 / 100.0).to_string();
            let date = pipelens_engine::Day(*day).to_string();
            w.write_record([format!("D{i}"), amount, stage.to_string(), date, owner.clone()]).unwrap();
        }
        let bytes = w.into_inner().unwrap();
        let imported = read_deals("round.csv", &bytes).unwrap();
        let t = &imported.table;
        prop_assert_eq!(imported.report.rows_kept, rows.len());
        prop_assert_eq!(imported.report.cell_issues_total, 0);
        let owners = t.dim(pipelens_engine::Dim::Owner).unwrap();
        for (i, (cents, stage, day, owner)) in rows.iter().enumerate() {
            prop_assert_eq!(t.deal_id.get(i), format!("D{i}"));
            prop_assert_eq!(t.amount.get(i), Some(*cents as f64 / 100.0));
            prop_assert_eq!(t.stage.get(i), Some(*stage));
            prop_assert_eq!(t.created.get(i), Some(pipelens_engine::Day(*day)));
            prop_assert_eq!(owners.get(i), Some(owner.as_str()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// The cell readers take any text, including multi-byte characters right after a time.
    #[test]
    fn cell_readers_never_panic(date in "[0-9]{4}-[0-9]{2}-[0-9]{2}", tail in "[ T]?[0-9:.]{0,9}\\PC{0,4}", any in "\\PC{0,24}") {
        for cell in [format!("{date}{tail}"), any] {
            let _ = pipelens_engine::ingest::read_time(&cell);
            let _ = pipelens_engine::ingest::read_month(&cell);
            let _ = pipelens_engine::ingest::read_date(&cell);
            let _ = pipelens_engine::ingest::parse_amount(&cell);
        }
    }
}
