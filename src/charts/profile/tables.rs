//! The data tables beside a person's profile charts: the same figures as the drawing, in a form every
//! reader can use, printed by `model::format` as the charts' summaries print them.

use super::{short_name, Beside};
use crate::engine::benchmark::BENCHMARK_2018;
use crate::engine::instrument::Factor;
use crate::engine::scoring::ResponseScore;
use crate::model::format::{rating_or_none, share};
use crate::model::table::{Column, Table};

/// The radar's figures: importance and prevalence of the six categories, then the columns of what it
/// is compared with.
pub fn radar_table(caption: &str, own: &ResponseScore, beside: &Beside) -> Table {
    let mut columns = vec![
        Column::text("Category"),
        Column::number("Importance"),
        Column::number("Prevalence"),
    ];
    match beside {
        Beside::Nothing => {}
        Beside::Survey2018 => columns.extend([
            Column::number("2018: at least somewhat important"),
            Column::number("2018: at least somewhat prevalent"),
        ]),
        Beside::Earlier(_) => columns.extend([
            Column::number("Earlier importance"),
            Column::number("Earlier prevalence"),
        ]),
    }
    let mut table = Table::new(caption, columns);
    for (i, f) in Factor::INDEX_CATEGORIES.iter().enumerate() {
        let mine = own.factor(*f);
        let mut cells = vec![
            rating_or_none(mine.importance),
            rating_or_none(mine.prevalence),
        ];
        match beside {
            Beside::Nothing => {}
            Beside::Survey2018 => {
                let b = &BENCHMARK_2018.factors[i];
                cells.extend([
                    share(Some(b.importance_at_least_somewhat)),
                    share(Some(b.prevalence_at_least_somewhat)),
                ]);
            }
            Beside::Earlier(earlier) => {
                let theirs = earlier.as_ref().map(|(_, s)| s.factor(*f));
                cells.extend([
                    rating_or_none(theirs.and_then(|t| t.importance)),
                    rating_or_none(theirs.and_then(|t| t.prevalence)),
                ]);
            }
        }
        table = table.row(f.name(), cells);
    }
    table
}

/// Where a factor lies on the scatter, in the words of its table: the priority zone (importance 2 or
/// more, prevalence 1 or less) before the diagonal, as the chart shades it.
pub fn scatter_position(importance: Option<u8>, prevalence: Option<u8>) -> &'static str {
    match (importance, prevalence) {
        (Some(i), Some(p)) if i >= 2 && p <= 1 => "Priority zone",
        (Some(i), Some(p)) if p < i => "Below the diagonal",
        (Some(i), Some(p)) if p == i => "On the diagonal",
        (Some(_), Some(_)) => "Above the diagonal",
        _ => "Not shown: a rating is missing or not applicable",
    }
}

