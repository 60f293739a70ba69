//! Invitations to a round: what a facilitator sends colleagues so that their answers come back tagged
//! with the round. An invitation carries nothing secret: the group's name, a random round id, a
//! contact address, a closing date and whether free-text answers are asked for. Pure: tested natively.
//!
//! The link is `#/join/<data>`, in the fragment so that it never reaches a server log. The data is
//! plain text a person can read, fields separated by `~` and percent-encoded where they are not
//! letters, digits or `-._`:
//!
//! ```text
//! 1~<round>~<closes>~<free text: 0 or 1>~<contact>~<group>~<check>
//! ```
//!
//! The leading version lets a later version change everything after it (an older app then says the
//! link is from a newer version instead of misreading it); the check at the end (7 base-36 digits of
//! a hash of the fields as read) catches a link cut short or mistyped. The reader needs neither
//! serde nor base64, so that it costs the first load as little as possible.

use serde::{Deserialize, Serialize};

use crate::model::format::{is_date, long_day};

/// The fragment prefix of an invitation link.
pub const PREFIX: &str = "#/join/";
/// The version of the link's data written now.
pub const LINK_VERSION: u32 = 1;
/// The longest round id, in characters.
pub const ROUND_MAX_CHARS: usize = 16;
/// The longest contact address (as e-mail allows), in characters.
pub const CONTACT_MAX_CHARS: usize = 254;
/// The longest group name a link may carry (a group's own limit, `model::groups::NAME_MAX_CHARS`).
pub const GROUP_MAX_CHARS: usize = 120;

/// One round of a group's survey, as its invitation link carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    /// The group's name as the facilitator wrote it ("Round 2027 — Northshire").
    pub group: String,
    /// A random id that tags every answer given from this invitation (lowercase letters and digits).
    pub round: String,
    /// The address answers are sent to, if the facilitator gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The last day for answers (ISO 8601 date), if the facilitator set one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes: Option<String>,
    /// Whether free-text answers are asked for (by default they are not, so answers stay anonymous).
    #[serde(default)]
    pub free_text: bool,
}

/// Why an invitation could not be made or read, in words for the person who gave it or opened it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InviteError {
    #[error("This invitation link is incomplete or damaged. Ask the person who sent it for the link again.")]
    Damaged,
    #[error("This invitation was made by a newer version of this app (link version {0}), so this version cannot read it. Reload the page to get the latest version, or ask for a new link.")]
    Newer(u32),
    #[error("Enter the contact's e-mail address in the form name@example.org, or leave it empty.")]
    Contact,
    #[error("Enter the closing date as a real date, for example 2027-03-31, or leave it empty.")]
    Closes,
    #[error("The group needs a name of 1 to {GROUP_MAX_CHARS} characters before colleagues can be invited.")]
    Group,
    #[error("The round's id must be 1 to {ROUND_MAX_CHARS} lowercase letters and digits.")]
    Round,
}

impl InviteError {
    /// True for the errors of a link that could not be read at all (as opposed to a field in it).
    pub fn is_unreadable(&self) -> bool {
        matches!(self, InviteError::Damaged | InviteError::Newer(_))
    }
}

impl Invitation {
    /// An invitation from what the facilitator typed: the contact and closing date trimmed (empty
    /// means none), each field checked. A field the link could not carry is refused here, so that
    /// every invitation made can be read back from its link.
    pub fn new(
        group: &str,
        round: &str,
        contact: &str,
        closes: &str,
        free_text: bool,
    ) -> Result<Invitation, InviteError> {
        let optional = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let invitation = Invitation {
            group: group.trim().to_string(),
            round: round.to_string(),
            contact: optional(contact),
            closes: optional(closes),
            free_text,
        };
        invitation.check()?;
        Ok(invitation)
    }

    /// Every field as a link may carry it, or the first that may not be.
    pub fn check(&self) -> Result<(), InviteError> {
        let group_chars = self.group.chars().count();
        if self.group.trim() != self.group
            || !(1..=GROUP_MAX_CHARS).contains(&group_chars)
            || self.group.chars().any(char::is_control)
        {
            return Err(InviteError::Group);
        }
        if !is_round_id(&self.round) {
            return Err(InviteError::Round);
        }
        if self
            .contact
            .as_deref()
            .is_some_and(|c| !is_plausible_address(c))
        {
            return Err(InviteError::Contact);
        }
        if self.closes.as_deref().is_some_and(|d| !is_date(d)) {
            return Err(InviteError::Closes);
        }
        Ok(())
    }

