//! Reading a file from disk through the engine's [`Session`] in slices, the way the browser
//! reads a picked file: the file is never held in memory as a whole, only the table the rows
//! become, so `pipelens-cli kpis` reads files larger than a tab (or this machine's memory for
//! the raw text) would hold.

use pipelens_engine::ingest::{self, DatasetKind, Imported, ReadOptions, Session, Step};
use std::io::{Read, Seek, SeekFrom};

/// Bytes pushed into the session at a time.
const SLICE: usize = 4 << 20;
/// Rows read per step.
const CHUNK_ROWS: usize = 1 << 16;
/// Bytes of the file's start looked at to tell its dataset.
const HEAD: usize = 1 << 20;

/// The file's name without its folders.
pub fn file_name(path: &str) -> String {
    std::path::Path::new(path).file_name().map_or(path.into(), |n| n.to_string_lossy().into_owned())
}

/// Reads `path` as `options.kind`, or, with `guess`, as the dataset its headers fit best (as
/// the app does when a file is dropped). Errors name the file.
pub fn read_path(path: &str, mut options: ReadOptions, guess: bool) -> Result<Imported, String> {
    let name = file_name(path);
    let fail = |e: &dyn std::fmt::Display| format!("{path}: {e}");
    let mut file = std::fs::File::open(path).map_err(|e| fail(&e))?;
    let len = file.metadata().map_err(|e| fail(&e))?.len();
    if guess {
        let mut head = Vec::with_capacity(HEAD.min(len as usize));
        (&mut file).take(HEAD as u64).read_to_end(&mut head).map_err(|e| fail(&e))?;
        options.kind = ingest::preview_start(&name, &head, len, 5, None).map_err(|e| fail(&e))?.kind;
    }
    let mut session = Session::new(&name, len, options);
    let mut buf = vec![0u8; SLICE];
    // Each push moves the file position on and each restart follows a push: the loop ends.
    loop {
        match session.step(CHUNK_ROWS) {
            Step::NeedInput => {
                let at = session.bytes_pushed();
                file.seek(SeekFrom::Start(at)).map_err(|e| fail(&e))?;
                let n = read_up_to(&mut file, &mut buf).map_err(|e| fail(&e))?;
                let slice = buf.get(..n).unwrap_or_default();
                // A file that ends early (it shrank while being read) ends here.
                session.push(slice, n == 0 || at + n as u64 >= len);
            }
            Step::Progress { .. } | Step::Restart => {}
            // Never stopped: a file read whole does not pause.
            Step::Paused { .. } => session.resume(),
            Step::Done(imported) => return Ok(imported),
            Step::Failed(e) => return Err(fail(&e)),
        }
    }
}

/// Fills `buf` from `r` as far as the file goes.
fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(buf.get_mut(n..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// The options for reading a file as `kind` with its headers mapped automatically.
pub fn auto(kind: DatasetKind) -> ReadOptions {
    ReadOptions::new(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_read_in_slices_is_the_file_read_whole() {
        let dir = std::env::temp_dir().join(format!("pipelens-cli-stream-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let ws = pipelens_engine::demo::demo_workspace(pipelens_engine::demo::DEMO_SEED);
        let text = pipelens_engine::export::deals_csv(ws.deals.as_ref().unwrap());
        // Windows-1252 bytes past the first slice make the session read the file again.
        let mut bytes = text.into_bytes();
        bytes.extend_from_slice(b"X1,5,Won,2024-01-02,2024-02-03,Zo\xeb\n");
        let path = dir.join("deals.csv");
        std::fs::write(&path, &bytes).unwrap();
        let streamed = read_path(path.to_str().unwrap(), auto(DatasetKind::Deals), true).unwrap();
        let whole = ingest::read_file(DatasetKind::Deals, "deals.csv", &bytes, None).unwrap();
        assert_eq!(streamed.report.rows_kept, whole.report.rows_kept);
        assert_eq!(streamed.report.encoding, whole.report.encoding);
        assert_eq!(streamed.data.len(), whole.data.len());
        assert!(read_path(dir.join("missing.csv").to_str().unwrap(), auto(DatasetKind::Deals), true)
            .unwrap_err()
            .contains("missing.csv"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
