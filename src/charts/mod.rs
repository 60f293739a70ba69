//! Chart builders: plain data in, a `charming::Chart` out.
//!
//! Builders are pure functions so that what a chart shows is tested natively by serialising it; they
//! never touch the browser. Drawing is `web::components::chart`'s job (wasm only), with the option object
//! [`echarts_option`] makes. Labels and tooltips are plain text from our own data: no builder turns
//! on ECharts' rich-text labels or HTML tooltips, so nothing from a response can be rendered as markup.

pub mod group;
pub mod profile;
pub mod survey_2018;

use crate::model::format::percent;
use charming::{
    component::{Aria, Axis, Decal, DecalItem, Grid, Legend},
    element::{AxisType, Color, Label, LabelPosition, Symbol, Tooltip, Trigger},
    series::Bar,
    Chart,
};

/// Series colours: blue and vermilion from the Okabe–Ito palette, told apart by readers with every
/// common colour-vision deficiency; both reach 3:1 against a white or a near-black background.
pub const IMPORTANCE_COLOUR: &str = "#0072B2";
pub const PREVALENCE_COLOUR: &str = "#D55E00";

/// One row of a paired importance/prevalence chart: a label and two shares between 0 and 1.
#[derive(Clone, Debug, PartialEq)]
pub struct PairedShare {
    pub label: String,
    pub importance: f64,
    pub prevalence: f64,
}

/// The option object ECharts is given for `chart`: the builder's chart, with every tooltip drawn on the
/// canvas (`renderMode: "richText"`) and kept inside the chart (`confine`). ECharts' default HTML
/// tooltip writes `style` attributes into its markup, which the page's Content-Security-Policy
/// (`style-src 'self'`, no `'unsafe-inline'`) refuses, leaving the tooltip unstyled; on the canvas
/// there is no markup at all. A scatter's labels are moved apart where they would overlap
/// (`labelLayout.moveOverlap`), and the lines of a label naming several factors keep their spacing.
/// charming 0.6 has no setter for any of these options, hence this step.
pub fn echarts_option(chart: &Chart) -> serde_json::Value {
    // Written out and read back rather than turned into a value directly: serde_json's writer, for
    // charming's many types, is 3 KB less of every build than its value builder.
    let mut option = serde_json::to_string(chart)
        .ok()
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or(serde_json::Value::Null);
    if let Some(tooltip) = option.get_mut("tooltip").and_then(|t| t.as_object_mut()) {
        tooltip.insert("renderMode".into(), "richText".into());
        tooltip.insert("confine".into(), true.into());
    }
    if let Some(series) = option.get_mut("series").and_then(|s| s.as_array_mut()) {
        for s in series.iter_mut().filter(|s| s["type"] == "scatter") {
            if let Some(label) = s.get_mut("label").and_then(|l| l.as_object_mut()) {
                label.insert("lineHeight".into(), 15.into());
                s["labelLayout"] = serde_json::json!({ "moveOverlap": "shiftY" });
            }
        }
    }
    option
}

