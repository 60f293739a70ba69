//! The group's workshop guide on the report, and its own printed handout: what to discuss, from the
//! group's own answers. What it says is decided in [`crate::model::groups::guide`]; this draws it.
//!
//! "Print the workshop guide" marks the page (`print-guide` on the root element) so that the print
//! style shows the guide alone, then prints; the mark goes when printing ends, so that printing the
//! page in any other way prints the whole report as before.

use leptos::prelude::*;

use crate::engine::aggregate::action_area_counts;
use crate::model::groups::guide::{guide, Guide, Part, Topic};
use crate::web::browser::today_long;

use super::{current_name, Covered};

/// The class on the root element while the guide alone is printed (see style/app.css).
const PRINT_GUIDE: &str = "print-guide";

fn mark_print(on: bool) {
    if let Some(root) = document().document_element() {
        let classes = root.class_list();
        let _ = if on {
            classes.add_1(PRINT_GUIDE)
        } else {
            classes.remove_1(PRINT_GUIDE)
        };
    }
}

/// The workshop guide section, under the report.
#[component]
pub(super) fn WorkshopGuide(covered: Covered) -> impl IntoView {
    let Covered { store, current, .. } = covered;
    // A plain derived closure rather than a memo: the guide changes whenever its report does, and a
    // memo of one more type costs the app more than the few times this runs again. Made again a task
    // after the report (see [`Covered`]).
    let made = move || {
        covered.with(|report, responses, left_out| {
            guide(report, &action_area_counts(responses), left_out)
        })
    };
    let after = window_event_listener_untyped("afterprint", |_| mark_print(false));
    on_cleanup(move || {
        after.remove();
        mark_print(false);
    });
    let print = move |_| {
        mark_print(true);
        let _ = window().print();
    };
    view! {
        <section id="workshop-guide" aria-labelledby="guide-heading" class="group-section workshop-guide">
            <h2 id="guide-heading">"Workshop guide"</h2>
            <p class="print-only guide-printed">
                {move || format!("{}. Printed {}.", current_name(store, current), today_long())}
            </p>
            <p>
                "What to talk about when the group meets, from its own answers: first where it is divided, then "
                "the largest gaps where it agrees, its strengths, and the areas of action its answers point to. "
                "Each topic has questions to open the discussion. The 2018 report's Appendix 1 tells how "
                "leaders from all three sectors proposed to act on the same findings."
            </p>
            <p class="no-print">
                <button type="button" class="button" on:click=print>"Print the workshop guide"</button>
                " It prints on its own, on at most two A4 pages, to hand out at the workshop."
            </p>
            {move || made().as_ref().map(guide_view)}
        </section>
    }
}

fn guide_view(g: &Guide) -> AnyView {
    match g {
        Guide::Withheld(why) => note(why),
        Guide::Shown(parts) => parts.iter().map(part_view).collect::<Vec<_>>().into_any(),
    }
}

// Every view below is erased to an `AnyView`: the same few shapes are drawn many times, and erased
// they are compiled once rather than once per nesting (a smaller whole app).
fn part_view(p: &Part) -> AnyView {
    let heading = format!("{}-heading", p.id);
    let labelled_by = heading.clone();
    let topics = (!p.topics.is_empty()).then(|| {
        view! {
            <ol class="guide-topics">{p.topics.iter().map(topic_view).collect::<Vec<_>>()}</ol>
        }
    });
    view! {
        <section class="guide-part" aria-labelledby=labelled_by>
            <h3 id=heading>{p.title}</h3>
            <p class="guide-intro">{p.intro.clone()}</p>
            {topics}
            {p.note.clone().map(|n| view! { <p class="guide-note">{n}</p> })}
        </section>
    }
    .into_any()
}

fn topic_view(t: &Topic) -> AnyView {
    view! {
        <li class="guide-topic">
            <h4>{t.title.clone()}</h4>
            <p>{t.figures.clone()}" "<span class="guide-source">{format!("See {}", t.source)}</span></p>
            <ul class="guide-questions" aria-label=format!("Questions about {}", t.title)>
                {text_items(&t.questions)}
            </ul>
        </li>
    }
    .into_any()
}

/// A notice of why something is not shown.
pub(super) fn note(text: &str) -> AnyView {
    view! { <div class="notice" role="note"><p>{text.to_string()}</p></div> }.into_any()
}

/// Texts as the items of a list.
fn text_items(texts: &[String]) -> Vec<AnyView> {
    texts
        .iter()
        .map(|t| view! { <li>{t.clone()}</li> }.into_any())
        .collect()
}
