//! The rules every way into the app applies, decided once: which bytes are text, and which responses
//! may be imported. The CSV importer, the JSON imports (the person's own and a group's) and share links
//! all call these, so a file or link refused on one route is refused on every route, for the same
//! reason.
//!
//! **Text.** A file is read as UTF-8, with or without a byte-order mark (the mark is dropped). A file
//! that starts with a UTF-16 byte-order mark (what spreadsheets write as "Unicode text") is decoded
//! from UTF-16. Anything else that is not valid UTF-8, a UTF-16 file with a damaged character, and any
//! NUL character (a UTF-16 file without its mark, or a binary file) is refused whole, never repaired:
//! a repaired file would store "Caf� � na�ve" in place of what was written.
//!
//! **Responses.** [`check`] is the one list of what an imported response must be: it has an id, its
//! `submitted_at` is an ISO 8601 date or date-time, it was given to the instrument this app asks, and
//! no free text is longer than the instrument allows. Cell-level problems (a code that is not an
//! option) are caught while the answers are read; answers hidden by the q1 branch are judged by each
//! format (a flat CSV row that answers q4 while q1 is No contradicts itself; the JSON storage form
//! keeps such answers on purpose).
//!
//! Nothing here touches a browser, storage or the clock, and nothing panics on any input.

use std::borrow::Cow;
use std::io::{self, Read};

// `echo` is the error messages' own; intake's callers reach it here too.
pub use super::error::{echo, ECHO_CHARS};
use super::error::{CellError, ImportError, QuestionName, RejectReason};
use super::instrument::{Field, FieldKind, InstrumentVersion};
use super::response::{is_iso8601_date_or_datetime, Response};

/// The CSV column of the response id.
pub const ID_COLUMN: &str = "response_id";
/// The CSV column of the submission time.
pub const SUBMITTED_AT_COLUMN: &str = "submitted_at";
/// The CSV column of the instrument version.
pub const INSTRUMENT_COLUMN: &str = "instrument";

/// Bytes read from the source at a time.
const CHUNK: usize = 64 * 1024;

/// How a file's bytes encode its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a leading byte-order mark is dropped).
    Utf8,
    /// UTF-16, little-endian (after an `FF FE` mark).
    Utf16Le,
    /// UTF-16, big-endian (after an `FE FF` mark).
    Utf16Be,
}

/// Why bytes are not text this app reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// Not UTF-8 (an invalid or cut-off byte sequence, or a NUL character).
    NotUtf8,
    /// A UTF-16 file with a damaged character (a lone surrogate or an odd last byte).
    DamagedUtf16,
}

impl TextProblem {
    /// The refusal, at a 1-based line.
    pub fn at_line(self, line: u64) -> ImportError {
        match self {
            TextProblem::NotUtf8 => ImportError::NotUtf8 { line },
            TextProblem::DamagedUtf16 => ImportError::DamagedUtf16 { line },
        }
    }
}

impl std::fmt::Display for TextProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TextProblem::NotUtf8 => "the file is not UTF-8 text",
            TextProblem::DamagedUtf16 => "the file is UTF-16 text with a damaged character",
        })
    }
}

impl std::error::Error for TextProblem {}

/// Line breaks in `bytes` by the CSV rule: `\r\n`, `\r` and `\n` each end one line. `last_cr` carries
/// whether the byte before `bytes` was `\r`, so that a `\r\n` split across two calls counts once.
pub fn count_breaks(bytes: &[u8], last_cr: &mut bool) -> u64 {
    let Some(&last) = bytes.last() else {
        return 0;
    };
    // Every `\n` and every `\r`, less one for each `\r\n` (found from the `\r`s, which files with
    // `\n` line ends do not have).
    let mut breaks = memchr::memchr_iter(b'\n', bytes).count() as u64;
    for i in memchr::memchr_iter(b'\r', bytes) {
        breaks += u64::from(bytes.get(i + 1) != Some(&b'\n'));
    }
    if *last_cr && bytes[0] == b'\n' {
        breaks -= 1;
    }
    *last_cr = last == b'\r';
    breaks
}

