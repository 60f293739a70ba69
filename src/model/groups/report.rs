//! What the group report page shows, decided without a browser: the sentence on what the report
//! covers (or why its figures are withheld), and every table of the report as a [`Table`] of printed
//! text, withheld cells included. The page only draws these; native tests read them.
//!
//! Like [`super::tables`], this module lays out figures the engine computed and never computes a
//! statistic; every figure is printed by [`crate::model::format`].

use crate::engine::aggregate::{Breakdown, CrossTab, GroupReport, GroupStatistics, RatingStats};
use crate::engine::benchmark::{Figure, GroupComparison, BENCHMARK_2018};
use crate::engine::instrument::{
    AnswerOption, Area, Choice, Engagement, Factor, Measure, Region, Role, Sector,
};
use crate::model::format::{
    count, mean, plural, points_between, score, score_difference, share, spread, NO_ANSWERS,
};
use crate::model::table::{Column, Table};

use super::tables::{
    headline_rows, is_divided, key_figures, sector_column_name, success_column_name,
};
use super::{partial_text, withheld_notice, Partial};

/// What a cell says when its figure is withheld for the minimum group size `min`.
pub fn withheld_text(min: usize) -> String {
    format!("withheld (fewer than {min})")
}

/// A figure the 2018 report published, printed as the report prints it.
pub fn benchmark_text(figure: Figure) -> String {
    BENCHMARK_2018
        .figure(figure)
        .map(|f| {
            if figure.is_score() {
                score(f.value)
            } else {
                share(Some(f.value))
            }
        })
        .unwrap_or_else(|| "not published".into())
}

/// The sentence at the top of the report: its size (in bold), who the filter left out, its partial
/// responses, and the minimum group size.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    pub size: String,
    pub filtered: Option<String>,
    pub partial: Option<String>,
    pub rule: String,
    /// Why there are no figures, when there are none.
    pub withheld: Option<String>,
}

/// What a report covers. `partial`: the partial responses among those the filter keeps, and
/// whether the report counts them.
pub fn coverage(report: &GroupReport, partial: (u64, Partial)) -> Coverage {
    let (partial_n, choice) = partial;
    let min = report.min_group_size;
    let left_out = choice.left_out(partial_n);
    Coverage {
        size: format!(
            "This report covers {}.",
            plural(report.n_responses, "response", "responses")
        ),
        filtered: (report.n_filtered_out > 0).then(|| {
            format!(
                " {} left out by the filter.",
                plural(report.n_filtered_out, "response is", "responses are")
            )
        }),
        partial: partial_text(partial_n, choice),
        rule: format!(
            " Breakdowns with fewer than {min} respondents are withheld, so that no one can be singled out."
        ),
        withheld: report
            .statistics
            .is_none()
            .then(|| withheld_notice(report, left_out)),
    }
}

/// A table whose first column names the rows and whose other columns hold figures.
fn figures(caption: impl Into<String>, headers: &[&str]) -> Table {
    let columns = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if i == 0 {
                Column::text(*h)
            } else {
                Column::number(*h)
            }
        })
        .collect();
    Table::new(caption, columns)
}

fn breakdown_table(
    caption: String,
    headers: &[&str],
    b: &Breakdown,
    options: &[AnswerOption],
    min: usize,
    benchmark: Option<&dyn Fn(usize) -> String>,
) -> Table {
    let mut table = figures(caption, headers);
    for (i, (item, option)) in b.items.iter().zip(options).enumerate() {
        let mut cells = match item.count {
            Some(c) => vec![count(c), share(item.share)],
            None => vec![withheld_text(min), withheld_text(min)],
        };
        if let Some(bench) = benchmark {
            cells.push(bench(i));
        }
        table = table.row(option.label, cells);
    }
    table
}

