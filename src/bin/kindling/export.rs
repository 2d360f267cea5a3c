//! `kindling export MODEL.json --to onnx --out DIR [--sample DATA.csv]`: the model as files other
//! engines run (docs/CONTRACTS.md, "Export"), written into DIR; one line per file on stderr.

use kindling::export::{self, sample::sample, Target};
use kindling::io::{model_text, Model};

use crate::args::{load_table, option, USAGE};
use crate::files::{read_file, Kind};

/// At most this many rows go into `sample.json`.
const SAMPLE_ROWS: usize = 5000;

pub fn run(args: &[String]) -> Result<(), String> {
    let Some(model_path) = args.first().filter(|a| !a.starts_with("--")) else {
        return Err(format!("export takes a model file\n{USAGE}"));
    };
    let to = option(args, "--to")?.ok_or(format!(
        "export needs --to {}\n{USAGE}",
        Target::NAMES.join("|")
    ))?;
    let target = Target::from_name(to)?;
    let out = option(args, "--out")?.ok_or(format!("export needs --out DIR\n{USAGE}"))?;
    let text = model_text::decode(model_path, &read_file(model_path, Kind::Model)?)
        .map_err(|e| e.to_string())?;
    let mut model = Model::from_json(model_path, &text).map_err(|e| e.to_string())?;
    let files = export::export(&model, target).map_err(|e| format!("{model_path}: {e}"))?;
    std::fs::create_dir_all(out).map_err(|e| format!("--out {out}: {e}"))?;
    let write = |name: &str, bytes: &[u8]| {
        let path = std::path::Path::new(out).join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
        Ok::<(), String>(())
    };
    for f in &files {
        write(f.name, &f.bytes)?;
    }
    if let Some(data) = option(args, "--sample")? {
        let table = load_table(data, model.file.experiment.data.on_bad_rows)?;
        let doc = sample(&mut model, &table, SAMPLE_ROWS).map_err(|e| e.to_string())?;
        write("sample.json", doc.to_string().as_bytes())?;
    }
    Ok(())
}
