//! The responses CSV (`responses-csv.md`): streaming import with row-by-row reporting, and export.
//!
//! This module owns the file format: BOM and line ends, header matching, the formula-injection guard,
//! duplicate ids, bad-row reports with physical line numbers, and the refusals that reject a file whole.
//! Cells are read into answers by [`Response`]'s cell reader, so codes and labels come from the
//! instrument and are spelt nowhere here.
//!
//! It must never score or aggregate, never drop or change a row silently (every row is imported or
//! reported), and never hold the whole file: [`CsvImporter`] reads any [`Read`] record by record, so
//! memory is the current record, the set of ids seen (needed to report duplicates) and the report of
//! rejected rows (capped, see [`ImportOptions::max_listed_rejections`]).
//!
//! **Streaming callers:** a file can still be refused whole after some responses were yielded (a
//! non-UTF-8 byte or the size limit further down). Stage what the importer yields and commit it only
//! after the importer finishes without error; [`import_csv`] does exactly that.
//!
//! Besides the columns of `responses-csv.md`, export writes an `instrument` column (`id/version`, e.g.
//! `state-of-collaboration/1`) so that every exported response carries the instrument version; import
//! reads it when present and assumes the current instrument when it is absent.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::io::{self, Read, Write};

use serde::Serialize;

use super::error::{ExportError, ImportError, RejectReason};
use super::instrument::{AnswerOption, Field, FieldKind, InstrumentVersion, ShowWhen, YesNo};
use super::intake::{self, count_breaks, TextReader};
use super::response::Response;

/// Largest file accepted by default: 64 MiB (the format requires at least 50 MB).
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// How many rejected rows are listed in detail by default; further ones are only counted, so that a
/// file of a million bad rows cannot exhaust memory.
pub const MAX_LISTED_REJECTIONS: usize = 10_000;

pub use super::intake::{RowProblem, ID_COLUMN, INSTRUMENT_COLUMN, SUBMITTED_AT_COLUMN};

const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// Capacity of the CSV reader's buffer; the line bookkeeping below depends on it.
const READ_BUFFER: usize = 64 * 1024;

/// Options of an import.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Ids already in the group: rows with these ids are reported as duplicates and not imported.
    pub existing_ids: HashSet<String>,
    /// Files larger than this are refused whole.
    pub max_bytes: u64,
    /// The file's size when the caller knows it (browser `File.size`, file metadata), so that a file
    /// over the limit is refused before anything is read.
    pub declared_len: Option<u64>,
    /// Rejected rows listed in detail; further ones are counted.
    pub max_listed_rejections: usize,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            existing_ids: HashSet::new(),
            max_bytes: MAX_IMPORT_BYTES,
            declared_len: None,
            max_listed_rejections: MAX_LISTED_REJECTIONS,
        }
    }
}

impl ImportOptions {
    /// Sets the ids already in the group.
    pub fn with_existing_ids(mut self, ids: impl IntoIterator<Item = String>) -> Self {
        self.existing_ids = ids.into_iter().collect();
        self
    }
}

/// A row that was reported and not imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RejectedRow {
    /// Physical line where the record starts (1-based; the header is line 1).
    pub line: u64,
    /// The row's response id, if it has one.
    pub response_id: Option<String>,
    /// Every problem found, in column order.
    pub problems: Vec<RowProblem>,
}

impl RejectedRow {
    /// True when the row was refused only because its id is taken.
    pub fn is_duplicate(&self) -> bool {
        self.problems.iter().any(|p| p.reason.is_duplicate())
    }
}

/// What an import did, for the person who imported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Data rows read (header excluded).
    pub rows_read: u64,
    /// Rows imported.
    pub imported: u64,
    /// Rows imported without an id, which got one assigned.
    pub assigned_ids: u64,
    /// Rows not imported (duplicates included).
    pub rejected_count: u64,
    /// Of those, duplicates.
    pub duplicate_count: u64,
    /// Rejected rows in line order, up to [`ImportOptions::max_listed_rejections`].
    pub rejected: Vec<RejectedRow>,
    /// Header columns that are not part of the format, as written; their cells are ignored.
    pub unknown_columns: Vec<String>,
}

impl ImportSummary {
    /// Rejected rows counted but not listed.
    pub fn unlisted_rejections(&self) -> u64 {
        self.rejected_count - self.rejected.len() as u64
    }

    /// Counts a rejected row, and lists it while fewer than `max_listed` are listed.
    pub(crate) fn reject(&mut self, row: RejectedRow, max_listed: usize) {
        self.rejected_count += 1;
        if row.is_duplicate() {
            self.duplicate_count += 1;
        }
        if self.rejected.len() < max_listed {
            self.rejected.push(row);
        }
    }

    /// The listed duplicates.
    pub fn duplicates(&self) -> impl Iterator<Item = &RejectedRow> {
        self.rejected.iter().filter(|r| r.is_duplicate())
    }
}

/// Progress of a running import (for a progress bar over the file size).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportProgress {
    /// Bytes read from the source so far.
    pub bytes_read: u64,
    /// Data rows read.
    pub rows_read: u64,
    /// Rows imported.
    pub imported: u64,
    /// Rows rejected.
    pub rejected: u64,
}

