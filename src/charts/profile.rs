//! Profile charts of importance against prevalence: a radar over the six index categories and a
//! scatter of the eight factors with the diagonal and the priority zone. Used for one person's results
//! (scores 0–3) and for a group's means. Pure builders with their text summaries.

use charming::{
    component::{Axis, Grid, Legend, RadarCoordinate},
    datatype::{CompositeValue, DataPointItem},
    element::{
        AreaStyle, AxisType, Color, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType,
        Symbol, Tooltip, Trigger,
    },
    series::{Line, Radar, Scatter},
    Chart,
};

use super::{IMPORTANCE_COLOUR, PREVALENCE_COLOUR};
use crate::engine::instrument::Factor;
use crate::engine::scoring::ResponseScore;

/// Colour of an overlay (an earlier assessment, or the 2018 survey): grey, dashed.
pub const OVERLAY_COLOUR: &str = "#595959";
/// A second overlay series.
pub const OVERLAY_COLOUR_2: &str = "#8a8a8a";

/// One line on the radar: a value 0–3 per index category (`None`: not scored).
#[derive(Clone, Debug, PartialEq)]
pub struct RadarLine {
    pub name: String,
    pub values: [Option<f64>; 6],
    pub colour: &'static str,
    /// Overlays are dashed and unfilled, so the person's own profile stays in front.
    pub overlay: bool,
}

/// The person's importance and prevalence as two radar lines.
pub fn score_lines(score: &ResponseScore, prefix: &str) -> Vec<RadarLine> {
    let pick = |f: fn(&crate::engine::scoring::FactorScore) -> Option<u8>| {
        let mut values = [None; 6];
        for (i, factor) in Factor::INDEX_CATEGORIES.iter().enumerate() {
            values[i] = f(score.factor(*factor)).map(f64::from);
        }
        values
    };
    vec![
        RadarLine {
            name: format!("{prefix}Importance"),
            values: pick(|s| s.importance),
            colour: IMPORTANCE_COLOUR,
            overlay: false,
        },
        RadarLine {
            name: format!("{prefix}Prevalence"),
            values: pick(|s| s.prevalence),
            colour: PREVALENCE_COLOUR,
            overlay: false,
        },
    ]
}

/// Radar of the six index categories on a 0–3 scale. Each line is its own series (so each has its own
/// line style and legend entry).
pub fn radar(lines: &[RadarLine]) -> Chart {
    let names: Vec<String> = Factor::INDEX_CATEGORIES
        .iter()
        .map(|f| short_name(*f))
        .collect();
    let indicators: Vec<(&str, f64, f64)> = names.iter().map(|n| (n.as_str(), 0.0, 3.0)).collect();
    let mut chart = Chart::new()
        .legend(
            Legend::new()
                .top(0)
                .data(lines.iter().map(|l| l.name.clone()).collect::<Vec<_>>()),
        )
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .radar(
            RadarCoordinate::new()
                .indicator(indicators)
                .radius("62%")
                .center(vec!["50%", "56%"])
                .split_number(3),
        )
        .color(
            lines
                .iter()
                .map(|l| Color::from(l.colour))
                .collect::<Vec<_>>(),
        );
    for line in lines {
        let values: CompositeValue = line
            .values
            .iter()
            .map(|v| CompositeValue::from(*v))
            .collect();
        let mut style = LineStyle::new()
            .color(line.colour)
            .width(if line.overlay { 2 } else { 3 });
        if line.overlay {
            style = style.type_(LineStyleType::Dashed);
        }
        let mut series = Radar::new()
            .name(line.name.clone())
            .symbol(if line.overlay {
                Symbol::Triangle
            } else {
                Symbol::Circle
            })
            .symbol_size(8)
            .line_style(style)
            .data(vec![DataPointItem::new(values).name(line.name.clone())]);
        if !line.overlay {
            series = series.area_style(AreaStyle::new().opacity(0.12));
        }
        chart = chart.series(series);
    }
    chart
}

/// A factor's name without the "Collaborative" prefix, for axis labels.
pub fn short_name(factor: Factor) -> String {
    factor
        .name()
        .trim_start_matches("Collaborative ")
        .to_string()
}

