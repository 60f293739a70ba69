//! The group report itself (`instrument.md` §3 "Many responses"): who answered, the headline shares,
//! each factor's distribution, means and gaps, the profile charts, the cross-tabs, where the group
//! disagrees, and the comparison with the 2018 survey.
//!
//! A view over one [`GroupReport`]: every number comes from the engine and is printed by
//! [`crate::model::format`]; every chart is a [`ChartFigure`] with its summary and data table. Text
//! from responses never reaches this page (the report holds only counts and statistics).

use leptos::prelude::*;

use crate::charts::group::{
    compare_summary, crosstab_series, crosstab_summary, distribution_bars, distribution_summary,
    distributions, engagement_steps, gap_bars, gap_summary, gaps, grouped_bars, mean_lines,
    mean_points, means_summary, GroupedSeries,
};
use crate::charts::profile::{radar, scatter, scatter_summary};
use crate::engine::aggregate::{Breakdown, GroupReport, GroupStatistics, RatingStats};
use crate::engine::benchmark::{compare_group, Figure, BENCHMARK_2018};
use crate::engine::instrument::{Area, Choice, Engagement, Factor, Measure, Region, Role, Sector};
use crate::model::format::{
    self, count, mean, plural, points_between, score_difference, share, spread,
};
use crate::model::groups::tables::{
    headline_rows, is_divided, key_figures, success_column_name, DIVIDED_AT,
};
use crate::model::groups::{partial_text, withheld_notice, Partial};
use crate::web::components::chart::ChartFigure;
use crate::web::components::table_scroll;

