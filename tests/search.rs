//! Hyper-parameter search on the built-in datasets: better than or equal to the defaults on
//! validation, deterministic, within budget, stoppable, and blind to the test rows.

mod common;

use common::datasets::{diabetes, iris};
use kindling::data::{Column, ColumnData, Table};
use kindling::experiment::Experiment;
use kindling::optimize::holdout::{row_split, take_rows};
use kindling::optimize::{search, Holdout, SearchConfig, SearchOutcome, Validation};
use kindling::train::Session;

/// Learning rate, optimizer, batch size and epochs: the knobs that leave the layers alone.
fn training_knobs(trials: usize, seed: u64) -> SearchConfig {
    SearchConfig::from_json(&format!(
        r#"{{"trials":{trials},"seed":{seed},"vary":{{
            "learning_rate":{{"log_uniform":[0.0003,0.3]}},
            "optimizer":{{"choice":["adam","rmsprop","sgd"]}},
            "batch_size":{{"choice":[8,16,32,64]}},
            "epochs":{{"choice":[30,60,120]}}}}}}"#
    ))
    .unwrap()
}

fn run(config: &SearchConfig, exp: &Experiment, table: &Table) -> SearchOutcome {
    let holdout = Holdout::new(exp, table).unwrap();
    search(config, exp, &holdout, |_| true).unwrap()
}

fn config(trials: usize, seed: u64) -> SearchConfig {
    SearchConfig {
        trials,
        seed,
        ..Default::default()
    }
}

fn assert_not_worse_than_baseline(o: &SearchOutcome) {
    let baseline = o.baseline.as_ref().unwrap().score.unwrap();
    let best = o.trials[o.best.unwrap()].score.unwrap();
    eprintln!(
        "baseline {baseline:.4}  best {best:.4}  settings {:?}",
        o.best_settings
    );
    assert!(best <= baseline, "best {best} vs baseline {baseline}");
}

#[test]
fn iris_search_finds_settings_at_least_as_good_as_the_defaults() {
    let (exp, table) = iris();
    let o = run(&config(8, 1), &exp, &table);
    assert_eq!((o.trials.len(), o.planned, o.stopped), (8, 8, false));
    assert!(o
        .trials
        .iter()
        .all(|t| t.score.is_some() && t.val_accuracy.is_some()));
    assert_not_worse_than_baseline(&o);
    let best = o.best_experiment.as_ref().unwrap();
    // The best experiment keeps the user's split: it is ready to retrain and report on test rows.
    assert_eq!(best.data.split, exp.data.split);
}

#[test]
fn diabetes_search_finds_settings_at_least_as_good_as_the_defaults() {
    let (exp, table) = diabetes();
    let o = run(&training_knobs(12, 2), &exp, &table);
    assert_eq!(o.trials.len(), 12);
    assert!(o.trials.iter().all(|t| t.val_accuracy.is_none()));
    assert_not_worse_than_baseline(&o);
}

#[test]
fn same_seed_same_trials_and_results() {
    let (mut exp, table) = iris();
    exp.fit.epochs = 10;
    let a = run(&config(3, 9), &exp, &table);
    let b = run(&config(3, 9), &exp, &table);
    assert_eq!(a, b);
    let c = run(&config(3, 10), &exp, &table);
    let settings = |o: &SearchOutcome| {
        o.trials
            .iter()
            .map(|t| t.settings.clone())
            .collect::<Vec<_>>()
    };
    assert_ne!(settings(&a), settings(&c));
}

#[test]
fn search_stays_within_budget_and_stops_between_trials() {
    let (mut exp, table) = iris();
    exp.fit.epochs = 5;
    let dev = Holdout::new(&exp, &table).unwrap();
    let mut seen = vec![];
    let o = search(&config(6, 3), &exp, &dev, |t| {
        seen.push(t.index);
        seen.len() < 3
    })
    .unwrap();
    // The baseline, then trials 0 and 1; the callback said stop after the third report.
    assert_eq!(seen, vec![None, Some(0), Some(1)]);
    assert_eq!((o.trials.len(), o.planned, o.stopped), (2, 6, true));
    assert!(o.best.is_some());
}

