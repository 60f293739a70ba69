//! The questionnaire's pages: which questions each shows, their order under the q1 branch, their
//! addresses, and the messages that tell a person what to do when an answer is missing or invalid.
//!
//! One topic per page, as in the GOV.UK question-page pattern: the recent example (q1), its details
//! (q2–q6, only when q1 = yes), collaboration in general (q7–q9), involvement (q10–q12), one page per
//! factor with its importance (q13) and prevalence (q14), and about you (q15–q18). Pure: no browser
//! crate, tested natively.

use crate::engine::instrument::{Factor, Field, FieldKind, Measure, QuestionId};
use crate::engine::response::{IssueKind, Response, ValidationIssue};

/// A page of the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Example,
    ExampleDetails,
    General,
    Involvement,
    Factor(Factor),
    AboutYou,
}

impl Step {
    /// Every page in order, including the one the q1 branch may skip.
    pub fn all() -> Vec<Step> {
        let mut steps = vec![
            Step::Example,
            Step::ExampleDetails,
            Step::General,
            Step::Involvement,
        ];
        steps.extend(Factor::ALL.iter().map(|&f| Step::Factor(f)));
        steps.push(Step::AboutYou);
        steps
    }

    /// The page's address segment (`#/assessment/<slug>`).
    pub fn slug(self) -> String {
        match self {
            Step::Example => "example".into(),
            Step::ExampleDetails => "example-details".into(),
            Step::General => "in-general".into(),
            Step::Involvement => "involvement".into(),
            Step::Factor(f) => format!("factor-{}", f.id()),
            Step::AboutYou => "about-you".into(),
        }
    }

    /// The page whose slug this is.
    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::all().into_iter().find(|s| s.slug() == slug)
    }

    /// The page's main heading.
    pub fn heading(self) -> String {
        match self {
            Step::Example => "A recent collaboration".into(),
            Step::ExampleDetails => "About that collaboration".into(),
            Step::General => "Collaboration in general".into(),
            Step::Involvement => "Involvement".into(),
            Step::Factor(f) => f.name().into(),
            Step::AboutYou => "About you".into(),
        }
    }

    /// The questions the page asks, in display order.
    pub fn questions(self) -> &'static [QuestionId] {
        use QuestionId::*;
        match self {
            Step::Example => &[Q1],
            Step::ExampleDetails => &[Q2, Q3, Q4, Q5, Q6],
            Step::General => &[Q7, Q8, Q9],
            Step::Involvement => &[Q10, Q11, Q12],
            Step::Factor(_) => &[Q13, Q14],
            Step::AboutYou => &[Q15, Q16, Q17, Q18],
        }
    }

    /// The answer fields the page fills, in display order.
    pub fn fields(self) -> Vec<Field> {
        match self {
            Step::Factor(f) => Measure::ALL.iter().map(|&m| Field::Score(m, f)).collect(),
            _ => Field::ALL
                .iter()
                .copied()
                .filter(|field| self.questions().contains(&field.question()))
                .collect(),
        }
    }

    /// Whether the person sees this page given their answers (q2–q6 drop out when q1 = no).
    pub fn is_shown(self, response: &Response) -> bool {
        self.fields()
            .iter()
            .any(|&f| response.answers().is_shown(f))
    }
}

/// The pages the person will see, in order.
pub fn steps(response: &Response) -> Vec<Step> {
    Step::all()
        .into_iter()
        .filter(|s| s.is_shown(response))
        .collect()
}

/// The page after `step`; `None` when the next page is "check your answers".
pub fn next(step: Step, response: &Response) -> Option<Step> {
    let all = steps(response);
    let at = all.iter().position(|&s| s == step);
    match at {
        Some(i) => all.get(i + 1).copied(),
        // A page the branch now hides: carry on from where it stood in the full order.
        None => Step::all()
            .into_iter()
            .skip_while(|&s| s != step)
            .skip(1)
            .find(|s| s.is_shown(response)),
    }
}

