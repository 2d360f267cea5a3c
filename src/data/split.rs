//! Dividing row indices into train, validation and test.

use crate::experiment::{SplitConfig, SplitMethod};
use crate::rng::Rng;

/// Row indices of each part.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Split {
    pub train: Vec<usize>,
    pub validation: Vec<usize>,
    pub test: Vec<usize>,
}

/// Splits `rows` rows. `classes` (one label per row) is used by the stratified method; without it,
/// stratified falls back to random.
pub fn split_rows(
    rows: usize,
    config: &SplitConfig,
    classes: Option<&[usize]>,
    rng: &mut Rng,
) -> Split {
    match (config.method, classes) {
        (SplitMethod::Chronological, _) => cut((0..rows).collect(), config),
        (SplitMethod::Stratified, Some(labels)) => stratified(labels, config, rng),
        _ => {
            let mut idx: Vec<usize> = (0..rows).collect();
            rng.shuffle(&mut idx);
            cut(idx, config)
        }
    }
}

fn counts(n: usize, config: &SplitConfig) -> (usize, usize) {
    let test = (n as f64 * config.test).round() as usize;
    let val = (n as f64 * config.validation).round() as usize;
    (test.min(n), val.min(n - test.min(n)))
}

/// Takes test from the end, validation before it, train first (keeps order for chronological).
fn cut(idx: Vec<usize>, config: &SplitConfig) -> Split {
    let n = idx.len();
    let (test, val) = counts(n, config);
    let train_end = n - test - val;
    Split {
        train: idx[..train_end].to_vec(),
        validation: idx[train_end..n - test].to_vec(),
        test: idx[n - test..].to_vec(),
    }
}

fn stratified(labels: &[usize], config: &SplitConfig, rng: &mut Rng) -> Split {
    let classes = labels.iter().copied().max().map_or(0, |m| m + 1);
    let mut out = Split::default();
    for class in 0..classes {
        let mut idx: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == class).collect();
        rng.shuffle(&mut idx);
        let part = cut(idx, config);
        out.train.extend(part.train);
        out.validation.extend(part.validation);
        out.test.extend(part.test);
    }
    rng.shuffle(&mut out.train);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(method: SplitMethod) -> SplitConfig {
        SplitConfig {
            method,
            validation: 0.1,
            test: 0.2,
        }
    }

    #[test]
    fn chronological_keeps_order_and_sizes() {
        let s = split_rows(
            10,
            &config(SplitMethod::Chronological),
            None,
            &mut Rng::new(0),
        );
        assert_eq!(s.train, (0..7).collect::<Vec<_>>());
        assert_eq!(s.validation, vec![7]);
        assert_eq!(s.test, vec![8, 9]);
    }

    #[test]
    fn stratified_puts_every_class_in_every_part() {
        let labels: Vec<usize> = (0..150).map(|i| i / 50).collect();
        let s = split_rows(
            150,
            &config(SplitMethod::Stratified),
            Some(&labels),
            &mut Rng::new(1),
        );
        for part in [&s.train, &s.validation, &s.test] {
            for class in 0..3 {
                assert!(part.iter().any(|&i| labels[i] == class));
            }
        }
        assert_eq!(
            (s.train.len(), s.validation.len(), s.test.len()),
            (105, 15, 30)
        );
    }

    #[test]
    fn random_is_a_seeded_partition() {
        let a = split_rows(50, &config(SplitMethod::Random), None, &mut Rng::new(5));
        let b = split_rows(50, &config(SplitMethod::Random), None, &mut Rng::new(5));
        assert_eq!(a, b);
        let mut all: Vec<usize> = a
            .train
            .iter()
            .chain(&a.validation)
            .chain(&a.test)
            .copied()
            .collect();
        all.sort();
        assert_eq!(all, (0..50).collect::<Vec<_>>());
    }
}
