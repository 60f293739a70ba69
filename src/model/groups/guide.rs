//! The group's workshop guide: what to talk about, drawn from the group's own answers, in the order a
//! workshop takes it (the report's Appendix 1: a conversation that leads to agreed actions).
//!
//! 1. Where the group is divided: the factors whose ratings the engine's disagreement measure marks
//!    divided ([`is_divided`]), most divided first. A mean hides a split, so these come first.
//! 2. Where it agrees, the largest gaps between importance and prevalence: the great-deal gap of
//!    §2.3, from [`GAP_FROM`] points.
//! 3. Its strengths: agreed factors, not already a gap, present at least somewhat on average
//!    ([`STRENGTH_FROM`]).
//! 4. The areas of action its answers point to: those at least a third of the responses point to on
//!    their own ([`action_area_counts`]), most often named first.
//!
//! Every choice compares the figures as they are printed (hundredths, whole percentages), so that two
//! figures a reader sees as equal are equal here too, and ties are taken in the report's order
//! (factors in display order, importance before prevalence, areas in Appendix 1's order). Nothing is
//! chosen at random. A report withheld below the minimum group size gives no guide, only the reason.
//!
//! The discussion questions are the project's own words, after the report (§2.2 for what each factor
//! means, Appendix 1 for the areas of action). Figures come from the engine and are printed by
//! [`crate::model::format`].

use crate::engine::aggregate::{AreaCount, FactorStats, GroupReport, RatingStats};
use crate::engine::instrument::{Factor, Measure};
use crate::engine::scoring::{ActionArea, Trigger};
use crate::model::format::{count, mean, plural, points_between, rounded, share, spread};

use super::tables::is_divided;
use super::withheld_notice;

/// At most this many divided factors are discussed (the spread table lists them all).
pub const MAX_DIVIDED: usize = 3;
/// At most this many gaps.
pub const MAX_GAPS: usize = 3;
/// At most this many strengths.
pub const MAX_STRENGTHS: usize = 2;
/// A great-deal gap is worth a discussion from this many percentage points (as printed): one in ten
/// of the group rating the factor's importance higher than its presence.
pub const GAP_FROM: i64 = 10;
/// A factor is a strength from this mean prevalence (as printed): present "somewhat" on average.
pub const STRENGTH_FROM: i64 = 200;

/// One thing to discuss.
#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    /// What it is about: a factor's name or an area of action's title.
    pub title: String,
    /// What the group's figures say.
    pub figures: String,
    /// Two or three questions to open the discussion.
    pub questions: Vec<String>,
    /// Where in the 2018 report to read more.
    pub source: String,
}

/// One part of the guide.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// Stable id, for the page's anchors.
    pub id: &'static str,
    pub title: &'static str,
    /// What the part is and how its topics were chosen.
    pub intro: String,
    pub topics: Vec<Topic>,
    /// What the part says when it has no topic, or a note on those left out.
    pub note: Option<String>,
}

/// The workshop guide of one report.
#[derive(Clone, Debug, PartialEq)]
pub enum Guide {
    /// Too few responses: why there is no guide.
    Withheld(String),
    /// The four parts, in order: divided, gaps, strengths, areas of action.
    Shown(Vec<Part>),
}

/// The guide of `report`. `areas`: the area counts of the responses the report covers;
/// `partial_left_out`: partial responses the report leaves out (a remedy when it is withheld).
pub fn guide(report: &GroupReport, areas: &[AreaCount], partial_left_out: u64) -> Guide {
    let Some(s) = &report.statistics else {
        return Guide::Withheld(format!(
            "There is no workshop guide: it is drawn from the group's figures. {}",
            withheld_notice(report, partial_left_out)
        ));
    };
    let divided = divided_part(&s.factors);
    let (gaps, listed) = gap_part(&s.factors);
    let strengths = strength_part(&s.factors, &listed);
    Guide::Shown(vec![
        divided,
        gaps,
        strengths,
        area_part(areas, report.n_responses),
    ])
}

/// A figure as printed in hundredths (`1.76` → 176), for comparing what a reader sees.
fn hundredths(x: f64) -> i64 {
    rounded(x * 100.0, 0) as i64
}

