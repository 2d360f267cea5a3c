//! Tests of src/optimize/plan.rs (kept beside it so that file stays one idea).

use super::*;

fn lr_only(strategy: Strategy, trials: usize, seed: u64) -> SearchConfig {
    SearchConfig {
        strategy,
        trials,
        seed,
        vary: [(Knob::LearningRate, Domain::LogUniform([1e-4, 1e-1]))]
            .into_iter()
            .collect(),
        ..Default::default()
    }
}

#[test]
fn random_plans_are_a_function_of_the_seed() {
    let c = SearchConfig {
        seed: 5,
        ..Default::default()
    };
    assert_eq!(plan(&c).unwrap(), plan(&c).unwrap());
    assert_eq!(plan(&c).unwrap().len(), 12);
    let other = SearchConfig {
        seed: 6,
        ..c.clone()
    };
    assert_ne!(plan(&c).unwrap(), plan(&other).unwrap());
}

/// optimizer × units × dropout: 2 × 2 × 3 = 12 settings.
fn small_space(trials: usize, seed: u64) -> SearchConfig {
    SearchConfig {
        trials,
        seed,
        vary: [
            (
                Knob::Optimizer,
                Domain::Choice(vec![json!("adam"), json!("sgd")]),
            ),
            (Knob::Units, Domain::Choice(vec![json!(16), json!(64)])),
            (
                Knob::Dropout,
                Domain::Choice(vec![json!(0.0), json!(0.1), json!(0.3)]),
            ),
        ]
        .into_iter()
        .collect(),
        ..Default::default()
    }
}

fn short(s: &Settings) -> String {
    s.values()
        .map(|v| v.to_string().replace('"', ""))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn twelve_random_trials_over_twelve_settings_are_each_setting_once() {
    let c = small_space(12, 0);
    assert_eq!(distinct_settings(&c), Some(12));
    let trials: Vec<String> = plan(&c).unwrap().iter().map(short).collect();
    let mut sorted = trials.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 12, "{trials:?}");
    // The exact order seed 0 gives (a shuffle of the 12 settings).
    assert_eq!(trials, EXPECTED_SEED_0);
    // A larger budget still runs each setting once; a smaller one runs distinct settings.
    assert_eq!(plan(&small_space(20, 0)).unwrap().len(), 12);
    let five: Vec<String> = plan(&small_space(5, 0))
        .unwrap()
        .iter()
        .map(short)
        .collect();
    assert_eq!(five, EXPECTED_SEED_0[..5]);
    let other: Vec<String> = plan(&small_space(12, 1))
        .unwrap()
        .iter()
        .map(short)
        .collect();
    assert_ne!(other, trials);
}

const EXPECTED_SEED_0: [&str; 12] = [
    "sgd 64 0.1",
    "adam 64 0.3",
    "adam 64 0.1",
    "sgd 64 0.3",
    "sgd 64 0.0",
    "sgd 16 0.0",
    "adam 16 0.3",
    "adam 16 0.1",
    "adam 64 0.0",
    "sgd 16 0.3",
    "sgd 16 0.1",
    "adam 16 0.0",
];

#[test]
fn ranges_with_few_choices_repeat_each_choice_before_any_twice() {
    let mut c = small_space(30, 3);
    c.vary
        .insert(Knob::LearningRate, Domain::LogUniform([1e-4, 0.1]));
    assert_eq!(distinct_settings(&c), None);
    let trials = plan(&c).unwrap();
    assert_eq!(trials.len(), 30);
    let choice_part = |s: &Settings| {
        let mut s = s.clone();
        s.remove(&Knob::LearningRate);
        short(&s)
    };
    for block in trials.chunks(12) {
        let mut parts: Vec<String> = block.iter().map(choice_part).collect();
        parts.sort();
        parts.dedup();
        assert_eq!(parts.len(), block.len(), "{parts:?}");
    }
    let lrs: Vec<f64> = trials
        .iter()
        .map(|t| t[&Knob::LearningRate].as_f64().unwrap())
        .collect();
    assert!(lrs.iter().all(|lr| (1e-4..=0.1).contains(lr)), "{lrs:?}");
}

