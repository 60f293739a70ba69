//! A data table as plain text: what every table of the app shows (beside every chart, in the results,
//! the comparison, the group report and the 2018 figures), built by pure functions that native tests
//! read, and drawn by one component (`web::components::table`), so that captions, header scopes,
//! numeric alignment and the phone layout are the same everywhere.

/// A column: its header, whether it holds figures (aligned right), and the name a cell carries when
/// the table is stacked on a narrow screen (the header, unless the header alone is ambiguous there).
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    pub numeric: bool,
    pub cell_label: Option<String>,
    /// How the column's cells are set, as a style class (`column-name`: never broken mid-word).
    pub class: Option<&'static str>,
}

impl Column {
    /// A column of words.
    pub fn text(header: impl Into<String>) -> Self {
        Column {
            header: header.into(),
            numeric: false,
            cell_label: None,
            class: None,
        }
    }

    /// A column of figures.
    pub fn number(header: impl Into<String>) -> Self {
        Column {
            numeric: true,
            ..Column::text(header)
        }
    }

    /// The name each cell of this column carries when the table is stacked ("Change in importance"
    /// for a column headed "Change").
    pub fn labelled(mut self, label: impl Into<String>) -> Self {
        self.cell_label = Some(label.into());
        self
    }

    /// The style class the column's cells carry.
    pub fn class(mut self, class: &'static str) -> Self {
        self.class = Some(class);
        self
    }

    /// What a stacked cell of this column is called.
    pub fn label(&self) -> &str {
        self.cell_label.as_deref().unwrap_or(&self.header)
    }
}

/// A row: its header cell (what the row is about) and one text per further column.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub header: String,
    pub cells: Vec<String>,
    /// For a row whose cells list several entries (a rejected row's problems), each further cell's
    /// entries, drawn one per line; `cells` then holds each list joined by line breaks. Empty for a
    /// row of plain cells.
    pub entries: Vec<Vec<String>>,
}

/// Rows under an optional heading that spans the table ("The six categories of the index").
#[derive(Clone, Debug, PartialEq)]
pub struct RowGroup {
    pub heading: Option<String>,
    pub rows: Vec<Row>,
}

/// A whole table. The first column is the rows' headers.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<Column>,
    pub groups: Vec<RowGroup>,
    /// Whether the first column names the rows (drawn as row headers). A list of records, such as
    /// the rows an import left out, has none: its first column is data like the others.
    pub row_headers: bool,
}

impl Table {
    /// An empty table with its caption and columns (the first heads the rows' header cells).
    pub fn new(caption: impl Into<String>, columns: Vec<Column>) -> Self {
        Table {
            caption: caption.into(),
            columns,
            groups: Vec::new(),
            row_headers: true,
        }
    }

    /// The same table with its first column drawn as data, not as row headers.
    pub fn without_row_headers(mut self) -> Self {
        self.row_headers = false;
        self
    }

    /// Adds a row to the last group (a group without heading when there is none yet).
    ///
    /// Panics when the row's cells do not fill the columns: a table built wrongly is a bug that every
    /// test drawing it must catch, not a gap a reader finds.
    pub fn row(self, header: impl Into<String>, cells: Vec<String>) -> Self {
        self.push(Row {
            header: header.into(),
            cells,
            entries: Vec::new(),
        })
    }

    /// Adds a row whose further cells each list entries (one per line), to the last group.
    ///
    /// Panics, as [`Table::row`] does, when the lists do not fill the columns.
    pub fn list_row(self, header: impl Into<String>, entries: Vec<Vec<String>>) -> Self {
        self.push(Row {
            header: header.into(),
            cells: entries.iter().map(|e| e.join("\n")).collect(),
            entries,
        })
    }

    fn push(mut self, row: Row) -> Self {
        assert_eq!(
            row.cells.len() + 1,
            self.columns.len(),
            "a row of {:?} fills every column",
            self.caption
        );
        if self.groups.is_empty() {
            self.groups.push(RowGroup {
                heading: None,
                rows: Vec::new(),
            });
        }
        let group = self.groups.last_mut().expect("a group was just ensured");
        group.rows.push(row);
        self
    }