/// Who answered: role and sector (with the 2018 survey's shares), area of work and region.
pub fn sample_tables(s: &GroupStatistics, min: usize) -> [Table; 4] {
    let sm = &s.sample;
    let role_bench = |i: usize| benchmark_text(Figure::Role(Role::ALL[i]));
    let sector_bench = |i: usize| benchmark_text(Figure::Sector(Sector::ALL[i]));
    [
        breakdown_table(
            format!("Role (q15), {} answered", count(sm.role.answered)),
            &["Role", "Respondents", "Share", "2018 survey"],
            &sm.role,
            Role::OPTIONS,
            min,
            Some(&role_bench),
        ),
        breakdown_table(
            format!("Sector (q16), {} answered", count(sm.sector.answered)),
            &["Sector", "Respondents", "Share", "2018 survey"],
            &sm.sector,
            Sector::OPTIONS,
            min,
            Some(&sector_bench),
        ),
        breakdown_table(
            format!("Area of work (q17), {} answered", count(sm.areas.answered)),
            &["Area", "Respondents", "Share"],
            &sm.areas,
            Area::OPTIONS,
            min,
            None,
        ),
        breakdown_table(
            format!("Region (q18), {} answered", count(sm.regions.answered)),
            &["Region", "Respondents", "Share"],
            &sm.regions,
            Region::OPTIONS,
            min,
            None,
        ),
    ]
}

/// The headline shares, each with its n and the 2018 survey's figure.
pub fn headline_table(s: &GroupStatistics) -> Table {
    headline_rows(&s.headline).into_iter().fold(
        figures(
            "Headline shares",
            &["Figure", "This group", "n", "2018 survey"],
        ),
        |t, (figure, sh)| {
            t.row(
                figure.label(),
                vec![share(sh.value()), count(sh.of), benchmark_text(figure)],
            )
        },
    )
}

/// Each factor's n, mean and share at least somewhat for both measures, and its great-deal gap.
pub fn factor_table(s: &GroupStatistics) -> Table {
    let table = figures(
        "Means, shares and great-deal gap per factor",
        &[
            "Factor",
            "Importance n",
            "Mean importance",
            "Importance at least somewhat",
            "Prevalence n",
            "Mean prevalence",
            "Prevalence at least somewhat",
            "Great-deal gap",
        ],
    );
    s.factors.iter().fold(table, |t, f| {
        t.row(
            f.factor.name(),
            vec![
                count(f.importance.n),
                mean(f.importance.mean),
                share(f.importance.share_at_least_somewhat),
                count(f.prevalence.n),
                mean(f.prevalence.mean),
                share(f.prevalence.share_at_least_somewhat),
                points_between(f.prevalence.share_great_deal, f.importance.share_great_deal),
            ],
        )
    })
}

/// The averages of the factors' means over the six categories and over all eight, with 2018's.
pub fn averages_table(s: &GroupStatistics) -> Table {
    figures(
        "Average of the factors' mean scores, 0 to 3",
        &[
            "Average over",
            "Importance",
            "Prevalence",
            "2018 importance",
            "2018 prevalence",
        ],
    )
    .row(
        "The six categories of the index",
        vec![
            mean(s.average_importance_6),
            mean(s.average_prevalence_6),
            benchmark_text(Figure::AverageImportance6),
            benchmark_text(Figure::AveragePrevalence6),
        ],
    )
    .row(
        "All eight factors, with urgency and requirements",
        vec![
            mean(s.average_importance_8),
            mean(s.average_prevalence_8),
            benchmark_text(Figure::AverageImportance8),
            benchmark_text(Figure::AveragePrevalence8),
        ],
    )
}

/// How the group answered one measure, factor by factor: the table beside its stacked bars.
pub fn distribution_table(s: &GroupStatistics, measure: Measure) -> Table {
    let table = figures(
        format!(
            "Answers on {}, share of scored answers per factor",
            measure.id()
        ),
        &[
            "Factor",
            "n",
            "A little or not at all",
            "Somewhat",
            "A great deal",
            "Not applicable",
        ],
    );
    s.factors.iter().fold(table, |t, f| {
        let r = f.measure(measure);
        t.row(
            f.factor.name(),
            vec![
                count(r.n),
                share(r.share_little_or_none),
                share(r.share_somewhat),
                share(r.share_great_deal),
                count(r.n_na),
            ],
        )
    })
}

/// The great-deal gap of the factors that have one (both shares known), as the gap chart draws them.
pub fn gap_table(s: &GroupStatistics) -> Table {
    let table = figures(
        "Great-deal gap per factor",
        &[
            "Factor",
            "Importance a great deal",
            "Prevalence a great deal",
            "Gap",
        ],
    );
    s.factors
        .iter()
        .filter(|f| {
            f.great_deal_gap.is_some()
                && f.importance.share_great_deal.is_some()
                && f.prevalence.share_great_deal.is_some()
        })
        .fold(table, |t, f| {
            t.row(
                f.factor.name(),
                vec![
                    share(f.importance.share_great_deal),
                    share(f.prevalence.share_great_deal),
                    points_between(f.prevalence.share_great_deal, f.importance.share_great_deal),
                ],
            )
        })
}

