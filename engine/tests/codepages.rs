//! Exports saved in the code pages spreadsheets write (Polish Windows-1250 with `;` and decimal
//! commas, Chinese GB18030, German Windows-1252, Big5, Shift_JIS, Windows-1251, ISO-8859-2)
//! read to the exact names and the same KPIs as their UTF-8 version; the report names the code
//! page and how sure it is; a code page the user chooses reads the file again with it.

use pipelens_engine::file_set::{FileRead, FileSet};
use pipelens_engine::ingest::{
    decode_as, read_file, read_in_slices, read_table, CodePage, Confidence, DatasetKind, Imported, ReadOptions,
};
use pipelens_engine::kpi::compute_all;
use pipelens_engine::Workspace;
use proptest::prelude::*;

/// A deals export in one language: its header, delimiter, decimal comma, people and stages.
struct Export {
    code_page: &'static str,
    delimiter: char,
    decimal_comma: bool,
    header: [&'static str; 6],
    people: &'static [&'static str],
    stages: [&'static str; 3],
}

const POLISH: [&str; 6] = ["Identyfikator", "Kwota", "Etap", "Data utworzenia", "Data zamknięcia", "Handlowiec"];
const POLES: &[&str] =
    &["Łukasz Żółć", "Grzegorz Brzęczyszczykiewicz", "Małgorzata Wiśniewska", "Paweł Ślązak", "Jędrzej Źdźbło"];
const CANONICAL: [&str; 6] = ["deal_id", "amount", "stage", "created_date", "close_date", "owner"];
const STAGES: [&str; 3] = ["Closed Won", "Closed Lost", "Negotiation"];

fn exports() -> Vec<Export> {
    vec![
        Export {
            code_page: "windows-1250",
            delimiter: ';',
            decimal_comma: true,
            header: POLISH,
            people: POLES,
            stages: STAGES,
        },
        Export {
            code_page: "ISO-8859-2",
            delimiter: ';',
            decimal_comma: true,
            header: POLISH,
            people: POLES,
            stages: STAGES,
        },
        Export {
            code_page: "gb18030",
            delimiter: ',',
            decimal_comma: false,
            header: ["商机编号", "金额", "阶段", "创建日期", "成交日期", "负责人"],
            people: &["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊"],
            stages: STAGES,
        },
        Export {
            code_page: "windows-1252",
            delimiter: ';',
            decimal_comma: true,
            header: CANONICAL,
            people: &["Jürgen Größ", "Björn Müller", "Käthe Weiß", "Günther Schäfer", "Dörte Bräuer"],
            stages: STAGES,
        },
        Export {
            code_page: "Big5",
            delimiter: ',',
            decimal_comma: false,
            header: CANONICAL,
            people: &["陳大文", "林美玲", "黃志明", "張家豪", "吳淑芬"],
            stages: ["贏單", "輸單", "進行中"],
        },
        Export {
            code_page: "Shift_JIS",
            delimiter: ',',
            decimal_comma: false,
            header: CANONICAL,
            people: &["山田太郎", "佐藤花子", "鈴木一郎", "高橋みさき", "タナカ ユウキ"],
            stages: STAGES,
        },
        Export {
            code_page: "windows-1251",
            delimiter: ',',
            decimal_comma: false,
            header: CANONICAL,
            people: &["Иван Петров", "Мария Смирнова", "Сергей Кузнецов", "Ольга Иванова"],
            stages: STAGES,
        },
    ]
}

/// The export as UTF-8 text: 60 deals over the first half of 2024.
fn text(e: &Export) -> String {
    let d = e.delimiter;
    let mut out = e.header.join(&d.to_string());
    out.push('\n');
    for i in 0..60usize {
        let person = e.people[i % e.people.len()];
        let stage = e.stages[i % 3];
        let amount = format!("{}.{:02}", 1000 + 137 * i, i % 100);
        let amount = if e.decimal_comma { amount.replace('.', ",") } else { amount };
        let created = format!("2024-{:02}-{:02}", 1 + i % 5, 1 + i % 27);
        let close = if i % 3 == 2 { String::new() } else { format!("2024-{:02}-{:02}", 2 + i % 5, 1 + i % 27) };
        out.push_str(&format!("D{i}{d}{amount}{d}{stage}{d}{created}{d}{close}{d}{person}\n"));
    }
    out
}

fn encode(code_page: &str, text: &str) -> Vec<u8> {
    let encoding = encoding_rs::Encoding::for_label(code_page.as_bytes()).unwrap();
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{code_page} cannot write the test text");
    bytes.into_owned()
}

/// Every KPI over the file's default scope, as JSON (comparable across reads).
fn kpis(imported: &Imported) -> String {
    let mut ws = Workspace::default();
    ws.insert(imported.data.clone(), false);
    let scope = ws.default_scope().expect("a scope");
    serde_json::to_string(&compute_all(&ws, &scope).into_iter().map(|(k, r)| (k.id, r)).collect::<Vec<_>>()).unwrap()
}

#[test]
fn each_code_page_reads_the_exact_names_and_the_kpis_of_its_utf8_version() {
    for e in exports() {
        let text = text(&e);
        let bytes = encode(e.code_page, &text);
        let want = CodePage::from_name(e.code_page).unwrap();
        let utf8 = read_file(DatasetKind::Deals, "utf8.csv", text.as_bytes(), None).unwrap();
        let legacy = read_file(DatasetKind::Deals, "legacy.csv", &bytes, None).unwrap();
        let report = &legacy.report;
        assert_eq!(report.encoding, want.name(), "{}", e.code_page);
        assert_eq!(report.encoding_label, want.label());
        assert_eq!(report.encoding_confidence, Confidence::High, "{}", e.code_page);
        assert_eq!(report.rows_kept, 60, "{}: {:?}", e.code_page, report.rejected.first());
        assert!(legacy.data == utf8.data, "{}: the data differ from the UTF-8 version", e.code_page);
        assert_eq!(kpis(&legacy), kpis(&utf8), "{}", e.code_page);
        // The people's names, cell by cell.
        let table = read_table("legacy.csv", &bytes).unwrap();
        assert_eq!(table.headers, e.header.map(str::to_owned), "{}", e.code_page);
        for (i, (_, row)) in table.rows.iter().enumerate() {
            assert_eq!(row[5], e.people[i % e.people.len()], "{} row {i}", e.code_page);
        }
        // In slices, as the browser reads it.
        for slice in [1, 3, 64, 4096] {
            let sliced = read_in_slices("legacy.csv", &bytes, slice, ReadOptions::new(DatasetKind::Deals)).unwrap();
            assert!(sliced.data == legacy.data && sliced.report == legacy.report, "{} slices of {slice}", e.code_page);
        }
    }
}

#[test]
fn a_short_ascii_file_stays_utf8_with_high_confidence() {
    let csv = b"deal_id,amount,stage,created_date,close_date\nA,1,Won,2024-01-01,2024-02-01\n";
    let imported = read_file(DatasetKind::Deals, "a.csv", csv, None).unwrap();
    assert_eq!(imported.report.encoding, "UTF-8");
    assert_eq!(imported.report.encoding_label, "Unicode (UTF-8)");
    assert_eq!(imported.report.encoding_confidence, Confidence::High);
}

#[test]
fn a_guess_from_a_single_accent_is_said_to_be_low_confidence() {
    let csv = b"deal_id,amount,stage,created_date,close_date,owner\nA,1,Won,2024-01-01,2024-02-01,Ren\xe9e\n";
    let imported = read_file(DatasetKind::Deals, "a.csv", csv, None).unwrap();
    assert_ne!(imported.report.encoding, "UTF-8");
    assert_eq!(imported.report.encoding_confidence, Confidence::Low);
}

#[test]
fn a_code_page_the_user_chooses_reads_the_file_again_with_it() {
    let polish = exports().into_iter().next().unwrap();
    let bytes = encode(polish.code_page, &text(&polish));
    let read = |cp: Option<CodePage>| {
        let options = ReadOptions { code_page: cp, ..ReadOptions::new(DatasetKind::Deals) };
        read_in_slices("pl.csv", &bytes, 100, options).unwrap()
    };
    let western = read(CodePage::from_name("windows-1252"));
    assert_eq!(western.report.encoding, "windows-1252");
    assert_eq!(western.report.encoding_confidence, Confidence::Chosen);
    let detected = read(None);
    assert!(western.data != detected.data, "Windows-1252 turns the Polish letters into others");
    let central = read(CodePage::from_name("windows-1250"));
    assert!(central.data == detected.data);
    assert_eq!(central.report.encoding_confidence, Confidence::Chosen);

    // Through the file set, as the import report's picker does.
    let disk = bytes.clone();
    let load =
        |plan: pipelens_engine::file_set::Plan| plan.start().run(|r, o| read_in_slices(&r.name, &disk, 7, o)).unwrap();
    let set = load(FileSet::default().add(FileRead::auto(1, "pl.csv", DatasetKind::Deals, vec![]), false));
    assert_eq!(set.files[0].report.encoding, "windows-1250");
    let set = load(set.set_code_page(1, CodePage::from_name("windows-1252").unwrap()).unwrap());
    assert_eq!(set.files[0].code_page, CodePage::from_name("windows-1252"));
    assert_eq!(set.files[0].report.encoding, "windows-1252");
    assert_eq!(set.files[0].report.rows_kept, 60);
    let set = load(set.set_code_page(1, CodePage::from_name("windows-1250").unwrap()).unwrap());
    assert_eq!(set.files[0].report.encoding_confidence, Confidence::Chosen);
    let pipelens_engine::ingest::Dataset::Deals(deals) = &detected.data else { panic!("deals") };
    assert!(set.workspace.deals.as_ref() == Some(deals), "read again: the right names");
    assert!(set.set_code_page(9, CodePage::UTF_8).is_err());
}

/// Characters each code page can write, for tables that must read back identical.
fn alphabet(code_page: &str) -> &'static str {
    match code_page {
        "windows-1250" | "ISO-8859-2" => "abcXYZ ŁłŻżÓóĆćĘęŚśŹźŃńĄą",
        "windows-1252" => "abcXYZ äöüÄÖÜßéèàçñ€",
        "gb18030" => "abc 张伟王芳李娜刘洋负责人金额",
        "Big5" => "abc 陳大文林美玲黃志明張家豪",
        "Shift_JIS" => "abc 山田太郎佐藤花子たなかタナカ",
        "windows-1251" => "abc ИванПетровМарияСмирнова",
        _ => "abc",
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any bytes read in any code page give rows or a positioned error, never a panic, and the
    /// same in slices as whole.
    #[test]
    fn any_bytes_in_any_code_page_give_rows_or_an_error(
        body in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
        which in 0usize..8,
        slice in 1usize..40,
    ) {
        let code_page = CodePage::main().nth(which);
        let mut bytes = b"deal_id;amount;stage;created_date;close_date;owner\n".to_vec();
        bytes.extend(body);
        for cp in [None, code_page] {
            let options = ReadOptions { code_page: cp, ..ReadOptions::new(DatasetKind::Deals) };
            match read_in_slices("p.csv", &bytes, slice, options) {
                Ok(imported) => prop_assert!(imported.report.rejected.iter().all(|r| r.line >= 2)),
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }

    /// A table of text the code page can write reads back identical in it.
    #[test]
    fn a_table_in_any_code_page_reads_back_identical(
        which in 0usize..7,
        cells in proptest::collection::vec(proptest::collection::vec(0usize..64, 1..8), 1..20),
    ) {
        let export = &exports()[which];
        let letters: Vec<char> = alphabet(export.code_page).chars().collect();
        let mut text = String::from("name;note\n");
        for row in &cells {
            let cell: String = row.iter().map(|&i| letters[i % letters.len()]).collect();
            text.push_str(&format!("x{};{}\n", cell.trim(), cell.trim()));
        }
        let bytes = encode(export.code_page, &text);
        let cp = CodePage::from_name(export.code_page);
        let decoded = decode_as("t.csv", &bytes, cp).unwrap();
        prop_assert_eq!(decoded.text.as_ref(), text.as_str());
    }
}
