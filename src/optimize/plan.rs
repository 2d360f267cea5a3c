//! The search document (`SearchConfig`) and the deterministic list of trials it describes:
//! the same document (seed included) always gives the same trials, in the same order.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::halving::Pruning;
use super::space::{Domain, Knob, Settings};
use crate::error::{Error, Result};
use crate::rng::Rng;

/// Most trials one search may ask for.
pub const MAX_TRIALS: usize = 1000;
/// Most points a grid may have before it must be narrowed.
pub const MAX_GRID: usize = 100_000;

/// How trial settings are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// Each trial draws every knob independently (log-uniform learning rates etc.).
    #[default]
    Random,
    /// Every combination of the knobs' values (continuous ranges give `grid_points` values each);
    /// a grid larger than the budget is sampled without repetition.
    Grid,
}

/// How a trial is scored on the development rows (the test rows never take part).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub enum Validation {
    /// The experiment's own validation fraction.
    #[default]
    Split,
    /// `k` folds: each fold is the validation set once; the score is the mean.
    Kfold { k: usize },
}

/// What to vary, how, and how many trials (the budget).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    pub strategy: Strategy,
    /// The budget: at most this many trials.
    pub trials: usize,
    /// Drives which settings the trials get (training itself uses the experiment's seed).
    pub seed: u64,
    /// Values per continuous range in a grid search.
    pub grid_points: usize,
    pub validation: Validation,
    /// Also train the experiment as it is, to compare against (not counted in `trials`).
    pub baseline: bool,
    pub vary: BTreeMap<Knob, Domain>,
    /// Successive halving (see `halving`); `None` trains every trial to the end.
    pub pruning: Option<Pruning>,
}

impl Default for SearchConfig {
    fn default() -> Self {
        let vary = [
            (
                Knob::Optimizer,
                Domain::Choice(vec![json!("adam"), json!("rmsprop")]),
            ),
            (Knob::LearningRate, Domain::LogUniform([1e-4, 0.1])),
            (Knob::Layers, Domain::Choice(vec![json!(1), json!(2)])),
            (
                Knob::Units,
                Domain::Choice(vec![json!(8), json!(16), json!(32), json!(64)]),
            ),
            (
                Knob::Dropout,
                Domain::Choice(vec![json!(0.0), json!(0.1), json!(0.3)]),
            ),
            (
                Knob::BatchSize,
                Domain::Choice(vec![json!(16), json!(32), json!(64)]),
            ),
        ];
        SearchConfig {
            strategy: Strategy::Random,
            trials: 12,
            seed: 0,
            grid_points: 3,
            validation: Validation::Split,
            baseline: true,
            vary: vary.into_iter().collect(),
            pruning: None,
        }
    }
}

impl SearchConfig {
    /// Parses a search document; errors name the key (`search: vary.units: ...`).
    pub fn from_json(text: &str) -> Result<Self> {
        let value =
            crate::json::parse(text).map_err(|e| Error::experiment("search", e.to_string()))?;
        let config: SearchConfig = crate::json::from_value(&value).map_err(|e| {
            Error::experiment(&format!("search.{}", e.path()), e.into_inner().to_string())
        })?;
        config.validate()?;
        Ok(config)
    }

