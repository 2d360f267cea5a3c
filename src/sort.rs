//! The one unstable sort of the crate. Each `sort_unstable_by` with its own element type or
//! comparator is a separate ~4 KB copy of the sorting code in the `.wasm` (six of them, 24 KB,
//! before this module), so every sort goes through [`sort_indices`]: one copy.
//!
//! Every comparator given here is a total order (ties broken, or tied elements equal), so the
//! result does not depend on the algorithm: the same as a stable sort, natively and in wasm.

use std::cmp::Ordering;

/// Sorts the indices `v` by `cmp` (a total order).
#[inline(never)]
pub fn sort_indices(v: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    v.sort_unstable_by(|&a, &b| cmp(a, b));
}

/// Sorts numbers in increasing order through [`sort_indices`].
pub fn sort_numbers(v: &mut [usize]) {
    sort_indices(v, &|a, b| a.cmp(&b));
}

/// Sorts `v` by `cmp` (a total order) through [`sort_indices`].
pub fn sort_by<T: Clone>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&v[a], &v[b]));
    let sorted: Vec<T> = order.iter().map(|&i| v[i].clone()).collect();
    v.clone_from_slice(&sorted);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_sort() {
        let mut words = vec!["pear", "fig", "apple", "fig", "date"];
        let mut want = words.clone();
        want.sort();
        sort_by(&mut words, |a, b| a.cmp(b));
        assert_eq!(words, want);
        let mut ids = vec![5, 3, 9, 1, 3];
        sort_numbers(&mut ids);
        assert_eq!(ids, [1, 3, 3, 5, 9]);
        let mut empty: Vec<f64> = vec![];
        sort_by(&mut empty, f64::total_cmp);
        assert!(empty.is_empty());
    }
}
