//! The app's routes and how they are written in the URL.
//!
//! Routing uses the URL fragment (`#/results`), not the path: the same `dist/` then works at `/`, under
//! a sub-path such as `/collaboration-readiness/` on GitHub Pages, inside an iframe and from a plain
//! static server, and a reload on any route loads `index.html` without any rewrite rule on the host.
//! This module is pure (no browser crate) so that parsing and printing are tested natively.

/// A screen of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The start page: what the self-assessment is and how answers are kept.
    Start,
    /// The 2018 survey's published figures, with a chart.
    Benchmark,
    /// Any fragment the app does not know; shown as "page not found" with a way back.
    NotFound,
}

impl Route {
    /// Every route the app can show, for navigation and tests.
    pub const ALL: [Route; 2] = [Route::Start, Route::Benchmark];

    /// Reads a route from `location.hash` (with or without the leading `#`).
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '#']).next().unwrap_or("").trim_end_matches('/');
        match path {
            "" => Route::Start,
            "benchmark" => Route::Benchmark,
            _ => Route::NotFound,
        }
    }

    /// The `href` of a link to this route: relative to the page, so it works under any sub-path.
    pub fn href(self) -> &'static str {
        match self {
            Route::Start | Route::NotFound => "#/",
            Route::Benchmark => "#/benchmark",
        }
    }

    /// The document title for this route.
    pub fn title(self) -> &'static str {
        match self {
            Route::Start => "Collaboration Readiness",
            Route::Benchmark => "The 2018 survey – Collaboration Readiness",
            Route::NotFound => "Page not found – Collaboration Readiness",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

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
            ("#/nowhere", Route::NotFound),
            ("#/BENCHMARK", Route::NotFound),
        ];
        for (hash, expected) in cases {
            assert_eq!(Route::from_hash(hash), expected, "hash {hash:?}");
        }
    }

    #[test]
    fn every_route_round_trips_through_its_href() {
        for route in Route::ALL {
            assert_eq!(Route::from_hash(route.href()), route);
            assert!(route.href().starts_with('#'), "links stay relative to the page");
        }
    }
}
