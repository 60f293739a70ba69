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
use std::collections::{HashMap, HashSet};
use std::io::{self, Read, Write};

use serde::{Serialize, Serializer};

use super::error::{ExportError, ImportError, RejectReason};
use super::instrument::{Field, InstrumentVersion, ShowWhen, YesNo};
use super::response::{is_iso8601_date_or_datetime, Response};

/// Largest file accepted by default: 64 MiB (the format requires at least 50 MB).
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// How many rejected rows are listed in detail by default; further ones are only counted, so that a
/// file of a million bad rows cannot exhaust memory.
pub const MAX_LISTED_REJECTIONS: usize = 10_000;

/// Column of the response id.
pub const ID_COLUMN: &str = "response_id";
/// Column of the submission time.
pub const SUBMITTED_AT_COLUMN: &str = "submitted_at";
/// Column of the instrument version (an addition to `responses-csv.md`, see the module doc).
pub const INSTRUMENT_COLUMN: &str = "instrument";

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

fn ser_reason<S: Serializer>(reason: &RejectReason, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(reason)
}

/// One problem of a rejected row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    /// The column concerned (header name, lower case), or `None` for the row as a whole.
    pub column: Option<String>,
    /// The cell as written, when a cell is concerned.
    pub value: Option<String>,
    /// Why (serialised as its message).
    #[serde(serialize_with = "ser_reason")]
    pub reason: RejectReason,
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

/// Adds what the CSV reader cannot: the size limit, BOM removal, byte counting, and a window of the
/// most recent bytes for line bookkeeping.
struct Source<R> {
    inner: R,
    read_total: u64,
    limit: u64,
    exceeded: bool,
    prefix: [u8; 3],
    prefix_len: usize,
    prefix_pos: usize,
    started: bool,
    /// The last `ring.len()` bytes handed to the CSV reader, indexed by offset modulo the length.
    ring: Vec<u8>,
    out_total: u64,
}

impl<R: Read> Source<R> {
    fn new(inner: R, limit: u64) -> Self {
        Source {
            inner,
            read_total: 0,
            limit,
            exceeded: false,
            prefix: [0; 3],
            prefix_len: 0,
            prefix_pos: 0,
            started: false,
            // The CSV reader holds at most READ_BUFFER bytes it has not consumed, so every byte it
            // has just consumed is within the last READ_BUFFER + 1 bytes handed to it.
            ring: vec![0; 2 * READ_BUFFER],
            out_total: 0,
        }
    }