/// Adds what the CSV reader cannot: the text rules of [`intake`](super::intake) (encoding, the size
/// limit), byte counting, and the physical line where each record starts.
///
/// Lines are counted here, not by the CSV reader, because the reader counts only `\n` (a file with
/// bare `\r` line ends would be "line 1" throughout) and can only say where a record ends (an
/// unterminated quote runs to the end of the file). Bytes are scanned in order, each once, as the
/// reader consumes them: the first byte after a record's end that is not a line end starts the next
/// record, and its line is noted then, however long the record turns out to be.
struct Source<R> {
    text: TextReader<R>,
    /// The last `ring.len()` bytes handed to the CSV reader, indexed by offset modulo the length.
    ring: Vec<u8>,
    out_total: u64,
    /// Bytes scanned for line breaks so far (never past what the reader consumed).
    scanned: u64,
    /// Line breaks in the bytes scanned.
    breaks: u64,
    last_cr: bool,
    /// Set after each record: the next byte scanned that is not a line end starts a record.
    awaiting_record: bool,
    /// The line where the record being read starts.
    record_line: u64,
}

impl<R: Read> Source<R> {
    fn new(inner: R, limit: u64) -> Self {
        Source {
            text: TextReader::new(inner, limit),
            // The CSV reader holds at most READ_BUFFER bytes it has not consumed, so every byte it
            // has not consumed is within the last READ_BUFFER bytes handed to it.
            ring: vec![0; 2 * READ_BUFFER],
            out_total: 0,
            scanned: 0,
            breaks: 0,
            last_cr: false,
            awaiting_record: true,
            record_line: 1,
        }
    }

    /// Scans the bytes up to offset `to` (exclusive) for line breaks and record starts.
    fn scan_to(&mut self, to: u64) {
        let window = self.ring.len() as u64;
        let to = to.min(self.out_total);
        // Bytes that left the window were consumed long ago and scanned before they were
        // overwritten (see `read`), so `scanned` is never behind the window.
        while self.scanned < to {
            let at = (self.scanned % window) as usize;
            let len = ((to - self.scanned) as usize).min(self.ring.len() - at);
            let mut bytes = &self.ring[at..at + len];
            if self.awaiting_record {
                let blank = bytes
                    .iter()
                    .position(|b| *b != b'\r' && *b != b'\n')
                    .unwrap_or(bytes.len());
                self.breaks += count_breaks(&bytes[..blank], &mut self.last_cr);
                if blank < bytes.len() {
                    self.awaiting_record = false;
                    self.record_line = self.breaks + 1;
                }
                bytes = &bytes[blank..];
            }
            self.breaks += count_breaks(bytes, &mut self.last_cr);
            self.scanned += len as u64;
        }
    }

    /// The line where the record that ends at `end` starts; the next byte that is not a line end
    /// then starts the next record.
    fn finish_record(&mut self, end: u64) -> u64 {
        self.scan_to(end);
        let line = if self.awaiting_record {
            self.breaks + 1
        } else {
            self.record_line
        };
        self.awaiting_record = true;
        line
    }

    /// The line of the first byte not yet handed out (where a text problem lies).
    fn line_at_end(&mut self) -> u64 {
        self.scan_to(self.out_total);
        self.breaks + 1
    }
}

impl<R: Read> Read for Source<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.text.read(buf)?;
        // Scan what is about to be overwritten in the window (the reader consumed it already).
        let keep_from = (self.out_total + n as u64).saturating_sub(self.ring.len() as u64);
        self.scan_to(keep_from);
        let mut at = (self.out_total % self.ring.len() as u64) as usize;
        let mut rest = &buf[..n];
        while !rest.is_empty() {
            let k = (self.ring.len() - at).min(rest.len());
            self.ring[at..at + k].copy_from_slice(&rest[..k]);
            rest = &rest[k..];
            at = 0;
        }
        self.out_total += n as u64;
        Ok(n)
    }
}

/// What a header column is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Column {
    Id,
    SubmittedAt,
    Instrument,
    Field(Field),
    Unknown,
}

impl Column {
    fn from_name(name: &str) -> Column {
        match name {
            ID_COLUMN => Column::Id,
            SUBMITTED_AT_COLUMN => Column::SubmittedAt,
            INSTRUMENT_COLUMN => Column::Instrument,
            other => Field::from_column(other).map_or(Column::Unknown, Column::Field),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Column::Id => ID_COLUMN,
            Column::SubmittedAt => SUBMITTED_AT_COLUMN,
            Column::Instrument => INSTRUMENT_COLUMN,
            Column::Field(f) => f.column(),
            Column::Unknown => "",
        }
    }
}

/// In the map of ids seen: the line where an id was imported, or this for ids already in the group.
/// (Lines start at 1. A bare `u64` and `Box<str>` keys keep the map small: at a million responses it
/// is most of the importer's memory.)
pub(crate) const IN_GROUP: u64 = 0;

/// A streaming importer: reads the header on creation (refusing the file whole if it is not a
/// responses file), then yields imported responses one at a time or in batches.
///
/// Iterating yields `Ok(response)` for each imported row (rejected rows go to the summary) and at most
/// one `Err` (the file is refused whole), after which it ends. See the module doc on staging.
pub struct CsvImporter<R: Read> {
    reader: csv::Reader<Source<R>>,
    rows: RowReader,
    record: csv::ByteRecord,
    seen: HashMap<Box<str>, u64>,
    summary: ImportSummary,
    max_listed: usize,
    finished: bool,
}

