//! The workbooks the browser test loads (`tests/e2e/workbook.test.mjs`), made from data written
//! here, with the same deals as CSV text for the test to compare the KPIs with. The files are
//! committed under `tests/fixtures/`; [`tests::browser_fixtures_are_current`] fails when they
//! differ from what this writes, and writes them anew with `PIPELENS_WRITE_FIXTURES=1`.

use crate::testbook::{ods, xlsx, Cell, Sheet};

/// One deal: id, owner, amount, stage, created and closed dates (1900-system serials; closed
/// 0 for an open deal).
type Deal = (&'static str, &'static str, f64, &'static str, f64, f64);

/// The 2024 sheet: the larger one, so the one read by default.
const DEALS_2024: [Deal; 8] = [
    ("D-101", "Łukasz Żółwiński", 12_000.0, "Closed Won", 45_306.0, 45_366.0),
    ("D-102", "Łukasz Żółwiński", 8_500.5, "Closed Lost", 45_310.0, 45_380.0),
    ("D-103", "王小明", 23_000.0, "Closed Won", 45_323.0, 45_400.0),
    ("D-104", "王小明", 4_250.25, "Proposal", 45_340.0, 0.0),
    ("D-105", "Anna Müller", 15_750.0, "Closed Won", 45_352.0, 45_420.0),
    ("D-106", "Anna Müller", 9_999.99, "Negotiation", 45_371.0, 0.0),
    ("D-107", "Łukasz Żółwiński", 31_000.0, "Closed Lost", 45_390.0, 45_450.0),
    ("D-108", "王小明", 6_600.0, "Closed Won", 45_400.0, 45_460.0),
];

/// The 2025 sheet: picked by hand in the test.
const DEALS_2025: [Deal; 5] = [
    ("E-201", "Zofia Kowalczyk", 5_000.0, "Closed Won", 45_672.0, 45_700.0),
    ("E-202", "李娜", 18_000.0, "Closed Won", 45_680.0, 45_730.0),
    ("E-203", "Zofia Kowalczyk", 7_300.0, "Closed Lost", 45_690.0, 45_745.0),
    ("E-204", "李娜", 2_100.0, "Qualification", 45_700.0, 0.0),
    ("E-205", "李娜", 11_111.0, "Closed Won", 45_705.0, 45_760.0),
];

const HEADER: [&str; 6] = ["Deal ID", "Owner", "Amount", "Stage", "Created Date", "Close Date"];

/// The deals as the workbook holds them: amounts as formulas (net × 1, cached), dates as
/// serials with a date format, an open deal's close date empty; a title line and a gap above.
fn sheet(name: &'static str, title: &'static str, deals: &[Deal]) -> Sheet {
    let mut rows = vec![vec![Cell::S(title)], vec![], HEADER.iter().map(|h| Cell::S(h)).collect()];
    for (i, &(id, owner, amount, stage, created, closed)) in deals.iter().enumerate() {
        let formula: &'static str = Box::leak(format!("ROUND(C{}*1,2)", i + 4).into_boxed_str());
        rows.push(vec![
            Cell::S(id),
            Cell::S(owner),
            Cell::F(formula, amount),
            Cell::S(stage),
            Cell::Date(created),
            if closed > 0.0 { Cell::Date(closed) } else { Cell::Empty },
        ]);
    }
    Sheet::new(name, rows)
}

/// The same deals as CSV text written by hand (ISO dates from the calendar, not the reader).
fn csv(deals: &[Deal]) -> String {
    let mut out = HEADER.join(",") + "\n";
    for &(id, owner, amount, stage, created, closed) in deals {
        let date = |serial: f64| if serial > 0.0 { iso_date(serial) } else { String::new() };
        out.push_str(&format!("{id},{owner},{amount},{stage},{},{}\n", date(created), date(closed)));
    }
    out
}

/// The civil date of a 1900-system serial after February 1900 (days since 1899-12-30).
pub(crate) fn iso_date(serial: f64) -> String {
    let mut days = serial as i64 - 2; // from 1900-01-01
    let mut year = 1900;
    loop {
        let len = if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 { 366 } else { 365 };
        if days < len {
            break;
        }
        days -= len;
        year += 1;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let months = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut month = 1;
    for len in months {
        if days < len {
            break;
        }
        days -= len;
        month += 1;
    }
    format!("{year:04}-{month:02}-{:02}", days + 1)
}

/// Every fixture file: its name under `tests/fixtures/` and its bytes.
pub fn files() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        (
            "deals-two-sheets.xlsx",
            xlsx(
                &[
                    sheet("Pipeline 2024", "Deals export, 2024", &DEALS_2024),
                    sheet("Pipeline 2025 – Łódź 北京", "Deals export, 2025", &DEALS_2025),
                ],
                false,
            ),
        ),
        ("deals-2024.csv", csv(&DEALS_2024).into_bytes()),
        ("deals-2025.csv", csv(&DEALS_2025).into_bytes()),
        ("deals-2025.ods", ods(&[sheet("Umowy 2025", "Deals export, 2025", &DEALS_2025)])),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::book::Book;
    use std::path::PathBuf;

    #[test]
    fn iso_dates_of_serials() {
        assert_eq!(iso_date(61.0), "1900-03-01");
        assert_eq!(iso_date(45_366.0), "2024-03-15");
        assert_eq!(iso_date(45_672.0), "2025-01-15");
    }

    #[test]
    fn the_workbooks_read_as_the_csv_written_by_hand() {
        let files = files();
        let get = |n: &str| files.iter().find(|(name, _)| *name == n).map(|(_, b)| b.clone()).unwrap_or_default();
        let book = Book::read(&get("deals-two-sheets.xlsx")).expect("reads");
        assert_eq!(book.default_sheet(), 0);
        for (sheet, csv) in [(0, "deals-2024.csv"), (1, "deals-2025.csv")] {
            let read = String::from_utf8(book.csv(sheet).expect("sheet").bytes).expect("utf-8");
            let body: Vec<&str> = read.trim_start_matches('\u{feff}').lines().skip(1).collect();
            let want = String::from_utf8(get(csv)).expect("utf-8");
            assert_eq!(body, want.lines().collect::<Vec<_>>(), "sheet {sheet}");
        }
        let ods_book = Book::read(&get("deals-2025.ods")).expect("reads");
        let read = String::from_utf8(ods_book.csv(0).expect("sheet").bytes).expect("utf-8");
        let want = String::from_utf8(get("deals-2025.csv")).expect("utf-8");
        assert_eq!(
            read.trim_start_matches('\u{feff}').lines().skip(1).collect::<Vec<_>>(),
            want.lines().collect::<Vec<_>>()
        );
    }

    #[test]
    fn browser_fixtures_are_current() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
        let write = std::env::var_os("PIPELENS_WRITE_FIXTURES").is_some();
        for (name, bytes) in files() {
            let path = dir.join(name);
            if write {
                std::fs::create_dir_all(&dir).expect("fixtures dir");
                std::fs::write(&path, &bytes).expect("write fixture");
            }
            let committed = std::fs::read(&path).unwrap_or_default();
            assert!(committed == bytes, "{} differs from what the generator writes: run PIPELENS_WRITE_FIXTURES=1 cargo test -p pipelens_workbook", path.display());
        }
    }
}
