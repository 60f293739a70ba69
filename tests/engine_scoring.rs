//! Scoring one response: every rule of `instrument.md` §3 "One response" and §5, table-driven.

mod engine_support;

use collaboration_readiness::engine::instrument::{Band, Factor, Field, Measure};
use collaboration_readiness::engine::scoring::{score, ActionArea, FactorScore, Trigger};
use collaboration_readiness::engine::Response;
use engine_support::complete_response;

fn with_places(importance: Option<&str>, prevalence: Option<&str>) -> Response {
    let mut r = Response::new("r");
    if let Some(code) = importance {
        r.choose(Field::Score(Measure::Importance, Factor::Places), code)
            .unwrap();
    }
    if let Some(code) = prevalence {
        r.choose(Field::Score(Measure::Prevalence, Factor::Places), code)
            .unwrap();
    }
    r
}

#[test]
fn factor_scores_gaps_bands_and_priorities() {
    // (importance, prevalence) → (importance score, prevalence score, gap, band, priority, weak)
    type Row = (
        Option<&'static str>,
        Option<&'static str>,
        Option<u8>,
        Option<u8>,
        Option<i8>,
        Option<Band>,
        bool,
        bool,
    );
    let table: &[Row] = &[
        (
            Some("3"),
            Some("0"),
            Some(3),
            Some(0),
            Some(3),
            Some(Band::LittleOrNone),
            true,
            true,
        ),
        (
            Some("3"),
            Some("1"),
            Some(3),
            Some(1),
            Some(2),
            Some(Band::LittleOrNone),
            true,
            true,
        ),
        (
            Some("2"),
            Some("1"),
            Some(2),
            Some(1),
            Some(1),
            Some(Band::LittleOrNone),
            true,
            true,
        ),
        (
            Some("2"),
            Some("0"),
            Some(2),
            Some(0),
            Some(2),
            Some(Band::LittleOrNone),
            true,
            true,
        ),
        (
            Some("1"),
            Some("0"),
            Some(1),
            Some(0),
            Some(1),
            Some(Band::LittleOrNone),
            false,
            true,
        ),
        (
            Some("1"),
            Some("1"),
            Some(1),
            Some(1),
            Some(0),
            Some(Band::LittleOrNone),
            false,
            true,
        ),
        (
            Some("3"),
            Some("2"),
            Some(3),
            Some(2),
            Some(1),
            Some(Band::Somewhat),
            false,
            false,
        ),
        (
            Some("2"),
            Some("2"),
            Some(2),
            Some(2),
            Some(0),
            Some(Band::Somewhat),
            false,
            false,
        ),
        (
            Some("0"),
            Some("3"),
            Some(0),
            Some(3),
            Some(-3),
            Some(Band::AGreatDeal),
            false,
            false,
        ),
        (
            Some("3"),
            Some("3"),
            Some(3),
            Some(3),
            Some(0),
            Some(Band::AGreatDeal),
            false,
            false,
        ),
        // "Not applicable" is never scored as 0: no gap, no priority.
        (
            Some("na"),
            Some("0"),
            None,
            Some(0),
            None,
            Some(Band::LittleOrNone),
            false,
            true,
        ),
        (
            Some("3"),
            Some("na"),
            Some(3),
            None,
            None,
            None,
            false,
            false,
        ),
        (Some("na"), Some("na"), None, None, None, None, false, false),
        (None, None, None, None, None, None, false, false),
        (Some("3"), None, Some(3), None, None, None, false, false),
    ];
    for &(i, p, is, ps, gap, band, priority, weak) in table {
        let r = with_places(i, p);
        let f = FactorScore::of(r.answers(), Factor::Places);
        assert_eq!(
            (
                f.importance,
                f.prevalence,
                f.gap,
                f.band,
                f.priority,
                f.weak
            ),
            (is, ps, gap, band, priority, weak),
            "importance {i:?}, prevalence {p:?}"
        );
        let s = score(&r);
        assert_eq!(s.priorities.contains(&Factor::Places), priority);
    }
}

