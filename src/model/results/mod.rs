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
pub mod plan;
pub mod unfinished;

#[cfg(test)]
pub(crate) mod fixtures;

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
    Plan,
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
            SectionKind::Plan => "section-plan",
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
            SectionKind::Plan if shared => "The action plan",
            SectionKind::Plan => "Your action plan",
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
/// more: keeping a copy; and the action plan only when the person shared it).
pub fn sections(reader: Reader) -> Vec<Section> {
    sections_with_plan(reader, reader == Reader::Owner)
}

/// The sections in page order, with the action plan's or without it.
pub fn sections_with_plan(reader: Reader, plan: bool) -> Vec<Section> {
    use SectionKind::*;
    let mut kinds = vec![
        Readiness,
        Factors,
        Profile,
        ImportancePrevalence,
        Benchmark,
        NextSteps,
    ];
    if plan {
        kinds.push(Plan);
    }
    kinds.extend([Engagement, KeepAndShare]);
    if reader == Reader::Shared {
        kinds.push(KeepACopy);
    }
    kinds.into_iter().map(|k| k.section(reader)).collect()
}

/// The line under the heading: what a share link is, or, under the opening of one's own results
/// (`model::openings::RESULTS`), the assessment's name and whether it is finished (`completed`,
/// the date it was finished as the browser prints it).
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instrument::{Engagement, Factor};
    use crate::engine::scoring::Trigger;
    use crate::model::results::benchmark::{benchmark_answer, benchmark_caption, benchmark_column};
    use crate::model::results::engagement::{engagement_position, ladder_mark};
    use crate::model::results::headline::headline_terms;
    use crate::model::results::keep::{download_intro, share_intro};
    use crate::model::results::next_steps::{next_steps_intro, no_action_area_text, trigger_text};

    #[test]
    fn defect_17_a_shared_view_never_tells_its_reader_your() {
        let mut texts: Vec<String> = sections(Reader::Shared)
            .into_iter()
            .map(|s| s.title)
            .collect();
        let trigger_cases = [
            Trigger::Factor(Factor::Places),
            Trigger::Incentives,
            Trigger::Tools,
            Trigger::LowEngagement,
        ];
        texts.extend(trigger_cases.map(|t| trigger_text(t, Reader::Shared)));
        texts.extend(
            Engagement::STEPS
                .iter()
                .copied()
                .chain([Engagement::NotApplicable])
                .map(Some)
                .chain([None])
                .map(|e| engagement_position(Reader::Shared, e)),
        );
        texts.push(ladder_mark(Reader::Shared).into());
        texts.push(benchmark_column(Reader::Shared).into());
        texts.push(benchmark_caption(Reader::Shared));
        texts.extend(
            [Some(true), Some(false), None].map(|g| benchmark_answer(Reader::Shared, None, g)),
        );
        texts.push(radar_table_caption(Reader::Shared).into());
        texts.push(radar_label(Reader::Shared).into());
        let (a, b) = headline_terms(Reader::Shared);
        texts.extend([a, b]);
        texts.push(download_intro(Reader::Shared).into());
        texts.push(share_intro(Reader::Shared));
        texts.push(next_steps_intro(Reader::Shared, true));
        texts.push(next_steps_intro(Reader::Shared, false));
        texts.push(no_action_area_text(Reader::Shared, &[]));
        for text in &texts {
            // The page "Your assessments" is named by its title, which is the reader's own page.
            let words: Vec<String> = text
                .replace("Your assessments", "")
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect();
            assert!(!words.iter().any(|w| w == "your" || w == "you"), "{text}");
        }
        assert_eq!(
            SectionKind::Readiness.title(Reader::Shared),
            "Collaboration readiness in these results"
        );
        assert_eq!(ladder_mark(Reader::Shared), " (the answer)");
        // The person's own results still speak to them.
        assert_eq!(
            SectionKind::Readiness.title(Reader::Owner),
            "Your collaboration readiness"
        );
        assert_eq!(ladder_mark(Reader::Owner), " (your answer)");
    }

    #[test]
    fn defect_22_the_contents_list_names_every_section_once() {
        for reader in [Reader::Owner, Reader::Shared] {
            let all = sections(reader);
            let mut ids: Vec<&str> = all.iter().map(|s| s.id).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), all.len());
            assert!(all.iter().all(|s| s.id.starts_with("section-")));
        }
        assert_eq!(sections(Reader::Owner).len(), 9);
        assert_eq!(sections(Reader::Shared).len(), 9, "no plan unless shared");
        assert_eq!(sections_with_plan(Reader::Shared, true).len(), 10);
        assert_eq!(
            sections_with_plan(Reader::Shared, true)[6].title,
            "The action plan"
        );
        assert_eq!(
            sections(Reader::Shared).last().map(|s| s.id),
            Some("section-keep-a-copy")
        );
    }

    #[test]
    fn the_line_under_the_heading_says_whose_results_they_are() {
        let cases = [
            (
                Reader::Owner,
                Some("1 May 2026"),
                "Team day, completed 1 May 2026.",
            ),
            (Reader::Owner, None, "Team day, not finished yet."),
        ];
        for (reader, completed, expected) in cases {
            assert_eq!(page_subtitle(reader, "Team day", completed), expected);
        }
        let shared = page_subtitle(Reader::Shared, "Team day", Some("1 May 2026"));
        assert!(
            shared.starts_with("Someone shared these results with you."),
            "{shared}"
        );
        assert!(!shared.contains("Team day"), "{shared}");
    }
}
