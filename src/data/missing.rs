//! Missing values: the fill value a strategy fits on the training rows, and which rows `drop` keeps.

use super::table::Table;
use crate::experiment::Missing;

/// The value that replaces a missing number under `missing`, fitted on `values` (the training
/// split's present values; emptied by the call). No values → 0.
pub fn fill_value(values: &mut [f64], missing: Missing) -> f32 {
    if values.is_empty() {
        return 0.0;
    }
    let n = values.len();
    (match missing {
        Missing::Zero | Missing::Drop => 0.0,
        Missing::Mean => values.iter().sum::<f64>() / n as f64,
        Missing::Median => {
            crate::sort::sort_by(values, f64::total_cmp);
            if n % 2 == 1 {
                values[n / 2]
            } else {
                (values[n / 2 - 1] + values[n / 2]) / 2.0
            }
        }
        Missing::MostFrequent => {
            crate::sort::sort_by(values, f64::total_cmp);
            let (mut best, mut best_run, mut run) = (values[0], 0, 0);
            for i in 0..n {
                run = if i > 0 && values[i] == values[i - 1] {
                    run + 1
                } else {
                    1
                };
                if run > best_run {
                    (best, best_run) = (values[i], run);
                }
            }
            best
        }
    }) as f32
}

/// The rows of `rows` whose `columns` all hold a value; the others are listed second.
pub fn complete_rows(table: &Table, columns: &[&str], rows: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let data: Vec<_> = columns
        .iter()
        .filter_map(|c| table.column(c).ok())
        .map(|c| &c.data)
        .collect();
    rows.iter()
        .partition(|&&r| data.iter().all(|d| !d.is_missing(r)))
}

/// "3 rows (lines 4, 9, 12)": how many rows, and where the first few are.
pub fn describe_rows(table: &Table, rows: &[usize]) -> String {
    let lines: Vec<String> = rows
        .iter()
        .take(5)
        .map(|&r| table.line(r).to_string())
        .collect();
    let more = if rows.len() > 5 { ", …" } else { "" };
    let s = if rows.len() == 1 { "" } else { "s" };
    format!("{} row{s} (line{s} {}{more})", rows.len(), lines.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_strategy_fits_its_value() {
        let v = [1.0, 2.0, 2.0, 7.0];
        let fit = |m| fill_value(&mut v.clone(), m);
        assert_eq!(fit(Missing::Mean), 3.0);
        assert_eq!(fit(Missing::Median), 2.0);
        assert_eq!(fit(Missing::MostFrequent), 2.0);
        assert_eq!(fit(Missing::Zero), 0.0);
        assert_eq!(fill_value(&mut [3.0, 1.0, 2.0], Missing::Median), 2.0);
        assert_eq!(fill_value(&mut [], Missing::Mean), 0.0);
    }
}
