//! The group report of a responses CSV file in one call, natively: read on every core the machine has
//! ([`report_csv_parallel`]), or on one ([`report_csv`], the reference, and what the browser does in
//! slices with [`CsvImporter`]). Both give the same report and the same import summary, byte for byte:
//! the same rows imported, the same rows rejected with the same reasons and line numbers.
//!
//! How the parallel reading keeps that promise:
//! - the header is read by [`CsvImporter`] itself, so a file refused for its header is refused with
//!   the same words;
//! - the rest is cut into chunks at record boundaries ([`last_record_end`], which knows that a line
//!   break inside quotes does not end a record); each chunk's thread counts its rows' lines from the
//!   chunk's start, and the reading thread adds the line breaks of the chunks before, in file order,
//!   so every row keeps its physical line (a row without an id, whose assigned id is made from its
//!   line, gets it then);
//! - each chunk's rows are read by the same [`RowReader`] as the importer's, on a worker thread, into
//!   an accumulator of its own; accumulators are sums of whole numbers, so merging them gives exactly
//!   the counts of one accumulator over the whole file;
//! - duplicate ids depend on the rows before, so they are decided once the whole file is read: every
//!   imported row leaves the keyed hash of its id, its line and where it is in the file ([`IdMarks`]);
//!   rows whose hashes are equal are read again from the file and their ids compared, and a row whose
//!   id was imported before is reported as the importer reports it (with the line of the first), and
//!   its counts are taken away again;
//! - anything out of the ordinary for the whole file (not UTF-8, a NUL byte, UTF-16, growing past the
//!   size limit while being read, a read error) sends the file to [`report_csv`] from the start, whose
//!   answer is then the answer.
//!
//! Memory is a few chunks in flight and 32 bytes per imported row (needed to find duplicates).

use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, HashSet};
use std::hash::BuildHasher;
use std::io::{self, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};
use std::time::Duration;

use serde::Serialize;

use super::aggregate::{GroupAccumulator, GroupOptions, GroupReport};
use super::csv_format::{
    duplicate_row, CsvImporter, DataStart, ImportOptions, ImportSummary, RejectedRow, RowOutcome,
    RowReader, IN_GROUP,
};
use super::csv_split::{last_record_end, RawRecord, Records};
use super::error::ImportError;
use super::intake::Encoding;
use super::response::Response;

/// Bytes in a chunk by default: small enough that a few in flight cost little memory, large enough
/// that handing one to a thread costs nothing next to reading it.
pub const CHUNK_BYTES: usize = 1 << 20;

/// A file's group report and what its import did.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CsvReport {
    /// The report over the imported rows.
    pub report: GroupReport,
    /// Rows imported and rejected.
    pub summary: ImportSummary,
}

/// How a file is read in parallel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parallelism {
    /// Threads reading rows (besides the one reading the file).
    pub threads: usize,
    /// Bytes in a chunk (a chunk grows to hold a longer record).
    pub chunk_bytes: usize,
}

impl Parallelism {
    /// One thread per core of this machine, chunks of [`CHUNK_BYTES`].
    pub fn of_machine() -> Parallelism {
        Parallelism {
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            chunk_bytes: CHUNK_BYTES,
        }
    }
}

/// The report of a CSV read on this thread: the importer and the accumulator, row by row.
pub fn report_csv<R: Read>(
    source: R,
    import: ImportOptions,
    group: GroupOptions,
) -> Result<CsvReport, ImportError> {
    let mut importer = CsvImporter::new(source, import)?;
    let mut accumulator = GroupAccumulator::new(group);
    for response in importer.by_ref() {
        accumulator.add(&response?);
    }
    Ok(CsvReport {
        summary: importer.finish()?,
        report: accumulator.finish(),
    })
}

