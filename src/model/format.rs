//! Every figure a person reads, printed once, as the 2018 report prints them: means to two decimals,
//! shares as whole percentages, gaps in percentage points, counts with thousands separators; and the
//! file names of downloads. Pages, chart summaries, chart labels and exported tables all print through
//! here, so that a table and the chart beside it never differ by a point.
//!
//! One rounding rule for all of it: [`rounded`], halves away from zero (0.125 → 0.13, 2.5% → 3%).
//! (The engine's JSON reports keep their own four-decimal rule, ties to even, fixed by the 2018
//! fixture: see `engine::rounding`.) This module never computes a figure: every value comes from the
//! engine or the model and is only printed here. Dates are printed by the browser, in the person's
//! time zone (`web::browser`).

/// `x` rounded to `places` decimals, halves away from zero: the one rounding rule of every figure
/// printed for a person.
pub fn rounded(x: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (x * scale).round() / scale
}

/// A share (0–1) as a whole percentage, as charts plot it and every page prints it.
pub fn percent(share: f64) -> f64 {
    rounded(share * 100.0, 0)
}

/// What is printed where a figure has no value (nobody answered).
pub const NO_ANSWERS: &str = "no answers";

/// The minus sign for negative differences (U+2212, read out as "minus").
const MINUS: char = '\u{2212}';

/// A mean on the 0–3 scale: `1.76`.
pub fn mean(x: Option<f64>) -> String {
    x.map_or_else(|| NO_ANSWERS.into(), |x| signed_fixed(x, false))
}

/// A score or mean on the 0–3 scale, always present: `1.76`.
pub fn score(x: f64) -> String {
    signed_fixed(x, false)
}

/// A number to two decimals for a file an analyst reads (CSV): plain ASCII, `-0.30`, never `-0.00`.
pub fn decimal(x: f64) -> String {
    let text = format!("{:.2}", rounded(x, 2));
    if text == "-0.00" {
        "0.00".into()
    } else {
        text
    }
}

/// A share as a whole percentage: `65%`.
pub fn share(x: Option<f64>) -> String {
    x.map_or_else(|| NO_ANSWERS.into(), |x| format!("{}%", percent(x) as i64))
}

/// A difference of shares in whole percentage points: `+19 points`, `−5 points`, `+1 point`.
pub fn points(x: Option<f64>) -> String {
    x.map_or_else(
        || NO_ANSWERS.into(),
        |x| {
            let p = percent(x);
            let sign = if p > 0.0 { "+" } else { "" };
            let p = p as i64;
            let unit = if p.abs() == 1 { "point" } else { "points" };
            let text = format!("{sign}{p} {unit}");
            text.replacen('-', &MINUS.to_string(), 1)
        },
    )
}

/// The difference `to − from` of two shares printed beside it, in points: the difference of the
/// whole percentages shown (23% and 17% give `+6 points`), so that the figures a reader sees add up.
pub fn points_between(from: Option<f64>, to: Option<f64>) -> String {
    points(from.zip(to).map(|(a, b)| (percent(b) - percent(a)) / 100.0))
}

/// A difference of means: `+0.12`, `−0.30`.
pub fn score_difference(x: Option<f64>) -> String {
    x.map_or_else(|| NO_ANSWERS.into(), |x| signed_fixed(x, true))
}

/// A spread statistic (standard deviation, disagreement) to two decimals.
pub fn spread(x: Option<f64>) -> String {
    x.map_or_else(|| "fewer than 2 answers".into(), |x| signed_fixed(x, false))
}

/// What a table prints where one person's score is missing (not answered, or not applicable).
pub const NO_SCORE: &str = "\u{2013}";

/// One answer's score on the 0–3 scale: a whole number, as the questionnaire gives it (`2`).
pub fn rating(x: u8) -> String {
    x.to_string()
}

/// One answer's score, or [`NO_SCORE`] when there is none.
pub fn rating_or_none(x: Option<u8>) -> String {
    x.map_or_else(|| NO_SCORE.into(), rating)
}

