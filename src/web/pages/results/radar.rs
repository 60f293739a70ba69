//! The radar of the six categories, with what it can be compared with.

use leptos::prelude::*;

use super::section_heading;
use crate::charts::profile::tables::radar_table;
use crate::charts::profile::{profile_lines, profile_summary, radar, Beside};
use crate::engine::response::Response;
use crate::engine::scoring::{self, ResponseScore};
use crate::model::results::compare::earlier_choices;
use crate::model::results::{radar_label, radar_table_caption, Reader, SectionKind};
use crate::web::browser::long_date;
use crate::web::components::chart::ChartFigure;
use crate::web::components::table::DataTable;
use crate::web::stores::book::Session;

/// The value of the "Compare with" option for the 2018 survey (the others are nothing, "", or an
/// assessment's id).
const SURVEY_2018: &str = "benchmark";

/// The radar, with an optional overlay, its summary and its data table.
#[component]
pub(super) fn RadarSection(score: ResponseScore, own_id: String, read_only: bool) -> impl IntoView {
    let session = Session::get();
    let reader = Reader::of(read_only);
    let choice = RwSignal::new(String::new());
    // The answers of the other completed assessments as they are now; only the one chosen is scored.
    let earlier: Vec<(String, String, Response)> = if read_only {
        Vec::new()
    } else {
        session
            .book
            .with_untracked(|b| earlier_choices(&b.assessments, &own_id, long_date))
    };
    let options: Vec<(String, String)> = earlier
        .iter()
        .map(|(id, label, _)| (id.clone(), label.clone()))
        .collect();
    let earlier = StoredValue::new(earlier);
    let own = StoredValue::new(score);
    let beside = Memo::new(move |_| match choice.get().as_str() {
        "" => Beside::Nothing,
        SURVEY_2018 => Beside::Survey2018,
        id => Beside::Earlier(earlier.with_value(|e| {
            e.iter()
                .find(|(i, _, _)| i == id)
                .map(|(_, label, response)| (label.clone(), scoring::score(response)))
        })),
    });
    let chart = Signal::derive(move || radar(&own.with_value(|s| profile_lines(s, &beside.get()))));
    let summary = Signal::derive(move || own.with_value(|s| profile_summary(s, &beside.get())));
    view! {
        {section_heading(SectionKind::Profile, reader)}
        <div class="form-group compact">
            <label class="label" for="radar-overlay">"Compare with"</label>
            <select class="select" id="radar-overlay" on:change=move |ev| choice.set(event_target_value(&ev))>
                <option value="">"Nothing"</option>
                <option value=SURVEY_2018>"The 2018 survey"</option>
                {options.into_iter().map(|(id, label)| view! { <option value=id>{format!("Your earlier assessment: {label}")}</option> }).collect_view()}
            </select>
        </div>
        <ChartFigure
            id="results-radar"
            label=radar_label(reader).to_string()
            summary=summary
            chart=chart
            height=420
        >
            {move || {
                let table = own.with_value(|s| radar_table(radar_table_caption(reader), s, &beside.get()));
                view! { <DataTable table=table stacked=true/> }
            }}
        </ChartFigure>
    }
}
