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
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .map_err(|_| JsError::new("runBench: no performance clock in this context"))?;
    let now: js_sys::Function = js_sys::Reflect::get(&performance, &"now".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| JsError::new("runBench: performance.now is missing"))?;
    let mut clock = || {
        now.call0(&performance)
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::NAN)
    };
    let report = crate::bench::run(workload, &files, &mut clock).map_err(super::js_error)?;
    super::to_js(&report)
}
