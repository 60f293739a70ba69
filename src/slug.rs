//! File names made from names people give things (an assessment, a group): letters and digits in
//! lower case, everything else a single dash. Pure; used by every download.

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

#[cfg(test)]
mod tests {
    use super::slug;

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
