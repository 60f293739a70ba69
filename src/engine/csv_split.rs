//! The records of a responses CSV read straight from its bytes, so that a large file can be cut into
//! chunks and read on several threads ([`super::report`]).
//!
//! This module owns two things, both exactly as the CSV reader of [`super::csv_format`] (the `csv`
//! crate: `,` between cells, `"` quotes with `""` inside them, `\r\n`, `\r` or `\n` at the end of a
//! record, blank lines skipped) reads the same bytes:
//! - [`last_record_end`]: where a chunk may end, so that no record is cut (a line break inside a
//!   quoted cell is not the end of a record);
//! - [`Records`]: the cells of each record and the physical line where it starts, counted by the
//!   rule of [`super::intake::count_breaks`].
//!
//! Nothing here checks that the bytes are text: a chunk is split only once it is known to be UTF-8
//! (see [`super::report`]), and cells are cut at ASCII bytes, so every cell is UTF-8 too.
//! `tests/engine_csv_split.rs` checks both against the `csv` crate on random bytes.

use super::csv_format::Cells;
use super::intake::count_breaks;

const fn is_break(b: u8) -> bool {
    b == b'\r' || b == b'\n'
}

/// The position just after the last record that ends in `bytes`, which start where a record starts;
/// `None` when no record ends there (a record longer than `bytes`, or one whose quoted cell is still
/// open). A record "ends" at its line break: the bytes after it start the next record, whatever
/// follows.
pub(crate) fn last_record_end(bytes: &[u8]) -> Option<usize> {
    let mut last = None;
    // Outside quotes from `pos` on.
    let mut pos = 0;
    loop {
        let quote = memchr::memchr(b'"', &bytes[pos..]).map(|i| pos + i);
        let plain_end = quote.unwrap_or(bytes.len());
        if let Some(i) = memchr::memrchr2(b'\r', b'\n', &bytes[pos..plain_end]) {
            last = Some(pos + i + 1);
        }
        let Some(quote) = quote else {
            return last;
        };
        // A quote opens a quoted cell only at the start of a cell; elsewhere it is a character.
        let opens = quote == 0 || matches!(bytes[quote - 1], b',' | b'\r' | b'\n');
        if !opens {
            pos = quote + 1;
            continue;
        }
        let mut at = quote + 1;
        loop {
            let Some(close) = memchr::memchr(b'"', &bytes[at..]).map(|i| at + i) else {
                return last;
            };
            match bytes.get(close + 1) {
                // `""`: a quote inside the cell.
                Some(b'"') => at = close + 2,
                Some(_) => {
                    pos = close + 1;
                    break;
                }
                // Whether it closes the cell or starts `""` is in the bytes not yet read.
                None => return last,
            }
        }
    }
}

/// Marks a cell whose bytes were unescaped into the record's own buffer (else they are in the chunk).
const OWN: usize = 1 << (usize::BITS - 1);

/// One record split from a chunk: its cells borrow the chunk where they can.
pub(crate) struct RawRecord<'a> {
    chunk: &'a [u8],
    /// The cells' `(start, end)`, in `spans[..len]`; a start with [`OWN`] set is in `own`. (A boxed
    /// slice, not a vector: its indexing is the language's own, which the release profile, optimised
    /// for size for the browser's sake, leaves inline; a vector's is a call.)
    spans: Box<[(usize, usize)]>,
    len: usize,
    own: Vec<u8>,
}

impl<'a> RawRecord<'a> {
    /// An empty record over `chunk`.
    pub(crate) fn new(chunk: &'a [u8]) -> Self {
        RawRecord {
            chunk,
            spans: vec![(0, 0); 64].into_boxed_slice(),
            len: 0,
            own: Vec::new(),
        }
    }

    fn clear(&mut self) {
        self.len = 0;
        self.own.clear();
    }

    #[inline(always)]
    fn push(&mut self, start: usize, end: usize) {
        if self.len == self.spans.len() {
            self.grow();
        }
        self.spans[self.len] = (start, end);
        self.len += 1;
    }

    /// A cell unescaped into `own` from `start`.
    fn push_own(&mut self, start: usize) {
        self.push(start | OWN, self.own.len());
    }

    #[inline(never)]
    fn grow(&mut self) {
        let mut spans = std::mem::take(&mut self.spans).into_vec();
        spans.resize(2 * spans.len().max(1), (0, 0));
        self.spans = spans.into_boxed_slice();
    }
}

impl Cells for RawRecord<'_> {
    #[inline(always)]
    fn count(&self) -> usize {
        self.len
    }

    #[inline(always)]
    fn cell(&self, i: usize) -> &[u8] {
        let (start, end) = self.spans[i];
        if start & OWN == 0 {
            &self.chunk[start..end]
        } else {
            &self.own[start & !OWN..end]
        }
    }

    fn is_utf8(&self) -> bool {
        // See the module doc: the chunk was checked whole.
        true
    }
}