/// A reader that turns a file's bytes into UTF-8 text by the rules of the module doc, streaming.
///
/// It hands out only valid UTF-8 without NUL characters. At the first problem it hands out the text
/// before it, then fails with an [`io::ErrorKind::InvalidData`] error and [`TextReader::problem`] says
/// which; the problem lies just after the last byte handed out. Reading more than `limit` bytes from
/// the source fails too ([`TextReader::exceeded`]).
pub struct TextReader<R> {
    inner: R,
    limit: u64,
    read_total: u64,
    exceeded: bool,
    encoding: Option<Encoding>,
    raw: Vec<u8>,
    /// Bytes of a character cut by the end of the last chunk (or the first bytes, before the
    /// encoding is known).
    carry: Vec<u8>,
    out: Vec<u8>,
    out_pos: usize,
    problem: Option<TextProblem>,
    eof: bool,
}

impl<R: Read> TextReader<R> {
    /// Reads `inner`, refusing to read more than `limit` bytes from it.
    pub fn new(inner: R, limit: u64) -> Self {
        TextReader {
            inner,
            limit,
            read_total: 0,
            exceeded: false,
            encoding: None,
            raw: vec![0; CHUNK],
            carry: Vec::new(),
            out: Vec::new(),
            out_pos: 0,
            problem: None,
            eof: false,
        }
    }

    /// Bytes read from the source so far.
    pub fn read_total(&self) -> u64 {
        self.read_total
    }

    /// The size limit in bytes.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// True once the source turned out larger than the limit.
    pub fn exceeded(&self) -> bool {
        self.exceeded
    }

    /// The problem found, once the text before it has been handed out.
    pub fn problem(&self) -> Option<TextProblem> {
        self.problem.filter(|_| self.out_pos >= self.out.len())
    }

    /// The encoding, once the first bytes have been read.
    pub fn encoding(&self) -> Option<Encoding> {
        self.encoding
    }

    fn fill(&mut self) -> io::Result<()> {
        let n = loop {
            match self.inner.read(&mut self.raw) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        self.read_total += n as u64;
        if self.read_total > self.limit {
            self.exceeded = true;
            return Err(io::Error::other("the file is larger than the import limit"));
        }
        self.eof = n == 0;
        let mut input = std::mem::take(&mut self.carry);
        input.extend_from_slice(&self.raw[..n]);
        let encoding = match self.encoding {
            Some(e) => e,
            // The mark is at most three bytes; wait for them however the source chunks its reads.
            None if input.len() < 3 && !self.eof => {
                self.carry = input;
                return Ok(());
            }
            None => {
                let (encoding, mark) = match input.as_slice() {
                    [0xEF, 0xBB, 0xBF, ..] => (Encoding::Utf8, 3),
                    [0xFF, 0xFE, ..] => (Encoding::Utf16Le, 2),
                    [0xFE, 0xFF, ..] => (Encoding::Utf16Be, 2),
                    _ => (Encoding::Utf8, 0),
                };
                input.drain(..mark);
                self.encoding = Some(encoding);
                encoding
            }
        };
        self.out_pos = 0;
        match encoding {
            Encoding::Utf8 => self.take_utf8(input),
            Encoding::Utf16Le | Encoding::Utf16Be => {
                self.take_utf16(&input, encoding == Encoding::Utf16Be)
            }
        }
        Ok(())
    }

    fn take_utf8(&mut self, mut input: Vec<u8>) {
        let valid = match std::str::from_utf8(&input) {
            Ok(_) => input.len(),
            Err(e) => {
                // A sequence cut by the chunk's end completes with the next chunk, unless the file
                // ends there.
                if e.error_len().is_none() && !self.eof {
                    self.carry = input[e.valid_up_to()..].to_vec();
                } else {
                    self.problem = Some(TextProblem::NotUtf8);
                }
                e.valid_up_to()
            }
        };
        input.truncate(valid);
        if let Some(nul) = input.iter().position(|b| *b == 0) {
            input.truncate(nul);
            self.carry.clear();
            self.problem = Some(TextProblem::NotUtf8);
        }
        self.out = input;
    }

    fn take_utf16(&mut self, input: &[u8], big_endian: bool) {
        let pairs = input.len() / 2;
        let mut units: Vec<u16> = (0..pairs)
            .map(|i| {
                let b = [input[2 * i], input[2 * i + 1]];
                if big_endian {
                    u16::from_be_bytes(b)
                } else {
                    u16::from_le_bytes(b)
                }
            })
            .collect();
        let mut carry = input[2 * pairs..].to_vec();
        if !self.eof && matches!(units.last(), Some(0xD800..=0xDBFF)) {
            // A high surrogate whose pair is in the next chunk.
            let last = units.pop().unwrap_or_default();
            let bytes = if big_endian {
                last.to_be_bytes()
            } else {
                last.to_le_bytes()
            };
            carry.splice(0..0, bytes);
        }
        let mut out = String::with_capacity(units.len());
        for c in char::decode_utf16(units) {
            match c {
                Ok('\0') => {
                    self.problem = Some(TextProblem::NotUtf8);
                    break;
                }
                Ok(c) => out.push(c),
                Err(_) => {
                    self.problem = Some(TextProblem::DamagedUtf16);
                    break;
                }
            }
        }
        if self.eof && !carry.is_empty() && self.problem.is_none() {
            self.problem = Some(TextProblem::DamagedUtf16);
        }
        self.carry = if self.problem.is_some() {
            Vec::new()
        } else {
            carry
        };
        self.out = out.into_bytes();
    }
}

impl<R: Read> Read for TextReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_pos < self.out.len() {
                let n = (self.out.len() - self.out_pos).min(buf.len());
                buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
                self.out_pos += n;
                return Ok(n);
            }
            if let Some(problem) = self.problem {
                return Err(io::Error::new(io::ErrorKind::InvalidData, problem));
            }
            if self.eof {
                return Ok(0);
            }
            self.fill()?;
        }
    }
}

