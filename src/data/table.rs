//! The typed table a CSV becomes: named columns of numbers, text, booleans or dates.

use std::borrow::Cow;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::experiment::DataConfig;

/// Cells that mean "no value" (compared after trimming).
/// pandas's default NA strings, plus `?` and `-` standing alone.
pub const MISSING_TOKENS: &[&str] = &[
    "", "NA", "N/A", "NaN", "nan", "null", "None", "?", "-", "#N/A", "#N/A N/A", "#NA", "-1.#IND",
    "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "NULL", "n/a",
];

/// True when `cell` is one of the [`MISSING_TOKENS`].
pub fn is_missing(cell: &str) -> bool {
    MISSING_TOKENS.contains(&cell.trim())
}

/// The values of one column (`rows` long); missing cells are NaN or `None`.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnData {
    /// Finite numbers; NaN = missing.
    Numeric(Vec<f64>),
    /// Text; `None` = missing.
    Categorical(Vec<Option<String>>),
    /// Free text (sentences: long cells, most of them distinct), vectorised by tokens rather
    /// than one-hot encoded; `None` = missing.
    Text(Vec<Option<String>>),
    /// `true`/`false`/`yes`/`no`; `None` = missing. The words are the file's own (`[false, true]`):
    /// "yes"/"no" stay yes/no in summaries, class names and the confusion matrix.
    Boolean(Vec<Option<bool>>, BoolWords),
    /// Dates and times as an ordering key: seconds since 1970-01-01 UTC; NaN = missing.
    Date(Vec<f64>),
}

/// How a boolean column writes its two values, `[false, true]`, as its file spells them.
pub type BoolWords = [&'static str; 2];

/// A named column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub data: ColumnData,
}

/// Something the reader changed or doubts; `line` is the line in the file (1 = header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub line: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if let Some(column) = &self.column {
            write!(f, "column {column:?}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// A typed table, column-major.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file name, for messages.
    pub name: String,
    pub rows: usize,
    pub columns: Vec<Column>,
    /// The file line each row starts on (`rows` long), for messages.
    pub lines: Vec<usize>,
    /// What reading changed or doubts (renamed columns, bad cells, skipped rows).
    pub warnings: Vec<Warning>,
}

impl ColumnData {
    /// `"numeric"`, `"categorical"`, `"text"`, `"boolean"` or `"date"`.
    pub fn kind(&self) -> &'static str {
        match self {
            ColumnData::Numeric(_) => "numeric",
            ColumnData::Categorical(_) => "categorical",
            ColumnData::Text(_) => "text",
            ColumnData::Boolean(..) => "boolean",
            ColumnData::Date(_) => "date",
        }
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        match self {
            ColumnData::Numeric(v) | ColumnData::Date(v) => v.len(),
            ColumnData::Categorical(v) | ColumnData::Text(v) => v.len(),
            ColumnData::Boolean(v, _) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when the cell at `row` is missing.
    pub fn is_missing(&self, row: usize) -> bool {
        match self {
            ColumnData::Numeric(v) | ColumnData::Date(v) => v[row].is_nan(),
            ColumnData::Categorical(v) | ColumnData::Text(v) => v[row].is_none(),
            ColumnData::Boolean(v, _) => v[row].is_none(),
        }
    }

    /// The cell as a number (booleans 0/1, dates their key); `None` when missing or text.
    pub fn number(&self, row: usize) -> Option<f64> {
        match self {
            ColumnData::Numeric(v) | ColumnData::Date(v) => Some(v[row]).filter(|x| !x.is_nan()),
            ColumnData::Boolean(v, _) => v[row].map(|b| b as u8 as f64),
            ColumnData::Categorical(v) | ColumnData::Text(v) => v[row]
                .as_deref()
                .and_then(|s| s.parse().ok())
                .filter(|x: &f64| x.is_finite()),
        }
    }

    /// The cell as a category name; `None` when missing.
    pub fn text(&self, row: usize) -> Option<String> {
        match self {
            ColumnData::Categorical(v) | ColumnData::Text(v) => v[row].clone(),
            ColumnData::Boolean(v, words) => v[row].map(|b| words[usize::from(b)].to_string()),
            ColumnData::Numeric(_) => self.number(row).map(|x| format!("{x}")),
            ColumnData::Date(_) => self.number(row).map(super::date::format_date),
        }
    }
}

impl Table {
    /// A table of `columns` (all as long as the first) with no line numbers or warnings, for
    /// tables built in code (rows then count as lines 2, 3, …).
    pub fn new(name: &str, columns: Vec<Column>) -> Table {
        let rows = columns.first().map_or(0, |c| c.data.len());
        Table {
            name: name.to_string(),
            rows,
            columns,
            lines: vec![],
            warnings: vec![],
        }
    }

    /// The column called `name`, or an error listing the columns there are.
    pub fn column(&self, name: &str) -> Result<&Column> {
        (self.columns.iter().find(|c| c.name == name))
            .ok_or_else(|| Error::data(&self.name, self.no_column(name)))
    }

    /// The message for a column `name` the table lacks, listing the columns there are.
    pub fn no_column(&self, name: &str) -> String {
        let names: Vec<&str> = self.columns.iter().map(|c| c.name.as_str()).collect();
        format!(
            "there is no column {name:?}; the columns are {}",
            names.join(", ")
        )
    }

    /// The file line of row `row` (for messages).
    pub fn line(&self, row: usize) -> usize {
        self.lines.get(row).copied().unwrap_or(row + 2)
    }
}

impl Table {
    /// This table with the columns `kinds` names read as those kinds (`data.column_kinds`):
    /// numeric takes each cell's number (text that is none becomes missing), categorical and text
    /// each cell as it prints. Errors name a column that does not exist, and a text column asked
    /// to be read as numbers (every cell would be missing).
    pub fn with_kinds(&self, config: &DataConfig) -> Result<Cow<'_, Table>> {
        if config.column_kinds().next().is_none() {
            return Ok(Cow::Borrowed(self));
        }
        let mut table = self.clone();
        for (name, kind) in config.column_kinds() {
            let i = (table.columns.iter().position(|c| c.name == name)).ok_or_else(|| {
                Error::experiment(
                    "data.column_kinds",
                    format!("there is no column {name:?}; list columns of the file"),
                )
            })?;
            let data = &table.columns[i].data;
            let rows = 0..data.len();
            table.columns[i].data = match kind {
                "numeric" if matches!(data, ColumnData::Text(_)) => {
                    return Err(Error::experiment(
                        &format!("data.column_kinds.{name}"),
                        format!("column {name:?} holds text (sentences), not numbers: read as numbers every cell would be missing; set it to \"text\" (or \"categorical\"), or leave the column out of data.features"),
                    ))
                }
                "numeric" => {
                    ColumnData::Numeric(rows.map(|r| data.number(r).unwrap_or(f64::NAN)).collect())
                }
                "text" => ColumnData::Text(rows.map(|r| data.text(r)).collect()),
                _ => ColumnData::Categorical(rows.map(|r| data.text(r)).collect()),
            };
        }
        Ok(Cow::Owned(table))
    }
}
