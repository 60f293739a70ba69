//! The answers beside the 2018 survey: each published figure, the 2018 value and this response's
//! own, with the survey's caveat.

use crate::engine::benchmark::{compare_response, BENCHMARK_2018};
use crate::engine::response::Response;
use crate::engine::scoring::ResponseScore;
use crate::model::format::{count, score, share};
use crate::model::results::Reader;
use crate::model::table::{Column, Table};

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

/// One cell of the benchmark table's answers column: a mean score, or whether the answer falls in the
/// group the 2018 share counts.
pub fn benchmark_answer(reader: Reader, mean: Option<f64>, in_group: Option<bool>) -> String {
    match (mean, in_group) {
        (Some(v), _) => score(v),
        (None, Some(true)) => match reader {
            Reader::Owner => "Yes, you are in this group".into(),
            Reader::Shared => "Yes, the answer is in this group".into(),
        },
        (None, Some(false)) => "No".into(),
        (None, None) => "Not answered or not asked".into(),
    }
}

/// The caveat above the table: who answered in 2018, and why their readiness is likely overstated.
pub fn caveat() -> String {
    format!(
        "The 2018 figures come from {} people who answered the same questions between December 2017 \
         and February 2018. They chose to take part in a survey about collaboration, so they are likely \
         to be more interested in it than most; the report itself says readiness is likely to be \
         overstated by its data.",
        count(u64::from(BENCHMARK_2018.n))
    )
}

/// Each figure of the 2018 survey with this response's own: its mean score beside a 2018 mean, or
/// whether its answer falls in the group a 2018 share counts.
pub fn table(response: &Response, scores: &ResponseScore, reader: Reader) -> Table {
    let columns = vec![
        Column::text("Figure"),
        Column::number("2018 survey"),
        Column::text(benchmark_column(reader)),
        Column::text("Report section"),
    ];
    compare_response(response, scores).into_iter().fold(
        Table::new(benchmark_caption(reader), columns),
        |table, r| {
            let benchmark = if r.is_score {
                score(r.benchmark)
            } else {
                share(Some(r.benchmark))
            };
            let answer = benchmark_answer(reader, r.score, r.in_group);
            table.row(r.label, vec![benchmark, answer, r.source.into()])
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scoring::score as score_of;
    use crate::model::results::fixtures::known_answers;

    #[test]
    fn scores_sit_beside_2018_means_and_answers_beside_2018_shares() {
        let r = known_answers();
        let s = score_of(&r);
        let t = table(&r, &s, Reader::Owner);
        assert_eq!(
            t.caption,
            "Your answers beside the 2018 survey (115 respondents)"
        );
        let headers: Vec<&str> = t.columns.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(headers, ["Figure", "2018 survey", "You", "Report section"]);
        let cases = [
            // As e2e/results.spec.mjs reads it.
            (
                "Average importance, six categories",
                ["2.42", "2.67", "\u{a7}2.3"],
            ),
            (
                "Average prevalence, eight factors",
                ["2.06", "1.25", "\u{a7}2.3"],
            ),
            (
                "Collaborative Behaviours: importance at least somewhat",
                ["82%", "Yes, you are in this group", "\u{a7}2.2"],
            ),
            (
                "Collaborative Places: prevalence at least somewhat",
                ["82%", "No", "\u{a7}2.2"],
            ),
            (
                "Little or no tools to collaborate (q12)",
                ["24%", "No", "\u{a7}2.1"],
            ),
            // q1 is not answered: the questions about a recent collaboration were not asked.
            (
                "Project somewhat or very successful (q6)",
                ["89%", "Not answered or not asked", "\u{a7}2.1"],
            ),
        ];
        for (row, expected) in cases {
            let found = t.find(row).map(|r| r.cells.clone());
            assert_eq!(found, Some(expected.map(String::from).to_vec()), "{row}");
        }
        // A share is printed as a whole percentage and the answer as whether it is in the group.
        let shares: Vec<_> = t.rows().filter(|row| row.cells[0].ends_with('%')).collect();
        assert!(!shares.is_empty());
        for row in &shares {
            assert!(
                [
                    "Yes, you are in this group",
                    "No",
                    "Not answered or not asked"
                ]
                .contains(&row.cells[1].as_str()),
                "{row:?}"
            );
        }
        // Every row of the engine's comparison is in the table, in its order.
        let labels: Vec<String> = compare_response(&r, &s)
            .into_iter()
            .map(|c| c.label)
            .collect();
        let headers: Vec<String> = t.rows().map(|row| row.header.clone()).collect();
        assert_eq!(headers, labels);
        let shared = table(&r, &s, Reader::Shared);
        assert_eq!(shared.columns[2].header, "These results");
        assert_eq!(
            shared.caption,
            "These answers beside the 2018 survey (115 respondents)"
        );
    }

    #[test]
    fn the_caveat_gives_the_number_of_respondents() {
        assert!(
            caveat().starts_with("The 2018 figures come from 115 people"),
            "{}",
            caveat()
        );
        assert!(caveat().ends_with("overstated by its data."));
    }
}
