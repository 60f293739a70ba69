//! The accessibility statement, as UK public-sector sites publish one.

use leptos::prelude::*;

/// How accessible the app is, how that was tested, and what is known not to work.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Accessibility statement"</h1>
        <p class="lead">
            "We want as many people as possible to be able to use Collaboration Readiness: the self-assessment, your "
            "results and the group report."
        </p>
        <p>"You should be able to:"</p>
        <ul>
            <li>"answer every question, see your results and build a group report with a keyboard alone"</li>
            <li>"use it with a screen reader: every question is a group of labelled options, and every chart has a text summary and a table with the same figures"</li>
            <li>"zoom text to 200% and use it on a screen 320 pixels wide without scrolling sideways"</li>
            <li>"use it in light or dark mode, following your device's setting, and without animation if you ask for less motion"</li>
        </ul>
        <h2>"How accessible it is"</h2>
        <p>
            "We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. As far as we know, "
            "it does, except for the limitations below."
        </p>
        <h2>"Known limitations"</h2>
        <ul>
            <li>
                "The charts themselves are pictures drawn on a canvas. A screen reader skips them; their summary and "
                "table say the same. Where factors have the same scores, their labels on the scatter chart can overlap; "
                "the table beside it lists every factor."
            </li>
            <li>
                "When the app is embedded in another website, that website's own pages are outside our control, and "
                "some browsers do not let an embedded app keep your answers. The app then says so and offers a download."
            </li>
            <li>"The questions are those of the 2018 survey, word for word, so that answers can be compared; some are long."</li>
        </ul>
        <h2>"How we tested it"</h2>
        <p>
            "Every release is tested automatically in Chromium: each page is scanned with axe-core for WCAG 2.2 A and AA "
            "rules, a person's whole path through the questions is followed using only the keyboard, pages are checked "
            "at 320 pixels wide for sideways scrolling, and error messages are checked to take focus and lead to the "
            "question concerned. Pages were also looked at by hand on phone and desktop sizes, in light and dark mode."
        </p>
        <h2>"Reporting a problem"</h2>
        <p>
            "If something does not work for you, please tell the organisation that sent you here, or the people who run "
            "this site. Say which page it was and what you were trying to do."
        </p>
        <p class="caveat">"This statement was prepared on 29 November 2026."</p>
    }
}