/// The report of a CSV read on several threads: the same as [`report_csv`] gives for the same bytes
/// (see the module doc). `open` gives the file from its start; it is called a second time only for a
/// file out of the ordinary.
pub fn report_csv_parallel<R: Read>(
    open: impl Fn() -> io::Result<R>,
    import: ImportOptions,
    group: GroupOptions,
    parallelism: Parallelism,
) -> Result<CsvReport, ImportError> {
    let opened = |source: io::Result<R>| source.map_err(|e| ImportError::Io(e.to_string()));
    let sequential = || report_csv(opened(open())?, import.clone(), group.clone());

    let mut tee = Tee {
        inner: opened(open())?,
        seen: Vec::new(),
    };
    let header_options = ImportOptions {
        existing_ids: HashSet::new(),
        ..import.clone()
    };
    let start = CsvImporter::new(&mut tee, header_options)?.into_data_start();
    let Some(mut chunks) =
        Chunks::after_header(tee, &start, import.max_bytes, parallelism.chunk_bytes)
    else {
        return sequential();
    };
    let hasher = RandomState::new();
    let existing: Vec<&str> = import.existing_ids.iter().map(String::as_str).collect();
    let mut marks = IdMarks::new();
    for (i, id) in existing.iter().enumerate() {
        marks.push(IdMark {
            hash: hasher.hash_one(id),
            line: IN_GROUP,
            at: i as u64,
            has_id: true,
        });
    }
    let mut commit = Commit {
        next: 0,
        breaks: start.breaks,
        hasher: &hasher,
        marks,
        summary: start.summary,
        max_listed: import.max_listed_rejections,
        accumulator: GroupAccumulator::new(group.clone()),
    };
    let rows = &start.rows;
    let threads = parallelism.threads.max(1);
    let stop = AtomicBool::new(false);
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let job_rx = Mutex::new(job_rx);
    let finished = std::thread::scope(|scope| {
        let (done_tx, done_rx) = mpsc::channel::<Done>();
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let reader = Reader {
                rows,
                group: &group,
                hasher: &hasher,
                max_listed: import.max_listed_rejections,
            };
            let (jobs, done, stop) = (&job_rx, done_tx.clone(), &stop);
            workers.push(scope.spawn(move || reader.work(jobs, &done, stop)));
        }
        drop(done_tx);
        // Chunks read ahead of the threads: enough to keep each busy, few enough to bound memory.
        // A chunk's bytes come back as soon as it is read, whatever its place in the file, so that a
        // thread held up on one chunk (the machine is shared) holds up nobody else; what is left of
        // it waits for its turn, within `max_ahead` chunks.
        // (Eight per thread: about 25 ms of work each, so that the reading thread, descheduled for a
        // while on a busy machine, leaves none idle.)
        let max_buffers = 8 * threads;
        let max_ahead = 32 * threads;
        let mut buffers = Vec::new();
        let mut spare_marks = Vec::new();
        let mut allocated = 0;
        let mut in_flight = 0;
        let mut index = 0;
        let mut waiting = BTreeMap::new();
        let finished = loop {
            if !chunks.is_done()
                && (!buffers.is_empty() || allocated < max_buffers)
                && in_flight + waiting.len() < max_ahead
            {
                let buffer = buffers.pop().unwrap_or_else(|| {
                    allocated += 1;
                    Vec::new()
                });
                match chunks.next(buffer) {
                    Ok(Ok(job)) => {
                        let job = Job {
                            index,
                            marks: spare_marks.pop().unwrap_or_default(),
                            ..job
                        };
                        index += 1;
                        in_flight += 1;
                        if job_tx.send(job).is_err() {
                            break false;
                        }
                    }
                    Ok(Err(buffer)) => buffers.push(buffer),
                    Err(()) => break false,
                }
                continue;
            }
            if in_flight == 0 {
                break true;
            }
            let mut done = match done_rx.recv_timeout(Duration::from_millis(200)) {
                Ok(done) => done,
                // A thread ends before its jobs only if it panicked: no answer will come, and the
                // scope passes the panic on.
                Err(mpsc::RecvTimeoutError::Timeout) if workers.iter().any(|w| w.is_finished()) => {
                    break false;
                }
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => break false,
            };
            in_flight -= 1;
            if done.out_of_the_ordinary {
                break false;
            }
            buffers.push(std::mem::take(&mut done.bytes));
            waiting.insert(done.index, done);
            while let Some(done) = waiting.remove(&commit.next) {
                spare_marks.push(commit.apply(done, rows));
            }
        };
        // The threads end once the jobs already sent are drained (skipped after a stop).
        stop.store(true, Ordering::Relaxed);
        drop(job_tx);
        finished
    });
    if !finished {
        return sequential();
    }
    let Commit {
        mut accumulator,
        mut summary,
        marks,
        ..
    } = commit;
    let candidates = marks.equal_hashes();
    if !candidates.is_empty() {
        let Some(duplicates) = opened(open()).ok().and_then(|source| {
            Duplicates::find(source, &candidates, &existing, rows, &hasher, &group)
        }) else {
            // A row no longer reads as it did (the file changed) or the file cannot be opened again:
            // read it as it is now, start to end.
            return sequential();
        };
        accumulator.subtract(&duplicates.counted);
        duplicates.report(&mut summary, import.max_listed_rejections);
    }
    Ok(CsvReport {
        report: accumulator.finish(),
        summary,
    })
}

