//! Successive halving against plain search with the same seed and budget, and the baseline trial
//! being the user's own run (issue 20).

mod common;

use common::datasets::{diabetes, iris};
use kindling::data::Table;
use kindling::experiment::Experiment;
use kindling::optimize::{
    diagnose, search, Holdout, Pruning, SearchConfig, SearchOutcome, Settings, TrialRun, Validation,
};
use kindling::train::Session;

/// The knobs that leave diabetes's linear model alone (see tests/search.rs).
fn diabetes_space(pruning: Option<Pruning>) -> SearchConfig {
    let mut c = SearchConfig::from_json(
        r#"{"trials":12,"seed":0,"vary":{
            "learning_rate":{"log_uniform":[0.0003,0.3]},
            "optimizer":{"choice":["adam","rmsprop","sgd"]},
            "batch_size":{"choice":[8,16,32,64]},
            "l2":{"log_uniform":[0.00001,0.01]}}}"#,
    )
    .unwrap();
    c.pruning = pruning;
    c
}

fn iris_space(pruning: Option<Pruning>) -> SearchConfig {
    SearchConfig {
        trials: 12,
        seed: 0,
        pruning,
        ..Default::default()
    }
}

fn run(config: &SearchConfig, exp: &Experiment, table: &Table) -> SearchOutcome {
    search(config, exp, &Holdout::new(exp, table).unwrap(), |_| true).unwrap()
}

fn best(o: &SearchOutcome) -> f32 {
    o.trials[o.best.unwrap()].score.unwrap()
}

/// The user's run: the experiment trained on the whole table, as the page and `kindling train` do.
fn users_run(exp: &Experiment, table: &Table) -> Vec<kindling::train::EpochRecord> {
    let mut session = Session::new(exp.clone(), table).unwrap();
    while !session.is_done() {
        session.step(usize::MAX).unwrap();
    }
    session.history().to_vec()
}

#[test]
fn the_baseline_trial_is_the_users_run_with_the_diagnosis_number() {
    for (exp, table) in [iris(), diabetes()] {
        let history = users_run(&exp, &table);
        let d = diagnose(&history, None);
        let holdout = Holdout::new(&exp, &table).unwrap();
        let baseline = kindling::optimize::run_trial(
            &exp,
            None,
            &Settings::new(),
            &holdout,
            Validation::Split,
        )
        .unwrap();
        let val: Vec<f32> = history.iter().filter_map(|r| r.val_loss).collect();
        assert_eq!(baseline.val_loss, val, "{}", table.name);
        let score = baseline.score.unwrap();
        assert_eq!(score, *val.last().unwrap());
        assert_eq!(score as f64, d.numbers["last_val_loss"], "{}", table.name);
    }
}

#[test]
fn a_trial_trained_in_steps_ends_like_one_trained_straight() {
    let (exp, table) = diabetes();
    let holdout = Holdout::new(&exp, &table).unwrap();
    let settings: Settings = [(kindling::optimize::Knob::BatchSize, serde_json::json!(16))].into();
    let new = || TrialRun::new(&exp, Some(0), &settings, &holdout, Validation::Split).unwrap();
    let mut stepped = new();
    assert_eq!(stepped.advance(7).unwrap().epochs, 7);
    assert_eq!(stepped.advance(20).unwrap().epochs, 20);
    let stepped = stepped.advance(60).unwrap().clone();
    let mut straight = new();
    assert_eq!(straight.advance(60).unwrap(), &stepped);
    assert!(straight.is_done());
}

/// How much worse the pruned search's best validation loss may be than plain search's.
const MARGIN: f32 = 0.05;

fn compare(name: &str, plain: &SearchOutcome, pruned: &SearchOutcome) {
    eprintln!(
        "{name}: plain {} epochs best {:.5}; pruned {} epochs best {:.5} ({} of {} trials pruned)",
        plain.epochs_trained,
        best(plain),
        pruned.epochs_trained,
        best(pruned),
        pruned.trials.iter().filter(|t| t.pruned).count(),
        pruned.trials.len()
    );
    assert_eq!(pruned.trials.len(), plain.trials.len());
    // The same settings, in the same order: pruning changes how long trials train, not which run.
    let settings = |o: &SearchOutcome| {
        o.trials
            .iter()
            .map(|t| t.settings.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(settings(plain), settings(pruned));
    assert!(
        pruned.epochs_trained * 2 < plain.epochs_trained,
        "{name}: {} vs {}",
        pruned.epochs_trained,
        plain.epochs_trained
    );
    assert!(
        best(pruned) <= best(plain) * (1.0 + MARGIN),
        "{name}: {} vs {}",
        best(pruned),
        best(plain)
    );
    // A trial that trained in full has exactly the score it has in plain search.
    let b = &pruned.trials[pruned.best.unwrap()];
    assert_eq!(b.score, plain.trials[b.index.unwrap()].score);
}

#[test]
fn pruning_trains_fewer_epochs_and_finds_about_as_good_on_iris() {
    let (exp, table) = iris();
    let plain = run(&iris_space(None), &exp, &table);
    let pruned = run(&iris_space(Some(Pruning::default())), &exp, &table);
    compare("iris", &plain, &pruned);
    assert_eq!(
        pruned,
        run(&iris_space(Some(Pruning::default())), &exp, &table)
    );
}

#[test]
fn pruning_trains_fewer_epochs_and_finds_about_as_good_on_diabetes() {
    let (exp, table) = diabetes();
    let plain = run(&diabetes_space(None), &exp, &table);
    let pruned = run(&diabetes_space(Some(Pruning::default())), &exp, &table);
    compare("diabetes", &plain, &pruned);
}
