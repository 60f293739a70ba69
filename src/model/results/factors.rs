//! The table of every factor: importance, prevalence, the gap between them, the prevalence band and
//! whether the factor is a priority; the six categories of the index first, then the two others.

use crate::engine::instrument::{Factor, Measure};
use crate::engine::response::Response;
use crate::engine::scoring::{FactorScore, ResponseScore};
use crate::model::format::{gap, rating, NO_SCORE};
use crate::model::table::{Column, Table};

/// The table's caption.
pub const CAPTION: &str =
    "Importance, prevalence, gap, prevalence band and priority for each factor";

/// Whether the answer on `factor` for `measure` is "not applicable" (given, but never scored).
pub fn not_applicable(response: &Response, measure: Measure, factor: Factor) -> bool {
    response
        .answers()
        .rating(measure, factor)
        .is_some_and(|e| e.score().is_none())
}

/// A score as the table prints it, or what its absence means for this response.
fn score_cell(response: &Response, factor: Factor, measure: Measure, score: Option<u8>) -> String {
    match score {
        Some(v) => rating(v),
        None if not_applicable(response, measure, factor) => "Not applicable".into(),
        None => "Not answered".into(),
    }
}

fn cells(response: &Response, f: &FactorScore) -> Vec<String> {
    vec![
        score_cell(response, f.factor, Measure::Importance, f.importance),
        score_cell(response, f.factor, Measure::Prevalence, f.prevalence),
        gap(f.gap),
        f.band.map_or(NO_SCORE, |b| b.name()).into(),
        if f.priority { "Yes" } else { "No" }.into(),
    ]
}

/// The table of `scores`, the score of `response`.
pub fn table(response: &Response, scores: &ResponseScore) -> Table {
    let columns = vec![
        Column::text("Factor"),
        Column::number("Importance"),
        Column::number("Prevalence"),
        Column::number("Gap"),
        Column::text("Prevalence band"),
        Column::text("Priority"),
    ];
    let (six, extra): (Vec<&FactorScore>, Vec<&FactorScore>) = scores
        .factors
        .iter()
        .partition(|f| f.factor.is_index_category());
    let mut table = Table::new(CAPTION, columns).group("The six categories of the index");
    for f in six {
        table = table.row(f.factor.name(), cells(response, f));
    }
    table = table.group("Additional factors");
    for f in extra {
        table = table.row(f.factor.name(), cells(response, f));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scoring::score;
    use crate::model::results::fixtures::{known_answers, rated};

    fn rows(table: &Table) -> Vec<Vec<String>> {
        table
            .rows()
            .map(|r| {
                std::iter::once(r.header.clone())
                    .chain(r.cells.clone())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_known_answers_give_the_figures_the_end_to_end_test_reads() {
        // As e2e/results.spec.mjs expects them, worked out by hand from instrument.md §3.
        let expected = [
            [
                "Collaborative Behaviours",
                "3",
                "1",
                "2",
                "A little or not at all",
                "Yes",
            ],
            [
                "Collaborative Citizens",
                "2",
                "1",
                "1",
                "A little or not at all",
                "Yes",
            ],
            ["Collaborative Systems", "3", "3", "0", "A great deal", "No"],
            ["Collaborative Services", "3", "2", "1", "Somewhat", "No"],
            [
                "Collaborative Places",
                "3",
                "1",
                "2",
                "A little or not at all",
                "Yes",
            ],
            ["Collaborative Markets", "2", "2", "0", "Somewhat", "No"],
            ["Urgency", "1", "0", "1", "A little or not at all", "No"],
            [
                "Requirements",
                "Not applicable",
                "0",
                "\u{2013}",
                "A little or not at all",
                "No",
            ],
        ];
        let r = known_answers();
        let t = table(&r, &score(&r));
        assert_eq!(t.caption, CAPTION);
        assert_eq!(rows(&t), expected.map(|row| row.map(String::from).to_vec()));
        let headings: Vec<Option<&str>> = t.groups.iter().map(|g| g.heading.as_deref()).collect();
        assert_eq!(
            headings,
            [
                Some("The six categories of the index"),
                Some("Additional factors")
            ]
        );
        assert_eq!(t.groups[0].rows.len(), 6);
        let numeric: Vec<bool> = t.columns.iter().map(|c| c.numeric).collect();
        assert_eq!(numeric, [false, true, true, true, false, false]);
    }

    #[test]
    fn a_missing_score_says_why_and_a_negative_gap_carries_a_minus() {
        let r = rated(&[(Factor::Places, "na", "3"), (Factor::Markets, "1", "3")]);
        let t = table(&r, &score(&r));
        let cases = [
            ("Collaborative Places", "Importance", "Not applicable"),
            ("Collaborative Places", "Prevalence", "3"),
            ("Collaborative Places", "Gap", "\u{2013}"),
            ("Collaborative Markets", "Gap", "\u{2212}2"),
            ("Collaborative Markets", "Prevalence band", "A great deal"),
            ("Collaborative Markets", "Priority", "No"),
            ("Urgency", "Importance", "Not answered"),
            ("Urgency", "Prevalence band", "\u{2013}"),
        ];
        for (row, column, expected) in cases {
            assert_eq!(t.cell(row, column), Some(expected), "{row}, {column}");
        }
        assert!(not_applicable(&r, Measure::Importance, Factor::Places));
        assert!(!not_applicable(&r, Measure::Prevalence, Factor::Places));
        assert!(!not_applicable(&r, Measure::Importance, Factor::Urgency));
    }
}
