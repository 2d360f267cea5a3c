//! `kindling inspect DATA.csv [--skip-bad-rows]`: the table's summary as JSON — rows, columns
//! (kind, missing, distinct, statistics or value counts) and warnings with line and column.

use kindling::data::read_csv_with;
use kindling::experiment::BadRows;

use crate::args::USAGE;
use crate::files::{read_file, Kind};

pub fn run(args: &[String]) -> Result<(), String> {
    let (paths, flags): (Vec<&String>, Vec<&String>) =
        args.iter().partition(|a| !a.starts_with("--"));
    if let Some(bad) = flags.iter().find(|f| f.as_str() != "--skip-bad-rows") {
        return Err(format!(
            "unknown option {bad:?}; inspect takes --skip-bad-rows\n{USAGE}"
        ));
    }
    let [path] = paths[..] else {
        return Err(format!("inspect takes one CSV file\n{USAGE}"));
    };
    let bad_rows = if flags.is_empty() {
        BadRows::Error
    } else {
        BadRows::Skip
    };
    let table = read_csv_with(path, &read_file(path, Kind::Csv)?, bad_rows, &mut |_, _| {})
        .map_err(|e| e.to_string())?;
    println!(
        "{}",
        serde_json::to_string_pretty(&table.inspect()).expect("plain JSON")
    );
    Ok(())
}
