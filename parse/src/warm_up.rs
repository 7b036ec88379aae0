//! A made-up deals file the worker reads once, before the user's first file, when the page
//! expects one (see [`crate::client::prepare`]).
//!
//! A browser first runs a wasm function from code compiled for a quick start, and compiles an
//! optimised version only once the function has run for a while; a loop already running keeps
//! the slow code. Without this, the first file of a session is read mostly by the slow code
//! (a 100k-row file took about three times as long as the next one). Reading a few thousand
//! rows of every kind of cell first, and writing them as a wire message for the page to read
//! back, gets the hot functions of both sides optimised while the user is still picking.

/// Rows of the made-up file: enough for the browser to optimise the read's hot functions,
/// few enough to read (in halves, merged and written) in about a hundred milliseconds with the
/// slow code.
pub const ROWS: usize = 20_000;

/// Bytes of the made-up file's start the page works out a preview from: as the page does
/// for a picked file before it is read, so the first file's preview is worked out by code the
/// browser has compiled, not on its first run (a 100k-row file's preview took about twice as
/// long the first time).
pub const HEAD_BYTES: usize = 512 << 10;

/// Bytes pushed to the read at a time: many short steps, so the optimised code is used as soon
/// as it is ready (a step already running keeps the code it started with).
pub const SLICE_BYTES: usize = 64 << 10;

/// The made-up file: the columns and the kinds of cell a CRM export of deals has (ids,
/// amounts with and without decimals, stages, ISO dates, open deals without a close date,
/// names, quoted text with a comma).
pub fn deals_csv(rows: usize) -> String {
    const STAGES: [&str; 5] = ["Closed Won", "Closed Lost", "Prospecting", "Proposal", "Negotiation"];
    const OWNERS: [&str; 6] = ["Ann Lee", "Bo Chen", "Chloé Martin", "Dan Kowalski", "Eva Rossi", "Farid Haddad"];
    let mut out = String::with_capacity(rows * 120);
    out.push_str("deal_id,amount,stage,created_date,close_date,owner,product,lead_source,account,notes\n");
    for i in 0..rows {
        let stage = STAGES[i % STAGES.len()];
        let (month, day) = (1 + i % 12, 1 + i % 28);
        let close = if stage.starts_with("Closed") { format!("2024-{month:02}-{day:02}") } else { String::new() };
        let cents = if i % 3 == 0 { String::new() } else { format!(".{:02}", i % 100) };
        out.push_str(&format!(
            "W-{i},{}{cents},{stage},2023-{month:02}-{day:02},{close},{},Plan {},{},Account {},\"note {i}, kept\"\n",
            500 + (i * 37) % 90_000,
            OWNERS[i % OWNERS.len()],
            i % 4,
            ["Inbound", "Outbound", "Partner"][i % 3],
            i % 700,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pipelens_engine::ingest::{read_in_halves, read_in_slices, DatasetKind, ReadOptions};

    #[test]
    fn the_made_up_file_is_read_whole_without_a_rejected_row_and_alike_in_halves() {
        let csv = deals_csv(500);
        let options = ReadOptions::new(DatasetKind::Deals);
        let read = read_in_slices("warm-up.csv", csv.as_bytes(), 4096, options.clone()).unwrap();
        assert_eq!(read.data.len(), 500);
        assert!(read.report.rejected.is_empty(), "{:?}", read.report.rejected);
        assert!(read.report.cell_issues.is_empty(), "{:?}", read.report.cell_issues);
        // Read in halves, as the worker warms up: the halves merge (no key repeats across them).
        let halves = read_in_halves("warm-up.csv", csv.as_bytes(), 1 << 20, (4096, 100), options, |part, head| {
            head.absorb(part)
        });
        let halves = halves.unwrap();
        assert_eq!((halves.data, halves.report), (read.data, read.report));
    }
}