#[test]
fn indices_are_means_of_scored_answers_over_six_and_eight() {
    // (q13 codes in factor order, q14 codes) → (importance 6, prevalence 6, importance 8, prevalence 8)
    type Row = ([&'static str; 8], [&'static str; 8], [Option<f64>; 4]);
    let table: &[Row] = &[
        (
            ["3", "3", "3", "3", "3", "3", "0", "0"],
            ["1", "1", "1", "1", "1", "1", "3", "3"],
            [Some(3.0), Some(1.0), Some(18.0 / 8.0), Some(12.0 / 8.0)],
        ),
        // "na" is left out of the mean, not counted as 0.
        (
            ["na", "3", "2", "na", "1", "0", "na", "3"],
            ["0", "na", "na", "na", "na", "na", "na", "na"],
            [Some(1.5), Some(0.0), Some(9.0 / 5.0), Some(0.0)],
        ),
        // Nothing scored: no score (never 0).
        (
            ["na"; 8],
            ["", "", "", "", "", "", "", ""],
            [None, None, None, None],
        ),
        // Only the additional factors scored: the six-category indices have no score.
        (
            ["na", "na", "na", "na", "na", "na", "2", "3"],
            ["", "", "", "", "", "", "1", ""],
            [None, None, Some(2.5), Some(1.0)],
        ),
    ];
    for (q13, q14, expected) in table {
        let mut r = Response::new("r");
        for (k, f) in Factor::ALL.iter().enumerate() {
            for (m, code) in [(Measure::Importance, q13[k]), (Measure::Prevalence, q14[k])] {
                if !code.is_empty() {
                    r.choose(Field::Score(m, *f), code).unwrap();
                }
            }
        }
        let s = score(&r);
        let got = [
            s.importance_index,
            s.prevalence_index,
            s.importance_index_extended,
            s.prevalence_index_extended,
        ];
        for (g, e) in got.iter().zip(expected) {
            match (g, e) {
                (Some(g), Some(e)) => assert!((g - e).abs() < 1e-12, "{q13:?} {q14:?}: {got:?}"),
                (g, e) => assert_eq!(g, e, "{q13:?} {q14:?}"),
            }
        }
        assert_eq!(
            s.readiness.map(|r| r.score),
            s.prevalence_index,
            "readiness is the prevalence index"
        );
        if let Some(r) = s.readiness {
            assert!((r.percent - r.score / 3.0 * 100.0).abs() < 1e-12);
        }
    }
}

