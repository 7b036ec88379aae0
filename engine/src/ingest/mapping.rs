//! Header auto-mapping: which column of a file holds which canonical field.

/// A canonical field of a dataset and the header names it is recognised by.
#[derive(Debug)]
pub struct FieldSpec {
    /// Canonical name (KPI_SPEC.md).
    pub name: &'static str,
    /// Whether the dataset cannot load without it. Fields sharing a `one_of` group are
    /// required as a group: any one of them will do.
    pub required: bool,
    /// Group of alternative required fields (`stage` or `status`), if any.
    pub one_of: Option<&'static str>,
    /// Header names, normalised by [`normalise_header`], that mean this field.
    pub synonyms: &'static [&'static str],
}

const fn field(name: &'static str, required: bool, synonyms: &'static [&'static str]) -> FieldSpec {
    FieldSpec { name, required, one_of: None, synonyms }
}

/// The deals dataset: canonical names, Maven CRM names and common CRM export names.
pub const DEAL_FIELDS: &[FieldSpec] = &[
    field("deal_id", true, &["deal_id", "opportunity_id", "id", "deal", "opportunity", "record_id"]),
    field("amount", true, &["amount", "close_value", "value", "deal_value", "deal_amount", "revenue"]),
    FieldSpec { name: "stage", required: true, one_of: Some("stage or status"), synonyms: &["stage", "deal_stage", "stagename", "stage_name", "sales_stage"] },
    FieldSpec { name: "status", required: true, one_of: Some("stage or status"), synonyms: &["status", "deal_status", "outcome"] },
    field("created_date", true, &["created_date", "engage_date", "create_date", "created", "createddate", "created_at", "date_created", "creation_date", "deal_created"]),
    field("close_date", false, &["close_date", "closedate", "closed_date", "closed_at", "date_closed", "closing_date"]),
    field("owner", false, &["owner", "sales_agent", "deal_owner", "opportunity_owner", "sales_rep", "rep", "salesperson", "agent", "owner_name"]),
    field("team", false, &["team", "sales_team", "manager"]),
    field("region", false, &["region", "regional_office", "territory", "sales_region"]),
    field("product", false, &["product", "product_name", "item"]),
    field("lead_source", false, &["lead_source", "source", "leadsource", "channel"]),
    field("deal_type", false, &["deal_type", "type", "opportunity_type", "business_type"]),
    field("account", false, &["account", "account_name", "company", "customer", "client"]),
];

/// Lower-cases a header and turns every run of non-alphanumeric characters into one `_`:
/// `"Deal - Value"` → `deal_value`, `"Close Date"` → `close_date`.
pub fn normalise_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().trim_start_matches('\u{feff}').chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_owned()
}

/// For each field of `fields`, the index of the header that maps to it (first match wins,
/// and a header is used by at most one field).
pub fn auto_map(fields: &[FieldSpec], headers: &[String]) -> Vec<Option<usize>> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let mut taken = vec![false; headers.len()];
    fields
        .iter()
        .map(|f| {
            // Earlier synonyms are stronger: `amount` beats `value` when a file has both.
            let found = f.synonyms.iter().find_map(|syn| {
                (0..normalised.len()).find(|&i| !taken[i] && normalised[i] == *syn)
            });
            if let Some(i) = found {
                taken[i] = true;
            }
            found
        })
        .collect()
}

/// The required fields (or `one_of` groups) that `mapping` leaves without a column.
pub fn missing_required(fields: &[FieldSpec], mapping: &[Option<usize>]) -> Vec<&'static str> {
    let mut missing = Vec::new();
    for (f, m) in fields.iter().zip(mapping) {
        if !f.required || m.is_some() {
            continue;
        }
        match f.one_of {
            Some(group) => {
                let any = fields.iter().zip(mapping).any(|(g, m)| g.one_of == Some(group) && m.is_some());
                if !any && !missing.contains(&group) {
                    missing.push(group);
                }
            }
            None => missing.push(f.name),
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn mapped(fields: &[FieldSpec], h: &[String]) -> Vec<(&'static str, String)> {
        auto_map(fields, h)
            .into_iter()
            .zip(fields)
            .filter_map(|(m, f)| Some((f.name, h[m?].clone())))
            .collect()
    }

    #[test]
    fn normalises_headers() {
        for (raw, want) in [("Deal - Value", "deal_value"), (" Close Date ", "close_date"), ("\u{feff}ID", "id"), ("StageName", "stagename"), ("金额", "金额")] {
            assert_eq!(normalise_header(raw), want);
        }
    }

    #[test]
    fn maps_maven_headers() {
        let h = headers(&["opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date", "close_value"]);
        let m = mapped(DEAL_FIELDS, &h);
        let want = [
            ("deal_id", "opportunity_id"), ("amount", "close_value"), ("stage", "deal_stage"),
            ("created_date", "engage_date"), ("close_date", "close_date"), ("owner", "sales_agent"),
            ("product", "product"), ("account", "account"),
        ];
        assert_eq!(m, want.map(|(a, b)| (a, b.to_string())));
        assert!(missing_required(DEAL_FIELDS, &auto_map(DEAL_FIELDS, &h)).is_empty());
    }

    #[test]
    fn maps_canonical_headers() {
        let h = headers(&["deal_id", "amount", "status", "created_date", "owner", "lead_source", "deal_type"]);
        let m = mapped(DEAL_FIELDS, &h);
        assert_eq!(m.len(), 7);
        assert!(missing_required(DEAL_FIELDS, &auto_map(DEAL_FIELDS, &h)).is_empty());
    }

    #[test]
    fn reports_missing_required_fields() {
        let h = headers(&["name", "amount"]);
        let missing = missing_required(DEAL_FIELDS, &auto_map(DEAL_FIELDS, &h));
        assert_eq!(missing, ["deal_id", "stage or status", "created_date"]);
    }

    #[test]
    fn a_header_serves_one_field() {
        // `value` could be amount; `amount` is the stronger synonym and wins; `value` stays free.
        let h = headers(&["value", "amount"]);
        assert_eq!(auto_map(DEAL_FIELDS, &h)[1], Some(1));
    }
}