/// Keeps a copy of what is read, so that the bytes the header's reader read ahead are not lost.
pub(crate) struct Tee<R> {
    pub(crate) inner: R,
    pub(crate) seen: Vec<u8>,
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.seen.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// Cuts the data rows into chunks at record boundaries.
pub(crate) struct Chunks<R> {
    source: R,
    /// The start of the next chunk: bytes read after the last boundary.
    carry: Vec<u8>,
    /// Where in the file the next chunk starts.
    offset: u64,
    /// Bytes read from the source.
    total: u64,
    limit: u64,
    chunk_bytes: usize,
    eof: bool,
    /// Whether the byte before the next chunk is `\r`.
    last_cr: bool,
}

impl<R: Read> Chunks<R> {
    /// The data rows of a file whose header was read through `tee`, as `start` says: `None` when
    /// the file is not UTF-8 (the ordinary reader is then the one to read it).
    pub(crate) fn after_header(
        tee: Tee<R>,
        start: &DataStart,
        limit: u64,
        chunk_bytes: usize,
    ) -> Option<Chunks<R>> {
        if start.encoding != Some(Encoding::Utf8) {
            return None;
        }
        let mark = if tee.seen.starts_with(&[0xEF, 0xBB, 0xBF]) {
            3
        } else {
            0
        };
        let data_start = usize::try_from(start.text_offset).ok()?;
        let data = tee.seen.get(mark + data_start..)?;
        Some(Chunks {
            carry: data.to_vec(),
            offset: (mark + data_start) as u64,
            total: tee.seen.len() as u64,
            source: tee.inner,
            limit,
            chunk_bytes: chunk_bytes.max(1),
            eof: false,
            last_cr: start.last_cr,
        })
    }

    /// Bytes read from the source so far.
    pub(crate) fn read_total(&self) -> u64 {
        self.total
    }

    pub(crate) fn is_done(&self) -> bool {
        self.eof && self.carry.is_empty()
    }