    fn read_inner(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = loop {
            match self.inner.read(buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        self.read_total += n as u64;
        if self.read_total > self.limit {
            self.exceeded = true;
            return Err(io::Error::other("the file is larger than the import limit"));
        }
        Ok(n)
    }

    /// The byte at `offset` of what was handed to the CSV reader, if still in the window.
    fn byte_at(&self, offset: u64) -> Option<u8> {
        let window = self.ring.len() as u64;
        (offset < self.out_total && offset + window >= self.out_total)
            .then(|| self.ring[(offset % window) as usize])
    }
}

impl<R: Read> Read for Source<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if !self.started {
            // Read the first three bytes (however the source chunks them) to see if they are a BOM.
            while self.prefix_len < 3 {
                let mut prefix = self.prefix;
                let n = self.read_inner(&mut prefix[self.prefix_len..])?;
                self.prefix = prefix;
                if n == 0 {
                    break;
                }
                self.prefix_len += n;
            }
            if self.prefix == BOM && self.prefix_len == 3 {
                self.prefix_len = 0;
            }
            self.started = true;
        }
        let n = if self.prefix_pos < self.prefix_len {
            let n = (self.prefix_len - self.prefix_pos).min(buf.len());
            buf[..n].copy_from_slice(&self.prefix[self.prefix_pos..self.prefix_pos + n]);
            self.prefix_pos += n;
            n
        } else {
            self.read_inner(buf)?
        };
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
const IN_GROUP: u64 = 0;

/// A streaming importer: reads the header on creation (refusing the file whole if it is not a
/// responses file), then yields imported responses one at a time or in batches.
///
/// Iterating yields `Ok(response)` for each imported row (rejected rows go to the summary) and at most
/// one `Err` (the file is refused whole), after which it ends. See the module doc on staging.
pub struct CsvImporter<R: Read> {
    reader: csv::Reader<Source<R>>,
    columns: Vec<Column>,
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
        let has_header = reader
            .read_byte_record(&mut header)
            .map_err(|e| read_error(&reader, e))?;
        if !has_header {
            return Err(ImportError::NoHeader);
        }
        let line = record_line(&reader, &header);
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
            columns,
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
            bytes_read: self.reader.get_ref().read_total,
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
                return Err(read_error(&self.reader, e));
            }
        };
        if !more {
            self.finished = true;
            return Ok(None);
        }
        self.summary.rows_read += 1;
        let line = record_line(&self.reader, &self.record);
        let record = std::mem::take(&mut self.record);
        let outcome = self.read_row(&record, line);
        self.record = record;
        match outcome {
            Err(RowOutcome::Refused(e)) => {
                self.finished = true;
                Err(e)
            }
            Err(RowOutcome::Rejected(row)) => {
                self.summary.rejected_count += 1;
                if row.is_duplicate() {
                    self.summary.duplicate_count += 1;
                }
                if self.summary.rejected.len() < self.max_listed {
                    self.summary.rejected.push(row);
                }
                Ok(Some(None))
            }
            Ok(response) => {
                self.summary.imported += 1;
                Ok(Some(Some(response)))
            }
        }
    }

    fn read_row(&mut self, record: &csv::ByteRecord, line: u64) -> Result<Response, RowOutcome> {
        let cells = record
            .iter()
            .map(std::str::from_utf8)
            .collect::<Result<Vec<&str>, _>>()
            .map_err(|_| RowOutcome::Refused(ImportError::NotUtf8 { line }))?;
        let id_cell = self
            .columns
            .iter()
            .position(|c| *c == Column::Id)
            .and_then(|i| cells.get(i))
            .map(|c| unguard_formula(c).trim())
            .filter(|c| !c.is_empty());
        let reject = |problems: Vec<RowProblem>| {
            RowOutcome::Rejected(RejectedRow {
                line,
                response_id: id_cell.map(str::to_string),
                problems,
            })
        };
        if cells.len() != self.columns.len() {
            return Err(reject(vec![RowProblem {
                column: None,
                value: None,
                reason: RejectReason::FieldCount {
                    found: cells.len(),
                    expected: self.columns.len(),
                },
            }]));
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            return Err(reject(vec![RowProblem {
                column: None,
                value: None,
                reason: RejectReason::EmptyRow,
            }]));
        }

        let mut response = Response::new(String::new());
        let mut problems = Vec::new();
        for (column, raw) in self.columns.iter().zip(&cells) {
            let cell = unguard_formula(raw);
            let problem = |reason: RejectReason| RowProblem {
                column: Some(column.name().to_string()),
                value: Some(raw.to_string()),
                reason,
            };
            match column {
                Column::Id | Column::Unknown => {}
                Column::SubmittedAt => {
                    let at = cell.trim();
                    if at.is_empty() {
                        response.submitted_at = None;
                    } else if is_iso8601_date_or_datetime(at) {
                        response.submitted_at = Some(at.to_string());
                    } else {
                        problems.push(problem(RejectReason::BadSubmittedAt(at.to_string())));
                    }
                }
                Column::Instrument => {
                    let text = cell.trim();
                    match InstrumentVersion::parse(text) {
                        _ if text.is_empty() => {}
                        Some(v) if v.is_current() => response.instrument_version = v,
                        _ => problems.push(problem(RejectReason::OtherInstrument {
                            found: text.to_string(),
                            expected: InstrumentVersion::current().to_string(),
                        })),
                    }
                }
                Column::Field(field) => {
                    if let Err(e) = response.set_from_cell(*field, cell) {
                        problems.push(problem(e.into()));
                    }
                }
            }
        }
        // The branch: q1 = no skips q2–q6, so an answer there contradicts the row's own q1.
        if response.answers().q1() == Some(YesNo::No) {
            for (column, raw) in self.columns.iter().zip(&cells) {
                if let Column::Field(field) = column {
                    if field.shown_when() == ShowWhen::UnlessNoExample
                        && response.answers().is_stored(*field)
                    {
                        problems.push(RowProblem {
                            column: Some(field.column().to_string()),
                            value: Some(raw.to_string()),
                            reason: RejectReason::AnsweredWhileHidden,
                        });
                    }
                }
            }
        }
        if !problems.is_empty() {
            return Err(reject(problems));
        }

        let id = match id_cell {
            Some(id) => id.to_string(),
            None => assigned_id(line, record),
        };
        match self.seen.get(id.as_str()) {
            Some(&IN_GROUP) => return Err(reject(vec![duplicate(RejectReason::AlreadyInGroup)])),
            Some(&first_line) => {
                return Err(reject(vec![duplicate(RejectReason::DuplicateInFile {
                    first_line,
                })]))
            }
            None => {}
        }
        self.seen.insert(id.as_str().into(), line);
        self.summary.assigned_ids += u64::from(id_cell.is_none());
        response.id = id;
        Ok(response)
    }
}

fn duplicate(reason: RejectReason) -> RowProblem {
    RowProblem {
        column: Some(ID_COLUMN.to_string()),
        value: None,
        reason,
    }
}

enum RowOutcome {
    Rejected(RejectedRow),
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

fn read_error<R: Read>(reader: &csv::Reader<Source<R>>, e: csv::Error) -> ImportError {
    if reader.get_ref().exceeded {
        ImportError::TooLarge {
            limit: reader.get_ref().limit,
        }
    } else {
        ImportError::Io(e.to_string())
    }
}

/// The physical line where the record just read starts.
///
/// The CSV reader's own record position is taken before it skips the previous record's line end and
/// any blank lines, so it can point at the wrong line. Instead: the reader's line count after the
/// record, minus one if the record's terminator was a consumed `\n`, is the line of the record's last
/// byte; minus the line breaks inside its quoted fields, it is the line of its first byte.
fn record_line<R: Read>(reader: &csv::Reader<Source<R>>, record: &csv::ByteRecord) -> u64 {
    let end = reader.position();
    let ended_with_lf = end
        .byte()
        .checked_sub(1)
        .and_then(|last| reader.get_ref().byte_at(last))
        == Some(b'\n');
    let inner_breaks: u64 = record
        .iter()
        .map(|f| f.iter().filter(|b| **b == b'\n').count() as u64)
        .sum();
    end.line()
        .saturating_sub(u64::from(ended_with_lf))
        .saturating_sub(inner_breaks)
        .max(1)
}

/// An id for a row without one: stable for the same row at the same line (so importing the same file
/// twice reports duplicates), different for different rows.
fn assigned_id(line: u64, record: &csv::ByteRecord) -> String {
    // FNV-1a: tiny, deterministic across platforms and runs (unlike std's randomised hasher).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(&line.to_le_bytes());
    for field in record.iter() {
        eat(field);
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
pub fn unguard_formula(cell: &str) -> &str {
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