/// A table whose first column names each row; every other cell is right-aligned text.
fn table(caption: String, headers: &[&str], rows: Vec<(String, Vec<String>)>) -> impl IntoView {
    let head = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let class = if i == 0 { "" } else { "num" };
            view! { <th scope="col" class=class>{h.to_string()}</th> }
        })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|(name, cells)| {
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    {cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    table_scroll(
        caption.clone(),
        view! {
            <table>
                <caption>{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        },
    )
}

fn withheld_text(min: usize) -> String {
    format!("withheld (fewer than {min})")
}

fn benchmark_share(figure: Figure) -> String {
    BENCHMARK_2018
        .figure(figure)
        .map(|f| {
            if figure.is_score() {
                crate::model::format::score(f.value)
            } else {
                share(Some(f.value))
            }
        })
        .unwrap_or_else(|| "not published".into())
}

/// The report, or why it is withheld. `partial`: the partial responses among those the filter keeps,
/// and whether the report counts them.
pub fn report_view(report: &GroupReport, partial: (u64, Partial)) -> AnyView {
    let (partial_n, partial_choice) = partial;
    let min = report.min_group_size;
    let filtered = (report.n_filtered_out > 0).then(|| {
        format!(
            " {} left out by the filter.",
            plural(report.n_filtered_out, "response is", "responses are")
        )
    });
    let size = view! {
        <p class="report-size">
            <strong>{format!("This report covers {}.", plural(report.n_responses, "response", "responses"))}</strong>
            {filtered}
            {partial_text(partial_n, partial_choice)}
            {format!(" Breakdowns with fewer than {min} respondents are withheld, so that no one can be singled out.")}
        </p>
    };
    let Some(s) = &report.statistics else {
        let left_out = if partial_choice == Partial::LeaveOut {
            partial_n
        } else {
            0
        };
        let reason = withheld_notice(report, left_out);
        return view! {
            {size}
            <div class="notice" role="note"><p>{reason}</p></div>
        }
        .into_any();
    };
    view! {
        {size}
        {sample_section(s, min)}
        {headline_section(s)}
        {factor_section(s)}
        {profile_section(s)}
        {engagement_section(s, min)}
        {role_section(s, min)}
        {spread_section(s)}
        {benchmark_section(report)}
    }
    .into_any()
}

fn breakdown_rows(
    b: &Breakdown,
    options: &[crate::engine::instrument::AnswerOption],
    min: usize,
    benchmark: Option<&dyn Fn(usize) -> String>,
) -> Vec<(String, Vec<String>)> {
    b.items
        .iter()
        .zip(options)
        .enumerate()
        .map(|(i, (item, option))| {
            let mut cells = match item.count {
                Some(c) => vec![count(c), share(item.share)],
                None => vec![withheld_text(min), withheld_text(min)],
            };
            if let Some(bench) = benchmark {
                cells.push(bench(i));
            }
            (option.label.to_string(), cells)
        })
        .collect()
}

fn sample_section(s: &GroupStatistics, min: usize) -> impl IntoView {
    let sm = &s.sample;
    let role_bench = |i: usize| benchmark_share(Figure::Role(Role::ALL[i]));
    let sector_bench = |i: usize| benchmark_share(Figure::Sector(Sector::ALL[i]));
    view! {
        <section aria-labelledby="sample-heading">
            <h2 id="sample-heading">"Who answered"</h2>
            <p>"Shares are of the respondents who answered each question. Several areas and regions can be chosen, so those shares add up to more than 100%."</p>
            {table(
                format!("Role (q15), {} answered", count(sm.role.answered)),
                &["Role", "Respondents", "Share", "2018 survey"],
                breakdown_rows(&sm.role, Role::OPTIONS, min, Some(&role_bench)),
            )}
            {table(
                format!("Sector (q16), {} answered", count(sm.sector.answered)),
                &["Sector", "Respondents", "Share", "2018 survey"],
                breakdown_rows(&sm.sector, Sector::OPTIONS, min, Some(&sector_bench)),
            )}
            {table(
                format!("Area of work (q17), {} answered", count(sm.areas.answered)),
                &["Area", "Respondents", "Share"],
                breakdown_rows(&sm.areas, Area::OPTIONS, min, None),
            )}
            {table(
                format!("Region (q18), {} answered", count(sm.regions.answered)),
                &["Region", "Respondents", "Share"],
                breakdown_rows(&sm.regions, Region::OPTIONS, min, None),
            )}
        </section>
    }
}

fn headline_section(s: &GroupStatistics) -> impl IntoView {
    let rows = headline_rows(&s.headline)
        .into_iter()
        .map(|(figure, sh)| {
            (
                figure.label(),
                vec![share(sh.value()), count(sh.of), benchmark_share(figure)],
            )
        })
        .collect();
    view! {
        <section aria-labelledby="headline-heading">
            <h2 id="headline-heading">"Headline figures"</h2>
            <p>"Each share is of the people who answered that question (n). Questions about a recent project (q3 to q6) count only those who had one (q1 = yes)."</p>
            {table(
                "Headline shares".to_string(),
                &["Figure", "This group", "n", "2018 survey"],
                rows,
            )}
        </section>
    }
}

fn distribution_figure(s: &GroupStatistics, measure: Measure) -> impl IntoView {
    let rows = distributions(s, measure);
    let (id, word) = match measure {
        Measure::Importance => ("group-importance-distribution", "importance"),
        Measure::Prevalence => ("group-prevalence-distribution", "prevalence"),
    };
    let table_rows = s
        .factors
        .iter()
        .map(|f| {
            let r = f.measure(measure);
            (
                f.factor.name().to_string(),
                vec![
                    count(r.n),
                    share(r.share_little_or_none),
                    share(r.share_somewhat),
                    share(r.share_great_deal),
                    count(r.n_na),
                ],
            )
        })
        .collect();
    view! {
        <ChartFigure
            id=id
            label=format!("Stacked bar chart: how the group rated the {word} of each factor")
            summary=distribution_summary(&rows, measure)
            chart=distribution_bars(&rows)
            height=400
        >
            {table(
                format!("Answers on {word}, share of scored answers per factor"),
                &["Factor", "n", "A little or not at all", "Somewhat", "A great deal", "Not applicable"],
                table_rows,
            )}
        </ChartFigure>
    }
}

fn factor_section(s: &GroupStatistics) -> impl IntoView {
    let rows = s
        .factors
        .iter()
        .map(|f| {
            (
                f.factor.name().to_string(),
                vec![
                    count(f.importance.n),
                    mean(f.importance.mean),
                    share(f.importance.share_at_least_somewhat),
                    count(f.prevalence.n),
                    mean(f.prevalence.mean),
                    share(f.prevalence.share_at_least_somewhat),
                    points_between(f.prevalence.share_great_deal, f.importance.share_great_deal),
                ],
            )
        })
        .collect();
    let averages = vec![
        (
            "The six categories of the index".to_string(),
            vec![
                mean(s.average_importance_6),
                mean(s.average_prevalence_6),
                benchmark_share(Figure::AverageImportance6),
                benchmark_share(Figure::AveragePrevalence6),
            ],
        ),
        (
            "All eight factors, with urgency and requirements".to_string(),
            vec![
                mean(s.average_importance_8),
                mean(s.average_prevalence_8),
                benchmark_share(Figure::AverageImportance8),
                benchmark_share(Figure::AveragePrevalence8),
            ],
        ),
    ];
    let gap_rows = gaps(s);
    let gap_table = gap_rows
        .iter()
        .map(|g| {
            let f = s.factor(g.factor);
            (
                g.factor.name().to_string(),
                vec![
                    share(f.importance.share_great_deal),
                    share(f.prevalence.share_great_deal),
                    points_between(f.prevalence.share_great_deal, f.importance.share_great_deal),
                ],
            )
        })
        .collect();
    view! {
        <section aria-labelledby="factors-heading">
            <h2 id="factors-heading">"Importance and prevalence of each factor"</h2>
            <p>
                "Scores run from 0 (not at all) to 3 (a great deal). “Not applicable” answers are left out of every mean "
                "and share. The great-deal gap is the share rating a factor important a great deal minus the share "
                "finding it prevalent a great deal in their organisation (section 2.3 of the report)."
            </p>
            {table(
                "Means, shares and great-deal gap per factor".to_string(),
                &[
                    "Factor", "Importance n", "Mean importance", "Importance at least somewhat",
                    "Prevalence n", "Mean prevalence", "Prevalence at least somewhat", "Great-deal gap",
                ],
                rows,
            )}
            <h3>"Average scores"</h3>
            {table(
                "Average of the factors' mean scores, 0 to 3".to_string(),
                &["Average over", "Importance", "Prevalence", "2018 importance", "2018 prevalence"],
                averages,
            )}
            <h3>"How the group answered"</h3>
            {distribution_figure(s, Measure::Importance)}
            {distribution_figure(s, Measure::Prevalence)}
            <h3>"Great-deal gap"</h3>
            <ChartFigure
                id="group-gap"
                label="Bar chart: great-deal gap per factor, in percentage points".to_string()
                summary=gap_summary(&gap_rows)
                chart=gap_bars(&gap_rows)
                height=360
            >
                {table(
                    "Great-deal gap per factor".to_string(),
                    &["Factor", "Importance a great deal", "Prevalence a great deal", "Gap"],
                    gap_table,
                )}
            </ChartFigure>
        </section>
    }
}

fn means_table(s: &GroupStatistics, factors: &[Factor], caption: &str) -> impl IntoView {
    let rows = factors
        .iter()
        .map(|f| {
            let st = s.factor(*f);
            (
                f.name().to_string(),
                vec![
                    mean(st.importance.mean),
                    count(st.importance.n),
                    mean(st.prevalence.mean),
                    count(st.prevalence.n),
                ],
            )
        })
        .collect();
    table(
        caption.to_string(),
        &[
            "Factor",
            "Mean importance",
            "Importance n",
            "Mean prevalence",
            "Prevalence n",
        ],
        rows,
    )
}

fn profile_section(s: &GroupStatistics) -> impl IntoView {
    let points = mean_points(s);
    let six_table = means_table(
        s,
        &Factor::INDEX_CATEGORIES,
        "Mean scores of the six categories, 0 to 3",
    );
    let eight_table = means_table(
        s,
        &Factor::ALL,
        "Mean importance and prevalence of the eight factors, 0 to 3",
    );
    view! {
        <section aria-labelledby="profile-heading">
            <h2 id="profile-heading">"The group's profile"</h2>
            <ChartFigure
                id="group-radar"
                label="Radar chart: the group's mean importance and mean prevalence of the six categories, 0 to 3".to_string()
                summary=means_summary(s)
                chart=radar(&mean_lines(s, "", false))
                height=420
            >
                {six_table}
            </ChartFigure>
            <ChartFigure
                id="group-scatter"
                label="Scatter chart: each factor's mean importance against its mean prevalence, with the diagonal where they match".to_string()
                summary=scatter_summary(&points)
                chart=scatter(&points)
                height=420
            >
                {eight_table}
            </ChartFigure>
        </section>
    }
}

fn crosstab_table(
    caption: String,
    series: &[GroupedSeries],
    tab: &crate::engine::aggregate::CrossTab,
    min: usize,
) -> impl IntoView {
    let mut headers = vec!["Engagement step".to_string()];
    headers.extend(
        series
            .iter()
            .zip(&tab.columns)
            .map(|(s, c)| match c.counts {
                Some(_) => format!("{} (n = {})", s.name, count(c.n)),
                None => s.name.clone(),
            }),
    );
    let rows = Engagement::STEPS
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let cells = tab
                .columns
                .iter()
                .map(|c| match c.counts {
                    Some(counts) => format!(
                        "{} ({})",
                        count(counts[i]),
                        share((c.n > 0).then(|| counts[i] as f64 / c.n as f64))
                    ),
                    None => withheld_text(min),
                })
                .collect();
            (step.label().to_string(), cells)
        })
        .collect();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    table(caption, &headers, rows)
}

