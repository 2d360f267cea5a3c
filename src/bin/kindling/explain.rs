//! `kindling explain MODEL.json DATA.csv [--repeats N] [--seed N] [--steps M] [--row I]`: the
//! permutation importance of every input on the test rows and the integrated gradients of one
//! row's prediction, as JSON on stdout.

use kindling::explain::report::{explain, Settings};
use kindling::io::{model_text, Model};

use crate::args::{load_table, number, USAGE};
use crate::files::{read_file, Kind};

pub fn run(args: &[String]) -> Result<(), String> {
    let (Some(model_path), Some(data_path)) = (args.first(), args.get(1)) else {
        return Err(format!(
            "explain takes a model file and a CSV file\n{USAGE}"
        ));
    };
    let known = ["--repeats", "--seed", "--steps", "--row"];
    if let Some(bad) = args[2..]
        .iter()
        .step_by(2)
        .find(|a| !known.contains(&a.as_str()))
    {
        return Err(format!("unknown option {bad:?}\n{USAGE}"));
    }
    let d = Settings::default();
    let s = Settings {
        repeats: number(args, "--repeats")?.unwrap_or(d.repeats),
        seed: number(args, "--seed")?.unwrap_or(d.seed),
        steps: number(args, "--steps")?.unwrap_or(d.steps),
        row: number(args, "--row")?.unwrap_or(d.row),
    };
    if !(1..=100).contains(&s.repeats) || !(1..=1000).contains(&s.steps) {
        return Err("--repeats takes 1 to 100 and --steps 1 to 1000".into());
    }
    let text = model_text::decode(model_path, &read_file(model_path, Kind::Model)?)
        .map_err(|e| e.to_string())?;
    let mut model = Model::from_json(model_path, &text).map_err(|e| e.to_string())?;
    let table = load_table(data_path, model.file.experiment.data.on_bad_rows)?;
    let out = explain(&mut model, &table, s).map_err(|e| e.to_string())?;
    println!(
        "{}",
        serde_json::to_string_pretty(&out).expect("plain JSON")
    );
    Ok(())
}
