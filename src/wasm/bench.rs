//! The benchmark shell: runs one workload of `crate::bench` in the worker, timed with
//! `performance.now()`, and returns its `BenchReport` as a plain object.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Runs `workload` (`"W1"`, `"W2"`, `"W3"`) on `files`, an object `{name: Uint8Array}` holding
/// `digits.csv`, `digits_split.csv` and `sunspots.csv` as the workload needs.
/// Returns the `BenchReport` (`epochs_ms`, `ms_per_epoch`, `metric`, `gflops`, …).
#[wasm_bindgen(js_name = runBench)]
pub fn run_bench(workload: &str, files: JsValue) -> Result<JsValue, JsError> {
    super::install_panic_hook();
    let workload = workload.parse().map_err(super::js_error)?;
    let mut owned: Vec<(String, Vec<u8>)> = Vec::new();
    if !files.is_object() {
        return Err(JsError::new(
            "runBench: files must be an object {name: Uint8Array}",
        ));
    }
    for entry in js_sys::Object::entries(files.unchecked_ref()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let name = pair.get(0).as_string().unwrap_or_default();
        let bytes = pair
            .get(1)
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| JsError::new(&format!("runBench: file {name} must be a Uint8Array")))?;
        owned.push((name, bytes.to_vec()));
    }
    let files: Vec<(&str, &[u8])> = owned
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let report = crate::bench::run(workload, &files, &mut clock()?).map_err(super::js_error)?;
    super::to_js(&report)
}

/// `performance.now()` of this worker or window, as a clock in milliseconds.
fn clock() -> Result<impl FnMut() -> f64, JsError> {
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .map_err(|_| JsError::new("no performance clock in this context"))?;
    let now: js_sys::Function = js_sys::Reflect::get(&performance, &"now".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| JsError::new("performance.now is missing"))?;
    Ok(move || {
        now.call0(&performance)
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::NAN)
    })
}

/// What [`bench_matmul`] measured.
#[derive(serde::Serialize)]
struct MatmulReport {
    n: usize,
    reps: usize,
    /// `nn::matmul`, the kernel every layer trains with (SIMD128 4×8 tile, fixed order).
    gemm_gflops: f64,
    ndarray_gflops: f64,
    /// `nn::matmul` equals ndarray's `dot` bit for bit on integer-valued `[n, n]` matrices.
    exact: bool,
}

/// Times `[n, n]·[n, n]` f32 products `reps` times with `nn::matmul` (the layers' fixed-order
/// kernel, SIMD128 in this build) and with ndarray's `dot` (best of 5 trials after a warm-up),
/// after checking that both agree exactly on integer-valued inputs.
#[wasm_bindgen(js_name = benchMatmul)]
pub fn bench_matmul(n: usize, reps: usize) -> Result<JsValue, JsError> {
    use crate::nn::matmul::{gemm_with, Packed};
    if !(1..=2048).contains(&n) || !(1..=1000).contains(&reps) {
        return Err(JsError::new(
            "benchMatmul: n must be 1..=2048 and reps 1..=1000",
        ));
    }
    let a = ndarray::Array2::from_shape_fn((n, n), |(i, j)| ((i * 7 + j * 3) % 9) as f32 - 4.0);
    let b = ndarray::Array2::from_shape_fn((n, n), |(i, j)| ((i * 5 + j * 11) % 9) as f32 - 4.0);
    let (mut c, mut packed) = (ndarray::Array2::zeros((n, n)), Packed::default());
    gemm_with(a.view(), b.view(), false, &mut c.view_mut(), &mut packed);
    let exact = a.dot(&b) == c;
    // Five alternating trials of `reps` products each (after as many warm-up products, so the
    // engine's optimising tier is in); the best trial of each, which is the least disturbed by
    // other processes on a shared machine.
    let mut now = clock()?;
    let flops = 2.0 * (n * n * n * reps) as f64;
    let (mut gemm_ms, mut ndarray_ms) = (f64::INFINITY, f64::INFINITY);
    for trial in 0..6 {
        let t0 = now();
        for _ in 0..reps {
            gemm_with(a.view(), b.view(), false, &mut c.view_mut(), &mut packed);
        }
        let t1 = now();
        for _ in 0..reps {
            c.assign(&a.dot(&b));
        }
        if trial > 0 {
            gemm_ms = gemm_ms.min(t1 - t0);
            ndarray_ms = ndarray_ms.min(now() - t1);
        }
    }
    super::to_js(&MatmulReport {
        n,
        reps,
        gemm_gflops: flops / gemm_ms / 1e6,
        ndarray_gflops: flops / ndarray_ms / 1e6,
        exact,
    })
}

/// What [`bench_predict`] measured.
#[derive(serde::Serialize)]
struct PredictReport {
    /// Whether the model file is quantised (int8 kernels).
    int8: bool,
    rows: usize,
    reps: usize,
    /// The best of 5 trials of `reps` predictions of every row, per prediction, in ms
    /// (preprocessing included, as `kindling quantize`'s `predict_ms`).
    ms: f64,
    /// The same for the network alone (`Sequential::predict` of the preprocessed rows): where
    /// the int8 and the f32 files differ.
    network_ms: f64,
}

/// Times `Model::predict` of the model file `model` (text; f32 or int8) on the CSV `csv`
/// `reps` times per trial, best of 5 trials after a warm-up trial (int8 vs f32 prediction in
/// wasm: docs/BENCHMARKS.md, "Int8 prediction").
#[wasm_bindgen(js_name = benchPredict)]
pub fn bench_predict(model: &str, csv: &[u8], reps: usize) -> Result<JsValue, JsError> {
    if !(1..=1000).contains(&reps) {
        return Err(JsError::new("benchPredict: reps must be 1..=1000"));
    }
    let mut m = crate::io::Model::from_json("model", model).map_err(super::js_error)?;
    let table = crate::data::reader::read_csv("data.csv", csv).map_err(super::js_error)?;
    let x = m
        .file
        .preprocessing
        .transform(&table)
        .map_err(super::js_error)?
        .x;
    let mut now = clock()?;
    let mut best = [f64::INFINITY; 2];
    for trial in 0..6 {
        let t0 = now();
        for _ in 0..reps {
            m.predict(&table).map_err(super::js_error)?;
        }
        let t1 = now();
        for _ in 0..reps {
            m.network_mut().predict(&x);
        }
        if trial > 0 {
            best[0] = best[0].min((t1 - t0) / reps as f64);
            best[1] = best[1].min((now() - t1) / reps as f64);
        }
    }
    super::to_js(&PredictReport {
        int8: m.file.quantization.is_some(),
        rows: table.rows,
        reps,
        ms: best[0],
        network_ms: best[1],
    })
}
