//! The answers code: one response as a short run of letters and digits that a colleague sends the
//! facilitator by e-mail, and that the facilitator pastes back, found in any amount of text.
//!
//! A code reads `CRI1-` (the marker and the format's version), then symbols of Crockford's base 32
//! (digits and capitals without I, L, O and U, so that no two look alike): four giving the number
//! of payload symbols, the payload, and seven holding a CRC-32 of everything before them.
//!
//! - **Compact**: the payload packs each answer into the fewest bits its options need, the id of an
//!   assessment made by the app into 128 bits, and the day it was sent into 17; a typical response
//!   without free text, from an invitation, is 83 characters.
//! - **Checked**: a CRC-32 finds every burst of changed bits up to 32 long, so every single changed
//!   character (five bits), and every swap of two neighbours, is caught.
//! - **Made to survive e-mail**: a line break inside a code, with any spaces, tabs and `>` quote
//!   marks that start the next line, is skipped, so a code wrapped at any column, indented or quoted
//!   reads as it was sent. Lower case reads as upper case, and `I`, `L` and `O` as `1`, `1` and `0`.
//! - **Bounded**: the length comes first, so neither a missing end nor text run on after the code
//!   can be mistaken for answers.
//!
//! Share links (`#/shared/…`) in the text are read too, with the same line-break rule.
//! Pure: tested natively.

use crate::engine::instrument::{option_index, Field, FieldKind, InstrumentVersion, INSTRUMENT_ID};
use crate::engine::intake;
use crate::engine::response::{AnswerAction, AnswerRef, Response};
use crate::model::share;

/// The text every code starts with, before its version.
pub const MARKER: &str = "CRI";
/// The format written now (the digit after the marker).
pub const VERSION: u32 = 1;

/// Crockford's base 32 alphabet, in symbol order.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Symbols holding the payload's length (20 bits: over a million symbols, more than the longest
/// response can need, every free-text answer at its limit in four-byte characters).
const LENGTH_SYMBOLS: usize = 4;
/// Symbols holding the CRC-32 (35 bits, the top three zero).
const CHECK_SYMBOLS: usize = 7;
/// The most symbols a code's payload can have.
#[cfg(test)]
const MAX_PAYLOAD_SYMBOLS: usize = (1 << (5 * LENGTH_SYMBOLS)) - 1;

const CRC: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);

/// What a colleague sends: their answers, and the round they answered for (from the invitation).
#[derive(Clone, Debug, PartialEq)]
pub struct Sent {
    /// The answers; `id` is the assessment's, so that the same response pasted twice is found.
    pub response: Response,
    /// The round's id, if the answers were given from an invitation.
    pub round: Option<String>,
}

/// Why a code could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error(
        "This code was changed or damaged on the way, so its answers cannot be trusted. Ask the \
         sender to copy it again and send it again."
    )]
    Damaged,
    #[error(
        "This code is incomplete: its end is missing. Ask the sender to copy the whole code and \
         send it again."
    )]
    Truncated,
    #[error(
        "This code was made by a newer version of this app (code format {0}), so this version cannot \
         read it. Open the app again to get its newest version."
    )]
    Newer(u32),
    #[error("The answers in this code cannot be read: {0}")]
    Invalid(String),
}

/// What was found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoundKind {
    /// An answers code.
    Code,
    /// A share link's answers.
    ShareLink,
}

/// One code or share link found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The line it starts on (1-based).
    pub line: usize,
    /// The column it starts at (1-based, in characters).
    pub column: usize,
    /// A code or a share link.
    pub kind: FoundKind,
    /// The answers, or why they could not be read.
    pub outcome: Result<Sent, CodeError>,
}