    /// The fragment of this invitation's link (starting with `#/join/`).
    pub fn fragment(&self) -> String {
        let fields = self.fields();
        let data: Vec<String> = fields.iter().map(|f| encode_field(f)).collect();
        format!(
            "{PREFIX}{LINK_VERSION}~{}~{}",
            data.join("~"),
            check_of(&fields)
        )
    }

    /// The whole link: `base` (the page the link opens, from [`crate::model::share::link_base`], so
    /// that it works under any sub-path and inside an embed) and the fragment.
    pub fn link(&self, base: &str) -> String {
        format!(
            "{}{}",
            base.split('#').next().unwrap_or(base),
            self.fragment()
        )
    }

    /// The fields after the version, as text, in the link's order.
    fn fields(&self) -> [String; 5] {
        [
            self.round.clone(),
            self.closes.clone().unwrap_or_default(),
            if self.free_text { "1" } else { "0" }.to_string(),
            self.contact.clone().unwrap_or_default(),
            self.group.clone(),
        ]
    }

    /// True when the closing date has passed on `today` (an ISO 8601 date): answers may still be
    /// given, but the person is told.
    pub fn is_closed(&self, today: &str) -> bool {
        self.closes.as_deref().is_some_and(|c| c < today)
    }

    /// Who is asking, as the join page says it: "for Round 2027 — Northshire".
    pub fn asking(&self) -> String {
        format!("for {}", self.group)
    }

    /// The closing date as a person reads it ("31 March 2027").
    pub fn closes_long(&self) -> Option<String> {
        self.closes.as_deref().map(long_day)
    }

    /// The subject of the e-mail that sends answers for this round.
    pub fn mail_subject(&self) -> String {
        format!("My answers for {}", self.group)
    }
}

/// Reads an invitation from a fragment (with or without `#`, or just its data). Never panics, on any
/// text.
pub fn read(fragment: &str) -> Result<Invitation, InviteError> {
    let data = fragment.trim_start_matches('#').trim_start_matches('/');
    let data = data.strip_prefix("join/").unwrap_or(data).trim();
    // A link pasted with the sentence around it may have gained a full stop or a bracket.
    let data = data.trim_end_matches(['.', ',', ')', '>', '/']);
    let mut parts = data.split('~');
    let version = parts.next().unwrap_or("");
    if version.is_empty() || version.len() > 9 || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(InviteError::Damaged);
    }
    match version.parse::<u32>() {
        Ok(LINK_VERSION) => {}
        Ok(newer) if newer > LINK_VERSION => return Err(InviteError::Newer(newer)),
        _ => return Err(InviteError::Damaged),
    }
    let parts: Vec<&str> = parts.collect();
    let [round, closes, free, contact, group, check] = parts[..] else {
        return Err(InviteError::Damaged);
    };
    let decoded: Vec<String> = [round, closes, free, contact, group]
        .into_iter()
        .map(decode_field)
        .collect::<Option<_>>()
        .ok_or(InviteError::Damaged)?;
    if check_of(&decoded) != check {
        return Err(InviteError::Damaged);
    }
    let [round, closes, free, contact, group]: [String; 5] =
        decoded.try_into().expect("five fields were decoded");
    let free_text = match free.as_str() {
        "0" => false,
        "1" => true,
        _ => return Err(InviteError::Damaged),
    };
    let optional = |s: String| Some(s).filter(|s| !s.is_empty());
    let invitation = Invitation {
        group,
        round,
        contact: optional(contact),
        closes: optional(closes),
        free_text,
    };
    invitation.check()?;
    Ok(invitation)
}

/// A round id: 1 to 16 characters of `0-9a-z`.
pub fn is_round_id(round: &str) -> bool {
    (1..=ROUND_MAX_CHARS).contains(&round.len())
        && round
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
}

/// A new round id of 12 characters from `random` (each call gives 32 random bits, from the
/// browser). 12 base-36 characters hold 62 bits: two rounds of one facilitator never meet.
pub fn new_round_id(mut random: impl FnMut() -> u32) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..12)
        .map(|_| char::from(DIGITS[(random() % 36) as usize]))
        .collect()
}

/// An address that looks like one e-mail can reach: `local@domain.tld`, without spaces or the
/// characters that would change a `mailto:` link (`?`, `&`, `#`, `,`, `;`, quotes, brackets).
/// Letters of any script are allowed. It is only a check for typing mistakes: nothing here can know
/// whether the mailbox exists.
pub fn is_plausible_address(address: &str) -> bool {
    if address.chars().count() > CONTACT_MAX_CHARS {
        return false;
    }
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '\''));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.chars().count() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit())
        });
    local_ok && domain_ok
}

