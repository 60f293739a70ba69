//! The words and small figures of the results pages (the open assessment, a share link and the
//! comparison of two assessments): section titles, what an unfinished assessment still needs, why an
//! action area applies, how a comparison reads, and the sentence on the earlier lines a radar overlays.
//!
//! Pure: no browser crate, tested natively. The pages in `src/web/pages/results.rs` only lay these out.
//! Every text depends on who reads it ([`Reader`]): the person whose results they are, or someone who
//! opened a share link, who must never be told "your" about another person's answers.

use crate::engine::benchmark::BENCHMARK_2018;
use crate::engine::instrument::{Choice, Engagement, Factor};
use crate::engine::response::Response;
use crate::engine::scoring::{ResponseScore, Trigger};
use crate::model::flow::{self, Step};
use crate::model::format::join_and;

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

/// A page of the questionnaire with required answers still missing (or not valid).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MissingPage {
    pub step: Step,
    /// How many of its required answers are missing.
    pub answers: usize,
}

/// The pages the person will see that still lack a required answer, in questionnaire order.
pub fn missing_pages(response: &Response) -> Vec<MissingPage> {
    flow::steps(response)
        .into_iter()
        .filter_map(|step| {
            let answers = flow::issues_on(step, response).len();
            (answers > 0).then_some(MissingPage { step, answers })
        })
        .collect()
}

fn answers_word(n: usize) -> String {
    format!("{n} {}", if n == 1 { "answer" } else { "answers" })
}

/// What is still missing, in words: "Not answered yet: Collaborative Places (2 answers) and About
/// you (4 answers)." Empty when nothing is missing.
pub fn missing_text(pages: &[MissingPage]) -> String {
    if pages.is_empty() {
        return String::new();
    }
    let factor_pages = pages
        .iter()
        .filter(|p| matches!(p.step, Step::Factor(_)))
        .count();
    // Eight factor pages by name would make the list longer than a phone's screen.
    let all_factors = factor_pages == Factor::ALL.len();
    let mut names: Vec<String> = Vec::new();
    for p in pages {
        match p.step {
            Step::Factor(f) if all_factors => {
                if f == Factor::ALL[0] {
                    let answers = pages
                        .iter()
                        .filter(|p| matches!(p.step, Step::Factor(_)))
                        .map(|p| p.answers)
                        .sum();
                    names.push(format!(
                        "the eight pages on the factors, {} to {} ({})",
                        Factor::ALL[0].name(),
                        Factor::ALL[Factor::ALL.len() - 1].name(),
                        answers_word(answers)
                    ));
                }
            }
            _ => names.push(format!(
                "{} ({})",
                p.step.heading(),
                answers_word(p.answers)
            )),
        }
    }
    format!("Not answered yet: {}.", join_and(&names))
}

/// The link text that takes the person back to the first page with a missing answer.
pub fn continue_text(step: Step) -> String {
    format!(
        "Continue the assessment at \u{201c}{}\u{201d}",
        step.heading()
    )
}

/// What "What to do next" says when no action area shows: for a finished assessment, that none of
/// the weaknesses shows; for an unfinished one, that the answers so far do not show one, and what is
/// still missing (an action area may follow from an answer not given yet).
pub fn no_action_area_text(reader: Reader, pages: &[MissingPage]) -> String {
    if pages.is_empty() {
        format!(
            "None of the weaknesses that lead to an area of action shows in {} answers. Keep measuring: \
             readiness can slip as people and partnerships change.",
            reader.the()
        )
    } else {
        format!(
            "No area of action can be given yet: the assessment is not finished, and an area of action may \
             follow from an answer not given so far. {}",
            missing_text(pages)
        )
    }
}

/// Where the areas of action come from.
pub const NEXT_STEPS_BACKGROUND: &str =
    "After the survey, the Collaborate Foundation held a seminar on how \
     to improve readiness. Its four areas of action are in Appendix 1 of the report.";

/// The sentence that introduces the action areas that apply.
pub fn next_steps_intro(reader: Reader, finished: bool) -> String {
    if finished {
        format!("These are the ones {} answers point to:", reader.the())
    } else {
        format!(
            "These are the ones {} answers so far point to; more may apply once the assessment is finished:",
            reader.the()
        )
    }
}

/// Why an action area applies, as the end of a sentence starting "Because …".
pub fn trigger_text(trigger: Trigger, reader: Reader) -> String {
    let org = reader.the();
    match trigger {
        Trigger::Factor(f) => format!(
            "{} is little or not present in {org} organisation",
            f.name()
        ),
        Trigger::Incentives => {
            format!("{org} organisation does little or nothing to value and incentivise collaborative work")
        }
        Trigger::Tools => match reader {
            Reader::Owner => {
                "your organisation gives you few or no tools to collaborate well".into()
            }
            Reader::Shared => {
                "the organisation gives its people few or no tools to collaborate well".into()
            }
        },
        Trigger::LowEngagement => {
            "the public and service users are informed or consulted, rather than involved".into()
        }
    }
}