/// The code for `response` (pass the assessment's exported response): answers hidden by the q1
/// branch are left out, and free-text answers too unless `free_text` is true.
pub fn encode(response: &Response, round: Option<&str>, free_text: bool) -> String {
    let response = response.without_hidden_answers();
    let mut bits = Bits::default();
    bits.push(response.instrument_version.version.min(15) as u64, 4);
    bits.push(free_text as u64, 1);
    match uuid_bytes(&response.id) {
        Some(bytes) => {
            bits.push(0, 1);
            for b in bytes {
                bits.push(b as u64, 8);
            }
        }
        None => {
            bits.push(1, 1);
            bits.push_text(&response.id);
        }
    }
    match round {
        Some(round) => {
            bits.push(1, 1);
            bits.push_text(round);
        }
        None => bits.push(0, 1),
    }
    match response.submitted_at.as_deref().and_then(days_from_date) {
        Some(days) => {
            bits.push(1, 1);
            bits.push(days as u64, 17);
        }
        None => bits.push(0, 1),
    }
    let answers = response.answers();
    for field in Field::ALL {
        let kind = field.kind();
        match kind {
            FieldKind::Text { .. } => {
                if free_text {
                    match answers.stored_text(field) {
                        Some(text) => {
                            bits.push(1, 1);
                            bits.push_text(text);
                        }
                        None => bits.push(0, 1),
                    }
                }
            }
            FieldKind::Multiple(options) => {
                let mut mask = 0u64;
                if let Some(AnswerRef::Choices(chosen)) = answers.stored(field) {
                    for o in chosen {
                        if let Some(i) = option_index(options, o.code) {
                            mask |= 1 << i;
                        }
                    }
                }
                bits.push(mask, options.len());
            }
            FieldKind::Single(_) | FieldKind::Scale(_) => {
                let options = kind.options();
                let value = match answers.stored(field) {
                    Some(AnswerRef::Choice(o)) => {
                        option_index(options, o.code).map_or(0, |i| i + 1)
                    }
                    _ => 0,
                };
                bits.push(value as u64, width(options.len()));
            }
        }
    }
    let payload = bits.symbols();
    let mut symbols = Vec::with_capacity(LENGTH_SYMBOLS + payload.len() + CHECK_SYMBOLS);
    push_number(&mut symbols, payload.len() as u64, LENGTH_SYMBOLS);
    symbols.extend(payload);
    let check = checksum(VERSION, &symbols);
    push_number(&mut symbols, check as u64, CHECK_SYMBOLS);
    let mut code = format!("{MARKER}{VERSION}-");
    code.extend(symbols.iter().map(|&s| ALPHABET[s as usize] as char));
    code
}

/// Reads one code (line breaks, indentation and `>` quote marks inside it are skipped; text before
/// the marker and after the code is ignored).
pub fn decode(text: &str) -> Result<Sent, CodeError> {
    let bytes = text.as_bytes();
    let start = find_marker(bytes, 0).ok_or(CodeError::Truncated)?;
    read_code(bytes, start)
        .map(|(sent, _)| sent)
        .map_err(|(e, _)| e)
}

/// Every code, and every share link, in `text` (a pasted mailbox), in the order they appear.
pub fn find_all(text: &str) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut lines = LineCounter::new(bytes);
    let mut at = 0;
    // The next share link is looked for again only once the search has passed it, so that a
    // mailbox of codes without links is not searched to its end once per code.
    let mut next_link: Option<Option<(usize, usize)>> = None;
    while at < bytes.len() {
        let code = find_marker(bytes, at);
        let link = match next_link {
            Some(Some((l, d))) if l >= at => Some((l, d)),
            Some(None) => None,
            _ => find_share_link(bytes, at),
        };
        next_link = Some(link);
        let (start, kind) = match (code, link) {
            (Some(c), Some((l, _))) if l < c => (l, FoundKind::ShareLink),
            (Some(c), _) => (c, FoundKind::Code),
            (None, Some((l, _))) => (l, FoundKind::ShareLink),
            (None, None) => break,
        };
        let (line, column) = lines.position(start);
        let (outcome, next) = match kind {
            FoundKind::Code => match read_code(bytes, start) {
                Ok((sent, end)) => (Ok(sent), end),
                // A damaged code may have run on into the next one: look again just past its marker.
                Err((e, _)) => (Err(e), start + MARKER.len()),
            },
            FoundKind::ShareLink => {
                let (_, data) = link.expect("a link was found");
                read_share_link(bytes, data)
            }
        };
        found.push(Found {
            line,
            column,
            kind,
            outcome,
        });
        at = next.max(start + 1);
    }
    found
}

