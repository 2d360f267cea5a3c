//! `kindling quantize MODEL.json --out SMALL.json [--data DATA.csv]` and `kindling prune
//! MODEL.json --sparsity S --epochs N --out PRUNED.json [--data DATA.csv]`: the compressed file,
//! and on stdout the trade-off, before and after (file size raw and gzipped, test metrics,
//! prediction time).

use std::io::Write;
use std::time::Instant;

use kindling::compress;
use kindling::data::Table;
use kindling::io::model_file::test_metrics;
use kindling::io::{model_text, Model, ModelFile};
use serde_json::{json, Value};

use crate::args::{load_table, number, option, source_table, USAGE};
use crate::files::{read_file, Kind};

/// The model file `path` and the table it is measured on (`--data`, else its `data.source`).
fn inputs(
    args: &[String],
    command: &str,
    known: &[&str],
) -> Result<(String, ModelFile, Table), String> {
    let Some(path) = args.first().filter(|a| !a.starts_with("--")) else {
        return Err(format!("{command} needs a model file\n{USAGE}"));
    };
    if let Some(bad) = args[1..]
        .iter()
        .step_by(2)
        .find(|a| !known.contains(&a.as_str()))
    {
        return Err(format!("unknown option {bad:?}\n{USAGE}"));
    }
    let text =
        model_text::decode(path, &read_file(path, Kind::Model)?).map_err(|e| e.to_string())?;
    let file = ModelFile::from_json(path, &text).map_err(|e| e.to_string())?;
    let bad_rows = file.experiment.data.on_bad_rows;
    let table = match option(args, "--data")? {
        Some(data) => load_table(data, bad_rows)?,
        None => source_table(&file.experiment.data.source, bad_rows).map_err(|e| {
            format!("{e}; give the data the model was trained on with --data DATA.csv")
        })?,
    };
    Ok((path.clone(), file, table))
}

/// Size, gzipped size, test metrics and prediction time of `file` on `table`'s test rows.
fn measure(name: &str, file: &ModelFile, table: &Table) -> Result<Value, String> {
    let text = file.to_json();
    let mut model = Model::from_file(name, file.clone()).map_err(|e| e.to_string())?;
    let data = compress::prepared(file, table).map_err(|e| e.to_string())?;
    let test = compress::evaluate(&mut model, &data);
    // The median of 7 predictions of every row of the table (preprocessing included).
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let t0 = Instant::now();
            model
                .predict(table)
                .map(|_| t0.elapsed().as_secs_f64() * 1000.0)
        })
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    times.sort_by(f64::total_cmp);
    Ok(
        json!({"bytes": text.len(), "gzip_bytes": gzip_len(text.as_bytes()), "test": test,
              "predict_ms": times[3], "predict_rows": table.rows}),
    )
}

/// The length of `bytes` gzipped at the default level (as Node's zlib and the page measure).
fn gzip_len(bytes: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).expect("in memory");
    gz.finish().expect("in memory").len()
}

/// Writes `file` to `--out` (required).
fn write(args: &[String], command: &str, file: &ModelFile) -> Result<(), String> {
    let out = option(args, "--out")?.ok_or(format!("{command} needs --out FILE.json\n{USAGE}"))?;
    std::fs::write(out, file.to_json())
        .map_err(|e| format!("{out}: cannot write the model file: {e}"))?;
    eprintln!("model written to {out}");
    Ok(())
}

pub fn quantize(args: &[String]) -> Result<(), String> {
    let (path, file, table) = inputs(args, "quantize", &["--out", "--data"])?;
    let err = |e: kindling::Error| e.to_string();
    let mut small = compress::quantize(&path, &file).map_err(err)?;
    // The file carries its own test metrics, measured with its int8 weights.
    let data = compress::prepared(&file, &table).map_err(err)?;
    let mut int8 = Model::from_file(&path, small.clone()).map_err(err)?;
    small.metrics.test = test_metrics(&compress::evaluate(&mut int8, &data));
    write(args, "quantize", &small)?;
    let (before, after) = (
        measure(&path, &file, &table)?,
        measure(&path, &small, &table)?,
    );
    let out = json!({"quantization": small.quantization, "before": before, "after": after});
    println!(
        "{}",
        serde_json::to_string_pretty(&out).expect("plain JSON")
    );
    Ok(())
}

pub fn prune(args: &[String]) -> Result<(), String> {
    let known = ["--out", "--data", "--sparsity", "--epochs"];
    let (path, file, table) = inputs(args, "prune", &known)?;
    let sparsity: f32 = option(args, "--sparsity")?
        .ok_or(format!(
            "prune needs --sparsity S (a fraction, e.g. 0.8)\n{USAGE}"
        ))?
        .parse()
        .map_err(|_| "--sparsity: give a fraction such as 0.8".to_string())?;
    let epochs = number(args, "--epochs")?.unwrap_or(3);
    let pruned =
        compress::prune(&path, &file, &table, sparsity, epochs).map_err(|e| e.to_string())?;
    write(args, "prune", &pruned.file)?;
    let out = json!({"sparsity": sparsity, "fine_tune": pruned.history,
                     "before": measure(&path, &file, &table)?, "after": measure(&path, &pruned.file, &table)?});
    println!(
        "{}",
        serde_json::to_string_pretty(&out).expect("plain JSON")
    );
    Ok(())
}
