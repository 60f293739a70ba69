//! Responses the tests of the results' sections share.

use crate::engine::instrument::{Factor, Field, Measure};
use crate::engine::response::Response;

/// A response rating each factor given (importance, prevalence codes; "na" is not applicable).
pub fn rated(pairs: &[(Factor, &str, &str)]) -> Response {
    let mut r = Response::new("t");
    for &(f, i, p) in pairs {
        r.choose(Field::Score(Measure::Importance, f), i).unwrap();
        r.choose(Field::Score(Measure::Prevalence, f), p).unwrap();
    }
    r
}

/// Every required answer of a q1 = no assessment, with `prevalence` for every factor.
pub fn complete(prevalence: &str) -> Response {
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

/// The ratings and general answers the end-to-end tests give (FULL_ANSWERS in the questionnaire's
/// page object), whose figures those tests read off the page.
pub fn known_answers() -> Response {
    let mut r = rated(&[
        (Factor::Behaviours, "3", "1"),
        (Factor::Citizens, "2", "1"),
        (Factor::Systems, "3", "3"),
        (Factor::Services, "3", "2"),
        (Factor::Places, "3", "1"),
        (Factor::Markets, "2", "2"),
        (Factor::Urgency, "1", "0"),
        (Factor::Requirements, "na", "0"),
    ]);
    for (field, code) in [
        (Field::Q7, "critical"),
        (Field::Q9, "collaborating_better"),
        (Field::Q10, "involve"),
        (Field::Q11, "1"),
        (Field::Q12, "2"),
    ] {
        r.choose(field, code).unwrap();
    }
    r
}