/// The next `CRI<digits>-` at or after `from`, not inside a longer word, with any line break the
/// marker itself was wrapped at.
fn find_marker(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(i) = memchr::memchr(b'C', &bytes[at..]).map(|i| at + i) {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if starts_word && marker_version(bytes, i).is_some() {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// The version after the marker at `start`, and where the symbols begin.
fn marker_version(bytes: &[u8], start: usize) -> Option<(u32, usize)> {
    let mut reader = Wrapped::new(bytes, start);
    for expected in MARKER.bytes() {
        reader.next_if(|b| b == expected)?;
    }
    let mut version: u32 = 0;
    let mut digits = 0;
    while let Some(d) = reader.next_if(|b| b.is_ascii_digit()) {
        version = version.saturating_mul(10).saturating_add((d - b'0') as u32);
        digits += 1;
    }
    if digits == 0 || reader.next_if(|b| b == b'-').is_none() {
        return None;
    }
    Some((version, reader.at))
}

type ReadError = (CodeError, usize);

/// Reads the code whose marker starts at `start`: the answers and where the code ends.
fn read_code(bytes: &[u8], start: usize) -> Result<(Sent, usize), ReadError> {
    let (version, body) = marker_version(bytes, start).ok_or((CodeError::Truncated, start))?;
    if version > VERSION {
        return Err((CodeError::Newer(version), body));
    }
    if version != VERSION {
        return Err((CodeError::Damaged, body));
    }
    let mut reader = Wrapped::new(bytes, body);
    let mut symbols = Vec::new();
    let mut read_symbols = |n: usize, symbols: &mut Vec<u8>| -> Result<(), ReadError> {
        for _ in 0..n {
            match reader.next_if(|b| symbol(b).is_some()) {
                Some(b) => symbols.push(symbol(b).expect("checked")),
                None => return Err((CodeError::Truncated, reader.at)),
            }
        }
        Ok(())
    };
    read_symbols(LENGTH_SYMBOLS, &mut symbols)?;
    let length = number(&symbols[..LENGTH_SYMBOLS]) as usize;
    read_symbols(length + CHECK_SYMBOLS, &mut symbols)?;
    let end = reader.at;
    let (body, check) = symbols.split_at(LENGTH_SYMBOLS + length);
    if number(check) != checksum(version, body) as u64 {
        return Err((CodeError::Damaged, end));
    }
    let sent = unpack(&body[LENGTH_SYMBOLS..]).map_err(|e| (e, end))?;
    Ok((sent, end))
}

/// The answers from a checked payload.
fn unpack(payload: &[u8]) -> Result<Sent, CodeError> {
    let mut bits = Reader::new(payload);
    let invalid = |what: &str| CodeError::Invalid(what.to_string());
    let version = bits.take(4)? as u32;
    let free_text = bits.take(1)? == 1;
    let id = if bits.take(1)? == 0 {
        let mut bytes = [0u8; 16];
        for b in &mut bytes {
            *b = bits.take(8)? as u8;
        }
        uuid_text(&bytes)
    } else {
        bits.take_text()?
    };
    if id.trim().is_empty() {
        return Err(invalid("it has no id."));
    }
    let round = if bits.take(1)? == 1 {
        Some(bits.take_text()?)
    } else {
        None
    };
    let submitted_at = if bits.take(1)? == 1 {
        Some(date_from_days(bits.take(17)? as u32))
    } else {
        None
    };
    let mut response = Response::new(id);
    response.instrument_version = InstrumentVersion {
        id: INSTRUMENT_ID.to_string(),
        version,
    };
    response.submitted_at = submitted_at;
    // Field::ALL starts with q1, so the branch is set before the questions it shows or hides.
    for field in Field::ALL {
        let kind = field.kind();
        let action = match kind {
            FieldKind::Text { .. } => {
                if free_text && bits.take(1)? == 1 {
                    Some(AnswerAction::SetText {
                        field,
                        text: bits.take_text()?,
                    })
                } else {
                    None
                }
            }
            FieldKind::Multiple(options) => {
                let mask = bits.take(options.len())?;
                let codes: Vec<String> = options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, o)| o.code.to_string())
                    .collect();
                (!codes.is_empty()).then_some(AnswerAction::SetCodes { field, codes })
            }
            FieldKind::Single(_) | FieldKind::Scale(_) => {
                let options = kind.options();
                match bits.take(width(options.len()))? as usize {
                    0 => None,
                    n => Some(AnswerAction::Choose {
                        field,
                        code: options
                            .get(n - 1)
                            .ok_or_else(|| invalid(&format!("{field} has no option {n}.")))?
                            .code
                            .to_string(),
                    }),
                }
            }
        };
        if let Some(action) = action {
            response
                .apply(action)
                .map_err(|e| CodeError::Invalid(e.to_string()))?;
        }
    }
    // A code is a way in like any file: the same checks, the same reasons.
    let problems = intake::check(&response);
    if !problems.is_empty() {
        return Err(CodeError::Invalid(intake::describe(&problems)));
    }
    Ok(Sent { response, round })
}

/// The next share link's `#/shared/` at or after `from`: where it starts and where its data does.
fn find_share_link(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    let prefix = share::PREFIX.as_bytes();
    memchr::memmem::find_iter(&bytes[from..], prefix)
        .next()
        .map(|i| (from + i, from + i + prefix.len()))
}

/// Reads a share link's data from `data` on: the answers and where the link ends. A link wrapped
/// just before a word that continues the text is tried again without that last line.
fn read_share_link(bytes: &[u8], data: usize) -> (Result<Sent, CodeError>, usize) {
    let base64url = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let mut reader = Wrapped::new(bytes, data);
    let mut text = String::new();
    let mut line_starts = Vec::new();
    loop {
        let before = reader.at;
        match reader.next_if(base64url) {
            Some(b) => {
                if reader.crossed_line(before) {
                    line_starts.push(text.len());
                }
                text.push(b as char)
            }
            None => break,
        }
    }
    let read = |t: &str| {
        share::read(t).map(|response| Sent {
            response,
            round: None,
        })
    };
    let mut outcome = read(&text);
    if outcome.is_err() {
        if let Some(&cut) = line_starts.last() {
            if let Ok(sent) = read(&text[..cut]) {
                outcome = Ok(sent);
            }
        }
    }
    let outcome = outcome.map_err(|e| match e {
        share::ShareError::Invalid(reason) => CodeError::Invalid(reason),
        share::ShareError::Empty | share::ShareError::Damaged => CodeError::Damaged,
    });
    (outcome, reader.at)
}

/// Reads bytes from a text as if no line break were in it: a line break, and the spaces, tabs and
/// `>` quote marks that start the next line, are skipped.
struct Wrapped<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Wrapped<'a> {
    fn new(bytes: &'a [u8], at: usize) -> Self {
        Wrapped { bytes, at }
    }

    /// The next byte if it satisfies `accept` (after any line break), consuming it.
    fn next_if(&mut self, accept: impl Fn(u8) -> bool) -> Option<u8> {
        let mut at = self.at;
        // Spaces before a line break are a mail program's soft break (format=flowed).
        let spaces = self.bytes[at.min(self.bytes.len())..]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        if matches!(self.bytes.get(at + spaces), Some(b'\r' | b'\n')) {
            at += spaces;
        }
        if matches!(self.bytes.get(at), Some(b'\r' | b'\n')) {
            while matches!(
                self.bytes.get(at),
                Some(b'\r' | b'\n' | b' ' | b'\t' | b'>')
            ) {
                at += 1;
            }
        }
        let b = *self.bytes.get(at)?;
        if accept(b) {
            self.at = at + 1;
            Some(b)
        } else {
            None
        }
    }

    /// Whether the last byte read came after a line break that started at or after `before`.
    fn crossed_line(&self, before: usize) -> bool {
        self.bytes[before..self.at]
            .iter()
            .any(|&b| b == b'\n' || b == b'\r')
    }
}

