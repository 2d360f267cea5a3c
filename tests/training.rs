//! Training behaviour end to end on the public API: convergence (XOR with every optimizer, the
//! θ·x example with GD), early stopping, the NaN stop, reset, and seed determinism.

use kindling::data::{builtin, read_csv, Table};
use kindling::experiment::{Activation, Experiment, LayerConfig, Loss, OptimizerConfig};
use kindling::nn::Sequential;
use kindling::rng::Rng;
use kindling::train::{EpochRecord, Optimizer, Session};
use kindling::Error;
use ndarray::{array, ArrayD};

#[test]
fn xor_is_learned_with_every_optimizer() {
    let x = array![[0.0f32, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]].into_dyn();
    let y = array![[0.0f32], [1.0], [1.0], [0.0]];
    let optimizers = [
        OptimizerConfig::Gd { learning_rate: 0.5 },
        OptimizerConfig::Sgd {
            learning_rate: 0.1,
            momentum: 0.9,
            nesterov: false,
        },
        OptimizerConfig::Sgd {
            learning_rate: 0.1,
            momentum: 0.9,
            nesterov: true,
        },
        OptimizerConfig::Adam {
            learning_rate: 0.05,
            beta_1: 0.9,
            beta_2: 0.999,
            epsilon: 1e-7,
        },
        OptimizerConfig::Rmsprop {
            learning_rate: 0.01,
            rho: 0.9,
            epsilon: 1e-7,
        },
    ];
    for config in optimizers {
        let layers = [
            LayerConfig::dense(8, Activation::Tanh),
            LayerConfig::dense(1, Activation::Sigmoid),
        ];
        let mut model =
            Sequential::build(&layers, &[2], 1, Loss::BinaryCrossentropy, &mut Rng::new(1))
                .unwrap();
        let mut opt = Optimizer::new(config.clone());
        let first = model.loss(&x, &y);
        for _ in 0..2000 {
            model.forward_backward(&x, &y);
            opt.step(model.params());
        }
        let p = model.predict(&x);
        let last = model.loss(&x, &y);
        assert!(
            last < 0.1 && last < first / 5.0,
            "{config:?}: loss {first} → {last}"
        );
        for (pi, yi) in p.iter().zip(y.iter()) {
            assert!((pi - yi).abs() < 0.25, "{config:?}: predicts {p}");
        }
    }
}

/// A CSV of `rows` rows `x1,x2,y` with `y = f(x1, x2)` on a fixed pseudo-random grid.
fn table(rows: usize, f: impl Fn(f32, f32, usize) -> f32) -> Table {
    let mut csv = String::from("x1,x2,y\n");
    for i in 0..rows {
        let x1 = ((i * 37) % 101) as f32 / 50.0 - 1.0;
        let x2 = ((i * 53) % 97) as f32 / 48.0 - 1.0;
        csv += &format!("{x1},{x2},{}\n", f(x1, x2, i));
    }
    read_csv("generated.csv", csv.as_bytes()).unwrap()
}

fn train_all(session: &mut Session) -> Result<(), Error> {
    while !session.is_done() {
        session.step(usize::MAX)?;
    }
    Ok(())
}

#[test]
fn one_linear_unit_with_gd_recovers_theta() {
    // The seed article's example: y = θ·x with θ = (3, −2), no bias, full-batch gradient descent.
    let exp = Experiment::from_json(
        r#"{"data":{"scale":"none","split":{"method":"random","validation":0.0,"test":0.2}},
            "model":{"layers":[{"type":"dense","units":1,"use_bias":false}]},
            "compile":{"loss":"mse","optimizer":{"type":"gd","learning_rate":0.2}},
            "fit":{"epochs":400}}"#,
    )
    .unwrap();
    let mut s = Session::new(exp, &table(60, |a, b, _| 3.0 * a - 2.0 * b)).unwrap();
    assert_eq!(s.summary().params, 2, "kernel only");
    train_all(&mut s).unwrap();
    let theta = &s.weights()[0];
    assert!(
        (theta[[0, 0]] - 3.0).abs() < 1e-3 && (theta[[1, 0]] + 2.0).abs() < 1e-3,
        "{theta}"
    );
    assert!(s.history().last().unwrap().loss < 1e-6);
}

