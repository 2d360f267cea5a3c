//! Deciding each column's type from its cells: numeric, boolean, date or categorical.

use super::date::parse_date;
use super::table::{is_missing, ColumnData, Warning};

/// A column's raw text cells, packed into one buffer (a few bytes of overhead per cell).
#[derive(Debug, Default, Clone)]
pub struct Cells {
    buf: String,
    ends: Vec<u32>,
}

impl Cells {
    /// Appends one cell.
    pub fn push(&mut self, cell: &str) {
        self.buf.push_str(cell);
        self.ends.push(self.buf.len() as u32);
    }

    /// The cell at `row`.
    pub fn get(&self, row: usize) -> &str {
        let start = if row == 0 {
            0
        } else {
            self.ends[row - 1] as usize
        };
        &self.buf[start..self.ends[row] as usize]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// A numeric column may hold at most one bad cell in this many before it counts as text.
const BAD_CELLS_PER: usize = 20;
/// Rows quoted in a warning.
const QUOTED: usize = 3;

/// Types the column `name`; `lines[i]` is the file line of row `i`. Cells that cannot be used
/// (non-finite numbers, a few non-numbers in a numeric column) become missing with a warning.
/// `decimal_comma` also reads `1,5` as 1.5 (files split by `;` often write numbers so).
pub fn type_column(
    name: &str,
    cells: &Cells,
    lines: &[usize],
    decimal_comma: bool,
    warnings: &mut Vec<Warning>,
) -> ColumnData {
    let n = cells.len();
    let (mut values, mut bad, mut infinite) = (Vec::with_capacity(n), Vec::new(), Vec::new());
    let mut present = 0;
    for row in 0..n {
        let cell = cells.get(row);
        if is_missing(cell) {
            values.push(f64::NAN);
            continue;
        }
        present += 1;
        match parse_number(cell, decimal_comma) {
            Some(x) if x.is_finite() => values.push(x),
            Some(_) => {
                infinite.push(row);
                values.push(f64::NAN)
            }
            None => {
                bad.push(row);
                values.push(f64::NAN);
                if bad.len() * BAD_CELLS_PER > n {
                    break; // too many to be a numeric column, whatever follows
                }
            }
        }
    }
    let warn = |warnings: &mut Vec<Warning>, rows: &[usize], what: &str| {
        let quoted: Vec<String> = rows
            .iter()
            .take(QUOTED)
            .map(|&r| format!("line {} {:?}", lines[r], cells.get(r)))
            .collect();
        warnings.push(Warning {
            line: Some(lines[rows[0]]),
            column: Some(name.to_string()),
            message: format!(
                "{} {what} ({}{}); they are treated as missing",
                rows.len(),
                quoted.join(", "),
                if rows.len() > QUOTED { ", …" } else { "" }
            ),
        })
    };
    if present == 0 {
        warnings.push(Warning {
            line: None,
            column: Some(name.to_string()),
            message: "the column is empty; every cell is missing".into(),
        });
    }
    if bad.len() * BAD_CELLS_PER <= present {
        if !infinite.is_empty() {
            warn(warnings, &infinite, "cells are not finite numbers");
        }
        if !bad.is_empty() {
            warn(warnings, &bad, "cells are not numbers in a numeric column");
        }
        return ColumnData::Numeric(values);
    }
    drop(values);
    let cell = |row| Some(cells.get(row)).filter(|c| !is_missing(c));
    if let Some(b) = (0..n)
        .map(|r| cell(r).map_or(Some(None), |c| parse_bool(c).map(Some)))
        .collect()
    {
        return ColumnData::Boolean(b);
    }
    if let Some(d) = (0..n)
        .map(|r| cell(r).map_or(Some(f64::NAN), parse_date))
        .collect()
    {
        return ColumnData::Date(d);
    }
    ColumnData::Categorical((0..n).map(|r| cell(r).map(str::to_string)).collect())
}

/// A number; with `decimal_comma`, `1,5` too.
fn parse_number(cell: &str, decimal_comma: bool) -> Option<f64> {
    cell.parse().ok().or_else(|| {
        if !decimal_comma {
            return None;
        }
        let comma = cell.find(',')?;
        (cell.rfind(',') == Some(comma) && !cell.contains('.'))
            .then(|| cell.replacen(',', ".", 1).parse().ok())?
    })
}

fn parse_bool(cell: &str) -> Option<bool> {
    match cell.to_ascii_lowercase().as_str() {
        "true" | "yes" => Some(true),
        "false" | "no" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(cells: &[&str]) -> (ColumnData, Vec<Warning>) {
        let mut c = Cells::default();
        cells.iter().for_each(|s| c.push(s));
        let lines: Vec<usize> = (2..cells.len() + 2).collect();
        let mut w = vec![];
        (type_column("c", &c, &lines, true, &mut w), w)
    }

    #[test]
    fn kinds_are_recognised() {
        let cases: &[(&[&str], &str)] = &[
            (&["1", "2.5", "NA", "-3e2"], "numeric"),
            (&["1,5", "2"], "numeric"),
            (&["yes", "No", "TRUE", ""], "boolean"),
            (
                &[
                    "2024-01-31",
                    "2024/02/01",
                    "2024-02-01T10:00:00Z",
                    "2024-03",
                ],
                "date",
            ),
            (&["red", "green", "1"], "categorical"),
            (&["", "?"], "numeric"),
        ];
        for (cells, kind) in cases {
            assert_eq!(typed(cells).0.kind(), *kind, "{cells:?}");
        }
    }

    #[test]
    fn non_finite_and_stray_text_become_missing_with_the_line() {
        let mut cells: Vec<&str> = vec!["1"; 40];
        cells[3] = "inf";
        cells[7] = "1e309";
        cells[9] = "oops";
        let (data, w) = typed(&cells);
        let ColumnData::Numeric(v) = data else {
            panic!("{data:?}")
        };
        assert!(v[3].is_nan() && v[7].is_nan() && v[9].is_nan() && v[0] == 1.0);
        assert_eq!(w.len(), 2);
        assert_eq!((w[0].line, w[0].column.as_deref()), (Some(5), Some("c")));
        assert!(
            w[0].message.contains("2 cells are not finite")
                && w[0].message.contains("line 9 \"1e309\""),
            "{}",
            w[0]
        );
        assert_eq!(w[1].line, Some(11));
        assert!(w[1].message.contains("\"oops\""), "{}", w[1]);
    }
}
