//! The 2018 benchmark as data, and comparisons of a response and a group with it.

mod engine_support;

use collaboration_readiness::engine::aggregate::{GroupOptions, GroupReport};
use collaboration_readiness::engine::benchmark::{
    compare_group, compare_response, Figure, BENCHMARK_2018,
};
use collaboration_readiness::engine::csv_format::{import_csv, ImportOptions};
use collaboration_readiness::engine::instrument::{Factor, Role, Sector, Stakeholder};
use collaboration_readiness::engine::score;
use engine_support::{complete_response, fixture_bytes};

#[test]
fn published_figures_with_their_sources() {
    let b = &BENCHMARK_2018;
    assert_eq!(b.n, 115);
    // (figure, value, source) exactly as instrument.md §4 prints them
    let table = [
        (Figure::AverageImportance6, 2.42, "§2.3"),
        (Figure::AverageImportance8, 2.28, "§2.3"),
        (Figure::AveragePrevalence6, 2.18, "§2.3"),
        (Figure::AveragePrevalence8, 2.06, "§2.3"),
        (Figure::ImpliedAdditionalImportance, 1.86, "derived"),
        (Figure::ImpliedAdditionalPrevalence, 1.70, "derived"),
        (Figure::Q7ImportantOrCritical, 0.93, "§2.1"),
        (Figure::Q9CollaboratingBetter, 0.96, "§2.1"),
        (Figure::Q6Successful, 0.89, "§2.1"),
        (Figure::Q11LittleOrNone, 0.27, "§2.1"),
        (Figure::Q12LittleOrNone, 0.24, "§2.1"),
        (Figure::Q4FourOrMore, 0.48, "§2.1"),
        (Figure::Q5Middle, 0.49, "§2.1"),
        (Figure::Q10LowerThree, 0.60, "§2.2"),
        (Figure::Q3(Stakeholder::LocalAuthority), 0.37, "§2.1"),
        (Figure::Q3(Stakeholder::NhsTrust), 0.20, "§2.1"),
        (Figure::Role(Role::ChiefExecutive), 0.47, "Appendix 2"),
        (Figure::Sector(Sector::Third), 0.44, "Appendix 2"),
    ];
    for (figure, value, source) in table {
        let f = b.figure(figure).unwrap();
        assert_eq!((f.value, f.source), (value, source), "{}", figure.id());
    }
    // (factor, importance at least somewhat, prevalence at least somewhat)
    let factors = [
        (Factor::Behaviours, 0.82, 0.72),
        (Factor::Citizens, 0.83, 0.80),
        (Factor::Systems, 0.95, 0.87),
        (Factor::Services, 0.91, 0.84),
        (Factor::Places, 0.88, 0.82),
        (Factor::Markets, 0.90, 0.82),
    ];
    for (factor, imp, prev) in factors {
        let f = b.factor(factor).unwrap();
        assert_eq!(
            (
                f.importance_at_least_somewhat,
                f.prevalence_at_least_somewhat,
                f.source
            ),
            (imp, prev, "§2.2")
        );
    }
    assert!(
        b.factor(Factor::Urgency).is_none(),
        "no published share for urgency"
    );
    assert_eq!(b.findings.largest_great_deal_gap, Factor::Behaviours);
    assert_eq!(b.findings.highest_mean, Factor::Systems);
    assert_eq!(b.findings.lowest_mean_importance, Factor::Citizens);
}

#[test]
fn group_40_against_2018() {
    let import = import_csv(&fixture_bytes("group-40.csv")[..], ImportOptions::default()).unwrap();
    let report = GroupReport::from_responses(&import.responses, GroupOptions::default());
    let c = compare_group(&report);
    let find = |id: &str| c.figures.iter().find(|f| f.figure == id).unwrap();
    let avg = find("average_importance_6");
    assert!((avg.value.unwrap() - 1.80583).abs() < 1e-4);
    assert!((avg.difference.unwrap() - (1.80583 - 2.42)).abs() < 1e-4);
    assert!(avg.is_score);
    let q7 = find("q7_important_or_critical");
    assert_eq!(q7.value, Some(0.525));
    assert!(!q7.is_score);
    let places = find("places_prevalence_at_least_somewhat");
    assert!((places.value.unwrap() - 15.0 / 34.0).abs() < 1e-12);
    assert_eq!(places.benchmark, 0.82);
    let extra = find("additional_factors_importance");
    assert!((extra.value.unwrap() - (1.545454 + 1.694444) / 2.0).abs() < 1e-4);
    assert_eq!(find("q15_chief_executive").value, Some(0.275));
    let gap = c
        .findings
        .iter()
        .find(|f| f.finding == "largest_great_deal_gap")
        .unwrap();
    assert_eq!(
        (gap.benchmark, gap.group),
        (Factor::Behaviours, Some(Factor::Places))
    );
    let lowest = c
        .findings
        .iter()
        .find(|f| f.finding == "lowest_mean_importance")
        .unwrap();
    assert_eq!(lowest.group, Some(Factor::Citizens));
    // Every comparison serialises with rounded figures.
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(
        json["figures"][0]["figure"],
        "behaviours_importance_at_least_somewhat"
    );
    // A withheld report has nothing to compare.
    let tiny = GroupReport::from_responses(&import.responses[..3], GroupOptions::default());
    assert!(compare_group(&tiny).figures.is_empty());
}

#[test]
fn one_response_against_2018() {
    let r = complete_response("r", |f| {
        if f == Factor::Places {
            ("3", "na")
        } else {
            ("2", "1")
        }
    });
    let s = score(&r);
    let c = compare_response(&r, &s);
    let find = |id: &str| c.iter().find(|f| f.figure == id).unwrap();
    assert_eq!(find("average_prevalence_6").score, Some(1.0));
    assert_eq!(find("average_importance_6").score, Some(13.0 / 6.0));
    assert_eq!(
        find("places_prevalence_at_least_somewhat").in_group,
        None,
        "na"
    );
    assert_eq!(
        find("places_importance_at_least_somewhat").in_group,
        Some(true)
    );
    assert_eq!(
        find("systems_prevalence_at_least_somewhat").in_group,
        Some(false)
    );
    assert_eq!(find("q7_important_or_critical").in_group, Some(true));
    assert_eq!(find("q11_little_or_none").in_group, Some(true));
    assert_eq!(find("q12_little_or_none").in_group, Some(false));
    assert_eq!(find("q10_lower_three").in_group, Some(true));
    assert_eq!(find("q3_local_authority").in_group, Some(true));
    assert!(c.iter().all(|f| !f.figure.starts_with("q15_")));
}
