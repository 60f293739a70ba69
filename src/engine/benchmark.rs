//! The 2018 benchmark (`instrument.md` §4): only figures printed in the report, each with the section
//! it comes from, and comparisons of one response or a group with them.
//!
//! This module owns the published figures and how a response's or group's own figures line up with
//! them. It must never invent a figure the report does not print (the report's charts did not survive,
//! so there is no per-category mean), and never compute statistics itself: it reads
//! [`ResponseScore`], [`Response`] and [`GroupReport`].

use serde::Serialize;

use super::aggregate::{GroupReport, GroupStatistics, Share};
use super::instrument::{
    Choice, Engagement, Extent4, Factor, Measure, OrganisationCount, Role, Sector, StaffLevel,
    Stakeholder, View, YesNo,
};
use super::response::Response;
use super::rounding::{ser_f64, ser_opt_f64};
use super::scoring::ResponseScore;

/// A factor's published shares ("at least somewhat" = somewhat or a great deal).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FactorBenchmark {
    /// The index category.
    pub factor: Factor,
    /// Share rating its importance at least somewhat.
    pub importance_at_least_somewhat: f64,
    /// Share rating its prevalence at least somewhat.
    pub prevalence_at_least_somewhat: f64,
    /// How the report phrases the prevalence figure, where it gives the complement.
    pub note: Option<&'static str>,
    /// Report section.
    pub source: &'static str,
}

/// The published single figures a group can be compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    /// Average importance over the six categories (mean of means).
    AverageImportance6,
    /// Average importance over the eight factors.
    AverageImportance8,
    /// Average prevalence over the six categories.
    AveragePrevalence6,
    /// Average prevalence over the eight factors.
    AveragePrevalence8,
    /// Mean importance of urgency and requirements, implied by the two averages.
    ImpliedAdditionalImportance,
    /// Mean prevalence of urgency and requirements, implied by the two averages.
    ImpliedAdditionalPrevalence,
    /// q7 important or critical.
    Q7ImportantOrCritical,
    /// q9 collaborating achieves better outcomes.
    Q9CollaboratingBetter,
    /// q6 somewhat or very successful.
    Q6Successful,
    /// q11 little or no value/incentive.
    Q11LittleOrNone,
    /// q12 little or no tools.
    Q12LittleOrNone,
    /// q4 four or more organisations.
    Q4FourOrMore,
    /// q5 middle management.
    Q5Middle,
    /// q10 lower three steps.
    Q10LowerThree,
    /// q3 share naming a stakeholder type.
    Q3(Stakeholder),
    /// q15 share of a role.
    Role(Role),
    /// q16 share of a sector.
    Sector(Sector),
}

impl Figure {
    /// Stable id (`"average_importance_6"`, `"q3_local_authority"`, `"q15_director"`).
    pub fn id(self) -> String {
        match self {
            Figure::AverageImportance6 => "average_importance_6".into(),
            Figure::AverageImportance8 => "average_importance_8".into(),
            Figure::AveragePrevalence6 => "average_prevalence_6".into(),
            Figure::AveragePrevalence8 => "average_prevalence_8".into(),
            Figure::ImpliedAdditionalImportance => "additional_factors_importance".into(),
            Figure::ImpliedAdditionalPrevalence => "additional_factors_prevalence".into(),
            Figure::Q7ImportantOrCritical => "q7_important_or_critical".into(),
            Figure::Q9CollaboratingBetter => "q9_collaborating_better".into(),
            Figure::Q6Successful => "q6_successful".into(),
            Figure::Q11LittleOrNone => "q11_little_or_none".into(),
            Figure::Q12LittleOrNone => "q12_little_or_none".into(),
            Figure::Q4FourOrMore => "q4_four_or_more".into(),
            Figure::Q5Middle => "q5_middle".into(),
            Figure::Q10LowerThree => "q10_lower_three".into(),
            Figure::Q3(s) => format!("q3_{}", s.code()),
            Figure::Role(r) => format!("q15_{}", r.code()),
            Figure::Sector(s) => format!("q16_{}", s.code()),
        }
    }

