//! Charts of a group report: the distribution of answers per factor as stacked bars, the great-deal
//! gap per factor, grouped bars for the cross-tabs and role groups, and the radar and scatter lines of
//! a group's means (drawn by [`super::profile`]). Each chart has a text summary built from the same
//! figures.
//!
//! Pure builders, tested natively by serialising the chart. Every figure comes from the engine's
//! [`GroupStatistics`]; a builder only converts shares to whole percentages for display. Labels are the
//! instrument's own words, never imported text, and no builder turns on rich text or HTML tooltips.

use charming::{
    component::{Aria, Axis, Decal, DecalItem, Grid, Legend},
    element::{AxisLabel, AxisType, Color, Label, LabelPosition, Symbol, Tooltip, Trigger},
    series::Bar,
    Chart,
};

use super::profile::{short_name, Point, RadarLine, Scale};
use super::{IMPORTANCE_COLOUR, PREVALENCE_COLOUR};
use crate::engine::aggregate::{CrossTab, FactorStats, GroupStatistics, RatingStats};
use crate::engine::benchmark::first_max;
use crate::engine::instrument::{Band, Choice, Engagement, Factor, Measure};
use crate::model::format::{join_and, percent, rounded, score, share};

/// Colours of the three answer bands, lowest first: vermilion, grey, blue (Okabe–Ito plus a neutral
/// grey), each at least 3:1 against white.
pub const BAND_COLOURS: [&str; 3] = [PREVALENCE_COLOUR, "#6b6b6b", IMPORTANCE_COLOUR];

/// Colours of grouped-bar series, in order (Okabe–Ito blue, vermilion, bluish green).
pub const SERIES_COLOURS: [&str; 3] = [IMPORTANCE_COLOUR, PREVALENCE_COLOUR, "#007a5a"];

/// Decal patterns in series order, so that series are told apart without colour.
fn aria(n: usize) -> Aria {
    let symbols = [Symbol::Rect, Symbol::Circle, Symbol::Triangle];
    Aria::new().enabled(true).decal(
        Decal::new().show(true).decals(
            symbols
                .iter()
                .cycle()
                .take(n)
                .map(|s| DecalItem::new().symbol(s.clone()))
                .collect::<Vec<_>>(),
        ),
    )
}

fn percent_label(position: LabelPosition) -> Label {
    Label::new().show(true).position(position).formatter("{c}%")
}

/// One factor's answers to one measure, as shares of the scored answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Distribution {
    pub factor: Factor,
    /// Scored answers.
    pub n: u64,
    pub little_or_none: f64,
    pub somewhat: f64,
    pub great_deal: f64,
}

/// The distributions of one measure for the factors with at least one scored answer, in display order.
pub fn distributions(stats: &GroupStatistics, measure: Measure) -> Vec<Distribution> {
    stats
        .factors
        .iter()
        .filter_map(|f| {
            let r: &RatingStats = f.measure(measure);
            Some(Distribution {
                factor: f.factor,
                n: r.n,
                little_or_none: r.share_little_or_none?,
                somewhat: r.share_somewhat?,
                great_deal: r.share_great_deal?,
            })
        })
        .collect()
}

/// Horizontal stacked bars, one per factor (first on top): the shares answering a little or not at
/// all, somewhat, and a great deal, in whole percentages.
pub fn distribution_bars(rows: &[Distribution]) -> Chart {
    let labels: Vec<String> = rows.iter().rev().map(|r| short_name(r.factor)).collect();
    let mut chart = Chart::new()
        .aria(aria(3))
        .color(
            BAND_COLOURS
                .iter()
                .map(|c| Color::from(*c))
                .collect::<Vec<_>>(),
        )
        .legend(
            Legend::new()
                .top(0)
                .data(Band::ALL.iter().map(|b| b.name()).collect::<Vec<_>>()),
        )
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Axis)
                .formatter("{b}\n{a0}: {c0}%\n{a1}: {c1}%\n{a2}: {c2}%"),
        )
        .grid(
            Grid::new()
                .left("3%")
                .right("4%")
                .bottom("3%")
                .top(48)
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Value).min(0).max(100).name("%"))
        .y_axis(Axis::new().type_(AxisType::Category).data(labels));
    let shares: [fn(&Distribution) -> f64; 3] =
        [|d| d.little_or_none, |d| d.somewhat, |d| d.great_deal];
    for (band, share) in Band::ALL.iter().zip(shares) {
        chart = chart.series(
            Bar::new()
                .name(band.name())
                .stack("answers")
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Inside)
                        .formatter("{c}%")
                        .color("#ffffff"),
                )
                .data(
                    rows.iter()
                        .rev()
                        .map(|d| percent(share(d)))
                        .collect::<Vec<_>>(),
                ),
        );
    }
    chart
}

