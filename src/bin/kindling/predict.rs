//! `kindling predict MODEL.json DATA.csv`: the input rows with their predictions, as CSV on stdout.

use kindling::io::{model_text, Model};

use kindling::data::reader::source_rows;

use crate::args::USAGE;
use crate::files::{read_file, Kind};

pub fn run(args: &[String]) -> Result<(), String> {
    let (args, options) = args.split_at(args.len().min(2));
    let [model_path, data_path] = args else {
        return Err(format!(
            "predict takes a model file and a CSV file\n{USAGE}"
        ));
    };
    let text = model_text::decode(model_path, &read_file(model_path, Kind::Model)?)
        .map_err(|e| e.to_string())?;
    let value = kindling::json::parse(&text).unwrap_or_default();
    if kindling::recommend::file::is_recommender(&value) {
        let table = crate::args::load_table(data_path, Default::default())?;
        return crate::recommend::predict(model_path, &text, &table, options);
    }
    if let Some(bad) = options.first() {
        return Err(format!(
            "unknown option {bad:?}: --top and --user are for recommendation models\n{USAGE}"
        ));
    }
    let mut model = Model::from_json(model_path, &text).map_err(|e| e.to_string())?;
    let bytes = read_file(data_path, Kind::Csv)?;
    let table = kindling::data::read_csv(data_path, &bytes).map_err(|e| e.to_string())?;
    let predictions = model.predict(&table).map_err(|e| e.to_string())?;
    for warning in &predictions.warnings {
        eprintln!("warning: {data_path}: {warning}");
    }
    let source = source_rows(&bytes, &table).map_err(|e| e.to_string())?;
    print!("{}", predictions.to_csv(&table, &source));
    Ok(())
}
