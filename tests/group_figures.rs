//! The group report's charts and the tables beside them print the same numbers: every figure a chart's
//! summary states is the figure printed in the table for the same factor (or column, or group), on
//! generated groups of every size from the minimum up. A reader who checks a sentence against the
//! table never finds them a point or a hundredth apart.

use collaboration_readiness::charts::group::{
    compare_summary, crosstab_series, crosstab_summary, distribution_summary, distributions,
    gap_summary, gaps, means_summary, role_group_summary,
};
use collaboration_readiness::engine::aggregate::{GroupOptions, GroupReport, GroupStatistics};
use collaboration_readiness::engine::instrument::{
    Choice, Engagement, Factor, Field, FieldKind, Measure,
};
use collaboration_readiness::engine::Response;
use collaboration_readiness::model::format::score;
use collaboration_readiness::model::groups::report::{
    compare_means_table, distribution_table, gap_table, means_table, role_table, success_table,
};
use collaboration_readiness::model::groups::tables::success_column_name;
use collaboration_readiness::model::table::Table;
use proptest::collection::vec;
use proptest::prelude::*;

/// A response answering each field with the option a draw picks (or leaving it unanswered); q2–q6
/// are left out when q1 is no, as the questionnaire does.
fn response(index: usize, draws: &[u8]) -> Response {
    let mut r = Response::new(format!("generated-{index}"));
    for (field, draw) in Field::ALL.into_iter().zip(draws.iter().cycle()) {
        let options = field.kind().options();
        if options.is_empty() {
            continue;
        }
        let pick = usize::from(*draw) % (options.len() + 1);
        if pick == options.len() {
            continue;
        }
        let _ = match field.kind() {
            FieldKind::Multiple(_) => r.set_codes(field, &[options[pick].code]),
            _ => r.choose(field, options[pick].code),
        };
    }
    r
}

/// Groups of 5 to 40 responses. Draws from a few values only, so that ties and equal shares, where
/// rounding decides what is printed, come up often.
fn group() -> impl Strategy<Value = Vec<Response>> {
    vec(vec(0u8..12, Field::ALL.len()), 5..40).prop_map(|draws| {
        draws
            .iter()
            .enumerate()
            .map(|(i, d)| response(i, d))
            .collect()
    })
}

fn statistics(responses: &[Response]) -> Option<GroupStatistics> {
    GroupReport::from_responses(responses, GroupOptions::default()).statistics
}

fn cell<'a>(table: &'a Table, row: &str, column: &str) -> &'a str {
    table
        .cell(row, column)
        .unwrap_or_else(|| panic!("{:?} has a cell {row:?} × {column:?}", table.caption))
}

/// The text between `start` and the next `end` after it, and what follows.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<(&'a str, &'a str)> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some((&text[from..from + len], &text[from + len + end.len()..]))
}

/// "A, B and C" → ["A", "B", "C"].
fn names(list: &str) -> Vec<&str> {
    list.split(", ")
        .flat_map(|part| part.split(" and "))
        .collect()
}

/// A printed mean back as a number (the minus sign is U+2212).
fn number(printed: &str) -> f64 {
    printed
        .replace('\u{2212}', "-")
        .parse()
        .unwrap_or_else(|_| panic!("{printed:?} is a number"))
}

