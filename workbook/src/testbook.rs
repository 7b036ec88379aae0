//! Small workbooks written in the tests: minimal but valid `.xlsx` and `.ods` files, so every
//! case is built from data in the test (no binary fixtures), including both date systems.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A cell to write.
#[derive(Debug, Clone)]
pub enum Cell {
    /// Text.
    S(&'static str),
    /// A number.
    N(f64),
    /// A serial date shown with a date format.
    Date(f64),
    /// A serial date-time shown with a date-and-time format.
    DateTime(f64),
    /// A boolean.
    B(bool),
    /// A formula and the value the workbook last computed for it.
    F(&'static str, f64),
    /// An error value such as `#N/A`.
    Error(&'static str),
    /// No cell.
    Empty,
}

/// A sheet to write: a name and rows of cells from A1.
#[derive(Debug, Clone)]
pub struct Sheet {
    name: &'static str,
    rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// A sheet named `name` with `rows` from A1 down.
    pub fn new(name: &'static str, rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet { name, rows }
    }
}

/// Escapes text for XML content and attributes.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Column letters of a 0-based column (0 → A, 26 → AA).
fn col(mut c: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn zip(entries: &[(&str, String)], stored_first: bool) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (i, (name, body)) in entries.iter().enumerate() {
        let method = if stored_first && i == 0 { CompressionMethod::Stored } else { CompressionMethod::Deflated };
        w.start_file(*name, SimpleFileOptions::default().compression_method(method)).expect("zip entry");
        w.write_all(body.as_bytes()).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

/// An `.xlsx` workbook of `sheets`, in the 1904 date system when `date1904`.
pub fn xlsx(sheets: &[Sheet], date1904: bool) -> Vec<u8> {
    let mut strings: Vec<&str> = Vec::new();
    let mut entries = vec![
        (
            "[Content_Types].xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#,
                (1..=sheets.len()).map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#)).collect::<String>()
            ),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr{}/><sheets>{}</sheets></workbook>"#,
                if date1904 { r#" date1904="1""# } else { "" },
                sheets.iter().enumerate().map(|(i, s)| format!(r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#, esc(s.name), i + 1, i + 1)).collect::<String>()
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
                (1..=sheets.len()).map(|i| format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#)).collect::<String>()
            ),
        ),
        (
            "xl/styles.xml",
            // Style 0: general; 1: a date (built-in format 14); 2: a date and time (22).
            r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>"#.to_owned(),
        ),
    ];
    let mut sheet_files = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let mut rows = String::new();
        for (r, row) in sheet.rows.iter().enumerate() {
            rows.push_str(&format!(r#"<row r="{}">"#, r + 1));
            for (c, cell) in row.iter().enumerate() {
                let at = format!("{}{}", col(c), r + 1);
                rows.push_str(&match cell {
                    Cell::S(s) => {
                        let idx = strings.iter().position(|x| x == s).unwrap_or_else(|| {
                            strings.push(s);
                            strings.len() - 1
                        });
                        format!(r#"<c r="{at}" t="s"><v>{idx}</v></c>"#)
                    }
                    Cell::N(n) => format!(r#"<c r="{at}"><v>{n:?}</v></c>"#),
                    Cell::Date(n) => format!(r#"<c r="{at}" s="1"><v>{n:?}</v></c>"#),
                    Cell::DateTime(n) => format!(r#"<c r="{at}" s="2"><v>{n:?}</v></c>"#),
                    Cell::B(b) => format!(r#"<c r="{at}" t="b"><v>{}</v></c>"#, u8::from(*b)),
                    Cell::F(f, v) => format!(r#"<c r="{at}"><f>{}</f><v>{v:?}</v></c>"#, esc(f)),
                    Cell::Error(e) => format!(r#"<c r="{at}" t="e"><v>{}</v></c>"#, esc(e)),
                    Cell::Empty => String::new(),
                });
            }
            rows.push_str("</row>");
        }
        sheet_files.push((
            format!("xl/worksheets/sheet{}.xml", i + 1),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
            ),
        ));
    }
    let shared = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="{n}">{}</sst>"#,
        strings.iter().map(|s| format!("<si><t>{}</t></si>", esc(s))).collect::<String>(),
        n = strings.len()
    );
    entries.push(("xl/sharedStrings.xml", shared));
    let named: Vec<(&str, String)> = entries
        .iter()
        .map(|(n, b)| (*n, b.clone()))
        .chain(sheet_files.iter().map(|(n, b)| (n.as_str(), b.clone())))
        .collect();
    zip(&named, false)
}

/// The ISO date (and time, when it has one) of a 1900-system serial, for OpenDocument, which
/// stores dates as text; only for the serials the tests use (after 1 March 1900).
fn iso_of_serial(serial: f64) -> String {
    let days = serial.floor() as i64;
    // Days from 1899-12-30 (serial 0 after Excel's phantom leap day) to the civil date.
    let z = days - 25_569 + 719_468; // to days since 0000-03-01, via the Unix epoch
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let secs = ((serial - serial.floor()) * 86_400.0).round() as i64;
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

/// An `.ods` workbook of `sheets` (dates given as 1900-system serials are written as ISO text,
/// as OpenDocument stores them).
pub fn ods(sheets: &[Sheet]) -> Vec<u8> {
    let mut tables = String::new();
    for sheet in sheets {
        tables.push_str(&format!(r#"<table:table table:name="{}">"#, esc(sheet.name)));
        for row in &sheet.rows {
            tables.push_str("<table:table-row>");
            for cell in row {
                tables.push_str(&match cell {
                    Cell::S(s) => format!(r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#, esc(s)),
                    Cell::N(n) | Cell::F(_, n) => format!(r#"<table:table-cell office:value-type="float" office:value="{n:?}"><text:p>{n}</text:p></table:table-cell>"#),
                    Cell::Date(n) | Cell::DateTime(n) => {
                        let iso = iso_of_serial(*n);
                        format!(r#"<table:table-cell office:value-type="date" office:date-value="{iso}"><text:p>{iso}</text:p></table:table-cell>"#)
                    }
                    Cell::B(b) => format!(r#"<table:table-cell office:value-type="boolean" office:boolean-value="{b}"><text:p>{b}</text:p></table:table-cell>"#),
                    Cell::Error(e) => format!(r#"<table:table-cell><text:p>{}</text:p></table:table-cell>"#, esc(e)),
                    Cell::Empty => "<table:table-cell/>".to_owned(),
                });
            }
            tables.push_str("</table:table-row>");
        }
        tables.push_str("</table:table>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip(
        &[
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet".to_owned()),
            ("META-INF/manifest.xml", manifest.to_owned()),
            ("content.xml", content),
        ],
        true,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        for (c, s) in [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")] {
            assert_eq!(col(c), s);
        }
    }

    #[test]
    fn serials_to_iso() {
        assert_eq!(iso_of_serial(45_366.0), "2024-03-15T00:00:00");
        assert_eq!(iso_of_serial(45_366.5), "2024-03-15T12:00:00");
        assert_eq!(iso_of_serial(25_569.0), "1970-01-01T00:00:00");
    }
}
