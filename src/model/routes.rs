//! The app's routes and how they are written in the URL.
//!
//! Routing uses the URL fragment (`#/assessment/involvement`), not the path: the same `dist/` then
//! works at `/`, under a sub-path such as `/collaboration-readiness/` on GitHub Pages, inside an iframe
//! and from a plain static server, and a reload on any route loads `index.html` without any rewrite
//! rule on the host. This module is pure (no browser crate) so that parsing and printing are tested
//! natively.

use crate::model::book::{Assessment, Book};
use crate::model::flow::{self, Step};

/// A screen of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The start page: what the self-assessment is and how answers are kept.
    Start,
    /// A page of questions of the open assessment.
    Question(Step),
    /// The same page reached from "Check your answers" to change an answer: "Continue" leads back
    /// there, through any page the change reveals (see [`flow::next_returning`]).
    Change(Step),
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
    /// An invitation to a round (`#/join/<data>`): who is asking, and a way to start answering.
    Join,
    /// "Send your answers to the facilitator", for an assessment started from an invitation.
    Send,
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
            "send" => Route::Send,
            "accessibility" => Route::Accessibility,
            shared if shared == "shared" || shared.starts_with("shared/") => Route::Shared,
            join if join == "join" || join.starts_with("join/") => Route::Join,
            other => {
                let page = other.strip_prefix("assessment/").unwrap_or("");
                match page.strip_suffix("/change") {
                    Some(slug) => Step::from_slug(slug).map(Route::Change),
                    None => Step::from_slug(page).map(Route::Question),
                }
                .unwrap_or(Route::NotFound)
            }
        }
    }

    /// The `href` of a link to this route: a fragment, so it works under any sub-path.
    pub fn href(self) -> String {
        match self {
            Route::Start | Route::NotFound => "#/".into(),
            Route::Question(step) => format!("#/assessment/{}", step.slug()),
            Route::Change(step) => format!("#/assessment/{}/change", step.slug()),
            Route::Check => "#/assessment/check".into(),
            Route::Assessments => "#/assessments".into(),
            Route::Privacy => "#/privacy".into(),
            Route::Benchmark => "#/benchmark".into(),
            Route::Results => "#/results".into(),
            Route::Compare => "#/compare".into(),
            Route::Shared => "#/shared/".into(),
            Route::Group => "#/group".into(),
            Route::Join => "#/join/".into(),
            Route::Send => "#/send".into(),
            Route::Accessibility => "#/accessibility".into(),
        }
    }

    /// The page's name, as its heading and the document title say it.
    pub fn name(self) -> String {
        match self {
            Route::Start => "Collaboration Readiness".into(),
            Route::Question(step) | Route::Change(step) => step.heading(),
            Route::Check => "Check your answers".into(),
            Route::Assessments => "Your assessments".into(),
            Route::Privacy => "Your answers and your privacy".into(),
            Route::Benchmark => "The 2018 survey".into(),
            Route::Results => "Your results".into(),
            Route::Compare => "Compare two assessments".into(),
            Route::Shared => "Shared results".into(),
            Route::Group => "Group report".into(),
            Route::Join => "You are invited".into(),
            Route::Send => "Send your answers to the facilitator".into(),
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

    /// True for the pages the questionnaire build has (see `web::handoff`): the start page and the
    /// questions. Any other page, "check your answers" included, is shown by the whole app, which the
    /// questionnaire loads when one is asked for (and has usually fetched by then). The page's boot
    /// script (`buildFor` in public/boot.js) makes the same choice on arrival from the fragment's
    /// text; `scripts/boot.test.mjs` holds the two together for every route of [`Route::all`] (an
    /// unknown `assessment/…` page may load either build: both show "page not found").
    ///
    /// An invitation (`#/join/…`) opens in the whole app, although it is a colleague's first visit:
    /// the questionnaire's first load has almost no room left under its budget, and the answers
    /// given from an invitation end on the sending screen, which only the whole app has.
    pub fn in_questionnaire(self) -> bool {
        matches!(self, Route::Start | Route::Question(_))
    }

    /// True for the pages the results build shows (`src/bin/results.rs`): a person's results, the
    /// comparison of two assessments, a share link and the 2018 survey, the pages a cold visit opens
    /// to read figures and charts. They load neither the group report nor the invitation's pages,
    /// nor the questionnaire's, which keeps that build to a little over half of the whole app. Any other
    /// page opened from there hands over to the whole app, as the questionnaire does. The page's
    /// boot script (`buildFor` in public/boot.js) makes the same choice, held together by
    /// `scripts/boot.test.mjs`.
    pub fn in_results(self) -> bool {
        matches!(
            self,
            Route::Results | Route::Compare | Route::Shared | Route::Benchmark
        )
    }

    /// True where the questionnaire starts fetching the whole app in the background, so that the
    /// results open without a wait: from the first of the six categories' pages on, when a person is
    /// well into the questionnaire (someone who leaves after a page or two never downloads it).
    pub fn prefetches_app(self) -> bool {
        matches!(self, Route::Question(Step::Factor(_) | Step::AboutYou))
    }

    /// Where "Continue" takes a person on one of their assessments (the start page, a visit that
    /// asks for the questionnaire): the results once it is finished (every required answer given
    /// and "Finish" pressed), else the first page with a required answer missing, else "check your
    /// answers" (where the person finishes). Not the page they were last on: that may be the last
    /// page of questions, long after the one they skipped.
    pub fn continuing(assessment: &Assessment) -> Route {
        if assessment.completed_at.is_some() && assessment.response.is_complete() {
            return Route::Results;
        }
        match flow::resume_at(&assessment.response) {
            Some(step) => Route::Question(step),
            None => Route::Check,
        }
    }

    /// Where a visit that asks to open on the questionnaire ([`asks_for_questionnaire`]) goes: on
    /// with the open assessment ([`Route::continuing`]: its results when it is finished), or `None`
    /// when none is open, and a new assessment is started on its first question.
    pub fn questionnaire_visit(book: &Book) -> Option<Route> {
        book.current().map(Route::continuing)
    }

    /// Every route a link can lead to: each screen, and each page of questions both as itself and
    /// as changed from "check your answers". "Page not found" is left out: it has no address of its
    /// own (any fragment the app does not know shows it). For the tests that check every route.
    pub fn all() -> Vec<Route> {
        let mut all = vec![
            Route::Start,
            Route::Check,
            Route::Assessments,
            Route::Privacy,
            Route::Benchmark,
            Route::Results,
            Route::Compare,
            Route::Shared,
            Route::Group,
            Route::Join,
            Route::Send,
            Route::Accessibility,
        ];
        all.extend(Step::all().into_iter().map(Route::Question));
        all.extend(Step::all().into_iter().map(Route::Change));
        all
    }
}

/// True when the page's address asks to open on the questionnaire (`start=questionnaire` in its
/// query, as the embed's `data-start` sets it) and names no page: `search` and `hash` are
/// `location.search` and `location.hash`. (The boot script, public/boot.js, sends `start=group`
/// on to the group report itself; where the questionnaire goes depends on the stored assessments,
/// which only the app reads.)
pub fn asks_for_questionnaire(search: &str, hash: &str) -> bool {
    let names_no_page = matches!(hash, "" | "#" | "#/");
    names_no_page
        && search
            .trim_start_matches('?')
            .split('&')
            .any(|pair| pair == "start=questionnaire")
}

#[cfg(test)]
mod tests {
    use super::{asks_for_questionnaire, Route};
    use crate::engine::instrument::{Factor, Field};
    use crate::engine::response::AnswerAction;
    use crate::model::book::{Action, Book};
    use crate::model::flow::Step;

    /// The stored book every shipped version reads: an unfinished assessment (open, last on the
    /// involvement page, q5 and q6 missing) and a finished one (q1 = no).
    fn stored_book() -> Book {
        let v1 = include_str!("../../tests/fixtures/storage/book-v1.json");
        let envelope: serde_json::Value = serde_json::from_str(v1).unwrap();
        Book::from_stored(1, &envelope["data"].to_string()).unwrap()
    }

    /// The page's frame is index.html's (the app draws only inside `<main>`): its links lead to the
    /// routes they name, with the routes' names.
    #[test]
    fn the_page_frame_links_to_the_routes_by_their_names() {
        let html = include_str!("../../index.html");
        let links: Vec<(&str, &str)> = html
            .split("<a ")
            .skip(1)
            .map(|a| {
                let href = a.split("href=\"").nth(1).and_then(|h| h.split('"').next());
                let text = a.split('>').nth(1).and_then(|t| t.split('<').next());
                (href.expect("an address"), text.expect("a text"))
            })
            .collect();
        let named = |route: Route| (route.href(), route.name());
        let mut expected = vec![
            ("#main".to_string(), "Skip to main content".to_string()),
            named(Route::Start),
            (Route::Start.href(), "Start".to_string()),
        ];
        expected.extend(
            [
                Route::Assessments,
                Route::Group,
                Route::Benchmark,
                Route::Privacy,
                Route::Accessibility,
            ]
            .map(named),
        );
        let found: Vec<(String, String)> = links
            .iter()
            .map(|(h, t)| (h.to_string(), t.to_string()))
            .collect();
        assert_eq!(found, expected);
    }

    const UNFINISHED: &str = "a-mf3k2p-1x9z";
    const FINISHED: &str = "a-mf1aaa-7q2w";

    fn with(book: &Book, action: Action) -> Book {
        let mut book = book.clone();
        book.apply(action).unwrap();
        book
    }

    fn answer(id: &str, field: Field, code: &str) -> Action {
        Action::Answer {
            id: id.into(),
            action: AnswerAction::Choose {
                field,
                code: code.into(),
            },
            now: "2026-12-01T10:00:00Z".into(),
        }
    }

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
            ("#/join/1~abc~~0~~Team~0000000", Route::Join),
            ("#/join/", Route::Join),
            ("#/join", Route::Join),
            ("#/joined", Route::NotFound),
            ("#/send", Route::Send),
            ("#/send/", Route::Send),
            ("#/assessment/example", Route::Question(Step::Example)),
            (
                "#/assessment/factor-places",
                Route::Question(Step::Factor(Factor::Places)),
            ),
            ("#/assessment/factor-nowhere", Route::NotFound),
            ("#/assessment/example/change", Route::Change(Step::Example)),
            (
                "#/assessment/factor-places/change/",
                Route::Change(Step::Factor(Factor::Places)),
            ),
            ("#/assessment/nowhere/change", Route::NotFound),
            ("#/assessment/check/change", Route::NotFound),
            ("#/assessment/change", Route::NotFound),
            ("#/assessment", Route::NotFound),
            ("#/nowhere", Route::NotFound),
            ("#/BENCHMARK", Route::NotFound),
        ];
        for (hash, expected) in cases {
            assert_eq!(Route::from_hash(hash), expected, "hash {hash:?}");
        }
    }

    #[test]
    fn every_invitation_link_opens_the_join_page() {
        use crate::model::invite::Invitation;
        let invitations = [
            Invitation::new("Team", "a", "", "", false).unwrap(),
            Invitation::new(
                "Round 2027 — Northshire / east?#x",
                "k3x9a0b7m2qz0000",
                "a+b@c.example",
                "2027-03-31",
                true,
            )
            .unwrap(),
        ];
        for inv in invitations {
            let fragment = inv.fragment();
            assert_eq!(Route::from_hash(&fragment), Route::Join, "{fragment}");
            let link = inv.link("https://a.example/sub/");
            let (_, hash) = link.split_once('#').unwrap();
            assert_eq!(Route::from_hash(hash), Route::Join);
            assert!(!Route::Join.in_questionnaire());
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
            ("#/assessment/example/change", false, false),
            ("#/assessment/about-you/change", false, false),
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
            // A colleague's first visit, but the whole app's: see `in_questionnaire`.
            ("#/join/1~abc~~0~~Team~0000000", false, false),
            ("#/send", false, false),
        ];
        for (hash, questionnaire, prefetch) in cases {
            let route = Route::from_hash(hash);
            assert_eq!(route.in_questionnaire(), questionnaire, "{hash}");
            assert_eq!(route.prefetches_app(), prefetch, "{hash}");
        }
    }

    #[test]
    fn the_results_build_has_the_pages_a_cold_visit_opens_to_read_figures() {
        let cases = [
            ("#/results", true),
            ("#/results/", true),
            ("#/compare", true),
            ("#/shared/eyJ2IjoxfQ", true),
            ("#/shared", true),
            ("#/benchmark", true),
            ("#/", false),
            ("#/assessment/example", false),
            ("#/assessment/check", false),
            ("#/assessment/example/change", false),
            ("#/assessments", false),
            ("#/group", false),
            ("#/join/1~abc~~0~~Team~0000000", false),
            ("#/send", false),
            ("#/privacy", false),
            ("#/accessibility", false),
            ("#/nowhere", false),
        ];
        for (hash, results) in cases {
            assert_eq!(Route::from_hash(hash).in_results(), results, "{hash}");
        }
        // One build per page: the boot script loads one, and a page in neither partial build is the
        // whole app's.
        for route in Route::all() {
            assert!(
                !(route.in_results() && route.in_questionnaire()),
                "{route:?}"
            );
        }
    }

    #[test]
    fn every_route_round_trips_through_its_href_and_has_a_title() {
        let all = Route::all();
        for route in &all {
            assert_eq!(Route::from_hash(&route.href()), *route, "{route:?}");
            assert!(
                route.href().starts_with("#/"),
                "links stay relative to the page"
            );
            assert!(route.title().ends_with("Collaboration Readiness"));
        }
        let hrefs: std::collections::BTreeSet<String> = all.iter().map(|r| r.href()).collect();
        assert_eq!(hrefs.len(), all.len(), "two routes share an address");
    }

    /// Which variant `route` is, numbered in the order [`Route`] declares them. The match has no
    /// wildcard on purpose: a new variant does not compile until it is numbered here (and
    /// [`VARIANTS`] counted up), and then the test below fails until [`Route::all`] has it.
    fn variant(route: Route) -> usize {
        match route {
            Route::Start => 0,
            Route::Question(_) => 1,
            Route::Change(_) => 2,
            Route::Check => 3,
            Route::Assessments => 4,
            Route::Privacy => 5,
            Route::Benchmark => 6,
            Route::Results => 7,
            Route::Compare => 8,
            Route::Shared => 9,
            Route::Group => 10,
            Route::Accessibility => 11,
            Route::NotFound => 12,
            Route::Join => 13,
            Route::Send => 14,
        }
    }

    /// The number of arms of [`variant`].
    const VARIANTS: usize = 15;

    #[test]
    fn all_has_every_variant_and_every_page_of_questions_in_both_forms() {
        let all = Route::all();
        let mut variants: Vec<usize> = all.iter().map(|&r| variant(r)).collect();
        variants.sort_unstable();
        variants.dedup();
        // Every variant but "page not found", which has no address of its own.
        let expected: Vec<usize> = (0..VARIANTS)
            .filter(|&v| v != variant(Route::NotFound))
            .collect();
        assert_eq!(variants, expected, "Route::all() misses a variant");
        for step in Step::all() {
            assert!(all.contains(&Route::Question(step)), "{step:?}");
            assert!(all.contains(&Route::Change(step)), "{step:?} changed");
        }
    }

    #[test]
    fn defect_26_continue_leads_to_the_results_once_finished_else_the_first_unanswered_page() {
        let stored = stored_book();
        let fresh = with(
            &Book::default(),
            Action::Create {
                id: "new".into(),
                name: "New".into(),
                now: "2026-12-01T09:00:00Z".into(),
            },
        );
        // The finished assessment after a change that makes it incomplete again (q1 no → yes asks
        // about the example).
        let reopened = with(&stored, answer(FINISHED, Field::Q1, "yes"));
        // The unfinished one with every required answer given, not yet finished.
        let mut all_given = stored.clone();
        let mut complete = stored.get(FINISHED).unwrap().response.clone();
        complete.id = UNFINISHED.into();
        all_given.assessments[0].response = complete;
        let cases = [
            (&fresh, "new", Route::Question(Step::Example)),
            // Last on the involvement page, but the example's details still miss q5 and q6.
            (&stored, UNFINISHED, Route::Question(Step::ExampleDetails)),
            (&all_given, UNFINISHED, Route::Check),
            (&stored, FINISHED, Route::Results),
            (&reopened, FINISHED, Route::Question(Step::ExampleDetails)),
        ];
        for (book, id, expected) in cases {
            assert_eq!(Route::continuing(book.get(id).unwrap()), expected, "{id}");
        }
    }

    #[test]
    fn defect_03_start_questionnaire_opens_a_new_assessment_or_goes_on_with_the_open_one() {
        let stored = stored_book();
        let finished_open = with(
            &stored,
            Action::Open {
                id: FINISHED.into(),
            },
        );
        let none_open = with(
            &stored,
            Action::Delete {
                id: UNFINISHED.into(),
            },
        );
        let cases = [
            // A first visit: nothing stored, so a new assessment on its first question.
            (Book::default(), None),
            // Assessments kept, none open: a new one too.
            (none_open, None),
            (stored, Some(Route::Question(Step::ExampleDetails))),
            // A returning visitor who finished: their results, not q1 with "26 of 26".
            (finished_open, Some(Route::Results)),
        ];
        for (book, expected) in cases {
            assert_eq!(Route::questionnaire_visit(&book), expected, "{book:?}");
        }
    }

    #[test]
    fn defect_03_only_an_address_that_names_no_page_starts_on_the_questionnaire() {
        let cases = [
            (
                "?embed=1&start=questionnaire&accent=%2300703c&ns=team",
                "",
                true,
            ),
            ("?start=questionnaire", "#", true),
            ("start=questionnaire", "#/", true),
            ("?start=questionnaire", "#/results", false),
            ("?start=questionnaire", "#/assessment/example", false),
            ("?start=group", "", false),
            ("?start=questionnaires", "", false),
            ("?restart=questionnaire", "", false),
            ("", "", false),
        ];
        for (search, hash, expected) in cases {
            assert_eq!(
                asks_for_questionnaire(search, hash),
                expected,
                "{search} {hash}"
            );
        }
    }
}