/// A field as the link writes it: letters, digits and `-._` as they are, every other byte as `%XX`.
fn encode_field(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A field as written in a link: `%XX` decoded, anything else kept as it is (a browser or mail
/// program may have decoded some of it already). `None` when the bytes are not text.
fn decode_field(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The check of a link's fields: FNV-1a (32 bits) of the fields as read, each followed by a byte no
/// field holds, as 7 base-36 digits.
fn check_of(fields: &[String]) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in fields
        .iter()
        .flat_map(|f| f.bytes().chain(std::iter::once(0x1f)))
    {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    let mut digits = [b'0'; 7];
    for d in digits.iter_mut().rev() {
        *d = b"0123456789abcdefghijklmnopqrstuvwxyz"[(hash % 36) as usize];
        hash /= 36;
    }
    String::from_utf8(digits.to_vec()).expect("digits are ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::share::link_base;
    use proptest::prelude::*;

    fn northshire() -> Invitation {
        Invitation::new(
            "Round 2027 — Northshire",
            "k3x9a0b7m2qz",
            "facilitator@northshire.example",
            "2027-03-31",
            false,
        )
        .unwrap()
    }

    #[test]
    fn a_link_reads_back_as_the_invitation_and_is_plain_text() {
        let inv = northshire();
        let fragment = inv.fragment();
        assert!(fragment.starts_with("#/join/1~k3x9a0b7m2qz~2027-03-31~0~"));
        assert!(
            fragment[PREFIX.len()..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
            "{fragment}"
        );
        assert!(fragment.contains("Round%202027%20%E2%80%94%20Northshire"));
        assert_eq!(read(&fragment), Ok(inv.clone()));
        assert_eq!(read(&fragment[1..]), Ok(inv.clone()), "without the #");
        assert_eq!(
            read(&fragment[PREFIX.len()..]),
            Ok(inv.clone()),
            "data only"
        );
        // As a browser or mail program may show it, decoded, or with the sentence's full stop.
        let decoded = decode_field(&fragment).unwrap();
        assert_eq!(read(&decoded), Ok(inv.clone()));
        assert_eq!(read(&format!("{fragment}.")), Ok(inv.clone()));
    }

    #[test]
    fn an_invitation_without_contact_or_date_asks_no_free_text_by_default() {
        let inv = Invitation::new("Team", "a", " ", "", false).unwrap();
        assert_eq!(inv.contact, None);
        assert_eq!(inv.closes, None);
        assert_eq!(read(&inv.fragment()), Ok(inv));
    }

    #[test]
    fn the_form_refuses_what_a_link_could_not_carry_in_plain_words() {
        let cases = [
            ("", "abc", "", "", InviteError::Group),
            (&"x".repeat(121)[..], "abc", "", "", InviteError::Group),
            ("A\u{7}B", "abc", "", "", InviteError::Group),
            ("Team", "", "", "", InviteError::Round),
            ("Team", "ABC", "", "", InviteError::Round),
            ("Team", "a-b", "", "", InviteError::Round),
            ("Team", &"a".repeat(17)[..], "", "", InviteError::Round),
            ("Team", "abc", "not an address", "", InviteError::Contact),
            ("Team", "abc", "a@b.c?bcc=x@y.org", "", InviteError::Contact),
            ("Team", "abc", "", "31/03/2027", InviteError::Closes),
            ("Team", "abc", "", "2027-02-30", InviteError::Closes),
            (
                "Team",
                "abc",
                "",
                "2027-03-31T10:00:00Z",
                InviteError::Closes,
            ),
        ];
        for (group, round, contact, closes, expected) in cases {
            assert_eq!(
                Invitation::new(group, round, contact, closes, false),
                Err(expected.clone()),
                "{group:?} {round:?} {contact:?} {closes:?}"
            );
            let words = expected.to_string();
            assert!(words.ends_with('.') && !words.contains("Err"), "{words}");
        }
    }

    #[test]
    fn contact_addresses_are_checked_for_typing_mistakes_only() {
        let good = [
            "a@b.org",
            "first.last+round@sub.example.co.uk",
            "o'brien@example.ie",
            "zoë@exämple.de",
            "x_y-z@a-b.example",
        ];
        let bad = [
            "",
            "a",
            "a@",
            "@b.org",
            "a@b",
            "a@b.",
            "a@.org",
            "a@b..org",
            "a b@c.org",
            "a@b@c.org",
            "a@b.c",
            "a@-b.org",
            "a@1.23",
            ".a@b.org",
            "a.@b.org",
            "a..b@c.org",
            "a@b.org?subject=x",
            "a@b.org&body=x",
            "a,b@c.org",
            "a;b@c.org",
            "\"a\"@b.org",
            "<a@b.org>",
            "a@b.org\n",
            "mailto:a@b.org",
        ];
        for a in good {
            assert!(is_plausible_address(a), "{a}");
        }
        for a in bad {
            assert!(!is_plausible_address(a), "{a:?}");
        }
        let long = format!("{}@{}.org", "a".repeat(64), "b".repeat(63));
        assert!(is_plausible_address(&long));
        assert!(!is_plausible_address(&format!("a{long}")));
        let huge = format!("a@{}org", "b.".repeat(200));
        assert!(!is_plausible_address(&huge));
    }

    #[test]
    fn damaged_truncated_newer_and_hostile_links_are_refused_with_their_reason() {
        let link = northshire().fragment();
        let data = &link[PREFIX.len()..];
        // Every link cut short is refused (as damaged, or for a field it lost); none reads as
        // another invitation.
        for end in 0..link.len() {
            if !link.is_char_boundary(end) {
                continue;
            }
            let cut = &link[..end];
            let got = read(cut);
            assert!(got.is_err(), "{cut} read as {got:?}");
        }
        // Every single changed character of the data is caught.
        for (i, c) in data.char_indices() {
            for other in ['0', '1', 'a', 'z', '~', '%', 'X', '-'] {
                if other == c {
                    continue;
                }
                let mut changed = data.to_string();
                changed.replace_range(i..i + c.len_utf8(), &other.to_string());
                if changed.trim_end_matches(['.', ',', ')', '>', '/']) == data {
                    continue;
                }
                assert!(
                    read(&changed).is_err(),
                    "{changed} read as {:?}",
                    read(&changed)
                );
            }
        }
        let newer = link.replacen("#/join/1~", "#/join/2~", 1);
        assert_eq!(read(&newer), Err(InviteError::Newer(2)));
        assert_eq!(
            read("#/join/17~anything at all"),
            Err(InviteError::Newer(17))
        );
        let hostile = [
            "",
            "#/join/",
            "#/join/~",
            "#/join/0~a~~0~~Team~0000000",
            "#/join/99999999999999999999~x",
            "#/join/1",
            "#/join/1~~~~~~",
            "#/join/1~a~~0~~Team~zzzzzzz~extra",
            "#/join/%FF%FE",
            "#/join/1~a~~0~~%E0%A4~0000000",
            "#/join/1~a~~0~~Team~%",
            "#/join/-1~a",
            "#/join/+1~a",
            "#/join/1.0~a",
        ];
        for h in hostile {
            assert_eq!(read(h), Err(InviteError::Damaged), "{h:?}");
        }
        let huge = format!("#/join/1~{}", "~%41".repeat(200_000));
        assert_eq!(read(&huge), Err(InviteError::Damaged));
    }

    /// A link made by hand (or by a faulty copy of the app) with a correct check but a bad field is
    /// refused for that field: the check is not a signature, the fields are checked on their own.
    #[test]
    fn a_well_formed_link_with_a_bad_field_says_which() {
        let forged = |fields: [&str; 5]| {
            let owned: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
            let data: Vec<String> = owned.iter().map(|f| encode_field(f)).collect();
            format!("#/join/1~{}~{}", data.join("~"), check_of(&owned))
        };
        let cases = [
            (["ABC", "", "0", "", "Team"], InviteError::Round),
            (["abc", "2027-13-01", "0", "", "Team"], InviteError::Closes),
            (
                ["abc", "", "0", "a@b.org?bcc=c@d.org", "Team"],
                InviteError::Contact,
            ),
            (
                ["abc", "", "0", "javascript:alert(1)", "Team"],
                InviteError::Contact,
            ),
            (["abc", "", "0", "", ""], InviteError::Group),
            (["abc", "", "0", "", " Team"], InviteError::Group),
            (["abc", "", "2", "", "Team"], InviteError::Damaged),
        ];
        for (fields, expected) in cases {
            assert_eq!(read(&forged(fields)), Err(expected), "{fields:?}");
        }
        // Markup in a group's name is only text (the page prints it as text).
        let markup = forged(["abc", "", "1", "", "<script>alert(1)</script>"]);
        assert_eq!(read(&markup).unwrap().group, "<script>alert(1)</script>");
    }

    #[test]
    fn the_link_opens_the_app_under_any_sub_path_or_the_host_page_of_an_embed() {
        let inv = northshire();
        let fragment = inv.fragment();
        let cases = [
            (
                "http://localhost:8792/",
                "",
                "",
                false,
                "http://localhost:8792/",
            ),
            (
                "https://example.github.io/collaboration-readiness/",
                "",
                "",
                false,
                "https://example.github.io/collaboration-readiness/",
            ),
            (
                "https://app.example/sub/index.html",
                "?embed=1&host=https%3A%2F%2Fcouncil.example%2Fsurvey",
                "https://council.example/",
                true,
                "https://council.example/survey",
            ),
            (
                "https://app.example/sub/",
                "?embed=1&host=https%3A%2F%2Fcouncil.example%2Fsurvey",
                "https://evil.example/",
                true,
                "https://app.example/sub/",
            ),
        ];
        for (app, search, referrer, framed, base) in cases {
            let link = inv.link(&link_base(app, search, referrer, framed));
            assert_eq!(link, format!("{base}{fragment}"));
            let (_, hash) = link.split_once('#').unwrap();
            assert_eq!(read(hash), Ok(inv.clone()));
        }
        // A base that already holds a fragment loses it.
        assert_eq!(
            inv.link("https://a.example/#/group"),
            format!("https://a.example/{fragment}")
        );
    }

    #[test]
    fn closing_dates_round_ids_and_words() {
        let inv = northshire();
        assert!(!inv.is_closed("2027-03-31"), "open on the closing day");
        assert!(inv.is_closed("2027-04-01"));
        assert!(!inv.is_closed("2026-12-02"));
        assert!(!Invitation::new("T", "a", "", "", false)
            .unwrap()
            .is_closed("9999-12-31"));
        assert_eq!(inv.closes_long().as_deref(), Some("31 March 2027"));
        assert_eq!(long_day("2028-02-29"), "29 February 2028");
        assert_eq!(long_day("soon"), "soon");
        assert_eq!(inv.asking(), "for Round 2027 — Northshire");
        assert_eq!(inv.mail_subject(), "My answers for Round 2027 — Northshire");
        let mut n = 0u32;
        let id = new_round_id(|| {
            n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            n
        });
        assert_eq!(id.len(), 12);
        assert!(is_round_id(&id), "{id}");
        assert_eq!(new_round_id(|| 35), "zzzzzzzzzzzz");
        assert_eq!(new_round_id(|| 0), "000000000000");
    }

    fn any_invitation() -> impl Strategy<Value = Invitation> {
        let group = "[^\\p{Cc}]{1,120}".prop_filter("trimmed", |g: &String| {
            g.trim() == g && !g.is_empty() && g.chars().count() <= GROUP_MAX_CHARS
        });
        let contact = proptest::option::of(
            "[a-z0-9][a-z0-9._+'-]{0,20}@[a-z0-9]{1,10}(\\.[a-zé]{2,6}){1,3}"
                .prop_filter("plausible", |c: &String| is_plausible_address(c)),
        );
        let closes = proptest::option::of(
            (1900u32..=9999, 1u32..=12, 1u32..=28)
                .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        );
        (group, "[0-9a-z]{1,16}", contact, closes, any::<bool>()).prop_map(
            |(group, round, contact, closes, free_text)| Invitation {
                group,
                round,
                contact,
                closes,
                free_text,
            },
        )
    }

    proptest! {
        #[test]
        fn every_invitation_round_trips_through_its_link(inv in any_invitation()) {
            prop_assert_eq!(inv.check(), Ok(()));
            let fragment = inv.fragment();
            prop_assert!(fragment[PREFIX.len()..].bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
            prop_assert_eq!(read(&fragment), Ok(inv.clone()));
        }

        #[test]
        fn no_text_makes_the_reader_panic(text in "\\PC{0,80}", tail in "[0-9a-z~%.-]{0,40}") {
            let _ = read(&text);
            let _ = read(&format!("#/join/1~{tail}"));
            let _ = read(&format!("#/join/{text}"));
        }

        #[test]
        fn a_truncated_link_is_never_read_as_an_invitation(inv in any_invitation(), cut in 0usize..400) {
            let fragment = inv.fragment();
            let end = cut.min(fragment.len().saturating_sub(1));
            let got = read(&fragment[..end]);
            prop_assert!(got.is_err() || got.as_ref() == Ok(&inv), "{} read as {:?}", &fragment[..end], got);
        }
    }
}
