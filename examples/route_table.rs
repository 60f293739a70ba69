//! Prints the app's route table as JSON: for every route a link can lead to (`Route::all()`) and
//! for each fragment given as an argument, the fragment, the route it reads as and whether the
//! questionnaire build shows it (`Route::in_questionnaire`), whether the results build does
//! (`Route::in_results`), and the name of its opening (`model::openings::opening`). For the test
//! that the page's boot script (public/boot.js) loads the same build and shows the same opening
//! (scripts/boot.test.mjs).
//!
//! ```text
//! cargo run --example route_table -- '#//assessment/example' '#/nowhere'
//! ```

use serde::Serialize;

use collaboration_readiness::model::openings::opening;
use collaboration_readiness::model::routes::Route;

#[derive(Serialize)]
struct Row {
    hash: String,
    route: String,
    questionnaire: bool,
    results: bool,
    opening: Option<&'static str>,
}

fn main() {
    let hashes = Route::all()
        .into_iter()
        .map(Route::href)
        .chain(std::env::args().skip(1));
    let rows: Vec<Row> = hashes
        .map(|hash| {
            let route = Route::from_hash(&hash);
            Row {
                route: format!("{route:?}"),
                questionnaire: route.in_questionnaire(),
                results: route.in_results(),
                opening: opening(route).map(|(name, _)| name),
                hash,
            }
        })
        .collect();
    println!(
        "{}",
        serde_json::to_string_pretty(&rows).expect("the table is plain data")
    );
}