    /// What the figure is, in words.
    pub fn label(self) -> String {
        match self {
            Figure::AverageImportance6 => "Average importance, six categories".into(),
            Figure::AverageImportance8 => "Average importance, eight factors".into(),
            Figure::AveragePrevalence6 => "Average prevalence, six categories".into(),
            Figure::AveragePrevalence8 => "Average prevalence, eight factors".into(),
            Figure::ImpliedAdditionalImportance => {
                "Mean importance of urgency and requirements".into()
            }
            Figure::ImpliedAdditionalPrevalence => {
                "Mean prevalence of urgency and requirements".into()
            }
            Figure::Q7ImportantOrCritical => "Collaboration important or critical (q7)".into(),
            Figure::Q9CollaboratingBetter => "Collaborating achieves better outcomes (q9)".into(),
            Figure::Q6Successful => "Project somewhat or very successful (q6)".into(),
            Figure::Q11LittleOrNone => "Little or no value/incentive to collaborate (q11)".into(),
            Figure::Q12LittleOrNone => "Little or no tools to collaborate (q12)".into(),
            Figure::Q4FourOrMore => "Four or more organisations involved (q4)".into(),
            Figure::Q5Middle => "Staff mostly from middle management (q5)".into(),
            Figure::Q10LowerThree => {
                "Citizen engagement at inform, consult or involve (q10)".into()
            }
            Figure::Q3(s) => format!("{} among the stakeholders (q3)", s.label()),
            Figure::Role(r) => format!("Role: {} (q15)", r.label()),
            Figure::Sector(s) => format!("Sector: {} (q16)", s.label()),
        }
    }

    /// True for figures on the 0–3 score scale; false for shares (0–1).
    pub fn is_score(self) -> bool {
        matches!(
            self,
            Figure::AverageImportance6
                | Figure::AverageImportance8
                | Figure::AveragePrevalence6
                | Figure::AveragePrevalence8
                | Figure::ImpliedAdditionalImportance
                | Figure::ImpliedAdditionalPrevalence
        )
    }
}

/// One published figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BenchmarkFigure {
    /// Which figure.
    pub figure: Figure,
    /// Its value: a score 0–3 or a share 0–1.
    pub value: f64,
    /// Report section (`"§2.3"`), or `"derived"` for figures computed from printed ones.
    pub source: &'static str,
}

/// The report's qualitative findings about which factor stands out.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Findings {
    /// Largest great-deal gap (§2.3: behaviours, 21 points).
    pub largest_great_deal_gap: Factor,
    /// Its size, as a share.
    pub largest_great_deal_gap_value: f64,
    /// The next largest (§2.3: places, "followed closely").
    pub next_largest_great_deal_gap: Factor,
    /// Highest mean importance and prevalence (§2.3: systems).
    pub highest_mean: Factor,
    /// Lowest mean importance among the six (§2.3: citizens).
    pub lowest_mean_importance: Factor,
    /// Report section.
    pub source: &'static str,
}

/// The 2018 survey's published figures.
#[derive(Debug)]
pub struct Benchmark {
    /// Survey respondents.
    pub n: u32,
    /// Where the figures come from.
    pub source: &'static str,
    /// Per index category, in display order.
    pub factors: [FactorBenchmark; 6],
    /// Single figures.
    pub figures: &'static [BenchmarkFigure],
    /// Which factor stands out.
    pub findings: Findings,
}

macro_rules! figures {
    ( $( $figure:expr => $value:expr, $source:literal; )+ ) => {
        &[ $( BenchmarkFigure { figure: $figure, value: $value, source: $source }, )+ ]
    };
}

