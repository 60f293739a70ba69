//! The 2018 survey's published figures: what a self-assessment or a group is compared with.
//!
//! Everything shown comes from `engine::benchmark::BENCHMARK_2018`, with the report's own caveat.

use leptos::prelude::*;

use crate::charts::{paired_share_bars, PairedShare};
use crate::engine::benchmark::{Figure, BENCHMARK_2018};
use crate::model::format::percent;
use crate::web::components::chart::ChartFigure;
use crate::web::components::table_scroll;

/// The six index categories' "at least somewhat" shares, as chart rows.
fn category_rows() -> Vec<PairedShare> {
    BENCHMARK_2018
        .factors
        .iter()
        .map(|f| PairedShare {
            label: f.factor.name().to_string(),
            importance: f.importance_at_least_somewhat,
            prevalence: f.prevalence_at_least_somewhat,
        })
        .collect()
}

/// One or two sentences that say what the chart shows, computed from the same figures.
fn summary(rows: &[PairedShare]) -> String {
    let widest = rows
        .iter()
        .max_by(|a, b| (a.importance - a.prevalence).total_cmp(&(b.importance - b.prevalence)))
        .expect("six categories");
    let most = rows
        .iter()
        .max_by(|a, b| a.importance.total_cmp(&b.importance))
        .expect("six categories");
    let overall = if rows.iter().all(|r| r.importance > r.prevalence) {
        "Every category was rated at least somewhat important by more respondents than found it at least \
         somewhat prevalent in their organisation. "
    } else {
        ""
    };
    format!(
        "{overall}{} was seen as important by the most ({}%); the widest difference is for {} ({}% \
         important, {}% prevalent).",
        most.label,
        percent(most.importance),
        widest.label,
        percent(widest.importance),
        percent(widest.prevalence),
    )
}

fn score(figure: Figure) -> String {
    BENCHMARK_2018
        .figure(figure)
        .map(|f| crate::model::format::score(f.value))
        .unwrap_or_default()
}

/// What the 2018 survey found, with a chart, its data table and the report's caveat.
#[component]
pub fn BenchmarkPage() -> impl IntoView {
    let rows = category_rows();
    let chart = paired_share_bars(
        "Share of 2018 respondents answering at least somewhat",
        &rows,
    );
    let table_rows = BENCHMARK_2018
        .factors
        .iter()
        .map(|f| {
            view! {
                <tr>
                    <th scope="row">{f.factor.name()}</th>
                    <td class="num">{format!("{}%", percent(f.importance_at_least_somewhat))}</td>
                    <td class="num">{format!("{}%", percent(f.prevalence_at_least_somewhat))}</td>
                    <td>{f.source}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h1 tabindex="-1">"What the 2018 survey found"</h1>
        <p class="lead">
            "Between December 2017 and February 2018, "{BENCHMARK_2018.n}" respondents, most of them "
            "chief executives and directors in the public, private and third sectors, answered the questions "
            "this self-assessment asks."
        </p>
        <div class="notice" role="note">
            <p>
                <strong>"Read these figures with care. "</strong>
                "They come from "{BENCHMARK_2018.n}" respondents who chose to answer a survey about collaboration. "
                "The report itself says they represent people most interested in collaboration, and that the real "
                "state of readiness is likely to be overstated by its data (section 2.3)."
            </p>
        </div>
        <h2>"Importance and prevalence of the six categories"</h2>
        <ChartFigure
            id="benchmark-categories"
            label="Bar chart: share of the 2018 respondents rating each category at least somewhat important, and at least somewhat prevalent in their organisation".to_string()
            summary=summary(&rows)
            chart=chart
            height=380
        >
            {table_scroll("Share of 2018 respondents answering at least somewhat, by category", view! {
                <table>
                    <caption>"Share of 2018 respondents answering at least somewhat, by category ("{BENCHMARK_2018.n}" respondents)"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Category"</th>
                            <th scope="col" class="num">"Importance"</th>
                            <th scope="col" class="num">"Prevalence"</th>
                            <th scope="col">"Report section"</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            })}
        </ChartFigure>
        <h2>"Average scores"</h2>
        <p>"On a scale from 0 (not at all) to 3 (a great deal), the report gives these averages (section 2.3):"</p>
        {table_scroll("Average scores in the 2018 survey", view! {
            <table>
                <caption>"Average scores in the 2018 survey, 0 to 3"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Average over"</th>
                        <th scope="col" class="num">"Importance"</th>
                        <th scope="col" class="num">"Prevalence"</th>
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <th scope="row">"The six categories of the index"</th>
                        <td class="num">{score(Figure::AverageImportance6)}</td>
                        <td class="num">{score(Figure::AveragePrevalence6)}</td>
                    </tr>
                    <tr>
                        <th scope="row">"All eight factors, with urgency and requirements"</th>
                        <td class="num">{score(Figure::AverageImportance8)}</td>
                        <td class="num">{score(Figure::AveragePrevalence8)}</td>
                    </tr>
                </tbody>
            </table>
        })}
        <p class="caveat">"Source: "{BENCHMARK_2018.source}"."</p>
    }
}