/// Line breaks inside a quoted cell (after its opening quote, so no `\r` before it pairs with a `\n`
/// in it), by the rule of [`count_breaks`]: one byte at a time, cells being short.
#[inline(always)]
fn breaks_in_cell(content: &[u8]) -> u64 {
    let mut breaks = 0;
    let mut last_cr = false;
    for &b in content {
        breaks += u64::from(b == b'\r' || (b == b'\n' && !last_cr));
        last_cr = b == b'\r';
    }
    breaks
}

/// The first position at or after `at` that ends a cell outside quotes (`,`, `\r`, `\n`), or the end.
///
/// Eight bytes at a time: cells are short, but dates, ids and lists of codes are not.
fn cell_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Marks the bytes of `word` equal to `b` (exact for the lowest one, which is all that is used).
    let equal = |word: u64, b: u8| {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let hits = equal(word, b',') | equal(word, b'\r') | equal(word, b'\n');
        if hits != 0 {
            return at + (hits.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && !matches!(bytes[at], b',' | b'\r' | b'\n') {
        at += 1;
    }
    at
}

/// Splits the records of a chunk one at a time, counting lines.
pub(crate) struct Records<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Line breaks before `pos`, from the start of the file.
    breaks: u64,
    /// Whether the byte before `pos` is `\r`.
    last_cr: bool,
}

impl<'a> Records<'a> {
    /// Reads `bytes`, which start where a record may start, `breaks` line breaks into the file;
    /// `last_cr` says whether the byte before them is `\r`.
    pub(crate) fn new(bytes: &'a [u8], breaks: u64, last_cr: bool) -> Self {
        Records {
            bytes,
            pos: 0,
            breaks,
            last_cr,
        }
    }

    /// Where the next record starts (or the end).
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// Line breaks before [`Records::position`], from where the count started.
    pub(crate) fn breaks(&self) -> u64 {
        self.breaks
    }

    /// Skips blank lines to the next record; if it is simple (a quote only around a whole cell),
    /// returns its line, its bytes without its line break, and the line breaks inside its quotes,
    /// leaving it to [`Records::take_plain`] to step past it. `None` at the end or for any other
    /// record, which [`Records::next_record`] reads.
    #[inline(always)]
    pub(crate) fn next_plain(&mut self) -> Option<(u64, &'a [u8], u64)> {
        let bytes = self.bytes;
        let mut start = self.pos;
        while start < bytes.len() && is_break(bytes[start]) {
            start += 1;
        }
        self.breaks += count_breaks(&bytes[self.pos..start], &mut self.last_cr);
        self.pos = start;
        let rest = &bytes[start..];
        if rest.is_empty() {
            return None;
        }
        let mut inside = 0;
        let mut at = 0;
        let end = loop {
            let hit =
                memchr::memchr3(b'\r', b'\n', b'"', &rest[at..]).map_or(rest.len(), |i| at + i);
            if rest.get(hit) != Some(&b'"') {
                break hit;
            }
            if hit > 0 && rest[hit - 1] != b',' {
                return None;
            }
            // The closing quote: the first not doubled (`""` is a quote inside the cell).
            let mut close = hit + 1;
            loop {
                close += memchr::memchr(b'"', &rest[close..])?;
                if rest.get(close + 1) != Some(&b'"') {
                    break;
                }
                close += 2;
            }
            inside += breaks_in_cell(&rest[hit + 1..close]);
            match rest.get(close + 1) {
                Some(b',') => at = close + 1,
                Some(b'\r' | b'\n') | None => break close + 1,
                Some(_) => return None,
            }
        };
        Some((self.breaks + 1, &rest[..end], inside))
    }

    /// Steps past the record of `len` bytes that [`Records::next_plain`] returned, with `inside`
    /// line breaks inside its quotes, and past its own line break.
    #[inline(always)]
    pub(crate) fn take_plain(&mut self, len: usize, inside: u64) {
        self.breaks += inside;
        let bytes = self.bytes;
        let mut at = self.pos + len;
        match bytes.get(at) {
            Some(b'\r') if bytes.get(at + 1) == Some(&b'\n') => at += 2,
            Some(_) => at += 1,
            None => {}
        }
        let terminated = at > self.pos + len;
        self.breaks += u64::from(terminated);
        self.last_cr = terminated && bytes[at - 1] == b'\r';
        self.pos = at;
    }

    /// Splits the next record into `record` and returns the line where it starts; `None` at the end.
    /// The end of the bytes is the end of the file: a record cut there ends there.
    pub(crate) fn next_record(&mut self, record: &mut RawRecord<'a>) -> Option<u64> {
        let bytes = self.bytes;
        let len = bytes.len();
        // Blank lines between records are skipped.
        let mut start = self.pos;
        while start < len && is_break(bytes[start]) {
            start += 1;
        }
        self.breaks += count_breaks(&bytes[self.pos..start], &mut self.last_cr);
        self.pos = start;
        if start == len {
            return None;
        }
        let line = self.breaks + 1;
        record.clear();
        let mut at = start;
        let terminated = loop {
            // The start of a cell.
            let Some(&first) = bytes.get(at) else {
                // After a `,` at the very end: one more empty cell.
                record.push(at, at);
                break false;
            };
            let end = if first == b'"' {
                self.quoted(record, at + 1)
            } else {
                let end = cell_end(bytes, at);
                record.push(at, end);
                end
            };
            match bytes.get(end) {
                Some(b',') => at = end + 1,
                Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => {
                    at = end + 2;
                    break true;
                }
                Some(_) => {
                    at = end + 1;
                    break true;
                }
                None => {
                    at = end;
                    break false;
                }
            }
        };
        // The record's own line break counts once (`\r\n` too); inside quotes the breaks were
        // counted as the cell was read, and there is no other line break in a record.
        self.breaks += u64::from(terminated);
        self.last_cr = terminated && bytes[at - 1] == b'\r';
        self.pos = at;
        Some(line)
    }

    /// Reads a quoted cell whose content starts at `at` (just after the opening quote) into `record`;
    /// returns the position after the cell (at a `,`, a line break or the end).
    fn quoted(&mut self, record: &mut RawRecord<'a>, mut at: usize) -> usize {
        let bytes = self.bytes;
        let content = at;
        let own_start = record.own.len();
        let mut escaped = false;
        loop {
            let close = memchr::memchr(b'"', &bytes[at..]).map_or(bytes.len(), |i| at + i);
            // Each piece follows a quote, so no `\r` before it pairs with a `\n` in it.
            self.breaks += count_breaks(&bytes[at..close], &mut false);
            if bytes.get(close + 1) == Some(&b'"') {
                // `""`: one quote in the cell.
                record.own.extend_from_slice(&bytes[at..=close]);
                escaped = true;
                at = close + 2;
                continue;
            }
            // After the closing quote, anything up to the end of the cell belongs to it. (A quote
            // left open runs to the end of the file.)
            let tail = (close + 1).min(bytes.len());
            let end = match bytes.get(tail) {
                None | Some(b',' | b'\r' | b'\n') => tail,
                Some(_) => cell_end(bytes, tail),
            };
            if !escaped && end == tail {
                record.push(content, close);
            } else {
                record.own.extend_from_slice(&bytes[at..close]);
                record.own.extend_from_slice(&bytes[tail..end]);
                record.push_own(own_start);
            }
            return end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Bytes that make CSV hard: quotes, separators and every kind of line end.
    fn awkward() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            prop_oneof![
                Just(b'a'),
                Just(b'b'),
                Just(b','),
                Just(b'"'),
                Just(b'\r'),
                Just(b'\n'),
                Just(b' '),
            ],
            0..120,
        )
    }

    /// The records as the `csv` crate reads them, configured as the importer configures it, each
    /// with the line where it starts by the importer's rule: the first byte after the previous
    /// record that is not a line end.
    fn reference(bytes: &[u8]) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut out = Vec::new();
        let mut end = 0;
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record).unwrap() {
            let start = (end..bytes.len())
                .find(|i| !is_break(bytes[*i]))
                .unwrap_or(bytes.len());
            let line = 1 + count_breaks(&bytes[..start], &mut false);
            out.push((line, record.iter().map(<[u8]>::to_vec).collect()));
            end = reader.position().byte() as usize;
        }
        out
    }

    /// The records as [`Records`] reads `bytes`, starting `breaks` breaks into the file.
    fn split(bytes: &[u8], breaks: u64, last_cr: bool) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut records = Records::new(bytes, breaks, last_cr);
        let mut record = RawRecord::new(bytes);
        let mut out = Vec::new();
        while let Some(line) = records.next_record(&mut record) {
            let cells = (0..record.count())
                .map(|i| record.cell(i).to_vec())
                .collect();
            out.push((line, cells));
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn records_are_the_csv_readers(bytes in awkward()) {
            prop_assert_eq!(split(&bytes, 0, false), reference(&bytes));
        }

        #[test]
        fn a_chunk_ends_where_a_record_ends(bytes in awkward()) {
            let whole = reference(&bytes);
            for cut in 0..=bytes.len() {
                let Some(end) = last_record_end(&bytes[..cut]) else {
                    continue;
                };
                prop_assert!(end > 0 && end <= cut);
                let mut last_cr = false;
                let breaks = count_breaks(&bytes[..end], &mut last_cr);
                let mut parts = split(&bytes[..end], 0, false);
                parts.extend(split(&bytes[end..], breaks, last_cr));
                prop_assert_eq!(&parts, &whole, "cut at {}", end);
            }
        }
    }

    #[test]
    fn a_quoted_line_break_is_not_the_end_of_a_record() {
        assert_eq!(last_record_end(b"a,\"x\ny\"\nb,\"p\nq"), Some(8));
        assert_eq!(last_record_end(b"a,\"x\ny"), None);
        // A quote inside an unquoted cell is a character: the line break ends the record.
        assert_eq!(last_record_end(b"a\"b\nc"), Some(4));
        // `""` is a quote inside the quoted cell, which is still open.
        assert_eq!(last_record_end(b"\"a\"\"\nb"), None);
        // Whether the last quote closes the cell is not known yet.
        assert_eq!(last_record_end(b"x\n\"a\""), Some(2));
    }
}