/// Horizontal bars, one pair per row: the share of respondents saying a factor is at least somewhat
/// important and at least somewhat prevalent. Rows are drawn top to bottom in the order given.
pub fn paired_share_bars(title: &str, rows: &[PairedShare]) -> Chart {
    // ECharts draws a category axis on y from the bottom up; reverse so the first row is on top.
    let labels: Vec<String> = rows.iter().rev().map(|r| r.label.clone()).collect();
    let importance: Vec<f64> = rows.iter().rev().map(|r| percent(r.importance)).collect();
    let prevalence: Vec<f64> = rows.iter().rev().map(|r| percent(r.prevalence)).collect();
    let bar_label = Label::new()
        .show(true)
        .position(LabelPosition::Right)
        .formatter("{c}%");
    Chart::new()
        .aria(
            // Decal patterns tell the two series apart without colour (ECharts' aria decal).
            Aria::new()
                .enabled(true)
                .decal(Decal::new().show(true).decals(vec![
                    DecalItem::new().symbol(Symbol::Rect),
                    DecalItem::new().symbol(Symbol::Circle),
                ])),
        )
        .color(vec![
            Color::from(IMPORTANCE_COLOUR),
            Color::from(PREVALENCE_COLOUR),
        ])
        .legend(Legend::new().top(0).data(vec!["Importance", "Prevalence"]))
        // A template, not `valueFormatter`: ECharts calls that as a function, and a string there
        // throws on every hover. Lines are broken with "\n", as the canvas tooltip draws them.
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Axis)
                .formatter("{b}\nImportance: {c0}%\nPrevalence: {c1}%"),
        )
        .grid(
            Grid::new()
                .left("3%")
                .right("10%")
                .bottom("3%")
                .top(36)
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Value).min(0).max(100).name("%"))
        .y_axis(Axis::new().type_(AxisType::Category).data(labels))
        .series(
            Bar::new()
                .name("Importance")
                .label(bar_label.clone())
                .data(importance),
        )
        .series(
            Bar::new()
                .name("Prevalence")
                .label(bar_label)
                .data(prevalence),
        )
        .title(charming::component::Title::new().show(false).text(title))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn rows() -> Vec<PairedShare> {
        vec![
            PairedShare {
                label: "Behaviours".into(),
                importance: 0.82,
                prevalence: 0.72,
            },
            PairedShare {
                label: "Citizens".into(),
                importance: 0.834,
                prevalence: 0.796,
            },
        ]
    }

    fn json(chart: &Chart) -> Value {
        serde_json::to_value(chart).expect("a chart serialises")
    }

    #[test]
    fn paired_bars_keep_the_first_row_on_top_with_both_series() {
        let chart = json(&paired_share_bars("Shares", &rows()));
        assert_eq!(
            chart["yAxis"]["data"],
            serde_json::json!(["Citizens", "Behaviours"])
        );
        let series = chart["series"].as_array().unwrap();
        assert_eq!(series.len(), 2);
        assert_eq!(series[0]["name"], "Importance");
        assert_eq!(series[0]["type"], "bar");
        assert_eq!(series[0]["data"], serde_json::json!([83.0, 82.0]));
        assert_eq!(series[1]["name"], "Prevalence");
        assert_eq!(series[1]["data"], serde_json::json!([80.0, 72.0]));
        assert_eq!(chart["xAxis"]["max"], 100.0);
    }

    #[test]
    fn paired_bars_are_accessible_and_never_render_markup() {
        let chart = json(&paired_share_bars("Shares", &rows()));
        assert_eq!(chart["aria"]["enabled"], true);
        assert_eq!(chart["aria"]["decal"]["show"], true);
        assert_eq!(
            chart["color"],
            serde_json::json!([IMPORTANCE_COLOUR, PREVALENCE_COLOUR])
        );
        let text = chart.to_string();
        assert!(!text.contains("rich"), "no rich-text labels");
        assert!(!text.contains("<"), "no markup in any option");
    }

    #[test]
    fn defect_11_tooltips_are_drawn_on_the_canvas_never_as_styled_markup() {
        let chart = echarts_option(&paired_share_bars("Shares", &rows()));
        assert_eq!(chart["tooltip"]["renderMode"], "richText");
        assert_eq!(chart["tooltip"]["confine"], true);
        assert!(
            chart["tooltip"].get("valueFormatter").is_none(),
            "ECharts calls valueFormatter as a function"
        );
        assert_eq!(
            chart["tooltip"]["formatter"],
            "{b}\nImportance: {c0}%\nPrevalence: {c1}%"
        );
        // Everything else is the builder's chart unchanged.
        let mut plain = json(&paired_share_bars("Shares", &rows()));
        plain["tooltip"]["renderMode"] = "richText".into();
        plain["tooltip"]["confine"] = true.into();
        assert_eq!(chart, plain);
        // A chart without a tooltip gains none.
        let bare = echarts_option(&Chart::new());
        assert!(bare.get("tooltip").is_none(), "{bare}");
    }
}
