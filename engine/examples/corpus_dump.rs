//! Prints how the engine reads each file given on the command line (for reviewing corpus cases).
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap_or_default();
        let name = path.rsplit('/').next().unwrap_or(&path);
        match pipelens_engine::ingest::read_table(name, &bytes) {
            Ok(t) => {
                let rows: Vec<&Vec<String>> = t.rows.iter().map(|r| &r.1).collect();
                let rejected: Vec<(u64, &str)> = t.rejected.iter().map(|r| (r.line, r.reason.as_str())).collect();
                println!("{name:45} {} {:?} hdr={:?} rows={:?} rej={:?}", t.encoding, t.dialect.delimiter as char, t.headers, rows, rejected);
            }
            Err(e) => println!("{name:45} ERR {e}"),
        }
    }
}