    /// The next chunk in `buffer`, or the buffer back when nothing is left; `Err` when the file is
    /// to be read from the start on one thread (past the size limit, or a read error).
    pub(crate) fn next(&mut self, mut buffer: Vec<u8>) -> Result<Result<Job, Vec<u8>>, ()> {
        buffer.clear();
        buffer.append(&mut self.carry);
        let mut want = self.chunk_bytes;
        let end = loop {
            if !self.eof && buffer.len() < want {
                let more = (want - buffer.len()) as u64;
                let n = (&mut self.source)
                    .take(more)
                    .read_to_end(&mut buffer)
                    .map_err(|_| ())?;
                self.total += n as u64;
                if self.total > self.limit {
                    return Err(());
                }
                self.eof = (n as u64) < more;
                continue;
            }
            if self.eof {
                break buffer.len();
            }
            match last_record_end(&buffer) {
                Some(end) => break end,
                // A record longer than the chunk: read on until it ends.
                None => want = want.saturating_mul(2),
            }
        };
        self.carry.extend_from_slice(&buffer[end..]);
        buffer.truncate(end);
        if buffer.is_empty() {
            return Ok(Err(buffer));
        }
        let (offset, last_cr) = (self.offset, self.last_cr);
        self.offset += buffer.len() as u64;
        self.last_cr = buffer.last() == Some(&b'\r');
        Ok(Ok(Job {
            index: 0,
            marks: Vec::new(),
            bytes: buffer,
            offset,
            last_cr,
        }))
    }
}

/// A chunk to read: whole records, at `offset` in the file.
pub(crate) struct Job {
    index: usize,
    pub(crate) bytes: Vec<u8>,
    /// For the marks of its rows (a vector used before, so that its memory is not asked for again).
    marks: Vec<IdMark>,
    offset: u64,
    /// Whether the byte before the chunk is `\r` (so that a `\n` first is no line break of its own).
    pub(crate) last_cr: bool,
}

/// A row imported so far (or an id already in the group): the keyed hash of its id, its line
/// ([`IN_GROUP`] for the group's), and where it is (its position in the file, or in the group's ids).
#[derive(Clone, Copy, Debug)]
struct IdMark {
    hash: u64,
    line: u64,
    at: u64,
    has_id: bool,
}

/// A chunk read. Its lines count from the chunk's start (see [`Commit::apply`]).
struct Done {
    index: usize,
    bytes: Vec<u8>,
    /// Line breaks in the chunk.
    breaks: u64,
    out_of_the_ordinary: bool,
    rows_read: u64,
    accumulator: GroupAccumulator,
    /// The rows that passed every check but the one for duplicate ids.
    imported: Vec<IdMark>,
    /// The records of those without an id of their own, one after another, with where each ends and
    /// its mark's place in `imported`: their ids are made from their lines (see [`Commit::apply`]).
    without_id: Vec<u8>,
    without_id_ends: Vec<(usize, usize)>,
    rejected: Vec<RejectedRow>,
    rejected_count: u64,
}

/// What a reading thread needs.
#[derive(Clone, Copy)]
struct Reader<'a> {
    rows: &'a RowReader,
    group: &'a GroupOptions,
    hasher: &'a RandomState,
    max_listed: usize,
}

impl Reader<'_> {
    /// Chunks in, chunks read out, until there are no more (or no need).
    fn work(self, jobs: &Mutex<mpsc::Receiver<Job>>, done: &mpsc::Sender<Done>, stop: &AtomicBool) {
        let mut response = Response::new(String::new());
        loop {
            let job = match jobs.lock() {
                Ok(jobs) => jobs.recv(),
                Err(_) => return,
            };
            let Ok(job) = job else {
                return;
            };
            if stop.load(Ordering::Relaxed) {
                continue;
            }
            let read = self.read(job, &mut response);
            if done.send(read).is_err() {
                return;
            }
        }
    }

    fn read(&self, job: Job, response: &mut Response) -> Done {
        let mut done = Done {
            index: job.index,
            bytes: Vec::new(),
            breaks: 0,
            out_of_the_ordinary: false,
            rows_read: 0,
            accumulator: GroupAccumulator::new(self.group.clone()),
            imported: job.marks,
            without_id: Vec::new(),
            without_id_ends: Vec::new(),
            rejected: Vec::new(),
            rejected_count: 0,
        };
        let bytes = job.bytes.as_slice();
        // The text rules (see `intake`) for the whole chunk at once; a chunk starts and ends at a
        // line break, so no character is cut.
        if !is_text(bytes) {
            done.out_of_the_ordinary = true;
            return done;
        }
        let mut records = Records::new(bytes, 0, job.last_cr);
        let mut record = RawRecord::new(bytes);
        loop {
            let at = job.offset + records.position() as u64;
            let Some((line, read)) = read_next(&mut records, &mut record, self.rows, response)
            else {
                break;
            };
            done.rows_read += 1;
            match read {
                Ok(has_id) => {
                    if !has_id {
                        let start = usize::try_from(at - job.offset).unwrap_or_default();
                        done.without_id
                            .extend_from_slice(&bytes[start..records.position()]);
                        done.without_id_ends
                            .push((done.imported.len(), done.without_id.len()));
                    }
                    done.accumulator.add(response);
                    done.imported.push(IdMark {
                        hash: self.hasher.hash_one(response.id.as_str()),
                        line,
                        at,
                        has_id,
                    });
                }
                Err(RowOutcome::Rejected(row)) => {
                    done.rejected_count += 1;
                    if done.rejected.len() < self.max_listed {
                        done.rejected.push(row);
                    }
                }
                Err(RowOutcome::Refused(_)) => {
                    done.out_of_the_ordinary = true;
                    return done;
                }
            }
        }
        done.breaks = records.breaks();
        done.bytes = job.bytes;
        done
    }
}

