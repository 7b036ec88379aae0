//! Reading a file in slices as it arrives gives exactly what reading it whole gives: the data,
//! and the report with every rejected row's line, column and reason, the encoding and the
//! delimiter. Over the shared corpus (when it is beside the repository: `PIPELENS_SHARED`),
//! the repository's fixtures, the demo datasets and hand-made tricky inputs, for every slice
//! size from one byte up.

use pipelens_engine::ingest::{preview, read_file, read_in_slices, DatasetKind, ReadOptions};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

const SLICES: [usize; 8] = [1, 2, 3, 5, 7, 64, 4096, usize::MAX];

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out)
        } else {
            out.push(p)
        }
    }
}

fn utf16(text: &str, le: bool) -> Vec<u8> {
    let bom: [u8; 2] = if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] };
    bom.into_iter()
        .chain(text.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }))
        .collect()
}

/// Inputs that probe every carry-over between slices.
fn tricky() -> Vec<(String, Vec<u8>)> {
    let deals = "deal_id,amount,stage,created_date,owner\n";
    let mut v: Vec<(String, Vec<u8>)> = [
        ("crlf", b"deal_id,amount,stage,created_date\r\nA,1,Won,2024-01-02\r\n\r\nB,2,Lost,2024-01-03\r\n".to_vec()),
        ("cr only", b"deal_id,amount,stage,created_date\rA,1,Won,2024-01-02\r\rB,2,Lost,2024-01-03\r".to_vec()),
        ("mixed breaks", b"deal_id,amount,stage,created_date\n\n\nA,1,Won,2024-01-02\r\n\rB,2,Lost,2024-01-03".to_vec()),
        (
            "multi-line cells",
            b"deal_id,amount,stage,created_date,name\nA,1,Won,2024-01-02,\"x\r\ny\"\nB,2,Lost,2024-01-03,\"a \"\"q\"\" b\nc\"\n"
                .to_vec(),
        ),
        ("unclosed quote", b"deal_id,amount,stage,created_date\nA,1,Won,2024-01-02\nB,\"2,Lost,2024-01-03\nC,3,Won,2024-01-04\n".to_vec()),
        ("unclosed in header", b"deal_id,\"amount,stage,created_date\nA,1,Won,2024-01-02\n".to_vec()),
        ("stray quotes", b"deal_id,amount,stage,created_date,size\nA,1,Won,2024-01-02,12\" screen\nB,2,Lost,2024-01-03,\"q\"x\"\n".to_vec()),
        (
            "backslash escapes",
            b"deal_id;amount;stage;created_date;n\n\"A\";1;Won;2024-01-02;\"say \\\"hi\\\"\"\nB;2;Lost;2024-01-03;\"x;\\\"y\n\\\\\"\n".to_vec(),
        ),
        ("windows-1252", b"deal_id,amount,stage,created_date,owner\nA,1,Won,2024-01-02,M\xfcller\nB,2,Lost,2024-01-03,Ren\xe9e\n".to_vec()),
        (
            "utf-8 start, windows-1252 later",
            b"deal_id,amount,stage,created_date,owner\nA,1,Won,2024-01-02,Zo\xc3\xab\nB,2,Lost,2024-01-03,Ren\xe9e\n".to_vec(),
        ),
        ("split character at the end", b"deal_id,amount,stage,created_date,owner\nA,1,Won,2024-01-02,Zo\xc3".to_vec()),
        (
            "title rows",
            b"Report\nQ3, all\n\ndeal_id,amount,stage,created_date,\nA,1,Won,2024-01-02,\nB,2,Lost,2024-01-03,,\nC,3\n".to_vec(),
        ),
        ("utf-8 bom", b"\xef\xbb\xbfdeal_id,amount,stage,created_date\nA,1,Won,2024-01-02\n".to_vec()),
        ("utf-8 bom, broken later", b"\xef\xbb\xbfdeal_id,amount,stage,created_date\nA,1,Won,2024-01-02\xff\n".to_vec()),
        ("whitespace", b" \r\n \t ".to_vec()),
        ("json", b"  [{\"a\": 1}]".to_vec()),
        ("workbook", b"PK\x03\x04rest".to_vec()),
        ("header only", b"deal_id,amount,stage,created_date\n".to_vec()),
        ("no break at the end", b"deal_id,amount,stage,created_date\nA,1,Won,2024-01-02".to_vec()),
        ("nul bytes", b"deal_id,amount,stage,created_date\nA,1\x00,Won,2024-01-02\n".to_vec()),
    ]
    .into_iter()
    .map(|(n, b)| (n.to_owned(), b))
    .collect();
    let text = format!("{deals}A,1,Won,2024-01-02,Zoë\r\nB,2,Lost,2024-01-03,😀\r\nC,3,Won,2024-01-04,\"x\ny\"\n");
    v.push(("utf-16le".into(), utf16(&text, true)));
    v.push(("utf-16be".into(), utf16(&text, false)));
    let mut odd = utf16(&text, true);
    odd.push(b'x');
    v.push(("utf-16 odd length".into(), odd));
    let mut lone = utf16(&text, true);
    lone.extend_from_slice(&[0x00, 0xD8]);
    v.push(("utf-16 lone surrogate".into(), lone));
    // Past the sniffer's 64 KB, with multi-byte characters and quotes across every boundary.
    let mut big = String::from("Exported by CRM\n");
    big.push_str("deal_id;amount;stage;created_date;owner\n");
    for i in 0..3000 {
        big.push_str(&format!("D{i};{i},5;Won;2024-01-{:02};\"Zoë; 😀 \"\"{i}\"\"\r\nx\"\n", i % 28 + 1));
        if i % 97 == 0 {
            big.push_str(&format!("D{i};bad;Won\n\n"));
        }
    }
    v.push(("big".into(), big.clone().into_bytes()));
    let mut late_1252 = big.replace(['ë', '😀'], "e").into_bytes();
    late_1252.extend_from_slice(b"Z1;1;Won;2024-01-02;M\xfcller\n");
    v.push(("big, windows-1252 at the end".into(), late_1252));
    let mut late_binary = utf16(&big, false);
    late_binary.push(0);
    v.push(("big utf-16 odd length".into(), late_binary));
    v
}