#[test]
fn k_fold_scores_each_fold() {
    let (mut exp, table) = iris();
    exp.fit.epochs = 20;
    let c = SearchConfig {
        validation: Validation::Kfold { k: 3 },
        baseline: false,
        ..config(2, 4)
    };
    let o = run(&c, &exp, &table);
    assert!(o.baseline.is_none());
    for t in &o.trials {
        assert_eq!(t.folds.len(), 3);
        let mean = t.folds.iter().sum::<f32>() / 3.0;
        assert!((t.score.unwrap() - mean).abs() < 1e-6);
        // Different folds validate on different rows, so their scores differ.
        assert!(t.folds[0] != t.folds[1] || t.folds[1] != t.folds[2]);
    }
}

/// `table` with a numeric `rid` column (the row index) before the target.
fn with_row_ids(table: &Table) -> Table {
    let mut t = table.clone();
    let at = t.columns.len() - 1;
    t.columns.insert(
        at,
        Column {
            name: "rid".into(),
            data: ColumnData::Numeric((0..t.rows).map(|i| i as f64).collect()),
        },
    );
    t
}

fn ids(table: &Table) -> Vec<usize> {
    match &table.column("rid").unwrap().data {
        ColumnData::Numeric(v) => v.iter().map(|&x| x as usize).collect(),
        _ => unreachable!(),
    }
}

#[test]
fn the_held_out_rows_are_exactly_the_sessions_test_rows() {
    let (mut some_features, iris_table) = iris();
    some_features.data.features = Some(vec!["petal_width_cm".into(), "rid".into()]);
    some_features.data.split.method = kindling::experiment::SplitMethod::Random;
    for (mut exp, table) in [iris(), diabetes(), (some_features, iris_table)] {
        let table = with_row_ids(&table);
        exp.data.scale = kindling::experiment::Scale::None;
        exp.data.target = Some(table.columns.last().unwrap().name.clone());
        let session = Session::new(exp.clone(), &table).unwrap();
        let rid = session
            .data
            .preprocessing
            .features
            .iter()
            .position(|f| f == "rid")
            .unwrap();
        let mut session_test: Vec<usize> = session
            .data
            .x_test
            .outer_iter()
            .map(|r| r[[rid]] as usize)
            .collect();
        session_test.sort_unstable();
        let holdout = Holdout::new(&exp, &table).unwrap();
        assert_eq!(holdout.test_rows, session_test);
        let dev = ids(&holdout.dev);
        assert_eq!(dev.len() + session_test.len(), table.rows);
        assert!(dev.iter().all(|i| session_test.binary_search(i).is_err()));
        let split = row_split(&exp, &table).unwrap();
        assert_eq!(split.validation.len(), session.summary().rows[1]);
    }
}

#[test]
fn the_search_result_does_not_depend_on_the_test_rows() {
    let (mut exp, table) = diabetes();
    exp.fit.epochs = 10;
    let holdout = Holdout::new(&exp, &table).unwrap();
    // Scramble every test row: a search that read them would change.
    let mut scrambled = table.clone();
    for col in &mut scrambled.columns {
        if let ColumnData::Numeric(v) = &mut col.data {
            holdout
                .test_rows
                .iter()
                .for_each(|&i| v[i] = v[i] * -50.0 + 7.0);
        }
    }
    let c = training_knobs(3, 5);
    assert_eq!(run(&c, &exp, &table), run(&c, &exp, &scrambled));
    assert_eq!(
        Holdout::new(&exp, &scrambled).unwrap().test_rows,
        holdout.test_rows
    );
    assert_eq!(take_rows(&table, &[2, 0]).rows, 2);
}

#[test]
fn diabetes_search_over_hidden_layers() {
    let (mut exp, table) = diabetes();
    exp.model.layers.insert(
        0,
        kindling::experiment::LayerConfig::dense(16, kindling::experiment::Activation::Relu),
    );
    let o = run(&config(8, 2), &exp, &table);
    assert_not_worse_than_baseline(&o);
}

