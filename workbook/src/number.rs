//! Numbers as plain decimal text: no exponent, and no noise from binary floating point.

/// Significant digits a spreadsheet keeps for a number: Excel stores and shows 15.
const SIGNIFICANT: usize = 15;

/// `value` as plain decimal text, the way a spreadsheet shows it with a general format:
/// rounded to 15 significant digits (so `1234.4999999999998` is `1234.5` and `0.1 + 0.2` is
/// `0.3`), then the shortest text that reads back as that number, never with an exponent
/// (`1e21` is `1000000000000000000000`, `1e-7` is `0.0000001`). Not-a-number and infinities,
/// which no workbook cell holds, are empty text.
pub fn plain(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    // Rust's `{:e}` rounds correctly to the digits asked for; reading it back gives the
    // nearest double, and `{}` writes the shortest decimal that reads back as it, without
    // an exponent.
    let rounded: f64 = format!("{:.*e}", SIGNIFICANT - 1, value).parse().unwrap_or(value);
    if rounded == 0.0 {
        // Also turns -0 into 0.
        return "0".to_owned();
    }
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers_read_as_a_spreadsheet_shows_them() {
        let cases: [(f64, &str); 14] = [
            (0.0, "0"),
            (-0.0, "0"),
            (42.0, "42"),
            (-7.25, "-7.25"),
            (1234.5, "1234.5"),
            (1234.4999999999998, "1234.5"),
            (0.1 + 0.2, "0.3"),
            (1e21, "1000000000000000000000"),
            (1e-7, "0.0000001"),
            (123456789012345.0, "123456789012345"),
            (2.0f64.powi(60), "1152921504606850000"),
            (45_000.333_333_333_336, "45000.3333333333"),
            (f64::NAN, ""),
            (f64::INFINITY, ""),
        ];
        for (value, text) in cases {
            assert_eq!(plain(value), text, "{value:e}");
        }
    }

    proptest! {
        /// No exponent, and the text reads back within 15 significant digits of the value.
        #[test]
        fn plain_text_is_decimal_and_close(value in proptest::num::f64::NORMAL | proptest::num::f64::ZERO) {
            let text = plain(value);
            prop_assert!(!text.contains(['e', 'E']), "{}", text);
            prop_assert!(text.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-'), "{}", text);
            let back: f64 = text.parse().unwrap_or(f64::NAN);
            prop_assert!((back - value).abs() <= value.abs() * 1e-14, "{} vs {:e}", text, value);
        }
    }
}
