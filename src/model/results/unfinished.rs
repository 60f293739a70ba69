//! What an unfinished assessment still needs: the pages with a required answer missing, in words,
//! and the way back to the first of them.

use crate::engine::instrument::Factor;
use crate::engine::response::{Completion, Response};
use crate::model::flow::{self, Step};
use crate::model::format::{count, join_and, plural};

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
    plural(n as u64, "answer", "answers")
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

/// The first words of the notice on an unfinished assessment's results: how many answers are given.
pub fn so_far_text(completion: &Completion) -> String {
    format!(
        "These are results so far: {} of {} answers given. ",
        count(completion.answered as u64),
        count(completion.visible as u64)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instrument::{Field, Measure};
    use crate::model::results::fixtures::{complete, rated};

    #[test]
    fn the_complete_fixture_is_complete() {
        let r = complete("3");
        assert!(r.is_complete(), "{:?}", missing_pages(&r));
        assert!(missing_pages(&r).is_empty());
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
    fn the_notice_counts_the_answers_given_of_those_the_person_sees() {
        let cases = [
            (
                Response::new("t"),
                "These are results so far: 0 of 30 answers given. ",
            ),
            (
                complete("3"),
                "These are results so far: 26 of 26 answers given. ",
            ),
            (
                rated(&[(Factor::Places, "3", "na")]),
                "These are results so far: 2 of 30 answers given. ",
            ),
        ];
        for (response, expected) in cases {
            assert_eq!(so_far_text(&response.completion()), expected);
        }
    }
}