/// One factor on the scatter.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub factor: Factor,
    pub importance: f64,
    pub prevalence: f64,
}

/// The factors of a response with both importance and prevalence scored.
pub fn score_points(score: &ResponseScore) -> Vec<Point> {
    score
        .factors
        .iter()
        .filter_map(|f| {
            Some(Point {
                factor: f.factor,
                importance: f64::from(f.importance?),
                prevalence: f64::from(f.prevalence?),
            })
        })
        .collect()
}

/// Importance (x) against prevalence (y) for the factors given, on 0–3, with the diagonal where
/// prevalence matches importance and the priority zone (importance ≥ 2, prevalence ≤ 1) shaded.
pub fn scatter(points: &[Point]) -> Chart {
    let data: Vec<DataPointItem> = points
        .iter()
        .map(|p| DataPointItem::new(vec![p.importance, p.prevalence]).name(short_name(p.factor)))
        .collect();
    let axis = |name: &str| {
        Axis::new()
            .type_(AxisType::Value)
            .min(0)
            .max(3)
            .interval(1)
            .name(name)
            .name_location(charming::element::NameLocation::Middle)
            .name_gap(28)
    };
    Chart::new()
        .legend(Legend::new().top(0).data(vec![
            "Factors",
            "Where prevalence matches importance",
            "Priority zone",
        ]))
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        // Room on the right for the labels of factors at importance 3.
        .grid(Grid::new().left(48).right(110).top(64).bottom(48))
        .x_axis(axis("Importance"))
        .y_axis(axis("Prevalence"))
        .series(
            Line::new()
                .name("Priority zone")
                .data(vec![vec![2.0, 1.0], vec![3.0, 1.0]])
                .show_symbol(false)
                .silent(true)
                .line_style(LineStyle::new().width(0).color("#b0200f"))
                .area_style(AreaStyle::new().color("#b0200f").opacity(0.12))
                .item_style(ItemStyle::new().color("#b0200f")),
        )
        .series(
            Line::new()
                .name("Where prevalence matches importance")
                .data(vec![vec![0.0, 0.0], vec![3.0, 3.0]])
                .show_symbol(false)
                .silent(true)
                .line_style(
                    LineStyle::new()
                        .type_(LineStyleType::Dashed)
                        .color(OVERLAY_COLOUR)
                        .width(1),
                )
                .item_style(ItemStyle::new().color(OVERLAY_COLOUR)),
        )
        .series(
            Scatter::new()
                .name("Factors")
                .symbol_size(14)
                .item_style(ItemStyle::new().color(IMPORTANCE_COLOUR))
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .formatter("{b}"),
                )
                .data(data),
        )
}

/// The sentence next to a person's radar.
pub fn radar_summary(score: &ResponseScore) -> String {
    let six: Vec<_> = Factor::INDEX_CATEGORIES
        .iter()
        .map(|f| score.factor(*f))
        .collect();
    let gaps: Vec<_> = six
        .iter()
        .filter_map(|s| Some((s.factor, s.gap?, s.importance?, s.prevalence?)))
        .collect();
    let mut parts = Vec::new();
    let largest = gaps.iter().map(|(_, g, _, _)| *g).max();
    match largest {
        Some(gap) if gap > 0 => {
            let widest: Vec<_> = gaps.iter().filter(|(_, g, _, _)| *g == gap).collect();
            if let [(factor, _, i, p)] = widest.as_slice() {
                parts.push(format!(
                    "{} has the largest gap: importance {i}, prevalence {p} (a gap of {gap}).",
                    factor.name()
                ));
            } else {
                let names: Vec<String> = widest
                    .iter()
                    .map(|(f, _, i, p)| format!("{} (importance {i}, prevalence {p})", f.name()))
                    .collect();
                parts.push(format!(
                    "The largest gap is {gap}, shared by {}.",
                    join_and(&names)
                ));
            }
        }
        Some(_) => {
            parts.push("None of the six categories is less prevalent than it is important.".into())
        }
        None => parts.push("No category has both importance and prevalence rated yet.".into()),
    }
    // Equals are named together (a tie is reported as a tie), in display order.
    if let Some(best) = six.iter().filter_map(|s| s.prevalence).max() {
        let names: Vec<String> = six
            .iter()
            .filter(|s| s.prevalence == Some(best))
            .map(|s| s.factor.name().to_string())
            .collect();
        parts.push(if let [one] = names.as_slice() {
            format!("{one} is the most prevalent in the organisation ({best} of 3).")
        } else {
            format!(
                "{} are equally the most prevalent in the organisation ({best} of 3).",
                join_and(&names)
            )
        });
    }
    let missing = six
        .iter()
        .filter(|s| s.importance.is_none() || s.prevalence.is_none())
        .count();
    if missing == 1 {
        parts.push(
            "1 of the six categories is not applicable or not answered and is left out.".into(),
        );
    } else if missing > 0 {
        parts.push(format!(
            "{missing} of the six categories are not applicable or not answered and are left out."
        ));
    }
    parts.join(" ")
}