/// The next row of `records` read into `response`: its line and what reading it gave (see
/// [`RowReader::read_row`]); `None` at the end. Most rows are read the quick way
/// ([`RowReader::read_plain`]); any other (quotes inside a cell, labels, problems) the general way.
#[inline(always)]
pub(crate) fn read_next<'a>(
    records: &mut Records<'a>,
    record: &mut RawRecord<'a>,
    rows: &RowReader,
    response: &mut Response,
) -> Option<(u64, Result<bool, RowOutcome>)> {
    let quick = records.next_plain().and_then(|(line, plain, inside)| {
        let read = rows.read_plain(plain, response)?;
        records.take_plain(plain.len(), inside);
        Some((line, Ok(read)))
    });
    quick.or_else(|| {
        let line = records.next_record(record)?;
        Some((line, rows.read_row(record, line, response)))
    })
}

/// UTF-8 without NUL characters (the rules of `intake`), in one pass for ASCII: eight bytes at a time,
/// and the standard check only from the first byte that is not ASCII (or is NUL) on.
pub(crate) fn is_text(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES << 7;
    let mut at = 0;
    while let Some(word) = bytes.get(at..at + 8) {
        let mut w = [0; 8];
        w.copy_from_slice(word);
        let w = u64::from_le_bytes(w);
        // Any byte ≥ 0x80, or any zero byte.
        if (w | w.wrapping_sub(ONES)) & HIGH != 0 {
            break;
        }
        at += 8;
    }
    let rest = &bytes[at..];
    memchr::memchr(0, rest).is_none() && std::str::from_utf8(rest).is_ok()
}

/// What the reading thread has made of the chunks so far, in file order.
struct Commit<'a> {
    /// The index of the next chunk to commit.
    next: usize,
    /// Line breaks before the next chunk.
    breaks: u64,
    hasher: &'a RandomState,
    marks: IdMarks,
    summary: ImportSummary,
    max_listed: usize,
    accumulator: GroupAccumulator,
}

