//! Conformance over `shared/corpus/adversarial/` (and the generic shape of `real/`): where a
//! source states the expected parse, we assert it; elsewhere a clean load or a specific error.
//! The corpus lives beside the repository (`PIPELENS_SHARED`, see `shared_dir`); without it
//! each test here says it was skipped. `csv_behaviours.rs` checks the same behaviours on
//! hand-made inputs, so they are tested on a fresh clone too.
//!
//! Deliberate differences from PapaParse's lenient parser, each asserted below:
//! - Blank lines (empty or whitespace only) are skipped, not returned as `[""]` rows.
//! - The first non-blank row is the header. Header names are trimmed, whitespace runs become one
//!   space, empty names become `column_N` and repeats get `_2`, `_3` (PapaParse: `_1`, `_2`).
//! - A row whose field count differs from the header's is rejected and listed with its line
//!   (PapaParse keeps it and flags TooFewFields / TooManyFields); extra fields that are all empty
//!   (a trailing delimiter) are fine.
//! - `\r`, `\n` and `\r\n` all end a row, in any mix (PapaParse picks the first one it sees).
//! - Text after a closing quote is kept as the csv crate does (`"G"  ,` → `G  `; `"b"c` → `bc`).
//! - An unclosed quote rejects the row it opens in, or the file when it opens in the header
//!   (PapaParse returns the swallowed text with a MissingQuotes error).
//! - One-column and empty inputs are errors: a sales export always has several columns.

use pipelens_engine::ingest::{is_empty_cell, parse_amount, read_table, RawTable};
use pipelens_engine::ImportError;
use serde_json::Value;
use std::path::PathBuf;

mod shared_dir;

fn corpus(rel: &str) -> PathBuf {
    shared_dir::dir().join("corpus").join(rel)
}

/// Whether the corpus folder `dir` is there; if not, the test `what` says it is skipped.
fn have(dir: &str, what: &str) -> bool {
    shared_dir::corpus(dir, &format!("corpus.rs {what}")).is_some()
}

fn load(rel: &str) -> Result<RawTable, ImportError> {
    let path = corpus(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    read_table(&path.file_name().unwrap().to_string_lossy(), &bytes)
}

fn rows(t: &RawTable) -> Vec<Vec<String>> {
    std::iter::once(t.headers.clone()).chain(t.rows.iter().map(|r| r.1.clone())).collect()
}

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect()
}

fn files_in(dir: &str, ext: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus(dir))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(ext))
        .collect();
    names.sort();
    names
}

#[test]
fn csv_spectrum_matches_its_expected_json() {
    if !have("adversarial/csv-spectrum", "csv_spectrum_matches_its_expected_json") {
        return;
    }
    let names = files_in("adversarial/csv-spectrum/csvs", ".csv");
    assert_eq!(names.len(), 11);
    for name in names {
        let t = load(&format!("adversarial/csv-spectrum/csvs/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"));
        let json = std::fs::read_to_string(corpus(&format!(
            "adversarial/csv-spectrum/json/{}",
            name.replace(".csv", ".json")
        )))
        .unwrap();
        let want: Vec<serde_json::Map<String, Value>> = serde_json::from_str(&json).unwrap();
        assert_eq!(t.rows.len(), want.len(), "{name}: row count");
        for ((_, got), want) in t.rows.iter().zip(&want) {
            assert_eq!(got.len(), want.len(), "{name}: fields");
            for (h, cell) in t.headers.iter().zip(got) {
                assert_eq!(Some(cell.as_str()), want.get(h).and_then(Value::as_str), "{name}: column {h}");
            }
        }
        assert!(t.rejected.is_empty(), "{name}");
    }
}