/// A gap between two whole scores (importance minus prevalence): `2`, `0`, `−1`; [`NO_SCORE`] when
/// either is missing.
pub fn gap(x: Option<i8>) -> String {
    x.map_or_else(
        || NO_SCORE.into(),
        |x| x.to_string().replacen('-', &MINUS.to_string(), 1),
    )
}

/// How far a whole score moved from one assessment to another: `+2`, `−1`, `0`; [`NO_SCORE`] when
/// either is missing.
pub fn rating_change(before: Option<u8>, after: Option<u8>) -> String {
    match before.zip(after) {
        Some((x, y)) => {
            let d = i32::from(y) - i32::from(x);
            match d.signum() {
                1 => format!("+{d}"),
                -1 => format!("{MINUS}{}", d.abs()),
                _ => "0".into(),
            }
        }
        None => NO_SCORE.into(),
    }
}

/// A count with thousands separators: `100,000`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 response", "2 responses".
pub fn responses(n: u64) -> String {
    plural(n, "response", "responses")
}

/// `n` and the right form of a noun.
pub fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", count(n), if n == 1 { one } else { many })
}

/// Two decimals, with an explicit `+` when asked, a true minus sign, and never "-0.00".
fn signed_fixed(x: f64, plus: bool) -> String {
    let text = format!("{:.2}", rounded(x, 2));
    if text.trim_start_matches('-') == "0.00" {
        return "0.00".into();
    }
    match text.strip_prefix('-') {
        Some(rest) => format!("{MINUS}{rest}"),
        None if plus => format!("+{text}"),
        None => text,
    }
}

/// "a, b and c".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

// File names, made from names people give things (an assessment, a group): letters and digits in
// lower case, everything else a single dash. Used by every download.

/// `"Team away-day (2026)"` → `"team-away-day-2026"`; empty when nothing usable is left.
pub fn slug(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A slug cut to at most `max` characters: at its last dash where that keeps at least half of it,
/// else where `max` falls (never ending in a dash).
pub fn cut(slug: &str, max: usize) -> String {
    if slug.chars().count() <= max {
        return slug.to_string();
    }
    let cut: String = slug.chars().take(max).collect();
    match cut.rfind('-') {
        Some(dash) if dash >= max / 2 => cut[..dash].to_string(),
        _ => cut.trim_end_matches('-').to_string(),
    }
}

/// `len` base-36 characters from `text` (FNV-1a, 64 bits): the same for the same text in every run
/// and build, and different for different texts, so that two downloads cut to the same name still
/// differ.
pub fn mark(text: &str, len: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..len)
        .map(|_| {
            let d = char::from(DIGITS[(hash % 36) as usize]);
            hash /= 36;
            d
        })
        .collect()
}

/// True for a calendar date written `YYYY-MM-DD`.
pub fn is_date(text: &str) -> bool {
    text.len() == 10 && crate::engine::response::is_iso8601_date_or_datetime(text)
}

/// The months' names, January first.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date as people read it: `2027-03-31` as "31 March 2027". A day has no time zone, so
/// this is not left to the browser's clock (which would move a date near midnight to another day).
pub fn long_day(date: &str) -> String {
    if !is_date(date) {
        return date.to_string();
    }
    let year: i32 = date[..4].parse().unwrap_or(0);
    let month: u32 = date[5..7].parse().unwrap_or(1);
    let day: u32 = date[8..10].parse().unwrap_or(1);
    day_in_words(year, month, day)
}

/// A day from its parts (month 1 to 12) as people read it: "2 December 2026".
pub fn day_in_words(year: i32, month: u32, day: u32) -> String {
    let name = MONTHS
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("");
    format!("{day} {name} {year}")
}

