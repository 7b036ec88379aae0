//! The identity of a table's rows, for what is worked out from them and kept beside another
//! table (a stage history's link to the deals' rows, [`crate::history::link`]).

use std::sync::{Arc, OnceLock};

/// The identity of a table's rows: a token made on first use and dropped whenever the rows
/// change (as [`crate::deals_table::DealsTable::append`] does), so what was worked out from
/// other rows is never taken for these. Two tables compare equal whether or not either has
/// made it.
#[derive(Clone, Debug, Default)]
pub struct RowsToken(OnceLock<Arc<()>>);

impl PartialEq for RowsToken {
    fn eq(&self, _: &RowsToken) -> bool {
        true
    }
}

impl RowsToken {
    /// The token, made now if there is none.
    pub fn get(&self) -> Arc<()> {
        self.0.get_or_init(|| Arc::new(())).clone()
    }

    /// Drops the token after the rows changed.
    pub fn clear(&mut self) {
        self.0 = OnceLock::new();
    }
}
