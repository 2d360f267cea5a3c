//! Reading a CSV (with the `csv` crate) into typed columns.

use serde::Serialize;

use crate::error::{Error, Result};

/// Cells that mean "no value".
pub const MISSING_TOKENS: &[&str] = &["", "NA", "N/A", "NaN", "nan", "null", "None", "?", "-"];

/// The values of one column: numbers (NaN = missing) or strings (`None` = missing).
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnData {
    Numeric(Vec<f64>),
    Categorical(Vec<Option<String>>),
}

/// A named column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub data: ColumnData,
}

/// A typed table, column-major.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub rows: usize,
    pub columns: Vec<Column>,
}

/// What the page shows about a column.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnSummary {
    pub name: String,
    pub kind: &'static str,
    pub missing: usize,
    /// Distinct non-missing values (the class count if this column is a classification target).
    pub distinct: usize,
}

fn is_missing(cell: &str) -> bool {
    MISSING_TOKENS.contains(&cell.trim())
}

/// Reads `bytes` (a CSV with a header row) named `name` (for messages).
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Table> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::data(
            name,
            "the file is empty; choose a CSV with a header row and data rows",
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(name, e))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut raw: Vec<Vec<String>> = vec![Vec::new(); header.len()];
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(name, e))?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        for (col, cell) in raw.iter_mut().zip(record.iter()) {
            col.push(cell.trim().to_string());
        }
    }
    let rows = raw.first().map_or(0, Vec::len);
    if rows == 0 {
        return Err(Error::data(
            name,
            "the file has a header but no data rows; add rows below the header",
        ));
    }
    let columns = header
        .into_iter()
        .zip(raw)
        .map(|(name, cells)| Column {
            name,
            data: type_column(cells),
        })
        .collect();
    Ok(Table {
        name: name.to_string(),
        rows,
        columns,
    })
}

fn csv_error(name: &str, e: csv::Error) -> Error {
    let line = e.position().map(|p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!(
            "line {}: {len} fields where the header has {expected_len}; make every row have {expected_len} fields",
            line.unwrap_or(0)
        ),
        csv::ErrorKind::Utf8 { .. } => format!(
            "line {}: the text is not UTF-8; re-save the file as UTF-8 CSV",
            line.unwrap_or(0)
        ),
        _ => format!("cannot read the CSV: {e}"),
    };
    Error::data(name, message)
}

fn type_column(cells: Vec<String>) -> ColumnData {
    let parsed: Vec<Option<f64>> = cells
        .iter()
        .map(|c| {
            if is_missing(c) {
                Some(f64::NAN)
            } else {
                c.parse().ok()
            }
        })
        .collect();
    if parsed.iter().all(Option::is_some) {
        ColumnData::Numeric(
            parsed
                .into_iter()
                .map(|v| v.unwrap())
                .map(|v| if v.is_finite() { v } else { f64::NAN })
                .collect(),
        )
    } else {
        ColumnData::Categorical(
            cells
                .into_iter()
                .map(|c| if is_missing(&c) { None } else { Some(c) })
                .collect(),
        )
    }
}

impl Table {
    /// The column called `name`, or an error listing the columns there are.
    pub fn column(&self, name: &str) -> Result<&Column> {
        self.columns.iter().find(|c| c.name == name).ok_or_else(|| {
            let names: Vec<&str> = self.columns.iter().map(|c| c.name.as_str()).collect();
            Error::data(
                &self.name,
                format!(
                    "there is no column {name:?}; the columns are {}",
                    names.join(", ")
                ),
            )
        })
    }

    /// Per-column kind, missing count and number of distinct values.
    pub fn summary(&self) -> Vec<ColumnSummary> {
        self.columns
            .iter()
            .map(|c| {
                let (kind, missing, distinct) = match &c.data {
                    ColumnData::Numeric(v) => {
                        let mut seen: Vec<u64> = v
                            .iter()
                            .filter(|x| !x.is_nan())
                            .map(|x| x.to_bits())
                            .collect();
                        seen.sort_unstable();
                        seen.dedup();
                        (
                            "numeric",
                            v.iter().filter(|x| x.is_nan()).count(),
                            seen.len(),
                        )
                    }
                    ColumnData::Categorical(v) => {
                        let mut seen: Vec<&str> = v.iter().flatten().map(String::as_str).collect();
                        seen.sort_unstable();
                        seen.dedup();
                        (
                            "categorical",
                            v.iter().filter(|x| x.is_none()).count(),
                            seen.len(),
                        )
                    }
                };
                ColumnSummary {
                    name: c.name.clone(),
                    kind,
                    missing,
                    distinct,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_types_and_missing_values() {
        let t = read_csv("t.csv", b"\xEF\xBB\xBFa,b,c\n1,x,NA\n2.5,y,3\n\n").unwrap();
        assert_eq!(t.rows, 2);
        assert_eq!(t.columns[0].data, ColumnData::Numeric(vec![1.0, 2.5]));
        assert_eq!(
            t.columns[1].data,
            ColumnData::Categorical(vec![Some("x".into()), Some("y".into())])
        );
        let summary = t.summary();
        assert_eq!(
            (summary[1].kind, summary[1].distinct, summary[2].missing),
            ("categorical", 2, 1)
        );
        match &t.columns[2].data {
            ColumnData::Numeric(v) => assert!(v[0].is_nan() && v[1] == 3.0),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ragged_rows_name_the_line() {
        let err = read_csv("r.csv", b"a,b\n1,2\n3\n").unwrap_err().to_string();
        assert!(err.contains("r.csv") && err.contains("line 3"), "{err}");
    }

    #[test]
    fn empty_and_header_only_files_say_so() {
        assert!(read_csv("e.csv", b"")
            .unwrap_err()
            .to_string()
            .contains("empty"));
        assert!(read_csv("h.csv", b"a,b\n")
            .unwrap_err()
            .to_string()
            .contains("no data rows"));
    }
}
