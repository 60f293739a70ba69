//! The headline: readiness and importance over the six categories of the index, on 0–3 and as a
//! share of the scale, and what they are based on.

use crate::engine::instrument::{Factor, Measure};
use crate::engine::response::Response;
use crate::engine::scoring::ResponseScore;
use crate::model::format::{count, score, share};
use crate::model::results::factors::not_applicable;
use crate::model::results::Reader;

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

/// A headline figure: the mean score and its share of the scale's top, "1.67 out of 3 (56%)".
pub fn index_text(index: Option<f64>) -> String {
    match index {
        Some(v) => format!("{} out of 3 ({})", score(v), share(Some(v / 3.0))),
        None => "No score yet".into(),
    }
}

/// What the headline is based on: how many of the six categories have a prevalence score, how many
/// are marked not applicable, and both indices over all eight factors.
pub fn basis_text(response: &Response, scores: &ResponseScore) -> String {
    let six = Factor::INDEX_CATEGORIES;
    let answered = six
        .iter()
        .filter(|f| scores.factor(**f).prevalence.is_some())
        .count();
    let na = six
        .iter()
        .filter(|f| not_applicable(response, Measure::Prevalence, **f))
        .count();
    let extended = |x: Option<f64>| x.map_or_else(|| "no score".into(), score);
    format!(
        "Based on {} of the 6 categories of the Collaboration Readiness Index; {} marked not applicable. \
         With urgency and requirements too: readiness {}, importance {}.",
        count(answered as u64),
        count(na as u64),
        extended(scores.prevalence_index_extended),
        extended(scores.importance_index_extended),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scoring::score as score_of;
    use crate::model::results::fixtures::{known_answers, rated};

    #[test]
    fn the_headline_prints_each_index_out_of_3_and_as_a_share() {
        for (index, expected) in [
            (Some(10.0 / 6.0), "1.67 out of 3 (56%)"),
            (Some(16.0 / 6.0), "2.67 out of 3 (89%)"),
            (Some(0.0), "0.00 out of 3 (0%)"),
            (Some(3.0), "3.00 out of 3 (100%)"),
            // A tie on both figures: halves away from zero, as everywhere (0.375 of 3 is 12.5%).
            (Some(0.375), "0.38 out of 3 (13%)"),
            (None, "No score yet"),
        ] {
            assert_eq!(index_text(index), expected, "{index:?}");
        }
    }

    #[test]
    fn the_basis_counts_answered_and_not_applicable_categories() {
        let known = known_answers();
        assert_eq!(
            basis_text(&known, &score_of(&known)),
            "Based on 6 of the 6 categories of the Collaboration Readiness Index; 0 marked not \
             applicable. With urgency and requirements too: readiness 1.25, importance 2.43."
        );
        let some = rated(&[
            (Factor::Behaviours, "3", "na"),
            (Factor::Citizens, "2", "na"),
            (Factor::Places, "1", "2"),
        ]);
        assert_eq!(
            basis_text(&some, &score_of(&some)),
            "Based on 1 of the 6 categories of the Collaboration Readiness Index; 2 marked not \
             applicable. With urgency and requirements too: readiness 2.00, importance 2.00."
        );
        let none = Response::new("t");
        assert_eq!(
            basis_text(&none, &score_of(&none)),
            "Based on 0 of the 6 categories of the Collaboration Readiness Index; 0 marked not \
             applicable. With urgency and requirements too: readiness no score, importance no score."
        );
    }
}
