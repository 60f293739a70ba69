//! What the 2018 survey found, as its page shows it: the six categories' "at least somewhat" shares as
//! a chart, the sentence beside it and its data table, and the report's average scores. Every figure
//! is the engine's (`engine::benchmark::BENCHMARK_2018`), printed by `model::format`.

use super::PairedShare;
use crate::engine::benchmark::{Figure, BENCHMARK_2018};
use crate::model::format::{count, score, share};
use crate::model::table::{Column, Table};

/// The six index categories' "at least somewhat" shares, as chart rows.
pub fn category_rows() -> Vec<PairedShare> {
    BENCHMARK_2018
        .factors
        .iter()
        .map(|f| PairedShare {
            label: f.factor.name().to_string(),
            importance: f.importance_at_least_somewhat,
            prevalence: f.prevalence_at_least_somewhat,
        })
        .collect()
}

/// One or two sentences that say what the chart of `rows` shows, computed from the same figures.
pub fn summary(rows: &[PairedShare]) -> String {
    let (Some(widest), Some(most)) = (
        rows.iter()
            .max_by(|a, b| (a.importance - a.prevalence).total_cmp(&(b.importance - b.prevalence))),
        rows.iter()
            .max_by(|a, b| a.importance.total_cmp(&b.importance)),
    ) else {
        return String::new();
    };
    let overall = if rows.iter().all(|r| r.importance > r.prevalence) {
        "Every category was rated at least somewhat important by more respondents than found it at least \
         somewhat prevalent in their organisation. "
    } else {
        ""
    };
    format!(
        "{overall}{} was seen as important by the most ({}); the widest difference is for {} ({} \
         important, {} prevalent).",
        most.label,
        share(Some(most.importance)),
        widest.label,
        share(Some(widest.importance)),
        share(Some(widest.prevalence)),
    )
}

/// The chart's data table: each category's two shares and where the report gives them.
pub fn categories_table() -> Table {
    let columns = vec![
        Column::text("Category"),
        Column::number("Importance"),
        Column::number("Prevalence"),
        Column::text("Report section"),
    ];
    let caption = format!(
        "Share of 2018 respondents answering at least somewhat, by category ({} respondents)",
        count(u64::from(BENCHMARK_2018.n))
    );
    BENCHMARK_2018
        .factors
        .iter()
        .fold(Table::new(caption, columns), |table, f| {
            table.row(
                f.factor.name(),
                vec![
                    share(Some(f.importance_at_least_somewhat)),
                    share(Some(f.prevalence_at_least_somewhat)),
                    f.source.into(),
                ],
            )
        })
}

/// The report's average scores, over the six categories and over all eight factors.
pub fn averages_table() -> Table {
    let mean = |figure: Figure| {
        BENCHMARK_2018
            .figure(figure)
            .map(|f| score(f.value))
            .unwrap_or_default()
    };
    let columns = vec![
        Column::text("Average over"),
        Column::number("Importance"),
        Column::number("Prevalence"),
    ];
    Table::new("Average scores in the 2018 survey, 0 to 3", columns)
        .row(
            "The six categories of the index",
            vec![
                mean(Figure::AverageImportance6),
                mean(Figure::AveragePrevalence6),
            ],
        )
        .row(
            "All eight factors, with urgency and requirements",
            vec![
                mean(Figure::AverageImportance8),
                mean(Figure::AveragePrevalence8),
            ],
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_category_table_and_the_chart_s_summary_print_the_same_shares() {
        let rows = category_rows();
        let table = categories_table();
        let text = summary(&rows);
        assert_eq!(table.rows().count(), 6);
        assert_eq!(
            table.cell("Collaborative Behaviours", "Importance"),
            Some("82%")
        );
        assert_eq!(
            table.cell("Collaborative Behaviours", "Prevalence"),
            Some("72%")
        );
        // Each category the summary names is given with its table's figures.
        let most = rows
            .iter()
            .max_by(|a, b| a.importance.total_cmp(&b.importance))
            .unwrap();
        let most_cell = table.cell(&most.label, "Importance").unwrap();
        assert!(
            text.contains(&format!(
                "{} was seen as important by the most ({most_cell})",
                most.label
            )),
            "{text}"
        );
        let widest = rows
            .iter()
            .max_by(|a, b| (a.importance - a.prevalence).total_cmp(&(b.importance - b.prevalence)))
            .unwrap();
        let (i, p) = (
            table.cell(&widest.label, "Importance").unwrap(),
            table.cell(&widest.label, "Prevalence").unwrap(),
        );
        assert!(
            text.contains(&format!(
                "for {} ({i} important, {p} prevalent)",
                widest.label
            )),
            "{text}"
        );
        assert!(text.starts_with("Every category was rated"), "{text}");
        assert_eq!(
            table.caption,
            "Share of 2018 respondents answering at least somewhat, by category (115 respondents)"
        );
    }

    #[test]
    fn the_summary_follows_its_rows() {
        let row = |label: &str, importance, prevalence| PairedShare {
            label: label.into(),
            importance,
            prevalence,
        };
        let rows = [
            row("A", 0.5, 0.6),
            row("B", 0.825, 0.125),
            row("C", 0.9, 0.8),
        ];
        assert_eq!(
            summary(&rows),
            "C was seen as important by the most (90%); the widest difference is for B (83% \
             important, 13% prevalent)."
        );
        assert_eq!(summary(&[]), "");
    }

    #[test]
    fn the_averages_are_the_report_s_means_to_two_decimals() {
        let table = averages_table();
        let cases = [
            ("The six categories of the index", "Importance", "2.42"),
            ("The six categories of the index", "Prevalence", "2.18"),
            (
                "All eight factors, with urgency and requirements",
                "Importance",
                "2.28",
            ),
            (
                "All eight factors, with urgency and requirements",
                "Prevalence",
                "2.06",
            ),
        ];
        for (row, column, expected) in cases {
            assert_eq!(table.cell(row, column), Some(expected), "{row}, {column}");
        }
        assert!(!table.columns[0].numeric && table.columns[1].numeric);
    }
}