/// The text of a whole file, by the rules of the module doc: borrowed when the bytes are UTF-8
/// already (a leading mark dropped), decoded when they are UTF-16 with a mark, refused otherwise with
/// the line of the first problem.
pub fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    let utf8 = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let marked_utf16 =
        utf8.len() == bytes.len() && matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]);
    if !marked_utf16 && !utf8.contains(&0) {
        if let Ok(text) = std::str::from_utf8(utf8) {
            return Ok(Cow::Borrowed(text));
        }
    }
    let mut reader = TextReader::new(bytes, u64::MAX);
    let mut out = Vec::with_capacity(bytes.len());
    match reader.read_to_end(&mut out) {
        Ok(_) => Ok(Cow::Owned(String::from_utf8(out).map_err(|_| {
            // The reader hands out only valid UTF-8; this cannot happen, and refusing is safe.
            ImportError::NotUtf8 { line: 1 }
        })?)),
        Err(_) => {
            let line = 1 + count_breaks(&out, &mut false);
            Err(reader
                .problem()
                .unwrap_or(TextProblem::NotUtf8)
                .at_line(line))
        }
    }
}

/// One problem of an imported response (or CSV row).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RowProblem {
    /// The column concerned (CSV header name, or JSON answer key, lower case), or `None` for the
    /// response as a whole.
    pub column: Option<String>,
    /// The value as written, when one value is concerned.
    pub value: Option<String>,
    /// Why (serialised as its message).
    #[serde(serialize_with = "ser_reason")]
    pub reason: RejectReason,
}

fn ser_reason<S: serde::Serializer>(reason: &RejectReason, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(reason)
}

impl std::fmt::Display for RowProblem {
    /// The reason, with the question it concerns when the reason alone does not name it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let field = self.column.as_deref().and_then(Field::from_column);
        match (&self.reason, field) {
            (RejectReason::Cell(CellError::TooLong { .. }), Some(field)) => {
                write!(f, "{}: {}", QuestionName(field), self.reason)
            }
            _ => write!(f, "{}", self.reason),
        }
    }
}

