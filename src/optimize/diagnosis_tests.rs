//! Diagnosis verdicts on constructed histories, one per case.

use super::*;
use crate::optimize::space::Knob;

/// A history from training-loss and validation-loss series (and optional accuracies).
fn history(loss: &[f32], val: &[f32]) -> Vec<EpochRecord> {
    loss.iter()
        .zip(val)
        .enumerate()
        .map(|(i, (&l, &v))| EpochRecord {
            epoch: i + 1,
            loss: l,
            val_loss: Some(v),
            accuracy: None,
            val_accuracy: None,
        })
        .collect()
}

fn regression_test(r2: f32) -> Evaluation {
    Evaluation {
        rows: 30,
        loss: Some(0.3),
        r2: Some(r2),
        rmse: Some(1.0),
        ..Default::default()
    }
}

#[test]
fn nan_loss_is_divergence() {
    let mut h = history(&[1.0, 0.8, 0.9], &[1.0, 0.9, 1.0]);
    h[2].loss = f32::NAN;
    let d = diagnose(&h, None);
    assert_eq!(d.verdict, Verdict::Diverged);
    assert!(d.optimize);
    assert_eq!(d.numbers["diverged_epoch"], 3.0);
    assert_eq!(d.suggestions[0].action, Action::LowerLearningRate);
    assert_eq!(d.vary[0], Knob::LearningRate);
}

#[test]
fn exploding_loss_is_divergence_at_the_first_exploding_epoch() {
    // 1.0 → 12.0 is 12× the first loss (over EXPLODE = 10), at epoch 4.
    let d = diagnose(
        &history(&[1.0, 2.0, 5.0, 12.0, 80.0], &[1.0, 2.0, 5.0, 9.0, 90.0]),
        None,
    );
    assert_eq!(d.verdict, Verdict::Diverged);
    assert_eq!(d.numbers["diverged_epoch"], 4.0);
    assert_eq!(d.numbers["diverged_loss"], 12.0);
    assert!(d.message.contains("epoch 4"), "{}", d.message);
}

#[test]
fn diverged_error_is_diagnosed_other_errors_are_not() {
    let h = history(&[1.0, 0.9], &[1.0, 0.9]);
    let err = Error::Diverged {
        epoch: 3,
        batch: 2,
        value: f32::INFINITY,
    };
    let d = diagnose_failure(&h, &err).unwrap();
    assert_eq!(d.verdict, Verdict::Diverged);
    assert_eq!(d.numbers["diverged_epoch"], 3.0);
    assert!(diagnose_failure(&h, &Error::State("x".into())).is_none());
}

#[test]
fn flat_loss_is_a_plateau() {
    // 1.000 → 0.990 is a 1% drop, under PLATEAU_DROP (2%).
    let loss = [1.0, 0.998, 0.995, 0.993, 0.99, 0.991];
    let d = diagnose(&history(&loss, &loss), None);
    assert_eq!(d.verdict, Verdict::Plateau);
    assert!((d.numbers["loss_drop"] - 0.01).abs() < 1e-6);
    assert_eq!(d.suggestions[0].action, Action::RaiseLearningRate);
}

#[test]
fn rising_validation_loss_is_overfitting_with_the_turning_epoch() {
    let loss = [1.0, 0.6, 0.4, 0.3, 0.2, 0.15, 0.1, 0.07];
    let val = [1.0, 0.7, 0.5, 0.45, 0.5, 0.6, 0.7, 0.8];
    let d = diagnose(&history(&loss, &val), None);
    assert_eq!(d.verdict, Verdict::Overfitting);
    assert_eq!(d.turned_at, Some(4));
    assert_eq!(d.numbers["best_val_loss"], 0.45f32 as f64);
    // Mean of the last three: (0.6 + 0.7 + 0.8) / 3 = 0.7, i.e. +55.6% over 0.45.
    assert!((d.numbers["final_val_loss"] - 0.7).abs() < 1e-6);
    assert!((d.numbers["val_rise"] - 0.25 / 0.45).abs() < 1e-5);
    assert!(d.message.contains("epoch 4"), "{}", d.message);
    let actions: Vec<Action> = d.suggestions.iter().map(|s| s.action).collect();
    assert!(
        actions.contains(&Action::EarlyStopping)
            && actions.contains(&Action::Dropout)
            && actions.contains(&Action::L2)
    );
    assert!(d.suggestions[0].text.contains("epoch 4"));
}

