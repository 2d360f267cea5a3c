//! `kindling inspect DATA.csv`: a JSON summary of the table.

use crate::args::load_table;
use crate::USAGE;

pub fn run(args: &[String]) -> Result<(), String> {
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