mod shared_dir;

/// Whether the shared corpus is beside the repository (said so when it is not).
fn have_corpus() -> bool {
    shared_dir::corpus(".", "streaming.rs: the corpus files (the fixtures and hand-made inputs still run)").is_some()
}

/// The demo company's datasets written as CSV, each cut after its first 120 KB of whole rows:
/// made by the project and larger than the sniffer's sample, so they reach the carries the
/// corpus's large files reach, also when the corpus is missing.
fn demo_inputs() -> Vec<(String, Vec<u8>)> {
    use pipelens_engine::{demo, export};
    let head = |text: String| -> Vec<u8> {
        let end = text.get(120_000..).and_then(|rest| rest.find('\n')).map_or(text.len(), |i| 120_000 + i + 1);
        text.as_bytes()[..end].to_vec()
    };
    let ws = demo::demo_workspace(demo::DEMO_SEED);
    let mut v: Vec<(String, Vec<u8>)> =
        ws.deals.iter().map(|d| ("demo deals".to_owned(), head(export::deals_csv(d)))).collect();
    v.extend(ws.tables.iter().map(|(kind, t)| (format!("demo {}", kind.name()), head(export::table_csv(t)))));
    v
}

fn inputs() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    if have_corpus() {
        walk(&shared_dir::dir().join("corpus"), &mut files);
    }
    walk(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")), &mut files);
    files.sort();
    let mut inputs: Vec<(String, Vec<u8>)> =
        files.iter().map(|p| (p.display().to_string(), std::fs::read(p).unwrap_or_default())).collect();
    inputs.extend(tricky());
    inputs.extend(demo_inputs());
    inputs
}