fn check_means(s: &GroupStatistics) {
    let text = means_summary(s);
    let table = means_table(s, &Factor::INDEX_CATEGORIES, "six");
    let Some((name, rest)) = between(&text, "Mean importance is highest for ", " (") else {
        assert_eq!(text, "The six categories have not been rated yet.");
        return;
    };
    let (value, rest) = between(rest, "", ")").unwrap();
    assert_eq!(value, cell(&table, name, "Mean importance"), "{text}");
    let (name, rest) = between(rest, "mean prevalence is highest for ", " (").unwrap();
    let (value, rest) = between(rest, "", ")").unwrap();
    assert_eq!(value, cell(&table, name, "Mean prevalence"), "{text}");
    if let Some((name, rest)) = between(rest, "widest distance between the two is for ", " (") {
        let (distance, _) = between(rest, "", " points").unwrap();
        // The distance a reader works out from the two means printed.
        let shown = number(cell(&table, name, "Mean importance"))
            - number(cell(&table, name, "Mean prevalence"));
        assert_eq!(distance, score(shown), "{text}");
        // And no category is printed further apart.
        for f in Factor::INDEX_CATEGORIES {
            let (i, p) = (
                cell(&table, f.name(), "Mean importance"),
                cell(&table, f.name(), "Mean prevalence"),
            );
            if i != "no answers" && p != "no answers" {
                assert!(number(i) - number(p) <= number(distance) + 1e-9, "{text}");
            }
        }
    }
}

fn check_distribution(s: &GroupStatistics, measure: Measure) {
    let text = distribution_summary(&distributions(s, measure), measure);
    let table = distribution_table(s, measure);
    let what = match measure {
        Measure::Importance => "important",
        Measure::Prevalence => "prevalent",
    };
    let mut rest = text.as_str();
    for (column, band) in [
        (
            "A great deal",
            format!(" most often rated {what} a great deal ("),
        ),
        (
            "A little or not at all",
            format!(" most often rated {what} only a little or not at all ("),
        ),
    ] {
        let Some(at) = rest.find(&band) else {
            assert_eq!(
                text,
                format!("No factor has been rated for how {what} it is yet.")
            );
            return;
        };
        let subject = rest[..at]
            .trim_start_matches(". ")
            .trim_end_matches(" is")
            .trim_end_matches(" are");
        let (value, after) = between(&rest[at..], &band, ")").unwrap();
        let value = value.trim_end_matches(" each");
        for name in names(subject) {
            assert_eq!(value, cell(&table, name, column), "{text}");
        }
        rest = after;
    }
}

fn check_gaps(s: &GroupStatistics) {
    let text = gap_summary(&gaps(s));
    let table = gap_table(s);
    let Some((name, rest)) = between(&text, "The largest great-deal gap is for ", ": ") else {
        assert_eq!(
            text,
            "No factor has both importance and prevalence rated yet."
        );
        return;
    };
    let points = |name: &str| {
        cell(&table, name, "Gap")
            .trim_start_matches('+')
            .replace('\u{2212}', "-")
    };
    let (value, rest) = between(rest, "", " more").unwrap();
    assert_eq!(value, points(name), "{text}");
    if let Some((name, rest)) = between(rest, " Next is ", " (") {
        let (value, _) = between(rest, "", ")").unwrap();
        assert_eq!(value, points(name), "{text}");
    }
    if let Some((list, _)) = between(&text, " No positive gap: ", ".") {
        for name in list.split(", ") {
            assert!(!cell(&table, name, "Gap").starts_with('+'), "{text}");
        }
    }
}

fn check_crosstab(s: &GroupStatistics) {
    let series = crosstab_series(&s.engagement_by_success, |k| success_column_name(k).into());
    let text = crosstab_summary(&series);
    let table = success_table(s, GroupOptions::default().min_group_size);
    for (i, (serie, column)) in series
        .iter()
        .zip(&s.engagement_by_success.columns)
        .enumerate()
    {
        let header = &table.columns[1 + i].header;
        let Some((steps, rest)) = between(&text, &format!("{}: most often ", serie.name), " (")
        else {
            assert!(column.counts.is_none() || column.n == 0, "{text}");
            continue;
        };
        let (value, _) = between(rest, "", ")").unwrap();
        let value = value.trim_end_matches(" each");
        for step in names(steps) {
            let label = Engagement::STEPS
                .iter()
                .map(|e| e.label())
                .find(|l| l.starts_with(step))
                .unwrap();
            let printed = cell(&table, label, header);
            assert!(
                printed.ends_with(&format!("({value})")),
                "{text} / {printed}"
            );
        }
    }
}