/// What a distribution chart shows, in words: which factor is most often rated a great deal, and
/// which most often a little or not at all.
pub fn distribution_summary(rows: &[Distribution], measure: Measure) -> String {
    let what = match measure {
        Measure::Importance => "important",
        Measure::Prevalence => "prevalent",
    };
    // Compared as shown (whole percentages), so that factors printed alike are named together.
    let names = |ks: Vec<&Distribution>| -> Vec<String> {
        ks.iter().map(|d| d.factor.name().to_string()).collect()
    };
    let top = tied_max(rows.iter().map(|d| (d, Some(percent(d.great_deal)))));
    let low = tied_max(rows.iter().map(|d| (d, Some(percent(d.little_or_none)))));
    match (top, low) {
        (Some((top, t)), Some((low, l))) => format!(
            "{} most often rated {what} a great deal ({}). {} most often rated {what} only a little or \
             not at all ({}).",
            subject(&names(top.clone())),
            each(t, top.len()),
            subject(&names(low.clone())),
            each(l, low.len()),
        ),
        _ => format!("No factor has been rated for how {what} it is yet."),
    }
}

/// Every item with the largest value (ties kept, in order), with that value; items without a value
/// are skipped.
fn tied_max<K: Copy>(items: impl IntoIterator<Item = (K, Option<f64>)>) -> Option<(Vec<K>, f64)> {
    let items: Vec<(K, f64)> = items
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
    let (_, best) = first_max(items.iter().map(|(k, v)| (*k, Some(*v))))?;
    Some((
        items
            .iter()
            .filter(|(_, v)| *v == best)
            .map(|(k, _)| *k)
            .collect(),
        best,
    ))
}

/// "X is" or "X and Y are".
fn subject(names: &[String]) -> String {
    match names {
        [one] => format!("{one} is"),
        _ => format!("{} are", join_and(names)),
    }
}

/// A whole percentage, "each" when it is shared by a tie: "27%", "27% each".
fn each(value: f64, tied: usize) -> String {
    if tied > 1 {
        format!("{value}% each")
    } else {
        format!("{value}%")
    }
}

/// One factor's great-deal gap: share rating importance a great deal − share rating prevalence a
/// great deal.
#[derive(Clone, Debug, PartialEq)]
pub struct GapBar {
    pub factor: Factor,
    pub gap: f64,
}

/// The great-deal gaps of the factors that have one, in display order: the difference of the two
/// whole percentages the report prints beside it, so that the bars, the table and the shares agree.
pub fn gaps(stats: &GroupStatistics) -> Vec<GapBar> {
    stats
        .factors
        .iter()
        .filter_map(|f| {
            f.great_deal_gap?;
            let shown = |share: Option<f64>| share.map(percent);
            Some(GapBar {
                factor: f.factor,
                gap: (shown(f.importance.share_great_deal)?
                    - shown(f.prevalence.share_great_deal)?)
                    / 100.0,
            })
        })
        .collect()
}

/// "1 point", "35 points".
fn points_word(points: f64) -> String {
    if points.abs() == 1.0 {
        format!("{points} point")
    } else {
        format!("{points} points")
    }
}

/// Horizontal bars of the great-deal gap in percentage points (first factor on top); a negative gap
/// (more say "a great deal" for prevalence than for importance) points left.
pub fn gap_bars(rows: &[GapBar]) -> Chart {
    let labels: Vec<String> = rows.iter().rev().map(|r| short_name(r.factor)).collect();
    let values: Vec<f64> = rows.iter().rev().map(|r| percent(r.gap)).collect();
    Chart::new()
        .aria(aria(1))
        .color(vec![Color::from(IMPORTANCE_COLOUR)])
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Axis)
                .formatter("{b}: {c0} points"),
        )
        .grid(
            Grid::new()
                .left("3%")
                .right("10%")
                .bottom("3%")
                .top(24)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name("points")
                .axis_label(AxisLabel::new().formatter("{value}")),
        )
        .y_axis(Axis::new().type_(AxisType::Category).data(labels))
        .series(
            Bar::new()
                .name("Great-deal gap")
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .formatter("{c}"),
                )
                .data(values),
        )
}

