//! Which responses the report covers: the filter (sector, role group, region), the minimum group
//! size, and whether partial responses count.

use leptos::prelude::*;

use crate::engine::aggregate::{GroupOptions, ResponseFilter, DEFAULT_MIN_GROUP_SIZE};
use crate::engine::instrument::{Choice, Region, RoleGroup, Sector};
use crate::model::groups::{min_group_size_from, partial_hint, Partial};

/// Parses a select's value into a filter condition ("" = everyone).
fn parse<T: Choice>(value: &str) -> Option<T> {
    T::from_code(value)
}

/// Filter, minimum group size and partial responses.
#[component]
pub(super) fn ReportOptions(
    options: RwSignal<GroupOptions>,
    partial: RwSignal<Partial>,
    /// Partial responses among those the filter keeps.
    partial_n: Memo<u64>,
) -> impl IntoView {
    let (min_text, set_min_text) = signal(options.get_untracked().min_group_size.to_string());
    let (min_error, set_min_error) = signal(None::<String>);
    let set_filter = move |f: &dyn Fn(&mut ResponseFilter)| {
        options.update(|o| f(&mut o.filter));
    };
    let role_code = |g: RoleGroup| g.id();
    view! {
        <section aria-labelledby="options-heading" class="group-section report-options no-print">
            <h2 id="options-heading">"Which responses the report covers"</h2>
            <div class="options-grid">
                <div class="form-group">
                    <label class="label" for="filter-sector">"Sector"</label>
                    <select id="filter-sector" class="select" on:change:target=move |ev| {
                        let v = parse::<Sector>(&ev.target().value());
                        set_filter(&|f| f.sector = v);
                    }>
                        <option value="">"All sectors"</option>
                        {Sector::ALL.iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-role">"Role group"</label>
                    <select id="filter-role" class="select" on:change:target=move |ev| {
                        let value = ev.target().value();
                        let v = RoleGroup::ALL.iter().copied().find(|g| g.id() == value);
                        set_filter(&|f| f.role_group = v);
                    }>
                        <option value="">"All roles"</option>
                        {RoleGroup::ALL.iter().map(|g| view! { <option value=role_code(*g)>{g.name()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="filter-region">"Region"</label>
                    <select id="filter-region" class="select" on:change:target=move |ev| {
                        let v = parse::<Region>(&ev.target().value());
                        set_filter(&|f| f.region = v);
                    }>
                        <option value="">"All regions"</option>
                        {Region::ALL.iter().map(|r| view! { <option value=r.code()>{r.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-group" class:form-group-error=move || min_error.get().is_some()>
                    <label class="label" for="min-group-size">"Minimum group size"</label>
                    <p class="hint" id="min-group-size-hint">
                        {format!("Breakdowns with fewer respondents are withheld. {DEFAULT_MIN_GROUP_SIZE} or more.")}
                    </p>
                    {move || min_error.get().map(|e| view! { <p class="error-message" id="min-group-size-error">{e}</p> })}
                    <input
                        id="min-group-size"
                        class="input input-narrow"
                        type="number"
                        inputmode="numeric"
                        min=DEFAULT_MIN_GROUP_SIZE.to_string()
                        step="1"
                        aria-describedby=move || if min_error.get().is_some() { "min-group-size-hint min-group-size-error" } else { "min-group-size-hint" }
                        prop:value=min_text
                        on:change:target=move |ev| {
                            let input = ev.target();
                            let in_effect = options.with_untracked(|o| o.min_group_size);
                            match min_group_size_from(&input.value(), in_effect) {
                                Ok(n) => {
                                    set_min_error.set(None);
                                    set_min_text.set(n.to_string());
                                    options.update(|o| o.min_group_size = n);
                                }
                                // The field goes back to the size the report uses, so that it never
                                // shows one the report does not apply; the message says what was refused.
                                Err(message) => {
                                    set_min_error.set(Some(message));
                                    let text = in_effect.to_string();
                                    input.set_value(&text);
                                    set_min_text.set(text);
                                }
                            }
                        }
                    />
                </div>
            </div>
            <div class="form-group">
                <fieldset class="fieldset" aria-describedby="partial-hint">
                    <legend class="label">"Partial responses"</legend>
                    <p class="hint" id="partial-hint">{move || partial_hint(partial_n.get())}</p>
                    <div class="choices">
                        {[
                            (Partial::Include, "partial-include", "Include them: each counts only in the questions it answered"),
                            (Partial::LeaveOut, "partial-leave-out", "Leave them out of the report"),
                        ].into_iter().map(|(choice, id, label)| view! {
                            <div class="choice">
                                <input class="choice-input" type="radio" id=id name="partial" value=id
                                    prop:checked=move || partial.get() == choice
                                    on:change=move |_| partial.set(choice)/>
                                <label class="choice-label" for=id>{label}</label>
                            </div>
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
        </section>
    }
}
