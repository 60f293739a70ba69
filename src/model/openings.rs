//! The openings: the heading and first lines of the pages a cold visit opens on to read, which are
//! the same for every visitor (a share link, the 2018 survey, the group report, and the heading and
//! introduction of a person's own results, whose figures follow once the app runs). Each is one HTML
//! file in `public/openings/`, used twice: `scripts/postbuild.mjs` puts it in `index.html`, where the
//! boot script shows the one for the page's address, so that it is read from the first paint rather
//! than after the app's WebAssembly (up to 650 KB) has arrived; and the page itself draws the same
//! file once the app runs, so that the two cannot say different things.
//!
//! An opening is written by us, not built from anything a person entered: it is set as HTML.

use crate::model::routes::Route;

/// The group report's heading and introduction.
pub const GROUP: &str = include_str!("../../public/openings/group.html");
/// A share link's heading and what it is.
pub const SHARED: &str = include_str!("../../public/openings/shared.html");
/// The own results' heading and what they hold (the assessment's name and date come after it, from
/// storage, once the app runs).
pub const RESULTS: &str = include_str!("../../public/openings/results.html");
/// The 2018 survey's heading, who answered it, and the report's own caution about its figures.
pub const BENCHMARK: &str = include_str!("../../public/openings/benchmark.html");

/// The opening of a route's page, by its file's name in `public/openings/` (`group` for
/// `group.html`); the boot script's `openingFor` reads the address the same way
/// (`scripts/boot.test.mjs` checks it against this for every route).
pub fn opening(route: Route) -> Option<(&'static str, &'static str)> {
    match route {
        Route::Group => Some(("group", GROUP)),
        Route::Results => Some(("results", RESULTS)),
        Route::Shared => Some(("shared", SHARED)),
        Route::Benchmark => Some(("benchmark", BENCHMARK)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::benchmark::BENCHMARK_2018;
    use crate::model::results::{page_subtitle, Reader};

    /// The text of the first element named `tag` in `html`, without its tags.
    fn text_of<'a>(html: &'a str, tag: &str) -> &'a str {
        let open = html
            .find(&format!("<{tag}"))
            .unwrap_or_else(|| panic!("no <{tag}>"));
        let start = open + html[open..].find('>').expect("tag closed") + 1;
        let end = start
            + html[start..]
                .find(&format!("</{tag}>"))
                .unwrap_or_else(|| panic!("<{tag}> not closed"));
        &html[start..end]
    }

    #[test]
    fn every_route_with_an_opening_has_its_file_and_only_those_do() {
        let with: Vec<_> = Route::all().into_iter().filter_map(opening).collect();
        let names: Vec<_> = with.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["benchmark", "results", "shared", "group"]);
        let files: std::collections::BTreeSet<_> = std::fs::read_dir("public/openings")
            .expect("public/openings")
            .map(|e| e.expect("entry").file_name().into_string().expect("UTF-8"))
            .collect();
        let expected: std::collections::BTreeSet<_> =
            names.iter().map(|n| format!("{n}.html")).collect();
        assert_eq!(files, expected, "a file in public/openings no route shows");
    }

    #[test]
    fn each_opening_starts_with_the_page_heading_that_takes_focus() {
        for (route, heading) in [
            (Route::Group, "Group report"),
            (Route::Results, "Your results"),
            (Route::Shared, "Shared results"),
            (Route::Benchmark, "What the 2018 survey found"),
        ] {
            let (_, html) = opening(route).expect("an opening");
            assert!(
                html.starts_with("<h1 tabindex=\"-1\">"),
                "{route:?}: the shell moves focus to `main h1` on a change of page"
            );
            assert_eq!(text_of(html, "h1"), heading, "{route:?}");
            assert_eq!(html.matches("<h1").count(), 1, "{route:?}: one heading");
        }
    }

    #[test]
    fn the_openings_say_what_the_pages_said() {
        assert_eq!(
            text_of(SHARED, "p"),
            page_subtitle(Reader::Shared, "any name", None)
        );
        let n = BENCHMARK_2018.n.to_string();
        assert_eq!(
            BENCHMARK.matches(&format!(" {n} respondents")).count(),
            2,
            "the 2018 survey's number of respondents, twice"
        );
    }

    /// Only plain markup: postbuild puts the files in the page before the Content-Security-Policy
    /// could be of help to a script or a style in them, and the app sets them as HTML.
    #[test]
    fn the_openings_are_plain_markup() {
        for (name, html) in Route::all().into_iter().filter_map(opening) {
            let lower = html.to_ascii_lowercase();
            for hostile in [
                "<script",
                "<style",
                "<link",
                "<img",
                "<iframe",
                "style=",
                "href=",
                "src=",
                "javascript:",
                "<!--",
            ] {
                assert!(!lower.contains(hostile), "{name}: {hostile}");
            }
            assert!(
                !lower
                    .split(['<', ' '])
                    .any(|w| w.starts_with("on") && w.contains('=')),
                "{name}: an event handler attribute"
            );
            assert_eq!(
                html.matches('<').count(),
                html.matches('>').count(),
                "{name}"
            );
        }
    }
}
