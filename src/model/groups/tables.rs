//! The group report's tables as rows: the headline shares with their labels, the key figures two
//! groups are compared by, which factors the group is divided on, and every table of the report as
//! one CSV file.
//!
//! This module owns the layout of figures the engine computed. It must never compute a statistic
//! itself (it reads [`GroupReport`] and [`GroupComparison`]) and never write a cell from imported text
//! without the spreadsheet formula guard.

use crate::engine::aggregate::{
    Breakdown, CrossTab, GroupReport, GroupStatistics, Headline, RatingStats, Share,
};
use crate::engine::benchmark::{Figure, GroupComparison};
use crate::engine::csv_format::guard_formula;
use crate::engine::instrument::{
    Area, Choice, Engagement, Measure, Region, Role, Sector, Stakeholder,
};

use super::Partial;
use crate::model::format;

/// Leik's disagreement at or above which the page says a group is divided on a factor: answers
/// spread about as widely as an even split over the four options (D = 0.67) or more, up to a split
/// between "not at all" and "a great deal" (D = 1).
pub const DIVIDED_AT: f64 = 0.6;

/// True when the answers to a rating are divided (see [`DIVIDED_AT`]).
pub fn is_divided(stats: &RatingStats) -> bool {
    stats.disagreement.is_some_and(|d| d >= DIVIDED_AT)
}

/// The headline shares in report order, each with the published figure it matches (for its label).
pub fn headline_rows(h: &Headline) -> Vec<(Figure, Share)> {
    let mut rows = vec![
        (Figure::Q7ImportantOrCritical, h.q7_important_or_critical),
        (Figure::Q9CollaboratingBetter, h.q9_collaborating_better),
        (Figure::Q6Successful, h.q6_successful),
        (Figure::Q11LittleOrNone, h.q11_little_or_none),
        (Figure::Q12LittleOrNone, h.q12_little_or_none),
        (Figure::Q4FourOrMore, h.q4_four_or_more),
        (Figure::Q5Middle, h.q5_middle),
        (Figure::Q10LowerThree, h.q10_lower_three),
    ];
    rows.extend(
        Stakeholder::ALL
            .iter()
            .map(|s| (Figure::Q3(*s), h.q3_share(*s))),
    );
    rows
}

/// What kind of number a key figure is, so that it is printed the report's way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Count,
    Score,
    Share,
}

/// One figure of a group, for comparing two groups side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigure {
    pub label: String,
    pub kind: Kind,
    pub value: Option<f64>,
}

impl KeyFigure {
    /// The value as printed.
    pub fn display(&self) -> String {
        match self.kind {
            Kind::Count => self
                .value
                .map_or_else(|| format::NO_ANSWERS.into(), |v| format::count(v as u64)),
            Kind::Score => format::mean(self.value),
            Kind::Share => format::share(self.value),
        }
    }

    /// `other − self`, printed (for shares, the points between the two percentages shown; for means,
    /// the score difference).
    pub fn difference(&self, other: &KeyFigure) -> String {
        let d = self.value.zip(other.value).map(|(a, b)| b - a);
        match self.kind {
            Kind::Count => String::new(),
            Kind::Score => format::score_difference(d),
            Kind::Share => format::points_between(self.value, other.value),
        }
    }
}

/// The figures two groups are compared by: size, the four averages, each factor's mean importance and
/// prevalence, and the headline shares. A withheld report has only its size.
pub fn key_figures(report: &GroupReport) -> Vec<KeyFigure> {
    let mut out = vec![KeyFigure {
        label: "Responses in the report".into(),
        kind: Kind::Count,
        value: Some(report.n_responses as f64),
    }];
    let Some(s) = &report.statistics else {
        return out;
    };
    let score = |figure: Figure, value| KeyFigure {
        label: figure.label(),
        kind: Kind::Score,
        value,
    };
    out.push(score(Figure::AverageImportance6, s.average_importance_6));
    out.push(score(Figure::AveragePrevalence6, s.average_prevalence_6));
    out.push(score(Figure::AverageImportance8, s.average_importance_8));
    out.push(score(Figure::AveragePrevalence8, s.average_prevalence_8));
    for f in &s.factors {
        for m in Measure::ALL {
            out.push(KeyFigure {
                label: format!("{}: mean {}", f.factor.name(), m.id()),
                kind: Kind::Score,
                value: f.measure(m).mean,
            });
        }
    }
    for (figure, share) in headline_rows(&s.headline).into_iter().take(8) {
        out.push(KeyFigure {
            label: figure.label(),
            kind: Kind::Share,
            value: share.value(),
        });
    }
    out
}