    /// Range-checks the budget, fold count and every domain.
    pub fn validate(&self) -> Result<()> {
        let err = |path: &str, m: String| Err(Error::experiment(&format!("search.{path}"), m));
        if !(1..=MAX_TRIALS).contains(&self.trials) {
            return err(
                "trials",
                format!("{} is out of range; use 1 to {MAX_TRIALS}", self.trials),
            );
        }
        if !(2..=10).contains(&self.grid_points) {
            return err(
                "grid_points",
                format!("{} is out of range; use 2 to 10", self.grid_points),
            );
        }
        if let Validation::Kfold { k } = self.validation {
            if !(2..=20).contains(&k) {
                return err(
                    "validation.k",
                    format!("{k} folds is out of range; use 2 to 20"),
                );
            }
        }
        if let Some(p) = self.pruning {
            if !(2..=10).contains(&p.eta) {
                return err(
                    "pruning.eta",
                    format!("{} is out of range; use 2 to 10", p.eta),
                );
            }
            if !(1..=5).contains(&p.rungs) {
                return err(
                    "pruning.rungs",
                    format!("{} is out of range; use 1 to 5", p.rungs),
                );
            }
        }
        for (knob, domain) in &self.vary {
            let path = format!("vary.{}", knob.name());
            match domain {
                Domain::Choice(v) if v.is_empty() => {
                    return err(&path, "choice is empty; list at least one value".into())
                }
                Domain::Uniform([lo, hi]) if !(lo.is_finite() && hi.is_finite() && lo <= hi) => {
                    return err(
                        &path,
                        format!("uniform needs finite low <= high, got [{lo}, {hi}]"),
                    )
                }
                Domain::LogUniform([lo, hi]) if !(*lo > 0.0 && hi.is_finite() && lo <= hi) => {
                    return err(
                        &path,
                        format!("log_uniform needs 0 < low <= high, got [{lo}, {hi}]"),
                    )
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// The trials `config` describes, in order (at most `config.trials`). No two trials share the
/// values of their `choice` knobs while the space has unused combinations of them: a space of
/// only choices (or a grid) smaller than the budget gives each of its settings once, so the plan
/// is shorter than `trials` (see `distinct_settings`).
pub fn plan(config: &SearchConfig) -> Result<Vec<Settings>> {
    config.validate()?;
    let mut rng = Rng::new(config.seed);
    match config.strategy {
        Strategy::Random => Ok(random(config, &mut rng)),
        Strategy::Grid => grid(config, &mut rng),
    }
}

/// How many different settings the space holds: `Some` when every varied knob is a `choice`
/// (repeated values counted once), `None` when a range makes it unlimited.
pub fn distinct_settings(config: &SearchConfig) -> Option<usize> {
    config.vary.values().try_fold(1usize, |n, d| match d {
        Domain::Choice(v) => n.checked_mul(distinct(v).len()),
        _ => None,
    })
}

fn distinct(values: &[Value]) -> Vec<Value> {
    let mut out: Vec<Value> = vec![];
    for v in values {
        if !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

/// Random search without replacement. The combinations of the `choice` knobs are enumerated and
/// shuffled by the seed, and trial `t` takes combination `t` (starting over, reshuffled, only when
/// a space with ranges has fewer combinations than the budget); each range is then drawn
/// independently (log-uniform ranges on a log scale). Combinations beyond `MAX_GRID` are drawn
/// per knob instead, rejecting repeats (up to 100 tries per trial).
fn random(config: &SearchConfig, rng: &mut Rng) -> Vec<Settings> {
    let choices: Vec<(Knob, Vec<Value>)> = config
        .vary
        .iter()
        .filter_map(|(&k, d)| match d {
            Domain::Choice(v) => Some((k, distinct(v))),
            _ => None,
        })
        .collect();
    let size = choices.iter().try_fold(1usize, |n, (_, v)| {
        n.checked_mul(v.len()).filter(|&n| n <= MAX_GRID)
    });
    let only_choices = choices.len() == config.vary.len();
    let trials = match size {
        Some(n) if only_choices => n.min(config.trials),
        _ => config.trials,
    };
    let mut order: Vec<usize> = vec![];
    let mut seen: Vec<Vec<usize>> = vec![];
    (0..trials)
        .map(|_| {
            let picks: Vec<usize> = match size {
                Some(n) => {
                    if order.is_empty() {
                        order = (0..n).collect();
                        rng.shuffle(&mut order);
                        order.reverse();
                    }
                    let mut i = order.pop().expect("refilled above");
                    let mut picks = vec![0; choices.len()];
                    for (p, (_, values)) in picks.iter_mut().zip(&choices).rev() {
                        *p = i % values.len();
                        i /= values.len();
                    }
                    picks
                }
                None => {
                    let draw = |rng: &mut Rng| -> Vec<usize> {
                        choices.iter().map(|(_, v)| rng.below(v.len())).collect()
                    };
                    let mut picks = draw(rng);
                    for _ in 0..100 {
                        if !seen.contains(&picks) {
                            break;
                        }
                        picks = draw(rng);
                    }
                    seen.push(picks.clone());
                    picks
                }
            };
            // Inserted in `vary`'s order (`collect` into a map would sort: more wasm code).
            let mut s = Settings::new();
            let mut picked = choices.iter().zip(picks);
            for (&knob, domain) in &config.vary {
                let value = match domain {
                    Domain::Choice(_) => {
                        let ((_, values), p) = picked.next().expect("one pick per choice");
                        values[p].clone()
                    }
                    _ => draw(knob, domain, rng),
                };
                s.insert(knob, value);
            }
            s
        })
        .collect()
}

/// A value of a range (`Uniform` or `LogUniform`; a `choice` is picked by `random`).
fn draw(knob: Knob, domain: &Domain, rng: &mut Rng) -> Value {
    let u = rng.next_f32() as f64;
    match domain {
        Domain::Choice(values) => values[rng.below(values.len())].clone(),
        Domain::Uniform([lo, hi]) => knob.value(lo + (hi - lo) * u),
        Domain::LogUniform([lo, hi]) => knob.value(log_lerp(*lo, *hi, u)),
    }
}

/// The point a fraction `u` of the way from `lo` to `hi` on a log scale, with `libm`'s log and
/// exp (the platform's differ in the last bit between native and wasm builds).
fn log_lerp(lo: f64, hi: f64, u: f64) -> f64 {
    let (a, b) = (libm::log(lo), libm::log(hi));
    libm::exp(a + (b - a) * u)
}

/// The values of one grid axis.
fn axis(knob: Knob, domain: &Domain, points: usize) -> Vec<Value> {
    let at = |i: usize| i as f64 / (points - 1) as f64;
    let mut values: Vec<Value> = match domain {
        Domain::Choice(values) => return distinct(values),
        Domain::Uniform([lo, hi]) => (0..points)
            .map(|i| knob.value(lo + (hi - lo) * at(i)))
            .collect(),
        Domain::LogUniform([lo, hi]) => (0..points)
            .map(|i| knob.value(log_lerp(*lo, *hi, at(i))))
            .collect(),
    };
    values.dedup();
    values
}

fn grid(config: &SearchConfig, rng: &mut Rng) -> Result<Vec<Settings>> {
    let axes: Vec<(Knob, Vec<Value>)> = config
        .vary
        .iter()
        .map(|(&k, d)| (k, axis(k, d, config.grid_points)))
        .collect();
    let size = axes
        .iter()
        .try_fold(1usize, |n, (_, v)| n.checked_mul(v.len()).filter(|&n| n <= MAX_GRID))
        .ok_or_else(|| {
            Error::experiment(
                "search.vary",
                format!("the grid has more than {MAX_GRID} points; vary fewer settings, lower grid_points or use random search"),
            )
        })?;
    let mut picks: Vec<usize> = (0..size).collect();
    if size > config.trials {
        rng.shuffle(&mut picks);
        picks.truncate(config.trials);
        picks.sort_unstable();
    }
    Ok(picks
        .into_iter()
        .map(|mut i| {
            let mut s = Settings::new();
            for (knob, values) in axes.iter().rev() {
                s.insert(*knob, values[i % values.len()].clone());
                i /= values.len();
            }
            s
        })
        .collect())
}

#[cfg(test)]
mod tests {
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
        for (got, want) in
            lrs.iter()
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
        let err =
            SearchConfig::from_json(r#"{"vary": {"learning_rate": {"log_uniform": [0, 1]}}}"#)
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
        let ok =
            SearchConfig::from_json(r#"{"strategy":"grid","vary":{"units":{"choice":[4,8]}}}"#)
                .unwrap();
        assert_eq!(plan(&ok).unwrap().len(), 2);
    }
}