/// Compares the sliced read with the whole read for every slice size.
fn same_in_slices(name: &str, bytes: &[u8], kind: DatasetKind, mapping: Option<&[Option<usize>]>, slices: &[usize]) {
    let whole = read_file(kind, "f.csv", bytes, mapping);
    for &slice in slices {
        let options = ReadOptions { mapping: mapping.map(<[_]>::to_vec), ..ReadOptions::new(kind) };
        let sliced = read_in_slices("f.csv", bytes, slice, options);
        match (&whole, &sliced) {
            (Ok(a), Ok(b)) => {
                assert!(a.data == b.data, "{name} as {kind:?}, slices of {slice}: the data differ");
                assert_eq!(a.report, b.report, "{name} as {kind:?}, slices of {slice}");
            }
            (a, b) => assert_eq!(a.as_ref().err(), b.as_ref().err(), "{name} as {kind:?}, slices of {slice}"),
        }
    }
}

#[test]
fn every_slice_size_reads_what_the_whole_file_reads() {
    let inputs = inputs();
    if shared_dir::dir().join("corpus").exists() {
        assert!(inputs.len() > 150, "the corpus is missing: {}", inputs.len());
    }
    for (name, bytes) in &inputs {
        // One-byte slices over the largest files take long in a debug build; 2 and 3 cover the
        // same carries there.
        let slices: &[usize] = if bytes.len() > 300_000 { &SLICES[1..] } else { &SLICES };
        let columns = preview("f.csv", bytes, 5, None).map(|p| p.headers.len()).unwrap_or(0);
        for kind in DatasetKind::ALL {
            let slices = if matches!(kind, DatasetKind::Deals | DatasetKind::Leads) { slices } else { &SLICES[4..] };
            same_in_slices(name, bytes, kind, None, slices);
            if columns > 0 && matches!(kind, DatasetKind::Deals | DatasetKind::Customers) {
                // Every field given a column, so the rows of any file are read as this dataset.
                let m: Vec<Option<usize>> = (0..kind.fields().len()).map(|i| Some(i % columns)).collect();
                same_in_slices(name, bytes, kind, Some(&m), slices);
            }
        }
    }
}

/// Bytes drawn from what matters to the decoder and the boundary scanner.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    let pieces: Vec<&'static [u8]> = vec![
        b"a",
        b"1",
        b"2024-01-02",
        b",",
        b";",
        b"\"",
        b"\"\"",
        b"\\",
        b"\r",
        b"\n",
        b"\r\n",
        b" ",
        "é".as_bytes(),
        "😀".as_bytes(),
        b"\xff",
        b"\xc3",
        b"Won",
    ];
    let header: &'static [u8] = b"deal_id,amount,stage,created_date\n";
    (proptest::bool::ANY, prop::collection::vec(prop::sample::select(pieces), 0..120)).prop_map(move |(h, p)| {
        let mut out = if h { header.to_vec() } else { Vec::new() };
        out.extend(p.concat());
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_read_the_same_in_slices(bytes in csvish(), slice in 1usize..9) {
        let columns = preview("f.csv", &bytes, 5, None).map(|p| p.headers.len()).unwrap_or(0);
        same_in_slices("random", &bytes, DatasetKind::Deals, None, &[slice]);
        if columns > 0 {
            let m: Vec<Option<usize>> = (0..DatasetKind::Leads.fields().len()).map(|i| Some(i % columns)).collect();
            same_in_slices("random", &bytes, DatasetKind::Leads, Some(&m), &[slice]);
        }
    }
}

/// A preview from the start of a file, cut anywhere past the sniffer's sample (mid-row,
/// mid-character), is the preview of the whole file.
#[test]
fn a_preview_from_the_start_of_a_file_is_the_whole_files() {
    use pipelens_engine::ingest::preview_start;
    let mut checked = 0;
    for (name, bytes) in inputs() {
        // A head cannot know of bytes at the end that do not decode.
        if bytes.len() < 80_000 || name.contains("odd length") || name.contains("at the end") {
            continue;
        }
        let whole = preview("f.csv", &bytes, 5, None);
        for cut in [70_001, 70_002, 70_003, 77_777] {
            let head = preview_start("f.csv", &bytes[..cut], bytes.len() as u64, 5, None);
            assert_eq!(whole, head, "{name} cut at {cut}");
            checked += 1;
        }
        let all = preview_start("f.csv", &bytes, bytes.len() as u64, 5, Some(DatasetKind::Leads));
        assert_eq!(preview("f.csv", &bytes, 5, Some(DatasetKind::Leads)), all, "{name}");
    }
    assert!(checked > 10);
}
