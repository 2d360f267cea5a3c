//! `kindling search EXPERIMENT.json [--data DATA.csv] [--trials N] [--seed N] [--space SEARCH.json]
//! [--strategy random|grid] [--kfold K] [--pruning on|off]`: hyper-parameter search on the
//! development rows, then the best settings retrained and reported on the held-out test rows.

use kindling::experiment::Experiment;
use kindling::optimize::search::base_epochs;
use kindling::optimize::{
    diagnose, distinct_settings, search, Holdout, Pruning, SearchConfig, SearchOutcome, Strategy,
    TrialResult, Validation,
};
use kindling::train::Session;

use crate::args::USAGE;
use crate::args::{data_table, number, option};
use crate::files::{read_file, Kind};

const OPTIONS: [&str; 7] = [
    "--data",
    "--trials",
    "--seed",
    "--space",
    "--strategy",
    "--kfold",
    "--pruning",
];

/// The search document: `--space` (or the defaults) with the command-line overrides.
fn config(args: &[String]) -> Result<SearchConfig, String> {
    let mut config = match option(args, "--space")? {
        Some(path) => {
            let text = String::from_utf8(read_file(path, Kind::Settings)?)
                .map_err(|_| format!("{path}: the search settings are not UTF-8 text"))?;
            SearchConfig::from_json(&text).map_err(|e| format!("{path}: {e}"))?
        }
        None => SearchConfig::default(),
    };
    if let Some(n) = number(args, "--trials")? {
        config.trials = n;
    }
    if let Some(seed) = number(args, "--seed")? {
        config.seed = seed;
    }
    if let Some(k) = number(args, "--kfold")? {
        config.validation = Validation::Kfold { k };
    }
    config.strategy = match option(args, "--strategy")? {
        None => config.strategy,
        Some("random") => Strategy::Random,
        Some("grid") => Strategy::Grid,
        Some(other) => return Err(format!("--strategy: {other:?} is not random or grid")),
    };
    config.pruning = match option(args, "--pruning")? {
        None => config.pruning,
        Some("on") => Some(config.pruning.unwrap_or_default()),
        Some("off") => None,
        Some(other) => return Err(format!("--pruning: {other:?} is not on or off")),
    };
    config.validate().map_err(|e| e.to_string())?;
    Ok(config)
}

fn progress(t: &TrialResult, planned: usize) {
    let name = t.index.map_or("baseline".to_string(), |i| {
        format!("trial {}/{planned}", i + 1)
    });
    let score = match (t.score, &t.error) {
        (Some(s), _) => format!("val_loss {s:.5}"),
        (None, e) => format!("failed: {}", e.as_deref().unwrap_or("no score")),
    };
    let acc = t
        .val_accuracy
        .map_or(String::new(), |a| format!(" val_accuracy {a:.4}"));
    let settings = serde_json::to_string(&t.settings).expect("plain JSON");
    let pruned = if t.pruned { " pruned" } else { "" };
    eprintln!("{name} {score}{acc} {settings} epochs {}{pruned}", t.epochs);
}

/// Trials, epochs trained (against what training every trial in full takes) and the best score.
fn closing_note(config: &SearchConfig, base: &Experiment, o: &SearchOutcome) -> String {
    let full: usize = o
        .trials
        .iter()
        .map(|t| base_epochs(base, &t.settings))
        .sum::<usize>()
        * match config.validation {
            Validation::Kfold { k } => k,
            Validation::Split => 1,
        };
    let pruned = o.trials.iter().filter(|t| t.pruned).count();
    let best = o.best.and_then(|b| o.trials[b].score);
    let how = match config.pruning {
        Some(Pruning { eta, rungs }) => format!(
            "successive halving (eta {eta}, {rungs} rungs) pruned {pruned} of {} trials",
            o.trials.len()
        ),
        None => format!("{} trials, none pruned", o.trials.len()),
    };
    format!(
        "{how}; {} epochs trained, of {full} without pruning or early stopping ({:.0}%); best validation loss {}",
        o.epochs_trained,
        100.0 * o.epochs_trained as f64 / full.max(1) as f64,
        best.map_or("none".into(), |s| format!("{s:.5}"))
    )
}

pub fn run(args: &[String]) -> Result<(), String> {
    let Some(path) = args.first().filter(|a| !a.starts_with("--")) else {
        return Err(format!("search needs an experiment file\n{USAGE}"));
    };
    if let Some(bad) = args[1..]
        .iter()
        .step_by(2)
        .find(|a| !OPTIONS.contains(&a.as_str()))
    {
        return Err(format!("unknown option {bad:?}\n{USAGE}"));
    }
    let text = String::from_utf8(read_file(path, Kind::Settings)?)
        .map_err(|_| format!("{path}: the experiment is not UTF-8 text"))?;
    let mut base = Experiment::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    let config = config(args)?;
    let table = data_table(args, &mut base)?;
    crate::advice::print(&base, &table);
    // The search sees the development rows only; the test rows wait for the final report.
    let holdout = Holdout::new(&base, &table).map_err(|e| e.to_string())?;
    let planned = kindling::optimize::plan(&config)
        .map_err(|e| e.to_string())?
        .len();
    if planned < config.trials {
        let n = distinct_settings(&config).unwrap_or(planned);
        eprintln!("the space holds only {n} different settings: each runs once ({planned} trials of the {} budgeted)", config.trials);
    }
    let outcome = search(&config, &base, &holdout, |t| {
        progress(t, planned);
        true
    })
    .map_err(|e| e.to_string())?;
    eprintln!("{}", closing_note(&config, &base, &outcome));
    let best = outcome.best_experiment.clone().ok_or(
        "every trial failed (see the messages above); narrow the learning-rate range and try again",
    )?;
    eprintln!("retraining the best settings on the full training rows");
    let mut session = Session::new(best, &table).map_err(|e| e.to_string())?;
    while !session.is_done() {
        session.step(usize::MAX).map_err(|e| e.to_string())?;
    }
    let test = session.evaluate();
    let mut out = serde_json::to_value(&outcome).expect("plain JSON");
    out["search"] = serde_json::to_value(&config).expect("plain JSON");
    out["history"] = serde_json::to_value(session.history()).expect("plain JSON");
    out["diagnosis"] = serde_json::to_value(
        diagnose(session.history(), Some(&test)).with_fixes(&session.experiment),
    )
    .expect("plain JSON");
    out["test"] = serde_json::to_value(&test).expect("plain JSON");
    println!(
        "{}",
        serde_json::to_string_pretty(&out).expect("plain JSON")
    );
    Ok(())
}
