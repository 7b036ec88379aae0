//! Writing tables back out as CSV with the canonical headers (the demo download, test fixtures).

use crate::deals::{DealsTable, Dim};

/// The deals table as CSV text with canonical headers: `deal_id, amount, stage, created_date,
/// close_date` and every segment column the table has. Reading it back gives the same table.
pub fn deals_csv(d: &DealsTable) -> String {
    let mut w = csv::Writer::from_writer(Vec::with_capacity(d.len() * 96));
    let dims: Vec<(Dim, &crate::column::DictColumn)> = Dim::ALL.iter().filter_map(|&k| Some((k, d.dim(k)?))).collect();
    let mut header = vec!["deal_id", "amount", "stage", "created_date", "close_date"];
    header.extend(dims.iter().map(|(k, _)| k.field()));
    // Writing to a Vec cannot fail; a failed row would only shorten the output.
    let _ = w.write_record(&header);
    let day = |v: Option<crate::Day>| v.map(|d| d.to_string()).unwrap_or_default();
    for i in 0..d.len() {
        let mut row = vec![
            d.deal_id.get(i).to_owned(),
            d.amount.get(i).map(|a| a.to_string()).unwrap_or_default(),
            d.stage.get(i).unwrap_or("").to_owned(),
            day(d.created.get(i)),
            day(d.close.get(i)),
        ];
        row.extend(dims.iter().map(|(_, c)| c.get(i).unwrap_or("").to_owned()));
        let _ = w.write_record(&row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{demo_deals, DEMO_SEED};
    use crate::ingest::read_deals;

    #[test]
    fn demo_round_trips_through_csv() {
        let demo = demo_deals(DEMO_SEED);
        let text = deals_csv(&demo);
        let back = read_deals("demo.csv", text.as_bytes()).unwrap();
        assert_eq!(back.report.rows_kept, demo.len());
        assert!(back.report.rejected.is_empty() && back.report.cell_issues.is_empty());
        let t = back.table;
        assert_eq!(t.amount, demo.amount);
        assert_eq!(t.created, demo.created);
        assert_eq!(t.close, demo.close);
        assert_eq!(t.status, demo.status);
        for dim in Dim::ALL {
            assert_eq!(t.dim(dim).unwrap().codes.len(), demo.len());
            for i in (0..demo.len()).step_by(97) {
                assert_eq!(t.dim(dim).unwrap().get(i), demo.dim(dim).unwrap().get(i));
            }
        }
    }
}