/// The page before `step`; `None` when it is the first page.
pub fn previous(step: Step, response: &Response) -> Option<Step> {
    let mut before: Vec<Step> = Step::all().into_iter().take_while(|&s| s != step).collect();
    before.retain(|s| s.is_shown(response));
    before.pop()
}

/// Where a returning person carries on: the first page with a required answer missing, or `None`
/// when everything is answered (then "check your answers").
pub fn resume_at(response: &Response) -> Option<Step> {
    steps(response)
        .into_iter()
        .find(|&s| !issues_on(s, response).is_empty())
}

/// The page after `step` for a person who came from "check your answers" to change an answer:
/// the next page their change revealed, that is one shown now that was not in `before` (the pages
/// shown when they left "check your answers") and that still misses a required answer (a page
/// revealed with its earlier answers complete needs no visit); `None` to go back to "check your
/// answers". Pages they skipped before are not revisited: that page lists them.
pub fn next_returning(step: Step, before: &[Step], response: &Response) -> Option<Step> {
    Step::all()
        .into_iter()
        .skip_while(|&s| s != step)
        .skip(1)
        .filter(|s| !before.contains(s) && s.is_shown(response))
        .find(|&s| !issues_on(s, response).is_empty())
}

/// Where "Back" leads on a page reached while changing an answer from "check your answers": from a
/// page the change revealed (not in `before`), the page before it; else `None`, "check your
/// answers" itself, where the person came from.
pub fn back_returning(step: Step, before: &[Step], response: &Response) -> Option<Step> {
    if before.contains(&step) {
        return None;
    }
    previous(step, response)
}

/// The validation findings for the page's fields that stop the results (missing or invalid answers).
pub fn issues_on(step: Step, response: &Response) -> Vec<ValidationIssue> {
    let fields = step.fields();
    response
        .validate()
        .into_iter()
        .filter(|i| i.blocks_results() && i.field.is_some_and(|f| fields.contains(&f)))
        .collect()
}

/// The page a field is asked on.
pub fn step_of(field: Field) -> Step {
    Step::all()
        .into_iter()
        .find(|s| s.fields().contains(&field))
        .expect("every field is asked on a page")
}

/// The id of the form control a field's error links to (its first option, or its text box).
pub fn control_id(field: Field, code: Option<&str>) -> String {
    match code {
        Some(code) => format!("{}-{}", field.column(), code),
        None => field.column().to_string(),
    }
}

/// Where an error message for `field` sends focus: its first control.
pub fn first_control_id(field: Field) -> String {
    match field.kind() {
        FieldKind::Text { .. } => control_id(field, None),
        kind => control_id(field, kind.options().first().map(|o| o.code)),
    }
}

/// What a person needs to do about an issue, in the words of the GOV.UK error-message pattern.
pub fn message(issue: &ValidationIssue) -> String {
    let Some(field) = issue.field else {
        return issue.kind.to_string();
    };
    match &issue.kind {
        IssueKind::Missing => missing_message(field),
        IssueKind::TooLong { max, .. } => {
            format!(
                "{} must be {} characters or fewer",
                text_name(field),
                crate::model::format::count(*max as u64)
            )
        }
        other => format!("{}: {other}", field.column()),
    }
}

/// The name of a free-text answer in an error message.
pub fn text_name(field: Field) -> &'static str {
    match field {
        Field::Q2 => "The description of the project or programme",
        Field::Q3Other => "The other organisations",
        Field::Q8 => "Your reason",
        _ => "The answer",
    }
}

