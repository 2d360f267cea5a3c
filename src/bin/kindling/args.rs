//! Shared argument and file helpers for the subcommands.

use kindling::data::{builtin, read_csv_with, Table};
use kindling::experiment::{BadRows, Experiment};

use crate::files::{read_file, Kind};

/// The commands and their options, shown with every usage error.
pub const USAGE: &str = "usage:
  kindling inspect DATA.csv
  kindling train EXPERIMENT.json [--data DATA.csv] [--out MODEL.json] [--epochs N] [--seed N]
  kindling predict MODEL.json DATA.csv [--top N] [--user ID]   (--top/--user: recommenders)
  kindling search EXPERIMENT.json [--data DATA.csv] [--trials N] [--seed N] [--space SEARCH.json]
                  [--strategy random|grid] [--kfold K] [--pruning on|off]
  kindling bench W1|W2|W3|T1 [--clock wall|cpu] [--seed N]
  kindling export MODEL.json --to onnx --out DIR [--sample DATA.csv]
  kindling quantize MODEL.json --out SMALL.json [--data DATA.csv]
  kindling prune MODEL.json --sparsity S [--epochs N] --out PRUNED.json [--data DATA.csv]
  kindling explain MODEL.json DATA.csv [--repeats N] [--steps M] [--row I]";

/// Reads and types a CSV file; `bad_rows` says what to do with ragged rows (`data.on_bad_rows`).
pub fn load_table(path: &str, bad_rows: BadRows) -> Result<Table, String> {
    read_csv_with(path, &read_file(path, Kind::Csv)?, bad_rows, &mut |_, _| {})
        .map_err(|e| e.to_string())
}

/// The value of `--name value`, if given.
pub fn option<'a>(args: &'a [String], name: &str) -> Result<Option<&'a str>, String> {
    match args.iter().position(|a| a == name) {
        Some(i) => args
            .get(i + 1)
            .map(|v| Some(v.as_str()))
            .ok_or(format!("{name} needs a value")),
        None => Ok(None),
    }
}

/// `--name N` parsed as a number.
pub fn number<T: std::str::FromStr>(args: &[String], name: &str) -> Result<Option<T>, String> {
    option(args, name)?
        .map(|v| {
            v.parse()
                .map_err(|_| format!("{name}: {v:?} is not a whole number"))
        })
        .transpose()
}

/// The table `--data DATA.csv` names, or else the experiment's `data.source`. With `--data`, the
/// source becomes `file:DATA.csv`, so the model file and the search report say what was used.
pub fn data_table(args: &[String], exp: &mut Experiment) -> Result<Table, String> {
    match option(args, "--data")? {
        Some(data) => {
            exp.data.source = format!("file:{data}");
            load_table(data, exp.data.on_bad_rows)
        }
        None => source_table(&exp.data.source, exp.data.on_bad_rows),
    }
}

/// The table an experiment's `data.source` names (`builtin:NAME` or `file:PATH`).
pub fn source_table(source: &str, bad_rows: BadRows) -> Result<Table, String> {
    if let Some(name) = source.strip_prefix("builtin:") {
        let bytes = builtin::bytes(name).ok_or_else(|| {
            format!(
                "data.source: there is no built-in dataset {name:?}; choose one of {}",
                builtin::NAMES.join(", ")
            )
        })?;
        return read_csv_with(name, bytes, bad_rows, &mut |_, _| {}).map_err(|e| e.to_string());
    }
    let file = source.strip_prefix("file:").unwrap_or(source);
    load_table(file, bad_rows)
}
