//! Forecast categories (Pipeline, Best case, Commit, Closed, Omitted) and the stage → category
//! map the user edits beside the stage rules.

use super::probability::default_probability;
use crate::deals_table::DealsTable;
use crate::stage::Status;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A forecast category, as Salesforce and HubSpot name them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForecastCategory {
    /// Early: not in the forecast yet.
    Pipeline,
    /// Could close in the period with some luck.
    BestCase,
    /// The rep commits to closing it in the period.
    Commit,
    /// Won.
    Closed,
    /// Lost or left out of the forecast.
    Omitted,
}

impl ForecastCategory {
    /// Every category, in roll-up order.
    pub const ALL: [ForecastCategory; 5] = [
        ForecastCategory::Pipeline,
        ForecastCategory::BestCase,
        ForecastCategory::Commit,
        ForecastCategory::Closed,
        ForecastCategory::Omitted,
    ];

    /// The category in words.
    pub fn label(self) -> &'static str {
        match self {
            ForecastCategory::Pipeline => "Pipeline",
            ForecastCategory::BestCase => "Best case",
            ForecastCategory::Commit => "Commit",
            ForecastCategory::Closed => "Closed",
            ForecastCategory::Omitted => "Omitted",
        }
    }

    /// Reads a `forecast_category` cell: the Salesforce names (`Best Case`, `Omitted`), the
    /// HubSpot ones (`best_case`, `omit`, `not forecasted`), `won`/`lost`, and the German,
    /// Polish and Chinese words of [`crate::ingest::meaning::forecast::CATEGORY_WORDS`];
    /// `None` otherwise.
    pub fn parse(text: &str) -> Option<ForecastCategory> {
        crate::ingest::meaning::forecast::category_of(text)
    }

    /// The default category of an open stage with default probability `p` (see
    /// [`default_probability`]): Commit from 75 %, Best case from 50 %, else Pipeline.
    pub fn for_probability(p: f64) -> ForecastCategory {
        if p >= 0.75 {
            ForecastCategory::Commit
        } else if p >= 0.5 {
            ForecastCategory::BestCase
        } else {
            ForecastCategory::Pipeline
        }
    }
}

/// The category of each stage name, editable by the user.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CategoryMap(pub BTreeMap<String, ForecastCategory>);

impl CategoryMap {
    /// The defaults for the deals' stages: won stages Closed, lost stages Omitted, and open
    /// stages by their place in the pipeline ([`ForecastCategory::for_probability`] of their
    /// default probability): with four open stages, Pipeline, Pipeline, Best case, Commit.
    pub fn defaults(d: &DealsTable) -> CategoryMap {
        let mut map = BTreeMap::new();
        let open: Vec<&str> = d.open_stages().map(|(_, n)| n).collect();
        for (i, name) in open.iter().enumerate() {
            let p = default_probability(i, open.len());
            map.insert((*name).to_owned(), ForecastCategory::for_probability(p));
        }
        for (code, name) in d.stage.values.iter().enumerate() {
            match d.stage_rules.status(code as u32) {
                Status::Won => map.insert(name.clone(), ForecastCategory::Closed),
                Status::Lost => map.insert(name.clone(), ForecastCategory::Omitted),
                _ => None,
            };
        }
        CategoryMap(map)
    }

    /// The user's choice for a stage.
    pub fn set(&mut self, stage: &str, category: ForecastCategory) {
        self.0.insert(stage.to_owned(), category);
    }

    /// The category of a stage, if mapped.
    pub fn get(&self, stage: &str) -> Option<ForecastCategory> {
        self.0.get(stage).copied()
    }
}

/// The category of every deal: from the export's `forecast_category` column when it has
/// one and the cell reads as a category (rows like the deals'), else from the stage map.
pub fn deal_categories(
    d: &DealsTable,
    column: Option<&[Option<ForecastCategory>]>,
    map: &CategoryMap,
) -> Vec<Option<ForecastCategory>> {
    let categories = DealCategories::new(d, column, map);
    (0..d.len()).map(|i| categories.of(i)).collect()
}

/// Each deal's category as [`deal_categories`] gives it, looked up row by row: the stage map
/// is read once per stage, not once per deal, and nothing is kept per deal.
pub struct DealCategories<'a> {
    column: Option<&'a [Option<ForecastCategory>]>,
    codes: &'a [u32],
    by_stage: Vec<Option<ForecastCategory>>,
}

impl<'a> DealCategories<'a> {
    /// The categories of `d`'s deals: `column` (rows like the deals'), else `map`.
    pub fn new(d: &'a DealsTable, column: Option<&'a [Option<ForecastCategory>]>, map: &CategoryMap) -> Self {
        let by_stage = d.stage.values.iter().map(|s| map.get(s)).collect();
        DealCategories { column, codes: &d.stage.codes, by_stage }
    }

    /// Deal `i`'s category, `None` when neither its cell nor its stage gives one.
    #[inline]
    pub fn of(&self, i: usize) -> Option<ForecastCategory> {
        self.column.and_then(|c| c.get(i).copied().flatten()).or_else(|| {
            let code = *self.codes.get(i)?;
            self.by_stage.get(code as usize).copied().flatten()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixture::{deals, Row};

    #[test]
    fn parses_the_crm_spellings() {
        let cases = [
            ("Best Case", Some(ForecastCategory::BestCase)),
            ("best_case", Some(ForecastCategory::BestCase)),
            ("Commit", Some(ForecastCategory::Commit)),
            ("Closed", Some(ForecastCategory::Closed)),
            ("Omitted", Some(ForecastCategory::Omitted)),
            ("Not forecasted", Some(ForecastCategory::Omitted)),
            ("pipeline", Some(ForecastCategory::Pipeline)),
            ("maybe", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(ForecastCategory::parse(text), want, "{text:?}");
        }
    }

    #[test]
    fn defaults_follow_the_stage_order_and_the_column_wins() {
        let order = ["Prospecting", "Qualification", "Proposal", "Negotiation"];
        let rows: Vec<Row> = vec![
            ("A", "Negotiation", Some(1.0), None, None, None),
            ("B", "Prospecting", Some(1.0), None, None, None),
            ("C", "Closed Won", Some(1.0), None, None, None),
            ("D", "Closed Lost", Some(1.0), None, None, None),
        ];
        let d = deals(&rows, &order);
        let map = CategoryMap::defaults(&d);
        let got: Vec<Option<ForecastCategory>> = order.iter().map(|s| map.get(s)).collect();
        use ForecastCategory::*;
        assert_eq!(got, [Some(Pipeline), Some(Pipeline), Some(BestCase), Some(Commit)]);
        assert_eq!(deal_categories(&d, None, &map), [Some(Commit), Some(Pipeline), Some(Closed), Some(Omitted)]);
        let column = [None, Some(Commit), None, None];
        let mut edited = map.clone();
        edited.set("Negotiation", BestCase);
        assert_eq!(
            deal_categories(&d, Some(&column), &edited),
            [Some(BestCase), Some(Commit), Some(Closed), Some(Omitted)]
        );
    }
}