/// Counts lines and columns forwards through a text, so that finding every code in a mailbox stays
/// one pass over it.
struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
    line_start: usize,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            at: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// The line and column (1-based, in characters) of byte `offset`, which is never before the last.
    fn position(&mut self, offset: usize) -> (usize, usize) {
        for i in memchr::memchr_iter(b'\n', &self.bytes[self.at..offset]) {
            self.line += 1;
            self.line_start = self.at + i + 1;
        }
        self.at = offset;
        let column = self.bytes[self.line_start..offset]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
            + 1;
        (self.line, column)
    }
}

/// The symbol a character stands for: Crockford's base 32, in either case, reading `I` and `L` as
/// `1` and `O` as `0`.
fn symbol(b: u8) -> Option<u8> {
    let b = b.to_ascii_uppercase();
    let b = match b {
        b'I' | b'L' => b'1',
        b'O' => b'0',
        other => other,
    };
    ALPHABET.iter().position(|&a| a == b).map(|i| i as u8)
}

/// The CRC-32 of the version and the symbols before the check.
fn checksum(version: u32, symbols: &[u8]) -> u32 {
    let mut digest = CRC.digest();
    digest.update(MARKER.as_bytes());
    digest.update(version.to_string().as_bytes());
    digest.update(symbols);
    digest.finalize()
}

/// Appends `value` as `n` symbols, most significant first.
fn push_number(symbols: &mut Vec<u8>, value: u64, n: usize) {
    for i in (0..n).rev() {
        symbols.push(((value >> (5 * i)) & 31) as u8);
    }
}

