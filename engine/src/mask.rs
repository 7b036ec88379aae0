//! Which rows of a dataset pass the filters, as the filters and the row scans share it.

/// Which rows of a dataset pass the filters: `None` when every row does.
pub type Mask = Option<Vec<bool>>;

/// Whether row `i` passes `mask`.
#[inline]
pub fn keeps(mask: &Mask, i: usize) -> bool {
    mask.as_ref().is_none_or(|m| m.get(i).copied().unwrap_or(false))
}
