//! The bars of the pipeline-change waterfall, in the order they are drawn.

use serde::Serialize;

/// One bar of the waterfall: the two totals (`Start`, `End`) and the main buckets between them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flow {
    /// The open pipeline in scope at the earlier export.
    Start,
    /// Inflow: absent from the earlier export, in scope at the later one.
    New,
    /// Inflow: present at the earlier export but out of scope there, in scope at the later one.
    PulledIn,
    /// Inflow: in scope at both, amount went up (by the increase).
    Increased,
    /// Outflow: in scope at both, amount went down (by the decrease).
    Decreased,
    /// Outflow: in scope at the earlier export, still open at the later one but out of scope.
    PushedOut,
    /// Outflow: in scope at the earlier export, won at the later one.
    Won,
    /// Outflow: in scope at the earlier export, lost at the later one or absent from it.
    Lost,
    /// The open pipeline in scope at the later export.
    End,
}

impl Flow {
    /// Every bar, in drawing order.
    pub const ALL: [Flow; 9] = [
        Flow::Start,
        Flow::New,
        Flow::PulledIn,
        Flow::Increased,
        Flow::Decreased,
        Flow::PushedOut,
        Flow::Won,
        Flow::Lost,
        Flow::End,
    ];

    /// The id of the bar: the `data-flow` attribute of KPI_SPEC_PIPELINE_CHANGE.md (`pulled_in`, ...).
    pub fn id(self) -> &'static str {
        match self {
            Flow::Start => "start",
            Flow::New => "new",
            Flow::PulledIn => "pulled_in",
            Flow::Increased => "increased",
            Flow::Decreased => "decreased",
            Flow::PushedOut => "pushed_out",
            Flow::Won => "won",
            Flow::Lost => "lost",
            Flow::End => "end",
        }
    }

    /// The bar's label in words.
    pub fn label(self) -> &'static str {
        match self {
            Flow::Start => "Start",
            Flow::New => "New",
            Flow::PulledIn => "Pulled in",
            Flow::Increased => "Amount increased",
            Flow::Decreased => "Amount decreased",
            Flow::PushedOut => "Pushed out",
            Flow::Won => "Won",
            Flow::Lost => "Lost",
            Flow::End => "End",
        }
    }

    /// +1 for an inflow, −1 for an outflow, 0 for the two totals.
    pub fn sign(self) -> i32 {
        match self {
            Flow::Start | Flow::End => 0,
            Flow::New | Flow::PulledIn | Flow::Increased => 1,
            Flow::Decreased | Flow::PushedOut | Flow::Won | Flow::Lost => -1,
        }
    }

    /// Position in [`Flow::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The bar with this id, if any (the inverse of [`Flow::id`]).
    pub fn from_id(id: &str) -> Option<Flow> {
        Flow::ALL.into_iter().find(|f| f.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_follow_the_spec() {
        let ids: Vec<&str> = Flow::ALL.iter().map(|f| f.id()).collect();
        assert_eq!(ids, ["start", "new", "pulled_in", "increased", "decreased", "pushed_out", "won", "lost", "end"]);
        for (i, f) in Flow::ALL.into_iter().enumerate() {
            assert_eq!(Flow::from_id(f.id()), Some(f));
            assert_eq!(f.index(), i);
        }
        assert_eq!(Flow::from_id("stayed"), None);
    }

    #[test]
    fn signs_split_inflows_from_outflows() {
        let inflows: Vec<Flow> = Flow::ALL.into_iter().filter(|f| f.sign() > 0).collect();
        let outflows: Vec<Flow> = Flow::ALL.into_iter().filter(|f| f.sign() < 0).collect();
        assert_eq!(inflows, [Flow::New, Flow::PulledIn, Flow::Increased]);
        assert_eq!(outflows, [Flow::Decreased, Flow::PushedOut, Flow::Won, Flow::Lost]);
    }
}
