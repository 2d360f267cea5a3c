//! The loss chart: training and validation loss per epoch.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{legend_and_present, ChartResult, TRAIN_COLOUR, VAL_COLOUR};
use crate::train::EpochRecord;

/// Draws training and validation loss per epoch on `root`.
pub fn loss_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    history: &[EpochRecord],
) -> ChartResult {
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let epochs = history.len().max(1) as f32;
    let values = history
        .iter()
        .flat_map(|r| std::iter::once(r.loss).chain(r.val_loss))
        .filter(|v| v.is_finite());
    // An empty (or all-zero) history still gets a readable 0…1 axis.
    let peak = values.fold(0.0f32, f32::max);
    let top = if peak > 0.0 { peak * 1.05 } else { 1.0 };
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(32)
        .y_label_area_size(48)
        .build_cartesian_2d(
            if history.len() > 1 {
                1.0f32..epochs
            } else {
                0.0f32..1.0
            },
            0.0f32..top,
        )
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_desc("epoch")
        .x_labels(history.len().clamp(2, 10))
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_desc("loss")
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .map_err(|e| e.to_string())?;
    let train = history.iter().map(|r| (r.epoch as f32, r.loss));
    chart
        .draw_series(LineSeries::new(train, TRAIN_COLOUR.stroke_width(2)))
        .map_err(|e| e.to_string())?
        .label("train loss")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], TRAIN_COLOUR.stroke_width(2)));
    if history.iter().any(|r| r.val_loss.is_some()) {
        let val = history
            .iter()
            .filter_map(|r| r.val_loss.map(|v| (r.epoch as f32, v)));
        chart
            .draw_series(LineSeries::new(val, VAL_COLOUR.stroke_width(2)))
            .map_err(|e| e.to_string())?
            .label("validation loss")
            .legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], VAL_COLOUR.stroke_width(2))
            });
    }
    legend_and_present(&mut chart, root, SeriesLabelPosition::MiddleRight, 0.85)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(epoch: usize, loss: f32, val: f32) -> EpochRecord {
        EpochRecord {
            epoch,
            loss,
            val_loss: Some(val),
            accuracy: None,
            val_accuracy: None,
        }
    }

    #[test]
    fn draws_both_curves_as_svg() {
        let history: Vec<EpochRecord> = (1..=10)
            .map(|e| record(e, 1.0 / e as f32, 1.2 / e as f32))
            .collect();
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            loss_chart(&root, &history).unwrap();
        }
        assert!(svg.contains("train loss") && svg.contains("validation loss"));
        assert!(svg.contains("epoch"));
        assert!(svg.matches("<polyline").count() >= 2, "two curves drawn");
    }

    #[test]
    fn an_empty_history_still_draws_axes() {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (200, 100)).into_drawing_area();
            loss_chart(&root, &[]).unwrap();
        }
        assert!(svg.contains("loss"));
        let labels = crate::chart::svg_texts(&svg);
        assert!(
            labels.iter().any(|t| t == "1.0"),
            "a 0…1 loss axis: {labels:?}"
        );
    }
}