impl Commit<'_> {
    /// Takes in the next chunk, its lines moved on by the line breaks before it; returns its vector
    /// of marks for another chunk.
    fn apply(&mut self, mut done: Done, rows: &RowReader) -> Vec<IdMark> {
        self.next += 1;
        let before = self.breaks;
        self.breaks += done.breaks;
        let summary = &mut self.summary;
        summary.rows_read += done.rows_read;
        summary.rejected_count += done.rejected_count;
        // Counted as imported until found to be duplicates (see `Duplicates::report`).
        summary.imported += done.imported.len() as u64;
        let mut without_id = done.without_id_ends.iter().peekable();
        let mut start = 0;
        for (k, mut mark) in done.imported.drain(..).enumerate() {
            mark.line += before;
            if let Some(&(_, end)) = without_id.next_if(|(i, _)| *i == k) {
                summary.assigned_ids += 1;
                // Its id is made from its line, known only now: read its record again for it.
                let bytes = &done.without_id[start..end];
                start = end;
                let mut record = RawRecord::new(bytes);
                if Records::new(bytes, 0, false)
                    .next_record(&mut record)
                    .is_some()
                {
                    mark.hash = self.hasher.hash_one(rows.assigned_id(mark.line, &record));
                }
            }
            self.marks.push(mark);
        }
        let room = self.max_listed.saturating_sub(summary.rejected.len());
        summary
            .rejected
            .extend(done.rejected.into_iter().take(room).map(|mut row| {
                row.line += before;
                row
            }));
        self.accumulator.merge(&done.accumulator);
        done.imported
    }
}

/// The [`IdMark`]s of a file, in buckets by the top bits of their hash: each bucket is small enough
/// to check for equal hashes within the processor's caches.
struct IdMarks {
    buckets: Vec<Vec<IdMark>>,
}

impl IdMarks {
    const BUCKET_BITS: u32 = 8;

    fn new() -> IdMarks {
        IdMarks {
            buckets: (0..1 << Self::BUCKET_BITS).map(|_| Vec::new()).collect(),
        }
    }

    fn push(&mut self, mark: IdMark) {
        self.buckets[(mark.hash >> (64 - Self::BUCKET_BITS)) as usize].push(mark);
    }

    /// Every mark whose hash another mark has too: the only rows that can be duplicates.
    fn equal_hashes(&self) -> Vec<IdMark> {
        let mut found = Vec::new();
        let mut slots: Vec<u32> = Vec::new();
        for bucket in &self.buckets {
            let size = (2 * bucket.len()).next_power_of_two().max(16);
            let mask = size - 1;
            slots.clear();
            slots.resize(size, 0);
            let mut again = Vec::new();
            for (k, mark) in bucket.iter().enumerate() {
                let mut i = mark.hash as usize & mask;
                loop {
                    match slots[i] {
                        0 => {
                            slots[i] = k as u32 + 1;
                            break;
                        }
                        j if bucket[j as usize - 1].hash == mark.hash => {
                            again.push(j as usize - 1);
                            again.push(k);
                            break;
                        }
                        _ => i = (i + 1) & mask,
                    }
                }
            }
            again.sort_unstable();
            again.dedup();
            found.extend(again.into_iter().map(|k| bucket[k]));
        }
        found
    }
}

/// The rows found to be duplicates once the whole file was read.
struct Duplicates {
    /// Their reports, in line order.
    rows: Vec<RejectedRow>,
    /// How many of them had no id of their own.
    assigned: u64,
    /// Their counts, which their chunks had counted.
    counted: GroupAccumulator,
}