/// Where q10 places the person on the ladder of citizen engagement.
pub fn engagement_position(reader: Reader, chosen: Option<Engagement>) -> String {
    match (chosen, reader) {
        (None, Reader::Owner) => {
            "You have not said how far the public and service users are involved.".into()
        }
        (None, Reader::Shared) => {
            "These results do not say how far the public and service users are involved.".into()
        }
        (Some(Engagement::NotApplicable), Reader::Owner) => {
            "You said this question does not apply to you.".into()
        }
        (Some(Engagement::NotApplicable), Reader::Shared) => {
            "The answer says this question does not apply.".into()
        }
        (Some(e), reader) => format!(
            "{} the typical involvement of the public and service users at step {} of 5: {}.",
            match reader {
                Reader::Owner => "You placed",
                Reader::Shared => "The answer places",
            },
            e.step().map(|s| s + 1).unwrap_or(0),
            e.label()
        ),
    }
}

/// The mark beside the chosen step of the ladder.
pub fn ladder_mark(reader: Reader) -> &'static str {
    match reader {
        Reader::Owner => " (your answer)",
        Reader::Shared => " (the answer)",
    }
}

/// The header of the benchmark table's column of this response's answers.
pub fn benchmark_column(reader: Reader) -> &'static str {
    match reader {
        Reader::Owner => "You",
        Reader::Shared => "These results",
    }
}

/// The benchmark table's caption.
pub fn benchmark_caption(reader: Reader) -> String {
    let whose = match reader {
        Reader::Owner => "Your answers",
        Reader::Shared => "These answers",
    };
    format!(
        "{whose} beside the 2018 survey ({} respondents)",
        BENCHMARK_2018.n
    )
}

