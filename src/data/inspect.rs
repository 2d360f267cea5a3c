//! The `inspect` summary of a table: per column its type, missing cells, statistics or value
//! counts, and the reader's warnings. `kindling inspect` prints it; the page's `summary` carries it.

use serde::Serialize;

use super::table::{ColumnData, Table, Warning};

pub use super::counts::{ranked, top, ValueCount, TOP_VALUES};

/// What `kindling inspect` prints.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub name: String,
    pub rows: usize,
    pub columns: Vec<ColumnSummary>,
    pub warnings: Vec<Warning>,
}

/// One column: kind, missing count, distinct values, and statistics (numbers and dates: min, max,
/// mean and population std; dates in seconds since 1970) or value counts (text and booleans).
#[derive(Debug, Clone, Serialize)]
pub struct ColumnSummary {
    pub name: String,
    /// `numeric`, `categorical`, `text`, `boolean` or `date`.
    pub kind: &'static str,
    pub missing: usize,
    /// Distinct non-missing values (the class count if this column is a classification target).
    pub distinct: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub std: Option<f64>,
    /// The most frequent values with their counts (categories and booleans).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<ValueCount>>,
    /// A text column's tokens: per cell, vocabulary, most frequent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<super::text_stats::TextStats>,
}

impl Table {
    /// Rows, per-column summaries and warnings.
    pub fn inspect(&self) -> Summary {
        let columns = self.summary();
        let mut warnings = self.warnings.clone();
        warnings
            .extend((columns.iter().filter(|c| self.rows - c.missing >= 2)).filter_map(constant));
        Summary {
            name: self.name.clone(),
            rows: self.rows,
            columns,
            warnings,
        }
    }

    /// Per-column kind, missing count, distinct values and statistics.
    pub fn summary(&self) -> Vec<ColumnSummary> {
        self.columns
            .iter()
            .map(|c| {
                let base = ColumnSummary {
                    name: c.name.clone(),
                    kind: c.data.kind(),
                    missing: (0..self.rows).filter(|&r| c.data.is_missing(r)).count(),
                    distinct: 0,
                    min: None,
                    max: None,
                    mean: None,
                    std: None,
                    values: None,
                    text: None,
                };
                match &c.data {
                    ColumnData::Numeric(v) | ColumnData::Date(v) => numbers(base, v),
                    ColumnData::Categorical(v) => {
                        counts(base, v.iter().flatten().map(String::as_str))
                    }
                    ColumnData::Text(v) => {
                        let (distinct, text) = super::text_stats::text_summary(v);
                        ColumnSummary {
                            distinct,
                            text: Some(text),
                            ..base
                        }
                    }
                    ColumnData::Boolean(v, words) => {
                        counts(base, v.iter().flatten().map(|&b| words[usize::from(b)]))
                    }
                }
            })
            .collect()
    }
}

/// The warning for a column with one value in every row that has one (of at least two).
fn constant(c: &ColumnSummary) -> Option<Warning> {
    let value = match &c.values {
        Some(v) => format!("{:?}", v.first()?.value),
        None => serde_json::Value::from(c.min?).to_string(), // shortest form, no second float printer
    };
    (c.distinct == 1).then(|| Warning {
        line: None,
        column: Some(c.name.clone()),
        message: format!("the column holds one value ({value}) in every row: it carries no information, and scaling leaves it 0 in every row (standard or minmax); leave it out of data.features"),
    })
}

fn numbers(mut s: ColumnSummary, v: &[f64]) -> ColumnSummary {
    let mut present: Vec<f64> = v.iter().copied().filter(|x| !x.is_nan()).collect();
    if present.is_empty() {
        return s;
    }
    let (mean, std) = moments(&present);
    crate::sort::sort_by(&mut present, f64::total_cmp);
    s.min = present.first().copied();
    s.max = present.last().copied();
    present.dedup();
    s.distinct = present.len();
    s.mean = Some(mean);
    s.std = Some(std);
    s
}