/// What the gap chart shows: the largest gap and the next, and any factor without a positive gap.
pub fn gap_summary(rows: &[GapBar]) -> String {
    let mut sorted: Vec<&GapBar> = rows.iter().collect();
    // Stable sort: ties keep display order, as the benchmark's findings do.
    sorted.sort_by(|a, b| b.gap.total_cmp(&a.gap));
    let Some(first) = sorted.first() else {
        return "No factor has both importance and prevalence rated yet.".into();
    };
    let mut text = format!(
        "The largest great-deal gap is for {}: {} more respondents rate it important a great \
         deal than find it prevalent a great deal.",
        first.factor.name(),
        points_word(percent(first.gap))
    );
    if let Some(second) = sorted.get(1) {
        text.push_str(&format!(
            " Next is {} ({}).",
            second.factor.name(),
            points_word(percent(second.gap))
        ));
    }
    let none: Vec<&str> = rows
        .iter()
        .filter(|r| percent(r.gap) <= 0.0)
        .map(|r| r.factor.name())
        .collect();
    if !none.is_empty() {
        text.push_str(&format!(" No positive gap: {}.", none.join(", ")));
    }
    text
}

/// One series of a grouped bar chart: a value per category, in whole percentages; `None` where the
/// figure is withheld or nobody answered.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupedSeries {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// Vertical grouped bars (percentages 0–100), one group per category, one bar per series.
pub fn grouped_bars(categories: &[String], series: &[GroupedSeries]) -> Chart {
    let mut chart = Chart::new()
        .aria(aria(series.len()))
        .color(
            SERIES_COLOURS
                .iter()
                .cycle()
                .take(series.len())
                .map(|c| Color::from(*c))
                .collect::<Vec<_>>(),
        )
        .legend(
            Legend::new()
                .top(0)
                .data(series.iter().map(|s| s.name.clone()).collect::<Vec<_>>()),
        )
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(
            Grid::new()
                .left("3%")
                .right("3%")
                .bottom("3%")
                .top(72)
                .contain_label(true),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(categories.to_vec())
                // Every label shown; tilted only when there are too many to sit side by side.
                .axis_label(
                    AxisLabel::new()
                        .interval(0)
                        .rotate(if categories.len() > 3 { 30 } else { 0 }),
                ),
        )
        .y_axis(Axis::new().type_(AxisType::Value).min(0).max(100).name("%"));
    for s in series {
        chart = chart.series(
            Bar::new()
                .name(s.name.clone())
                .label(percent_label(LabelPosition::Top))
                .data(s.values.clone()),
        );
    }
    chart
}

/// The five engagement steps' short names (the instrument's capitalised words), as categories.
pub fn engagement_steps() -> Vec<String> {
    Engagement::STEPS
        .iter()
        .map(|s| {
            s.label()
                .split_once(' ')
                .map_or(s.label(), |(word, _)| word)
                .to_string()
        })
        .collect()
}

/// A cross-tab as grouped series: each column's respondents spread over the five steps, in whole
/// percentages of the column. `name` turns a column key into its name.
pub fn crosstab_series(tab: &CrossTab, name: impl Fn(&str) -> String) -> Vec<GroupedSeries> {
    tab.columns
        .iter()
        .map(|c| GroupedSeries {
            name: name(c.key),
            values: match c.counts {
                Some(counts) if c.n > 0 => counts
                    .iter()
                    .map(|k| Some(percent(*k as f64 / c.n as f64)))
                    .collect(),
                _ => vec![None; Engagement::STEPS.len()],
            },
        })
        .collect()
}