/// One line of the tables CSV.
struct Line {
    table: &'static str,
    row: String,
    column: String,
    value: String,
    unit: &'static str,
    n: Option<u64>,
}

const WITHHELD: &str = "withheld";

/// A score as a plain number for the CSV: two decimals (empty without a value).
fn score_num(x: Option<f64>) -> String {
    x.map_or_else(String::new, format::decimal)
}

/// A share as a plain number for the CSV: a whole percentage (empty without a value).
fn share_num(x: Option<f64>) -> String {
    x.map_or_else(String::new, |x| format!("{}", format::percent(x) as i64))
}

fn breakdown_lines(
    out: &mut Vec<Line>,
    table: &'static str,
    b: &Breakdown,
    labels: &[crate::engine::instrument::AnswerOption],
) {
    for (item, option) in b.items.iter().zip(labels) {
        let (count, share) = match item.count {
            Some(c) => (c.to_string(), share_num(item.share)),
            None => (WITHHELD.into(), WITHHELD.into()),
        };
        for (column, value, unit) in [("respondents", count, "count"), ("share", share, "%")] {
            out.push(Line {
                table,
                row: option.label.into(),
                column: column.into(),
                value,
                unit,
                n: Some(b.answered),
            });
        }
    }
}

fn crosstab_lines(
    out: &mut Vec<Line>,
    table: &'static str,
    tab: &CrossTab,
    name: impl Fn(&str) -> String,
) {
    for column in &tab.columns {
        for (i, step) in Engagement::STEPS.iter().enumerate() {
            out.push(Line {
                table,
                row: step.label().into(),
                column: name(column.key),
                value: column
                    .counts
                    .map_or_else(|| WITHHELD.into(), |c| c[i].to_string()),
                unit: "count",
                n: Some(column.n),
            });
        }
    }
}

fn rating_lines(
    out: &mut Vec<Line>,
    table: &'static str,
    row: String,
    prefix: &str,
    r: &RatingStats,
) {
    let figures = [
        ("mean", score_num(r.mean), "score 0-3"),
        (
            "a little or not at all",
            share_num(r.share_little_or_none),
            "%",
        ),
        ("somewhat", share_num(r.share_somewhat), "%"),
        ("a great deal", share_num(r.share_great_deal), "%"),
        (
            "at least somewhat",
            share_num(r.share_at_least_somewhat),
            "%",
        ),
        ("standard deviation", score_num(r.sd), "score 0-3"),
        ("disagreement", score_num(r.disagreement), "0-1"),
        ("not applicable", r.n_na.to_string(), "count"),
    ];
    for (column, value, unit) in figures {
        out.push(Line {
            table,
            row: row.clone(),
            column: format!("{prefix}{column}"),
            value,
            unit,
            n: Some(r.n),
        });
    }
}

fn statistics_lines(out: &mut Vec<Line>, s: &GroupStatistics) {
    breakdown_lines(out, "Sample: role (q15)", &s.sample.role, Role::OPTIONS);
    breakdown_lines(
        out,
        "Sample: sector (q16)",
        &s.sample.sector,
        Sector::OPTIONS,
    );
    breakdown_lines(
        out,
        "Sample: area of work (q17)",
        &s.sample.areas,
        Area::OPTIONS,
    );
    breakdown_lines(
        out,
        "Sample: region (q18)",
        &s.sample.regions,
        Region::OPTIONS,
    );
    for (figure, share) in headline_rows(&s.headline) {
        out.push(Line {
            table: "Headline shares",
            row: figure.label(),
            column: "share".into(),
            value: share_num(share.value()),
            unit: "%",
            n: Some(share.of),
        });
    }
    for f in &s.factors {
        for m in Measure::ALL {
            rating_lines(
                out,
                "Factors",
                f.factor.name().into(),
                &format!("{} ", m.id()),
                f.measure(m),
            );
        }
        out.push(Line {
            table: "Factors",
            row: f.factor.name().into(),
            column: "great-deal gap".into(),
            value: share_num(f.great_deal_gap),
            unit: "percentage points",
            n: None,
        });
    }
    for (figure, value) in [
        (Figure::AverageImportance6, s.average_importance_6),
        (Figure::AverageImportance8, s.average_importance_8),
        (Figure::AveragePrevalence6, s.average_prevalence_6),
        (Figure::AveragePrevalence8, s.average_prevalence_8),
    ] {
        out.push(Line {
            table: "Averages",
            row: figure.label(),
            column: "mean of means".into(),
            value: score_num(value),
            unit: "score 0-3",
            n: None,
        });
    }
    crosstab_lines(
        out,
        "Engagement by success (q10 x q6)",
        &s.engagement_by_success,
        |k| success_column_name(k).into(),
    );
    crosstab_lines(
        out,
        "Engagement by sector (q10 x q16)",
        &s.engagement_by_sector,
        sector_column_name,
    );
    for g in &s.role_groups {
        match &g.stats {
            Some(stats) => {
                rating_lines(
                    out,
                    "Role groups (q11, q12)",
                    g.group.name().into(),
                    "q11 ",
                    &stats.q11,
                );
                rating_lines(
                    out,
                    "Role groups (q11, q12)",
                    g.group.name().into(),
                    "q12 ",
                    &stats.q12,
                );
            }
            None => out.push(Line {
                table: "Role groups (q11, q12)",
                row: g.group.name().into(),
                column: "all".into(),
                value: WITHHELD.into(),
                unit: "",
                n: None,
            }),
        }
    }
}