impl Duplicates {
    /// Reads the rows of `candidates` again from `source` (the file from its start) and decides, by
    /// their ids, which are duplicates: for each id, every row after its first (or every row, for an
    /// id already in the group). `None` when a row no longer reads as it did (the file changed).
    fn find(
        source: impl Read,
        candidates: &[IdMark],
        existing: &[&str],
        rows: &RowReader,
        hasher: &RandomState,
        group: &GroupOptions,
    ) -> Option<Duplicates> {
        let mut in_file: Vec<IdMark> = candidates
            .iter()
            .copied()
            .filter(|m| m.line != IN_GROUP)
            .collect();
        in_file.sort_unstable_by_key(|m| m.at);
        let read = reread(source, &in_file, rows)?;
        // (hash, line) identifies a candidate; its id and, for a row of the file, its response.
        let mut ids: BTreeMap<(u64, u64), (String, Option<Response>)> = BTreeMap::new();
        for (mark, response) in in_file.iter().zip(read) {
            if hasher.hash_one(response.id.as_str()) != mark.hash {
                return None;
            }
            ids.insert(
                (mark.hash, mark.line),
                (response.id.clone(), Some(response)),
            );
        }
        for mark in candidates.iter().filter(|m| m.line == IN_GROUP) {
            let id = existing.get(usize::try_from(mark.at).ok()?)?;
            ids.insert((mark.hash, IN_GROUP), (id.to_string(), None));
        }
        let mut duplicates = Duplicates {
            rows: Vec::new(),
            assigned: 0,
            counted: GroupAccumulator::new(group.clone()),
        };
        let has_id: BTreeMap<u64, bool> = candidates.iter().map(|m| (m.line, m.has_id)).collect();
        // In (hash, line) order: for each id, the group's copy first, then the file's rows in order.
        let mut first: BTreeMap<(u64, &str), u64> = BTreeMap::new();
        for (&(hash, line), (id, response)) in &ids {
            let Some(&earlier) = first.get(&(hash, id.as_str())) else {
                first.insert((hash, id.as_str()), line);
                continue;
            };
            let own_id = has_id.get(&line).copied().unwrap_or(true);
            duplicates.assigned += u64::from(!own_id);
            duplicates
                .rows
                .push(duplicate_row(line, own_id.then(|| id.clone()), earlier));
            if let Some(response) = response {
                duplicates.counted.add(response);
            }
        }
        duplicates.rows.sort_by_key(|r| r.line);
        Some(duplicates)
    }

    /// Moves the duplicates from imported to rejected in the summary, in line order among the rows
    /// rejected for other reasons.
    fn report(self, summary: &mut ImportSummary, max_listed: usize) {
        let n = self.rows.len() as u64;
        summary.imported -= n;
        summary.assigned_ids -= self.assigned;
        summary.rejected_count += n;
        summary.duplicate_count += n;
        let listed = std::mem::take(&mut summary.rejected);
        let mut others = listed.into_iter().peekable();
        let mut duplicates = self.rows.into_iter().peekable();
        while summary.rejected.len() < max_listed {
            let next = match (others.peek(), duplicates.peek()) {
                (Some(r), Some(d)) if d.line < r.line => duplicates.next(),
                (Some(_), _) => others.next(),
                (None, _) => duplicates.next(),
            };
            let Some(row) = next else {
                break;
            };
            summary.rejected.push(row);
        }
    }
}

/// The responses of the rows at `marks` (in file order), read again from the file's start: `None`
/// when one does not read as a row that passes the checks.
fn reread(mut source: impl Read, marks: &[IdMark], rows: &RowReader) -> Option<Vec<Response>> {
    let mut window: Vec<u8> = Vec::new();
    // Where in the file `window` starts.
    let mut start = 0u64;
    let mut eof = false;
    let mut out = Vec::with_capacity(marks.len());
    let mut response = Response::new(String::new());
    for mark in marks {
        loop {
            let skip = usize::try_from(mark.at.checked_sub(start)?)
                .ok()?
                .min(window.len());
            window.drain(..skip);
            start += skip as u64;
            if start == mark.at {
                let mut records = Records::new(&window, 0, false);
                let mut record = RawRecord::new(&window);
                let line = records.next_record(&mut record);
                // A record that reaches the end of what was read may go on after it.
                if eof || (line.is_some() && records.position() < window.len()) {
                    let bytes = &window[..records.position()];
                    line?;
                    if !is_text(bytes) {
                        return None;
                    }
                    let mut record = RawRecord::new(bytes);
                    Records::new(bytes, 0, false).next_record(&mut record)?;
                    rows.read_row(&record, mark.line, &mut response).ok()?;
                    out.push(response.clone());
                    break;
                }
            } else if eof {
                return None;
            }
            let n = (&mut source)
                .take(CHUNK_BYTES as u64)
                .read_to_end(&mut window)
                .ok()?;
            eof = n == 0;
        }
    }
    Some(out)
}