fn engagement_section(s: &GroupStatistics, min: usize) -> impl IntoView {
    let success = crosstab_series(&s.engagement_by_success, |k| success_column_name(k).into());
    let sector_name =
        |k: &str| Sector::from_code(k).map_or_else(|| k.to_string(), |s| s.label().to_string());
    let sector = crosstab_series(&s.engagement_by_sector, sector_name);
    let steps = engagement_steps();
    let success_table = crosstab_table(
        "Engagement step by success of the project (q10 × q6)".into(),
        &success,
        &s.engagement_by_success,
        min,
    );
    let sector_table = crosstab_table(
        "Engagement step by sector (q10 × q16)".into(),
        &sector,
        &s.engagement_by_sector,
        min,
    );
    view! {
        <section aria-labelledby="engagement-heading">
            <h2 id="engagement-heading">"Citizen engagement"</h2>
            <p>
                "How far the public and service users are involved (q10), on the five-step ladder from INFORM to "
                "EMPOWER, by how successful the respondent's project was (q6) and by sector (q16). Shares are of each "
                "column's respondents; “not applicable” answers are left out."
            </p>
            <ChartFigure
                id="group-engagement-success"
                label="Grouped bar chart: engagement step by success of the project".to_string()
                summary=crosstab_summary(&success)
                chart=grouped_bars(&steps, &success)
                height=380
            >
                {success_table}
            </ChartFigure>
            <ChartFigure
                id="group-engagement-sector"
                label="Grouped bar chart: engagement step by sector".to_string()
                summary=crosstab_summary(&sector)
                chart=grouped_bars(&steps, &sector)
                height=380
            >
                {sector_table}
            </ChartFigure>
        </section>
    }
}

