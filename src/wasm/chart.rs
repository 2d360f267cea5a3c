//! Chart shell: draws the core's charts on a page `<canvas>` with plotters-canvas.

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::train::EpochRecord;

/// Draws the loss curves for `history` (an array of epoch records) on `canvas`.
#[wasm_bindgen(js_name = drawLossChart)]
pub fn draw_loss_chart(canvas: HtmlCanvasElement, history: JsValue) -> Result<(), JsError> {
    super::install_panic_hook();
    let history: Vec<EpochRecord> =
        serde_wasm_bindgen::from_value(history).map_err(|e| JsError::new(&e.to_string()))?;
    let backend = CanvasBackend::with_canvas_object(canvas)
        .ok_or_else(|| JsError::new("the canvas has no 2D context"))?;
    crate::chart::loss_chart(&backend.into_drawing_area(), &history).map_err(|e| JsError::new(&e))
}