/// The number `symbols` stand for, most significant first.
fn number(symbols: &[u8]) -> u64 {
    symbols.iter().fold(0, |n, &s| (n << 5) | s as u64)
}

/// Bits needed for "no answer" or one of `n` options.
fn width(n: usize) -> usize {
    (usize::BITS - n.leading_zeros()) as usize
}

/// The 16 bytes of an id in the lower-case, hyphenated form of a UUID (what the app gives an
/// assessment), or `None` for any other id.
fn uuid_bytes(id: &str) -> Option<[u8; 16]> {
    let b = id.as_bytes();
    if b.len() != 36 || [8, 13, 18, 23].iter().any(|&i| b[i] != b'-') {
        return None;
    }
    let hex: Vec<u8> = b.iter().copied().filter(|&c| c != b'-').collect();
    let mut out = [0u8; 16];
    for (i, pair) in hex.chunks(2).enumerate() {
        let digit = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        };
        out[i] = digit(pair[0])? << 4 | digit(pair[1])?;
    }
    Some(out)
}

fn uuid_text(bytes: &[u8; 16]) -> String {
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Days since 1970-01-01 of the date an ISO 8601 date or date-time starts with. Only the day is sent:
/// the time of day would say more about a person than a facilitator needs.
fn days_from_date(text: &str) -> Option<u32> {
    let date = text.get(..10)?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1970..=2300).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let days = u32::try_from(days).ok()?;
    (date_from_days(days) == date).then_some(days)
}

/// The ISO 8601 date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
fn date_from_days(days: u32) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + (m <= 2) as i64;
    format!("{y:04}-{m:02}-{d:02}")
}

/// Bits written most significant first, read back as base-32 symbols.
#[derive(Default)]
struct Bits {
    bits: Vec<bool>,
}

impl Bits {
    fn push(&mut self, value: u64, n: usize) {
        self.bits
            .extend((0..n).rev().map(|i| (value >> i) & 1 == 1));
    }

    /// A length (7 bits a group, a continuation bit before each) and the UTF-8 bytes.
    fn push_text(&mut self, text: &str) {
        let mut len = text.len();
        loop {
            let more = len >= 128;
            self.push(more as u64, 1);
            self.push((len & 127) as u64, 7);
            len >>= 7;
            if !more {
                break;
            }
        }
        for b in text.bytes() {
            self.push(b as u64, 8);
        }
    }

    /// The bits as symbols of five, the last padded with zeros.
    fn symbols(&self) -> Vec<u8> {
        self.bits
            .chunks(5)
            .map(|chunk| {
                (0..5).fold(0u8, |s, i| {
                    (s << 1) | chunk.get(i).copied().unwrap_or(false) as u8
                })
            })
            .collect()
    }
}

/// Reads bits back from symbols; running out means the payload was cut short.
struct Reader<'a> {
    symbols: &'a [u8],
    bit: usize,
}

impl<'a> Reader<'a> {
    fn new(symbols: &'a [u8]) -> Self {
        Reader { symbols, bit: 0 }
    }

    fn take(&mut self, n: usize) -> Result<u64, CodeError> {
        if self.bit + n > self.symbols.len() * 5 {
            return Err(CodeError::Invalid("its answers stop part-way.".into()));
        }
        let mut value = 0u64;
        for _ in 0..n {
            let s = self.symbols[self.bit / 5];
            let bit = (s >> (4 - self.bit % 5)) & 1;
            value = (value << 1) | bit as u64;
            self.bit += 1;
        }
        Ok(value)
    }

    fn take_text(&mut self) -> Result<String, CodeError> {
        let mut len = 0usize;
        let mut shift = 0;
        loop {
            let more = self.take(1)? == 1;
            len |= (self.take(7)? as usize) << shift;
            shift += 7;
            if !more {
                break;
            }
            if shift > 21 {
                return Err(CodeError::Invalid("a text in it is too long.".into()));
            }
        }
        if len * 8 > self.symbols.len() * 5 {
            return Err(CodeError::Invalid("its answers stop part-way.".into()));
        }
        let bytes = (0..len)
            .map(|_| self.take(8).map(|b| b as u8))
            .collect::<Result<Vec<u8>, _>>()?;
        String::from_utf8(bytes).map_err(|_| CodeError::Invalid("a text in it is garbled.".into()))
    }
}

#[cfg(test)]
mod tests;