fn role_section(s: &GroupStatistics, min: usize) -> impl IntoView {
    let categories = vec![
        "Little or no value or incentive (q11)".to_string(),
        "Little or no tools (q12)".to_string(),
    ];
    let series: Vec<GroupedSeries> = s
        .role_groups
        .iter()
        .map(|g| GroupedSeries {
            name: g.group.name().to_string(),
            values: match &g.stats {
                Some(st) => vec![
                    st.q11
                        .share_little_or_none
                        .map(crate::model::format::percent),
                    st.q12
                        .share_little_or_none
                        .map(crate::model::format::percent),
                ],
                None => vec![None, None],
            },
        })
        .collect();
    let summary = {
        let parts: Vec<String> = s
            .role_groups
            .iter()
            .map(|g| match &g.stats {
                Some(st) => format!(
                    "{}: {} say their organisation gives little or no value or incentive to collaborate, {} little or no tools",
                    g.group.name(),
                    share(st.q11.share_little_or_none),
                    share(st.q12.share_little_or_none)
                ),
                None => format!("{}: withheld (fewer than {min} respondents)", g.group.name()),
            })
            .collect();
        format!("{}.", parts.join("; "))
    };
    let rows = s
        .role_groups
        .iter()
        .map(|g| {
            let cells = match &g.stats {
                Some(st) => vec![
                    count(st.n),
                    share(st.q11.share_little_or_none),
                    mean(st.q11.mean),
                    share(st.q12.share_little_or_none),
                    mean(st.q12.mean),
                ],
                None => vec![withheld_text(min); 5],
            };
            (g.group.name().to_string(), cells)
        })
        .collect();
    view! {
        <section aria-labelledby="roles-heading">
            <h2 id="roles-heading">"Chief executives and everyone else"</h2>
            <p>"The report compares chief and deputy chief executives with everyone else on incentives (q11) and tools (q12)."</p>
            <ChartFigure
                id="group-role-groups"
                label="Grouped bar chart: share saying little or no incentive and little or no tools, by role group".to_string()
                summary=summary
                chart=grouped_bars(&categories, &series)
                height=340
            >
                {table(
                    "Incentives and tools by role group".to_string(),
                    &["Role group", "n", "q11 little or none", "q11 mean", "q12 little or none", "q12 mean"],
                    rows,
                )}
            </ChartFigure>
        </section>
    }
}