/// What an imported response must be, on every route in (see the module doc). Returns every problem,
/// in column order; an empty list means the response may be imported.
pub fn check(response: &Response) -> Vec<RowProblem> {
    let mut problems = Vec::new();
    if response.id.trim().is_empty() {
        problems.push(RowProblem {
            column: Some(ID_COLUMN.to_string()),
            value: None,
            reason: RejectReason::NoId,
        });
    }
    if let Some(at) = &response.submitted_at {
        if !is_iso8601_date_or_datetime(at.trim()) {
            problems.push(RowProblem {
                column: Some(SUBMITTED_AT_COLUMN.to_string()),
                value: Some(at.clone()),
                reason: RejectReason::BadSubmittedAt(at.trim().to_string()),
            });
        }
    }
    for field in Field::TEXT {
        if let (FieldKind::Text { max_chars }, Some(text)) =
            (field.kind(), response.answers().stored_text(field))
        {
            let len = text.chars().count();
            if len > max_chars {
                problems.push(RowProblem {
                    column: Some(field.column().to_string()),
                    value: Some(text.to_string()),
                    reason: CellError::TooLong {
                        len,
                        max: max_chars,
                    }
                    .into(),
                });
            }
        }
    }
    if !response.instrument_version.is_current() {
        problems.push(RowProblem {
            column: Some(INSTRUMENT_COLUMN.to_string()),
            value: Some(response.instrument_version.to_string()),
            reason: RejectReason::OtherInstrument {
                found: response.instrument_version.to_string(),
                expected: InstrumentVersion::current().to_string(),
            },
        });
    }
    problems
}

/// The problems of [`check`] in one line, for a list of responses left out.
pub fn describe(problems: &[RowProblem]) -> String {
    problems
        .iter()
        .map(RowProblem::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads through a source that hands out one byte at a time, the worst chunking.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.is_empty()) {
                (Some((b, rest)), false) => {
                    buf[0] = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in text.encode_utf16() {
            out.extend(if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn text_is_the_same_however_the_source_chunks_it() {
        let text = "response_id,q2\r\na,Café ☕ naïve 😀\r\n";
        let cases = [
            text.as_bytes().to_vec(),
            [&[0xEF, 0xBB, 0xBF], text.as_bytes()].concat(),
            utf16(text, false),
            utf16(text, true),
        ];
        for bytes in cases {
            assert_eq!(decode_text(&bytes).unwrap(), text, "{bytes:?}");
            let mut out = String::new();
            TextReader::new(Trickle(&bytes), u64::MAX)
                .read_to_string(&mut out)
                .unwrap();
            assert_eq!(out, text, "{bytes:?}");
        }
    }

    /// The rule, one byte at a time.
    fn breaks_by_hand(bytes: &[u8], last_cr: &mut bool) -> u64 {
        let mut breaks = 0;
        for &b in bytes {
            if b == b'\r' || (b == b'\n' && !*last_cr) {
                breaks += 1;
            }
            *last_cr = b == b'\r';
        }
        breaks
    }

    proptest::proptest! {
        #[test]
        fn breaks_are_counted_by_the_rule(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(b'\r'),
                    proptest::strategy::Just(b'\n'),
                    proptest::strategy::Just(b'x'),
                ],
                0..40,
            ),
            split in 0usize..40,
            last_cr in proptest::bool::ANY,
        ) {
            let split = split.min(bytes.len());
            let (mut a, mut b) = (last_cr, last_cr);
            let fast = count_breaks(&bytes[..split], &mut a) + count_breaks(&bytes[split..], &mut a);
            proptest::prop_assert_eq!(fast, breaks_by_hand(&bytes, &mut b));
            proptest::prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn breaks_count_crlf_once_even_when_split() {
        let mut last_cr = false;
        assert_eq!(count_breaks(b"a\r", &mut last_cr), 1);
        assert_eq!(count_breaks(b"\nb\rc\n\n", &mut last_cr), 3);
    }
}
