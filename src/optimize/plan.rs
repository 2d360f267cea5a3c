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
        crate::sort::sort_numbers(&mut picks);
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
#[path = "plan_tests.rs"]
mod tests;
