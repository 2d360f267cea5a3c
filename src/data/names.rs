//! Column names: telling a header from data, and making names non-empty and unique.

use std::collections::HashSet;

use super::table::Warning;

/// True when every cell of the first row is a number: then it is data, not a header.
pub fn is_data_row(cells: &[&str]) -> bool {
    cells
        .iter()
        .all(|c| !c.is_empty() && c.parse::<f64>().is_ok())
}

/// `column_1 … column_n`, for a file without a header.
pub fn generated(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("column_{i}")).collect()
}

/// Names empty cells `column_K` and suffixes repeats `_2`, `_3`…, with a warning for each.
pub fn unique(header: Vec<String>, warnings: &mut Vec<Warning>) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut taken: HashSet<String> = header.iter().cloned().collect();
    let mut out = Vec::with_capacity(header.len());
    for (i, name) in header.into_iter().enumerate() {
        let fresh = if name.is_empty() {
            let fresh = free(&format!("column_{}", i + 1), &taken);
            warnings.push(warn(format!(
                "column {} has no name; it is called {fresh:?}",
                i + 1
            )));
            fresh
        } else if seen.contains(&name) {
            let fresh = free(&name, &taken);
            warnings.push(warn(format!(
                "column {} repeats the name {name:?}; it is called {fresh:?}",
                i + 1
            )));
            fresh
        } else {
            name
        };
        seen.insert(fresh.clone());
        taken.insert(fresh.clone());
        out.push(fresh);
    }
    out
}

fn free(base: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    (2..)
        .map(|k| format!("{base}_{k}"))
        .find(|n| !taken.contains(n))
        .expect("an unused suffix exists")
}

fn warn(message: String) -> Warning {
    Warning {
        line: Some(1),
        column: None,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_and_blanks_become_unique_with_warnings() {
        let mut w = vec![];
        let names = unique(
            ["a", "", "a", "a_2", "a"].map(String::from).to_vec(),
            &mut w,
        );
        assert_eq!(names, ["a", "column_2", "a_3", "a_2", "a_4"]);
        assert_eq!(w.len(), 3);
        assert!(
            w[1].message.contains("repeats the name \"a\""),
            "{:?}",
            w[1]
        );
    }

    #[test]
    fn numeric_first_rows_are_data() {
        assert!(is_data_row(&["1", "2.5", "-3e2"]));
        assert!(!is_data_row(&["1", "x"]));
        assert!(!is_data_row(&["1", ""]));
    }
}