/// A share as a printed whole percentage.
fn whole_percent(x: f64) -> i64 {
    rounded(x * 100.0, 0) as i64
}

/// Sorts by key, largest first, keeping the report's order among equal keys. The lists are short
/// (eight factors, four areas): an insertion sort, much smaller in the app than the standard
/// library's stable sort.
fn largest_first<T>(items: &mut [(i64, T)]) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && items[j - 1].0 < items[j].0 {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

fn split_text(measure: Measure, r: &RatingStats) -> String {
    format!(
        "on {} (disagreement {}): {} said a great deal and {} a little or not at all",
        measure.id(),
        spread(r.disagreement),
        share(r.share_great_deal),
        share(r.share_little_or_none)
    )
}

fn divided_part(factors: &[FactorStats]) -> Part {
    let mut divided: Vec<(i64, &FactorStats)> = factors
        .iter()
        .filter_map(|f| {
            Measure::ALL
                .iter()
                .map(|m| f.measure(*m))
                .filter(|r| is_divided(r))
                .filter_map(|r| r.disagreement.map(hundredths))
                .max()
                .map(|d| (d, f))
        })
        .collect();
    largest_first(&mut divided);
    let more = divided.len().saturating_sub(MAX_DIVIDED);
    let topics = divided
        .iter()
        .take(MAX_DIVIDED)
        .map(|(_, f)| {
            let splits: Vec<String> = Measure::ALL
                .iter()
                .filter(|m| is_divided(f.measure(**m)))
                .map(|m| split_text(*m, f.measure(*m)))
                .collect();
            let name = f.factor.name();
            Topic {
                title: name.into(),
                figures: format!("The group is divided {}.", splits.join("; and ")),
                questions: vec![
                    format!(
                        "Those who rated {name} high and those who rated it low: what has each seen that the others may not have?"
                    ),
                    factor_question(f.factor).into(),
                    "Were we thinking of the same teams, services or partners when we answered?".into(),
                ],
                source: factor_source(f.factor),
            }
        })
        .collect();
    Part {
        id: "guide-divided",
        title: "Where the group is divided",
        intro: "Start here: a mean can hide a split group. These factors have the widest spread of answers \
                (the disagreement measure of the spread table, from 0.60), most divided first."
            .into(),
        topics,
        note: if divided.is_empty() {
            Some("The group broadly agrees on every factor: no rating is divided.".into())
        } else {
            (more > 0).then(|| {
                format!(
                    "The group is divided on {} more {}: see “Where the group does not agree” in the report.",
                    count(more as u64),
                    if more == 1 { "factor" } else { "factors" }
                )
            })
        },
    }
}

/// The great-deal gap as printed: importance's whole percentage minus prevalence's.
fn printed_gap(f: &FactorStats) -> Option<i64> {
    f.great_deal_gap?;
    let imp = f.importance.share_great_deal?;
    let prev = f.prevalence.share_great_deal?;
    Some(whole_percent(imp) - whole_percent(prev))
}

fn agreed(f: &FactorStats) -> bool {
    !is_divided(&f.importance) && !is_divided(&f.prevalence)
}

/// The gaps' part, and the factors it lists.
fn gap_part(factors: &[FactorStats]) -> (Part, Vec<Factor>) {
    let mut gaps: Vec<(i64, &FactorStats)> = factors
        .iter()
        .filter(|f| agreed(f))
        .filter_map(|f| printed_gap(f).filter(|g| *g >= GAP_FROM).map(|g| (g, f)))
        .collect();
    largest_first(&mut gaps);
    let listed = gaps.iter().take(MAX_GAPS).map(|(_, f)| f.factor).collect();
    let topics = gaps
        .iter()
        .take(MAX_GAPS)
        .map(|(_, f)| {
            let name = f.factor.name();
            Topic {
                title: name.into(),
                figures: format!(
                    "{} rate its importance a great deal, {} its presence in their organisation: a gap of {} \
                     (mean importance {}, prevalence {}).",
                    share(f.importance.share_great_deal),
                    share(f.prevalence.share_great_deal),
                    points_between(f.prevalence.share_great_deal, f.importance.share_great_deal),
                    mean(f.importance.mean),
                    mean(f.prevalence.mean)
                ),
                questions: vec![
                    format!("We rate {name} as more important than it is present here: what stands in the way?"),
                    factor_question(f.factor).into(),
                    "What would one step closer look like in six months' time, and who would take it?".into(),
                ],
                source: factor_source(f.factor),
            }
        })
        .collect();
    let part = Part {
        id: "guide-gaps",
        title: "Where the group agrees, the largest gaps",
        intro: format!(
            "On the factors the group agrees about, the largest differences between the share rating a factor's \
             importance a great deal and the share rating its presence a great deal (the report's great-deal gap, \
             §2.3), from {GAP_FROM} points, largest first."
        ),
        note: gaps.is_empty().then(|| {
            format!(
                "No factor the group agrees about has a gap of {GAP_FROM} points or more: what matters is about as \
                 present as it is important."
            )
        }),
        topics,
    };
    (part, listed)
}

fn strength_part(factors: &[FactorStats], listed: &[Factor]) -> Part {
    let mut strengths: Vec<(i64, &FactorStats)> = factors
        .iter()
        .filter(|f| agreed(f) && !listed.contains(&f.factor))
        .filter_map(|f| {
            f.prevalence
                .mean
                .map(hundredths)
                .filter(|m| *m >= STRENGTH_FROM)
                .map(|m| (m, f))
        })
        .collect();
    largest_first(&mut strengths);
    let topics = strengths
        .iter()
        .take(MAX_STRENGTHS)
        .map(|(_, f)| {
            let name = f.factor.name();
            Topic {
                title: name.into(),
                figures: format!(
                    "Mean prevalence {}: {} say it is present at least somewhat ({} answers).",
                    mean(f.prevalence.mean),
                    share(f.prevalence.share_at_least_somewhat),
                    count(f.prevalence.n)
                ),
                questions: vec![
                    format!("What makes {name} work here, and what could put it at risk?"),
                    "How could this strength help us where we are weaker?".into(),
                ],
                source: factor_source(f.factor),
            }
        })
        .collect();
    Part {
        id: "guide-strengths",
        title: "The group's strengths",
        intro: "Factors the group agrees about, present at least somewhat on average (mean prevalence 2.00 or more) \
                and not already a gap, most present first."
            .into(),
        note: strengths.is_empty().then(|| {
            "No factor the group agrees about is present at least somewhat on average yet.".to_string()
        }),
        topics,
    }
}

/// An area applies to the group when at least a third of its responses point to it.
fn area_applies(c: &AreaCount, n: u64) -> bool {
    c.responses > 0 && c.responses * 3 >= n
}

fn trigger_text(t: Trigger) -> String {
    match t {
        Trigger::Factor(f) => format!("{} is little or not present", f.name()),
        Trigger::Incentives => {
            "their organisation does little or nothing to value and incentivise collaboration (q11)"
                .into()
        }
        Trigger::Tools => {
            "their organisation gives few or no tools to collaborate well (q12)".into()
        }
        Trigger::LowEngagement => {
            "the public and service users are informed or consulted rather than involved (q10)"
                .into()
        }
    }
}

fn area_part(areas: &[AreaCount], n: u64) -> Part {
    let mut shown: Vec<(i64, &AreaCount)> = areas
        .iter()
        .filter(|c| area_applies(c, n))
        .map(|c| (c.responses as i64, c))
        .collect();
    largest_first(&mut shown);
    let topics = shown
        .iter()
        .map(|(_, c)| {
            let reasons: Vec<String> = c
                .because
                .iter()
                .filter(|(_, k)| *k > 0)
                .map(|(t, k)| {
                    format!(
                        "{} in {}",
                        trigger_text(*t),
                        plural(*k, "response", "responses")
                    )
                })
                .collect();
            Topic {
                title: c.area.title().into(),
                figures: format!(
                    "{} of {} point to this area: {}.",
                    count(c.responses),
                    plural(n, "response", "responses"),
                    reasons.join("; ")
                ),
                questions: area_questions(c.area)
                    .iter()
                    .map(|q| q.to_string())
                    .collect(),
                source: format!("Appendix 1 of the 2018 report, “{}”.", c.area.title()),
            }
        })
        .collect();
    Part {
        id: "guide-areas",
        title: "Areas of action the group's answers point to",
        intro: "The seminar after the 2018 survey named four areas of action (Appendix 1 of the report). Each \
                response points to the areas its own weaknesses lead to, as on a person's results; here are those \
                at least a third of the group's responses point to, most often named first."
            .into(),
        note: shown.is_empty().then(|| {
            "None of the four areas of action is pointed to by a third of the group's responses or more.".to_string()
        }),
        topics,
    }
}

/// The area of action whose part of Appendix 1 speaks to a factor (`instrument.md` §5).
fn factor_area(f: Factor) -> Option<ActionArea> {
    ActionArea::ALL
        .into_iter()
        .find(|a| a.triggers().contains(&Trigger::Factor(f)))
}

fn factor_source(f: Factor) -> String {
    match factor_area(f) {
        Some(a) => format!("Appendix 1 of the 2018 report, “{}”.", a.title()),
        // Urgency and requirements lead to no area; Appendix 1's opening speaks of what makes
        // partners work together at all.
        None => "Appendix 1 of the 2018 report, its opening discussion; and §2.3 on the two additional factors."
            .into(),
    }
}

/// One question about the factor itself, after what §2.2 says it means.
fn factor_question(f: Factor) -> &'static str {
    match f {
        Factor::Behaviours => {
            "Which of our practices and incentives reward working across organisations, and which pull people back into their own silo?"
        }
        Factor::Citizens => {
            "Where have citizens had real influence on what we do, and what did they need from us to take part?"
        }
        Factor::Systems => {
            "When something we tried together went wrong, did we learn from it or look for someone to blame?"
        }
        Factor::Services => {
            "Do we share what we know about demand for our services, so that partners can plan with it?"
        }
        Factor::Places => {
            "What do we know about our communities beyond our own remit, and who holds the rest of the picture?"
        }
        Factor::Markets => {
            "Which new way of working with another agency could we try this year, and what would it need?"
        }
        Factor::Urgency => "Is there a shared sense that things must change now, and who feels it most?",
        Factor::Requirements => {
            "Which requirements from central government help us work together, and which stand in the way?"
        }
    }
}