/// Mean and population std. Squares overflow past ~1.3e154 (a constant 1e300 column had std
/// inf, shown as null), so values that large are summarised as x / m, m the largest magnitude,
/// and scaled back; smaller values are summed as they are (dividing by 1 changes no bit).
fn moments(v: &[f64]) -> (f64, f64) {
    let n = v.len() as f64;
    let largest = v.iter().fold(0.0f64, |a, x| a.max(x.abs()));
    let m = if largest > 1e150 && largest.is_finite() {
        largest
    } else {
        1.0
    };
    let mean = v.iter().map(|x| x / m).sum::<f64>() / n;
    let var = v.iter().map(|x| (x / m - mean).powi(2)).sum::<f64>() / n;
    (mean * m, var.sqrt() * m)
}

fn counts<'a>(mut s: ColumnSummary, mut v: impl Iterator<Item = &'a str>) -> ColumnSummary {
    let all = ranked(&mut v);
    s.distinct = all.len();
    s.values = Some(top(all));
    s
}

#[cfg(test)]
mod tests {
    use crate::data::read_csv;

    #[test]
    fn statistics_and_counts_match_hand_worked_values() {
        let t = read_csv(
            "s.csv",
            b"x,c,b\n1,red,yes\n2,blue,no\nNA,red,yes\n5,,yes\n",
        )
        .unwrap();
        let s = t.inspect();
        assert_eq!((s.rows, s.columns.len()), (4, 3));
        let x = &s.columns[0];
        assert_eq!((x.kind, x.missing, x.distinct), ("numeric", 1, 3));
        assert_eq!(
            (x.min, x.max, x.mean),
            (Some(1.0), Some(5.0), Some(8.0 / 3.0))
        );
        // population std of 1, 2, 5: sqrt(((5/3)^2 + (2/3)^2 + (7/3)^2) / 3) = sqrt(26/9)
        assert!((x.std.unwrap() - (26.0f64 / 9.0).sqrt()).abs() < 1e-12);
        let c = &s.columns[1];
        assert_eq!((c.kind, c.missing, c.distinct), ("categorical", 1, 2));
        assert_eq!(c.values.as_ref().unwrap()[0].value, "red");
        assert_eq!(c.values.as_ref().unwrap()[0].count, 2);
        assert_eq!((s.columns[2].kind, s.columns[2].distinct), ("boolean", 2));
        // Yes/no stays yes/no (issue 19), the most frequent first.
        let b: Vec<(&str, usize)> = (s.columns[2].values.as_ref().unwrap().iter())
            .map(|v| (v.value.as_str(), v.count))
            .collect();
        assert_eq!(b, [("yes", 3), ("no", 1)]);
    }

    #[test]
    fn boolean_words_follow_the_file() {
        let t = read_csv(
            "w.csv",
            b"a,b,c,d
TRUE,No,false,Yes
FALSE,Yes,True,no
",
        )
        .unwrap();
        let words: Vec<Option<String>> = (t.columns.iter()).map(|c| c.data.text(1)).collect();
        let words: Vec<&str> = words.iter().map(|w| w.as_deref().unwrap()).collect();
        // The first cell's spelling; mixed case falls back to lower case.
        assert_eq!(words, ["FALSE", "Yes", "true", "No"]);
        // A yes/no target's classes are yes and no (the confusion matrix's labels).
        let rows = [0, 1];
        let (_, classes, _) = crate::data::target::encode_target(
            &t,
            "b",
            crate::experiment::Task::Classification,
            &rows,
        )
        .unwrap();
        assert_eq!(classes.unwrap(), ["No", "Yes"]);
    }

    #[test]
    fn a_constant_column_is_named_with_its_value() {
        let t = read_csv("k.csv", b"x,k,c,y\n1,5,a,0\n2,5,a,1\n3,NA,a,0\n").unwrap();
        let w: Vec<String> = t.inspect().warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(w, [
            "column \"k\": the column holds one value (5.0) in every row: it carries no information, and scaling leaves it 0 in every row (standard or minmax); leave it out of data.features",
            "column \"c\": the column holds one value (\"a\") in every row: it carries no information, and scaling leaves it 0 in every row (standard or minmax); leave it out of data.features",
        ]);
    }
}