/// What a cross-tab chart shows: for each series, the step most of its respondents are at.
pub fn crosstab_summary(series: &[GroupedSeries]) -> String {
    let steps = engagement_steps();
    let parts: Vec<String> = series
        .iter()
        .map(|s| match tied_max(s.values.iter().copied().enumerate()) {
            Some((at, v)) => {
                let named: Vec<String> = at.iter().map(|i| steps[*i].clone()).collect();
                format!(
                    "{}: most often {} ({})",
                    s.name,
                    join_and(&named),
                    each(v, at.len())
                )
            }
            None => format!("{}: not shown (too few respondents)", s.name),
        })
        .collect();
    if parts.is_empty() {
        "Nobody in the group answered both questions.".into()
    } else {
        format!("{}.", parts.join("; "))
    }
}

/// The two figures the role-group chart compares, as its categories.
pub fn role_group_categories() -> Vec<String> {
    vec![
        "Little or no value or incentive (q11)".to_string(),
        "Little or no tools (q12)".to_string(),
    ]
}

/// Per role group, the shares saying little or none to q11 and q12, in whole percentages; a withheld
/// group has no bars.
pub fn role_group_series(stats: &GroupStatistics) -> Vec<GroupedSeries> {
    stats
        .role_groups
        .iter()
        .map(|g| GroupedSeries {
            name: g.group.name().to_string(),
            values: match &g.stats {
                Some(st) => vec![
                    st.q11.share_little_or_none.map(percent),
                    st.q12.share_little_or_none.map(percent),
                ],
                None => vec![None, None],
            },
        })
        .collect()
}

/// What the role-group chart shows: each group's two shares, or that it is withheld below the
/// minimum group size `min`.
pub fn role_group_summary(stats: &GroupStatistics, min: usize) -> String {
    let parts: Vec<String> = stats
        .role_groups
        .iter()
        .map(|g| match &g.stats {
            Some(st) => format!(
                "{}: {} say their organisation gives little or no value or incentive to collaborate, {} little or no tools",
                g.group.name(),
                share(st.q11.share_little_or_none),
                share(st.q12.share_little_or_none)
            ),
            None => format!("{}: withheld (fewer than {min} respondents)", g.group.name()),
        })
        .collect();
    format!("{}.", parts.join("; "))
}

/// The group's mean importance and prevalence of the six index categories, as radar lines.
pub fn mean_lines(stats: &GroupStatistics, prefix: &str, overlay: bool) -> Vec<RadarLine> {
    let means = |m: Measure| {
        let mut values = [None; 6];
        for (i, f) in Factor::INDEX_CATEGORIES.iter().enumerate() {
            values[i] = stats.factor(*f).measure(m).mean;
        }
        values
    };
    let colours = if overlay {
        [
            super::profile::OVERLAY_COLOUR,
            super::profile::OVERLAY_COLOUR_2,
        ]
    } else {
        [IMPORTANCE_COLOUR, PREVALENCE_COLOUR]
    };
    vec![
        RadarLine {
            name: format!("{prefix}mean importance"),
            values: means(Measure::Importance),
            colour: colours[0],
            overlay,
            scale: Scale::Score,
        },
        RadarLine {
            name: format!("{prefix}mean prevalence"),
            values: means(Measure::Prevalence),
            colour: colours[1],
            overlay,
            scale: Scale::Score,
        },
    ]
}

/// The eight factors' means as scatter points (factors with both means).
pub fn mean_points(stats: &GroupStatistics) -> Vec<Point> {
    stats
        .factors
        .iter()
        .filter_map(|f| {
            Some(Point {
                factor: f.factor,
                importance: f.importance.mean?,
                prevalence: f.prevalence.mean?,
            })
        })
        .collect()
}

/// A mean as printed (two decimals), so that what a summary says of means adds up from the figures in
/// the table beside it.
fn shown(mean: Option<f64>) -> Option<f64> {
    mean.map(|m| rounded(m, 2))
}

