//! Charts, generic over plotters' `DrawingBackend`: tested natively with SVG, drawn on a canvas in
//! the page by the wasm chart shell. One chart per file.

pub mod bars;
pub mod boundary;
pub mod confusion;
pub mod labels;
pub mod loss;
pub mod map;
pub mod scatter;
pub mod series;

pub use bars::bar_chart;
pub use boundary::boundary_chart;
pub use confusion::confusion_chart;
pub use labels::ChartLabels;
pub use loss::loss_chart;
pub use map::map_chart;
pub use scatter::predicted_actual_chart;
pub use series::forecast_chart;

use plotters::coord::Shift;
use plotters::prelude::*;

/// Colour-blind-safe pair (Okabe–Ito blue and orange) for train and validation.
pub const TRAIN_COLOUR: RGBColor = RGBColor(0, 114, 178);
pub const VAL_COLOUR: RGBColor = RGBColor(230, 159, 0);

/// The Okabe–Ito palette (colour-blind safe), one colour per class, cycled beyond eight.
pub const CLASS_COLOURS: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
    RGBColor(0, 0, 0),
];

/// The colour of class `k`.
pub fn class_colour(k: usize) -> RGBColor {
    CLASS_COLOURS[k % CLASS_COLOURS.len()]
}

/// An error from drawing, as text.
pub type ChartResult = std::result::Result<(), String>;

/// Drawing errors as text.
pub(crate) fn text_err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// Draws the legend box every chart shares (at `position`, white at `opacity` over the plot,
/// grey border) and presents the drawing.
pub(crate) fn legend_and_present<'a, DB: DrawingBackend + 'a, CT: CoordTranslate>(
    chart: &mut ChartContext<'a, DB, CT>,
    root: &DrawingArea<DB, Shift>,
    position: SeriesLabelPosition,
    opacity: f64,
) -> ChartResult {
    chart
        .configure_series_labels()
        .position(position)
        .background_style(WHITE.mix(opacity))
        .border_style(RGBColor(200, 200, 200))
        .draw()
        .map_err(text_err)?;
    root.present().map_err(text_err)
}

/// `[lo, hi]` of the finite values, widened by 5% (a flat or empty set gets a unit span).
pub(crate) fn span<'a>(values: impl IntoIterator<Item = &'a f32>) -> (f32, f32) {
    let (lo, hi) = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(l, h), &v| {
            (l.min(v), h.max(v))
        });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.05).max(1e-3);
    (lo - pad, hi + pad)
}

#[cfg(test)]
pub(crate) fn render_svg(
    size: (u32, u32),
    draw: impl FnOnce(
        &plotters::drawing::DrawingArea<plotters::backend::SVGBackend, plotters::coord::Shift>,
    ) -> ChartResult,
) -> String {
    use plotters::prelude::IntoDrawingArea;
    let mut svg = String::new();
    {
        let root = plotters::backend::SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(&root).unwrap();
    }
    svg
}

/// The text labels in an SVG string, in document order (tests).
#[cfg(test)]
pub(crate) fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|part| {
            let body = &part[part.find('>')? + 1..];
            Some(body[..body.find("</text>")?].trim().to_string())
        })
        .collect()
}