/// The 2018 benchmark (`instrument.md` §4; n = 115).
pub static BENCHMARK_2018: Benchmark = Benchmark {
    n: 115,
    source: "The State of Collaboration, Collaborate Foundation, June 2018 (fieldwork Dec 2017 – Feb 2018)",
    factors: [
        FactorBenchmark {
            factor: Factor::Behaviours,
            importance_at_least_somewhat: 0.82,
            prevalence_at_least_somewhat: 0.72,
            note: None,
            source: "§2.2",
        },
        FactorBenchmark {
            factor: Factor::Citizens,
            importance_at_least_somewhat: 0.83,
            prevalence_at_least_somewhat: 0.80,
            note: Some("20% none or a little"),
            source: "§2.2",
        },
        FactorBenchmark {
            factor: Factor::Systems,
            importance_at_least_somewhat: 0.95,
            prevalence_at_least_somewhat: 0.87,
            note: None,
            source: "§2.2",
        },
        FactorBenchmark {
            factor: Factor::Services,
            importance_at_least_somewhat: 0.91,
            prevalence_at_least_somewhat: 0.84,
            note: None,
            source: "§2.2",
        },
        FactorBenchmark {
            factor: Factor::Places,
            importance_at_least_somewhat: 0.88,
            prevalence_at_least_somewhat: 0.82,
            note: Some("18% little or none"),
            source: "§2.2",
        },
        FactorBenchmark {
            factor: Factor::Markets,
            importance_at_least_somewhat: 0.90,
            prevalence_at_least_somewhat: 0.82,
            note: Some("18% not working with others"),
            source: "§2.2",
        },
    ],
    figures: figures! {
        Figure::AverageImportance6 => 2.42, "§2.3";
        Figure::AverageImportance8 => 2.28, "§2.3";
        Figure::AveragePrevalence6 => 2.18, "§2.3";
        Figure::AveragePrevalence8 => 2.06, "§2.3";
        Figure::ImpliedAdditionalImportance => 1.86, "derived";
        Figure::ImpliedAdditionalPrevalence => 1.70, "derived";
        Figure::Q7ImportantOrCritical => 0.93, "§2.1";
        Figure::Q9CollaboratingBetter => 0.96, "§2.1";
        Figure::Q6Successful => 0.89, "§2.1";
        Figure::Q11LittleOrNone => 0.27, "§2.1";
        Figure::Q12LittleOrNone => 0.24, "§2.1";
        Figure::Q4FourOrMore => 0.48, "§2.1";
        Figure::Q5Middle => 0.49, "§2.1";
        Figure::Q10LowerThree => 0.60, "§2.2";
        Figure::Q3(Stakeholder::LocalAuthority) => 0.37, "§2.1";
        Figure::Q3(Stakeholder::NhsTrust) => 0.20, "§2.1";
        Figure::Role(Role::ChiefExecutive) => 0.47, "Appendix 2";
        Figure::Role(Role::Director) => 0.18, "Appendix 2";
        Figure::Role(Role::DivisionHead) => 0.17, "Appendix 2";
        Figure::Role(Role::AssistantDirector) => 0.06, "Appendix 2";
        Figure::Role(Role::DeputyChiefExecutive) => 0.02, "Appendix 2";
        Figure::Role(Role::Other) => 0.10, "Appendix 2";
        Figure::Sector(Sector::Third) => 0.44, "Appendix 2";
        Figure::Sector(Sector::Public) => 0.37, "Appendix 2";
        Figure::Sector(Sector::Private) => 0.19, "Appendix 2";
    },
    findings: Findings {
        largest_great_deal_gap: Factor::Behaviours,
        largest_great_deal_gap_value: 0.21,
        next_largest_great_deal_gap: Factor::Places,
        highest_mean: Factor::Systems,
        lowest_mean_importance: Factor::Citizens,
        source: "§2.3",
    },
};

impl Benchmark {
    /// The published value of a figure.
    pub fn figure(&self, figure: Figure) -> Option<&BenchmarkFigure> {
        self.figures.iter().find(|f| f.figure == figure)
    }

    /// The published shares of an index category (`None` for urgency and requirements).
    pub fn factor(&self, factor: Factor) -> Option<&FactorBenchmark> {
        self.factors.iter().find(|f| f.factor == factor)
    }
}

