//! `kindling train EXPERIMENT.json [--data DATA.csv] [--out MODEL.json] [--epochs N] [--seed N]`.

use kindling::experiment::Experiment;
use kindling::io::ModelFile;
use kindling::train::Session;

use crate::args::USAGE;
use crate::args::{data_table, number, option};
use crate::files::{read_file, Kind};

pub fn run(args: &[String]) -> Result<(), String> {
    let Some(path) = args.first().filter(|a| !a.starts_with("--")) else {
        return Err(format!("train needs an experiment file\n{USAGE}"));
    };
    let known = ["--data", "--out", "--epochs", "--seed"];
    if let Some(bad) = args[1..]
        .iter()
        .step_by(2)
        .find(|a| !known.contains(&a.as_str()))
    {
        return Err(format!("unknown option {bad:?}\n{USAGE}"));
    }
    let text = String::from_utf8(read_file(path, Kind::Settings)?)
        .map_err(|_| format!("{path}: the experiment is not UTF-8 text"))?;
    let mut exp = Experiment::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    if let Some(epochs) = number(args, "--epochs")? {
        exp.fit.epochs = epochs;
    }
    if let Some(seed) = number(args, "--seed")? {
        exp.seed = seed;
    }
    let table = data_table(args, &mut exp)?;
    if exp.data.task == kindling::experiment::Task::Recommendation {
        return crate::recommend::train(exp, &table, args);
    }
    crate::advice::print(&exp, &table);
    let mut session = Session::new(exp, &table).map_err(|e| e.to_string())?;
    for warning in &session.data.warnings {
        eprintln!("warning: {warning}");
    }
    while !session.is_done() {
        if let Some(r) = session.step(usize::MAX).map_err(|e| e.to_string())? {
            eprintln!(
                "epoch {} loss {:.5} val_loss {}",
                r.epoch,
                r.loss,
                r.val_loss.map_or("-".into(), |v| format!("{v:.5}"))
            );
        }
    }
    if let Some(out) = option(args, "--out")? {
        let json = ModelFile::from_session(&mut session).to_json();
        std::fs::write(out, json)
            .map_err(|e| format!("{out}: cannot write the model file: {e}"))?;
        eprintln!("model written to {out}");
    }
    let test = session.evaluate();
    if let (Some(model), Some(naive)) = (test.rmse, test.persistence_rmse) {
        let verdict = if model < naive {
            "beats"
        } else {
            "does not beat"
        };
        eprintln!("test rmse {model} vs persistence (next = last) {naive}: the model {verdict} persistence");
    }
    let out = serde_json::json!({ "history": session.history(), "test": test });
    println!(
        "{}",
        serde_json::to_string_pretty(&out).expect("plain JSON")
    );
    Ok(())
}