#[test]
fn validation_loss_rising_with_training_loss_is_not_overfitting() {
    // Training loss does not fall after the validation minimum: no over-fitting verdict.
    let loss = [1.0, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
    let val = [1.0, 0.7, 0.5, 0.6, 0.62, 0.61, 0.6, 0.63];
    let d = diagnose(&history(&loss, &val), Some(&regression_test(0.8)));
    assert_ne!(d.verdict, Verdict::Overfitting);
}

#[test]
fn accuracy_gap_is_overfitting() {
    let mut h = history(&[1.0, 0.5, 0.3, 0.2], &[1.0, 0.6, 0.5, 0.5]);
    h[3].accuracy = Some(1.0);
    h[3].val_accuracy = Some(0.7);
    let d = diagnose(&h, None);
    assert_eq!(d.verdict, Verdict::Overfitting);
    assert!((d.numbers["accuracy_gap"] - 0.3).abs() < 1e-6);
    assert!(
        d.message.contains("100.0%") && d.message.contains("70.0%"),
        "{}",
        d.message
    );
}

#[test]
fn low_training_accuracy_still_falling_is_underfitting() {
    let loss: Vec<f32> = (0..10).map(|i| 1.0 - 0.06 * i as f32).collect();
    let mut h = history(&loss, &loss);
    h[9].accuracy = Some(0.6);
    h[9].val_accuracy = Some(0.58);
    let d = diagnose(&h, None);
    assert_eq!(d.verdict, Verdict::Underfitting);
    assert!(
        d.message.contains("60.0%") && d.message.contains("still falling"),
        "{}",
        d.message
    );
    assert_eq!(d.suggestions[0].action, Action::MoreEpochs);
    // Last fifth = 2 epochs: (0.58 − 0.46) / 0.58.
    assert!((d.numbers["recent_fall"] - 0.12 / 0.58).abs() < 1e-5);
    assert!(d.vary.contains(&Knob::Units));
}

#[test]
fn low_test_r2_is_underfitting_for_regression() {
    let loss = [1.0, 0.8, 0.75, 0.74, 0.74, 0.74];
    let d = diagnose(&history(&loss, &loss), Some(&regression_test(0.3)));
    assert_eq!(d.verdict, Verdict::Underfitting);
    assert!(d.message.contains("0.300"), "{}", d.message);
    assert_eq!(d.numbers["test_r2"], 0.3f32 as f64);
    assert_eq!(d.suggestions[0].action, Action::MoreUnits);
}

#[test]
fn converged_and_accurate_is_fine() {
    let loss = [1.0, 0.5, 0.3, 0.2, 0.18, 0.175, 0.174, 0.174, 0.173, 0.173];
    let val = [1.0, 0.55, 0.35, 0.25, 0.22, 0.21, 0.21, 0.21, 0.205, 0.21];
    let mut h = history(&loss, &val);
    h[9].accuracy = Some(0.97);
    h[9].val_accuracy = Some(0.95);
    let d = diagnose(&h, None);
    assert_eq!(d.verdict, Verdict::Fine);
    assert!(!d.optimize);
    assert!(d.suggestions.is_empty() && d.vary.is_empty());
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["verdict"], "fine");
    assert_eq!(json["numbers"]["epochs"], 10.0);
}

#[test]
fn empty_history_is_nothing_to_diagnose() {
    let d = diagnose(&[], None);
    assert!(!d.optimize);
    assert!(d.message.contains("no epoch"));
}

#[test]
fn noise_on_a_tiny_validation_loss_is_not_overfitting() {
    // Validation loss fell from 0.7 to 0.004 and wobbles to 0.008: +100%, but 0.6% of the fall.
    let mut loss: Vec<f32> = (0..20).map(|i| 1.0 / (1.0 + i as f32)).collect();
    let mut val: Vec<f32> = (0..20).map(|i| 0.7 / (1.0 + 10.0 * i as f32)).collect();
    loss.extend([0.05, 0.048, 0.047, 0.046]);
    val.extend([0.004, 0.008, 0.007, 0.009]);
    let mut h = history(&loss, &val);
    h[23].accuracy = Some(0.98);
    h[23].val_accuracy = Some(1.0);
    let d = diagnose(&h, None);
    assert_eq!(d.verdict, Verdict::Fine, "{}", d.message);
}