/// The scatter's figures: every factor's importance, prevalence and position.
pub fn scatter_table(scores: &ResponseScore) -> Table {
    let columns = vec![
        Column::text("Factor"),
        Column::number("Importance"),
        Column::number("Prevalence"),
        Column::text("Position"),
    ];
    scores.factors.iter().fold(
        Table::new(
            "Where each factor lies: importance, prevalence and position",
            columns,
        ),
        |table, f| {
            table.row(
                short_name(f.factor),
                vec![
                    rating_or_none(f.importance),
                    rating_or_none(f.prevalence),
                    scatter_position(f.importance, f.prevalence).into(),
                ],
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::profile::{radar_summary, scatter_summary, score_points};
    use crate::engine::response::Response;
    use crate::engine::scoring::score;
    use crate::model::results::fixtures::rated as response;

    /// Responses whose summaries take each of their forms: one largest gap, a shared one, no gap,
    /// one most prevalent category and a tie, categories left out.
    fn responses() -> Vec<Response> {
        use Factor::*;
        vec![
            // The end-to-end tests' answers.
            response(&[
                (Behaviours, "3", "1"),
                (Citizens, "2", "1"),
                (Systems, "3", "3"),
                (Services, "3", "2"),
                (Places, "3", "1"),
                (Markets, "2", "2"),
                (Urgency, "1", "0"),
                (Requirements, "na", "0"),
            ]),
            response(&[
                (Behaviours, "3", "0"),
                (Citizens, "1", "2"),
                (Systems, "na", "3"),
            ]),
            response(&[
                (Services, "2", "2"),
                (Markets, "1", "3"),
                (Places, "0", "3"),
            ]),
            response(&[
                (Behaviours, "3", "1"),
                (Citizens, "3", "3"),
                (Systems, "3", "3"),
                (Places, "3", "1"),
            ]),
            Response::new("empty"),
        ]
    }

    /// The table's cell for `factor` under `column`.
    fn cell<'a>(table: &'a Table, factor: &str, column: &str) -> &'a str {
        table
            .cell(factor, column)
            .unwrap_or_else(|| panic!("{factor}, {column}"))
    }

    #[test]
    fn the_radar_table_and_its_summary_print_the_same_numbers() {
        for r in responses() {
            let s = score(&r);
            let table = radar_table("Scores", &s, &Beside::Nothing);
            let summary = radar_summary(&s);
            // Every "<factor> (importance i, prevalence p)" and "<factor> has the largest gap:
            // importance i, prevalence p" the summary prints is the factor's row in the table.
            for f in Factor::INDEX_CATEGORIES {
                let (i, p) = (
                    cell(&table, f.name(), "Importance"),
                    cell(&table, f.name(), "Prevalence"),
                );
                let pair = format!("importance {i}, prevalence {p}");
                let named = [
                    format!("{} ({pair})", f.name()),
                    format!("{} has the largest gap: {pair}", f.name()),
                ];
                let mentioned = summary.contains(&format!("{} (importance", f.name()))
                    || summary.contains(&format!("{} has the largest gap", f.name()));
                assert_eq!(
                    mentioned,
                    named.iter().any(|n| summary.contains(n.as_str())),
                    "{}: the summary's figures are the table's ({i}, {p}): {summary}",
                    f.name()
                );
            }
            // The most prevalent score the summary gives is the highest in the table's column, and
            // every category it names has it there.
            const MOST: &str = "most prevalent in the organisation (";
            if let Some(at) = summary.find(MOST) {
                let from = at + MOST.len();
                let best = &summary[from..from + summary[from..].find(" of 3).").unwrap()];
                let column: Vec<&str> = Factor::INDEX_CATEGORIES
                    .iter()
                    .map(|f| cell(&table, f.name(), "Prevalence"))
                    .filter(|v| v.parse::<u8>().is_ok())
                    .collect();
                assert_eq!(column.iter().max(), Some(&best), "{summary}");
                let sentence = &summary[..at];
                let sentence = &sentence[sentence.rfind(". ").map_or(0, |i| i + 2)..];
                for f in Factor::INDEX_CATEGORIES {
                    assert_eq!(
                        sentence.contains(f.name()),
                        cell(&table, f.name(), "Prevalence") == best,
                        "{}: {summary}",
                        f.name()
                    );
                }
            } else {
                assert!(Factor::INDEX_CATEGORIES.iter().all(|f| cell(
                    &table,
                    f.name(),
                    "Prevalence"
                ) == "\u{2013}"));
            }
            // The categories left out are the rows with a dash.
            let dashed = Factor::INDEX_CATEGORIES
                .iter()
                .filter(|f| {
                    cell(&table, f.name(), "Importance") == "\u{2013}"
                        || cell(&table, f.name(), "Prevalence") == "\u{2013}"
                })
                .count();
            let left_out = match dashed {
                0 => None,
                1 => Some("1 of the six categories is not applicable".to_string()),
                n => Some(format!("{n} of the six categories are not applicable")),
            };
            match left_out {
                Some(text) => assert!(summary.contains(&text), "{dashed}: {summary}"),
                None => assert!(!summary.contains("left out"), "{summary}"),
            }
        }
    }

    #[test]
    fn the_largest_gap_in_the_summary_is_the_largest_in_the_table() {
        let r = &responses()[0];
        let s = score(r);
        let table = radar_table("Scores", &s, &Beside::Nothing);
        assert_eq!(cell(&table, "Collaborative Behaviours", "Importance"), "3");
        assert_eq!(cell(&table, "Collaborative Places", "Prevalence"), "1");
        assert!(radar_summary(&s).starts_with(
            "The largest gap is 2, shared by Collaborative Behaviours (importance 3, prevalence 1) \
             and Collaborative Places (importance 3, prevalence 1)."
        ));
    }

    #[test]
    fn the_radar_table_gains_the_columns_of_what_it_is_compared_with() {
        let own = score(&responses()[0]);
        let earlier = score(&responses()[1]);
        let cases: [(Beside, [&str; 2], [&str; 4]); 4] = [
            (Beside::Nothing, ["", ""], ["3", "1", "", ""]),
            (
                Beside::Survey2018,
                [
                    "2018: at least somewhat important",
                    "2018: at least somewhat prevalent",
                ],
                ["3", "1", "82%", "72%"],
            ),
            (
                Beside::Earlier(Some(("Spring".into(), earlier))),
                ["Earlier importance", "Earlier prevalence"],
                ["3", "1", "3", "0"],
            ),
            (
                Beside::Earlier(None),
                ["Earlier importance", "Earlier prevalence"],
                ["3", "1", "\u{2013}", "\u{2013}"],
            ),
        ];
        for (beside, extra, behaviours) in cases {
            let t = radar_table("Scores", &own, &beside);
            let headers: Vec<&str> = t.columns[3..].iter().map(|c| c.header.as_str()).collect();
            let expected: Vec<&str> = extra.into_iter().filter(|h| !h.is_empty()).collect();
            assert_eq!(headers, expected, "{beside:?}");
            assert!(t.columns[1..].iter().all(|c| c.numeric));
            let row = t.find("Collaborative Behaviours").unwrap();
            let expected: Vec<&str> = behaviours.into_iter().filter(|c| !c.is_empty()).collect();
            assert_eq!(row.cells, expected, "{beside:?}");
            assert_eq!(t.rows().count(), 6);
        }
    }

    #[test]
    fn every_position_word_agrees_with_the_scatter_and_its_summary() {
        let cases = [
            (Some(3), Some(1), "Priority zone"),
            (Some(2), Some(0), "Priority zone"),
            (Some(2), Some(1), "Priority zone"),
            (Some(1), Some(0), "Below the diagonal"),
            (Some(3), Some(2), "Below the diagonal"),
            (Some(2), Some(2), "On the diagonal"),
            (Some(0), Some(0), "On the diagonal"),
            (Some(1), Some(3), "Above the diagonal"),
            (
                None,
                Some(1),
                "Not shown: a rating is missing or not applicable",
            ),
            (
                Some(2),
                None,
                "Not shown: a rating is missing or not applicable",
            ),
        ];
        for (i, p, expected) in cases {
            assert_eq!(scatter_position(i, p), expected, "{i:?} {p:?}");
        }
        for r in responses() {
            let s = score(&r);
            let table = scatter_table(&s);
            let summary = scatter_summary(&score_points(&s));
            let position = |row: &crate::model::table::Row| row.cells[2].clone();
            let zone: Vec<String> = table
                .rows()
                .filter(|row| position(row) == "Priority zone")
                .map(|row| row.header.clone())
                .collect();
            let below = table
                .rows()
                .filter(|row| {
                    ["Priority zone", "Below the diagonal"].contains(&position(row).as_str())
                })
                .count();
            let shown = table
                .rows()
                .filter(|row| !position(row).starts_with("Not shown"))
                .count();
            if shown == 0 {
                assert!(summary.starts_with("No factor has both"), "{summary}");
                continue;
            }
            assert!(
                summary.starts_with(&format!("{below} of the {shown} factors shown lie below")),
                "{summary}"
            );
            for f in Factor::ALL {
                let in_zone = zone.contains(&short_name(f));
                assert_eq!(
                    summary.contains(&format!("{}.", f.name()))
                        || summary.contains(&format!("{},", f.name())),
                    in_zone,
                    "{}: {summary}",
                    f.name()
                );
            }
        }
    }
}