/// Questions for an area of action, in our words after its part of Appendix 1.
fn area_questions(a: ActionArea) -> [&'static str; 3] {
    match a {
        ActionArea::CollaborativeLeadership => [
            "What time and money would our leaders need to invest for staff to work across boundaries?",
            "Have we agreed together why we collaborate, and what it asks of each organisation, of staff and of citizens?",
            "How do we notice and reward people who work well with other organisations?",
        ],
        ActionArea::AlignAroundPlace => [
            "Which place do we share, and would the people who live and work there recognise it as theirs?",
            "What shared picture of its communities, services and trends could we build with our partners?",
            "Where do our own remits stop us from organising around that place?",
        ],
        ActionArea::CollaborativeCitizens => [
            "Where are we on the ladder from informing to empowering citizens, and where could we be next year?",
            "What facts and real influence would citizens need to take part, and how would they see what changed?",
            "How would we respond if citizens chose outcomes we had not expected?",
        ],
        ActionArea::ChallengeRules => [
            "Which rule or habit could we question to try a new way of working?",
            "What would a shared understanding of risk and accountability between our organisations look like?",
            "When a mistake happens, how do we limit the harm and still learn from it?",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::aggregate::{action_area_counts, GroupOptions};

    #[test]
    fn largest_first_keeps_the_order_of_equal_keys() {
        let cases: [(&[i64], &[usize]); 5] = [
            (&[], &[]),
            (&[1], &[0]),
            (&[1, 3, 2], &[1, 2, 0]),
            (&[2, 5, 2, 5, 2], &[1, 3, 0, 2, 4]),
            (&[-1, 0, -1, 7, 7, 0], &[3, 4, 1, 5, 0, 2]),
        ];
        for (keys, order) in cases {
            let mut items: Vec<(i64, usize)> = keys.iter().copied().zip(0..).collect();
            largest_first(&mut items);
            assert_eq!(
                items.iter().map(|i| i.1).collect::<Vec<_>>(),
                order,
                "{keys:?}"
            );
        }
    }
    use crate::engine::instrument::Field;
    use crate::engine::Response;

    type Rating = (&'static str, &'static str);

    /// `n` responses; `rate(i, factor)` gives response i's importance and prevalence codes.
    fn group(n: usize, rate: impl Fn(usize, Factor) -> Rating) -> Vec<Response> {
        (0..n)
            .map(|i| {
                let mut r = Response::new(format!("r{i}"));
                for f in Factor::ALL {
                    let (imp, prev) = rate(i, f);
                    r.choose(Field::Score(Measure::Importance, f), imp).unwrap();
                    r.choose(Field::Score(Measure::Prevalence, f), prev)
                        .unwrap();
                }
                for (field, code) in [
                    (Field::Q10, "collaborate"),
                    (Field::Q11, "3"),
                    (Field::Q12, "3"),
                ] {
                    r.choose(field, code).unwrap();
                }
                r
            })
            .collect()
    }

    fn guide_of(responses: &[Response]) -> Guide {
        let report = GroupReport::from_responses(responses, GroupOptions::default());
        guide(&report, &action_area_counts(responses), 0)
    }

    fn parts(g: &Guide) -> &[Part] {
        match g {
            Guide::Shown(parts) => parts,
            Guide::Withheld(why) => panic!("withheld: {why}"),
        }
    }

    fn titles(p: &Part) -> Vec<&str> {
        p.topics.iter().map(|t| t.title.as_str()).collect()
    }

    /// Importance split half "not at all", half "a great deal" (disagreement 1).
    fn split(i: usize) -> &'static str {
        if i.is_multiple_of(2) {
            "0"
        } else {
            "3"
        }
    }

    #[test]
    fn divided_agreed_gaps_and_strengths_on_tables_of_groups() {
        struct Case {
            name: &'static str,
            rate: fn(usize, Factor) -> Rating,
            divided: &'static [&'static str],
            gaps: &'static [&'static str],
            strengths: &'static [&'static str],
        }
        let cases = [
            Case {
                name: "everyone agrees, everything present: no division, no gap",
                rate: |_, _| ("3", "3"),
                divided: &[],
                gaps: &[],
                strengths: &["Collaborative Behaviours", "Collaborative Citizens"],
            },
            Case {
                name: "divided on two factors, most divided first",
                rate: |i, f| match f {
                    // Disagreement 0.67 (two "not at all", four "a great deal").
                    Factor::Citizens => (if i < 2 { "0" } else { "3" }, "3"),
                    // Disagreement 1.
                    Factor::Markets => ("3", split(i)),
                    _ => ("3", "3"),
                },
                divided: &["Collaborative Markets", "Collaborative Citizens"],
                gaps: &[],
                strengths: &["Collaborative Behaviours", "Collaborative Systems"],
            },
            Case {
                name: "equally divided factors are taken in the report's order",
                rate: |i, f| match f {
                    Factor::Requirements
                    | Factor::Services
                    | Factor::Behaviours
                    | Factor::Urgency => (split(i), "3"),
                    _ => ("3", "3"),
                },
                divided: &[
                    "Collaborative Behaviours",
                    "Collaborative Services",
                    "Urgency",
                ],
                gaps: &[],
                strengths: &["Collaborative Citizens", "Collaborative Systems"],
            },
            Case {
                name: "agreed gaps, largest first; a gap is not also a strength",
                rate: |i, f| match f {
                    // Gap 100 points.
                    Factor::Places => ("3", "1"),
                    // Half "somewhat", half "a great deal": gap 50 points, mean 2.50, agreed.
                    Factor::Behaviours => ("3", if i.is_multiple_of(2) { "2" } else { "3" }),
                    // Gap 17 points (one in six), mean 2.83.
                    Factor::Systems => ("3", if i == 0 { "2" } else { "3" }),
                    _ => ("3", "3"),
                },
                divided: &[],
                gaps: &[
                    "Collaborative Places",
                    "Collaborative Behaviours",
                    "Collaborative Systems",
                ],
                strengths: &["Collaborative Citizens", "Collaborative Services"],
            },
            Case {
                name: "equal gaps in the report's order; a divided factor's gap is not a gap",
                rate: |i, f| match f {
                    Factor::Urgency | Factor::Citizens => ("3", "2"),
                    // A gap of 100 points, but divided on importance.
                    Factor::Behaviours => (split(i), "0"),
                    _ => ("2", "2"),
                },
                divided: &["Collaborative Behaviours"],
                gaps: &["Collaborative Citizens", "Urgency"],
                strengths: &["Collaborative Systems", "Collaborative Services"],
            },
            Case {
                name:
                    "a gap below 10 points is not listed; nothing present enough to be a strength",
                rate: |i, _| ("2", if i == 0 { "0" } else { "1" }),
                divided: &[],
                gaps: &[],
                strengths: &[],
            },
        ];
        for case in cases {
            let g = guide_of(&group(6, case.rate));
            let p = parts(&g);
            assert_eq!(
                p.iter().map(|p| p.id).collect::<Vec<_>>(),
                [
                    "guide-divided",
                    "guide-gaps",
                    "guide-strengths",
                    "guide-areas"
                ]
            );
            assert_eq!(titles(&p[0]), case.divided, "{}: divided", case.name);
            assert_eq!(titles(&p[1]), case.gaps, "{}: gaps", case.name);
            assert_eq!(titles(&p[2]), case.strengths, "{}: strengths", case.name);
            for (part, expected) in [
                (&p[0], case.divided),
                (&p[1], case.gaps),
                (&p[2], case.strengths),
            ] {
                // A part without topics says why; one with topics has no such note, unless it
                // had more to list than it shows.
                let more = part.topics.len() == MAX_DIVIDED && part.id == "guide-divided";
                assert_eq!(
                    part.note.is_some(),
                    expected.is_empty() || more,
                    "{}: {}",
                    case.name,
                    part.id
                );
            }
            for t in p.iter().flat_map(|p| &p.topics) {
                assert!((2..=3).contains(&t.questions.len()), "{}: {t:?}", case.name);
                assert!(
                    t.source.starts_with("Appendix 1 of the 2018 report"),
                    "{t:?}"
                );
                assert!(t.questions.iter().all(|q| q.ends_with('?')), "{t:?}");
            }
        }
    }

    #[test]
    fn topics_say_the_group_figures_as_the_report_prints_them() {
        let g = guide_of(&group(6, |i, f| match f {
            Factor::Markets => ("3", split(i)),
            Factor::Places => ("3", "1"),
            _ => ("3", "3"),
        }));
        let p = parts(&g);
        assert_eq!(
            p[0].topics[0].figures,
            "The group is divided on prevalence (disagreement 1.00): 50% said a great deal and 50% a little or \
             not at all."
        );
        assert_eq!(
            p[1].topics[0].figures,
            "100% rate its importance a great deal, 0% its presence in their organisation: a gap of +100 points \
             (mean importance 3.00, prevalence 1.00)."
        );
        assert_eq!(
            p[2].topics[0].figures,
            "Mean prevalence 3.00: 100% say it is present at least somewhat (6 answers)."
        );
        assert_eq!(
            p[1].topics[0].source,
            "Appendix 1 of the 2018 report, “Align around place”."
        );
        assert!(p[1].topics[0].questions[0].contains("Collaborative Places"));
    }

    #[test]
    fn more_divided_factors_than_shown_are_counted_in_a_note() {
        let g = guide_of(&group(6, |i, _| (split(i), "3")));
        let p = parts(&g);
        assert_eq!(p[0].topics.len(), MAX_DIVIDED);
        assert_eq!(
            p[0].note.as_deref(),
            Some("The group is divided on 5 more factors: see “Where the group does not agree” in the report.")
        );
    }

    #[test]
    fn areas_of_action_from_a_third_of_the_responses_most_often_first() {
        // Of 6 responses: Places little present in 3 (align around place), q11 "a little" in 2
        // (leadership), q12 "not at all" in 1 (challenge: fewer than a third).
        let mut responses = group(6, |i, f| match f {
            Factor::Places => ("3", if i < 3 { "1" } else { "3" }),
            _ => ("3", "3"),
        });
        for r in &mut responses[..2] {
            r.choose(Field::Q11, "1").unwrap();
        }
        responses[5].choose(Field::Q12, "0").unwrap();
        let g = guide_of(&responses);
        let areas = &parts(&g)[3];
        assert_eq!(
            titles(areas),
            ["Align around place", "Develop collaborative leadership"]
        );
        assert_eq!(
            areas.topics[0].figures,
            "3 of 6 responses point to this area: Collaborative Places is little or not present in 3 responses."
        );
        assert_eq!(
            areas.topics[1].figures,
            "2 of 6 responses point to this area: their organisation does little or nothing to value and \
             incentivise collaboration (q11) in 2 responses."
        );
        assert!(areas.topics.iter().all(|t| t.questions.len() == 3));
        assert_eq!(areas.note, None);
        // Equal counts: Appendix 1's order.
        let mut tied = group(6, |_, _| ("3", "3"));
        for r in &mut tied[..2] {
            r.choose(Field::Q12, "0").unwrap();
            r.choose(Field::Q10, "inform").unwrap();
        }
        let g = guide_of(&tied);
        assert_eq!(
            titles(&parts(&g)[3]),
            [
                "Develop the skills and knowledge of collaborative citizens",
                "Challenge rules and tolerate mistakes"
            ]
        );
        // Nobody: a note, no topic.
        let g = guide_of(&group(6, |_, _| ("3", "3")));
        let none = &parts(&g)[3];
        assert!(none.topics.is_empty() && none.note.is_some());
    }

    #[test]
    fn a_withheld_report_gives_no_guide_and_says_why() {
        for (n, min) in [(0, 5), (4, 5), (9, 10)] {
            let responses = group(n, |i, _| (split(i), "0"));
            let report = GroupReport::from_responses(
                &responses,
                GroupOptions::default().with_min_group_size(min),
            );
            match guide(&report, &action_area_counts(&responses), 2) {
                Guide::Withheld(why) => {
                    assert!(why.starts_with("There is no workshop guide"), "{why}");
                    assert!(
                        why.contains(&format!("fewer than the minimum group size of {min}")),
                        "{why}"
                    );
                    assert!(why.contains("include the partial responses"), "{why}");
                    // Not a figure of the group in it beyond its size.
                    assert!(!why.contains('%'), "{why}");
                }
                shown => panic!("{n} of {min}: {shown:?}"),
            }
        }
        assert!(matches!(
            guide_of(&group(5, |_, _| ("3", "3"))),
            Guide::Shown(_)
        ));
    }
}

#[cfg(test)]
mod covered_tests {
    use crate::engine::aggregate::{GroupOptions, ResponseFilter};
    use crate::engine::csv_format::{import_csv, ImportOptions};
    use crate::engine::instrument::Sector;
    use crate::model::groups::{covered, group_report, Partial};

    #[test]
    fn the_guide_and_free_text_read_the_responses_the_report_covers() {
        let file = std::fs::read("tests/fixtures/group-40.csv").unwrap();
        let mut responses = import_csv(file.as_slice(), ImportOptions::default())
            .unwrap()
            .responses;
        // Two partial responses (nothing answered beyond their id).
        responses.push(crate::engine::Response::new("partial-1"));
        responses.push(crate::engine::Response::new("partial-2"));
        for sector in [None, Some(Sector::Public), Some(Sector::Third)] {
            let filter = ResponseFilter {
                sector,
                ..Default::default()
            };
            for partial in [Partial::Include, Partial::LeaveOut] {
                let options = GroupOptions::default().with_filter(filter.clone());
                let report = group_report(&responses, options, partial);
                assert_eq!(
                    covered(&responses, &filter, partial).count() as u64,
                    report.n_responses,
                    "{sector:?} {partial:?}"
                );
            }
        }
    }
}
