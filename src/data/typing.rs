//! Deciding each column's type from its cells: numeric, boolean, date, categorical or text.

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

/// A numeric column may hold at most one bad cell in this many before it counts as text (a
/// column of more numbers than not is then named in a warning with its other cells).
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
    // Cells read with a decimal comma ("1,5") or thousands separators ("1,234"): said in a note.
    let (mut comma, mut thousands) = (Vec::new(), Vec::new());
    let mut present = 0;
    for row in 0..n {
        let cell = cells.get(row);
        if is_missing(cell) {
            values.push(f64::NAN);
            continue;
        }
        present += 1;
        match parse_number(cell, decimal_comma) {
            Some((x, read)) if x.is_finite() => {
                match read {
                    Read::Plain => {}
                    Read::DecimalComma => comma.push(row),
                    Read::Thousands => thousands.push(row),
                }
                values.push(x)
            }
            Some(_) => {
                infinite.push(row);
                values.push(f64::NAN)
            }
            None => {
                bad.push(row);
                values.push(f64::NAN);
                if bad.len() * 2 > n {
                    break; // text, whatever follows
                }
            }
        }
    }
    // "line 4 \"12a\", line 9 \"abc\", …": where the first few of `rows` are.
    let quote = |rows: &[usize]| {
        let quoted: Vec<String> = rows
            .iter()
            .take(QUOTED)
            .map(|&r| format!("line {} {:?}", lines[r], cells.get(r)))
            .collect();
        let more = if rows.len() > QUOTED { ", …" } else { "" };
        format!("{}{more}", quoted.join(", "))
    };
    let note = |warnings: &mut Vec<Warning>, rows: &[usize], message: String| {
        warnings.push(Warning {
            line: Some(lines[rows[0]]),
            column: Some(name.to_string()),
            message,
        })
    };
    let warn = |warnings: &mut Vec<Warning>, rows: &[usize], what: &str| {
        let message = format!(
            "{} {what} ({}); they are treated as missing",
            rows.len(),
            quote(rows)
        );
        note(warnings, rows, message)
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
        if !comma.is_empty() {
            let message = format!("{} numbers are read with a decimal comma ({}: \"1,5\" is 1.5); check that the commas are not thousands separators", comma.len(), quote(&comma));
            note(warnings, &comma, message);
        }
        if !thousands.is_empty() {
            let message = format!(
                "{} numbers are read with thousands separators ({}: \"1,234\" is 1234)",
                thousands.len(),
                quote(&thousands)
            );
            note(warnings, &thousands, message);
        }
        return ColumnData::Numeric(values);
    }
    drop(values);
    // Mostly numbers, but too many other cells to be read as numbers: say which, and how to.
    if bad.len() * 2 < present {
        let message = format!("{} of {present} cells are not numbers ({}), so the column is read as text, each value its own category; to read it as numbers with those cells missing, set data.column_kinds {{{name:?}: \"numeric\"}}", bad.len(), quote(&bad));
        note(warnings, &bad, message);
    }
    let cell = |row| Some(cells.get(row)).filter(|c| !is_missing(c));
    if let Some(b) = (0..n)
        .map(|r| cell(r).map_or(Some(None), |c| parse_bool(c).map(Some)))
        .collect()
    {
        let first = (0..n).find_map(cell).unwrap_or("");
        return ColumnData::Boolean(b, bool_words(first));
    }
    if let Some(d) = (0..n)
        .map(|r| cell(r).map_or(Some(f64::NAN), parse_date))
        .collect()
    {
        return ColumnData::Date(d);
    }
    let present = (0..n).filter_map(cell);
    let cells = (0..n).map(|r| cell(r).map(str::to_string)).collect();
    match super::text_stats::looks_like_text(present) {
        true => ColumnData::Text(cells),
        false => ColumnData::Categorical(cells),
    }
}

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Read {
    Plain,
    /// `1,5` (files split by `;`).
    DecimalComma,
    /// `1,234` or `-1,234,567.5`: groups of three digits (files split by anything else).
    Thousands,
}

