//! The reading behaviours `corpus.rs` checks on the shared corpus, on small inputs written by
//! hand here, so they are tested on a fresh clone with no corpus beside it: quoting, header
//! names, ragged rows, line endings, encodings and byte order marks, delimiters, placeholders,
//! number and date formats, and which dataset a file's headers name. Each input is made up for
//! this file (none is a copy of a corpus file); its comment names the corpus case it mirrors.

use pipelens_engine::ingest::{is_empty_cell, parse_amount, read_table, RawTable};
use pipelens_engine::ImportError;

fn load(bytes: &[u8]) -> Result<RawTable, ImportError> {
    read_table("hand-made.csv", bytes)
}

/// The header row followed by the kept rows.
fn rows(t: &RawTable) -> Vec<Vec<String>> {
    std::iter::once(t.headers.clone()).chain(t.rows.iter().map(|r| r.1.clone())).collect()
}

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect()
}

fn utf16(text: &str, le: bool) -> Vec<u8> {
    let bom: [u8; 2] = if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] };
    bom.into_iter()
        .chain(text.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }))
        .collect()
}

/// Inputs that parse cleanly, with every row they give (header first).
#[test]
fn hand_made_inputs_parse_to_these_rows() {
    let cases: &[(&str, &[u8], &[&[&str]])] = &[
        // csv-spectrum: commas, doubled quotes and line breaks inside quotes; empty fields; UTF-8.
        (
            "quoted fields",
            b"name,note,city\n\"Lee, Ann\",\"said \"\"yes\"\"\",Oslo\n\"Bo\",\"two\nlines\",\nZo\xc3\xab,,Z\xc3\xbcrich\n",
            &[&["name", "note", "city"], &["Lee, Ann", "said \"yes\"", "Oslo"], &["Bo", "two\nlines", ""], &["Zoë", "", "Zürich"]],
        ),
        ("crlf inside and between rows", b"a,b\r\n\"x\r\ny\",2\r\n", &[&["a", "b"], &["x\r\ny", "2"]]),
        // PapaParse core-07/parse-02: header names are trimmed and whitespace runs collapse.
        ("header whitespace", b" A ,\"B   B\",C\tC \n1,2,3\n", &[&["A", "B B", "C C"], &["1", "2", "3"]]),
        // PapaParse core-17/parse-05, core-22: text after a closing quote is kept.
        ("text after a closing quote", b"h1,h2,h3\n\"G\"  ,x,y\n\"b\"c,d,e\n", &[&["h1", "h2", "h3"], &["G  ", "x", "y"], &["bc", "d", "e"]]),
        // PapaParse core-29/33/34: empty header names become column_N.
        ("empty header names", b",b,,c\n1,2,3,4\n", &[&["column_1", "b", "column_3", "c"], &["1", "2", "3", "4"]]),
        // PapaParse core-59/61: repeated names get _2, _3, ... around names already taken.
        ("repeated header names", b"c,c,c,c_1\n1,2,3,4\n", &[&["c", "c_2", "c_3", "c_1"], &["1", "2", "3", "4"]]),
        // PapaParse parse-09, csvkit mac_newlines: \r, \n and \r\n all end a row, in any mix.
        ("mixed line endings", b"a,b,c\rd,e,f\r\ng,h,i\n", &[&["a", "b", "c"], &["d", "e", "f"], &["g", "h", "i"]]),
        ("cr only, cr inside quotes", b"a,b,c\r1,2,3\r\"Once\rmore\",5,6\r", &[&["a", "b", "c"], &["1", "2", "3"], &["Once\rmore", "5", "6"]]),
        // csvkit test_skip_lines and the module rule: blank lines are skipped.
        ("blank lines", b"\n \n\t\na,b,c\n\n1,2,3\n  \n", &[&["a", "b", "c"], &["1", "2", "3"]]),
        // csvkit optional_quote_characters.
        ("optional quotes", b"a,b,c\n\"7\",\"8\",\"9\"\n", &[&["a", "b", "c"], &["7", "8", "9"]]),
        // A trailing delimiter (extra fields all empty) is fine.
        (
            "trailing delimiter",
            b"a,b,c\n1,2,3\n4,5,6,\n7,8,9\n",
            &[&["a", "b", "c"], &["1", "2", "3"], &["4", "5", "6"], &["7", "8", "9"]],
        ),
        // PapaParse utf-8-bom-sample, csvkit test_utf8_bom: the byte order mark is not a character.
        ("utf-8 bom", b"\xef\xbb\xbfP,Q,R\nU,V,W\n", &[&["P", "Q", "R"], &["U", "V", "W"]]),
        // csvkit test_header_newline: whitespace and line breaks inside a quoted header collapse.
        ("line breaks in a quoted header", b"\"\t\n\x0b\x0c\r top \t\n\x0b\x0c\r row \t\n\x0b\x0c\r\",y,z\nd,e,f\n", &[&["top row", "y", "z"], &["d", "e", "f"]]),
        // csvkit null_byte: a NUL is kept as a character.
        ("nul byte", b"a,b,c\n\x00,8,9\n", &[&["a", "b", "c"], &["\0", "8", "9"]]),
    ];
    for (name, bytes, want) in cases {
        let t = load(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(rows(&t), strings(want), "{name}");
        assert!(t.rejected.is_empty(), "{name}: {:?}", t.rejected);
    }
}

/// Inputs that are refused as a whole, with the error a user can act on.
#[test]
fn hand_made_inputs_that_are_refused_say_why() {
    let cases: &[(&str, &[u8], &str)] = &[
        // PapaParse core-19: an unclosed quote in the header.
        ("unclosed quote in the header", b"a,\"b,c\n1,2,3\n", "never closed"),
        // PapaParse core-35, csvkit empty.csv.
        ("empty", b"", "is empty"),
        // PapaParse core-36/37: nothing but empty fields.
        ("only empty fields", b",,\n,,\n", "is empty"),
        // PapaParse core-54, csvkit test_date_format: one column.
        ("one column", b"when\n03/02/2021\n25/12/2020\n", "only one column"),
    ];
    for (name, bytes, msg) in cases {
        match load(bytes) {
            Err(e) => assert!(e.to_string().contains(msg), "{name}: {e}"),
            Ok(t) => panic!("{name}: read as {:?}", rows(&t)),
        }
    }
    assert!(matches!(load(b""), Err(ImportError::Empty { .. })));
    assert!(matches!(load(b"when\n03/02/2021\n"), Err(ImportError::SingleColumn { .. })));
}

/// Rows whose field count differs from the header's are rejected and listed with their line.
#[test]
fn ragged_rows_are_listed_with_line_and_reason() {
    // csvkit bad.csv: one row too long, one too short, the good row kept.
    let t = load(b"col_a,col_b,col_c\n5,9,,\"one too many\"\n,\"one too few\"\n4,text,6\n").unwrap();
    assert_eq!(t.rows.iter().map(|r| r.1.clone()).collect::<Vec<_>>(), strings(&[&["4", "text", "6"]]));
    let rejected: Vec<(u64, String)> = t.rejected.iter().map(|r| (r.line, r.reason.to_string())).collect();
    let rejected: Vec<(u64, &str)> = rejected.iter().map(|(l, r)| (*l, r.as_str())).collect();
    assert_eq!(rejected, [(2, "has 4 fields but the header has 3"), (3, "has 2 fields but the header has 3")]);
    // csvkit test_join_short_rows: an unquoted line break splits a row; both halves rejected.
    let t = load(b"a,b,c\n1,dog\ncat,c\n3,b,c\n").unwrap();
    assert_eq!(t.rejected.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
    assert_eq!(rows(&t), strings(&[&["a", "b", "c"], &["3", "b", "c"]]));
    // PapaParse core-21: a first line with fewer fields than the next is a title row, reported.
    let t = load(b"Pipeline report\nd,e,f\n1,2,3\n").unwrap();
    assert_eq!(t.preamble, [(1, "Pipeline report".to_owned())], "the skipped line is reported, not lost");
    assert_eq!(rows(&t), strings(&[&["d", "e", "f"], &["1", "2", "3"]]));
}

/// The encoding is found from the bytes: UTF-8 with or without a BOM, UTF-16 either way round,
/// and Windows-1252 (Latin-1) when the bytes are not UTF-8.
#[test]
fn encodings_are_recognised() {
    // csvkit test_latin1, rust-csv uspop-latin1.
    let t = load(b"city,state,note\n\xd5rby,AL,\xa9 2020\nM\xfcnster,NW,\n").unwrap();
    assert_eq!((t.encoding, t.rows[0].1[0].as_str(), t.rows[0].1[2].as_str()), ("windows-1252", "Õrby", "© 2020"));
    assert_eq!(t.rows[1].1[0], "Münster");
    assert!(t.rows[1].1[2].is_empty() && t.rejected.is_empty());
    // csvkit test_utf8, test_utf8_bom.
    for (name, bytes) in [
        ("utf-8", b"foo,bar,baz\n1,2,3\n4,5,\xca\xa4\n".to_vec()),
        ("bom", b"\xef\xbb\xbffoo,bar,baz\n1,2,3\n4,5,\xca\xa4\n".to_vec()),
    ] {
        let t = load(&bytes).unwrap();
        assert_eq!((t.encoding, t.headers.join(",")), ("UTF-8", "foo,bar,baz".to_owned()), "{name}");
        assert_eq!(t.rows.last().unwrap().1[2], "ʤ", "{name}");
    }
    // csvkit test_utf16_big, test_utf16_little.
    for (le, encoding) in [(false, "UTF-16BE"), (true, "UTF-16LE")] {
        let t = load(&utf16("a,b,c\n1,2,3\n4,5,ʤ\n", le)).unwrap();
        assert_eq!(t.encoding, encoding);
        assert_eq!(rows(&t), strings(&[&["a", "b", "c"], &["1", "2", "3"], &["4", "5", "ʤ"]]), "{encoding}");
    }
}

/// The delimiter is found, including `;` with backslash-escaped quotes and `:`.
#[test]
fn delimiters_are_recognised() {
    // rust-csv strange.csv: `;`, backslash escapes, a comment line and a short row (both
    // rejected and listed).
    let t = load(
        b"\"\\\"Ace\\\" Ann Lee\";2019\n\"Bo \\\"Big\\\" Chen\";2020\n# the year is unknown, so it is left out.\nCid Diaz\n\"Dee \\\"D\\\" Eve\";2021\n\"Fay Gill\";2022\n\"Gus \\\"G\\\" Hay\";2023\n",
    )
    .unwrap();
    assert_eq!(t.dialect.delimiter, b';');
    assert_eq!(t.headers, ["\"Ace\" Ann Lee", "2019"]);
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.rows[0].1, ["Bo \"Big\" Chen", "2020"]);
    assert_eq!(t.rejected.iter().map(|r| r.line).collect::<Vec<_>>(), [3, 4]);
    // rust-csv smallpop-colon.
    let t = load(b"city:region:people:lat\nOslo:NO:700000:59.9\nBergen:NO:290000:60.4\n").unwrap();
    assert_eq!((t.dialect.delimiter, t.headers.len(), t.rows.len()), (b':', 4, 2));
    // A European export: semicolons, decimal commas.
    let t = load(b"deal;amount\nA;1.234,50\nB;7,25\n").unwrap();
    assert_eq!(t.dialect.delimiter, b';');
    assert_eq!(parse_amount(&t.rows[0].1[1]), parse_amount("1234.50"));
}

/// Which cells count as empty, and German number formats (csvkit blanks, test_locale; the
/// Telco export's " " for a missing total).
#[test]
fn placeholders_and_number_formats() {
    let t = load(b"a,b,c,d,e,f\n,NA,N/A,NONE,NULL,.\n").unwrap();
    let empties: Vec<bool> = t.rows[0].1.iter().map(|c| is_empty_cell(c)).collect();
    assert_eq!(empties, [true, true, true, false, true, false]);
    assert!(is_empty_cell(" "), "a lone space is a placeholder");
    let t = load(b"a,b,c\n\"2,5\",\"300.000.000\",\n").unwrap();
    let want = load(b"a,b,c\n2.5,300000000,\n").unwrap();
    for (got, want) in t.rows[0].1.iter().zip(&want.rows[0].1).take(2) {
        assert_eq!(parse_amount(got), parse_amount(want), "{got} vs {want}");
        assert!(parse_amount(got).is_some(), "{got}");
    }
}

/// Day-first dates (told apart by a day past 12) and compact numeric dates convert as csvkit
/// converts them (csvkit test_date_format, test_numeric_date_format).
#[test]
fn date_columns_convert() {
    use pipelens_engine::ingest::{read_date, DateColumnBuilder};
    let want = ["2021-02-03", "2020-12-25", "2019-07-04"];
    for cells in [["03/02/2021", "25/12/2020", "04/07/2019"], ["20210203", "20201225", "20190704"]] {
        let mut b = DateColumnBuilder::default();
        for cell in cells {
            b.push(read_date(cell));
        }
        let (col, _, bad, _) = b.finish();
        assert!(bad.is_empty(), "{cells:?}");
        let got: Vec<String> = (0..want.len()).map(|i| col.get(i).map(|d| d.to_string()).unwrap_or_default()).collect();
        assert_eq!(got, want, "{cells:?}");
    }
}

/// A file whose headers name a dataset's required fields loads as that dataset with no manual
/// mapping and keeps every row; other shapes fit no dataset completely. The headers are those
/// of the public exports the corpus holds (Maven CRM, RavenStack, a synthetic CRM); the rows
/// are made up.
#[test]
fn exports_load_as_the_dataset_their_headers_name() {
    use pipelens_engine::ingest::{preview, read_file, DatasetKind};
    let cases: &[(&str, &str, Option<(DatasetKind, usize)>)] = &[
        (
            "sales_pipeline.csv",
            "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n\
             O1,Ann Lee,GTX Basic,Acme,Won,2024-01-03,2024-02-01,1200\n\
             O2,Bo Chen,GTX Pro,Initech,Lost,2024-01-05,2024-02-11,0\n\
             O3,Ann Lee,GTX Pro,,Engaging,2024-02-01,,\n",
            Some((DatasetKind::Deals, 3)),
        ),
        (
            "subscriptions.csv",
            "subscription_id,account_id,start_date,end_date,plan_tier,seats,mrr_amount,arr_amount,is_trial,upgrade_flag,downgrade_flag,churn_flag,billing_frequency,auto_renew_flag\n\
             S-1,A-1,2024-01-10,,Pro,5,500,6000,False,False,False,False,monthly,True\n\
             S-2,A-2,2024-02-01,2024-05-01,Basic,2,40,480,True,False,False,True,monthly,False\n",
            Some((DatasetKind::Customers, 2)),
        ),
        (
            "Leads.csv",
            "LeadID,ContactID,LeadSource,LeadStatus,CreatedDate,Notes\n\
             L1,C1,Referral,New,2025-01-02,Asked for a call.\n\
             L2,C2,Event,Working,2025-03-04,\"Met at the fair, follow up.\"\n",
            Some((DatasetKind::Leads, 2)),
        ),
        ("accounts.csv", "account,sector,year_established,revenue,employees,office_location,subsidiary_of\nAcme,retail,1999,120.5,300,Norway,\n", None),
        ("churn.csv", "customerID,gender,tenure,MonthlyCharges,TotalCharges,Churn\n1-A,F,3,20.5, ,No\n", None),
    ];
    for (file, text, want) in cases {
        let p = preview(file, text.as_bytes(), 5, None).unwrap();
        let complete = p.complete().then_some(p.kind);
        assert_eq!(complete, want.map(|w| w.0), "{file}: fits {:?}", p.fits[0]);
        if let Some((kind, rows)) = want {
            let imported = read_file(*kind, file, text.as_bytes(), None).unwrap();
            let r = &imported.report;
            assert_eq!((r.rows_read, r.rows_kept), (*rows, *rows), "{file}: {:?}", r.rejected.first());
        }
    }
}