impl<R: Read> CsvImporter<R> {
    /// Opens an import: checks the declared size, reads and checks the header.
    pub fn new(source: R, options: ImportOptions) -> Result<Self, ImportError> {
        if options
            .declared_len
            .is_some_and(|len| len > options.max_bytes)
        {
            return Err(ImportError::TooLarge {
                limit: options.max_bytes,
            });
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(READ_BUFFER)
            .from_reader(Source::new(source, options.max_bytes));
        let mut header = csv::ByteRecord::new();
        let has_header = match reader.read_byte_record(&mut header) {
            Ok(more) => more,
            Err(e) => return Err(read_error(&mut reader, e)),
        };
        if !has_header {
            return Err(ImportError::NoHeader);
        }
        let line = record_line(&mut reader);
        let names = header
            .iter()
            .map(|f| std::str::from_utf8(f).map(|s| s.trim().to_string()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| ImportError::NotUtf8 { line })?;
        if names.iter().all(String::is_empty) {
            return Err(ImportError::NoHeader);
        }

        let mut summary = ImportSummary::default();
        let mut columns = Vec::with_capacity(names.len());
        let mut positions: HashMap<Column, usize> = HashMap::new();
        for (i, name) in names.iter().enumerate() {
            let column = Column::from_name(&name.to_lowercase());
            if column == Column::Unknown {
                summary.unknown_columns.push(if name.is_empty() {
                    format!("(column {} has no name)", i + 1)
                } else {
                    name.clone()
                });
            } else if let Some(first) = positions.insert(column, i) {
                return Err(ImportError::DuplicateColumn {
                    column: column.name().to_string(),
                    first: first + 1,
                    second: i + 1,
                });
            }
            columns.push(column);
        }
        if !columns
            .iter()
            .any(|c| matches!(c, Column::Field(Field::Score(..))))
        {
            return Err(ImportError::NotResponsesFile);
        }

        let seen = options
            .existing_ids
            .into_iter()
            .map(|id| (id.into_boxed_str(), IN_GROUP))
            .collect();
        Ok(CsvImporter {
            reader,
            rows: RowReader::new(columns),
            record: csv::ByteRecord::new(),
            seen,
            summary,
            max_listed: options.max_listed_rejections,
            finished: false,
        })
    }

    /// Header columns that are not part of the format (known as soon as the importer is open).
    pub fn unknown_columns(&self) -> &[String] {
        &self.summary.unknown_columns
    }

    /// The summary so far.
    pub fn summary(&self) -> &ImportSummary {
        &self.summary
    }

    /// Progress so far.
    pub fn progress(&self) -> ImportProgress {
        ImportProgress {
            bytes_read: self.reader.get_ref().text.read_total(),
            rows_read: self.summary.rows_read,
            imported: self.summary.imported,
            rejected: self.summary.rejected_count,
        }
    }

    /// True once the whole file has been read (or refused).
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Reads up to `max_rows` more rows and returns those imported. An empty result does not mean
    /// the end (all rows read may have been rejected): check [`CsvImporter::is_finished`].
    pub fn next_batch(&mut self, max_rows: usize) -> Result<Vec<Response>, ImportError> {
        let mut out = Vec::new();
        for _ in 0..max_rows {
            match self.next_row()? {
                None => break,
                Some(Some(response)) => out.push(response),
                Some(None) => {}
            }
        }
        Ok(out)
    }

    /// Reads the rest of the file and returns the summary.
    pub fn finish(mut self) -> Result<ImportSummary, ImportError> {
        while self.next_row()?.is_some() {}
        Ok(self.summary)
    }

    /// One row: `None` at the end, `Some(None)` for a rejected row, `Some(Some(r))` for an import.
    fn next_row(&mut self) -> Result<Option<Option<Response>>, ImportError> {
        if self.finished {
            return Ok(None);
        }
        let more = match self.reader.read_byte_record(&mut self.record) {
            Ok(more) => more,
            Err(e) => {
                self.finished = true;
                return Err(read_error(&mut self.reader, e));
            }
        };
        if !more {
            self.finished = true;
            return Ok(None);
        }
        self.summary.rows_read += 1;
        let line = record_line(&mut self.reader);
        let mut response = Response::new(String::new());
        let outcome = self
            .rows
            .read_row(&self.record, line, &mut response)
            .and_then(|has_id| {
                first_time(&mut self.seen, &response.id, line, has_id)?;
                self.summary.assigned_ids += u64::from(!has_id);
                Ok(response)
            });
        match outcome {
            Err(RowOutcome::Refused(e)) => {
                self.finished = true;
                Err(e)
            }
            Err(RowOutcome::Rejected(row)) => {
                self.summary.reject(row, self.max_listed);
                Ok(Some(None))
            }
            Ok(response) => {
                self.summary.imported += 1;
                Ok(Some(Some(response)))
            }
        }
    }

    /// What a reader that goes on from the first data row by itself needs (see `engine::report`):
    /// the row reader, the summary so far (unknown columns), and where the header ended.
    pub(crate) fn into_data_start(mut self) -> DataStart {
        let offset = self.reader.position().byte();
        let source = self.reader.get_mut();
        source.scan_to(offset);
        DataStart {
            encoding: source.text.encoding(),
            text_offset: offset,
            breaks: source.breaks,
            last_cr: source.last_cr,
            rows: self.rows,
            summary: self.summary,
        }
    }
}

/// Where the data rows of a file start, once its header has been read.
pub(crate) struct DataStart {
    /// The file's encoding (known once its first bytes were read).
    pub encoding: Option<intake::Encoding>,
    /// Bytes of text before the first data row (after a byte-order mark).
    pub text_offset: u64,
    /// Line breaks in those bytes.
    pub breaks: u64,
    /// Whether the last of those bytes is `\r` (so that a `\n` next is not a second break).
    pub last_cr: bool,
    /// Reads the rows.
    pub rows: RowReader,
    /// The summary so far: the unknown columns.
    pub summary: ImportSummary,
}

/// The cells of one record, however it was split: by the CSV reader, or from a chunk of a file read
/// on several threads.
pub(crate) trait Cells {
    /// How many cells.
    fn count(&self) -> usize;
    /// Cell `i` (`i < count()`), as bytes.
    fn cell(&self, i: usize) -> &[u8];
    /// True when every cell is UTF-8.
    fn is_utf8(&self) -> bool {
        (0..self.count()).all(|i| std::str::from_utf8(self.cell(i)).is_ok())
    }
}

impl Cells for csv::ByteRecord {
    fn count(&self) -> usize {
        self.len()
    }

    fn cell(&self, i: usize) -> &[u8] {
        &self[i]
    }

    fn is_utf8(&self) -> bool {
        // All of a record's cells ASCII is the common case, checked at once.
        self.as_slice().is_ascii() || self.iter().all(|cell| std::str::from_utf8(cell).is_ok())
    }
}

/// The position of the next `,` at or after `at`, or the end: eight bytes at a time, for the long
/// cells (dates, ids, lists of codes).
#[inline(always)]
fn next_comma(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const COMMAS: u64 = ONES * b',' as u64;
    while let Some(word) = bytes.get(at..at + 8) {
        let mut w = [0; 8];
        w.copy_from_slice(word);
        let x = u64::from_le_bytes(w) ^ COMMAS;
        // The lowest marked byte is the first `,` (the marks above it may be wrong; unused).
        let hits = x.wrapping_sub(ONES) & !x & (ONES << 7);
        if hits != 0 {
            return at + (hits.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && bytes[at] != b',' {
        at += 1;
    }
    at
}

/// A cell already known to be UTF-8 as text.
#[inline(always)]
fn text(cell: &[u8]) -> &str {
    std::str::from_utf8(cell).unwrap_or_default()
}

/// How a cell of a choice column is read without the general reader: the codes export writes, found
/// in one of the row reader's tables (columns with the same options, such as the sixteen ratings,
/// share one, so that the tables stay in the processor's nearest cache).
#[derive(Clone, Copy, Debug)]
enum Codes {
    /// Not a choice column.
    None,
    /// One code (single choice or rating), in the table with this index.
    One(usize),
    /// Codes joined by `;` (multiple choice).
    Many(usize),
}

/// What a cell of a choice column holds, read the quick way.
enum Quick {
    Index(Option<usize>),
    Bits(u32),
}

impl Codes {
    /// The codes of `column`, its table added to `tables` unless one for its options is there.
    fn of(column: Column, tables: &mut Vec<CodeTable>) -> Codes {
        let (options, many) = match column {
            Column::Field(field) => match field.kind() {
                FieldKind::Single(options) => (options, false),
                FieldKind::Scale(scale) => (scale.options(), false),
                FieldKind::Multiple(options) => (options, true),
                FieldKind::Text { .. } => return Codes::None,
            },
            _ => return Codes::None,
        };
        let table = match tables.iter().position(|t| std::ptr::eq(t.options, options)) {
            Some(i) => i,
            None => {
                tables.push(CodeTable::new(options));
                tables.len() - 1
            }
        };
        if many {
            Codes::Many(table)
        } else {
            Codes::One(table)
        }
    }

    /// The answer of a cell that is empty or holds exactly the codes export writes; `None` for
    /// anything else (labels, other letter cases, spaces, a formula guard, an unknown code), which
    /// the general reader then reads, or rejects, as it always has. For these cells it gives what
    /// the general reader gives: an exact code is found first there too.
    #[inline(always)]
    fn read(self, tables: &[CodeTable], within: &[u8], start: usize, end: usize) -> Option<Quick> {
        match self {
            Codes::None => None,
            Codes::One(_) if start == end => Some(Quick::Index(None)),
            Codes::One(table) => tables[table]
                .find(within, start, end)
                .map(|i| Quick::Index(Some(i))),
            Codes::Many(table) => {
                let table = &tables[table];
                let mut bits = 0u32;
                let mut at = start;
                while at < end {
                    let mut item = at;
                    while item < end && within[item] != b';' {
                        item += 1;
                    }
                    bits |= 1 << table.find(within, at, item)?;
                    at = item + 1;
                }
                Some(Quick::Bits(bits))
            }
        }
    }
}

/// The codes of one question, found from a cell's bytes in a few steps: a small open-addressing
/// table keyed on the cell's length and three of its bytes, each code's first eight bytes kept as
/// one number to compare at once.
///
/// Written with plain loops and inlined by hand: this runs for almost every cell of a large file, and
/// the release profile optimises for size (for the browser's sake), which leaves iterator adapters
/// and small functions as calls.
#[derive(Clone, Debug)]
struct CodeTable {
    options: &'static [AnswerOption],
    /// An option's index + 1, or 0 for a free slot.
    slots: [u8; CodeTable::SLOTS],
    /// Per option: its code's first eight bytes (little-endian, zeros after the end) and length.
    heads: [u64; CodeTable::SLOTS / 2],
    lens: [u8; CodeTable::SLOTS / 2],
    /// For one-byte codes (the ratings' "0"–"3"), the option's index + 1 by the byte: no search.
    bytes: [u8; 256],
}

impl CodeTable {
    /// More than twice the options of any question (choices are fewer than 32).
    const SLOTS: usize = 64;

    fn new(options: &'static [AnswerOption]) -> CodeTable {
        let mut table = CodeTable {
            options,
            slots: [0; CodeTable::SLOTS],
            heads: [0; CodeTable::SLOTS / 2],
            lens: [0; CodeTable::SLOTS / 2],
            bytes: [0; 256],
        };
        for (i, option) in options.iter().enumerate().take(CodeTable::SLOTS / 2) {
            let code = option.code.as_bytes();
            let mut slot = Self::key(code);
            while table.slots[slot] != 0 {
                slot = (slot + 1) % CodeTable::SLOTS;
            }
            table.slots[slot] = i as u8 + 1;
            table.heads[i] = head(code, 0, code.len());
            table.lens[i] = code.len().min(255) as u8;
            if let [byte] = code {
                // The first option with this code, as everywhere else.
                if table.bytes[usize::from(*byte)] == 0 {
                    table.bytes[usize::from(*byte)] = i as u8 + 1;
                }
            }
        }
        table
    }

    #[inline(always)]
    fn key(cell: &[u8]) -> usize {
        let n = cell.len();
        if n == 0 {
            return 0;
        }
        let (first, middle, last) = (cell[0], cell[n / 2], cell[n - 1]);
        (n.wrapping_mul(7)
            ^ usize::from(first).wrapping_mul(31)
            ^ usize::from(middle).wrapping_mul(17)
            ^ usize::from(last).wrapping_mul(131))
            % CodeTable::SLOTS
    }

    /// The index of the option whose code is exactly `within[start..end]` (the cell; bytes after
    /// it let its head be read in one load).
    #[inline(always)]
    fn find(&self, within: &[u8], start: usize, end: usize) -> Option<usize> {
        let cell = &within[start..end];
        let n = cell.len();
        if n == 1 {
            return usize::from(self.bytes[usize::from(cell[0])]).checked_sub(1);
        }
        let cell_head = head(within, start, end);
        let mut slot = Self::key(cell);
        loop {
            let i = usize::from(self.slots[slot]).checked_sub(1)?;
            if usize::from(self.lens[i]) == n && self.heads[i] == cell_head {
                // Past the head: codes longer than eight bytes, compared byte by byte.
                let code = self.options[i].code.as_bytes();
                let mut k = 8;
                while k < n && code[k] == cell[k] {
                    k += 1;
                }
                if k >= n {
                    return Some(i);
                }
            }
            slot = (slot + 1) % CodeTable::SLOTS;
        }
    }
}

/// The first (up to) eight bytes of `bytes[start..end]` as a little-endian number, zeros after the
/// end: one load when eight bytes are there to read.
#[inline(always)]
fn head(bytes: &[u8], start: usize, end: usize) -> u64 {
    let n = (end - start).min(8);
    if let Some(word) = bytes.get(start..start + 8) {
        let mut w = [0; 8];
        w.copy_from_slice(word);
        let word = u64::from_le_bytes(w);
        return if n == 8 {
            word
        } else {
            word & ((1 << (8 * n)) - 1)
        };
    }
    let mut word = 0;
    let mut k = 0;
    while k < n {
        word |= u64::from(bytes[start + k]) << (8 * k);
        k += 1;
    }
    word
}

/// Reads records into responses by the header's columns: every rule of a row except duplicate ids,
/// which depend on the rows before (the caller keeps the ids seen).
pub(crate) struct RowReader {
    columns: Vec<Column>,
    codes: Vec<Codes>,
    tables: Box<[CodeTable]>,
    /// The fields of the columns that q1 = no hides.
    hidden_by_no: Vec<Field>,
    id_position: Option<usize>,
    /// The current instrument as its column writes it.
    current_instrument: String,
}

impl RowReader {
    fn new(columns: Vec<Column>) -> RowReader {
        let mut tables = Vec::new();
        RowReader {
            hidden_by_no: columns
                .iter()
                .filter_map(|c| match c {
                    Column::Field(f) if f.shown_when() == ShowWhen::UnlessNoExample => Some(*f),
                    _ => None,
                })
                .collect(),
            codes: columns.iter().map(|c| Codes::of(*c, &mut tables)).collect(),
            tables: tables.into_boxed_slice(),
            id_position: columns.iter().position(|c| *c == Column::Id),
            columns,
            current_instrument: InstrumentVersion::current().to_string(),
        }
    }

    /// The id a row without one gets at `line` (see [`assigned_id`]).
    pub(crate) fn assigned_id(&self, line: u64, cells: &impl Cells) -> String {
        assigned_id(line, cells)
    }

    /// Reads a simple record the quick way: its bytes without its line break, quotes only around
    /// whole cells (see `csv_split::Records::next_plain`). When every cell is as export writes it and the row passes
    /// every check, fills `response` exactly as [`RowReader::read_row`] would and returns
    /// `Some(true)` (the row has its own id); `None` for anything else, which `read_row` then reads
    /// from the start. The bytes must be UTF-8 (a chunk is checked whole before it is split).
    pub(crate) fn read_plain(&self, bytes: &[u8], response: &mut Response) -> Option<bool> {
        self.id_position?;
        let mut spare_time = response.submitted_at.take();
        response.reset();
        let mut at = 0;
        for (i, (column, codes)) in self.columns.iter().zip(&self.codes).enumerate() {
            if i > 0 {
                // Past the `,` that ended the previous cell; fewer cells than columns is for
                // `read_row` to report.
                if at >= bytes.len() || bytes[at] != b',' {
                    return None;
                }
                at += 1;
            }
            let mut escaped = false;
            let (start, end) = if bytes.get(at) == Some(&b'"') {
                let start = at + 1;
                at = start;
                while at < bytes.len() {
                    if bytes[at] == b'"' {
                        if bytes.get(at + 1) != Some(&b'"') {
                            break;
                        }
                        escaped = true;
                        at += 1;
                    }
                    at += 1;
                }
                let end = at;
                at += 1;
                (start, end)
            } else {
                let start = at;
                at = next_comma(bytes, at);
                (start, at)
            };
            let cell = bytes.get(start..end)?;
            if escaped {
                // `""` inside quotes: only free text is read here, with its quotes made single.
                let Column::Field(field) = column else {
                    return None;
                };
                if !matches!(codes, Codes::None) {
                    return None;
                }
                let unescaped = text(cell).replace("\"\"", "\"");
                response
                    .read_cell(*field, unguard_formula(&unescaped))
                    .ok()?;
                continue;
            }
            match column {
                Column::Unknown => {}
                Column::Id => {
                    let id = unguard_formula(text(cell)).trim();
                    if id.is_empty() {
                        return None;
                    }
                    response.id.push_str(id);
                }
                Column::SubmittedAt => {
                    response.set_submitted_at(unguard_formula(text(cell)).trim(), spare_time.take())
                }
                Column::Instrument => {
                    // As export writes it, or empty: the current instrument, which `reset` left.
                    if !cell.is_empty() && cell != self.current_instrument.as_bytes() {
                        return None;
                    }
                }
                Column::Field(field) => match codes.read(&self.tables, bytes, start, end) {
                    Some(Quick::Index(index)) => response.set_read_index(*field, index),
                    Some(Quick::Bits(bits)) => response.set_read_bits(*field, bits),
                    None if matches!(codes, Codes::None) => response
                        .read_cell(*field, unguard_formula(text(cell)))
                        .ok()?,
                    None => return None,
                },
            }
        }
        // More cells than columns is for `read_row` to report.
        if at != bytes.len() || !intake::check(response).is_empty() {
            return None;
        }
        if response.answers().q1() == Some(YesNo::No)
            && self
                .hidden_by_no
                .iter()
                .any(|f| response.answers().is_stored(*f))
        {
            return None;
        }
        Some(true)
    }

    /// Reads one record, found at `line`, into `response` (emptied first, its buffers kept). `Ok`
    /// says whether the row has its own id (else one was assigned); the row may still turn out to
    /// be a duplicate.
    pub(crate) fn read_row(
        &self,
        cells: &impl Cells,
        line: u64,
        response: &mut Response,
    ) -> Result<bool, RowOutcome> {
        if !cells.is_utf8() {
            return Err(RowOutcome::Refused(ImportError::NotUtf8 { line }));
        }
        let count = cells.count();
        let id_cell = self
            .id_position
            .filter(|i| *i < count)
            .map(|i| unguard_formula(text(cells.cell(i))).trim())
            .filter(|c| !c.is_empty());
        let reject = |problems: Vec<RowProblem>| {
            RowOutcome::Rejected(RejectedRow {
                line,
                response_id: id_cell.map(str::to_string),
                problems,
            })
        };
        if count != self.columns.len() {
            return Err(reject(vec![RowProblem {
                column: None,
                value: None,
                reason: RejectReason::FieldCount {
                    found: count,
                    expected: self.columns.len(),
                },
            }]));
        }
        if (0..count).all(|i| text(cells.cell(i)).trim().is_empty()) {
            return Err(reject(vec![RowProblem {
                column: None,
                value: None,
                reason: RejectReason::EmptyRow,
            }]));
        }

        let mut spare_time = response.submitted_at.take();
        response.reset();
        match id_cell {
            Some(id) => response.id.push_str(id),
            None => response.id = assigned_id(line, cells),
        }
        // (column position, problem): read problems and those of the common checks, in column order.
        let mut problems: Vec<(usize, RowProblem)> = Vec::new();
        for (i, (column, codes)) in self.columns.iter().zip(&self.codes).enumerate() {
            let bytes = cells.cell(i);
            match column {
                Column::Id | Column::Unknown => {}
                Column::SubmittedAt => {
                    let at = unguard_formula(text(bytes)).trim();
                    // Judged by `intake::check` with every other route's submission times.
                    response.set_submitted_at(at, spare_time.take());
                }
                Column::Instrument => {
                    let raw = text(bytes);
                    let written = unguard_formula(raw).trim();
                    if written.is_empty() || written == self.current_instrument {
                        // The default, which `reset` left.
                        continue;
                    }
                    match InstrumentVersion::parse(written) {
                        Some(v) => response.instrument_version = v,
                        // Not even of the `id/version` form: no version to hand to the check.
                        None => problems.push((
                            i,
                            RowProblem {
                                column: Some(column.name().to_string()),
                                value: Some(raw.to_string()),
                                reason: RejectReason::OtherInstrument {
                                    found: written.to_string(),
                                    expected: InstrumentVersion::current().to_string(),
                                },
                            },
                        )),
                    }
                }
                Column::Field(field) => match codes.read(&self.tables, bytes, 0, bytes.len()) {
                    Some(Quick::Index(index)) => response.set_read_index(*field, index),
                    Some(Quick::Bits(bits)) => response.set_read_bits(*field, bits),
                    None => {
                        let raw = text(bytes);
                        if let Err(e) = response.read_cell(*field, unguard_formula(raw)) {
                            problems.push((
                                i,
                                RowProblem {
                                    column: Some(column.name().to_string()),
                                    value: Some(raw.to_string()),
                                    reason: e.into(),
                                },
                            ));
                        }
                    }
                },
            }
        }
        for mut problem in intake::check(response) {
            // The check sees the value as read; the report shows the cell as written.
            let position = problem
                .column
                .as_deref()
                .and_then(|name| self.columns.iter().position(|c| c.name() == name));
            if let Some(i) = position {
                problem.value = Some(text(cells.cell(i)).to_string());
            }
            problems.push((position.unwrap_or(usize::MAX), problem));
        }
        problems.sort_by_key(|(i, _)| *i);
        let mut problems: Vec<RowProblem> = problems.into_iter().map(|(_, p)| p).collect();
        // The branch: q1 = no skips q2–q6, so an answer there contradicts the row's own q1.
        if response.answers().q1() == Some(YesNo::No) {
            for (i, column) in self.columns.iter().enumerate() {
                if let Column::Field(field) = column {
                    if field.shown_when() == ShowWhen::UnlessNoExample
                        && response.answers().is_stored(*field)
                    {
                        problems.push(RowProblem {
                            column: Some(field.column().to_string()),
                            value: Some(text(cells.cell(i)).to_string()),
                            reason: RejectReason::AnsweredWhileHidden { field: *field },
                        });
                    }
                }
            }
        }
        if !problems.is_empty() {
            return Err(reject(problems));
        }
        Ok(id_cell.is_some())
    }
}

/// Notes in `seen` the id of a row that passed every other check, or rejects the row as a duplicate
/// of the line (or the group's response) `seen` holds for it.
pub(crate) fn first_time(
    seen: &mut HashMap<Box<str>, u64>,
    id: &str,
    line: u64,
    has_id: bool,
) -> Result<(), RowOutcome> {
    // One look-up for the usual new id (its key is needed then anyway).
    match seen.entry(id.into()) {
        Entry::Occupied(earlier) => Err(RowOutcome::Rejected(duplicate_row(
            line,
            has_id.then(|| id.to_string()),
            *earlier.get(),
        ))),
        Entry::Vacant(new) => {
            new.insert(line);
            Ok(())
        }
    }
}

/// The report of a row whose id was seen before (`earlier`: the line where it was imported, or
/// [`IN_GROUP`]).
pub(crate) fn duplicate_row(line: u64, response_id: Option<String>, earlier: u64) -> RejectedRow {
    let reason = match earlier {
        IN_GROUP => RejectReason::AlreadyInGroup,
        first_line => RejectReason::DuplicateInFile { first_line },
    };
    RejectedRow {
        line,
        response_id,
        problems: vec![duplicate(reason)],
    }
}

fn duplicate(reason: RejectReason) -> RowProblem {
    RowProblem {
        column: Some(ID_COLUMN.to_string()),
        value: None,
        reason,
    }
}

/// Why a row was not imported.
pub(crate) enum RowOutcome {
    /// The row is reported and the import goes on.
    Rejected(RejectedRow),
    /// The file is refused whole.
    Refused(ImportError),
}

impl<R: Read> Iterator for CsvImporter<R> {
    type Item = Result<Response, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.next_row() {
                Err(e) => return Some(Err(e)),
                Ok(None) => return None,
                Ok(Some(Some(r))) => return Some(Ok(r)),
                Ok(Some(None)) => {}
            }
        }
    }
}

fn read_error<R: Read>(reader: &mut csv::Reader<Source<R>>, e: csv::Error) -> ImportError {
    let source = reader.get_mut();
    if source.text.exceeded() {
        ImportError::TooLarge {
            limit: source.text.limit(),
        }
    } else if let Some(problem) = source.text.problem() {
        problem.at_line(source.line_at_end())
    } else {
        ImportError::Io(e.to_string())
    }
}

/// The physical line where the record just read starts (1-based).
fn record_line<R: Read>(reader: &mut csv::Reader<Source<R>>) -> u64 {
    let end = reader.position().byte();
    reader.get_mut().finish_record(end)
}

/// An id for a row without one: stable for the same row at the same line (so importing the same file
/// twice reports duplicates), different for different rows.
fn assigned_id(line: u64, cells: &impl Cells) -> String {
    // FNV-1a: tiny, deterministic across platforms and runs (unlike std's randomised hasher).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(&line.to_le_bytes());
    for i in 0..cells.count() {
        eat(cells.cell(i));
        eat(&[0x1f]);
    }
    format!("imported-{line}-{hash:016x}")
}

/// Reads a whole file into memory: the responses imported and the summary. Nothing is returned when
/// the file is refused, so a caller that stores the result stores all or nothing.
pub fn import_csv<R: Read>(source: R, options: ImportOptions) -> Result<CsvImport, ImportError> {
    let mut importer = CsvImporter::new(source, options)?;
    let responses = importer.by_ref().collect::<Result<Vec<_>, _>>()?;
    Ok(CsvImport {
        responses,
        summary: importer.summary,
    })
}

/// A whole import held in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvImport {
    /// Imported responses in file order.
    pub responses: Vec<Response>,
    /// What happened.
    pub summary: ImportSummary,
}

fn is_formula_trigger(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// The export guard against spreadsheet formula injection: a cell starting with `=`, `+`, `-`, `@`, tab
/// or carriage return gets a leading `'`.
///
/// So that import can always undo it exactly, a cell that starts with `'` followed by one of those
/// characters or by another `'` is prefixed too (otherwise importing `'=x` would give `=x`).
pub fn guard_formula(cell: &str) -> Cow<'_, str> {
    let mut chars = cell.chars();
    let needs = match chars.next() {
        Some(c) if is_formula_trigger(c) => true,
        Some('\'') => matches!(chars.next(), Some(c) if is_formula_trigger(c) || c == '\''),
        _ => false,
    };
    if needs {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Removes the export guard: a leading `'` followed by `=`, `+`, `-`, `@`, tab, carriage return or
/// another `'` is dropped. Exact inverse of [`guard_formula`].
#[inline]
pub fn unguard_formula(cell: &str) -> &str {
    // Almost no cell starts with the guard: that case is settled without a call.
    if cell.as_bytes().first() != Some(&b'\'') {
        return cell;
    }
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(|c: char| is_formula_trigger(c) || c == '\'') => rest,
        _ => cell,
    }
}

/// The header of an export: id, submission time, every field in column order, instrument.
pub fn export_header() -> Vec<&'static str> {
    let mut header = vec![ID_COLUMN, SUBMITTED_AT_COLUMN];
    header.extend(Field::ALL.iter().map(|f| f.column()));
    header.push(INSTRUMENT_COLUMN);
    header
}

/// A streaming exporter: UTF-8 with BOM, CRLF, every cell guarded; answers hidden by the q1 branch are
/// left out.
pub struct CsvExporter<W: Write> {
    writer: csv::Writer<W>,
    row: Vec<String>,
}

impl<W: Write> CsvExporter<W> {
    /// Writes the BOM and the header.
    pub fn new(mut destination: W) -> Result<Self, ExportError> {
        destination.write_all(&BOM)?;
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(destination);
        writer.write_record(export_header())?;
        Ok(CsvExporter {
            writer,
            row: Vec::with_capacity(Field::ALL.len() + 3),
        })
    }

    /// Writes one response.
    pub fn write(&mut self, response: &Response) -> Result<(), ExportError> {
        let a = response.answers();
        self.row.clear();
        self.row.push(guard_formula(&response.id).into_owned());
        self.row
            .push(guard_formula(response.submitted_at.as_deref().unwrap_or("")).into_owned());
        for field in Field::ALL {
            let cell = if a.is_shown(field) {
                a.cell(field)
            } else {
                Cow::Borrowed("")
            };
            self.row.push(guard_formula(&cell).into_owned());
        }
        self.row.push(response.instrument_version.to_string());
        self.writer.write_record(&self.row)?;
        Ok(())
    }

    /// Flushes and returns the destination.
    pub fn finish(self) -> Result<W, ExportError> {
        self.writer
            .into_inner()
            .map_err(|e| ExportError::Io(io::Error::other(e.to_string())))
    }
}

/// Exports responses to a writer.
pub fn export_csv<'a, W: Write>(
    destination: W,
    responses: impl IntoIterator<Item = &'a Response>,
) -> Result<W, ExportError> {
    let mut exporter = CsvExporter::new(destination)?;
    for r in responses {
        exporter.write(r)?;
    }
    exporter.finish()
}

/// Exports responses to bytes in memory (writing to memory cannot fail).
pub fn export_csv_bytes<'a>(responses: impl IntoIterator<Item = &'a Response>) -> Vec<u8> {
    export_csv(Vec::new(), responses).expect("writing CSV to a Vec<u8> cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_and_unguard_are_inverse() {
        let cases = [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@x", "'@x"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("''", "'''"),
            ("'hello", "'hello"),
            ("'", "'"),
            ("plain", "plain"),
            ("", ""),
        ];
        for (text, guarded) in cases {
            assert_eq!(guard_formula(text), guarded, "{text:?}");
            assert_eq!(unguard_formula(guarded), text, "{guarded:?}");
        }
    }

    #[test]
    fn lines_are_physical_lines_where_records_start() {
        let cases: [(&[u8], &[u64]); 5] = [
            (b"q13_places\n1\n2\n", &[2, 3]),
            (b"q13_places\r\n1\r\n2\r\n", &[2, 3]),
            (b"q13_places,q2\r\n\r\n1,\"a\r\nb\"\r\n\n\n2,x", &[3, 7]),
            (b"q13_places,q2\n1,\"a\n\nb\"\n2,\n", &[2, 5]),
            (b"\xEF\xBB\xBFq13_places\n\n\n3", &[4]),
        ];
        for (input, expected) in cases {
            // Rows without an id get `imported-<line>-<hash>`, which exposes the line computed.
            let lines: Vec<u64> = import_csv(input, ImportOptions::default())
                .unwrap()
                .responses
                .iter()
                .map(|r| r.id.split('-').nth(1).unwrap().parse().unwrap())
                .collect();
            assert_eq!(lines, expected, "{:?}", String::from_utf8_lossy(input));
        }
    }
}
