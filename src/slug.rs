//! File names made from names people give things (an assessment, a group): letters and digits, with
//! the ASCII letters in lower case, everything else a single dash. Pure; used by every download.
//! (Letters outside ASCII keep their case: full Unicode case mapping would add its tables, about 12 KB,
//! to the questionnaire's first load for the sake of a file name.)

/// `"Team away-day (2026)"` → `"team-away-day-2026"`; empty when nothing usable is left.
pub fn slug(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .map(|c| c.to_ascii_lowercase())
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn names_become_safe_file_names() {
        let cases = [
            ("Team away-day (2026)", "team-away-day-2026"),
            ("  ", ""),
            ("Ünïcødé groüp", "Ünïcødé-groüp"),
            ("ÀB Cd", "Àb-cd"),
            ("../../etc/passwd", "etc-passwd"),
            ("a\u{0}b", "a-b"),
        ];
        for (name, expected) in cases {
            assert_eq!(slug(name), expected, "{name:?}");
        }
    }
}