#[test]
fn early_stopping_stops_after_patience_and_restores_the_best_weights() {
    // A noise target: validation loss soon stops improving while a wide net keeps fitting.
    let exp = Experiment::from_json(
        r#"{"data":{"split":{"method":"random","validation":0.3,"test":0.1}},
            "model":{"layers":[{"type":"dense","units":64,"activation":"relu"},{"type":"dense","units":1}]},
            "compile":{"loss":"mse","optimizer":{"type":"adam","learning_rate":0.02}},
            "fit":{"epochs":500,"batch_size":8,
                   "early_stopping":{"monitor":"val_loss","patience":3,"restore_best_weights":true}}}"#,
    )
    .unwrap();
    let mut s = Session::new(exp, &table(80, |_, _, i| ((i * 7919) % 13) as f32)).unwrap();
    let mut after_epoch: Vec<Vec<ArrayD<f32>>> = vec![];
    while !s.is_done() {
        if s.step(usize::MAX).unwrap().is_some() {
            after_epoch.push(s.weights());
        }
    }
    assert!(s.stopped_early());
    let h = s.history();
    let best = h
        .iter()
        .min_by(|a, b| a.val_loss.unwrap().total_cmp(&b.val_loss.unwrap()))
        .unwrap()
        .epoch;
    assert_eq!(
        h.len(),
        best + 3,
        "stops once patience (3) epochs passed without improvement"
    );
    assert!(h.len() < 500);
    assert_eq!(
        s.weights(),
        after_epoch[best - 1],
        "best epoch's weights restored"
    );
    assert_ne!(after_epoch[h.len() - 2], after_epoch[best - 1]);
}

#[test]
fn a_diverging_loss_stops_training_naming_epoch_and_batch() {
    let exp = Experiment::from_json(
        r#"{"data":{"scale":"none","split":{"method":"random","validation":0.0,"test":0.2}},
            "model":{"layers":[{"type":"dense","units":1}]},
            "compile":{"loss":"mse","optimizer":{"type":"sgd","learning_rate":10}},
            "fit":{"epochs":50,"batch_size":4}}"#,
    )
    .unwrap();
    let mut s = Session::new(exp, &table(40, |a, b, _| 1000.0 * a + b)).unwrap();
    let err = train_all(&mut s).unwrap_err();
    let Error::Diverged {
        epoch,
        batch,
        value,
    } = err.clone()
    else {
        panic!("expected a divergence error, got {err}")
    };
    assert!(!value.is_finite());
    assert!(
        (1..=50).contains(&epoch) && (1..=8).contains(&batch),
        "{err}"
    );
    assert_eq!(
        s.history().len(),
        epoch - 1,
        "the failing epoch is not recorded"
    );
    assert!(s.history().iter().all(|r| r.loss.is_finite()));
    let msg = err.to_string();
    assert!(
        msg.contains(&format!("epoch {epoch}")) && msg.contains(&format!("batch {batch}")),
        "{msg}"
    );
}

fn iris_history(seed: u64) -> (Vec<EpochRecord>, Session) {
    let exp = Experiment::from_json(&format!(
        r#"{{"seed":{seed},"model":{{"layers":[{{"type":"dense","units":8,"activation":"relu"}},
            {{"type":"dropout","rate":0.2}},{{"type":"dense","units":3,"activation":"softmax"}}]}},
            "fit":{{"epochs":15,"batch_size":16}}}}"#
    ))
    .unwrap();
    let table = read_csv("iris.csv", builtin::bytes("iris").unwrap()).unwrap();
    let mut s = Session::new(exp, &table).unwrap();
    train_all(&mut s).unwrap();
    (s.history().to_vec(), s)
}

#[test]
fn same_seed_gives_the_identical_history_and_a_different_seed_does_not() {
    let (a, _) = iris_history(7);
    let (b, _) = iris_history(7);
    let (c, _) = iris_history(8);
    assert_eq!(a, b, "bit-identical records (f32 equality)");
    assert_ne!(a, c);
    assert_eq!(a.len(), 15);
}

#[test]
fn reset_replays_the_first_run_exactly() {
    let (first, mut s) = iris_history(3);
    s.reset();
    assert!(s.history().is_empty() && !s.is_done());
    train_all(&mut s).unwrap();
    assert_eq!(s.history(), &first[..]);
}
