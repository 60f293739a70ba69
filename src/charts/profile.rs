//! Profile charts of importance against prevalence: a radar over the six index categories and a
//! scatter of the eight factors with the diagonal and the priority zone. Used for one person's results
//! (scores 0–3) and for a group's means. Pure builders with their text summaries.

use charming::{
    component::{Axis, Grid, Legend, LegendItem, LegendType, RadarCoordinate},
    datatype::{CompositeValue, DataPointItem},
    element::{
        AreaStyle, AxisType, Color, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType,
        Orient, Symbol, TextStyle, Tooltip, Trigger,
    },
    series::{Line, Radar, Scatter},
    Chart,
};

use super::{IMPORTANCE_COLOUR, PREVALENCE_COLOUR};
use crate::engine::benchmark::BENCHMARK_2018;
use crate::engine::instrument::Factor;
use crate::engine::scoring::ResponseScore;
use crate::model::format::{gap, join_and, rating};
use crate::model::results::EARLIER_LINES;

pub mod tables;

/// Colour of an overlay (an earlier assessment, or the 2018 survey): grey, dashed.
pub const OVERLAY_COLOUR: &str = "#595959";
/// A second overlay series.
pub const OVERLAY_COLOUR_2: &str = "#8a8a8a";

/// What a radar line's values are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scale {
    /// Scores on the 0–3 scale of the axes.
    #[default]
    Score,
    /// Shares between 0 and 1 (the 2018 survey's percentages), drawn with 100% at 3. The line's
    /// tooltip gives them as percentages, so that no reader takes them for scores.
    Share,
}

/// One line on the radar: a value per index category (`None`: not scored).
#[derive(Clone, Debug, PartialEq)]
pub struct RadarLine {
    pub name: String,
    /// Scores 0–3, or shares 0–1 when `scale` is [`Scale::Share`].
    pub values: [Option<f64>; 6],
    pub colour: &'static str,
    /// Overlays are dashed or dotted and unfilled, so the person's own profile stays in front.
    pub overlay: bool,
    pub scale: Scale,
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
            scale: Scale::Score,
        },
        RadarLine {
            name: format!("{prefix}Prevalence"),
            values: pick(|s| s.prevalence),
            colour: PREVALENCE_COLOUR,
            overlay: false,
            scale: Scale::Score,
        },
    ]
}

/// The 2018 survey's shares answering at least somewhat, as two overlay lines on the 0–3 radar. The
/// names say what the lines are and how they are scaled, since the axes are scores.
pub fn survey_2018_lines() -> Vec<RadarLine> {
    let mut importance = [None; 6];
    let mut prevalence = [None; 6];
    for (i, f) in BENCHMARK_2018.factors.iter().enumerate() {
        importance[i] = Some(f.importance_at_least_somewhat);
        prevalence[i] = Some(f.prevalence_at_least_somewhat);
    }
    vec![
        RadarLine {
            name: "2018 survey: % at least somewhat important (100% drawn at 3)".into(),
            values: importance,
            colour: OVERLAY_COLOUR,
            overlay: true,
            scale: Scale::Share,
        },
        RadarLine {
            name: "2018 survey: % at least somewhat prevalent (100% drawn at 3)".into(),
            values: prevalence,
            colour: OVERLAY_COLOUR_2,
            overlay: true,
            scale: Scale::Share,
        },
    ]
}

/// The sentences added to the radar's summary when the 2018 survey is overlaid: what the grey lines
/// are and how they are scaled.
pub fn survey_2018_summary() -> String {
    format!(
        "The dashed grey lines show the share of 2018 respondents who rated a category at least \
         somewhat important, the dotted grey lines the share who found it at least somewhat \
         prevalent ({} respondents). These lines are percentages, not scores: 100% is drawn at 3 \
         on the scale and 50% at 1.5; the table gives them as percentages.",
        BENCHMARK_2018.n
    )
}

/// Legend names longer than this many characters are wrapped onto more lines, so that a legend entry
/// fits a 320 px screen (ECharts' legend never wraps a name by itself).
pub const LEGEND_WIDTH: usize = 34;
/// The height of a line of a legend's names, in pixels.
const LEGEND_LINE_HEIGHT: f64 = 16.0;