#[test]
fn action_areas_follow_their_triggers() {
    // Everything strong: prevalence 3, q11/q12 at 3, q10 at empower → no action area.
    let strong = |r: &mut Response| {
        r.choose(Field::Q10, "empower").unwrap();
        r.choose(Field::Q11, "3").unwrap();
        r.choose(Field::Q12, "3").unwrap();
    };
    let mut base = complete_response("r", |_| ("3", "3"));
    strong(&mut base);
    assert!(score(&base).action_areas.is_empty());

    // (change, expected areas with their triggers)
    type Change = fn(&mut Response);
    type Expected = &'static [(ActionArea, &'static [Trigger])];
    let table: &[(Change, Expected)] = &[
        (
            |r| {
                r.choose(Field::Score(Measure::Prevalence, Factor::Behaviours), "1")
                    .unwrap()
            },
            &[(
                ActionArea::CollaborativeLeadership,
                &[Trigger::Factor(Factor::Behaviours)],
            )],
        ),
        (
            |r| r.choose(Field::Q11, "0").unwrap(),
            &[(ActionArea::CollaborativeLeadership, &[Trigger::Incentives])],
        ),
        (
            |r| {
                r.choose(Field::Score(Measure::Prevalence, Factor::Services), "0")
                    .unwrap()
            },
            &[(
                ActionArea::AlignAroundPlace,
                &[Trigger::Factor(Factor::Services)],
            )],
        ),
        (
            |r| {
                r.choose(Field::Score(Measure::Prevalence, Factor::Places), "1")
                    .unwrap()
            },
            &[(
                ActionArea::AlignAroundPlace,
                &[Trigger::Factor(Factor::Places)],
            )],
        ),
        (
            |r| {
                r.choose(Field::Score(Measure::Prevalence, Factor::Citizens), "0")
                    .unwrap()
            },
            &[(
                ActionArea::CollaborativeCitizens,
                &[Trigger::Factor(Factor::Citizens)],
            )],
        ),
        (
            |r| r.choose(Field::Q10, "inform").unwrap(),
            &[(ActionArea::CollaborativeCitizens, &[Trigger::LowEngagement])],
        ),
        (
            |r| r.choose(Field::Q10, "consult").unwrap(),
            &[(ActionArea::CollaborativeCitizens, &[Trigger::LowEngagement])],
        ),
        (|r| r.choose(Field::Q10, "involve").unwrap(), &[]),
        (|r| r.choose(Field::Q10, "na").unwrap(), &[]),
        (
            |r| {
                r.choose(Field::Score(Measure::Prevalence, Factor::Systems), "1")
                    .unwrap()
            },
            &[(
                ActionArea::ChallengeRules,
                &[Trigger::Factor(Factor::Systems)],
            )],
        ),
        (
            |r| {
                r.choose(Field::Score(Measure::Prevalence, Factor::Markets), "0")
                    .unwrap();
                r.choose(Field::Q12, "1").unwrap();
            },
            &[(
                ActionArea::ChallengeRules,
                &[Trigger::Factor(Factor::Markets), Trigger::Tools],
            )],
        ),
        (|r| r.choose(Field::Q12, "2").unwrap(), &[]),
        // Urgency and requirements map to no action area; "na" is not weak.
        (
            |r| {
                r.choose(Field::Score(Measure::Prevalence, Factor::Urgency), "0")
                    .unwrap();
                r.choose(Field::Score(Measure::Prevalence, Factor::Requirements), "0")
                    .unwrap();
                r.choose(Field::Score(Measure::Prevalence, Factor::Places), "na")
                    .unwrap();
            },
            &[],
        ),
    ];
    for (i, (change, expected)) in table.iter().enumerate() {
        let mut r = base.clone();
        change(&mut r);
        let got: Vec<(ActionArea, Vec<Trigger>)> = score(&r)
            .action_areas
            .into_iter()
            .map(|m| (m.area, m.because))
            .collect();
        let expected: Vec<(ActionArea, Vec<Trigger>)> =
            expected.iter().map(|(a, t)| (*a, t.to_vec())).collect();
        assert_eq!(got, expected, "row {i}");
    }
}

#[test]
fn action_areas_carry_verbatim_titles() {
    let titles: Vec<&str> = ActionArea::ALL.iter().map(|a| a.title()).collect();
    assert_eq!(
        titles,
        [
            "Develop collaborative leadership",
            "Align around place",
            "Develop the skills and knowledge of collaborative citizens",
            "Challenge rules and tolerate mistakes"
        ]
    );
}

#[test]
fn hidden_answers_do_not_change_the_score() {
    let mut r = complete_response("r", |_| ("2", "1"));
    let before = score(&r);
    r.choose(Field::Q1, "no").unwrap();
    assert_eq!(score(&r), before, "q2–q6 are not scored");
}

#[test]
fn score_serialises_with_ids() {
    let r = complete_response("r", |f| {
        if f == Factor::Places {
            ("3", "0")
        } else {
            ("2", "2")
        }
    });
    let json = serde_json::to_value(score(&r)).unwrap();
    assert_eq!(json["priorities"], serde_json::json!(["places"]));
    assert_eq!(json["factors"][4]["factor"], "places");
    assert_eq!(json["factors"][4]["band"], "little_or_none");
    assert_eq!(json["action_areas"][0]["area"], "leadership");
    assert_eq!(
        json["action_areas"][0]["because"],
        serde_json::json!(["q11"])
    );
}