/// A group's figure next to the benchmark's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// Figure id (`"average_importance_6"`, `"systems_prevalence_at_least_somewhat"`).
    pub figure: String,
    /// What it is.
    pub label: String,
    /// Where the benchmark figure comes from.
    pub source: &'static str,
    /// True for 0–3 scores, false for shares.
    pub is_score: bool,
    /// The 2018 value.
    #[serde(serialize_with = "ser_f64")]
    pub benchmark: f64,
    /// The group's value, if it has one.
    #[serde(serialize_with = "ser_opt_f64")]
    pub value: Option<f64>,
    /// `value − benchmark`.
    #[serde(serialize_with = "ser_opt_f64")]
    pub difference: Option<f64>,
}

/// A group's standout factor next to the report's finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FindingComparison {
    /// Finding id.
    pub finding: &'static str,
    /// What it is.
    pub label: &'static str,
    /// The report's factor.
    pub benchmark: Factor,
    /// The group's factor (ties: the first in display order).
    pub group: Option<Factor>,
    /// Report section.
    pub source: &'static str,
}

/// Everything a group report can be compared with.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupComparison {
    /// Figure by figure (empty when the report is withheld).
    pub figures: Vec<Comparison>,
    /// Standout factors.
    pub findings: Vec<FindingComparison>,
}

fn comparison(
    figure: String,
    label: String,
    source: &'static str,
    is_score: bool,
    benchmark: f64,
    value: Option<f64>,
) -> Comparison {
    Comparison {
        figure,
        label,
        source,
        is_score,
        benchmark,
        value,
        difference: value.map(|v| v - benchmark),
    }
}

fn factor_comparisons(value: impl Fn(Factor, Measure) -> Option<f64>) -> Vec<Comparison> {
    let b = &BENCHMARK_2018;
    b.factors
        .iter()
        .flat_map(|fb| {
            [
                (Measure::Importance, fb.importance_at_least_somewhat),
                (Measure::Prevalence, fb.prevalence_at_least_somewhat),
            ]
            .map(|(m, bench)| {
                comparison(
                    format!("{}_{}_at_least_somewhat", fb.factor.id(), m.id()),
                    format!("{}: {} at least somewhat", fb.factor.name(), m.id()),
                    fb.source,
                    false,
                    bench,
                    value(fb.factor, m),
                )
            })
        })
        .collect()
}

/// The group's value of a published figure.
fn group_value(s: &GroupStatistics, figure: Figure) -> Option<f64> {
    let additional = |m: Measure| {
        let means: Option<Vec<f64>> = [Factor::Urgency, Factor::Requirements]
            .iter()
            .map(|f| s.factor(*f).measure(m).mean)
            .collect();
        means.map(|v| v.iter().sum::<f64>() / v.len() as f64)
    };
    let share = |share: Share| share.value();
    let breakdown = |b: &super::aggregate::Breakdown, code: &str| {
        b.items
            .iter()
            .find(|i| i.code == code)
            .and_then(|i| i.share)
    };
    let h = &s.headline;
    match figure {
        Figure::AverageImportance6 => s.average_importance_6,
        Figure::AverageImportance8 => s.average_importance_8,
        Figure::AveragePrevalence6 => s.average_prevalence_6,
        Figure::AveragePrevalence8 => s.average_prevalence_8,
        Figure::ImpliedAdditionalImportance => additional(Measure::Importance),
        Figure::ImpliedAdditionalPrevalence => additional(Measure::Prevalence),
        Figure::Q7ImportantOrCritical => share(h.q7_important_or_critical),
        Figure::Q9CollaboratingBetter => share(h.q9_collaborating_better),
        Figure::Q6Successful => share(h.q6_successful),
        Figure::Q11LittleOrNone => share(h.q11_little_or_none),
        Figure::Q12LittleOrNone => share(h.q12_little_or_none),
        Figure::Q4FourOrMore => share(h.q4_four_or_more),
        Figure::Q5Middle => share(h.q5_middle),
        Figure::Q10LowerThree => share(h.q10_lower_three),
        Figure::Q3(st) => share(h.q3_share(st)),
        Figure::Role(r) => breakdown(&s.sample.role, r.code()),
        Figure::Sector(sec) => breakdown(&s.sample.sector, sec.code()),
    }
}

