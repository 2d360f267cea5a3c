//! Chart shell: draws the core's charts on a page `<canvas>` with plotters-canvas.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::chart;
use crate::train::{DecisionGrid, EpochRecord, TestPredictions};

/// A chart's data from JS: read straight from the JS value by serde-wasm-bindgen (no JSON text in
/// between); `undefined` reads as `null`.
fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("chart data: {e}")))
}

/// The words a chart draws (`{epoch, loss, train_loss, …}`, see [`chart::ChartLabels`]) from JS,
/// read key by key (no serde code for them in the package): `undefined`, `null` or a missing key
/// gives today's English.
fn labels_from_js(labels: JsValue) -> Result<chart::ChartLabels, JsError> {
    let mut words = chart::ChartLabels::default();
    if labels.is_object() {
        for (key, word) in words.words_mut() {
            let value = js_sys::Reflect::get(&labels, &JsValue::from_str(key))
                .map_err(|_| JsError::new("chart labels: not readable"))?;
            if let Some(text) = value.as_string() {
                *word = text;
            } else if !value.is_undefined() {
                return Err(JsError::new(&format!("chart labels: {key} must be text")));
            }
        }
    }
    Ok(words)
}

/// Runs `draw` on a drawing area over `canvas`.
fn on_canvas(
    canvas: HtmlCanvasElement,
    draw: impl FnOnce(&DrawingArea<CanvasBackend, Shift>) -> chart::ChartResult,
) -> Result<(), JsError> {
    super::install_panic_hook();
    let backend = CanvasBackend::with_canvas_object(canvas)
        .ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
    draw(&backend.into_drawing_area()).map_err(|e| JsError::new(&e))
}

/// Draws the loss curves for `history` (an array of epoch records) on `canvas`, worded by `labels`
/// (optional, as in every chart below).
#[wasm_bindgen(js_name = drawLossChart)]
pub fn draw_loss_chart(
    canvas: HtmlCanvasElement,
    history: JsValue,
    labels: JsValue,
) -> Result<(), JsError> {
    let history: Vec<EpochRecord> = from_js(history)?;
    let labels = labels_from_js(labels)?;
    on_canvas(canvas, |root| chart::loss_chart(root, &history, &labels))
}

/// Draws a confusion-matrix heatmap: `matrix[actual][predicted]`, `classes` names (may be empty).
#[wasm_bindgen(js_name = drawConfusionChart)]
pub fn draw_confusion_chart(
    canvas: HtmlCanvasElement,
    matrix: JsValue,
    classes: JsValue,
    labels: JsValue,
) -> Result<(), JsError> {
    let matrix: Vec<Vec<usize>> = from_js(matrix)?;
    let classes: Option<Vec<String>> = from_js(classes)?;
    let labels = labels_from_js(labels)?;
    on_canvas(canvas, |root| {
        chart::confusion_chart(root, &matrix, &classes.unwrap_or_default(), &labels)
    })
}

/// Draws regression test predictions (a `test_predictions` message): predicted against actual,
/// or, with `as_series`, the series with the forecast overlaid.
#[wasm_bindgen(js_name = drawPredictionChart)]
pub fn draw_prediction_chart(
    canvas: HtmlCanvasElement,
    predictions: JsValue,
    as_series: bool,
    labels: JsValue,
) -> Result<(), JsError> {
    let p: TestPredictions = from_js(predictions)?;
    let l = labels_from_js(labels)?;
    on_canvas(canvas, |root| {
        if as_series {
            chart::forecast_chart(root, &p.actual, &p.predicted, &p.target, &l.test_step, &l)
        } else {
            chart::predicted_actual_chart(root, &p.actual, &p.predicted, &l)
        }
    })
}

/// Draws a decision-boundary map from a `grid` message (its only words are the data's feature and
/// class names).
#[wasm_bindgen(js_name = drawBoundaryChart)]
pub fn draw_boundary_chart(canvas: HtmlCanvasElement, grid: JsValue) -> Result<(), JsError> {
    let grid: DecisionGrid = from_js(grid)?;
    on_canvas(canvas, |root| chart::boundary_chart(root, &grid))
}

/// Draws a `forecast` message (`{target, history, forecast}`): the end of the series, then the
/// forecast continuing from its last value.
#[wasm_bindgen(js_name = drawForecastChart)]
pub fn draw_forecast_chart(
    canvas: HtmlCanvasElement,
    forecast: JsValue,
    labels: JsValue,
) -> Result<(), JsError> {
    let f: crate::io::Forecast = from_js(forecast)?;
    let l = labels_from_js(labels)?;
    let n = f.history.len();
    let actual: Vec<f32> = f
        .history
        .iter()
        .copied()
        .chain(f.forecast.iter().map(|_| f32::NAN))
        .collect();
    let mut predicted = vec![f32::NAN; n.saturating_sub(1)];
    predicted.extend(f.history.last().copied());
    predicted.extend(&f.forecast);
    on_canvas(canvas, |root| {
        chart::forecast_chart(root, &actual, &predicted, &f.target, &l.step, &l)
    })
}

/// Draws horizontal bars: `names[i]` with `values[i]` (the first at the top) and, when `sd` is a
/// non-empty array, a `± sd[i]` whisker; the value axis is worded `labels.loss_rise`.
#[wasm_bindgen(js_name = drawBarChart)]
pub fn draw_bar_chart(
    canvas: HtmlCanvasElement,
    names: JsValue,
    values: Vec<f32>,
    sd: Vec<f32>,
    labels: JsValue,
) -> Result<(), JsError> {
    let names: Vec<String> = from_js(names)?;
    let l = labels_from_js(labels)?;
    on_canvas(canvas, |root| {
        chart::bar_chart(root, &names, &values, &sd, &l.loss_rise)
    })
}

/// Draws a 2-D map of points `xy = [x0, y0, x1, y1, …]`; `names[i]` (empty for an unnamed point)
/// marks and labels point `i`, and point `picked` (or none, `undefined`) is ringed.
#[wasm_bindgen(js_name = drawMapChart)]
pub fn draw_map_chart(
    canvas: HtmlCanvasElement,
    xy: Vec<f32>,
    names: JsValue,
    picked: Option<u32>,
    labels: JsValue,
) -> Result<(), JsError> {
    let names: Vec<String> = from_js(names)?;
    let l = labels_from_js(labels)?;
    on_canvas(canvas, |root| {
        chart::map_chart(root, &xy, &names, picked.map(|p| p as usize), &l)
    })
}
