//! The recommendation task in `train` and `predict`: the same options, its own model and file.

use kindling::data::Table;
use kindling::experiment::Experiment;
use kindling::recommend::{predict, RecommenderFile, Run};

use crate::args::{number, option, USAGE};

/// `kindling train` for `"task": "recommendation"`.
pub fn train(exp: Experiment, table: &Table, args: &[String]) -> Result<(), String> {
    let mut run = Run::new(exp, table).map_err(|e| e.to_string())?;
    for warning in &run.warnings {
        eprintln!("warning: {}: {warning}", table.name);
    }
    while let Some(r) = run.step() {
        let val = r.val_loss.map_or("-".into(), |v| format!("{v:.5}"));
        eprintln!("epoch {} loss {:.5} val_loss {val}", r.epoch, r.loss);
    }
    if let Some(out) = option(args, "--out")? {
        let json = RecommenderFile::from_run(&mut run).to_json();
        std::fs::write(out, json)
            .map_err(|e| format!("{out}: cannot write the model file: {e}"))?;
        eprintln!("model written to {out}");
    }
    let out = serde_json::json!({ "history": run.history, "test": run.evaluate() });
    println!(
        "{}",
        serde_json::to_string_pretty(&out).expect("plain JSON")
    );
    Ok(())
}

/// `kindling predict MODEL.json DATA.csv [--top N] [--user ID]` for a recommender file (`text`).
pub fn predict(name: &str, text: &str, table: &Table, args: &[String]) -> Result<(), String> {
    let known = ["--top", "--user"];
    if let Some(bad) = args
        .iter()
        .step_by(2)
        .find(|a| !known.contains(&a.as_str()))
    {
        return Err(format!("unknown option {bad:?}\n{USAGE}"));
    }
    let file = RecommenderFile::read(name, text.as_bytes()).map_err(|e| e.to_string())?;
    let mut model = file.model(name).map_err(|e| e.to_string())?;
    let top: Option<usize> = number(args, "--top")?;
    let user = option(args, "--user")?;
    let text = match (top, user) {
        (None, None) => predict::score_csv(&file, &mut model, table),
        (n, user) => predict::top_csv(&file, &mut model, table, n.unwrap_or(10), user),
    };
    print!("{}", text.map_err(|e| e.to_string())?);
    Ok(())
}
