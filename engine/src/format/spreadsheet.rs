//! A CSV export as a spreadsheet in the reader's language opens it: German and Polish Excel
//! split fields on `;` and read `1234,5` as a number, and need a UTF-8 byte-order mark to read
//! accents right; English and Chinese keep `,` and `1234.5`.

use super::local::{csv_bom, csv_separator};
use crate::lang::Lang;

/// Whether `cell` is a plain number as [`crate::export::number_cell`] writes it: an optional
/// `-`, digits, an optional `.` and digits, an optional exponent.
fn is_plain_number(cell: &str) -> bool {
    let body = cell.strip_prefix('-').unwrap_or(cell);
    let (mantissa, exp) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix('-').unwrap_or(e))),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').map_or((mantissa, None), |(i, f)| (i, Some(f)));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(int) && frac.is_none_or(digits) && exp.is_none_or(digits)
}

/// `csv` (written with `,` and `.`, as [`crate::export::rows_csv`] writes it) for a spreadsheet
/// in `lang`: unchanged in English and Chinese; in German and Polish every field separated by
/// `;`, plain numbers written with a decimal comma (`1234,5`, unrounded), and a UTF-8 BOM
/// first.
///
/// ```
/// use pipelens_engine::{format::spreadsheet::localise, lang::Lang};
/// let csv = "Owner,Revenue\nAnn,1234.5\n\"Lee, Bo\",-0.25\n";
/// assert_eq!(localise(csv, Lang::De), "\u{feff}Owner;Revenue\nAnn;1234,5\nLee, Bo;-0,25\n");
/// assert_eq!(localise(csv, Lang::Zh), csv);
/// ```
pub fn localise(csv: &str, lang: Lang) -> String {
    let separator = csv_separator(lang);
    if separator == b',' && !csv_bom(lang) {
        return csv.to_owned();
    }
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(csv.as_bytes());
    let mut writer = ::csv::WriterBuilder::new().delimiter(separator).flexible(true).from_writer(Vec::new());
    for record in reader.records().flatten() {
        let cells = record.iter().map(|c| if is_plain_number(c) { c.replace('.', ",") } else { c.to_owned() });
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(cells);
    }
    let body = String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default();
    if csv_bom(lang) {
        format!("\u{feff}{body}")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{number_cell, rows_csv};
    use proptest::prelude::*;

    #[test]
    fn numbers_are_recognised_as_number_cell_writes_them() {
        for (cell, want) in [
            ("1234.5", true),
            ("-0.25", true),
            ("1e21", true),
            ("1.5e-7", true),
            ("", false),
            ("1,5", false),
            ("12 Ann", false),
            ("'-1", false),
            ("-", false),
            ("1.", false),
        ] {
            assert_eq!(is_plain_number(cell), want, "{cell}");
        }
    }

    #[test]
    fn german_and_polish_get_semicolons_commas_and_a_bom() {
        let csv = rows_csv(
            vec!["Phase".into(), "Wert".into()],
            [vec!["Qualifizierung; früh".into(), number_cell(Some(1234.5))], vec!["=1+1".into(), number_cell(None)]],
        );
        for lang in [Lang::De, Lang::Pl] {
            assert_eq!(localise(&csv, lang), "\u{feff}Phase;Wert\n\"Qualifizierung; früh\";1234,5\n'=1+1;\n");
        }
        assert_eq!(localise(&csv, Lang::En), csv);
    }

    proptest! {
        /// Read back with `;`, a German export holds the same cells, numbers with a comma.
        #[test]
        fn a_german_export_reads_back(cells in proptest::collection::vec(("[a-zA-Z ;,\"äöü]{0,8}", -1e9f64..1e9), 0..8)) {
            let rows: Vec<Vec<String>> = cells.iter().map(|(t, v)| vec![t.clone(), number_cell(Some(*v))]).collect();
            let csv = rows_csv(vec!["a".into(), "b".into()], rows.clone());
            let de = localise(&csv, Lang::De);
            let body = de.strip_prefix('\u{feff}').unwrap();
            let mut r = ::csv::ReaderBuilder::new().delimiter(b';').has_headers(true).from_reader(body.as_bytes());
            let back: Vec<Vec<String>> = r.records().map(|x| x.unwrap().iter().map(str::to_owned).collect()).collect();
            prop_assert_eq!(back.len(), rows.len());
            for (got, (text, v)) in back.iter().zip(&cells) {
                prop_assert_eq!(got[1].replace(',', ".").parse::<f64>().unwrap(), *v);
                if !is_plain_number(text) {
                    prop_assert_eq!(&got[0], &crate::export::neutralise(text).into_owned());
                }
            }
        }
    }
}