/// Mean importance and prevalence, with their n, of `factors`: the table beside a radar or scatter.
pub fn means_table(s: &GroupStatistics, factors: &[Factor], caption: &str) -> Table {
    let table = figures(
        caption,
        &[
            "Factor",
            "Mean importance",
            "Importance n",
            "Mean prevalence",
            "Prevalence n",
        ],
    );
    factors.iter().fold(table, |t, f| {
        let st = s.factor(*f);
        t.row(
            f.name(),
            vec![
                mean(st.importance.mean),
                count(st.importance.n),
                mean(st.prevalence.mean),
                count(st.prevalence.n),
            ],
        )
    })
}

/// A cross-tab of the engagement step by a grouping: each column's count and share per step, its n
/// in the header; a withheld column says so in every cell. `name` turns a column key into its name.
pub fn crosstab_table(
    caption: &str,
    tab: &CrossTab,
    name: impl Fn(&str) -> String,
    min: usize,
) -> Table {
    let mut columns = vec![Column::text("Engagement step")];
    columns.extend(tab.columns.iter().map(|c| {
        Column::number(match c.counts {
            Some(_) => format!("{} (n = {})", name(c.key), count(c.n)),
            None => name(c.key),
        })
    }));
    let table = Table::new(caption, columns);
    Engagement::STEPS
        .iter()
        .enumerate()
        .fold(table, |t, (i, step)| {
            let cells = tab
                .columns
                .iter()
                .map(|c| match c.counts {
                    Some(counts) => format!(
                        "{} ({})",
                        count(counts[i]),
                        share((c.n > 0).then(|| counts[i] as f64 / c.n as f64))
                    ),
                    None => withheld_text(min),
                })
                .collect();
            t.row(step.label(), cells)
        })
}

/// Engagement by success of the project (q10 × q6).
pub fn success_table(s: &GroupStatistics, min: usize) -> Table {
    crosstab_table(
        "Engagement step by success of the project (q10 × q6)",
        &s.engagement_by_success,
        |k| success_column_name(k).into(),
        min,
    )
}

/// Engagement by sector (q10 × q16).
pub fn sector_table(s: &GroupStatistics, min: usize) -> Table {
    crosstab_table(
        "Engagement step by sector (q10 × q16)",
        &s.engagement_by_sector,
        sector_column_name,
        min,
    )
}

/// Incentives (q11) and tools (q12) by role group; a withheld group says so in every cell.
pub fn role_table(s: &GroupStatistics, min: usize) -> Table {
    let table = figures(
        "Incentives and tools by role group",
        &[
            "Role group",
            "n",
            "q11 little or none",
            "q11 mean",
            "q12 little or none",
            "q12 mean",
        ],
    );
    s.role_groups.iter().fold(table, |t, g| {
        let cells = match &g.stats {
            Some(st) => vec![
                count(st.n),
                share(st.q11.share_little_or_none),
                mean(st.q11.mean),
                share(st.q12.share_little_or_none),
                mean(st.q12.mean),
            ],
            None => vec![withheld_text(min); 5],
        };
        t.row(g.group.name(), cells)
    })
}

/// The sentence above the spread table: the ratings the group is divided on, or that it agrees.
pub fn divided_finding(s: &GroupStatistics) -> String {
    let divided: Vec<String> = s
        .factors
        .iter()
        .flat_map(|f| {
            Measure::ALL
                .iter()
                .filter(|m| is_divided(f.measure(**m)))
                .map(|m| format!("{} ({})", f.factor.name(), m.id()))
                .collect::<Vec<_>>()
        })
        .collect();
    if divided.is_empty() {
        "The group broadly agrees on every factor: no rating is divided.".to_string()
    } else {
        format!(
            "The group does not agree on: {}. Talk these through before acting on their means.",
            divided.join(", ")
        )
    }
}

fn spread_cells(r: &RatingStats) -> [String; 2] {
    [spread(r.sd), spread(r.disagreement)]
}

