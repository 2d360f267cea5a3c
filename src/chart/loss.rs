//! The loss chart: training and validation loss per epoch.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{legend_and_present, ChartLabels, ChartResult, TRAIN_COLOUR, VAL_COLOUR};
use crate::train::EpochRecord;

/// Draws training and validation loss per epoch on `root`, in the words of `labels`. A single
/// epoch is drawn as a marker (a line needs two points).
pub fn loss_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    history: &[EpochRecord],
    labels: &ChartLabels,
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
            match history.len() {
                0 => 0.0f32..1.0,
                // One epoch: its marker in the middle of a 0…2 axis.
                1 => 0.0f32..2.0,
                _ => 1.0f32..epochs,
            },
            0.0f32..top,
        )
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_desc(labels.epoch.as_str())
        .x_labels(if history.len() == 1 {
            3
        } else {
            history.len().clamp(2, 10)
        })
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_desc(labels.loss.as_str())
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .map_err(|e| e.to_string())?;
    // A line needs two points: a single epoch is drawn as a marker.
    let marker = if history.len() == 1 { 4 } else { 0 };
    let train = history.iter().map(|r| (r.epoch as f32, r.loss));
    chart
        .draw_series(LineSeries::new(train, TRAIN_COLOUR.stroke_width(2)).point_size(marker))
        .map_err(|e| e.to_string())?
        .label(labels.train_loss.as_str())
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], TRAIN_COLOUR.stroke_width(2)));
    if history.iter().any(|r| r.val_loss.is_some()) {
        let val = history
            .iter()
            .filter_map(|r| r.val_loss.map(|v| (r.epoch as f32, v)));
        chart
            .draw_series(LineSeries::new(val, VAL_COLOUR.stroke_width(2)).point_size(marker))
            .map_err(|e| e.to_string())?
            .label(labels.validation_loss.as_str())
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
            loss_chart(&root, &history, &ChartLabels::default()).unwrap();
        }
        assert!(svg.contains("train loss") && svg.contains("validation loss"));
        assert!(svg.contains("epoch"));
        assert!(svg.matches("<polyline").count() >= 2, "two curves drawn");
    }

    #[test]
    fn a_single_epoch_is_a_marker_in_the_middle() {
        let svg = crate::chart::render_svg((300, 200), |r| {
            loss_chart(r, &[record(1, 0.5, 0.6)], &ChartLabels::default())
        });
        // A train and a validation marker (no line to draw); the legend's are lines.
        assert_eq!(svg.matches("<circle").count(), 2, "{svg}");
        let labels = crate::chart::svg_texts(&svg);
        for tick in ["0", "1", "2"] {
            assert!(labels.iter().any(|t| t == tick), "{tick} in {labels:?}");
        }
    }

    #[test]
    fn an_empty_history_still_draws_axes() {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (200, 100)).into_drawing_area();
            loss_chart(&root, &[], &ChartLabels::default()).unwrap();
        }
        assert!(svg.contains("loss"));
        let labels = crate::chart::svg_texts(&svg);
        assert!(
            labels.iter().any(|t| t == "1.0"),
            "a 0…1 loss axis: {labels:?}"
        );
    }
}