fn spread_cells(r: &RatingStats) -> [String; 2] {
    [spread(r.sd), spread(r.disagreement)]
}

fn spread_section(s: &GroupStatistics) -> impl IntoView {
    let divided: Vec<String> = s
        .factors
        .iter()
        .flat_map(|f| {
            Measure::ALL
                .iter()
                .filter(|m| is_divided(f.measure(**m)))
                .map(|m| format!("{} ({})", f.factor.name(), m.id()))
                .collect::<Vec<_>>()
        })
        .collect();
    let finding = if divided.is_empty() {
        "The group broadly agrees on every factor: no rating is divided.".to_string()
    } else {
        format!(
            "The group does not agree on: {}. Talk these through before acting on their means.",
            divided.join(", ")
        )
    };
    let rows = s
        .factors
        .iter()
        .map(|f| {
            let [isd, idis] = spread_cells(&f.importance);
            let [psd, pdis] = spread_cells(&f.prevalence);
            let flag = match (is_divided(&f.importance), is_divided(&f.prevalence)) {
                (true, true) => "Divided on both",
                (true, false) => "Divided on importance",
                (false, true) => "Divided on prevalence",
                (false, false) => "Broadly agree",
            };
            (
                f.factor.name().to_string(),
                vec![isd, idis, psd, pdis, flag.to_string()],
            )
        })
        .collect();
    view! {
        <section aria-labelledby="spread-heading">
            <h2 id="spread-heading">"Where the group does not agree"</h2>
            <p>
                "A mean can hide a split group. The standard deviation is the usual spread of the scores; disagreement "
                "runs from 0 (everyone gave the same answer) to 1 (half said “not at all”, half “a great deal”). "
                {format!("A rating is marked divided from {DIVIDED_AT:.1}: answers spread about as widely as an even split over all four options, or wider.")}
            </p>
            <p class="finding"><strong>{finding}</strong></p>
            {table(
                "Spread and disagreement per factor".to_string(),
                &[
                    "Factor", "Importance standard deviation", "Importance disagreement",
                    "Prevalence standard deviation", "Prevalence disagreement", "Agreement",
                ],
                rows,
            )}
        </section>
    }
}

/// The report's caveat about its own sample, with n and date.
pub fn benchmark_caveat() -> impl IntoView {
    view! {
        <div class="notice" role="note">
            <p>
                <strong>"About the 2018 figures: "</strong>
                {format!(
                    "{} respondents, fieldwork December 2017 to February 2018, published June 2018 ({}). ",
                    BENCHMARK_2018.n, BENCHMARK_2018.source
                )}
                "They chose to answer a survey about collaboration, so they are likely to be the people most "
                "interested in it: the report itself says readiness is likely overstated by its data (section 2.3). "
                "Only figures the report printed are compared."
            </p>
        </div>
    }
}