/// The name of an engagement-by-success column.
pub fn success_column_name(key: &str) -> &'static str {
    match key {
        "successful" => "Very or somewhat successful",
        _ => "Unsuccessful or too early to say",
    }
}

/// The name of an engagement-by-sector column: the sector's label (the key itself for a key the
/// instrument does not know).
pub fn sector_column_name(key: &str) -> String {
    Sector::from_code(key).map_or_else(|| key.to_string(), |s| s.label().to_string())
}

/// Every table of the report as one CSV (UTF-8 with BOM, CRLF, as the responses export), one figure
/// per line: `table,row,column,value,unit,n`. Values are plain numbers (means to two decimals,
/// percentages whole) so that a spreadsheet reads them as numbers.
/// `partial`: the partial responses among those the filter keeps, and whether the report counts
/// them (so that the file says what its counts cover, as the page does).
pub fn report_tables_csv(
    group_name: &str,
    report: &GroupReport,
    comparison: &GroupComparison,
    partial: (u64, Partial),
) -> String {
    let mut lines = vec![
        Line {
            table: "Report",
            row: "Group".into(),
            column: "name".into(),
            value: group_name.into(),
            unit: "",
            n: None,
        },
        Line {
            table: "Report",
            row: "Responses".into(),
            column: "in the report".into(),
            value: report.n_responses.to_string(),
            unit: "count",
            n: None,
        },
        Line {
            table: "Report",
            row: "Responses".into(),
            column: "left out by the filter".into(),
            value: report.n_filtered_out.to_string(),
            unit: "count",
            n: None,
        },
        Line {
            table: "Report",
            row: "Responses".into(),
            column: match partial.1 {
                Partial::Include => "partial, counted where they answered".into(),
                Partial::LeaveOut => "partial, left out".into(),
            },
            value: partial.0.to_string(),
            unit: "count",
            n: None,
        },
        Line {
            table: "Report",
            row: "Minimum group size".into(),
            column: "respondents".into(),
            value: report.min_group_size.to_string(),
            unit: "count",
            n: None,
        },
    ];
    match &report.statistics {
        Some(s) => statistics_lines(&mut lines, s),
        None => lines.push(Line {
            table: "Report",
            row: "Figures".into(),
            column: "all".into(),
            value: WITHHELD.into(),
            unit: "",
            n: None,
        }),
    }
    for c in &comparison.figures {
        let num = if c.is_score { score_num } else { share_num };
        let unit = if c.is_score { "score 0-3" } else { "%" };
        for (column, value) in [
            ("this group", num(c.value)),
            ("2018 survey (n = 115)", num(Some(c.benchmark))),
        ] {
            lines.push(Line {
                table: "Compared with the 2018 survey",
                row: c.label.clone(),
                column: column.into(),
                value,
                unit,
                n: None,
            });
        }
    }

    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let write = |w: &mut csv::Writer<Vec<u8>>, cells: [&str; 6]| {
        w.write_record(cells.map(|c| guard_formula(c).into_owned()))
            .expect("writing CSV to memory cannot fail");
    };
    write(
        &mut writer,
        ["table", "row", "column", "value", "unit", "n"],
    );
    for l in &lines {
        let n = l.n.map(|n| n.to_string()).unwrap_or_default();
        // Negative numbers are ours, not imported text: written as numbers, not guarded as formulas.
        let value = if l.value.parse::<f64>().is_ok() {
            l.value.clone()
        } else {
            guard_formula(&l.value).into_owned()
        };
        writer
            .write_record([
                guard_formula(l.table).as_ref(),
                guard_formula(&l.row).as_ref(),
                guard_formula(&l.column).as_ref(),
                value.as_str(),
                l.unit,
                n.as_str(),
            ])
            .expect("writing CSV to memory cannot fail");
    }
    let bytes = writer
        .into_inner()
        .expect("writing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("the CSV is built from UTF-8 text")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::aggregate::GroupOptions;
    use crate::engine::benchmark::compare_group;
    use crate::engine::csv_format::{import_csv, ImportOptions};
    use crate::engine::instrument::Factor;

    fn report(options: GroupOptions) -> GroupReport {
        let file = std::fs::read("tests/fixtures/group-40.csv").unwrap();
        let import = import_csv(file.as_slice(), ImportOptions::default()).unwrap();
        GroupReport::from_responses(&import.responses, options)
    }

    #[test]
    fn divided_means_at_least_the_threshold() {
        let r = report(GroupOptions::default());
        let s = r.statistics.as_ref().unwrap();
        for f in &s.factors {
            let d = f.importance.disagreement.unwrap();
            assert_eq!(is_divided(&f.importance), d >= DIVIDED_AT);
        }
    }

    #[test]
    fn key_figures_print_the_engine_values_the_report_way() {
        let r = report(GroupOptions::default());
        let figures = key_figures(&r);
        assert_eq!(figures[0].display(), "40");
        let s = r.statistics.as_ref().unwrap();
        let behaviours = figures
            .iter()
            .find(|f| f.label == "Collaborative Behaviours: mean importance")
            .unwrap();
        assert_eq!(
            behaviours.value,
            s.factor(Factor::Behaviours).importance.mean
        );
        assert_eq!(behaviours.display(), "1.76");
        let q7 = figures.iter().find(|f| f.label.ends_with("(q7)")).unwrap();
        assert_eq!(
            q7.display(),
            format::share(s.headline.q7_important_or_critical.value())
        );
        assert_eq!(figures.len(), 1 + 4 + 16 + 8);

        let withheld = report(GroupOptions::default().with_min_group_size(50));
        assert_eq!(key_figures(&withheld).len(), 1);
    }

    #[test]
    fn tables_csv_has_bom_crlf_and_one_figure_per_line() {
        let r = report(GroupOptions::default());
        let csv = report_tables_csv(
            "=cmd|' /C calc'!A0",
            &r,
            &compare_group(&r),
            (0, Partial::Include),
        );
        assert!(csv.starts_with("\u{feff}table,row,column,value,unit,n\r\n"));
        assert!(
            csv.contains("Report,Group,name,'=cmd|' /C calc'!A0,,\r\n"),
            "the name is guarded"
        );
        assert!(
            csv.contains("Factors,Collaborative Behaviours,importance mean,1.76,score 0-3,34\r\n")
        );
        assert!(csv
            .contains("Factors,Collaborative Behaviours,importance at least somewhat,65,%,34\r\n"));
        assert!(
            csv.contains("Factors,Collaborative Places,great-deal gap,35,percentage points,\r\n")
        );
        assert!(csv.contains(
            "Compared with the 2018 survey,\"Average importance, six categories\",2018 survey (n = 115),2.42,score 0-3,\r\n"
        ));
        let rows = csv.split("\r\n").filter(|l| !l.is_empty()).count();
        assert!(rows > 200, "{rows} lines");
    }

    #[test]
    fn defect_06_the_tables_csv_says_how_many_responses_are_partial_and_whether_they_count() {
        let r = report(GroupOptions::default());
        let c = compare_group(&r);
        let included = report_tables_csv("g", &r, &c, (3, Partial::Include));
        assert!(included
            .contains("Report,Responses,\"partial, counted where they answered\",3,count,\r\n"));
        let left_out = report_tables_csv("g", &r, &c, (2, Partial::LeaveOut));
        assert!(left_out.contains("Report,Responses,\"partial, left out\",2,count,\r\n"));
    }
}
