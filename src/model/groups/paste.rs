//! Pasting answers on the group page: one answers code, or a whole mailbox of e-mails holding codes
//! and share links. Every one found in the text ([`answers_code::find_all`]) is checked and, when it
//! may, added; the report says for each what became of it: added, a duplicate (of a response already
//! in the group, or of an earlier one in the same paste), refused with the reason (a damaged or cut
//! code, with its line and column in the text; a newer version's; invalid answers), or from another
//! round than the group's, held back until the facilitator chooses to add it anyway.
//!
//! Nothing valid is lost (a held-back response stays in the report), nothing damaged is added (a
//! code is read only whole and checked), and nothing is added twice. Pure: the page gives the time.

use std::collections::{HashMap, HashSet};

use super::origin::{Origin, Source};
use super::Group;
use crate::engine::intake;
use crate::model::answers_code::{self, CodeError, Found, FoundKind, Sent};
use crate::model::format::plural;
use crate::model::table::{Column, Table};

/// The most text a paste may hold, in bytes: a big mailbox export, and still read in well under a
/// second. Longer text is refused whole with a message, before anything is searched.
pub const MAX_PASTE_BYTES: usize = 32 * 1024 * 1024;

/// What became of one code or share link found in the pasted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Added to the group.
    Added,
    /// Left out: a response with this id is already in the group.
    InGroup,
    /// Left out: the same response as code number `first` of this paste.
    Repeated { first: usize },
    /// Not added, for this reason ([`CodeError`]'s words are for a person).
    Refused(CodeError),
    /// Held back: given for a round this group did not invite to. It can be added anyway.
    OtherRound,
    /// Given for another round, and added because the facilitator chose to.
    AddedAnyway,
}

impl Verdict {
    /// The verdict in the report's table.
    pub fn text(&self) -> String {
        match self {
            Verdict::Added => "Added".into(),
            Verdict::InGroup => "Duplicate: already in the group, so not added again".into(),
            Verdict::Repeated { first } => {
                format!(
                    "Duplicate: the same answers as code {first} of this text, so not added again"
                )
            }
            Verdict::Refused(reason) => format!("Refused. {reason}"),
            Verdict::OtherRound => {
                "Held back: given for another round than this group's. You can add it anyway."
                    .into()
            }
            Verdict::AddedAnyway => "Added (from another round, as you chose)".into(),
        }
    }
}

/// One code or share link of the paste.
#[derive(Clone, Debug, PartialEq)]
pub struct Pasted {
    /// 1-based, in the order they appear in the text.
    pub number: usize,
    /// Where it starts in the text (1-based line and column, in characters).
    pub line: usize,
    pub column: usize,
    pub kind: FoundKind,
    /// The round it was given for, when it was read and carries one.
    pub round: Option<String>,
    pub verdict: Verdict,
}

/// What pasting a text did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PasteReport {
    /// Every code and share link found, in order.
    pub codes: Vec<Pasted>,
    /// The answers held back (from another round), by their code's number: kept until added.
    held: Vec<(usize, Sent)>,
    /// Set when the text was refused whole (too large): why.
    pub refused: Option<String>,
}

/// How many codes of a paste came to each verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PasteTotals {
    pub found: usize,
    pub added: usize,
    pub duplicates: usize,
    pub refused: usize,
    pub held: usize,
}

/// Checks and adds everything `found` in a pasted text to `group`, all as added `now`.
pub fn import(group: &mut Group, found: Vec<Found>, now: &str) -> PasteReport {
    let in_group = group.ids();
    let rounds: HashSet<&str> = group.round_ids().collect();
    let mut first_of: HashMap<String, usize> = HashMap::new();
    let mut report = PasteReport::default();
    let mut to_add = Vec::new();
    for (i, found) in found.into_iter().enumerate() {
        let number = i + 1;
        let Found {
            line,
            column,
            kind,
            outcome,
        } = found;
        let mut round = None;
        let verdict = match outcome {
            Err(e) => Verdict::Refused(e),
            Ok(sent) => {
                round.clone_from(&sent.round);
                // The checks of every other way in (a file, a share link opened in the browser).
                let problems = intake::check(&sent.response);
                let id = sent.response.id.clone();
                if !problems.is_empty() {
                    Verdict::Refused(CodeError::Invalid(intake::describe(&problems)))
                } else if let Some(&first) = first_of.get(&id) {
                    Verdict::Repeated { first }
                } else if in_group.contains(&id) {
                    first_of.insert(id, number);
                    Verdict::InGroup
                } else {
                    first_of.insert(id, number);
                    match &sent.round {
                        Some(r) if !rounds.contains(r.as_str()) => {
                            report.held.push((number, sent));
                            Verdict::OtherRound
                        }
                        _ => {
                            let origin = origin(kind, sent.round.clone(), now);
                            to_add.push((sent.response, origin));
                            Verdict::Added
                        }
                    }
                }
            }
        };
        report.codes.push(Pasted {
            number,
            line,
            column,
            kind,
            round,
            verdict,
        });
    }
    let late = group.add_origins(to_add, now);
    // Checked against the group above: nothing can have been left out since.
    debug_assert_eq!(late, 0);
    report
}