#[test]
fn diverging_trials_are_recorded_and_never_win() {
    let (exp, table) = diabetes();
    let c = SearchConfig::from_json(
        r#"{"strategy":"grid","trials":2,"vary":{"optimizer":{"choice":["sgd"]},"learning_rate":{"choice":[5.0, 0.01]}}}"#,
    )
    .unwrap();
    let o = run(&c, &exp, &table);
    let lrs: Vec<f64> = o
        .trials
        .iter()
        .map(|t| {
            t.settings[&kindling::optimize::Knob::LearningRate]
                .as_f64()
                .unwrap()
        })
        .collect();
    for (t, lr) in o.trials.iter().zip(&lrs) {
        if *lr == 5.0 {
            assert_eq!(t.score, None);
            assert!(
                t.error.as_deref().unwrap().contains("diverged"),
                "{:?}",
                t.error
            );
        } else {
            assert!(t.score.is_some());
        }
    }
    // The grid holds both rates; the diverging one never wins.
    assert_eq!(lrs.len(), 2);
    assert_eq!(lrs[o.best.unwrap()], 0.01);
}

#[test]
fn a_search_without_validation_rows_says_what_to_do() {
    let (mut exp, table) = iris();
    exp.data.split.validation = 0.0;
    exp.fit.epochs = 3;
    let dev = Holdout::new(&exp, &table).unwrap();
    let err = search(&config(2, 0), &exp, &dev, |_| true).unwrap_err();
    assert!(err.to_string().contains("data.split.validation"), "{err}");
    // k-fold needs no validation split.
    let c = SearchConfig {
        validation: Validation::Kfold { k: 2 },
        ..config(2, 0)
    };
    assert_eq!(search(&c, &exp, &dev, |_| true).unwrap().trials.len(), 2);
}

#[test]
fn every_value_of_the_space_is_checked_before_any_training() {
    let (mut exp, table) = iris();
    exp.fit.epochs = 2;
    let dev = Holdout::new(&exp, &table).unwrap();
    // One trial, drawn from a choice that also lists an optimizer the core does not have.
    let c = SearchConfig::from_json(
        r#"{"trials":1,"seed":1,"baseline":true,"vary":{"optimizer":{"choice":["adam","adam","adam","lbfgs"]}}}"#,
    )
    .unwrap();
    let drawn = kindling::optimize::plan(&c).unwrap();
    assert_eq!(
        drawn[0][&kindling::optimize::Knob::Optimizer],
        "adam",
        "lbfgs is not drawn"
    );
    let mut trained = 0;
    let err = search(&c, &exp, &dev, |_| {
        trained += 1;
        true
    })
    .unwrap_err()
    .to_string();
    assert_eq!(trained, 0, "nothing trained, not even the baseline");
    assert!(
        err.starts_with("experiment: compile.optimizer")
            && err.contains("lbfgs")
            && err.ends_with(r#"(from the search settings {"optimizer":"lbfgs"})"#),
        "{err}"
    );
    // A range is checked at both ends: 100000 units is over the limit even if never drawn.
    let c =
        SearchConfig::from_json(r#"{"trials":1,"vary":{"units":{"uniform":[8,100000]}}}"#).unwrap();
    let err = search(&c, &exp, &dev, |_| true).unwrap_err().to_string();
    assert!(
        err.starts_with("experiment: model.layers[0].units: 100000 is out of range"),
        "{err}"
    );
}

#[test]
fn more_folds_than_development_rows_says_so() {
    let (mut exp, table) = iris();
    exp.fit.epochs = 2;
    let small = take_rows(&table, &(0..150).step_by(10).collect::<Vec<_>>());
    let dev = Holdout::new(&exp, &small).unwrap();
    let c = SearchConfig {
        validation: Validation::Kfold { k: 20 },
        ..config(1, 0)
    };
    let err = search(&c, &exp, &dev, |_| true).unwrap_err().to_string();
    assert_eq!(
        err,
        format!("experiment: search.validation.k: 20 folds need at least 20 development rows, and the data has {} once the test rows are set aside; use at most {} folds", dev.dev.rows, dev.dev.rows)
    );
    assert!(!err.contains("use k-fold"), "k-fold is what is in use");
    // A trial run on its own (as a search worker does) names the empty fold.
    let settings = kindling::optimize::Settings::new();
    let err =
        kindling::optimize::run_trial(&exp, None, &settings, &dev, Validation::Kfold { k: 20 })
            .unwrap_err()
            .to_string();
    assert!(
        err.starts_with("experiment: search.validation.k: fold ")
            && err.contains(&format!(
                "of 20 has no validation rows to score ({} development rows); use fewer folds",
                dev.dev.rows
            )),
        "{err}"
    );
}
