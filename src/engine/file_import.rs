//! The import of a responses CSV whose bytes can be read again from the start (the browser holds
//! the whole file), with the outcome of [`CsvImporter`] and about twice its speed.
//!
//! The header is read by [`CsvImporter`] itself, so a file refused for its header is refused with the
//! same words. The data rows are then cut into chunks at record boundaries and each chunk is read
//! straight from its bytes the way the native report reads a chunk on each thread (most rows the
//! quick way, [`read_next`]), here on one thread and in file order, so that lines, duplicate ids and
//! the rows listed as rejected come out as the importer gives them. A file out of the ordinary (not
//! UTF-8, a NUL byte, UTF-16, over the size limit, a read error) is read again from its start by
//! [`CsvImporter`], whose answer is then the answer; what the quick reading had staged is dropped.

use std::collections::HashMap;
use std::io::Read;

use super::csv_format::{
    first_time, CsvImporter, ImportOptions, ImportProgress, ImportSummary, RowOutcome, RowReader,
    IN_GROUP,
};
use super::csv_split::{RawRecord, Records};
use super::error::ImportError;
use super::report::{is_text, read_next, Chunks, Tee};
use super::response::Response;

/// Bytes read in one [`FileImporter::step`] the quick way, by default: a few hundred rows, a couple
/// of milliseconds in a browser, so that a caller looking at the clock between steps keeps its
/// slices short.
pub const STEP_BYTES: usize = 64 * 1024;

/// Rows read in one [`FileImporter::step`] the ordinary way.
const STEP_ROWS: usize = 100;

/// An import of a whole file, a step at a time. The responses it imports are staged in it and
/// handed over by [`FileImporter::finish`] only once the whole file has been read.
pub struct FileImporter<R: Read, F: Fn() -> R> {
    open: F,
    options: ImportOptions,
    way: Way<R>,
    staged: Vec<Response>,
}

enum Way<R: Read> {
    Quick(Box<Quick<R>>),
    Ordinary(Box<CsvImporter<R>>),
}

/// The quick way's state: the rows read so far, as [`CsvImporter`] keeps them.
struct Quick<R: Read> {
    chunks: Chunks<R>,
    rows: RowReader,
    seen: HashMap<Box<str>, u64>,
    summary: ImportSummary,
    max_listed: usize,
    /// Line breaks before the next chunk.
    breaks: u64,
    buffer: Vec<u8>,
}

impl<R: Read, F: Fn() -> R> FileImporter<R, F> {
    /// Opens the file `open` gives (from its start, each time it is called) and reads its header;
    /// refuses it with [`CsvImporter::new`]'s error. Each step reads about `step_bytes` (see
    /// [`STEP_BYTES`]).
    pub fn new(open: F, options: ImportOptions, step_bytes: usize) -> Result<Self, ImportError> {
        let mut tee = Tee {
            inner: open(),
            seen: Vec::new(),
        };
        let header_options = ImportOptions {
            existing_ids: Default::default(),
            ..options.clone()
        };
        let start = CsvImporter::new(&mut tee, header_options)?.into_data_start();
        let quick =
            Chunks::after_header(tee, &start, options.max_bytes, step_bytes).map(|chunks| Quick {
                chunks,
                seen: options
                    .existing_ids
                    .iter()
                    .map(|id| (id.as_str().into(), IN_GROUP))
                    .collect(),
                max_listed: options.max_listed_rejections,
                breaks: start.breaks,
                summary: start.summary,
                rows: start.rows,
                buffer: Vec::new(),
            });
        let way = match quick {
            Some(quick) => Way::Quick(Box::new(quick)),
            None => Way::Ordinary(Box::new(CsvImporter::new(open(), options.clone())?)),
        };
        Ok(FileImporter {
            open,
            options,
            way,
            staged: Vec::new(),
        })
    }

    /// True once the whole file has been read.
    pub fn is_finished(&self) -> bool {
        match &self.way {
            Way::Quick(quick) => quick.chunks.is_done(),
            Way::Ordinary(importer) => importer.is_finished(),
        }
    }

    /// Reads a little more of the file (the step's bytes, or a hundred rows the ordinary way); `Err`
    /// when the file is refused whole.
    pub fn step(&mut self) -> Result<(), ImportError> {
        let read = match &mut self.way {
            Way::Quick(quick) => quick.step(&mut self.staged),
            Way::Ordinary(importer) => {
                let batch = importer.next_batch(STEP_ROWS)?;
                self.staged.extend(batch);
                return Ok(());
            }
        };
        if read.is_err() {
            // Out of the ordinary: from the start, the ordinary way.
            self.staged.clear();
            self.way = Way::Ordinary(Box::new(CsvImporter::new(
                (self.open)(),
                self.options.clone(),
            )?));
        }
        Ok(())
    }

    /// Progress so far.
    pub fn progress(&self) -> ImportProgress {
        match &self.way {
            Way::Quick(quick) => ImportProgress {
                bytes_read: quick.chunks.read_total(),
                rows_read: quick.summary.rows_read,
                imported: quick.summary.imported,
                rejected: quick.summary.rejected_count,
            },
            Way::Ordinary(importer) => importer.progress(),
        }
    }

    /// The responses imported and the summary, once [`FileImporter::is_finished`].
    pub fn finish(self) -> (Vec<Response>, ImportSummary) {
        let summary = match self.way {
            Way::Quick(quick) => quick.summary,
            Way::Ordinary(importer) => importer.summary().clone(),
        };
        (self.staged, summary)
    }
}

impl<R: Read> Quick<R> {
    /// Reads the next chunk's rows into `staged`; `Err` when the file is out of the ordinary.
    fn step(&mut self, staged: &mut Vec<Response>) -> Result<(), ()> {
        let job = match self.chunks.next(std::mem::take(&mut self.buffer))? {
            Ok(job) => job,
            Err(buffer) => {
                self.buffer = buffer;
                return Ok(());
            }
        };
        let bytes = job.bytes.as_slice();
        // The text rules (see `intake`) for the whole chunk at once; a chunk starts and ends at a
        // line break, so no character is cut.
        if !is_text(bytes) {
            return Err(());
        }
        let mut records = Records::new(bytes, self.breaks, job.last_cr);
        let mut record = RawRecord::new(bytes);
        let mut response = Response::new(String::new());
        while let Some((line, read)) =
            read_next(&mut records, &mut record, &self.rows, &mut response)
        {
            let summary = &mut self.summary;
            summary.rows_read += 1;
            let read = read.and_then(|has_id| {
                first_time(&mut self.seen, &response.id, line, has_id)?;
                Ok(has_id)
            });
            match read {
                Ok(has_id) => {
                    summary.assigned_ids += u64::from(!has_id);
                    summary.imported += 1;
                    staged.push(std::mem::replace(
                        &mut response,
                        Response::new(String::new()),
                    ));
                }
                Err(RowOutcome::Rejected(row)) => summary.reject(row, self.max_listed),
                Err(RowOutcome::Refused(_)) => return Err(()),
            }
        }
        self.breaks = records.breaks();
        self.buffer = job.bytes;
        Ok(())
    }
}
