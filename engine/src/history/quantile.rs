//! The percentile used for time in stage.
//!
//! Method: linear interpolation between closest ranks (Hyndman and Fan type 7, the default of
//! numpy, R and Excel's `PERCENTILE.INC`, and DuckDB's `quantile_cont`, so the SQL of the
//! referee gives the same numbers). For sorted values x₀ ≤ … ≤ xₙ₋₁ and p in [0, 1]:
//! h = (n − 1)·p, q = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). p = 0.5 is the median of
//! [`crate::stats::median`].

/// The `p` quantile (0..=1, clamped) of `values` by linear interpolation, or `None` when
/// empty or when a value is NaN. Sorts `values`.
///
/// ```
/// use pipelens_engine::history::quantile;
/// assert_eq!(quantile(&mut [4.0, 1.0, 3.0, 2.0], 0.9), Some(3.7));
/// assert_eq!(quantile(&mut [4.0, 1.0, 3.0, 2.0], 0.5), Some(2.5));
/// ```
pub fn quantile(values: &mut [f64], p: f64) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| v.is_nan()) || p.is_nan() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let h = (values.len() - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let x_lo = *values.get(lo)?;
    let x_hi = values.get(lo + 1).copied().unwrap_or(x_lo);
    Some(x_lo + (h - lo as f64) * (x_hi - x_lo))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolates_between_closest_ranks() {
        let cases: [(&[f64], f64, Option<f64>); 9] = [
            (&[], 0.9, None),
            (&[7.0], 0.9, Some(7.0)),
            (&[1.0, 2.0, 3.0, 4.0], 0.9, Some(3.7)),
            (&[1.0, 2.0, 3.0, 4.0], 0.5, Some(2.5)),
            (&[10.0, 20.0], 0.9, Some(19.0)),
            (&[5.0, 1.0, 3.0], 0.0, Some(1.0)),
            (&[5.0, 1.0, 3.0], 1.0, Some(5.0)),
            (&[0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0], 0.9, Some(90.0)),
            (&[1.0, f64::NAN], 0.5, None),
        ];
        for (values, p, want) in cases {
            let got = quantile(&mut values.to_vec(), p);
            match (got, want) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-12, "{values:?} p{p}: {g} vs {w}"),
                _ => assert_eq!(got, want, "{values:?} p{p}"),
            }
        }
    }

    #[test]
    fn the_half_quantile_is_the_median() {
        for v in [vec![3.0, 1.0, 2.0], vec![9.0, 1.0, 5.0, 2.0], vec![4.0]] {
            assert_eq!(quantile(&mut v.clone(), 0.5), crate::stats::median(&mut v.clone()));
        }
    }
}