fn check_roles(s: &GroupStatistics) {
    let min = GroupOptions::default().min_group_size;
    let text = role_group_summary(s, min);
    let table = role_table(s, min);
    for g in &s.role_groups {
        let name = g.group.name();
        match &g.stats {
            Some(_) => {
                let (q11, rest) = between(&text, &format!("{name}: "), " say").unwrap();
                let (q12, _) = between(rest, "collaborate, ", " little").unwrap();
                assert_eq!(q11, cell(&table, name, "q11 little or none"), "{text}");
                assert_eq!(q12, cell(&table, name, "q12 little or none"), "{text}");
            }
            None => {
                assert!(text.contains(&format!("{name}: withheld")), "{text}");
                assert!(cell(&table, name, "n").starts_with("withheld"));
            }
        }
    }
}

fn check_compare(first: &GroupStatistics, second: &GroupStatistics) {
    let text = compare_summary(first, second);
    let table = compare_means_table(first, second);
    let Some((higher, rest)) = between(
        &text,
        "Mean prevalence is higher in the compared group for ",
        " of the ",
    ) else {
        assert!(
            text.starts_with("The two groups have no category"),
            "{text}"
        );
        return;
    };
    let (of, _) = between(rest, "", " categories").unwrap();
    let (this, that) = ("Prevalence, this group", "Prevalence, compared group");
    let rated: Vec<(f64, f64)> = Factor::INDEX_CATEGORIES
        .iter()
        .filter_map(|f| {
            let (a, b) = (cell(&table, f.name(), this), cell(&table, f.name(), that));
            (a != "no answers" && b != "no answers").then(|| (number(a), number(b)))
        })
        .collect();
    assert_eq!(of, rated.len().to_string(), "{text}");
    let counted = rated.iter().filter(|(a, b)| b > a).count();
    assert_eq!(higher, counted.to_string(), "{text}");
    let (name, rest) = between(&text, "They differ most on ", " (").unwrap();
    let (a, rest) = between(rest, "", " in this group, ").unwrap();
    let (b, _) = between(rest, "", " in the compared group").unwrap();
    assert_eq!(a, cell(&table, name, this), "{text}");
    assert_eq!(b, cell(&table, name, that), "{text}");
    let widest = (number(b) - number(a)).abs();
    assert!(
        rated.iter().all(|(a, b)| (b - a).abs() <= widest + 1e-9),
        "{text}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_figure_a_chart_summary_states_is_printed_in_its_table(
        first in group(),
        second in group(),
    ) {
        let (Some(s1), Some(s2)) = (statistics(&first), statistics(&second)) else {
            return Err(TestCaseError::fail("a generated group has at least the minimum size"));
        };
        for s in [&s1, &s2] {
            check_means(s);
            check_distribution(s, Measure::Importance);
            check_distribution(s, Measure::Prevalence);
            check_gaps(s);
            check_crosstab(s);
            check_roles(s);
        }
        check_compare(&s1, &s2);
    }
}

#[test]
fn the_fixture_group_reads_alike_in_its_charts_and_tables() {
    let file = std::fs::read("tests/fixtures/group-40.csv").unwrap();
    let responses = collaboration_readiness::engine::csv_format::import_csv(
        file.as_slice(),
        collaboration_readiness::engine::csv_format::ImportOptions::default(),
    )
    .unwrap()
    .responses;
    let s = statistics(&responses).unwrap();
    check_means(&s);
    check_distribution(&s, Measure::Importance);
    check_distribution(&s, Measure::Prevalence);
    check_gaps(&s);
    check_crosstab(&s);
    check_roles(&s);
    // The summaries name what the tables hold: the checks above read real sentences.
    assert!(means_summary(&s).contains("widest distance"));
    assert!(gap_summary(&gaps(&s)).contains("Next is"));
}