/// Standard deviation and disagreement per factor and measure, and whether the group is divided.
pub fn spread_table(s: &GroupStatistics) -> Table {
    let table = Table::new(
        "Spread and disagreement per factor",
        vec![
            Column::text("Factor"),
            Column::number("Importance standard deviation"),
            Column::number("Importance disagreement"),
            Column::number("Prevalence standard deviation"),
            Column::number("Prevalence disagreement"),
            Column::text("Agreement"),
        ],
    );
    s.factors.iter().fold(table, |t, f| {
        let [isd, idis] = spread_cells(&f.importance);
        let [psd, pdis] = spread_cells(&f.prevalence);
        let flag = match (is_divided(&f.importance), is_divided(&f.prevalence)) {
            (true, true) => "Divided on both",
            (true, false) => "Divided on importance",
            (false, true) => "Divided on prevalence",
            (false, false) => "Broadly agree",
        };
        t.row(
            f.factor.name(),
            vec![isd, idis, psd, pdis, flag.to_string()],
        )
    })
}

/// The group's figures beside the 2018 survey's, with the difference and the report's section.
pub fn benchmark_table(comparison: &GroupComparison) -> Table {
    let table = Table::new(
        format!("This group and the 2018 survey (n = {})", BENCHMARK_2018.n),
        vec![
            Column::text("Figure"),
            Column::number("This group"),
            Column::number("2018 survey"),
            Column::number("Difference"),
            Column::text("Report section"),
        ],
    );
    comparison.figures.iter().fold(table, |t, c| {
        let (value, bench, diff) = if c.is_score {
            (
                mean(c.value),
                score(c.benchmark),
                score_difference(c.difference),
            )
        } else {
            (
                share(c.value),
                share(Some(c.benchmark)),
                points_between(Some(c.benchmark), c.value),
            )
        };
        t.row(
            c.label.clone(),
            vec![value, bench, diff, c.source.to_string()],
        )
    })
}

/// Which factor stands out in the group and in the 2018 survey.
pub fn findings_table(comparison: &GroupComparison) -> Table {
    let table = Table::new(
        "Which factor stands out",
        vec![
            Column::text("Finding"),
            Column::text("This group"),
            Column::text("2018 survey"),
            Column::text("Report section"),
        ],
    );
    comparison.findings.iter().fold(table, |t, f| {
        t.row(
            f.label,
            vec![
                f.group
                    .map_or_else(|| NO_ANSWERS.to_string(), |g| g.name().to_string()),
                f.benchmark.name().to_string(),
                f.source.to_string(),
            ],
        )
    })
}

/// Two groups' key figures side by side, with the difference; a figure the second report withholds
/// says so.
pub fn key_figures_table(
    first_name: &str,
    first: &GroupReport,
    second_name: &str,
    second: &GroupReport,
) -> Table {
    let b = key_figures(second);
    let table = figures(
        "Key figures of both groups",
        &[
            "Figure",
            &format!("This group: {first_name}"),
            &format!("Compared group: {second_name}"),
            "Difference",
        ],
    );
    key_figures(first).into_iter().fold(table, |t, fa| {
        let (vb, diff) = match b.iter().find(|fb| fb.label == fa.label) {
            Some(fb) => (fb.display(), fa.difference(fb)),
            None => ("withheld".to_string(), String::new()),
        };
        let va = fa.display();
        t.row(fa.label, vec![va, vb, diff])
    })
}