fn benchmark_section(report: &GroupReport) -> impl IntoView {
    let comparison = compare_group(report);
    let rows = comparison
        .figures
        .iter()
        .map(|c| {
            let (value, bench, diff) = if c.is_score {
                (
                    mean(c.value),
                    crate::model::format::score(c.benchmark),
                    score_difference(c.difference),
                )
            } else {
                (
                    share(c.value),
                    share(Some(c.benchmark)),
                    points_between(Some(c.benchmark), c.value),
                )
            };
            (
                c.label.clone(),
                vec![value, bench, diff, c.source.to_string()],
            )
        })
        .collect();
    let findings = comparison
        .findings
        .iter()
        .map(|f| {
            (
                f.label.to_string(),
                vec![
                    f.group
                        .map_or_else(|| format::NO_ANSWERS.to_string(), |g| g.name().to_string()),
                    f.benchmark.name().to_string(),
                    f.source.to_string(),
                ],
            )
        })
        .collect();
    view! {
        <section aria-labelledby="benchmark-heading">
            <h2 id="benchmark-heading">"Compared with the 2018 survey"</h2>
            {benchmark_caveat()}
            {table(
                format!("This group and the 2018 survey (n = {})", BENCHMARK_2018.n),
                &["Figure", "This group", "2018 survey", "Difference", "Report section"],
                rows,
            )}
            {table(
                "Which factor stands out".to_string(),
                &["Finding", "This group", "2018 survey", "Report section"],
                findings,
            )}
        </section>
    }
}

/// Two reports side by side: key figures and a radar of both groups' means.
pub fn comparison_view(
    first_name: &str,
    first: &GroupReport,
    second_name: &str,
    second: &GroupReport,
) -> AnyView {
    let a = key_figures(first);
    let b = key_figures(second);
    let rows: Vec<(String, Vec<String>)> = a
        .iter()
        .map(|fa| {
            let fb = b.iter().find(|fb| fb.label == fa.label);
            let (vb, diff) = match fb {
                Some(fb) => (fb.display(), fa.difference(fb)),
                None => ("withheld".to_string(), String::new()),
            };
            (fa.label.clone(), vec![fa.display(), vb, diff])
        })
        .collect();
    let first_col = format!("This group: {first_name}");
    let second_col = format!("Compared group: {second_name}");
    let headers = [
        "Figure",
        first_col.as_str(),
        second_col.as_str(),
        "Difference",
    ];
    let key_table = table("Key figures of both groups".to_string(), &headers, rows);
    let radar_view = match (&first.statistics, &second.statistics) {
        (Some(s1), Some(s2)) => {
            let mut lines = mean_lines(s1, "This group: ", false);
            lines.extend(mean_lines(s2, "Compared group: ", true));
            let rows = Factor::INDEX_CATEGORIES
                .iter()
                .map(|f| {
                    (
                        f.name().to_string(),
                        vec![
                            mean(s1.factor(*f).importance.mean),
                            mean(s2.factor(*f).importance.mean),
                            mean(s1.factor(*f).prevalence.mean),
                            mean(s2.factor(*f).prevalence.mean),
                        ],
                    )
                })
                .collect();
            view! {
                <ChartFigure
                    id="group-compare-radar"
                    label="Radar chart: mean importance and prevalence of the six categories in this group (solid) and the compared group (dashed)".to_string()
                    summary=compare_summary(s1, s2)
                    chart=radar(&lines)
                    height=440
                >
                    {table(
                        "Mean scores of the six categories in both groups, 0 to 3".to_string(),
                        &["Category", "Importance, this group", "Importance, compared group", "Prevalence, this group", "Prevalence, compared group"],
                        rows,
                    )}
                </ChartFigure>
            }
            .into_any()
        }
        _ => view! {
            <p>"One of the two reports is withheld (fewer responses than the minimum group size), so only their sizes are compared."</p>
        }
        .into_any(),
    };
    view! { {key_table} {radar_view} }.into_any()
}