/// What the radar of a group's means shows: the most important and most prevalent category and the
/// widest distance between the two means (the difference of the two means printed).
pub fn means_summary(stats: &GroupStatistics) -> String {
    let six: Vec<_> = Factor::INDEX_CATEGORIES
        .iter()
        .map(|f| stats.factor(*f))
        .collect();
    let highest = |key: &dyn Fn(&FactorStats) -> Option<f64>| {
        first_max(six.iter().map(|f| (f.factor, key(f))))
    };
    let (Some((imp, imp_v)), Some((prev, prev_v))) = (
        highest(&|f| f.importance.mean),
        highest(&|f| f.prevalence.mean),
    ) else {
        return "The six categories have not been rated yet.".into();
    };
    let mut text = format!(
        "Mean importance is highest for {} ({}); mean prevalence is highest for {} ({}).",
        imp.name(),
        score(imp_v),
        prev.name(),
        score(prev_v)
    );
    let distance = |f: &FactorStats| Some(shown(f.importance.mean)? - shown(f.prevalence.mean)?);
    if let Some((gap, v)) = highest(&distance) {
        // A difference of two printed means: exactly zero but for the float's last bits.
        if v > 0.0 && score(v) != score(0.0) {
            text.push_str(&format!(
                " The widest distance between the two is for {} ({} points on the 0 to 3 scale).",
                gap.name(),
                score(v)
            ));
        }
    }
    text
}