/// The six categories' means in both groups: the table beside the comparison radar.
pub fn compare_means_table(first: &GroupStatistics, second: &GroupStatistics) -> Table {
    let table = figures(
        "Mean scores of the six categories in both groups, 0 to 3",
        &[
            "Category",
            "Importance, this group",
            "Importance, compared group",
            "Prevalence, this group",
            "Prevalence, compared group",
        ],
    );
    Factor::INDEX_CATEGORIES.iter().fold(table, |t, f| {
        let (a, b) = (first.factor(*f), second.factor(*f));
        t.row(
            f.name(),
            vec![
                mean(a.importance.mean),
                mean(b.importance.mean),
                mean(a.prevalence.mean),
                mean(b.prevalence.mean),
            ],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::aggregate::{GroupOptions, ResponseFilter};
    use crate::engine::benchmark::compare_group;
    use crate::engine::csv_format::{import_csv, ImportOptions};
    use crate::engine::Response;
    use crate::model::groups::tables::DIVIDED_AT;
    use serde_json::Value;

    fn responses() -> Vec<Response> {
        let file = std::fs::read("tests/fixtures/group-40.csv").unwrap();
        import_csv(file.as_slice(), ImportOptions::default())
            .unwrap()
            .responses
    }

    fn report(options: GroupOptions) -> GroupReport {
        GroupReport::from_responses(&responses(), options)
    }

    fn stats() -> GroupStatistics {
        report(GroupOptions::default()).statistics.unwrap()
    }

    fn expected() -> Value {
        serde_json::from_str(
            &std::fs::read_to_string("tests/fixtures/group-40.expected.json").unwrap(),
        )
        .unwrap()
    }

    fn cells<'a>(t: &'a Table, row: &str) -> Vec<&'a str> {
        t.find(row)
            .unwrap_or_else(|| panic!("{:?} has a row {row:?}", t.caption))
            .cells
            .iter()
            .map(String::as_str)
            .collect()
    }

    fn public_sector() -> GroupOptions {
        GroupOptions::default().with_filter(ResponseFilter {
            sector: Some(Sector::Public),
            ..Default::default()
        })
    }

    #[test]
    fn coverage_says_what_the_report_covers_and_why_figures_are_withheld() {
        let all = report(GroupOptions::default());
        let public = report(public_sector());
        let few = report(GroupOptions::default().with_min_group_size(50));
        let c = coverage(&all, (0, Partial::Include));
        assert_eq!(c.size, "This report covers 40 responses.");
        assert_eq!((c.filtered, c.partial, c.withheld), (None, None, None));
        assert_eq!(
            c.rule,
            " Breakdowns with fewer than 5 respondents are withheld, so that no one can be singled out."
        );
        let left_out = all.n_responses - public.n_responses;
        assert_eq!(
            coverage(&public, (0, Partial::Include)).filtered,
            Some(format!(
                " {} left out by the filter.",
                plural(public.n_filtered_out, "response is", "responses are")
            ))
        );
        assert_eq!(public.n_filtered_out, left_out);
        // Partial responses left out are named as a remedy only when they are left out.
        let cases = [
            ((2, Partial::LeaveOut), true),
            ((2, Partial::Include), false),
            ((0, Partial::LeaveOut), false),
        ];
        for (partial, names_partial) in cases {
            let c = coverage(&few, partial);
            let withheld = c.withheld.expect("fewer than 50 responses");
            assert!(
                withheld.starts_with("The figures are withheld"),
                "{withheld}"
            );
            assert_eq!(
                withheld.contains("include the partial responses"),
                names_partial,
                "{partial:?}: {withheld}"
            );
            assert_eq!(c.partial, partial_text(partial.0, partial.1));
        }
    }

    #[test]
    fn the_factor_table_prints_the_expected_report() {
        let s = stats();
        let expected = expected();
        let t = factor_table(&s);
        assert_eq!(t.columns.len(), 8);
        assert!(!t.columns[0].numeric && t.columns[1..].iter().all(|c| c.numeric));
        for f in Factor::ALL {
            let e = &expected["factors"][f.id()];
            let m = |measure: &str, key: &str| e[measure][key].as_f64();
            let n = |measure: &str| e[measure]["n"].as_u64().unwrap().to_string();
            assert_eq!(
                cells(&t, f.name()),
                [
                    n("importance"),
                    mean(m("importance", "mean")),
                    share(m("importance", "share_at_least_somewhat")),
                    n("prevalence"),
                    mean(m("prevalence", "mean")),
                    share(m("prevalence", "share_at_least_somewhat")),
                    points_between(
                        m("prevalence", "share_great_deal"),
                        m("importance", "share_great_deal")
                    ),
                ],
                "{}",
                f.name()
            );
        }
        let averages = averages_table(&s);
        assert_eq!(
            cells(&averages, "The six categories of the index")[2..],
            ["2.42", "2.18"]
        );
        assert_eq!(
            cells(
                &averages,
                "All eight factors, with urgency and requirements"
            )[2..],
            ["2.28", "2.06"]
        );
    }

    #[test]
    fn breakdowns_below_the_minimum_group_size_are_withheld_cell_by_cell() {
        let s = report(GroupOptions::default().with_min_group_size(10))
            .statistics
            .unwrap();
        let [role, sector, area, region] = sample_tables(&s, 10);
        assert_eq!(role.columns.len(), 4);
        assert_eq!(area.columns.len(), 3);
        assert_eq!(region.rows().count(), Region::OPTIONS.len());
        let mut seen = (0, 0);
        for (item, option) in s.sample.role.items.iter().zip(Role::OPTIONS) {
            let row = cells(&role, option.label);
            match item.count {
                Some(c) => {
                    seen.0 += 1;
                    assert_eq!(row[..2], [count(c), share(item.share)]);
                }
                None => {
                    seen.1 += 1;
                    assert_eq!(row[..2], ["withheld (fewer than 10)"; 2]);
                }
            }
        }
        assert!(
            seen.0 > 0 && seen.1 > 0,
            "shown and withheld roles: {seen:?}"
        );
        // The 2018 survey's share stands beside each role and sector, withheld or not.
        for (i, option) in Sector::OPTIONS.iter().enumerate() {
            assert_eq!(
                cells(&sector, option.label)[2],
                benchmark_text(Figure::Sector(Sector::ALL[i]))
            );
        }
        assert!(role.caption.starts_with("Role (q15), "), "{}", role.caption);
    }

    #[test]
    fn a_withheld_crosstab_column_has_no_n_and_says_so_in_every_cell() {
        let mut s = stats();
        s.engagement_by_sector.columns[0].counts = None;
        let t = sector_table(&s, 5);
        let name = sector_column_name(s.engagement_by_sector.columns[0].key);
        assert_eq!(t.columns[1].header, name);
        let shown = &s.engagement_by_sector.columns[1];
        assert_eq!(
            t.columns[2].header,
            format!("{} (n = {})", sector_column_name(shown.key), count(shown.n))
        );
        for (i, step) in Engagement::STEPS.iter().enumerate() {
            let row = cells(&t, step.label());
            assert_eq!(row[0], "withheld (fewer than 5)");
            let k = shown.counts.unwrap()[i];
            assert_eq!(
                row[1],
                format!("{} ({})", count(k), share(Some(k as f64 / shown.n as f64)))
            );
        }
        let success = success_table(&s, 5);
        assert_eq!(
            success.caption,
            "Engagement step by success of the project (q10 × q6)"
        );
        assert_eq!(success.rows().count(), Engagement::STEPS.len());
    }

    #[test]
    fn role_groups_withheld_and_shown() {
        let mut s = stats();
        s.role_groups[0].stats = None;
        let t = role_table(&s, 7);
        let withheld = s.role_groups[0].group.name();
        assert_eq!(cells(&t, withheld), ["withheld (fewer than 7)"; 5]);
        let g = &s.role_groups[1];
        let st = g.stats.as_ref().unwrap();
        assert_eq!(
            cells(&t, g.group.name()),
            [
                count(st.n),
                share(st.q11.share_little_or_none),
                mean(st.q11.mean),
                share(st.q12.share_little_or_none),
                mean(st.q12.mean),
            ]
        );
    }

    #[test]
    fn the_spread_table_marks_each_divided_rating_and_the_finding_names_them() {
        let mut s = stats();
        for f in &mut s.factors {
            f.importance.disagreement = Some(0.2);
            f.prevalence.disagreement = Some(0.2);
        }
        assert_eq!(
            divided_finding(&s),
            "The group broadly agrees on every factor: no rating is divided."
        );
        let cases = [
            (Some(DIVIDED_AT), Some(0.59), "Divided on importance"),
            (Some(0.1), Some(0.9), "Divided on prevalence"),
            (Some(1.0), Some(DIVIDED_AT), "Divided on both"),
            (None, Some(0.59), "Broadly agree"),
        ];
        for (f, (imp, prev, _)) in s.factors.iter_mut().zip(cases) {
            f.importance.disagreement = imp;
            f.prevalence.disagreement = prev;
        }
        let t = spread_table(&s);
        assert!(!t.columns[5].numeric, "the agreement column is words");
        for (f, (imp, _, flag)) in s.factors.iter().zip(cases) {
            let row = cells(&t, f.factor.name());
            assert_eq!(row[4], flag, "{}", f.factor.name());
            assert_eq!(row[1], spread(imp));
        }
        assert_eq!(
            cells(&t, s.factors[3].factor.name())[1],
            "fewer than 2 answers"
        );
        let names: Vec<&str> = s.factors.iter().map(|f| f.factor.name()).collect();
        assert_eq!(
            divided_finding(&s),
            format!(
                "The group does not agree on: {a} (importance), {b} (prevalence), {c} (importance), \
                 {c} (prevalence). Talk these through before acting on their means.",
                a = names[0],
                b = names[1],
                c = names[2]
            )
        );
    }

    #[test]
    fn the_gap_table_has_the_factors_the_gap_chart_draws() {
        let mut s = stats();
        assert_eq!(gap_table(&s).rows().count(), 8);
        s.factors[2].prevalence.share_great_deal = None;
        s.factors[5].great_deal_gap = None;
        let t = gap_table(&s);
        assert_eq!(t.rows().count(), 6);
        assert!(t.find(s.factors[2].factor.name()).is_none());
        assert!(t.find(s.factors[5].factor.name()).is_none());
        let f = &s.factors[0];
        assert_eq!(
            cells(&t, f.factor.name()),
            [
                share(f.importance.share_great_deal),
                share(f.prevalence.share_great_deal),
                points_between(f.prevalence.share_great_deal, f.importance.share_great_deal),
            ]
        );
    }

    #[test]
    fn the_2018_tables_print_scores_and_shares_each_their_way() {
        let r = report(GroupOptions::default());
        let c = compare_group(&r);
        let t = benchmark_table(&c);
        assert_eq!(t.caption, "This group and the 2018 survey (n = 115)");
        assert_eq!(t.rows().count(), c.figures.len());
        let score_row = c.figures.iter().find(|f| f.is_score).unwrap();
        assert_eq!(
            cells(&t, &score_row.label),
            [
                mean(score_row.value),
                score(score_row.benchmark),
                score_difference(score_row.difference),
                score_row.source.to_string(),
            ]
        );
        let share_row = c.figures.iter().find(|f| !f.is_score).unwrap();
        assert_eq!(
            cells(&t, &share_row.label)[2],
            points_between(Some(share_row.benchmark), share_row.value)
        );
        let findings = findings_table(&c);
        assert!(findings.columns.iter().all(|c| !c.numeric));
        assert_eq!(findings.rows().count(), c.findings.len());
        // A withheld report compares nothing.
        let none = compare_group(&report(GroupOptions::default().with_min_group_size(50)));
        assert_eq!(benchmark_table(&none).rows().count(), 0);
        for (figure, published) in [
            (Figure::AverageImportance6, "2.42"),
            (Figure::AveragePrevalence8, "2.06"),
        ] {
            assert_eq!(benchmark_text(figure), published);
        }
    }

    #[test]
    fn two_groups_side_by_side_and_a_withheld_second_group() {
        let all = report(GroupOptions::default());
        let public = report(public_sector());
        let few = report(GroupOptions::default().with_min_group_size(50));
        let t = key_figures_table("All", &all, "Few", &few);
        assert_eq!(t.columns[1].header, "This group: All");
        assert_eq!(t.columns[2].header, "Compared group: Few");
        assert_eq!(cells(&t, "Responses in the report"), ["40", "40", ""]);
        assert_eq!(
            cells(&t, "Collaborative Behaviours: mean importance"),
            ["1.76", "withheld", ""]
        );
        let t = key_figures_table("All", &all, "Public", &public);
        let row = cells(&t, "Collaborative Behaviours: mean importance");
        let (a, b) = (
            all.statistics.as_ref().unwrap(),
            public.statistics.as_ref().unwrap(),
        );
        let (ma, mb) = (
            a.factor(Factor::Behaviours).importance.mean,
            b.factor(Factor::Behaviours).importance.mean,
        );
        assert_eq!(
            row,
            [
                mean(ma),
                mean(mb),
                score_difference(ma.zip(mb).map(|(x, y)| y - x))
            ]
        );
        let means = compare_means_table(a, b);
        assert_eq!(means.rows().count(), 6);
        let f = Factor::INDEX_CATEGORIES[0];
        assert_eq!(
            cells(&means, f.name()),
            [
                mean(a.factor(f).importance.mean),
                mean(b.factor(f).importance.mean),
                mean(a.factor(f).prevalence.mean),
                mean(b.factor(f).prevalence.mean),
            ]
        );
    }

    #[test]
    fn headline_rows_carry_n_and_the_2018_figure() {
        let s = stats();
        let t = headline_table(&s);
        let h = &s.headline.q7_important_or_critical;
        assert_eq!(
            cells(&t, &Figure::Q7ImportantOrCritical.label()),
            [
                share(h.value()),
                count(h.of),
                benchmark_text(Figure::Q7ImportantOrCritical)
            ]
        );
        assert_eq!(t.rows().count(), headline_rows(&s.headline).len());
    }
}
