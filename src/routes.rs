//! The app's routes and how they are written in the URL.
//!
//! Routing uses the URL fragment (`#/assessment/involvement`), not the path: the same `dist/` then
//! works at `/`, under a sub-path such as `/collaboration-readiness/` on GitHub Pages, inside an iframe
//! and from a plain static server, and a reload on any route loads `index.html` without any rewrite
//! rule on the host. This module is pure (no browser crate) so that parsing and printing are tested
//! natively.

use crate::flow::Step;

/// A screen of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The start page: what the self-assessment is and how answers are kept.
    Start,
    /// A page of questions of the open assessment.
    Question(Step),
    /// "Check your answers" for the open assessment.
    Check,
    /// The person's assessments: open, rename, delete.
    Assessments,
    /// How answers are kept, in plain words.
    Privacy,
    /// The 2018 survey's published figures, with a chart.
    Benchmark,
    /// Results of the open assessment.
    Results,
    /// Two of the person's assessments side by side.
    Compare,
    /// Results carried in a share link (`#/shared/<answers>`); the page reads the answers itself.
    Shared,
    /// The facilitator's group report.
    Group,
    /// The accessibility statement.
    Accessibility,
    /// Any fragment the app does not know; shown as "page not found" with a way back.
    NotFound,
}

impl Route {
    /// Reads a route from `location.hash` (with or without the leading `#`).
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .trim_end_matches('/');
        match path {
            "" => Route::Start,
            "benchmark" => Route::Benchmark,
            "privacy" => Route::Privacy,
            "assessments" => Route::Assessments,
            "assessment/check" => Route::Check,
            "results" => Route::Results,
            "compare" => Route::Compare,
            "group" => Route::Group,
            "accessibility" => Route::Accessibility,
            shared if shared == "shared" || shared.starts_with("shared/") => Route::Shared,
            other => other
                .strip_prefix("assessment/")
                .and_then(Step::from_slug)
                .map(Route::Question)
                .unwrap_or(Route::NotFound),
        }
    }

    /// The `href` of a link to this route: a fragment, so it works under any sub-path.
    pub fn href(self) -> String {
        match self {
            Route::Start | Route::NotFound => "#/".into(),
            Route::Question(step) => format!("#/assessment/{}", step.slug()),
            Route::Check => "#/assessment/check".into(),
            Route::Assessments => "#/assessments".into(),
            Route::Privacy => "#/privacy".into(),
            Route::Benchmark => "#/benchmark".into(),
            Route::Results => "#/results".into(),
            Route::Compare => "#/compare".into(),
            Route::Shared => "#/shared/".into(),
            Route::Group => "#/group".into(),
            Route::Accessibility => "#/accessibility".into(),
        }
    }

    /// The page's name, as its heading and the document title say it.
    pub fn name(self) -> String {
        match self {
            Route::Start => "Collaboration Readiness".into(),
            Route::Question(step) => step.heading(),
            Route::Check => "Check your answers".into(),
            Route::Assessments => "Your assessments".into(),
            Route::Privacy => "Your answers and your privacy".into(),
            Route::Benchmark => "The 2018 survey".into(),
            Route::Results => "Your results".into(),
            Route::Compare => "Compare two assessments".into(),
            Route::Shared => "Shared results".into(),
            Route::Group => "Group report".into(),
            Route::Accessibility => "Accessibility statement".into(),
            Route::NotFound => "Page not found".into(),
        }
    }

    /// The document title for this route.
    pub fn title(self) -> String {
        match self {
            Route::Start => self.name(),
            _ => format!("{} – Collaboration Readiness", self.name()),
        }
    }

    /// True for the pages the questionnaire build has (see `handoff`): the start page and the
    /// questions. Any other page, "check your answers" included, is shown by the whole app, which the
    /// questionnaire loads when one is asked for (and has usually fetched by then). The page's boot
    /// script (public/boot.js) makes the same choice on arrival, from the fragment's text: the
    /// questionnaire when its path is empty or starts with `assessment/` but is not
    /// `assessment/check` (an unknown `assessment/…` page loads the questionnaire, which hands over
    /// to the whole app's "page not found").
    pub fn in_questionnaire(self) -> bool {
        matches!(self, Route::Start | Route::Question(_))
    }

    /// True where the questionnaire starts fetching the whole app in the background, so that the
    /// results open without a wait: from the first of the six categories' pages on, when a person is
    /// well into the questionnaire (someone who leaves after a page or two never downloads it).
    pub fn prefetches_app(self) -> bool {
        matches!(self, Route::Question(Step::Factor(_) | Step::AboutYou))
    }

    /// Every route, for tests and navigation.
    pub fn all() -> Vec<Route> {
        let mut all = vec![
            Route::Start,
            Route::Check,
            Route::Assessments,
            Route::Privacy,
            Route::Benchmark,
        ];
        all.extend(Step::all().into_iter().map(Route::Question));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::Route;
    use crate::engine::instrument::Factor;
    use crate::flow::Step;

    #[test]
    fn parses_every_spelling_of_a_fragment() {
        let cases = [
            ("", Route::Start),
            ("#", Route::Start),
            ("#/", Route::Start),
            ("#/benchmark", Route::Benchmark),
            ("#benchmark", Route::Benchmark),
            ("#/benchmark/", Route::Benchmark),
            ("#/benchmark?x=1", Route::Benchmark),
            ("#/privacy", Route::Privacy),
            ("#/assessments", Route::Assessments),
            ("#/assessment/check", Route::Check),
            ("#/results", Route::Results),
            ("#/compare", Route::Compare),
            ("#/group", Route::Group),
            ("#/accessibility", Route::Accessibility),
            ("#/shared/eyJ2IjoxfQ", Route::Shared),
            ("#/shared/", Route::Shared),
            ("#/assessment/example", Route::Question(Step::Example)),
            (
                "#/assessment/factor-places",
                Route::Question(Step::Factor(Factor::Places)),
            ),
            ("#/assessment/factor-nowhere", Route::NotFound),
            ("#/assessment", Route::NotFound),
            ("#/nowhere", Route::NotFound),
            ("#/BENCHMARK", Route::NotFound),
        ];
        for (hash, expected) in cases {
            assert_eq!(Route::from_hash(hash), expected, "hash {hash:?}");
        }
    }

    #[test]
    fn the_questionnaire_build_has_the_questions_and_fetches_the_rest_from_the_categories_on() {
        // (`true, true`: in the questionnaire build, and fetching the whole app from there.)
        let cases = [
            ("#/", true, false),
            ("#/assessment/example", true, false),
            ("#/assessment/about-you", true, true),
            ("#/assessment/factor-behaviours", true, true),
            ("#/assessment/check", false, false),
            ("#/assessment/nowhere", false, false),
            ("#/privacy", false, false),
            ("#/accessibility", false, false),
            ("#/assessments", false, false),
            ("#/results", false, false),
            ("#/compare", false, false),
            ("#/shared/eyJ2IjoxfQ", false, false),
            ("#/group", false, false),
            ("#/benchmark", false, false),
        ];
        for (hash, questionnaire, prefetch) in cases {
            let route = Route::from_hash(hash);
            assert_eq!(route.in_questionnaire(), questionnaire, "{hash}");
            assert_eq!(route.prefetches_app(), prefetch, "{hash}");
        }
    }

    #[test]
    fn every_route_round_trips_through_its_href_and_has_a_title() {
        for route in Route::all() {
            assert_eq!(Route::from_hash(&route.href()), route);
            assert!(
                route.href().starts_with("#/"),
                "links stay relative to the page"
            );
            assert!(route.title().ends_with("Collaboration Readiness"));
        }
    }
}
