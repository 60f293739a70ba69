//! The words and figures of the results pages (the open assessment, a share link and the comparison
//! of two assessments), decided here and only laid out by the pages in `web::pages::results`: one
//! module per section of the page, beside the words they share (section titles, who reads them).
//!
//! Pure: no browser crate, tested natively. Every text depends on who reads it ([`Reader`]): the
//! person whose results they are, or someone who opened a share link, who must never be told "your"
//! about another person's answers. Every figure is printed by `model::format`.

pub mod benchmark;
pub mod compare;
pub mod engagement;
pub mod factors;
pub mod headline;
pub mod keep;
pub mod next_steps;
pub mod unfinished;

#[cfg(test)]
mod fixtures;

/// The sentence added to a radar's summary when an earlier assessment is overlaid.
pub const EARLIER_LINES: &str =
    "The earlier assessment is drawn in grey: its importance dashed, its prevalence dotted.";

/// Who reads the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// The person who answered, on their own results.
    Owner,
    /// Someone who opened a share link: the answers are another person's.
    Shared,
}

impl Reader {
    /// The reader of a view that is read-only (a share link) or not.
    pub fn of(read_only: bool) -> Reader {
        if read_only {
            Reader::Shared
        } else {
            Reader::Owner
        }
    }

    /// "your" or "the", as in "your organisation" / "the organisation".
    fn the(self) -> &'static str {
        match self {
            Reader::Owner => "your",
            Reader::Shared => "the",
        }
    }
}

/// A section of the results page: its heading and the id the contents list links to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub id: &'static str,
    pub title: String,
}

/// The sections of the results page, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionKind {
    Readiness,
    Factors,
    Profile,
    ImportancePrevalence,
    Benchmark,
    NextSteps,
    Engagement,
    KeepAndShare,
    KeepACopy,
}

impl SectionKind {
    /// The heading's id (unique on the page; the charts' own ids are `results-…`).
    pub fn id(self) -> &'static str {
        match self {
            SectionKind::Readiness => "section-readiness",
            SectionKind::Factors => "section-factors",
            SectionKind::Profile => "section-profile",
            SectionKind::ImportancePrevalence => "section-importance-prevalence",
            SectionKind::Benchmark => "section-benchmark",
            SectionKind::NextSteps => "section-next-steps",
            SectionKind::Engagement => "section-engagement",
            SectionKind::KeepAndShare => "section-keep-and-share",
            SectionKind::KeepACopy => "section-keep-a-copy",
        }
    }

    /// The heading's text for this reader.
    pub fn title(self, reader: Reader) -> String {
        let shared = reader == Reader::Shared;
        match self {
            SectionKind::Readiness if shared => "Collaboration readiness in these results",
            SectionKind::Readiness => "Your collaboration readiness",
            SectionKind::Factors if shared => "Scores by factor",
            SectionKind::Factors => "Your scores by factor",
            SectionKind::Profile if shared => "The profile across the six categories",
            SectionKind::Profile => "Your profile across the six categories",
            SectionKind::ImportancePrevalence => "Importance against prevalence",
            SectionKind::Benchmark => "Compared with the 2018 survey",
            SectionKind::NextSteps => "What to do next",
            SectionKind::Engagement => "Engagement of citizens",
            SectionKind::KeepAndShare => "Keep, share and print",
            SectionKind::KeepACopy => "Keep a copy",
        }
        .into()
    }

    /// The heading as a [`Section`].
    pub fn section(self, reader: Reader) -> Section {
        Section {
            id: self.id(),
            title: self.title(reader),
        }
    }
}

/// The sections in page order, for the contents list at the top of the page (a share link has one
/// more: keeping a copy).
pub fn sections(reader: Reader) -> Vec<Section> {
    use SectionKind::*;
    let mut kinds = vec![
        Readiness,
        Factors,
        Profile,
        ImportancePrevalence,
        Benchmark,
        NextSteps,
        Engagement,
        KeepAndShare,
    ];
    if reader == Reader::Shared {
        kinds.push(KeepACopy);
    }
    kinds.into_iter().map(|k| k.section(reader)).collect()
}

/// The page's heading.
pub fn page_heading(reader: Reader) -> &'static str {
    match reader {
        Reader::Owner => "Your results",
        Reader::Shared => "Shared results",
    }
}

/// The line under the heading: the assessment's name and whether it is finished (`completed`, the
/// date it was finished as the browser prints it), or what a share link is.
pub fn page_subtitle(reader: Reader, name: &str, completed: Option<&str>) -> String {
    match (reader, completed) {
        (Reader::Shared, _) => "Someone shared these results with you. They are shown here only; nothing is saved unless you choose to keep a copy.".into(),
        (Reader::Owner, Some(done)) => format!("{name}, completed {done}."),
        (Reader::Owner, None) => format!("{name}, not finished yet."),
    }
}

/// The radar table's caption (its name for assistive technology too).
pub fn radar_table_caption(reader: Reader) -> &'static str {
    match reader {
        Reader::Owner => "Your importance and prevalence for the six categories (0 to 3)",
        Reader::Shared => {
            "Importance and prevalence for the six categories in these results (0 to 3)"
        }
    }
}

/// The radar's name for assistive technology.
pub fn radar_label(reader: Reader) -> &'static str {
    match reader {
        Reader::Owner => {
            "Radar chart of your importance and prevalence scores for the six categories, from 0 to 3"
        }
        Reader::Shared => {
            "Radar chart of the importance and prevalence scores for the six categories, from 0 to 3"
        }
    }
}

