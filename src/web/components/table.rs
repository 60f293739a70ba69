//! The one way a data table is drawn: a [`Table`] from the model, in the keyboard-scrollable named box
//! ([`super::table_scroll`]), with its caption, header cells scoped to their column or row, figures
//! aligned right, and row groups under a heading that spans the table.
//!
//! A `stacked` table turns into one block per row on a narrow screen (style: `.stack-table`). The CSS
//! that does so removes the browser's table semantics, so the roles are written out, and every cell
//! carries its column's name (`data-label`) for the reader to see beside it.

use leptos::prelude::*;

use super::table_scroll;
use crate::model::table::{Column, Row, Table};

/// Draws `table`; `label` names the scrolling box (the caption when empty), `id` and `class` go on
/// the `<table>`.
#[component]
pub fn DataTable(
    table: Table,
    #[prop(optional)] stacked: bool,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] label: Option<String>,
    #[prop(optional)] class: Option<&'static str>,
) -> impl IntoView {
    let role = move |r: &'static str| stacked.then_some(r);
    let Table {
        caption,
        columns,
        groups,
        row_headers,
    } = table;
    let width = columns.len().to_string();
    let head = columns
        .iter()
        .map(|c| {
            view! {
                <th scope="col" role=role("columnheader") class=c.numeric.then_some("num")>
                    {c.header.clone()}
                </th>
            }
        })
        .collect_view();
    let body = groups
        .into_iter()
        .map(|group| {
            let heading = group.heading.map(|h| {
                view! {
                    <tr class="group-row" role=role("row")>
                        <th scope="rowgroup" role=role("rowheader") colspan=width.clone()>{h}</th>
                    </tr>
                }
            });
            let rows = group
                .rows
                .into_iter()
                .map(|row| table_row(row, &columns, stacked, row_headers))
                .collect_view();
            view! { <tbody role=role("rowgroup")>{heading}{rows}</tbody> }
        })
        .collect_view();
    let label = label.unwrap_or_else(|| caption.clone());
    table_scroll(
        label,
        view! {
            <table id=id class=table_class(stacked, class) role=role("table")>
                <caption>{caption}</caption>
                <thead role=role("rowgroup")>
                    <tr role=role("row")>{head}</tr>
                </thead>
                {body}
            </table>
        },
    )
}

/// The `<table>`'s classes: the stacked layout's and the caller's, when there are any.
fn table_class(stacked: bool, class: Option<&'static str>) -> Option<String> {
    let classes: Vec<&str> = stacked
        .then_some("stack-table")
        .into_iter()
        .chain(class)
        .collect();
    (!classes.is_empty()).then(|| classes.join(" "))
}

/// A data cell's classes: "num" for a column of figures, and the column's own.
fn cell_class(column: &Column) -> Option<String> {
    let classes: Vec<&str> = column
        .numeric
        .then_some("num")
        .into_iter()
        .chain(column.class)
        .collect();
    (!classes.is_empty()).then(|| classes.join(" "))
}

fn table_row(row: Row, columns: &[Column], stacked: bool, row_headers: bool) -> impl IntoView {
    let role = move |r: &'static str| stacked.then_some(r);
    let cell = move |column: &Column, text: String, entries: Option<Vec<String>>| {
        let content = match entries {
            Some(entries) => entries
                .into_iter()
                .map(|e| view! { <span class="entry">{e}</span> })
                .collect_view()
                .into_any(),
            None => text.into_any(),
        };
        view! {
            <td
                class=cell_class(column)
                role=role("cell")
                data-label=stacked.then(|| column.label().to_string())
            >
                {content}
            </td>
        }
    };
    let mut entries = row.entries.into_iter();
    let cells = row
        .cells
        .into_iter()
        .zip(columns.iter().skip(1))
        .map(|(text, column)| cell(column, text, entries.next()))
        .collect_view();
    let header = if row_headers {
        view! { <th scope="row" role=role("rowheader")>{row.header}</th> }.into_any()
    } else {
        cell(&columns[0], row.header, None).into_any()
    };
    view! {
        <tr role=role("row")>
            {header}
            {cells}
        </tr>
    }
}
