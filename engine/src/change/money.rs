//! Exact money for the waterfall: amounts as whole cents, sums as `i128`.
//!
//! The engine keeps amounts as `f64`; adding and subtracting thousands of them in different
//! orders gives different last bits, and the waterfall must add up exactly (start + inflows −
//! outflows = end, spec). So each deal's amount is rounded once to hundredths of the currency
//! and every sum is taken over integers. CRM amounts carry at most two decimals, so nothing
//! a user can see is lost.

/// An amount in hundredths of its currency.
pub type Cents = i64;

/// The largest amount kept, in cents (±9·10¹⁵, where `f64` still holds every integer): a
/// larger one in a file is a typo, and clamping it keeps the `i128` sums far from overflow.
const LIMIT: f64 = 9.0e15;

/// `amount` rounded to whole cents (half away from zero); 0 for NaN.
pub fn to_cents(amount: f64) -> Cents {
    let c = (amount * 100.0).round();
    if c.is_nan() {
        0
    } else {
        c.clamp(-LIMIT, LIMIT) as Cents
    }
}

/// A sum of cents back in currency units.
pub fn from_cents(cents: i128) -> f64 {
    cents as f64 / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_cents_and_back() {
        let cases =
            [(0.0, 0), (12.345, 1235), (-12.345, -1235), (0.1, 10), (1e30, 9_000_000_000_000_000), (f64::NAN, 0)];
        for (amount, cents) in cases {
            assert_eq!(to_cents(amount), cents, "{amount}");
        }
        assert_eq!(from_cents(1235), 12.35);
        // 0.1 + 0.2 != 0.3 in f64, but in cents it is exact.
        assert_eq!(to_cents(0.1) + to_cents(0.2), to_cents(0.3));
    }
}
