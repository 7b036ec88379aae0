//! Reading CSV bytes into typed tables. Bad rows are reported with their line and column and
//! the good rows are kept; nothing here panics on any input.

mod decode;
mod deals;
mod mapping;
mod report;
mod value;

pub use decode::{decode, Decoded};
pub use deals::{read_deals, ImportedDeals, CELL_ISSUE_LIMIT};
pub use mapping::{auto_map, missing_required, normalise_header, FieldSpec, DEAL_FIELDS};
pub use report::{CellIssue, ImportReport, MappedField, RejectedRow};
pub use value::{is_empty_cell, parse_amount, parse_date};

/// Picks the field delimiter from the first line: the candidate (`,` `;` tab `|`) that occurs
/// most often outside quotes; a comma when none does.
pub fn sniff_delimiter(text: &str) -> u8 {
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 4];
    let candidates = [b',', b';', b'\t', b'|'];
    let mut in_quotes = false;
    for b in first_line.bytes() {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if !in_quotes {
            if let Some(i) = candidates.iter().position(|&c| c == b) {
                counts[i] += 1;
            }
        }
    }
    let best = (0..4).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    if counts[best] == 0 { b',' } else { candidates[best] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_the_delimiter_from_the_header() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2;3"), b';');
        assert_eq!(sniff_delimiter("a\tb\n"), b'\t');
        assert_eq!(sniff_delimiter("\n\n\"x,y\"|b|c"), b'|');
        assert_eq!(sniff_delimiter("single"), b',');
    }
}
