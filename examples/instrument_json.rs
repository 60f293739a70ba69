//! Prints the questionnaire as the app asks it, page by page, as JSON: for the performance harness
//! (`bench/`), which builds its reference pages (SurveyJS, a plain HTML form) from this output so that
//! they ask exactly the same questions, with the same options, on the same pages.
//!
//! ```text
//! cargo run --release --example instrument_json > instrument.json
//! ```
//!
//! Everything comes from `engine::instrument::INSTRUMENT` and `flow::Step`; nothing is spelt out here.

use serde::Serialize;

use collaboration_readiness::engine::instrument::{
    Field, FieldKind, ShowWhen, INSTRUMENT, INSTRUMENT_ID, INSTRUMENT_VERSION,
};
use collaboration_readiness::model::flow::Step;

#[derive(Serialize)]
struct Instrument {
    id: &'static str,
    version: u32,
    pages: Vec<Page>,
}

#[derive(Serialize)]
struct Page {
    slug: String,
    heading: String,
    section_heading: &'static str,
    /// The section's preamble, on the pages where the app shows it.
    preamble: Option<&'static str>,
    /// The factor statement rated on a factor page.
    statement: Option<&'static str>,
    /// `unless_no_example`: the page is skipped when q1 = no.
    shown_when: ShowWhen,
    fields: Vec<FieldJson>,
}

#[derive(Serialize)]
struct FieldJson {
    /// Column / answer key (`q13_places`).
    name: &'static str,
    /// The legend or label shown with the control.
    title: &'static str,
    /// `single`, `multiple` or `text`.
    kind: &'static str,
    required: bool,
    /// Longest accepted text, for text fields.
    max_chars: Option<usize>,
    options: Vec<Opt>,
}

#[derive(Serialize)]
struct Opt {
    code: &'static str,
    label: &'static str,
}

fn field_json(field: Field) -> FieldJson {
    let kind = field.kind();
    let title = match field {
        // Asked inside q3 as its "other" box (see pages/question.rs).
        Field::Q3Other => "If other, which organisations?",
        _ => INSTRUMENT.question(field.question()).text,
    };
    FieldJson {
        name: field.column(),
        title,
        kind: match kind {
            FieldKind::Single(_) | FieldKind::Scale(_) => "single",
            FieldKind::Multiple(_) => "multiple",
            FieldKind::Text { .. } => "text",
        },
        required: field.is_required(),
        max_chars: match kind {
            FieldKind::Text { max_chars } => Some(max_chars),
            _ => None,
        },
        options: kind
            .options()
            .iter()
            .map(|o| Opt {
                code: o.code,
                label: o.label,
            })
            .collect(),
    }
}

fn main() {
    let pages = Step::all()
        .into_iter()
        .map(|step| {
            let first = INSTRUMENT.question(step.questions()[0]);
            let section = INSTRUMENT.section(first.section);
            // The app shows the preamble on the first page of a section (and, collapsed, on every
            // factor page); the reference pages show it where the section starts.
            let starts_section = Step::all()
                .into_iter()
                .find(|s| INSTRUMENT.question(s.questions()[0]).section == first.section)
                == Some(step);
            Page {
                slug: step.slug(),
                heading: step.heading(),
                section_heading: section.heading,
                preamble: section.preamble.filter(|_| starts_section),
                statement: match step {
                    Step::Factor(f) => Some(f.statement()),
                    _ => None,
                },
                shown_when: first.shown_when,
                fields: step.fields().into_iter().map(field_json).collect(),
            }
        })
        .collect();
    let instrument = Instrument {
        id: INSTRUMENT_ID,
        version: INSTRUMENT_VERSION,
        pages,
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&instrument).expect("the instrument serialises")
    );
}
