//! The message for a column name a table lacks: every name of a narrow table, the nearest few
//! (by edit distance) of a wide one, so that a typo in one of 10,000 names reads in one line.

/// A table with more columns than this lists only the [`NEAREST`] names nearest a missing one.
pub const LIST_ALL: usize = 20;
/// How many near names the message of a wide table lists.
pub const NEAREST: usize = 5;

/// `there is no column "x"; the columns are a, b, c`, or for more than [`LIST_ALL`] names
/// `there is no column "x"; the nearest of the 10000 columns are x1, x10, …` (nearest first,
/// ties in table order).
pub fn no_column(name: &str, names: &[&str]) -> String {
    if names.len() <= LIST_ALL {
        return format!(
            "there is no column {name:?}; the columns are {}",
            names.join(", ")
        );
    }
    let mut order: Vec<usize> = (0..names.len()).collect();
    let far: Vec<usize> = names.iter().map(|n| distance(name, n)).collect();
    crate::sort::sort_indices(&mut order, &|a, b| far[a].cmp(&far[b]).then(a.cmp(&b)));
    let near: Vec<&str> = order[..NEAREST].iter().map(|&i| names[i]).collect();
    format!(
        "there is no column {name:?}; the nearest of the {} columns are {}",
        names.len(),
        near.join(", ")
    )
}

/// The Levenshtein distance between `a` and `b`: the fewest characters inserted, deleted or
/// replaced to turn one into the other.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("c150", "c150"), 0);
        assert_eq!(distance("größe", "grösse"), 2);
    }

    #[test]
    fn a_narrow_table_lists_every_column() {
        assert_eq!(
            no_column("z", &["a", "b"]),
            "there is no column \"z\"; the columns are a, b"
        );
    }

    #[test]
    fn a_wide_table_lists_the_nearest_names_first() {
        let names: Vec<String> = (0..100).map(|i| format!("c{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        // One character deleted gives c10, c15 and c50; two give c0, c1, … (table order).
        assert_eq!(
            no_column("c150", &names),
            "there is no column \"c150\"; the nearest of the 100 columns are c10, c15, c50, c0, c1"
        );
    }
}