/// Reads a pasted text and adds what it holds to `group`, all at once (the page searches slice by
/// slice with [`find_in_slices`], between which it lets the browser draw, then calls [`import`]).
pub fn paste(group: &mut Group, text: &str, now: &str) -> PasteReport {
    match too_large(text.len()) {
        Some(report) => report,
        None => import(
            group,
            find_in_slices(text, SLICE_BYTES)
                .flat_map(|(_, found)| found)
                .collect(),
            now,
        ),
    }
}

/// About how much text one slice of the search reads, in bytes: a few milliseconds of work.
pub const SLICE_BYTES: usize = 64 * 1024;

/// Everything [`answers_code::find_all`] finds in `text`, in the same order and at the same places,
/// found one slice of about `slice_bytes` at a time (each item: where the slice ends, in bytes, and
/// what it holds), so that the page can let the browser draw between two slices and a long mailbox
/// is read in linear time.
///
/// A slice ends only just after a line break whose line's last character that is not a space, tab
/// or `>` is none a code or a link is made of (a full stop, a comma, a colon…): a code or link that
/// reached that character would have ended there, and nothing can start between it and the line
/// break; the next slice starts a line, so its columns are the text's own. Without such a place the
/// slice runs on to the end of the text.
pub fn find_in_slices(
    text: &str,
    slice_bytes: usize,
) -> impl Iterator<Item = (usize, Vec<Found>)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut lines_before = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = slice_end(bytes, start, slice_bytes);
        let slice = &text[start..end];
        let mut found = answers_code::find_all(slice);
        for f in &mut found {
            f.line += lines_before;
        }
        lines_before += memchr::memchr_iter(b'\n', slice.as_bytes()).count();
        start = end;
        Some((end, found))
    })
}

/// Where the slice starting at `start` ends: after the first safe line break (see
/// [`find_in_slices`]) at least `slice_bytes` on, or at the end of the text.
fn slice_end(bytes: &[u8], start: usize, slice_bytes: usize) -> usize {
    let mut at = start.saturating_add(slice_bytes.max(1));
    while at < bytes.len() {
        let Some(newline) = memchr::memchr(b'\n', &bytes[at..]).map(|i| at + i) else {
            break;
        };
        let last = bytes[start..newline]
            .iter()
            .rev()
            .find(|b| !matches!(b, b'\r' | b' ' | b'\t' | b'>'));
        // A line break right after another (an empty line) is not enough: a code may go on after it.
        let safe =
            last.is_some_and(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'\n')));
        if safe {
            return newline + 1;
        }
        at = newline + 1;
    }
    bytes.len()
}

/// The report of a text too large to search, or `None` when it is not.
pub fn too_large(bytes: usize) -> Option<PasteReport> {
    (bytes > MAX_PASTE_BYTES).then(|| {
        PasteReport::refused_whole(format!(
            "The pasted text is too long to search ({} MB; at most {} MB). Paste fewer e-mails at a time.",
            bytes.div_ceil(1024 * 1024),
            MAX_PASTE_BYTES / (1024 * 1024)
        ))
    })
}

fn origin(kind: FoundKind, round: Option<String>, now: &str) -> Origin {
    Origin {
        source: match kind {
            FoundKind::Code => Source::Code,
            FoundKind::ShareLink => Source::Link,
        },
        added_at: now.to_string(),
        round,
    }
}

impl PasteReport {
    /// The report of a paste of which nothing was read, for `reason` (a sentence).
    pub fn refused_whole(reason: String) -> PasteReport {
        PasteReport {
            refused: Some(reason),
            ..PasteReport::default()
        }
    }

