//! Prints the ECharts options of the results page's two charts (radar and scatter) for one fixed,
//! complete response, as JSON: for the performance harness (`bench/`), whose plain-JavaScript
//! reference page draws exactly these options with ECharts, so that the time the app takes to draw its
//! charts is compared with drawing the same charts without the app.
//!
//! ```text
//! cargo run --release --example chart_options > chart-options.json
//! ```
//!
//! The response is the one the end-to-end tests complete (`e2e/pages/questionnaire.mjs`,
//! `FULL_ANSWERS`); the charts come from the same builders the results page calls, with the
//! transparent background the chart component adds before drawing (`web/components/chart.rs`).

use serde_json::json;

use collaboration_readiness::charts::profile::{radar, scatter, score_lines, score_points};
use collaboration_readiness::engine::instrument::{Factor, Field, Measure};
use collaboration_readiness::engine::scoring::score;
use collaboration_readiness::engine::Response;

/// Heights in CSS pixels, as the results page gives them to its `ChartFigure`s.
const RADAR_HEIGHT: u32 = 420;
const SCATTER_HEIGHT: u32 = 420;

fn response() -> Response {
    let mut r = Response::new("bench-chart-options");
    let choose = [
        (Field::Q1, "yes"),
        (Field::Q4, "5plus"),
        (Field::Q5, "middle"),
        (Field::Q6, "somewhat_successful"),
        (Field::Q7, "critical"),
        (Field::Q9, "collaborating_better"),
        (Field::Q10, "involve"),
        (Field::Q11, "1"),
        (Field::Q12, "2"),
        (Field::Q15, "director"),
        (Field::Q16, "public"),
    ];
    for (field, code) in choose {
        r.choose(field, code).expect("a valid answer");
    }
    r.set_text(
        Field::Q2,
        "Joint hub with the council, \"phase 2\", <b>not bold</b>",
    )
    .expect("a valid text");
    r.set_text(Field::Q8, "Nobody can do this alone.")
        .expect("a valid text");
    r.set_codes(Field::Q3, &["local_authority", "nhs_trust"])
        .expect("valid codes");
    r.set_codes(Field::Q17, &["housing", "education"])
        .expect("valid codes");
    r.set_codes(Field::Q18, &["london"]).expect("valid codes");
    let ratings = [
        (Factor::Behaviours, "3", "1"),
        (Factor::Citizens, "2", "1"),
        (Factor::Systems, "3", "3"),
        (Factor::Services, "3", "2"),
        (Factor::Places, "3", "1"),
        (Factor::Markets, "2", "2"),
        (Factor::Urgency, "1", "0"),
        (Factor::Requirements, "na", "0"),
    ];
    for (factor, importance, prevalence) in ratings {
        r.choose(Field::Score(Measure::Importance, factor), importance)
            .expect("a valid rating");
        r.choose(Field::Score(Measure::Prevalence, factor), prevalence)
            .expect("a valid rating");
    }
    r
}

fn main() {
    let s = score(&response());
    let radar = radar(&score_lines(&s, "")).background_color("transparent");
    let scatter = scatter(&score_points(&s)).background_color("transparent");
    let out = json!({
        "radar": { "id": "results-radar", "height": RADAR_HEIGHT, "option": radar },
        "scatter": { "id": "results-scatter", "height": SCATTER_HEIGHT, "option": scatter },
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&out).expect("the options serialise")
    );
}
