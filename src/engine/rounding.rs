//! Rounding of report figures to four decimals, as the group report JSON shows them.
//!
//! This module owns the one rounding rule of the reports. It must never be applied to values that are
//! computed further (means of means are taken from unrounded means): rounding happens only when a
//! figure is written out.
//!
//! The rule is "round the exact binary value to the nearest 4-decimal number, ties to even", which is
//! what Rust's `{:.4}` formatting does and what the fixture reproduces: 13/32 = 0.40625 is exactly
//! representable, and the fixture shows 0.4062 (round-half-away-from-zero would give 0.4063).

use serde::Serializer;

/// Rounds to four decimals (ties to even on the exact binary value; see the module doc).
pub fn round4(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    // Formatting gives the correctly rounded decimal; parsing it back gives the f64 nearest to that
    // decimal, which serde_json then prints in its shortest form (0.4062, 0.0, 1.4).
    format!("{x:.4}")
        .parse()
        .expect("a formatted finite f64 parses back")
}

/// `serialize_with` helper for an `f64` shown with four decimals.
pub fn ser_f64<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round4(*x))
}

/// `serialize_with` helper for an optional `f64` shown with four decimals (`null` when absent).
pub fn ser_opt_f64<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => s.serialize_f64(round4(*x)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::round4;

    #[test]
    fn rounds_like_the_fixture() {
        let cases = [
            (13.0 / 32.0, 0.4062),
            (0.03125, 0.0312),
            (19.0 / 32.0, 0.5938),
            (2.0 / 3.0, 0.6667),
            (0.00005, 0.0001),
            (0.0, 0.0),
            (-0.18839, -0.1884),
            (1.4, 1.4),
        ];
        for (x, expected) in cases {
            assert_eq!(round4(x), expected, "{x}");
        }
    }
}
