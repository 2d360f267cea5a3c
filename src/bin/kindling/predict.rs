//! `kindling predict MODEL.json DATA.csv`: the input rows with their predictions, as CSV on stdout.

use kindling::io::Model;

use crate::args::{load_table, read_file};
use crate::USAGE;

pub fn run(args: &[String]) -> Result<(), String> {
    let [model_path, data_path] = args else {
        return Err(format!(
            "predict takes a model file and a CSV file\n{USAGE}"
        ));
    };
    let text = String::from_utf8(read_file(model_path)?)
        .map_err(|_| format!("{model_path}: the model file is not UTF-8 text; open a file made with `kindling train --out`"))?;
    let mut model = Model::from_json(model_path, &text).map_err(|e| e.to_string())?;
    let table = load_table(data_path, kindling::experiment::BadRows::Error)?;
    let predictions = model.predict(&table).map_err(|e| e.to_string())?;
    for warning in &predictions.warnings {
        eprintln!("warning: {data_path}: {warning}");
    }
    print!("{}", predictions.to_csv(&table));
    Ok(())
}