    /// Starts a group of rows under `heading`.
    pub fn group(mut self, heading: impl Into<String>) -> Self {
        self.groups.push(RowGroup {
            heading: Some(heading.into()),
            rows: Vec::new(),
        });
        self
    }

    /// Every row, in order, across the groups.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.groups.iter().flat_map(|g| g.rows.iter())
    }

    /// The row headed `header`, if any.
    pub fn find(&self, header: &str) -> Option<&Row> {
        self.rows().find(|r| r.header == header)
    }

    /// The text of column `header` in row `row`, if both exist.
    pub fn cell(&self, row: &str, header: &str) -> Option<&str> {
        let column = self.columns.iter().position(|c| c.header == header)?;
        let row = self.find(row)?;
        if column == 0 {
            Some(&row.header)
        } else {
            row.cells.get(column - 1).map(String::as_str)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        Table::new(
            "Change per factor",
            vec![
                Column::text("Factor"),
                Column::number("Before"),
                Column::number("Change").labelled("Change in importance"),
            ],
        )
        .group("The six categories")
        .row("Places", vec!["1".into(), "+1".into()])
        .group("Additional factors")
        .row("Urgency", vec!["2".into(), "0".into()])
    }

    #[test]
    fn rows_fall_in_their_groups_and_cells_are_found_by_header() {
        let t = sample();
        assert_eq!(t.groups.len(), 2);
        assert_eq!(t.groups[1].heading.as_deref(), Some("Additional factors"));
        assert_eq!(t.rows().count(), 2);
        assert_eq!(t.cell("Urgency", "Before"), Some("2"));
        assert_eq!(t.cell("Places", "Factor"), Some("Places"));
        assert_eq!(t.cell("Places", "Nothing"), None);
        assert_eq!(t.cell("Nowhere", "Before"), None);
        assert_eq!(t.columns[2].label(), "Change in importance");
        assert_eq!(t.columns[1].label(), "Before");
        assert!(t.columns[1].numeric && !t.columns[0].numeric);
    }

    #[test]
    fn rows_without_a_group_get_one_without_heading() {
        let t = Table::new("T", vec![Column::text("A")]).row("x", vec![]);
        assert_eq!(t.groups.len(), 1);
        assert_eq!(t.groups[0].heading, None);
    }

    #[test]
    fn list_rows_keep_their_entries_apart_and_their_text_whole() {
        let t = Table::new(
            "Rows left out",
            vec![
                Column::number("Line"),
                Column::text("Column").class("column-name"),
                Column::text("Value"),
            ],
        )
        .without_row_headers()
        .list_row(
            "6",
            vec![
                vec!["q2".into(), "q3".into()],
                vec!["two\nlines".into(), "x".into()],
            ],
        )
        .row("7", vec!["whole row".into(), String::new()]);
        assert!(!t.row_headers);
        assert!(Table::new("T", vec![Column::text("A")]).row_headers);
        assert_eq!(t.columns[1].class, Some("column-name"));
        assert_eq!(t.columns[2].class, None);
        let six = t.find("6").unwrap();
        // A value's own line break stays inside its entry.
        assert_eq!(six.entries[1], ["two\nlines", "x"]);
        assert_eq!(t.cell("6", "Column"), Some("q2\nq3"));
        assert!(t.find("7").unwrap().entries.is_empty());
        assert_eq!(t.cell("7", "Column"), Some("whole row"));
    }

    #[test]
    #[should_panic(expected = "fills every column")]
    fn a_list_row_that_does_not_fill_the_columns_is_a_bug() {
        let _ = Table::new("T", vec![Column::text("A"), Column::number("B")]).list_row("x", vec![]);
    }

    #[test]
    #[should_panic(expected = "fills every column")]
    fn a_row_that_does_not_fill_the_columns_is_a_bug() {
        let _ = Table::new("T", vec![Column::text("A"), Column::number("B")]).row("x", vec![]);
    }
}
