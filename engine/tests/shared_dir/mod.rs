//! Where the tests find the files kept beside the repository rather than in it: the KPI spec
//! and the CSV corpus. One variable names the folder, `PIPELENS_SHARED`; unset, it is
//! `../shared` from the repository root (a relative value is read from the repository root
//! too). A test that needs a file that is not there says it was skipped, naming the variable
//! and the path, and returns instead of failing: a fresh clone runs every other test.
//!
//! Every skip line also goes to the file `PIPELENS_SKIP_LOG` names, when set, so that
//! `scripts/test.sh` can sum the skipped parts up at the end.

#![allow(dead_code)] // each test file uses a part of it

use std::io::Write;
use std::path::{Path, PathBuf};

/// The variable that names the shared folder.
pub const VAR: &str = "PIPELENS_SHARED";

/// The repository root (the engine crate's parent).
fn repo_root() -> PathBuf {
    let engine = Path::new(env!("CARGO_MANIFEST_DIR"));
    engine.parent().unwrap_or(engine).to_path_buf()
}

/// The shared folder: `$PIPELENS_SHARED`, else `../shared` from the repository root.
pub fn dir() -> PathBuf {
    let named = std::env::var_os(VAR).filter(|v| !v.is_empty()).map(PathBuf::from);
    repo_root().join(named.unwrap_or_else(|| PathBuf::from("../shared")))
}

/// `rel` inside the shared folder when it is there; otherwise `None`, after saying that `what`
/// was skipped and why.
pub fn file(rel: &str, what: &str) -> Option<PathBuf> {
    let path = dir().join(rel);
    if path.exists() {
        return Some(path);
    }
    skipped(what, &path);
    None
}

/// `rel` inside the shared corpus (`corpus/` of the shared folder), as [`file`].
pub fn corpus(rel: &str, what: &str) -> Option<PathBuf> {
    match rel {
        "" | "." => file("corpus", what),
        _ => file(&format!("corpus/{rel}"), what),
    }
}

/// Says that `what` was skipped because `path` is missing: on stderr, past the test harness's
/// capture (a passing test's captured output is never shown), and in `$PIPELENS_SKIP_LOG`.
pub fn skipped(what: &str, path: &Path) {
    let line = format!("skipped: {what}: {} is missing ({VAR}={})", path.display(), dir().display());
    // `std::io::stderr()` written directly is not captured, unlike `eprintln!`.
    let _ = writeln!(std::io::stderr(), "{line}");
    if let Some(log) = std::env::var_os("PIPELENS_SKIP_LOG").filter(|v| !v.is_empty()) {
        if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(log) {
            let _ = writeln!(f, "{line}");
        }
    }
}