/// What we produce where it differs from PapaParse, and why.
enum Ours {
    Rows(&'static [&'static [&'static str]]),
    Error(&'static str),
}

const PAPAPARSE_DEVIATIONS: &[(&str, &str, Ours)] = &[
    ("core-07", "header names collapse whitespace", Ours::Rows(&[&["A", "B B", "C"]])),
    ("core-08", "header names collapse whitespace", Ours::Rows(&[&["A", "B B", "C C C"]])),
    ("core-09", "header names collapse whitespace", Ours::Rows(&[&["a", "b", "c,c c"], &["d", "e", "f"]])),
    ("core-17", "text after a closing quote is kept", Ours::Rows(&[&["A", "\"B\"", "C"]])),
    ("core-19", "an unclosed quote in the header is an error", Ours::Error("never closed")),
    (
        "core-21",
        "the malformed first line has fewer fields than the next, so it is a title row (listed in the preamble)",
        Ours::Rows(&[&["d", "e", "f"]]),
    ),
    (
        "core-22",
        "text after a closing quote is kept; the rest parses",
        Ours::Rows(&[&["a", "bc", "d"], &["e", "f", "g"]]),
    ),
    ("core-29", "an empty header name becomes column_N", Ours::Rows(&[&["column_1", "b", "c"], &["d", "e", "f"]])),
    ("core-33", "an empty header name becomes column_N", Ours::Rows(&[&["a", "b", "column_3"], &["a", "b", ""]])),
    (
        "core-34",
        "empty header names become column_N",
        Ours::Rows(&[&["a", "b", "column_3", "column_4", "c", "d"], &["", "", "e", "", "", "f"]]),
    ),
    ("core-35", "empty input is an error", Ours::Error("is empty")),
    ("core-36", "a file of empty fields is empty", Ours::Error("is empty")),
    ("core-37", "a file of empty fields is empty", Ours::Error("is empty")),
    ("core-54", "one column is an error", Ours::Error("only one column")),
    ("core-59", "repeated headers get _2, _3, ...", Ours::Rows(&[&["A", "A_2", "A_3", "A_4"], &["1", "2", "3", "4"]])),
    (
        "core-61",
        "repeated headers get _2, _3, ... around existing names",
        Ours::Rows(&[&["c", "c_2", "c_3", "c_1"], &["1", "2", "3", "4"]]),
    ),
    ("parse-02", "header names collapse whitespace", Ours::Rows(&[&["A", "B B", "C"]])),
    ("parse-03", "header names collapse whitespace", Ours::Rows(&[&["A", "B B", "C"]])),
    ("parse-05", "text after a closing quote is kept", Ours::Rows(&[&["A", "B", "C", "D"], &["E", "F", "G  ", "H"]])),
    ("parse-09", "\\r ends a row too, in any mix", Ours::Rows(&[&["a", "b", "c"], &["d", "e", "f"], &["g", "h", "i"]])),
    ("parse-12", "a short row is rejected and listed", Ours::Rows(&[&["A", "B", "C"]])),
    ("parse-13", "a long row is rejected and listed", Ours::Rows(&[&["A", "B", "C"], &["f", "g", "h"]])),
    ("parse-16", "header mode: same data", Ours::Rows(&[&["A", "B", "C"], &["a", "b", ""]])),
    ("parse-87", "header mode: same data", Ours::Rows(&[&["A", "B"], &["X", "Y"]])),
];

#[test]
fn papaparse_cases_match_or_differ_as_documented() {
    if !have("adversarial/papaparse", "papaparse_cases_match_or_differ_as_documented") {
        return;
    }
    let names = files_in("adversarial/papaparse/cases", ".csv");
    assert_eq!(names.len(), 42);
    for name in names {
        let got = load(&format!("adversarial/papaparse/cases/{name}"));
        if let Some((_, why, ours)) = PAPAPARSE_DEVIATIONS.iter().find(|(p, _, _)| name.starts_with(p)) {
            match (ours, &got) {
                (Ours::Rows(want), Ok(t)) => assert_eq!(rows(t), strings(want), "{name} ({why})"),
                (Ours::Error(msg), Err(e)) => assert!(e.to_string().contains(msg), "{name} ({why}): {e}"),
                _ => panic!("{name} ({why}): got {got:?}"),
            }
            continue;
        }
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(corpus(&format!(
                "adversarial/papaparse/cases/{}",
                name.replace(".csv", ".expected.json")
            )))
            .unwrap(),
        )
        .unwrap();
        let want: Vec<Vec<String>> = expected["expected"]["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()).collect::<Vec<_>>())
            .filter(|r| !r.iter().all(|c| c.trim().is_empty()))
            .collect();
        let t = got.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(rows(&t), want, "{name}");
        assert!(t.rejected.is_empty(), "{name}: {:?}", t.rejected);
    }
}

#[test]
fn papaparse_bom_sample() {
    if !have("adversarial/papaparse", "papaparse_bom_sample") {
        return;
    }
    let t = load("adversarial/papaparse/cases/core-21-quoted-field-has-invalid-trailing-quote-after-deli.csv").unwrap();
    assert_eq!(t.preamble, [(1, "a,b,c".to_owned())], "the skipped line is reported, not lost");
    let t = load("adversarial/papaparse/utf-8-bom-sample.csv").unwrap();
    assert_eq!(rows(&t), strings(&[&["A", "B", "C"], &["X", "Y", "Z"]]));
}

#[test]
fn csvkit_examples_parse_as_csvkit_states() {
    if !have("adversarial/csvkit", "csvkit_examples_parse_as_csvkit_states") {
        return;
    }
    // Ragged rows: both reported with their line; the good row kept.
    let t = load("adversarial/csvkit/bad.csv").unwrap();
    assert_eq!(
        t.rows.iter().map(|r| r.1.clone()).collect::<Vec<_>>(),
        strings(&[&["0", "mixed types.... uh oh", "17"]])
    );
    let rejected: Vec<(u64, String)> = t.rejected.iter().map(|r| (r.line, r.reason.to_string())).collect();
    let rejected: Vec<(u64, &str)> = rejected.iter().map(|(l, r)| (*l, r.as_str())).collect();
    assert_eq!(rejected, [(2, "has 4 fields but the header has 3"), (3, "has 2 fields but the header has 3")]);

    // Placeholders: the spec's list is empty; `NONE` and `.` are not in it and stay text.
    let t = load("adversarial/csvkit/blanks.csv").unwrap();
    let empties: Vec<bool> = t.rows[0].1.iter().map(|c| is_empty_cell(c)).collect();
    assert_eq!(empties, [true, true, true, false, true, false]);

    // CR-only line endings, and a CR inside quotes kept as written.
    let t = load("adversarial/csvkit/mac_newlines.csv").unwrap();
    assert_eq!(rows(&t), strings(&[&["a", "b", "c"], &["1", "2", "3"], &["Once upon\ra time", "5", "6"]]));

    let t = load("adversarial/csvkit/test_latin1.csv").unwrap();
    assert_eq!((t.encoding, t.rows[1].1[2].as_str()), ("windows-1252", "©"));
    for (file, encoding) in [("test_utf8_bom.csv", "UTF-8"), ("test_utf8.csv", "UTF-8")] {
        let t = load(&format!("adversarial/csvkit/{file}")).unwrap();
        assert_eq!((t.encoding, t.headers.join(",")), (encoding, "foo,bar,baz".to_owned()), "{file}");
        assert_eq!(t.rows.last().unwrap().1[2], "ʤ");
    }
    for (file, encoding) in [("test_utf16_big.csv", "UTF-16BE"), ("test_utf16_little.csv", "UTF-16LE")] {
        let t = load(&format!("adversarial/csvkit/{file}")).unwrap();
        assert_eq!(t.encoding, encoding);
        assert_eq!(rows(&t), strings(&[&["a", "b", "c"], &["1", "2", "3"], &["4", "5", "ʤ"]]), "{file}");
    }
    assert_eq!(load("adversarial/csvkit/test_header_newline.csv").unwrap().headers, ["start end", "b", "c"]);

    // German number formats, as csvkit converts them.
    let t = load("adversarial/csvkit/test_locale.csv").unwrap();
    let want = load("adversarial/csvkit/test_locale_converted.csv").unwrap();
    for (got, want) in t.rows[0].1.iter().zip(&want.rows[0].1).take(2) {
        assert_eq!(parse_amount(got), parse_amount(want), "{got} vs {want}");
    }

    assert_eq!(
        rows(&load("adversarial/csvkit/test_skip_lines.csv").unwrap()),
        strings(&[&["a", "b", "c"], &["1", "2", "3"]])
    );
    assert_eq!(
        rows(&load("adversarial/csvkit/optional_quote_characters.csv").unwrap()),
        strings(&[&["a", "b", "c"], &["1", "2", "3"]])
    );
    assert_eq!(load("adversarial/csvkit/null_byte.csv").unwrap().rows[0].1, ["\0", "2", "3"]);
    // An unquoted newline splits a row: both halves are rejected and listed, not glued.
    let t = load("adversarial/csvkit/test_join_short_rows.csv").unwrap();
    assert_eq!(t.rejected.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
    assert!(matches!(load("adversarial/csvkit/empty.csv"), Err(ImportError::Empty { .. })));
    // Date and number files with one column are read by the value parsers' own tests.
    assert!(matches!(load("adversarial/csvkit/test_date_format.csv"), Err(ImportError::SingleColumn { .. })));
}

#[test]
fn rust_csv_examples() {
    if !have("adversarial/rust-csv", "rust_csv_examples") {
        return;
    }
    // `;`, backslash-escaped quotes, a comment line (rejected and listed) and a short row.
    let t = load("adversarial/rust-csv/strange.csv").unwrap();
    assert_eq!(t.dialect.delimiter, b';');
    assert_eq!(t.headers, ["\"Hacksaw\" Jim Duggan", "1987"]);
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.rejected.iter().map(|r| r.line).collect::<Vec<_>>(), [3, 4]);
    let t = load("adversarial/rust-csv/smallpop-colon.csv").unwrap();
    assert_eq!((t.dialect.delimiter, t.headers.len()), (b':', 4));
    let t = load("adversarial/rust-csv/uspop-latin1.csv").unwrap();
    assert_eq!(t.encoding, "windows-1252");
    assert!(t.rows.iter().any(|r| r.1[0] == "Õakman"));
    let t = load("adversarial/rust-csv/uspop-null.csv").unwrap();
    assert!(t.rows.iter().any(|r| r.1[2].is_empty()) && t.rejected.is_empty());
}

#[test]
fn every_corpus_file_loads_or_gives_a_specific_error() {
    if !have(".", "every_corpus_file_loads_or_gives_a_specific_error") {
        return;
    }
    for dir in [
        "adversarial/csvkit",
        "adversarial/rust-csv",
        "adversarial/papaparse/cases",
        "adversarial/csv-spectrum/csvs",
        "real/maven-crm",
        "real/telco-churn",
        "real/superstore",
        "real/ravenstack-saas",
        "real/sample-sales-crm-synthetic",
    ] {
        for name in files_in(dir, ".csv") {
            match load(&format!("{dir}/{name}")) {
                Ok(t) => assert!(t.headers.len() >= 2, "{dir}/{name}"),
                Err(
                    ImportError::Empty { .. } | ImportError::SingleColumn { .. } | ImportError::UnclosedQuote { .. },
                ) => {}
                Err(e) => panic!("{dir}/{name}: unexpected {e}"),
            }
        }
    }
}

#[test]
fn real_exports_keep_every_row() {
    if !have("real", "real_exports_keep_every_row") {
        return;
    }
    let cases = [
        ("real/superstore/Sample - Superstore.csv", 9994, "UTF-8"),
        ("real/telco-churn/Telco-Customer-Churn.csv", 7043, "UTF-8"),
        ("real/ravenstack-saas/ravenstack_subscriptions.csv", 5000, "UTF-8"),
        ("real/maven-crm/sales_pipeline.csv", 8800, "UTF-8"),
    ];
    for (file, n, encoding) in cases {
        let t = load(file).unwrap();
        assert_eq!((t.rows.len(), t.rejected.len(), t.encoding), (n, 0, encoding), "{file}");
    }
    // Superstore: BOM stripped from the first header, NBSP and accents intact.
    let t = load("real/superstore/Sample - Superstore.csv").unwrap();
    assert_eq!(t.headers[0], "Row ID");
    // Telco: " " in TotalCharges is a placeholder, so those rows read as empty, not as errors.
    let t = load("real/telco-churn/Telco-Customer-Churn.csv").unwrap();
    let col = t.headers.iter().position(|h| h == "TotalCharges").unwrap();
    assert_eq!(t.rows.iter().filter(|r| is_empty_cell(&r.1[col])).count(), 11);
}

#[test]
fn csvkit_date_files_convert_as_csvkit_does() {
    if !have("adversarial/csvkit", "csvkit_date_files_convert_as_csvkit_does") {
        return;
    }
    use pipelens_engine::ingest::{read_date, DateColumnBuilder};
    let lines = |rel: &str| -> Vec<String> {
        std::fs::read_to_string(corpus(rel))
            .unwrap()
            .lines()
            .skip(1)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let want: Vec<String> = lines("adversarial/csvkit/test_date_format_converted.csv");
    for file in ["adversarial/csvkit/test_date_format.csv", "adversarial/csvkit/test_numeric_date_format.csv"] {
        let mut b = DateColumnBuilder::default();
        for cell in lines(file) {
            b.push(read_date(&cell));
        }
        let (col, _, bad, _) = b.finish();
        assert!(bad.is_empty(), "{file}");
        let got: Vec<String> = (0..want.len()).map(|i| col.get(i).map(|d| d.to_string()).unwrap_or_default()).collect();
        assert_eq!(got, want, "{file}");
    }
}

/// Every real export whose headers name a dataset's required fields loads as that dataset with
/// no manual mapping and keeps every row; the others fit no dataset completely (they open the
/// mapping screen) rather than loading as the wrong one.
#[test]
fn real_exports_load_as_the_dataset_their_headers_name() {
    if !have("real", "real_exports_load_as_the_dataset_their_headers_name") {
        return;
    }
    use pipelens_engine::ingest::{preview, read_file, DatasetKind};
    let expected: &[(&str, Option<(DatasetKind, usize)>)] = &[
        ("maven-crm/sales_pipeline.csv", Some((DatasetKind::Deals, 8800))),
        ("ravenstack-saas/ravenstack_subscriptions.csv", Some((DatasetKind::Customers, 5000))),
        ("sample-sales-crm-synthetic/Leads.csv", Some((DatasetKind::Leads, 200))),
        ("maven-crm/accounts.csv", None),
        ("maven-crm/products.csv", None),
        ("maven-crm/sales_teams.csv", None),
        ("maven-crm/data_dictionary.csv", None),
        ("sample-sales-crm-synthetic/Activity.csv", None),
        ("sample-sales-crm-synthetic/Contacts.csv", None),
        ("sample-sales-crm-synthetic/Opportunity.csv", None),
        ("sample-sales-crm-synthetic/Products.csv", None),
        ("sample-sales-crm-synthetic/Sales.csv", None),
        ("sample-sales-crm-synthetic/SalesLines.csv", None),
        ("superstore/Sample - Superstore.csv", None),
        ("telco-churn/Telco-Customer-Churn.csv", None),
    ];
    let all: Vec<String> = ["maven-crm", "ravenstack-saas", "sample-sales-crm-synthetic", "superstore", "telco-churn"]
        .iter()
        .flat_map(|d| files_in(&format!("real/{d}"), ".csv").into_iter().map(move |f| format!("{d}/{f}")))
        .collect();
    assert_eq!(all.len(), expected.len(), "every real CSV has an expectation: {all:?}");
    for (file, want) in expected {
        let bytes = std::fs::read(corpus(&format!("real/{file}"))).unwrap();
        let p = preview(file, &bytes, 5, None).unwrap();
        let complete = p.complete().then_some(p.kind);
        assert_eq!(complete, want.map(|w| w.0), "{file}: fits {:?}", p.fits[0]);
        if let Some((kind, rows)) = want {
            let imported = read_file(*kind, file, &bytes, None).unwrap();
            let r = &imported.report;
            assert_eq!((r.rows_read, r.rows_kept), (*rows, *rows), "{file}: {:?}", r.rejected.first());
        }
    }
}
