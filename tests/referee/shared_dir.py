"""Where the referee finds the files kept beside the repository rather than in it (the CSV
corpus). One variable names the folder, PIPELENS_SHARED; unset, it is ../shared from the
repository root (a relative value is read from the repository root too). A check that needs a
file that is not there says it was skipped, naming the variable and the path, and the referee
goes on with what is available. Every skip line also goes to the file PIPELENS_SKIP_LOG names,
when set, so that scripts/test.sh can sum the skipped parts up at the end.
"""

import os
from pathlib import Path

VAR = "PIPELENS_SHARED"
ROOT = Path(__file__).resolve().parents[2]


def shared_dir():
    """The shared folder: $PIPELENS_SHARED, else ../shared from the repository root."""
    return ROOT / (os.environ.get(VAR) or "../shared")


def skipped(what, path):
    """Says that `what` was skipped because `path` is missing."""
    line = f"skipped: {what}: {path} is missing ({VAR}={shared_dir()})"
    print(line, flush=True)
    log = os.environ.get("PIPELENS_SKIP_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(line + "\n")


def corpus_file(rel, what):
    """`rel` inside the shared corpus when it is there; otherwise None, after saying that
    `what` was skipped."""
    path = shared_dir() / "corpus" / rel
    if path.exists():
        return path
    skipped(what, path)
    return None