/// The item with the largest value, with its value: items without a value are skipped, and of equal
/// values the first wins (so "the first of equals in display order"). `None` when no item has a value.
pub fn first_max<K>(items: impl IntoIterator<Item = (K, Option<f64>)>) -> Option<(K, f64)> {
    items
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .fold(None, |best, (k, v)| match best {
            Some((_, bv)) if bv >= v => best,
            _ => Some((k, v)),
        })
}

/// Compares a group report with the 2018 benchmark.
pub fn compare_group(report: &GroupReport) -> GroupComparison {
    let Some(s) = &report.statistics else {
        return GroupComparison {
            figures: Vec::new(),
            findings: Vec::new(),
        };
    };
    let b = &BENCHMARK_2018;
    let mut figures = factor_comparisons(|f, m| s.factor(f).measure(m).share_at_least_somewhat);
    figures.extend(b.figures.iter().map(|bf| {
        comparison(
            bf.figure.id(),
            bf.figure.label(),
            bf.source,
            bf.figure.is_score(),
            bf.value,
            group_value(s, bf.figure),
        )
    }));
    let six = || Factor::INDEX_CATEGORIES.iter().map(|f| s.factor(*f));
    let findings = vec![
        FindingComparison {
            finding: "largest_great_deal_gap",
            label: "Largest great-deal gap between importance and prevalence",
            benchmark: b.findings.largest_great_deal_gap,
            group: first_max(six().map(|f| (f.factor, f.great_deal_gap))).map(|(f, _)| f),
            source: b.findings.source,
        },
        FindingComparison {
            finding: "highest_mean_importance",
            label: "Highest mean importance",
            benchmark: b.findings.highest_mean,
            group: first_max(six().map(|f| (f.factor, f.importance.mean))).map(|(f, _)| f),
            source: b.findings.source,
        },
        FindingComparison {
            finding: "highest_mean_prevalence",
            label: "Highest mean prevalence",
            benchmark: b.findings.highest_mean,
            group: first_max(six().map(|f| (f.factor, f.prevalence.mean))).map(|(f, _)| f),
            source: b.findings.source,
        },
        FindingComparison {
            finding: "lowest_mean_importance",
            label: "Lowest mean importance among the six categories",
            benchmark: b.findings.lowest_mean_importance,
            group: first_max(six().map(|f| (f.factor, f.importance.mean.map(|m| -m))))
                .map(|(f, _)| f),
            source: b.findings.source,
        },
    ];
    GroupComparison { figures, findings }
}

/// One person's answer or score next to the benchmark.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResponseComparison {
    /// Figure id (as in [`Comparison`]).
    pub figure: String,
    /// What it is.
    pub label: String,
    /// Where the benchmark figure comes from.
    pub source: &'static str,
    /// True for 0–3 scores, false for shares.
    pub is_score: bool,
    /// The 2018 value (a score for score figures, otherwise the share of respondents in the group).
    #[serde(serialize_with = "ser_f64")]
    pub benchmark: f64,
    /// For score figures: the person's own index.
    #[serde(serialize_with = "ser_opt_f64")]
    pub score: Option<f64>,
    /// For share figures: whether the person's answer falls in the group the share counts
    /// (`None` when unanswered or not asked).
    pub in_group: Option<bool>,
}

