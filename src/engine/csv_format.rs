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

use serde::Serialize;

use super::error::{ExportError, ImportError, RejectReason};
use super::instrument::{Field, InstrumentVersion, ShowWhen, YesNo};
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

        let id = match id_cell {
            Some(id) => id.to_string(),
            None => assigned_id(line, record),
        };
        let mut response = Response::new(id);
        // (column position, problem): read problems and those of the common checks, in column order.
        let mut problems: Vec<(usize, RowProblem)> = Vec::new();
        for (i, (column, raw)) in self.columns.iter().zip(&cells).enumerate() {
            let cell = unguard_formula(raw);
            match column {
                Column::Id | Column::Unknown => {}
                Column::SubmittedAt => {
                    let at = cell.trim();
                    // Judged by `intake::check` with every other route's submission times.
                    response.submitted_at = (!at.is_empty()).then(|| at.to_string());
                }
                Column::Instrument => {
                    let text = cell.trim();
                    match InstrumentVersion::parse(text) {
                        _ if text.is_empty() => {}
                        Some(v) => response.instrument_version = v,
                        // Not even of the `id/version` form: no version to hand to the check.
                        None => problems.push((
                            i,
                            RowProblem {
                                column: Some(column.name().to_string()),
                                value: Some(raw.to_string()),
                                reason: RejectReason::OtherInstrument {
                                    found: text.to_string(),
                                    expected: InstrumentVersion::current().to_string(),
                                },
                            },
                        )),
                    }
                }
                Column::Field(field) => {
                    if let Err(e) = response.read_cell(*field, cell) {
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
            }
        }
        for mut problem in intake::check(&response) {
            // The check sees the value as read; the report shows the cell as written.
            let position = problem
                .column
                .as_deref()
                .and_then(|name| self.columns.iter().position(|c| c.name() == name));
            if let Some(i) = position {
                problem.value = cells.get(i).map(|c| c.to_string());
            }
            problems.push((position.unwrap_or(usize::MAX), problem));
        }
        problems.sort_by_key(|(i, _)| *i);
        let mut problems: Vec<RowProblem> = problems.into_iter().map(|(_, p)| p).collect();
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
                            reason: RejectReason::AnsweredWhileHidden { field: *field },
                        });
                    }
                }
            }
        }
        if !problems.is_empty() {
            return Err(reject(problems));
        }

        let id = response.id.clone();
        match self.seen.get(id.as_str()) {
            Some(&IN_GROUP) => return Err(reject(vec![duplicate(RejectReason::AlreadyInGroup)])),
            Some(&first_line) => {
                return Err(reject(vec![duplicate(RejectReason::DuplicateInFile {
                    first_line,
                })]))
            }
            None => {}
        }
        self.seen.insert(id.into_boxed_str(), line);
        self.summary.assigned_ids += u64::from(id_cell.is_none());
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