/// What a radar of two groups' means shows: in how many of the six categories the second group's
/// mean prevalence is higher, and where the two differ most.
pub fn compare_summary(first: &GroupStatistics, second: &GroupStatistics) -> String {
    // As printed in the table beside the chart, so that "higher" and "most" are what a reader sees.
    let pairs: Vec<(Factor, f64, f64)> = Factor::INDEX_CATEGORIES
        .iter()
        .filter_map(|f| {
            Some((
                *f,
                shown(first.factor(*f).prevalence.mean)?,
                shown(second.factor(*f).prevalence.mean)?,
            ))
        })
        .collect();
    let Some((widest, _)) = first_max(pairs.iter().map(|p| (p, Some((p.2 - p.1).abs())))) else {
        return "The two groups have no category with a mean prevalence in common.".into();
    };
    let higher = pairs.iter().filter(|(_, a, b)| b > a).count();
    format!(
        "Mean prevalence is higher in the compared group for {higher} of the {} categories both \
         groups rated. They differ most on {} ({} in this group, {} in the compared group).",
        pairs.len(),
        widest.0.name(),
        score(widest.1),
        score(widest.2)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::profile::{radar, scatter};
    use crate::engine::aggregate::{GroupOptions, GroupReport};
    use crate::engine::csv_format::{import_csv, ImportOptions};
    use serde_json::{json, Value};

    fn stats() -> GroupStatistics {
        let file = std::fs::read("tests/fixtures/group-40.csv").unwrap();
        let import = import_csv(file.as_slice(), ImportOptions::default()).unwrap();
        GroupReport::from_responses(&import.responses, GroupOptions::default())
            .statistics
            .unwrap()
    }

    fn expected() -> Value {
        serde_json::from_str(
            &std::fs::read_to_string("tests/fixtures/group-40.expected.json").unwrap(),
        )
        .unwrap()
    }

    fn json(chart: &Chart) -> Value {
        serde_json::to_value(chart).unwrap()
    }

    fn assert_safe(chart: &Value) {
        let text = chart.to_string();
        assert!(!text.contains("rich"), "no rich-text labels");
        assert!(!text.contains('<'), "no markup in any option");
        assert_eq!(chart["aria"]["enabled"], true);
        assert_eq!(chart["aria"]["decal"]["show"], true);
    }

    #[test]
    fn distribution_bars_stack_the_three_bands_per_factor() {
        let s = stats();
        let rows = distributions(&s, Measure::Importance);
        assert_eq!(rows.len(), 8);
        let chart = json(&distribution_bars(&rows));
        assert_safe(&chart);
        assert_eq!(
            chart["yAxis"]["data"][7], "Behaviours",
            "first factor on top"
        );
        assert_eq!(chart["yAxis"]["data"][0], "Requirements");
        let series = chart["series"].as_array().unwrap();
        assert_eq!(series.len(), 3);
        let names: Vec<&str> = series.iter().map(|s| s["name"].as_str().unwrap()).collect();
        assert_eq!(
            names,
            ["A little or not at all", "Somewhat", "A great deal"]
        );
        assert!(series
            .iter()
            .all(|s| s["stack"] == "answers" && s["type"] == "bar"));
        // Behaviours importance: 35%, 32%, 32% (fixture 0.3529, 0.3235, 0.3235).
        let e = &expected()["factors"]["behaviours"]["importance"];
        let last = |i: usize| series[i]["data"][7].as_f64().unwrap();
        assert_eq!(
            last(0),
            (e["share_little_or_none"].as_f64().unwrap() * 100.0).round()
        );
        assert_eq!((last(0), last(1), last(2)), (35.0, 32.0, 32.0));
    }

    #[test]
    fn distribution_summary_names_the_extremes() {
        let s = stats();
        let text =
            distribution_summary(&distributions(&s, Measure::Prevalence), Measure::Prevalence);
        // Prevalence a great deal: systems 21% is highest; little or none: urgency 60%.
        assert!(
            text.starts_with(
                "Collaborative Systems is most often rated prevalent a great deal (21%)."
            ),
            "{text}"
        );
        assert!(
            text.ends_with(
                "Urgency is most often rated prevalent only a little or not at all (60%)."
            ),
            "{text}"
        );
        assert_eq!(
            distribution_summary(&[], Measure::Importance),
            "No factor has been rated for how important it is yet."
        );
    }

    #[test]
    fn defect_17_the_gap_bars_are_the_difference_of_the_shares_printed() {
        let s = stats();
        let behaviours = s.factor(Factor::Behaviours);
        // 0.1884 apart unrounded (19), but printed as two whole percentages 18 points apart.
        let shown = |x: Option<f64>| percent(x.unwrap());
        assert_eq!(
            shown(behaviours.importance.share_great_deal)
                - shown(behaviours.prevalence.share_great_deal),
            18.0
        );
        assert_eq!(percent(behaviours.great_deal_gap.unwrap()), 19.0);
        let rows = gaps(&s);
        assert_eq!(percent(rows[0].gap), 18.0);
        assert_eq!(points_word(1.0), "1 point");
        assert_eq!(points_word(-1.0), "-1 point");
    }

    #[test]
    fn gap_bars_show_points_and_the_summary_names_the_largest() {
        let s = stats();
        let rows = gaps(&s);
        let chart = json(&gap_bars(&rows));
        assert_safe(&chart);
        let data = chart["series"][0]["data"].as_array().unwrap();
        assert_eq!(data.len(), 8);
        // Display order reversed: places is the fifth factor, so fourth from the bottom.
        assert_eq!(chart["yAxis"]["data"][3], "Places");
        assert_eq!(data[3], json!(35.0));
        let text = gap_summary(&rows);
        assert!(
            text.starts_with("The largest great-deal gap is for Collaborative Places: 35 points"),
            "{text}"
        );
        assert!(text.contains("Next is"), "{text}");
        assert_eq!(
            gap_summary(&[]),
            "No factor has both importance and prevalence rated yet."
        );
        let negative = gap_summary(&[
            GapBar {
                factor: Factor::Urgency,
                gap: 0.1,
            },
            GapBar {
                factor: Factor::Markets,
                gap: -0.05,
            },
        ]);
        assert!(
            negative.ends_with("No positive gap: Collaborative Markets."),
            "{negative}"
        );
    }

    #[test]
    fn crosstabs_become_shares_of_each_column_and_withheld_columns_are_empty() {
        let s = stats();
        let series = crosstab_series(&s.engagement_by_success, |k| k.to_string());
        assert_eq!(series.len(), 2);
        let col = s.engagement_by_success.column("successful").unwrap();
        let counts = col.counts.unwrap();
        assert_eq!(
            series[0].values[0],
            Some(percent(counts[0] as f64 / col.n as f64))
        );
        let chart = json(&grouped_bars(&engagement_steps(), &series));
        assert_safe(&chart);
        assert_eq!(
            chart["xAxis"]["data"],
            json!(["INFORM", "CONSULT", "INVOLVE", "COLLABORATE", "EMPOWER"])
        );
        assert_eq!(chart["series"].as_array().unwrap().len(), 2);
        assert_eq!(chart["series"][1]["name"], "other");

        let withheld = GroupReport::from_responses(
            &import_csv(
                std::fs::read("tests/fixtures/group-40.csv")
                    .unwrap()
                    .as_slice(),
                ImportOptions::default(),
            )
            .unwrap()
            .responses,
            GroupOptions::default().with_min_group_size(20),
        );
        let tab = &withheld.statistics.unwrap().engagement_by_success;
        let series = crosstab_series(tab, |k| k.to_string());
        let hidden = series
            .iter()
            .find(|s| s.values.iter().all(Option::is_none))
            .expect("a withheld column");
        let chart = json(&grouped_bars(&engagement_steps(), &series));
        let nulls = chart["series"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == hidden.name.as_str())
            .unwrap();
        assert_eq!(nulls["data"], json!([null, null, null, null, null]));
        assert!(crosstab_summary(&series).contains(": not shown (too few respondents)"));
    }

    #[test]
    fn crosstab_summary_names_the_most_common_step() {
        let series = vec![
            GroupedSeries {
                name: "Public sector".into(),
                values: vec![Some(10.0), Some(50.0), Some(40.0), None, Some(0.0)],
            },
            GroupedSeries {
                name: "Third sector".into(),
                values: vec![Some(60.0), Some(20.0), Some(20.0), Some(0.0), Some(0.0)],
            },
        ];
        assert_eq!(
            crosstab_summary(&series),
            "Public sector: most often CONSULT (50%); Third sector: most often INFORM (60%)."
        );
    }

    #[test]
    fn defect_17_a_tie_for_the_most_common_step_is_reported_as_a_tie() {
        let series = vec![GroupedSeries {
            name: "Third sector".into(),
            values: vec![Some(27.0), Some(27.0), Some(20.0), Some(13.0), Some(13.0)],
        }];
        assert_eq!(
            crosstab_summary(&series),
            "Third sector: most often INFORM and CONSULT (27% each)."
        );
    }

    #[test]
    fn defect_17_factors_rated_alike_are_named_together() {
        let row = |factor, great_deal, little_or_none| Distribution {
            factor,
            little_or_none,
            somewhat: 1.0 - great_deal - little_or_none,
            great_deal,
            n: 10,
        };
        // 0.2049 and 0.2 both print as 20%: a tie as the reader sees it.
        let rows = [
            row(Factor::Systems, 0.2049, 0.1),
            row(Factor::Places, 0.2, 0.6),
            row(Factor::Markets, 0.1, 0.3),
        ];
        assert_eq!(
            distribution_summary(&rows, Measure::Prevalence),
            "Collaborative Systems and Collaborative Places are most often rated prevalent a great deal \
             (20% each). Collaborative Places is most often rated prevalent only a little or not at all (60%)."
        );
    }

    #[test]
    fn radar_and_scatter_of_means_reuse_the_profile_builders() {
        let s = stats();
        let lines = mean_lines(&s, "", false);
        let chart = json(&radar(&lines));
        assert_eq!(chart["series"][0]["name"], "mean importance");
        let v = &chart["series"][0]["data"][0]["value"];
        assert!(
            (v[0].as_f64().unwrap() - 1.7647).abs() < 1e-4,
            "behaviours mean importance"
        );
        let overlay = mean_lines(&s, "Compared group: ", true);
        assert!(overlay.iter().all(|l| l.overlay));
        let points = mean_points(&s);
        assert_eq!(points.len(), 8);
        let chart = json(&scatter(&points));
        assert_eq!(chart["series"][2]["data"].as_array().unwrap().len(), 8);
        let text = means_summary(&s);
        assert!(
            text.starts_with("Mean importance is highest for Collaborative Markets (1.89)"),
            "{text}"
        );
        assert!(
            text.contains("mean prevalence is highest for Collaborative Systems (1.63)"),
            "{text}"
        );
        assert!(
            text.contains("widest distance between the two is for Collaborative Places (0.57"),
            "{text}"
        );
    }

    #[test]
    fn summaries_of_means_work_from_the_means_as_printed() {
        // (importance, prevalence) of the first category, every other category 1.00 and 1.00.
        let cases = [
            // 2.00 and 1.31 printed: 0.69 apart as a reader works it out (0.698 unrounded).
            ((2.004, 1.306), "(0.69 points"),
            ((2.0, 1.0), "(1.00 points"),
            // 1.00 and 1.00 printed: no distance to speak of, although 0.004 apart.
            ((1.004, 1.0), ""),
        ];
        for ((imp, prev), expected) in cases {
            let mut s = stats();
            for f in &mut s.factors {
                f.importance.mean = Some(1.0);
                f.prevalence.mean = Some(1.0);
            }
            let first = Factor::INDEX_CATEGORIES[0];
            let f = s.factors.iter_mut().find(|f| f.factor == first).unwrap();
            f.importance.mean = Some(imp);
            f.prevalence.mean = Some(prev);
            let text = means_summary(&s);
            if expected.is_empty() {
                assert!(!text.contains("widest"), "{text}");
            } else {
                assert!(text.contains(expected), "{text}");
            }
        }
        // Two groups whose prevalence prints alike are not "higher" in either.
        let (mut a, mut b) = (stats(), stats());
        for (fa, fb) in a.factors.iter_mut().zip(&mut b.factors) {
            fa.prevalence.mean = Some(1.5);
            fb.prevalence.mean = Some(1.503);
        }
        let text = compare_summary(&a, &b);
        assert!(text.contains("for 0 of the 6 categories"), "{text}");
    }

    #[test]
    fn role_groups_show_both_shares_or_say_they_are_withheld() {
        let mut s = stats();
        let series = role_group_series(&s);
        assert_eq!(series.len(), 2);
        let st = s.role_groups[0].stats.clone().unwrap();
        assert_eq!(
            series[0].values,
            vec![
                st.q11.share_little_or_none.map(percent),
                st.q12.share_little_or_none.map(percent)
            ]
        );
        assert_eq!(role_group_categories().len(), series[0].values.len());
        s.role_groups[1].stats = None;
        assert_eq!(role_group_series(&s)[1].values, vec![None, None]);
        let text = role_group_summary(&s, 5);
        assert_eq!(
            text,
            format!(
                "{}: {} say their organisation gives little or no value or incentive to collaborate, {} little or no tools; {}: withheld (fewer than 5 respondents).",
                s.role_groups[0].group.name(),
                share(st.q11.share_little_or_none),
                share(st.q12.share_little_or_none),
                s.role_groups[1].group.name()
            )
        );
    }

    #[test]
    fn compare_summary_counts_higher_categories_and_names_the_widest() {
        let s = stats();
        let same = compare_summary(&s, &s);
        assert!(
            same.starts_with("Mean prevalence is higher in the compared group for 0 of the 6"),
            "{same}"
        );
        let file = std::fs::read("tests/fixtures/group-40.csv").unwrap();
        let responses = import_csv(file.as_slice(), ImportOptions::default())
            .unwrap()
            .responses;
        let public = GroupReport::from_responses(
            &responses,
            GroupOptions::default().with_filter(crate::engine::ResponseFilter {
                sector: Some(crate::engine::instrument::Sector::Public),
                ..Default::default()
            }),
        );
        let text = compare_summary(&s, public.statistics.as_ref().unwrap());
        assert!(text.contains("They differ most on Collaborative"), "{text}");
    }

    #[test]
    fn defect_11_every_chart_draws_its_tooltip_on_the_canvas() {
        let s = stats();
        let series = crosstab_series(&s.engagement_by_success, |k| k.to_string());
        let charts = [
            distribution_bars(&distributions(&s, Measure::Importance)),
            gap_bars(&gaps(&s)),
            grouped_bars(&engagement_steps(), &series),
            radar(&mean_lines(&s, "", false)),
            scatter(&mean_points(&s)),
            crate::charts::paired_share_bars("Shares", &[]),
        ];
        for chart in &charts {
            let option = crate::charts::echarts_option(chart);
            assert_eq!(option["tooltip"]["renderMode"], "richText", "{option}");
            for s in option["series"].as_array().unwrap() {
                if let Some(t) = s.get("tooltip") {
                    assert!(t.get("renderMode").is_none(), "one tooltip mode per chart");
                    assert!(!t["formatter"].as_str().unwrap_or("").contains('<'));
                }
            }
            let text = option["tooltip"].to_string();
            assert!(!text.contains('<'), "no markup in a tooltip: {text}");
            assert!(!text.contains("valueFormatter"), "{text}");
        }
        let distribution = json(&distribution_bars(&distributions(&s, Measure::Importance)));
        assert_eq!(
            distribution["tooltip"]["formatter"],
            "{b}\n{a0}: {c0}%\n{a1}: {c1}%\n{a2}: {c2}%"
        );
    }
}