/// Compares one response (and its score) with the 2018 benchmark.
pub fn compare_response(response: &Response, score: &ResponseScore) -> Vec<ResponseComparison> {
    let a = response.answers();
    let example = a.q1() == Some(YesNo::Yes);
    let little = |e: Option<Extent4>| e.map(|e| e.score() <= 1);
    let mut out: Vec<ResponseComparison> = factor_comparisons(|f, m| {
        a.rating(m, f)
            .and_then(|e| e.score())
            .map(|s| f64::from(u8::from(s >= 2)))
    })
    .into_iter()
    .map(|c| ResponseComparison {
        figure: c.figure,
        label: c.label,
        source: c.source,
        is_score: c.is_score,
        benchmark: c.benchmark,
        score: None,
        in_group: c.value.map(|v| v > 0.5),
    })
    .collect();
    for bf in BENCHMARK_2018.figures {
        let (score, in_group) = match bf.figure {
            Figure::AverageImportance6 => (score.importance_index, None),
            Figure::AverageImportance8 => (score.importance_index_extended, None),
            Figure::AveragePrevalence6 => (score.prevalence_index, None),
            Figure::AveragePrevalence8 => (score.prevalence_index_extended, None),
            Figure::Q7ImportantOrCritical => (None, a.q7().map(|q| q.is_important_or_critical())),
            Figure::Q9CollaboratingBetter => (None, a.q9().map(|q| q == View::CollaboratingBetter)),
            Figure::Q6Successful => (None, a.q6().filter(|_| example).map(|q| q.is_successful())),
            Figure::Q11LittleOrNone => (None, little(a.q11())),
            Figure::Q12LittleOrNone => (None, little(a.q12())),
            Figure::Q4FourOrMore => (
                None,
                a.q4()
                    .filter(|_| example)
                    .map(|q| matches!(q, OrganisationCount::Four | OrganisationCount::FiveOrMore)),
            ),
            Figure::Q5Middle => (
                None,
                a.q5().filter(|_| example).map(|q| q == StaffLevel::Middle),
            ),
            Figure::Q10LowerThree => (
                None,
                a.q10()
                    .filter(|e| *e != Engagement::NotApplicable)
                    .map(Engagement::is_lower_three),
            ),
            Figure::Q3(st) => (
                None,
                Some(a.q3())
                    .filter(|q3| example && !q3.is_empty())
                    .map(|q3| q3.contains(st)),
            ),
            // Sample composition and the implied additional-factor means describe the survey, not a
            // person's answers; the person's own extended index is compared above.
            Figure::ImpliedAdditionalImportance
            | Figure::ImpliedAdditionalPrevalence
            | Figure::Role(_)
            | Figure::Sector(_) => continue,
        };
        out.push(ResponseComparison {
            figure: bf.figure.id(),
            label: bf.figure.label(),
            source: bf.source,
            is_score: bf.figure.is_score(),
            benchmark: bf.value,
            score,
            in_group,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implied_additional_means_follow_from_the_averages() {
        let b = &BENCHMARK_2018;
        let v = |f| b.figure(f).unwrap().value;
        let imp = (8.0 * v(Figure::AverageImportance8) - 6.0 * v(Figure::AverageImportance6)) / 2.0;
        let prev =
            (8.0 * v(Figure::AveragePrevalence8) - 6.0 * v(Figure::AveragePrevalence6)) / 2.0;
        assert!((imp - v(Figure::ImpliedAdditionalImportance)).abs() < 1e-9);
        assert!((prev - v(Figure::ImpliedAdditionalPrevalence)).abs() < 1e-9);
    }

    #[test]
    fn sample_shares_add_up_to_one() {
        let b = &BENCHMARK_2018;
        let role: f64 = Role::ALL
            .iter()
            .map(|r| b.figure(Figure::Role(*r)).unwrap().value)
            .sum();
        let sector: f64 = Sector::ALL
            .iter()
            .map(|s| b.figure(Figure::Sector(*s)).unwrap().value)
            .sum();
        assert!((role - 1.0).abs() < 1e-9);
        assert!((sector - 1.0).abs() < 1e-9);
        assert_eq!(b.factors.map(|f| f.factor), Factor::INDEX_CATEGORIES);
    }
}