/// "a, b and c".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The sentence next to a scatter of importance against prevalence.
pub fn scatter_summary(points: &[Point]) -> String {
    if points.is_empty() {
        return "No factor has both importance and prevalence rated yet.".into();
    }
    let below = points
        .iter()
        .filter(|p| p.prevalence < p.importance)
        .count();
    let zone: Vec<String> = points
        .iter()
        .filter(|p| p.importance >= 2.0 && p.prevalence <= 1.0)
        .map(|p| p.factor.name().to_string())
        .collect();
    let mut text = format!(
        "{below} of the {} factors shown lie below the diagonal: more important than they are prevalent.",
        points.len()
    );
    if zone.is_empty() {
        text.push_str(
            " No factor is in the priority zone (important, but little or not prevalent).",
        );
    } else {
        text.push_str(&format!(
            " In the priority zone (important, but little or not prevalent): {}.",
            zone.join(", ")
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instrument::{Field, Measure};
    use crate::engine::response::Response;
    use crate::engine::scoring::score;
    use serde_json::{json, Value};

    /// A response rating each factor (importance, prevalence); `None` leaves it unanswered, "na" is
    /// not applicable.
    fn response(ratings: &[(Factor, &str, &str)]) -> Response {
        let mut r = Response::new("t");
        for &(f, i, p) in ratings {
            r.choose(Field::Score(Measure::Importance, f), i).unwrap();
            r.choose(Field::Score(Measure::Prevalence, f), p).unwrap();
        }
        r
    }

    fn fixture() -> Response {
        response(&[
            (Factor::Behaviours, "3", "1"),
            (Factor::Citizens, "2", "1"),
            (Factor::Systems, "3", "3"),
            (Factor::Services, "3", "2"),
            (Factor::Places, "na", "1"),
            (Factor::Markets, "2", "2"),
            (Factor::Urgency, "1", "0"),
            (Factor::Requirements, "0", "na"),
        ])
    }

    fn json(chart: &Chart) -> Value {
        serde_json::to_value(chart).unwrap()
    }

    #[test]
    fn radar_has_six_axes_and_one_series_per_line_with_missing_scores_as_null() {
        let s = score(&fixture());
        let chart = json(&radar(&score_lines(&s, "")));
        let axes = chart["radar"][0]["indicator"].as_array().unwrap();
        assert_eq!(axes.len(), 6);
        assert_eq!(axes[0]["name"], "Behaviours");
        assert_eq!(axes[5]["max"], 3.0);
        let series = chart["series"].as_array().unwrap();
        assert_eq!(series.len(), 2);
        assert_eq!(series[0]["name"], "Importance");
        assert_eq!(
            series[0]["data"][0]["value"],
            json!([3.0, 2.0, 3.0, 3.0, null, 2.0])
        );
        assert_eq!(
            series[1]["data"][0]["value"],
            json!([1.0, 1.0, 3.0, 2.0, 1.0, 2.0])
        );
        assert!(
            series[0]["areaStyle"].is_object(),
            "the person's own lines are filled"
        );
    }

    #[test]
    fn overlays_are_dashed_and_unfilled() {
        let s = score(&fixture());
        let mut lines = score_lines(&s, "");
        lines.push(RadarLine {
            name: "Earlier".into(),
            values: [Some(1.0); 6],
            colour: OVERLAY_COLOUR,
            overlay: true,
        });
        let chart = json(&radar(&lines));
        let overlay = &chart["series"][2];
        assert_eq!(overlay["lineStyle"]["type"], "dashed");
        assert!(overlay.get("areaStyle").is_none());
        assert_eq!(
            chart["legend"]["data"],
            json!([{"name": "Importance"}, {"name": "Prevalence"}, {"name": "Earlier"}])
        );
    }

    #[test]
    fn scatter_plots_only_factors_with_both_scores_with_diagonal_and_zone() {
        let s = score(&fixture());
        let points = score_points(&s);
        assert_eq!(
            points.len(),
            6,
            "places (importance n/a) and requirements (prevalence n/a) are left out"
        );
        let chart = json(&scatter(&points));
        let series = chart["series"].as_array().unwrap();
        assert_eq!(series[0]["name"], "Priority zone");
        assert_eq!(series[0]["data"], json!([[2.0, 1.0], [3.0, 1.0]]));
        assert_eq!(series[1]["data"], json!([[0.0, 0.0], [3.0, 3.0]]));
        let factors = series[2]["data"].as_array().unwrap();
        assert_eq!(
            factors[0],
            json!({"value": [3.0, 1.0], "name": "Behaviours"})
        );
        assert_eq!(chart["xAxis"]["max"], 3.0);
        assert_eq!(chart["yAxis"]["name"], "Prevalence");
    }

    #[test]
    fn summaries_name_the_right_factors() {
        let s = score(&fixture());
        let radar = radar_summary(&s);
        assert!(radar.starts_with("Collaborative Behaviours has the largest gap: importance 3, prevalence 1 (a gap of 2)."), "{radar}");
        assert!(
            radar.contains("Collaborative Systems is the most prevalent"),
            "{radar}"
        );
        assert!(
            radar.contains(
                "1 of the six categories is not applicable or not answered and is left out."
            ),
            "{radar}"
        );
        let scatter = scatter_summary(&score_points(&s));
        // Behaviours, citizens, services and urgency; systems and markets sit on the diagonal.
        assert!(
            scatter.starts_with("4 of the 6 factors shown lie below the diagonal"),
            "{scatter}"
        );
        assert!(scatter.contains("priority zone (important, but little or not prevalent): Collaborative Behaviours, Collaborative Citizens."), "{scatter}");
    }

    #[test]
    fn equal_largest_gaps_are_named_together_in_display_order() {
        let s = score(&response(&[
            (Factor::Behaviours, "3", "1"),
            (Factor::Citizens, "2", "2"),
            (Factor::Places, "3", "1"),
        ]));
        let text = radar_summary(&s);
        assert!(
            text.starts_with(
                "The largest gap is 2, shared by Collaborative Behaviours (importance 3, prevalence 1) and \
                 Collaborative Places (importance 3, prevalence 1)."
            ),
            "{text}"
        );
        assert!(
            text.contains("Collaborative Citizens is the most prevalent"),
            "{text}"
        );
        assert_eq!(
            join_and(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }

    #[test]
    fn defect_17_equal_gaps_and_equal_prevalence_read_as_ties_and_never_say_your() {
        let s = score(&response(&[
            (Factor::Behaviours, "3", "1"),
            (Factor::Citizens, "3", "3"),
            (Factor::Systems, "3", "3"),
            (Factor::Places, "3", "1"),
        ]));
        let text = radar_summary(&s);
        assert!(!text.contains("of 2, are"), "{text}");
        assert!(
            text.contains(
                "Collaborative Citizens and Collaborative Systems are equally the most prevalent in the \
                 organisation (3 of 3)."
            ),
            "{text}"
        );
        assert!(text.contains("2 of the six categories are"), "{text}");
        // The same words serve a shared view, so they never speak of "your" answers.
        let words: Vec<String> = text.split(' ').map(str::to_lowercase).collect();
        assert!(!words.iter().any(|w| w == "your"), "{text}");
    }

    #[test]
    fn summaries_of_an_empty_response_say_so() {
        let s = score(&Response::new("t"));
        assert_eq!(radar_summary(&s), "No category has both importance and prevalence rated yet. 6 of the six categories are not applicable or not answered and are left out.");
        assert_eq!(
            scatter_summary(&[]),
            "No factor has both importance and prevalence rated yet."
        );
    }
}
