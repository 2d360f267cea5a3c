//! Diagnosis on real training runs: a big unregularised MLP on iris over-fits,
//! a huge learning rate diverges, a tiny one plateaus.

use kindling::data::{builtin, read_csv, Table};
use kindling::experiment::Experiment;
use kindling::optimize::diagnosis::Action;
use kindling::optimize::holdout::take_rows;
use kindling::optimize::{diagnose, diagnose_failure, Diagnosis, Knob, Verdict};
use kindling::train::Session;

fn table(name: &str) -> Table {
    read_csv(name, builtin::bytes(name).unwrap()).unwrap()
}

/// Trains to the end (or to a divergence) and diagnoses the run.
fn train_and_diagnose(exp: &str, table: &Table) -> Diagnosis {
    let mut s = Session::new(Experiment::from_json(exp).unwrap(), table).unwrap();
    while !s.is_done() {
        if let Err(e) = s.step(usize::MAX) {
            return diagnose_failure(s.history(), &e).expect("only divergence can stop training");
        }
    }
    let test = s.evaluate();
    let d = diagnose(s.history(), Some(&test));
    eprintln!("{}", serde_json::to_string(&d).unwrap());
    d
}

#[test]
fn big_mlp_on_iris_overfits() {
    // 2 × 256 units for 105 training rows and no regularisation: validation loss bottoms out early
    // and climbs while training loss goes to zero.
    let d = train_and_diagnose(
        r#"{"data":{"split":{"method":"stratified","validation":0.3,"test":0.2}},
            "model":{"layers":[{"type":"dense","units":256,"activation":"relu"},
                               {"type":"dense","units":256,"activation":"relu"},
                               {"type":"dense","units":3,"activation":"softmax"}]},
            "compile":{"optimizer":{"type":"adam","learning_rate":0.003}},
            "fit":{"epochs":100,"batch_size":16}}"#,
        &table("iris"),
    );
    assert_eq!(d.verdict, Verdict::Overfitting, "{}", d.message);
    assert!(d.optimize);
    let turned = d.turned_at.unwrap();
    assert!((3..50).contains(&turned), "turned at {turned}");
    assert_eq!(d.numbers["best_val_epoch"], turned as f64);
    assert!(
        d.numbers["final_val_loss"] > 1.3 * d.numbers["best_val_loss"],
        "{:?}",
        d.numbers
    );
    assert!(d.numbers["final_loss"] < 0.01, "{:?}", d.numbers);
    assert!(
        d.message.contains(&format!("epoch {turned}")),
        "{}",
        d.message
    );
    assert!(d.suggestions.iter().any(|s| s.action == Action::Dropout));
    assert!(d.vary.contains(&Knob::Dropout));
}

#[test]
fn big_mlp_on_a_small_slice_of_digits_is_not_called_underfitting() {
    // Digits is easy: the same kind of model memorises 140 rows yet validates well. Whatever the
    // verdict, it must not ask for more epochs once the training loss is ~0.
    let digits = table("digits");
    let slice = take_rows(&digits, &(0..200).collect::<Vec<_>>());
    let d = train_and_diagnose(
        r#"{"data":{"task":"classification","split":{"method":"stratified","validation":0.3,"test":0.1}},
            "model":{"layers":[{"type":"dense","units":256,"activation":"relu"},
                               {"type":"dense","units":10,"activation":"softmax"}]},
            "compile":{"optimizer":{"type":"adam","learning_rate":0.003}},
            "fit":{"epochs":40,"batch_size":16}}"#,
        &slice,
    );
    assert_ne!(d.verdict, Verdict::Underfitting, "{}", d.message);
    assert!(
        d.suggestions.iter().all(|s| s.action != Action::MoreEpochs),
        "{:?}",
        d.suggestions
    );
}

#[test]
fn huge_learning_rate_diverges() {
    let d = train_and_diagnose(
        r#"{"data":{"source":"builtin:diabetes","split":{"method":"random","validation":0.2,"test":0.2}},
            "model":{"layers":[{"type":"dense","units":1}]},
            "compile":{"optimizer":{"type":"sgd","learning_rate":5}},"fit":{"epochs":50,"batch_size":16}}"#,
        &table("diabetes"),
    );
    assert_eq!(d.verdict, Verdict::Diverged, "{}", d.message);
    assert!(d.numbers["diverged_epoch"] <= 50.0);
    assert_eq!(d.suggestions[0].action, Action::LowerLearningRate);
}

#[test]
fn tiny_learning_rate_plateaus() {
    let d = train_and_diagnose(
        r#"{"compile":{"optimizer":{"type":"sgd","learning_rate":1e-6}},"fit":{"epochs":20}}"#,
        &table("iris"),
    );
    assert_eq!(d.verdict, Verdict::Plateau, "{}", d.message);
    assert!(d.numbers["loss_drop"] < 0.02);
}

#[test]
fn default_iris_run_needs_no_optimizing() {
    let d = train_and_diagnose(r#"{"fit":{"epochs":100}}"#, &table("iris"));
    assert_eq!(d.verdict, Verdict::Fine, "{}", d.message);
    assert!(!d.optimize);
    assert!(d.numbers["test_accuracy"] > 0.9);
}