    /// How many codes came to each verdict.
    pub fn totals(&self) -> PasteTotals {
        self.codes.iter().fold(PasteTotals::default(), |mut t, c| {
            t.found += 1;
            match c.verdict {
                Verdict::Added | Verdict::AddedAnyway => t.added += 1,
                Verdict::InGroup | Verdict::Repeated { .. } => t.duplicates += 1,
                Verdict::Refused(_) => t.refused += 1,
                Verdict::OtherRound => t.held += 1,
            }
            t
        })
    }

    /// The numbers of the codes held back (from another round), in order.
    pub fn held(&self) -> Vec<usize> {
        self.held.iter().map(|(n, _)| *n).collect()
    }

    /// Adds the held-back responses of codes `numbers` (all of them when `None`) to `group`, as
    /// the facilitator chose. One whose id the group has meanwhile gained (another tab) becomes a
    /// duplicate instead. Returns how many were added.
    pub fn add_anyway(&mut self, group: &mut Group, numbers: Option<&[usize]>, now: &str) -> usize {
        let chosen = |n: usize| numbers.is_none_or(|ns| ns.contains(&n));
        let (take, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut self.held)
            .into_iter()
            .partition(|(n, _)| chosen(*n));
        self.held = keep;
        let mut ids = group.ids();
        let mut to_add = Vec::new();
        for (number, sent) in take {
            let code = &mut self.codes[number - 1];
            if ids.insert(sent.response.id.clone()) {
                to_add.push((sent.response, origin(code.kind, sent.round, now)));
                code.verdict = Verdict::AddedAnyway;
            } else {
                code.verdict = Verdict::InGroup;
            }
        }
        let added = to_add.len();
        group.add_origins(to_add, now);
        added
    }

    /// The report's first sentence.
    pub fn headline(&self) -> String {
        if let Some(reason) = &self.refused {
            return format!("{reason} Nothing was added.");
        }
        let t = self.totals();
        if t.found == 0 {
            return format!(
                "No answers code or share link was found in the pasted text, so nothing was added. \
                 An answers code starts with “{}{}-”: paste the whole e-mail, or the code alone.",
                answers_code::MARKER,
                answers_code::VERSION
            );
        }
        let mut parts = vec![
            format!("{} added", plural(t.added as u64, "response", "responses")),
            plural(t.duplicates as u64, "duplicate", "duplicates") + " left out",
            plural(t.refused as u64, "code refused", "codes refused"),
        ];
        if t.held > 0 {
            parts.push(format!("{} from another round held back", t.held));
        }
        format!(
            "{} found: {}.",
            plural(t.found as u64, "code", "codes"),
            parts.join(", ")
        )
    }

    /// The codes as a table: every one when there are few, else those not simply added (so that a
    /// paste of thousands lists what needs a look), at most [`LISTED_MAX`].
    pub fn table(&self) -> Option<Table> {
        let listed: Vec<&Pasted> = if self.codes.len() <= LISTED_MAX {
            self.codes.iter().collect()
        } else {
            self.codes
                .iter()
                .filter(|c| c.verdict != Verdict::Added)
                .take(LISTED_MAX)
                .collect()
        };
        if listed.is_empty() {
            return None;
        }
        let table = Table::new(
            "Codes found in the pasted text",
            vec![
                Column::number("Code"),
                Column::number("Line"),
                Column::number("Column"),
                Column::text("Kind"),
                Column::text("Result"),
            ],
        );
        Some(listed.into_iter().fold(table, |t, c| {
            t.row(
                c.number.to_string(),
                vec![
                    c.line.to_string(),
                    c.column.to_string(),
                    match c.kind {
                        FoundKind::Code => "Answers code".into(),
                        FoundKind::ShareLink => "Share link".into(),
                    },
                    c.verdict.text(),
                ],
            )
        }))
    }

    /// Said beside the table when it does not list every code; `None` when it does.
    pub fn unlisted(&self) -> Option<String> {
        if self.codes.len() <= LISTED_MAX {
            return None;
        }
        let added = self
            .codes
            .iter()
            .filter(|c| c.verdict == Verdict::Added)
            .count();
        let others = self.codes.len() - added;
        let mut text = format!(
            "With so many codes, the table lists only those not simply added: {} {} not listed.",
            plural(added as u64, "added code", "added codes"),
            if added == 1 { "is" } else { "are" }
        );
        if others > LISTED_MAX {
            text += &format!(
                " The first {LISTED_MAX} of the {others} others are listed; the rest are counted above."
            );
        }
        Some(text)
    }
}

/// The most codes the report's table lists.
pub const LISTED_MAX: usize = 200;

#[cfg(test)]
mod tests;
