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

#[cfg(test)]
mod tests {
    use super::{cut, mark, slug};

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