/// `text` broken at spaces into lines of at most `width` characters (a longer word is cut).
pub fn wrap_label(text: &str, width: usize) -> String {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        if word.is_empty() {
            continue;
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

/// How the `n`-th overlay line is drawn (line type, symbol): overlays alternate dashed and dotted,
/// with their own symbols, so that two grey lines never look alike.
fn overlay_style(n: usize) -> (LineStyleType, &'static str) {
    if n.is_multiple_of(2) {
        (LineStyleType::Dashed, "triangle")
    } else {
        (LineStyleType::Dotted, "diamond")
    }
}

/// The symbol of the `n`-th of the person's own lines: they differ in colour and, for readers who
/// cannot tell the colours apart, in their symbols.
fn own_symbol(n: usize) -> &'static str {
    if n.is_multiple_of(2) {
        "circle"
    } else {
        "rect"
    }
}

/// A share line's tooltip: its name, then each category's percentage.
fn share_tooltip(name: &str, categories: &[String], values: &[Option<f64>; 6]) -> String {
    let mut text = name.to_string();
    for (category, value) in categories.iter().zip(values) {
        let figure = value.map_or("not published".to_string(), |v| {
            format!("{}%", crate::model::format::percent(v))
        });
        text.push_str(&format!("\n{category}: {figure}"));
    }
    text
}

/// Radar of the six index categories on a 0–3 scale. Each line is its own series (so each has its own
/// line style and legend entry). With more than two lines the legend goes below the radar, one entry
/// per row (scrolling when there are many), since several long names side by side do not fit a phone.
pub fn radar(lines: &[RadarLine]) -> Chart {
    let names: Vec<String> = Factor::INDEX_CATEGORIES
        .iter()
        .map(|f| short_name(*f))
        .collect();
    let indicators: Vec<(&str, f64, f64)> = names.iter().map(|n| (n.as_str(), 0.0, 3.0)).collect();
    let labels: Vec<String> = lines
        .iter()
        .map(|l| wrap_label(&l.name, LEGEND_WIDTH))
        .collect();
    // Each line's look: solid or dashed/dotted, and its symbol, which the legend shows as well.
    let (mut own, mut overlays) = (0, 0);
    let looks: Vec<(Option<LineStyleType>, &str)> = lines
        .iter()
        .map(|line| {
            if line.overlay {
                let (kind, symbol) = overlay_style(overlays);
                overlays += 1;
                (Some(kind), symbol)
            } else {
                own += 1;
                (None, own_symbol(own - 1))
            }
        })
        .collect();
    let below = lines.len() > 2;
    let legend = if below {
        Legend::new()
            .type_(LegendType::Scroll)
            .orient(Orient::Vertical)
            .left(8)
            .bottom(0)
            .height("40%")
    } else {
        Legend::new().top(0)
    }
    // Symbols at their own size (not stretched to ECharts' 25 px wide icon), and lines of a
    // wrapped name that do not run into each other.
    .item_width(14)
    .item_height(14)
    .text_style(TextStyle::new().line_height(LEGEND_LINE_HEIGHT));
    let entries: Vec<LegendItem> = labels
        .iter()
        .zip(&looks)
        .map(|(label, (_, symbol))| LegendItem::from((label.as_str(), *symbol)))
        .collect();
    let mut chart = Chart::new()
        .legend(legend.data(entries))
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .radar(
            RadarCoordinate::new()
                .indicator(indicators)
                .radius(if below { "50%" } else { "62%" })
                .center(vec!["50%", if below { "36%" } else { "56%" }])
                .split_number(3),
        )
        .color(
            lines
                .iter()
                .map(|l| Color::from(l.colour))
                .collect::<Vec<_>>(),
        );
    for ((line, label), (kind, symbol)) in lines.iter().zip(labels).zip(looks) {
        let drawn: [Option<f64>; 6] = match line.scale {
            Scale::Score => line.values,
            Scale::Share => line.values.map(|v| v.map(|v| v * 3.0)),
        };
        let values: CompositeValue = drawn.iter().map(|v| CompositeValue::from(*v)).collect();
        let mut style = LineStyle::new()
            .color(line.colour)
            .width(if line.overlay { 2 } else { 3 });
        if let Some(kind) = kind {
            style = style.type_(kind);
        }
        let mut series = Radar::new()
            .name(label.clone())
            .symbol(Symbol::Custom(symbol.to_string()))
            .symbol_size(8)
            .line_style(style)
            .data(vec![DataPointItem::new(values).name(label.clone())]);
        if line.scale == Scale::Share {
            let text = share_tooltip(&label, &names, &line.values);
            series = series.tooltip(Tooltip::new().formatter(text.as_str()));
        }
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

/// One mark on the scatter: a position and the names of every factor at it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub importance: f64,
    pub prevalence: f64,
    /// The factors' short names, one per line, in display order ("Places,\nSystems").
    pub label: String,
}

/// A coordinate to two decimals, as the report prints means: points that print alike are one point.
fn position(x: f64) -> i64 {
    crate::model::format::rounded(x * 100.0, 0) as i64
}

/// The points as marks: factors at the same position (to two decimals) share one mark whose label
/// names them all, so that their labels are not drawn over each other. Marks keep the order of the
/// first factor at each position.
pub fn marks(points: &[Point]) -> Vec<Mark> {
    let mut marks: Vec<(i64, i64, Mark)> = Vec::new();
    for p in points {
        let key = (position(p.importance), position(p.prevalence));
        let name = short_name(p.factor);
        match marks.iter_mut().find(|(i, v, _)| (*i, *v) == key) {
            Some((_, _, mark)) => {
                mark.label.push_str(",\n");
                mark.label.push_str(&name);
            }
            None => marks.push((
                key.0,
                key.1,
                Mark {
                    importance: p.importance,
                    prevalence: p.prevalence,
                    label: name,
                },
            )),
        }
    }
    marks.into_iter().map(|(_, _, mark)| mark).collect()
}

/// Importance (x) against prevalence (y) for the factors given, on 0–3, with the diagonal where
/// prevalence matches importance and the priority zone (importance ≥ 2, prevalence ≤ 1) shaded.
/// Factors at one point share one mark and one label ([`marks`]).
pub fn scatter(points: &[Point]) -> Chart {
    let data: Vec<DataPointItem> = marks(points)
        .into_iter()
        .map(|m| DataPointItem::new(vec![m.importance, m.prevalence]).name(m.label))
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
        // Room on the right for half a label (labels sit centred above their marks) at importance 3.
        .grid(Grid::new().left(48).right(56).top(72).bottom(48))
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
                        // Above the mark: a label to its right runs into the next mark on a
                        // phone, where one point on the scale is about 40 px wide.
                        .position(LabelPosition::Top)
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
        Some(largest) if largest > 0 => {
            let widest: Vec<_> = gaps.iter().filter(|(_, g, _, _)| *g == largest).collect();
            if let [(factor, _, i, p)] = widest.as_slice() {
                parts.push(format!(
                    "{} has the largest gap: importance {}, prevalence {} (a gap of {}).",
                    factor.name(),
                    rating(*i),
                    rating(*p),
                    gap(Some(largest))
                ));
            } else {
                let names: Vec<String> = widest
                    .iter()
                    .map(|(f, _, i, p)| {
                        format!(
                            "{} (importance {}, prevalence {})",
                            f.name(),
                            rating(*i),
                            rating(*p)
                        )
                    })
                    .collect();
                parts.push(format!(
                    "The largest gap is {}, shared by {}.",
                    gap(Some(largest)),
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
            format!(
                "{one} is the most prevalent in the organisation ({} of 3).",
                rating(best)
            )
        } else {
            format!(
                "{} are equally the most prevalent in the organisation ({} of 3).",
                join_and(&names),
                rating(best)
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

/// The sentence next to a scatter of importance against prevalence.
pub fn scatter_summary(points: &[Point]) -> String {
    if points.is_empty() {
        return "No factor has both importance and prevalence rated yet.".into();
    }
    // Decided on the means as printed (two decimals), so that a group's factor shown at 2.00 and
    // 1.00 in the table beside the chart is in the priority zone here too.
    let shown = |x: f64| crate::model::format::rounded(x, 2);
    let below = points
        .iter()
        .filter(|p| shown(p.prevalence) < shown(p.importance))
        .count();
    let zone: Vec<String> = points
        .iter()
        .filter(|p| shown(p.importance) >= 2.0 && shown(p.prevalence) <= 1.0)
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

/// Lines drawn behind the person's own: dashed, in the two overlay greys.
pub fn overlay_lines(lines: Vec<RadarLine>) -> Vec<RadarLine> {
    lines
        .into_iter()
        .zip([OVERLAY_COLOUR, OVERLAY_COLOUR_2])
        .map(|(l, colour)| RadarLine {
            colour,
            overlay: true,
            ..l
        })
        .collect()
}

/// What a person's radar is drawn with besides their own lines.
#[derive(Clone, Debug, PartialEq)]
pub enum Beside {
    Nothing,
    /// The 2018 survey's shares.
    Survey2018,
    /// An earlier assessment: its name (with its date) and its score; `None` when it is gone.
    Earlier(Option<(String, ResponseScore)>),
}

/// The lines of a person's radar: their own, then what it is compared with.
pub fn profile_lines(own: &ResponseScore, beside: &Beside) -> Vec<RadarLine> {
    let mut lines = score_lines(own, "");
    match beside {
        Beside::Nothing | Beside::Earlier(None) => {}
        Beside::Survey2018 => lines.extend(survey_2018_lines()),
        Beside::Earlier(Some((name, earlier))) => {
            lines.extend(overlay_lines(score_lines(earlier, &format!("{name}: "))))
        }
    }
    lines
}

/// The sentences next to a person's radar: [`radar_summary`], and what the grey lines are.
pub fn profile_summary(own: &ResponseScore, beside: &Beside) -> String {
    let mut text = radar_summary(own);
    match beside {
        Beside::Nothing => {}
        Beside::Survey2018 => text.push_str(&format!(" {}", survey_2018_summary())),
        Beside::Earlier(_) => text.push_str(&format!(" {EARLIER_LINES}")),
    }
    text
}

/// The radar comparing two assessments: the earlier one's lines in grey behind the later one's, each
/// named by its assessment.
pub fn compare_lines(
    earlier: &str,
    earlier_score: &ResponseScore,
    later: &str,
    later_score: &ResponseScore,
) -> Vec<RadarLine> {
    let mut lines = overlay_lines(score_lines(earlier_score, &format!("{earlier}: ")));
    lines.extend(score_lines(later_score, &format!("{later}: ")));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::response::Response;
    use crate::engine::scoring::score;
    use crate::model::results::fixtures::rated as response;
    use serde_json::{json, Value};

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
            scale: Scale::Score,
        });
        let chart = json(&radar(&lines));
        let overlay = &chart["series"][2];
        assert_eq!(overlay["lineStyle"]["type"], "dashed");
        assert!(overlay.get("areaStyle").is_none());
        // Each legend entry shows its line's symbol (defect 18).
        assert_eq!(
            chart["legend"]["data"],
            json!([
                {"name": "Importance", "icon": "circle"},
                {"name": "Prevalence", "icon": "rect"},
                {"name": "Earlier", "icon": "triangle"}
            ])
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
    fn defect_18_factors_at_one_point_share_one_label() {
        let p = |factor, importance, prevalence| Point {
            factor,
            importance,
            prevalence,
        };
        let m = |importance, prevalence, label: &str| Mark {
            importance,
            prevalence,
            label: label.into(),
        };
        let cases: Vec<(&str, Vec<Point>, Vec<Mark>)> = vec![
            ("no points", vec![], vec![]),
            (
                "apart",
                vec![p(Factor::Places, 3.0, 1.0), p(Factor::Systems, 2.0, 1.0)],
                vec![m(3.0, 1.0, "Places"), m(2.0, 1.0, "Systems")],
            ),
            (
                "two at one point",
                vec![p(Factor::Systems, 3.0, 1.0), p(Factor::Places, 3.0, 1.0)],
                vec![m(3.0, 1.0, "Systems,\nPlaces")],
            ),
            (
                "three at one point, one apart, first position first",
                vec![
                    p(Factor::Behaviours, 2.0, 2.0),
                    p(Factor::Citizens, 3.0, 0.0),
                    p(Factor::Markets, 2.0, 2.0),
                    p(Factor::Urgency, 2.0, 2.0),
                ],
                vec![
                    m(2.0, 2.0, "Behaviours,\nMarkets,\nUrgency"),
                    m(3.0, 0.0, "Citizens"),
                ],
            ),
            (
                "means that print alike (two decimals) are one point",
                vec![
                    p(Factor::Places, 1.764, 1.2),
                    p(Factor::Systems, 1.7641, 1.2049),
                ],
                vec![m(1.764, 1.2, "Places,\nSystems")],
            ),
            (
                "means that print differently stay apart",
                vec![p(Factor::Places, 1.76, 1.2), p(Factor::Systems, 1.77, 1.2)],
                vec![m(1.76, 1.2, "Places"), m(1.77, 1.2, "Systems")],
            ),
        ];
        for (case, points, expected) in cases {
            assert_eq!(marks(&points), expected, "{case}");
        }
        // The chart draws one mark per position, named by every factor at it.
        let s = score(&response(&[
            (Factor::Places, "3", "1"),
            (Factor::Systems, "3", "1"),
            (Factor::Markets, "2", "2"),
        ]));
        let option = crate::charts::echarts_option(&scatter(&score_points(&s)));
        // Labels of marks near each other are moved apart (ECharts' label layout).
        assert_eq!(option["series"][2]["labelLayout"]["moveOverlap"], "shiftY");
        assert!(option["series"][0].get("labelLayout").is_none());
        let chart = json(&scatter(&score_points(&s)));
        assert_eq!(
            chart["series"][2]["data"],
            json!([
                {"value": [3.0, 1.0], "name": "Systems,\nPlaces"},
                {"value": [2.0, 2.0], "name": "Markets"},
            ])
        );
    }

    #[test]
    fn defect_18_long_legend_names_wrap_to_fit_a_phone() {
        for (text, width, expected) in [
            ("Importance", 34, "Importance"),
            ("", 34, ""),
            ("a b c", 3, "a b\nc"),
            ("one two three", 7, "one two\nthree"),
            ("  spaced   out  ", 20, "spaced out"),
            ("abcdefghij", 4, "abcd\nefgh\nij"),
            ("x abcdefgh y", 4, "x\nabcd\nefgh\ny"),
            (
                "Housing partnership, spring review: Importance",
                34,
                "Housing partnership, spring\nreview: Importance",
            ),
        ] {
            assert_eq!(wrap_label(text, width), expected, "{text:?} at {width}");
        }
        for line in wrap_label(&"word ".repeat(60), LEGEND_WIDTH).lines() {
            assert!(line.chars().count() <= LEGEND_WIDTH, "{line}");
        }
    }

    #[test]
    fn defect_18_compare_radar_has_its_legend_below_and_distinct_earlier_lines() {
        let s = score(&fixture());
        // Two lines only (the person's): the legend stays on top.
        let own = json(&radar(&score_lines(&s, "")));
        assert_eq!(own["legend"]["top"], 0.0);
        assert_eq!(own["series"][0]["symbol"], "circle");
        assert_eq!(own["series"][1]["symbol"], "rect");

        let name = "Housing partnership, spring review (1 December 2026): ";
        let mut lines: Vec<RadarLine> = score_lines(&s, name)
            .into_iter()
            .map(|l| RadarLine { overlay: true, ..l })
            .collect();
        lines.extend(score_lines(&s, "Later: "));
        let chart = json(&radar(&lines));
        let legend = &chart["legend"];
        assert_eq!(legend["type"], "scroll");
        assert_eq!(legend["orient"], "vertical");
        assert_eq!(legend["bottom"], 0.0);
        assert!(legend.get("top").is_none(), "{legend}");
        for entry in legend["data"].as_array().unwrap() {
            for line in entry["name"].as_str().unwrap().lines() {
                assert!(line.chars().count() <= LEGEND_WIDTH, "{line}");
            }
        }
        // The legend's names are the series' names, so that clicking one hides its line.
        let series = chart["series"].as_array().unwrap();
        for (entry, s) in legend["data"].as_array().unwrap().iter().zip(series) {
            assert_eq!(entry["name"], s["name"]);
        }
        for (entry, s) in legend["data"].as_array().unwrap().iter().zip(series) {
            assert_eq!(
                entry["icon"], s["symbol"],
                "the legend shows each line's symbol"
            );
        }
        assert_eq!(
            legend["textStyle"]["lineHeight"], LEGEND_LINE_HEIGHT,
            "the lines of a wrapped name do not run into each other"
        );
        let (first, second) = (&series[0], &series[1]);
        assert_eq!(first["lineStyle"]["type"], "dashed");
        assert_eq!(second["lineStyle"]["type"], "dotted");
        assert_ne!(first["symbol"], second["symbol"]);
        assert_ne!(first["lineStyle"]["color"], second["lineStyle"]["color"]);
        assert!(
            series[2]["lineStyle"].get("type").is_none(),
            "later lines are solid"
        );
        assert_eq!(chart["radar"][0]["center"], json!(["50%", "36%"]));
    }

    #[test]
    fn defect_28_the_2018_overlay_says_it_is_percentages_drawn_with_100_at_3() {
        let s = score(&fixture());
        let mut lines = score_lines(&s, "");
        lines.extend(survey_2018_lines());
        let chart = json(&radar(&lines));
        let series = chart["series"].as_array().unwrap();
        let importance = &series[2];
        let name = importance["name"].as_str().unwrap().replace('\n', " ");
        assert_eq!(
            name,
            "2018 survey: % at least somewhat important (100% drawn at 3)"
        );
        assert!(series[3]["name"]
            .as_str()
            .unwrap()
            .replace('\n', " ")
            .contains("% at least somewhat prevalent (100% drawn at 3)"));
        // Behaviours: 82% important, drawn at 0.82 × 3 on the 0–3 axis.
        let drawn = importance["data"][0]["value"][0].as_f64().unwrap();
        assert!((drawn - 2.46).abs() < 1e-9, "{drawn}");
        // Its tooltip gives percentages, never the drawn value.
        let tooltip = importance["tooltip"]["formatter"].as_str().unwrap();
        assert!(tooltip.contains("\nBehaviours: 82%"), "{tooltip}");
        assert!(!tooltip.contains("2.46"), "{tooltip}");
        assert!(
            series[0].get("tooltip").is_none(),
            "scores keep the default tooltip"
        );
        let text = survey_2018_summary();
        assert!(
            text.starts_with("The dashed grey lines show the share of 2018 respondents"),
            "{text}"
        );
        assert!(
            text.contains("percentages, not scores: 100% is drawn at 3 on the scale"),
            "{text}"
        );
        assert!(text.contains("(115 respondents)"), "{text}");
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

    #[test]
    fn the_2018_overlay_puts_100_percent_at_3() {
        let lines = survey_2018_lines();
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.overlay));
        let behaviours = BENCHMARK_2018.factors[0].importance_at_least_somewhat;
        // Kept as shares, drawn with 100% at 3 (the radar's scale; see charts::profile).
        assert_eq!(lines[0].values[0], Some(behaviours));
        assert!(lines.iter().all(|l| l.scale == Scale::Share));
        let overlaid = overlay_lines(lines.clone());
        assert_eq!(overlaid[1].colour, OVERLAY_COLOUR_2);
    }

    #[test]
    fn the_scatter_summary_decides_on_the_means_as_printed() {
        let p = |factor, importance, prevalence| Point {
            factor,
            importance,
            prevalence,
        };
        // Printed as 2.00 / 1.00 and 1.00 / 1.00: in the zone, and on the diagonal, as a reader
        // of the table sees them.
        let text = scatter_summary(&[
            p(Factor::Places, 1.996, 1.004),
            p(Factor::Systems, 1.004, 0.9961),
        ]);
        assert!(
            text.starts_with("1 of the 2 factors shown lie below the diagonal"),
            "{text}"
        );
        assert!(
            text.ends_with("In the priority zone (important, but little or not prevalent): Collaborative Places."),
            "{text}"
        );
    }
}