/// One cell of the benchmark table's answers column: a score, or whether the answer falls in the
/// group the 2018 share counts.
pub fn benchmark_answer(reader: Reader, score: Option<f64>, in_group: Option<bool>) -> String {
    match (score, in_group) {
        (Some(v), _) => crate::model::format::score(v),
        (None, Some(true)) => match reader {
            Reader::Owner => "Yes, you are in this group".into(),
            Reader::Shared => "Yes, the answer is in this group".into(),
        },
        (None, Some(false)) => "No".into(),
        (None, None) => "Not answered or not asked".into(),
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

/// The description of the two headline figures.
pub fn headline_terms(reader: Reader) -> (String, String) {
    (
        format!(
            "Readiness (how far the six categories are present in {} organisation)",
            reader.the()
        ),
        format!(
            "Importance (how much the six categories matter in {} area)",
            match reader {
                Reader::Owner => "your",
                Reader::Shared => "its",
            }
        ),
    )
}

/// The paragraph above the download buttons.
pub fn download_intro(reader: Reader) -> &'static str {
    match reader {
        Reader::Owner => {
            "Download your answers to keep them, to open them on another device (with Import on the Your \
             assessments page), or to give them to a facilitator who is putting together a group report."
        }
        Reader::Shared => {
            "Download these answers to keep them, to open them on another device (with Import on the Your \
             assessments page), or to give them to a facilitator who is putting together a group report."
        }
    }
}

/// The paragraph above the share link.
pub fn share_intro(reader: Reader) -> String {
    format!(
        "This link carries {} answers in the part of the address after the # sign, which browsers never \
         send to a server. Anyone with the link can see these results.",
        match reader {
            Reader::Owner => "your",
            Reader::Shared => "the",
        }
    )
}

/// A change of a 0–3 score from one assessment to another: `+2`, `−1`, `0`, or `–` when either is
/// missing.
pub fn change(before: Option<u8>, after: Option<u8>) -> String {
    match (before, after) {
        (Some(x), Some(y)) => {
            let d = i32::from(y) - i32::from(x);
            match d.signum() {
                1 => format!("+{d}"),
                -1 => format!("\u{2212}{}", d.abs()),
                _ => "0".into(),
            }
        }
        _ => "\u{2013}".into(),
    }
}

/// The sentence next to the comparison radar: where prevalence rose and where it fell.
pub fn compare_summary(
    earlier: &str,
    earlier_score: &ResponseScore,
    later: &str,
    later_score: &ResponseScore,
) -> String {
    let changes: Vec<(Factor, i32)> = Factor::ALL
        .iter()
        .filter_map(|f| {
            let x = earlier_score.factor(*f).prevalence?;
            let y = later_score.factor(*f).prevalence?;
            Some((*f, i32::from(y) - i32::from(x)))
        })
        .collect();
    let names = |up: bool| -> Vec<String> {
        changes
            .iter()
            .filter(|(_, d)| if up { *d > 0 } else { *d < 0 })
            .map(|(f, _)| f.name().to_string())
            .collect()
    };
    let (up, down) = (names(true), names(false));
    let change = match (up.is_empty(), down.is_empty()) {
        _ if changes.is_empty() => {
            "no factor has a prevalence rated in both, so no change can be shown".to_string()
        }
        (false, false) => format!(
            "prevalence rose for {} and fell for {}",
            join_and(&up),
            join_and(&down)
        ),
        (false, true) => format!(
            "prevalence rose for {} and did not fall for any factor",
            join_and(&up)
        ),
        (true, false) => format!(
            "prevalence fell for {} and did not rise for any factor",
            join_and(&down)
        ),
        (true, true) => "prevalence stayed the same for every factor rated in both".to_string(),
    };
    format!("From \u{201c}{earlier}\u{201d} to \u{201c}{later}\u{201d}, {change}. {EARLIER_LINES}")
}

/// The assessments one of the two lists on the comparison page offers: every one but the assessment
/// chosen in the other list, so that an assessment is never compared with itself.
pub fn compare_options(
    choices: &[(String, String)],
    chosen_in_other: &str,
) -> Vec<(String, String)> {
    choices
        .iter()
        .filter(|(id, _)| id != chosen_in_other)
        .cloned()
        .collect()
}

/// The pair of assessments to compare, if they are two different ones.
pub fn distinct_pair<'a>(first: &'a str, second: &'a str) -> Option<(&'a str, &'a str)> {
    (first != second).then_some((first, second))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instrument::{Field, Measure};
    use crate::engine::scoring::score;

    fn rated(pairs: &[(Factor, &str, &str)]) -> Response {
        let mut r = Response::new("t");
        for &(f, i, p) in pairs {
            r.choose(Field::Score(Measure::Importance, f), i).unwrap();
            r.choose(Field::Score(Measure::Prevalence, f), p).unwrap();
        }
        r
    }

    /// Every required answer of a q1 = no assessment, with `prevalence` for every factor.
    fn complete(prevalence: &str) -> Response {
        let mut r = rated(
            &Factor::ALL
                .iter()
                .map(|f| (*f, "3", prevalence))
                .collect::<Vec<_>>(),
        );
        for (field, code) in [
            (Field::Q1, "no"),
            (Field::Q7, "critical"),
            (Field::Q9, "alone_better"),
            (Field::Q10, "involve"),
            (Field::Q11, "3"),
            (Field::Q12, "3"),
            (Field::Q15, "chief_executive"),
            (Field::Q16, "public"),
        ] {
            r.choose(field, code).unwrap();
        }
        for (field, code) in [(Field::Q17, "health_social_care"), (Field::Q18, "wales")] {
            r.toggle(field, code).unwrap();
        }
        r
    }

    #[test]
    fn the_complete_fixture_is_complete() {
        let r = complete("3");
        assert!(r.is_complete(), "{:?}", missing_pages(&r));
        assert!(missing_pages(&r).is_empty());
    }

    #[test]
    fn defect_16_an_unfinished_assessment_says_what_is_missing_not_that_nothing_shows() {
        // Only the factor pages answered, all "a great deal": no action area, but q1 to q12 and the
        // page about you are missing.
        let r = rated(
            &Factor::ALL
                .iter()
                .map(|f| (*f, "3", "3"))
                .collect::<Vec<_>>(),
        );
        assert!(score(&r).action_areas.is_empty());
        let pages = missing_pages(&r);
        let steps: Vec<Step> = pages.iter().map(|p| p.step).collect();
        assert_eq!(
            steps,
            vec![
                Step::Example,
                Step::ExampleDetails,
                Step::General,
                Step::Involvement,
                Step::AboutYou
            ]
        );
        assert_eq!(flow::resume_at(&r), Some(Step::Example));
        let text = no_action_area_text(Reader::Owner, &pages);
        assert!(!text.contains("None of the weaknesses"), "{text}");
        assert!(text.contains("not finished"), "{text}");
        assert!(
            text.ends_with(
                "Not answered yet: A recent collaboration (1 answer), About that collaboration (4 answers), \
                 Collaboration in general (2 answers), Involvement (3 answers) and About you (4 answers)."
            ),
            "{text}"
        );
        assert_eq!(
            continue_text(Step::Example),
            "Continue the assessment at \u{201c}A recent collaboration\u{201d}"
        );
        // Finished, the same answers say that no weakness shows.
        let done = complete("3");
        assert!(
            no_action_area_text(Reader::Owner, &missing_pages(&done)).starts_with(
                "None of the weaknesses that lead to an area of action shows in your answers."
            )
        );
        assert!(next_steps_intro(Reader::Owner, false).contains("more may apply"));
        assert!(!next_steps_intro(Reader::Owner, true).contains("more may apply"));
    }

    #[test]
    fn defect_16_the_eight_factor_pages_are_named_together_when_all_are_missing() {
        let mut r = Response::new("t");
        r.choose(Field::Q1, "no").unwrap();
        assert_eq!(
            missing_text(&missing_pages(&r)),
            "Not answered yet: Collaboration in general (2 answers), Involvement (3 answers), the eight \
             pages on the factors, Collaborative Behaviours to Requirements (16 answers) and About you \
             (4 answers)."
        );
        // One answer on a factor page still leaves that page, so all eight, missing.
        r.choose(Field::Score(Measure::Importance, Factor::Places), "3")
            .unwrap();
        assert!(missing_text(&missing_pages(&r)).contains("the eight pages on the factors"));
        assert!(missing_text(&missing_pages(&r)).contains("(15 answers)"));
        // With one page done, the seven others are named one by one.
        r.choose(Field::Score(Measure::Prevalence, Factor::Places), "3")
            .unwrap();
        let text = missing_text(&missing_pages(&r));
        assert!(
            text.contains("Collaborative Services (2 answers), Collaborative Markets (2 answers)")
                && !text.contains("Collaborative Places")
                && !text.contains("eight"),
            "{text}"
        );
    }

    #[test]
    fn defect_16_a_page_hidden_by_q1_is_never_listed_as_missing() {
        let mut r = complete("3");
        r.choose(Field::Q1, "yes").unwrap();
        let pages = missing_pages(&r);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].step, Step::ExampleDetails);
        r.choose(Field::Q1, "no").unwrap();
        assert!(missing_pages(&r).is_empty());
    }

    #[test]
    fn defect_17_the_comparison_summary_never_says_fell_for_none() {
        let a = score(&complete("1"));
        let cases = [
            (
                complete("3"),
                "prevalence rose for Collaborative Behaviours, Collaborative Citizens, Collaborative \
                 Systems, Collaborative Services, Collaborative Places, Collaborative Markets, Urgency and \
                 Requirements and did not fall for any factor.",
            ),
            (
                complete("0"),
                "prevalence fell for Collaborative Behaviours, Collaborative Citizens, Collaborative \
                 Systems, Collaborative Services, Collaborative Places, Collaborative Markets, Urgency and \
                 Requirements and did not rise for any factor.",
            ),
            (
                complete("1"),
                "prevalence stayed the same for every factor rated in both.",
            ),
            (
                Response::new("empty"),
                "no factor has a prevalence rated in both, so no change can be shown.",
            ),
        ];
        for (later, expected) in cases {
            let text = compare_summary("A", &a, "B", &score(&later));
            assert!(!text.contains("none"), "{text}");
            assert_eq!(
                text,
                format!("From \u{201c}A\u{201d} to \u{201c}B\u{201d}, {expected} {EARLIER_LINES}")
            );
        }
        let mut mixed = complete("1");
        mixed
            .choose(Field::Score(Measure::Prevalence, Factor::Places), "3")
            .unwrap();
        mixed
            .choose(Field::Score(Measure::Prevalence, Factor::Markets), "0")
            .unwrap();
        assert!(compare_summary("A", &a, "B", &score(&mixed)).contains(
            "prevalence rose for Collaborative Places and fell for Collaborative Markets."
        ));
    }

    #[test]
    fn defect_17_an_assessment_is_never_compared_with_itself() {
        let choices: Vec<(String, String)> = ["a", "b", "c"]
            .iter()
            .map(|id| (id.to_string(), format!("Assessment {id}")))
            .collect();
        let offered: Vec<String> = compare_options(&choices, "b")
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(offered, vec!["a", "c"]);
        assert_eq!(distinct_pair("a", "a"), None);
        assert_eq!(distinct_pair("a", "b"), Some(("a", "b")));
    }

    #[test]
    fn changes_carry_a_true_minus_and_a_dash_when_missing() {
        assert_eq!(change(Some(1), Some(3)), "+2");
        assert_eq!(change(Some(3), Some(2)), "\u{2212}1");
        assert_eq!(change(Some(2), Some(2)), "0");
        assert_eq!(change(None, Some(2)), "\u{2013}");
    }

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
        assert_eq!(sections(Reader::Owner).len(), 8);
        assert_eq!(
            sections(Reader::Shared).last().map(|s| s.id),
            Some("section-keep-a-copy")
        );
    }
}
