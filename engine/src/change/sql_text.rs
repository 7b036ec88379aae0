//! SQL literals shared by the SQL builders of the new modules.

pub(crate) use super::sql::{date, pair_ctes, within, Export, SLIPPED};
