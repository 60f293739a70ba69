//! Drawing a long page a section at a time, so that no single task builds all of it: the results
//! were one task of over 350 ms on a phone (a 4× slower CPU), and a group of 40 responses one of
//! 700–800 ms, each followed by one layout of the whole page.
//!
//! Each [`in_turn`] section is drawn in its own task, after the browser has painted what came
//! before, in the order they were added. What is above them can be read and used meanwhile.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::web::browser::after_paint;

thread_local! {
    /// The sections waiting for their turn, first added first.
    static WAITING: RefCell<VecDeque<WriteSignal<bool>>> = const { RefCell::new(VecDeque::new()) };
    /// Whether a loop is drawing the waiting sections.
    static DRAWING: Cell<bool> = const { Cell::new(false) };
}

/// Draws the waiting sections one per task until none is left.
fn draw_waiting() {
    if DRAWING.with(|d| d.replace(true)) {
        return;
    }
    spawn_local(async {
        'turns: loop {
            after_paint().await;
            // A section whose page has gone meanwhile has nothing to draw: the next one takes
            // this turn. (Set outside the borrow: drawing a section may add more.)
            while let Some(show) = WAITING.with(|w| w.borrow_mut().pop_front()) {
                if show.try_set(true).is_none() {
                    continue 'turns;
                }
            }
            break;
        }
        DRAWING.with(|d| d.set(false));
    });
}

/// A section of a page, built when its turn comes.
pub type Section = Box<dyn FnOnce() -> AnyView>;

/// The section, drawn in its turn (see the module's comment). Until then an empty block holds the
/// place of a screen's height, so that the page's foot does not show and then move down as
/// sections come.
pub fn in_turn(section: Section) -> impl IntoView {
    let (shown, show) = signal(false);
    WAITING.with(|w| w.borrow_mut().push_back(show));
    draw_waiting();
    let section = StoredValue::new_local(Some(section));
    move || {
        if shown.get() {
            section
                .try_update_value(Option::take)
                .flatten()
                .map(|section| section())
                .into_any()
        } else {
            view! { <div class="in-turn"></div> }.into_any()
        }
    }
}
