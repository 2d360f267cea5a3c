//! The Kindling CLI (Contract 3): the same pipeline as the page, headless.
//!
//! Exit 0 on success; 2 on bad input with one line `error: ...` on stderr.

use std::process::ExitCode;

use kindling::data::{builtin, read_csv, Table};
use kindling::experiment::Experiment;
use kindling::train::Session;

const USAGE: &str = "usage:
  kindling inspect DATA.csv
  kindling train EXPERIMENT.json [--data DATA.csv] [--epochs N] [--seed N]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("inspect") => inspect(&args[1..]),
        Some("train") => train(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}\n{USAGE}")),
        None => Err(format!("no command given\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn read_file(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{path}: cannot read the file: {e}"))
}

fn load_table(path: &str) -> Result<Table, String> {
    read_csv(path, &read_file(path)?).map_err(|e| e.to_string())
}

fn inspect(args: &[String]) -> Result<(), String> {
    let [path] = args else {
        return Err(format!("inspect takes one CSV file\n{USAGE}"));
    };
    let table = load_table(path)?;
    let summary = serde_json::json!({ "rows": table.rows, "columns": table.summary() });
    println!(
        "{}",
        serde_json::to_string_pretty(&summary).expect("plain JSON")
    );
    Ok(())
}

/// `--name value` options after the positional arguments.
fn option<'a>(args: &'a [String], name: &str) -> Result<Option<&'a str>, String> {
    match args.iter().position(|a| a == name) {
        Some(i) => args
            .get(i + 1)
            .map(|v| Some(v.as_str()))
            .ok_or(format!("{name} needs a value")),
        None => Ok(None),
    }
}

fn number<T: std::str::FromStr>(args: &[String], name: &str) -> Result<Option<T>, String> {
    option(args, name)?
        .map(|v| {
            v.parse()
                .map_err(|_| format!("{name}: {v:?} is not a whole number"))
        })
        .transpose()
}

fn train(args: &[String]) -> Result<(), String> {
    let Some(path) = args.first().filter(|a| !a.starts_with("--")) else {
        return Err(format!("train needs an experiment file\n{USAGE}"));
    };
    let known = ["--data", "--epochs", "--seed"];
    if let Some(bad) = args[1..]
        .iter()
        .step_by(2)
        .find(|a| !known.contains(&a.as_str()))
    {
        return Err(format!("unknown option {bad:?}\n{USAGE}"));
    }
    let text = String::from_utf8(read_file(path)?)
        .map_err(|_| format!("{path}: the experiment is not UTF-8 text"))?;
    let mut exp = Experiment::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    if let Some(epochs) = number(args, "--epochs")? {
        exp.fit.epochs = epochs;
    }
    if let Some(seed) = number(args, "--seed")? {
        exp.seed = seed;
    }
    let table = match option(args, "--data")? {
        Some(data) => load_table(data)?,
        None => source_table(&exp.data.source)?,
    };
    let mut session = Session::new(exp, &table).map_err(|e| e.to_string())?;
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
    let out = serde_json::json!({ "history": session.history(), "test": session.evaluate() });
    println!(
        "{}",
        serde_json::to_string_pretty(&out).expect("plain JSON")
    );
    Ok(())
}

fn source_table(source: &str) -> Result<Table, String> {
    if let Some(name) = source.strip_prefix("builtin:") {
        let bytes = builtin::bytes(name).ok_or_else(|| {
            format!(
                "data.source: there is no built-in dataset {name:?}; choose one of {}",
                builtin::NAMES.join(", ")
            )
        })?;
        return read_csv(name, bytes).map_err(|e| e.to_string());
    }
    let file = source.strip_prefix("file:").unwrap_or(source);
    load_table(file)
}
