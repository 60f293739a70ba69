//! The answers beside the 2018 survey, with its caveat.

use leptos::prelude::*;

use super::section_heading;
use crate::engine::benchmark::{compare_response, BENCHMARK_2018};
use crate::engine::response::Response;
use crate::engine::scoring::ResponseScore;
use crate::model::format::{score as two, share as percent_of};
use crate::model::results::{
    benchmark_answer, benchmark_caption, benchmark_column, Reader, SectionKind,
};
use crate::web::components::table_scroll;

/// How the answers compare with the 2018 survey, with its caveat.
#[component]
pub(super) fn BenchmarkSection(
    score: ResponseScore,
    response: Response,
    reader: Reader,
) -> impl IntoView {
    let rows = compare_response(&response, &score);
    view! {
        {section_heading(SectionKind::Benchmark, reader)}
        <div class="notice" role="note">
            <p>
                {format!("The 2018 figures come from {} people who answered the same questions between December 2017 and \
                    February 2018. They chose to take part in a survey about collaboration, so they are likely to be more \
                    interested in it than most; the report itself says readiness is likely to be overstated by its data.", BENCHMARK_2018.n)}
            </p>
        </div>
        {table_scroll(benchmark_caption(reader), view! {
            <table id="benchmark-table" class="stack-table" role="table">
                <caption>{benchmark_caption(reader)}</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">"Figure"</th>
                        <th scope="col" role="columnheader" class="num">"2018 survey"</th>
                        <th scope="col" role="columnheader">{benchmark_column(reader)}</th>
                        <th scope="col" role="columnheader">"Report section"</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    {rows.into_iter().map(|r| {
                        let benchmark = if r.is_score { two(r.benchmark) } else { percent_of(Some(r.benchmark)) };
                        let answer = benchmark_answer(reader, r.score, r.in_group);
                        view! {
                            <tr role="row">
                                <th scope="row" role="rowheader">{r.label}</th>
                                <td class="num" role="cell" data-label="2018 survey">{benchmark}</td>
                                <td role="cell" data-label=benchmark_column(reader)>{answer}</td>
                                <td role="cell" data-label="Report section">{r.source}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}
