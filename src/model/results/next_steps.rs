//! "What to do next": the action areas that apply and why, or why none is given.

use crate::engine::scoring::{ActionAreaMatch, Trigger};
use crate::model::results::unfinished::{missing_text, MissingPage};
use crate::model::results::Reader;

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

/// The sentence under an action area: every reason it applies, "Because … ; and … .".
pub fn because_text(area: &ActionAreaMatch, reader: Reader) -> String {
    let reasons: Vec<String> = area
        .because
        .iter()
        .map(|t| trigger_text(*t, reader))
        .collect();
    format!("Because {}.", reasons.join("; and "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instrument::Factor;
    use crate::engine::scoring::score;
    use crate::model::flow::{self, Step};
    use crate::model::results::fixtures::{complete, known_answers, rated};
    use crate::model::results::unfinished::{continue_text, missing_pages};

    #[test]
    fn an_area_gives_every_reason_it_applies() {
        let areas = score(&known_answers()).action_areas;
        assert!(!areas.is_empty());
        for m in &areas {
            let text = because_text(m, Reader::Owner);
            assert!(
                text.starts_with("Because ") && text.ends_with('.'),
                "{text}"
            );
            assert_eq!(
                text.matches("; and ").count() + 1,
                m.because.len(),
                "{text}"
            );
        }
        let one = ActionAreaMatch {
            area: areas[0].area,
            because: vec![Trigger::Factor(Factor::Places)],
        };
        assert_eq!(
            because_text(&one, Reader::Owner),
            "Because Collaborative Places is little or not present in your organisation."
        );
        let two = ActionAreaMatch {
            area: areas[0].area,
            because: vec![Trigger::Incentives, Trigger::Tools],
        };
        assert_eq!(
            because_text(&two, Reader::Shared),
            "Because the organisation does little or nothing to value and incentivise collaborative \
             work; and the organisation gives its people few or no tools to collaborate well."
        );
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
}
