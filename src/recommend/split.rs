//! The per-user split: each user's rows are shuffled (seeded) and a share of them held out for
//! validation and test, so every evaluated user was seen in training. An item whose every row
//! fell outside training has no embedding; those rows go back to training (with a warning).

use std::collections::{HashMap, HashSet};

use super::data::Interactions;
use crate::rng::Rng;

/// Row indices of each part, each in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Split {
    pub train: Vec<usize>,
    pub validation: Vec<usize>,
    pub test: Vec<usize>,
    /// Rows moved back to training because their item had no training row.
    pub moved: usize,
}

/// Holds out `round(share · n)` of each user's `n` rows (at most `n − 1`, so one stays in
/// training) for test, then for validation the same way from what is left.
pub fn per_user(data: &Interactions, validation: f64, test: f64, rng: &mut Rng) -> Split {
    let mut by_user: Vec<Vec<usize>> = Vec::new();
    let mut slot: HashMap<&str, usize> = HashMap::new();
    for (row, user) in data.users.iter().enumerate() {
        let n = *slot.entry(user).or_insert_with(|| {
            by_user.push(Vec::new());
            by_user.len() - 1
        });
        by_user[n].push(row);
    }
    let mut part = vec![0u8; data.users.len()]; // 0 train, 1 validation, 2 test
    for rows in &mut by_user {
        rng.shuffle(rows);
        let n = rows.len();
        let n_test = ((test * n as f64).round() as usize).min(n - 1);
        let n_val = ((validation * n as f64).round() as usize).min(n - 1 - n_test);
        rows[..n_test].iter().for_each(|&r| part[r] = 2);
        rows[n_test..n_test + n_val]
            .iter()
            .for_each(|&r| part[r] = 1);
    }
    let trained: HashSet<&str> = (0..part.len())
        .filter(|&r| part[r] == 0)
        .map(|r| data.items[r].as_str())
        .collect();
    let mut split = Split::default();
    for (row, p) in part.iter_mut().enumerate() {
        if *p != 0 && !trained.contains(data.items[row].as_str()) {
            *p = 0;
            split.moved += 1;
        }
        [&mut split.train, &mut split.validation, &mut split.test][*p as usize].push(row);
    }
    split
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(pairs: &[(&str, &str)]) -> Interactions {
        Interactions {
            users: pairs.iter().map(|p| p.0.to_string()).collect(),
            items: pairs.iter().map(|p| p.1.to_string()).collect(),
            ratings: vec![1.0; pairs.len()],
            ..Interactions::default()
        }
    }

    #[test]
    fn every_user_keeps_a_training_row_and_held_out_items_were_trained() {
        let pairs: Vec<(String, String)> = (0..40)
            .map(|r| (format!("u{}", r % 7), format!("i{}", r % 5)))
            .collect();
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(u, i)| (&u[..], &i[..])).collect();
        let d = data(&pairs);
        let s = per_user(&d, 0.2, 0.2, &mut Rng::new(1));
        assert_eq!(s.train.len() + s.validation.len() + s.test.len(), 40);
        // 7 users with 6 or 5 rows: round(0.2 · 6) = 1, round(0.2 · 5) = 1 per part.
        assert_eq!((s.test.len(), s.validation.len(), s.moved), (7, 7, 0));
        for held in s.test.iter().chain(&s.validation) {
            assert!(s.train.iter().any(|&t| d.users[t] == d.users[*held]));
            assert!(s.train.iter().any(|&t| d.items[t] == d.items[*held]));
        }
        assert_eq!(
            s,
            per_user(&d, 0.2, 0.2, &mut Rng::new(1)),
            "same seed, same split"
        );
    }

    #[test]
    fn a_user_with_one_row_trains_on_it_and_an_item_seen_only_in_test_moves_back() {
        // u1 has two rows; "solo" appears once, so holding it out would leave it untrained.
        let d = data(&[("u0", "a"), ("u1", "a"), ("u1", "solo")]);
        let s = per_user(&d, 0.0, 0.5, &mut Rng::new(0));
        assert!(s.train.contains(&0), "u0's only row stays in training");
        let solo_held = s.test.contains(&2);
        assert!(!solo_held);
        assert_eq!(s.train.len() + s.test.len(), 3);
        assert_eq!(
            s.moved + s.test.len(),
            1,
            "u1 held one row out, or it was moved back"
        );
    }
}