/// A day from its parts (month 1 to 12) as ISO 8601: `2026-12-02`.
pub fn iso_day(year: i32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// A moment from its parts in the person's time zone, as the browser's British English long date and
/// short time would write it: "1 December 2026 at 09:05". Written here rather than asked of `Intl`:
/// a page's first `Intl` call loads the locale's data, one task of about 90 ms on a phone, in the
/// middle of drawing the page that shows the date. (Digits pushed one by one: padded formatting
/// would add to the questionnaire's first load.)
pub fn long_day_time(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> String {
    fn two_digits(text: &mut String, n: u32) {
        text.push(char::from(b'0' + (n / 10 % 10) as u8));
        text.push(char::from(b'0' + (n % 10) as u8));
    }
    let mut text = day_in_words(year, month, day);
    text.push_str(" at ");
    two_digits(&mut text, hour);
    text.push(':');
    two_digits(&mut text, minute);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_read_as_the_browsers_british_long_date_and_short_time() {
        // What Chromium's `toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short" })` wrote
        // for the same moments, before the app formatted them itself.
        for (parts, text) in [
            ((2026, 12, 1, 10, 0), "1 December 2026 at 10:00"),
            ((2027, 1, 31, 9, 5), "31 January 2027 at 09:05"),
            ((2028, 2, 29, 0, 0), "29 February 2028 at 00:00"),
            ((2026, 6, 15, 23, 59), "15 June 2026 at 23:59"),
            ((2026, 10, 10, 10, 10), "10 October 2026 at 10:10"),
        ] {
            let (y, m, d, h, min) = parts;
            assert_eq!(long_day_time(y, m, d, h, min), text);
        }
        assert_eq!(iso_day(2026, 3, 7), "2026-03-07");
        assert_eq!(long_day(&iso_day(2026, 11, 9)), "9 November 2026");
        assert_eq!(day_in_words(2026, 12, 2), "2 December 2026");
        // Parts out of range give a plain text, never a panic.
        assert_eq!(day_in_words(2026, 13, 2), "2  2026");
    }

    #[test]
    fn means_have_two_decimals_and_shares_are_whole_percentages() {
        assert_eq!(mean(Some(1.76470588)), "1.76");
        assert_eq!(mean(Some(2.0)), "2.00");
        assert_eq!(mean(None), NO_ANSWERS);
        assert_eq!(share(Some(0.6471)), "65%");
        assert_eq!(share(Some(13.0 / 32.0)), "41%");
        assert_eq!(share(Some(1.0)), "100%");
        assert_eq!(share(Some(0.0)), "0%");
    }

    #[test]
    fn differences_carry_their_sign() {
        assert_eq!(points(Some(0.1884)), "+19 points");
        assert_eq!(points(Some(-0.05)), "\u{2212}5 points");
        assert_eq!(points(Some(-0.001)), "0 points");
        assert_eq!(score_difference(Some(0.123)), "+0.12");
        assert_eq!(score_difference(Some(-0.3)), "\u{2212}0.30");
        assert_eq!(score_difference(Some(-0.001)), "0.00");
    }

    #[test]
    fn defect_17_one_point_is_singular() {
        assert_eq!(points(Some(0.01)), "+1 point");
        assert_eq!(points(Some(-0.0104)), "\u{2212}1 point");
        assert_eq!(points(Some(0.02)), "+2 points");
    }

    #[test]
    fn defect_17_a_difference_matches_the_rounded_shares_beside_it() {
        // 23% and 17% as shown, 5.4 points apart unrounded: the page says +6, as a reader works out.
        let (from, to) = (Some(0.1749), Some(0.2251));
        assert_eq!((share(from), share(to)), ("17%".into(), "23%".into()));
        assert_eq!(points(to.zip(from).map(|(a, b)| a - b)), "+5 points");
        assert_eq!(points_between(from, to), "+6 points");
        assert_eq!(points_between(to, from), "\u{2212}6 points");
        assert_eq!(points_between(Some(0.105), Some(0.114)), "0 points");
        assert_eq!(points_between(None, to), NO_ANSWERS);
        // Every pair of whole percentages: the difference printed is their difference.
        for a in 0..=100u32 {
            for b in (0..=100u32).step_by(7) {
                let (fa, fb) = (f64::from(a) / 100.0 + 0.004, f64::from(b) / 100.0 - 0.004);
                let (sa, sb) = (percent(fa) as i64, percent(fb) as i64);
                let d = sb - sa;
                let expected = match d {
                    0 => "0 points".to_string(),
                    1 => "+1 point".to_string(),
                    -1 => "\u{2212}1 point".to_string(),
                    d if d > 0 => format!("+{d} points"),
                    d => format!("\u{2212}{} points", -d),
                };
                assert_eq!(points_between(Some(fa), Some(fb)), expected, "{a} {b}");
            }
        }
    }

    #[test]
    fn percentages_are_rounded_to_whole_numbers() {
        for (share, expected) in [
            (0.0, 0.0),
            (0.824, 82.0),
            (0.825, 83.0),
            (1.0, 100.0),
            (0.005, 1.0),
        ] {
            assert_eq!(percent(share), expected, "share {share}");
        }
    }

    #[test]
    fn one_rounding_rule_halves_away_from_zero_at_every_tie() {
        assert_eq!(score(0.125), "0.13");
        assert_eq!(decimal(0.125), "0.13");
        assert_eq!(decimal(-0.125), "-0.13");
        assert_eq!(decimal(-0.001), "0.00");
        // Exact ties in binary: Rust's own `{:.2}` and `{:.0}` would round these to even.
        assert_eq!(format!("{:.2}", 0.125), "0.12");
        assert_eq!(mean(Some(0.125)), "0.13");
        assert_eq!(mean(Some(2.375)), "2.38");
        assert_eq!(score_difference(Some(-0.125)), "\u{2212}0.13");
        assert_eq!(spread(Some(0.625)), "0.63");
        assert_eq!(share(Some(0.025)), "3%");
        assert_eq!(share(Some(0.125)), "13%");
        assert_eq!(share(Some(0.005)), "1%");
        assert_eq!(points(Some(0.125)), "+13 points");
        assert_eq!(points(Some(-0.125)), "\u{2212}13 points");
        assert_eq!(percent(0.125), 13.0);
        assert_eq!(rounded(2.5, 0), 3.0);
        assert_eq!(rounded(-2.5, 0), -3.0);
    }

    #[test]
    fn whole_scores_gaps_and_changes() {
        let cases: [(String, &str); 12] = [
            (rating(0), "0"),
            (rating(3), "3"),
            (rating_or_none(Some(2)), "2"),
            (rating_or_none(None), "\u{2013}"),
            (gap(Some(2)), "2"),
            (gap(Some(0)), "0"),
            (gap(Some(-1)), "\u{2212}1"),
            (gap(None), NO_SCORE),
            (rating_change(Some(1), Some(3)), "+2"),
            (rating_change(Some(3), Some(2)), "\u{2212}1"),
            (rating_change(Some(2), Some(2)), "0"),
            (rating_change(None, Some(2)), NO_SCORE),
        ];
        for (printed, expected) in cases {
            assert_eq!(printed, expected);
        }
    }

    #[test]
    fn lists_read_as_a_sentence() {
        assert_eq!(join_and(&[]), "");
        assert_eq!(join_and(&["a".into()]), "a");
        assert_eq!(join_and(&["a".into(), "b".into()]), "a and b");
        assert_eq!(
            join_and(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(100_000), "100,000");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(responses(1), "1 response");
        assert_eq!(responses(40), "40 responses");
    }

    #[test]
    fn cuts_fall_at_a_dash_and_marks_are_stable() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(
            cut("partnership-review-of-services", 20),
            "partnership-review"
        );
        assert_eq!(cut("abcdefghij-klm", 12), "abcdefghij");
        assert_eq!(cut("ab-cdefghijklmnop", 10), "ab-cdefghi");
        assert_eq!(cut("abcdefghi-jklm", 10), "abcdefghi");
        assert_eq!(mark("a-1", 6), mark("a-1", 6));
        assert_ne!(mark("a-1", 6), mark("a-2", 6));
        assert_eq!(mark("x", 4).len(), 4);
    }

    #[test]
    fn names_become_safe_file_names() {
        let cases = [
            ("Team away-day (2026)", "team-away-day-2026"),
            ("  ", ""),
            ("Ünïcødé groüp", "ünïcødé-groüp"),
            ("../../etc/passwd", "etc-passwd"),
            ("a\u{0}b", "a-b"),
        ];
        for (name, expected) in cases {
            assert_eq!(slug(name), expected, "{name:?}");
        }
    }
}