/// A number and how it was written; with `decimal_comma`, `1,5` too, else `1,234`.
fn parse_number(cell: &str, decimal_comma: bool) -> Option<(f64, Read)> {
    if let Ok(x) = cell.parse() {
        return Some((x, Read::Plain));
    }
    if decimal_comma {
        let comma = cell.find(',')?;
        let single = cell.rfind(',') == Some(comma) && !cell.contains('.');
        let x = single.then(|| cell.replacen(',', ".", 1).parse().ok())??;
        return Some((x, Read::DecimalComma));
    }
    let digits = cell.trim_start_matches(['-', '+']);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let grouped = (1..=3).contains(&first.len())
        && groups.clone().count() > 0
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        && first.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit());
    let x = grouped.then(|| cell.replace(',', "").parse().ok())??;
    Some((x, Read::Thousands))
}

/// The words of a boolean column, `[false, true]`, spelled as its first cell is: "yes" → no/yes,
/// "TRUE" → FALSE/TRUE (mixed case: lower case).
fn bool_words(first: &str) -> super::table::BoolWords {
    const WORDS: [[&str; 2]; 6] = [
        ["false", "true"],
        ["False", "True"],
        ["FALSE", "TRUE"],
        ["no", "yes"],
        ["No", "Yes"],
        ["NO", "YES"],
    ];
    let yes_no = matches!(first.to_ascii_lowercase().as_str(), "yes" | "no");
    (WORDS.into_iter().find(|w| w.contains(&first))).unwrap_or(WORDS[if yes_no { 3 } else { 0 }])
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

    fn typed_plain(cells: &[&str]) -> (ColumnData, Vec<Warning>) {
        let mut c = Cells::default();
        cells.iter().for_each(|s| c.push(s));
        let lines: Vec<usize> = (2..cells.len() + 2).collect();
        let mut w = vec![];
        (type_column("c", &c, &lines, false, &mut w), w)
    }

    #[test]
    fn a_mostly_numeric_column_read_as_text_names_its_other_cells_and_the_way_back() {
        let mut cells = vec!["1", "2", "3", "4", "5", "6", "7"];
        cells.extend(["12a", "3.4.5", "abc"]);
        let (data, w) = typed_plain(&cells);
        assert_eq!(data.kind(), "categorical");
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].line, w[0].column.as_deref()), (Some(9), Some("c")));
        assert_eq!(w[0].message, "3 of 10 cells are not numbers (line 9 \"12a\", line 10 \"3.4.5\", line 11 \"abc\"), so the column is read as text, each value its own category; to read it as numbers with those cells missing, set data.column_kinds {\"c\": \"numeric\"}");
        // A text column says nothing.
        assert!(typed_plain(&["red", "green", "blue", "1"]).1.is_empty());
    }

    #[test]
    fn pandas_missing_markers_are_missing() {
        let cells = [
            "1", "#N/A", "NULL", "<NA>", "n/a", "-NaN", "1.#IND", "?", "-", "2",
        ];
        let (data, w) = typed_plain(&cells);
        let ColumnData::Numeric(v) = data else {
            panic!("{data:?}")
        };
        assert_eq!((v[0], v[9]), (1.0, 2.0));
        assert!(v[1..9].iter().all(|x| x.is_nan()), "{v:?}");
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn thousands_separators_and_decimal_commas_are_read_with_a_note() {
        let (data, w) = typed_plain(&["1,234", "1,000,000", "-2,500.5", "7"]);
        assert_eq!(data, ColumnData::Numeric(vec![1234.0, 1e6, -2500.5, 7.0]));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].message, "3 numbers are read with thousands separators (line 2 \"1,234\", line 3 \"1,000,000\", line 4 \"-2,500.5\": \"1,234\" is 1234)");
        // Not groups of three: text.
        assert_eq!(
            typed_plain(&["1,23", "4,5678", "x"]).0.kind(),
            "categorical"
        );
        let (data, w) = typed(&["1,5", "2", "3,25"]);
        assert_eq!(data, ColumnData::Numeric(vec![1.5, 2.0, 3.25]));
        assert_eq!(w[0].message, "2 numbers are read with a decimal comma (line 2 \"1,5\", line 4 \"3,25\": \"1,5\" is 1.5); check that the commas are not thousands separators");
    }
}