#[test]
fn huge_spaces_reject_repeated_choices() {
    let values: Vec<Value> = (1..=400).map(|u| json!(u)).collect();
    let c = SearchConfig {
        trials: 1000,
        vary: [
            (Knob::Units, Domain::Choice(values.clone())),
            (Knob::Epochs, Domain::Choice(values)),
        ]
        .into_iter()
        .collect(),
        ..Default::default()
    };
    let trials: Vec<String> = plan(&c).unwrap().iter().map(short).collect();
    let mut sorted = trials.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!((trials.len(), sorted.len()), (1000, 1000));
}

#[test]
fn log_uniform_covers_every_decade() {
    let trials = plan(&lr_only(Strategy::Random, 400, 1)).unwrap();
    let mut decades = [0usize; 3];
    for t in &trials {
        let lr = t[&Knob::LearningRate].as_f64().unwrap();
        assert!((1e-4..=1e-1).contains(&lr), "{lr}");
        decades[((lr.log10() + 4.0).floor() as usize).min(2)] += 1;
    }
    // Each decade gets about a third (133 of 400).
    assert!(
        decades.iter().all(|&d| (100..170).contains(&d)),
        "{decades:?}"
    );
}

#[test]
fn grid_is_the_product_and_sampled_when_over_budget() {
    let mut c = lr_only(Strategy::Grid, 100, 0);
    c.vary
        .insert(Knob::Units, Domain::Choice(vec![json!(8), json!(16)]));
    let all = plan(&c).unwrap();
    assert_eq!(all.len(), 6);
    let lrs: Vec<f64> = all
        .iter()
        .map(|s| s[&Knob::LearningRate].as_f64().unwrap())
        .collect();
    for (got, want) in lrs
        .iter()
        .zip([1e-4, 1e-4, 10f64.powf(-2.5), 10f64.powf(-2.5), 0.1, 0.1])
    {
        assert!((got / want - 1.0).abs() < 1e-9, "{lrs:?}");
    }
    assert_eq!(all[0][&Knob::Units], json!(8));
    assert_eq!(all[1][&Knob::Units], json!(16));
    c.trials = 4;
    let some = plan(&c).unwrap();
    assert_eq!(some.len(), 4);
    assert!(some.iter().all(|s| all.contains(s)));
    assert_eq!(some, plan(&c).unwrap());
}

#[test]
fn bad_documents_name_the_key() {
    let err = SearchConfig::from_json(r#"{"trails": 3}"#).unwrap_err();
    assert!(err.to_string().contains("trails"), "{err}");
    let err = SearchConfig::from_json(r#"{"trials": 0}"#).unwrap_err();
    assert!(err.to_string().contains("search.trials"), "{err}");
    let err = SearchConfig::from_json(r#"{"vary": {"learning_rate": {"log_uniform": [0, 1]}}}"#)
        .unwrap_err();
    assert!(
        err.to_string().contains("search.vary.learning_rate"),
        "{err}"
    );
    let err = SearchConfig::from_json(r#"{"pruning": {"eta": 1}}"#).unwrap_err();
    assert!(err.to_string().contains("search.pruning.eta"), "{err}");
    let on = SearchConfig::from_json(r#"{"pruning": {}}"#).unwrap();
    assert_eq!(on.pruning, Some(Pruning { eta: 3, rungs: 3 }));
    let err =
        SearchConfig::from_json(r#"{"validation": {"method": "kfold", "k": 1}}"#).unwrap_err();
    assert!(err.to_string().contains("validation.k"), "{err}");
    let ok = SearchConfig::from_json(r#"{"strategy":"grid","vary":{"units":{"choice":[4,8]}}}"#)
        .unwrap();
    assert_eq!(plan(&ok).unwrap().len(), 2);
}