fn missing_message(field: Field) -> String {
    match field {
        Field::Q1 => "Select yes if you can think of a time you worked in collaboration in the past 12 months".into(),
        Field::Q3 => "Select the organisations that were stakeholders or involved".into(),
        Field::Q4 => "Select how many organisations were involved".into(),
        Field::Q5 => "Select where most of the staff involved came from".into(),
        Field::Q6 => "Select how successful the programme of work or project has been".into(),
        Field::Q7 => "Select how important collaboration is to delivering your services".into(),
        Field::Q9 => "Select the statement that reflects your view best".into(),
        Field::Q10 => "Select the typical level of involvement of the public and service users".into(),
        Field::Q11 => "Select how far your organisation values and incentivises collaborative work".into(),
        Field::Q12 => "Select how far your organisation gives you the tools to collaborate well".into(),
        Field::Score(Measure::Importance, f) => format!(
            "Select how important {} is to successful collaboration in your area, or not applicable",
            f.name()
        ),
        Field::Score(Measure::Prevalence, f) => format!(
            "Select how far {} is present in your organisation, or not applicable",
            f.name()
        ),
        Field::Q15 => "Select your role".into(),
        Field::Q16 => "Select the sector your organisation works in".into(),
        Field::Q17 => "Select every area your organisation works in".into(),
        Field::Q18 => "Select every area of the UK your organisation works in".into(),
        Field::Q2 | Field::Q3Other | Field::Q8 => format!("Enter {}", text_name(field).to_ascii_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(answers: &[(Field, &str)]) -> Response {
        let mut r = Response::new("t");
        for &(field, code) in answers {
            match field.kind() {
                FieldKind::Multiple(_) => r.toggle(field, code).unwrap(),
                FieldKind::Text { .. } => r.set_text(field, code).unwrap(),
                _ => r.choose(field, code).unwrap(),
            }
        }
        r
    }

    #[test]
    fn every_field_is_asked_on_exactly_one_page() {
        for field in Field::ALL {
            let pages: Vec<Step> = Step::all()
                .into_iter()
                .filter(|s| s.fields().contains(&field))
                .collect();
            assert_eq!(pages.len(), 1, "{field:?} on {pages:?}");
        }
    }

    #[test]
    fn slugs_round_trip_and_are_unique() {
        let all = Step::all();
        assert_eq!(all.len(), 13);
        for step in &all {
            assert_eq!(Step::from_slug(&step.slug()), Some(*step));
        }
        let mut slugs: Vec<String> = all.iter().map(|s| s.slug()).collect();
        slugs.dedup();
        assert_eq!(slugs.len(), 13);
        assert_eq!(Step::from_slug("factor-nowhere"), None);
    }

    #[test]
    fn q1_no_skips_the_example_details_and_yes_or_unanswered_keep_them() {
        type Answers<'a> = &'a [(Field, &'a str)];
        let cases: [(Answers, usize, bool); 3] = [
            (&[], 13, true),
            (&[(Field::Q1, "yes")], 13, true),
            (&[(Field::Q1, "no")], 12, false),
        ];
        for (answers, count, details) in cases {
            let r = with(answers);
            assert_eq!(steps(&r).len(), count, "{answers:?}");
            assert_eq!(
                steps(&r).contains(&Step::ExampleDetails),
                details,
                "{answers:?}"
            );
        }
        let no = with(&[(Field::Q1, "no")]);
        assert_eq!(next(Step::Example, &no), Some(Step::General));
        assert_eq!(previous(Step::General, &no), Some(Step::Example));
        let yes = with(&[(Field::Q1, "yes")]);
        assert_eq!(next(Step::Example, &yes), Some(Step::ExampleDetails));
        assert_eq!(previous(Step::General, &yes), Some(Step::ExampleDetails));
        // Sitting on the details page when q1 turns to no: next still moves forward.
        assert_eq!(next(Step::ExampleDetails, &no), Some(Step::General));
    }

    #[test]
    fn the_sequence_runs_from_example_to_about_you_then_check() {
        let r = Response::new("t");
        assert_eq!(previous(Step::Example, &r), None);
        assert_eq!(
            next(Step::Involvement, &r),
            Some(Step::Factor(Factor::Behaviours))
        );
        assert_eq!(
            next(Step::Factor(Factor::Requirements), &r),
            Some(Step::AboutYou)
        );
        assert_eq!(next(Step::AboutYou, &r), None);
    }

    #[test]
    fn a_factor_page_asks_importance_then_prevalence_of_that_factor() {
        assert_eq!(
            Step::Factor(Factor::Places).fields(),
            vec![
                Field::Score(Measure::Importance, Factor::Places),
                Field::Score(Measure::Prevalence, Factor::Places)
            ]
        );
    }

    #[test]
    fn resume_goes_to_the_first_page_with_a_missing_answer() {
        assert_eq!(resume_at(&Response::new("t")), Some(Step::Example));
        let r = with(&[
            (Field::Q1, "no"),
            (Field::Q7, "critical"),
            (Field::Q9, "alone_better"),
        ]);
        assert_eq!(resume_at(&r), Some(Step::Involvement));
    }

    #[test]
    fn page_issues_name_only_that_pages_missing_required_answers() {
        let r = with(&[(Field::Q7, "critical")]);
        let fields: Vec<Field> = issues_on(Step::General, &r)
            .iter()
            .filter_map(|i| i.field)
            .collect();
        assert_eq!(fields, vec![Field::Q9], "q8 is optional, q7 answered");
        let r = with(&[(Field::Q1, "no")]);
        assert!(
            issues_on(Step::ExampleDetails, &r).is_empty(),
            "a hidden page asks nothing"
        );
    }

    #[test]
    fn every_required_field_has_a_specific_message_and_long_text_says_the_limit() {
        for field in Field::ALL {
            let text = message(&ValidationIssue {
                field: Some(field),
                kind: IssueKind::Missing,
            });
            assert!(
                text.starts_with("Select") || text.starts_with("Enter"),
                "{field:?}: {text}"
            );
        }
        let long = ValidationIssue {
            field: Some(Field::Q8),
            kind: IssueKind::TooLong {
                len: 2001,
                max: 2000,
            },
        };
        assert_eq!(
            message(&long),
            "Your reason must be 2,000 characters or fewer"
        );
    }

    #[test]
    fn error_links_point_at_the_first_control_of_the_field() {
        assert_eq!(first_control_id(Field::Q1), "q1-yes");
        assert_eq!(first_control_id(Field::Q2), "q2");
        assert_eq!(
            first_control_id(Field::Score(Measure::Prevalence, Factor::Citizens)),
            "q14_citizens-0"
        );
    }

    #[test]
    fn defect_15_change_from_check_returns_there_through_the_pages_it_reveals() {
        use Step::*;
        let no = with(&[(Field::Q1, "no")]);
        let yes = with(&[(Field::Q1, "yes")]);
        // Answered about the example earlier, then said no, now yes again: nothing to ask.
        let yes_kept = with(&[
            (Field::Q1, "yes"),
            (Field::Q2, "A hub"),
            (Field::Q3, "ccg"),
            (Field::Q4, "3"),
            (Field::Q5, "middle"),
            (Field::Q6, "very_successful"),
        ]);
        let with_no = steps(&no);
        let with_yes = steps(&yes);
        // (page changed, pages shown on leaving check, answers now, next, back)
        type Case<'a> = (Step, &'a [Step], &'a Response, Option<Step>, Option<Step>);
        let cases: [Case; 7] = [
            // q1 no → yes reveals the example's details, which must be answered, then check.
            (Example, &with_no, &yes, Some(ExampleDetails), None),
            (ExampleDetails, &with_no, &yes, None, Some(Example)),
            // Revealed with every required answer already there: straight back to check.
            (Example, &with_no, &yes_kept, None, None),
            // q1 yes → no hides a page: back to check at once.
            (Example, &with_yes, &no, None, None),
            // A change that reveals nothing, although later pages were skipped unanswered.
            (Example, &with_yes, &yes, None, None),
            (General, &with_yes, &yes, None, None),
            (AboutYou, &with_no, &no, None, None),
        ];
        for (step, before, response, next, back) in cases {
            assert_eq!(
                next_returning(step, before, response),
                next,
                "next from {step:?}"
            );
            assert_eq!(
                back_returning(step, before, response),
                back,
                "back from {step:?}"
            );
        }
    }
}
