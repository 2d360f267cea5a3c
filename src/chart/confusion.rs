//! The confusion-matrix heatmap: actual class down, predicted class across, each cell shaded by the
//! share of its actual class (its row) and labelled with the count.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{text_err, ChartLabels, ChartResult};

/// Draws `matrix[actual][predicted]` counts with `classes` as axis labels (missing names → numbers)
/// and the axes titled in the words of `labels`.
pub fn confusion_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    matrix: &[Vec<usize>],
    classes: &[String],
    labels: &ChartLabels,
) -> ChartResult {
    root.fill(&WHITE).map_err(text_err)?;
    let k = matrix.len();
    if k < 2 || matrix.iter().any(|row| row.len() != k) {
        return Err(format!(
            "a confusion matrix must be square with 2 or more classes; got {k} rows"
        ));
    }
    let name = |i: usize| classes.get(i).cloned().unwrap_or_else(|| i.to_string());
    let longest = (0..k).map(|i| name(i).chars().count()).max().unwrap_or(1);
    let label_width = (longest as u32 * 7 + 36).clamp(50, 160);
    // Row 0 is drawn at the top: the y coordinate of actual class `a` is k - 1 - a.
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(label_width)
        // An integer range's segments include its end, so 0..k-1 gives exactly k cells.
        .build_cartesian_2d((0..k - 1).into_segmented(), (0..k - 1).into_segmented())
        .map_err(text_err)?;
    let label = |v: &SegmentValue<usize>, flip: bool| match v {
        SegmentValue::CenterOf(i) if *i < k => name(if flip { k - 1 - i } else { *i }),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc(labels.predicted.as_str())
        .y_desc(labels.actual.as_str())
        .x_labels(k.min(20))
        .y_labels(k.min(20))
        .x_label_formatter(&|v| label(v, false))
        .y_label_formatter(&|v| label(v, true))
        .draw()
        .map_err(text_err)?;
    let cell = (root.dim_in_pixel().1 as usize / (k + 1)).max(8);
    let font = ("sans-serif", (cell / 3).clamp(9, 18) as f64).into_font();
    for (a, row) in matrix.iter().enumerate() {
        let total = row.iter().sum::<usize>().max(1) as f64;
        let y = k - 1 - a;
        for (p, &count) in row.iter().enumerate() {
            let share = count as f64 / total;
            let fill = RGBColor(
                (247.0 - share * 239.0) as u8,
                (251.0 - share * 203.0) as u8,
                (255.0 - share * 148.0) as u8,
            );
            let corners = [
                (SegmentValue::Exact(p), SegmentValue::Exact(y)),
                (SegmentValue::Exact(p + 1), SegmentValue::Exact(y + 1)),
            ];
            chart
                .draw_series(std::iter::once(Rectangle::new(corners, fill.filled())))
                .map_err(text_err)?;
            let ink = if share > 0.5 { WHITE } else { BLACK };
            let style = font
                .clone()
                .color(&ink)
                .pos(Pos::new(HPos::Center, VPos::Center));
            let centre = (SegmentValue::CenterOf(p), SegmentValue::CenterOf(y));
            chart
                .draw_series(std::iter::once(Text::new(count.to_string(), centre, style)))
                .map_err(text_err)?;
        }
    }
    root.present().map_err(text_err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{render_svg, svg_texts};

    #[test]
    fn draws_one_cell_and_count_per_pair_with_class_names() {
        let m = vec![vec![5, 1, 0], vec![0, 7, 2], vec![0, 0, 9]];
        let names = ["setosa", "versicolor", "virginica"].map(String::from);
        let svg = render_svg((420, 360), |root| {
            confusion_chart(root, &m, &names, &ChartLabels::default())
        });
        let texts = svg_texts(&svg);
        for name in names
            .iter()
            .map(String::as_str)
            .chain(["predicted", "actual"])
        {
            assert!(
                texts.iter().any(|t| t == name),
                "{name} labelled in {texts:?}"
            );
        }
        let counts: Vec<&String> = texts
            .iter()
            .filter(|t| t.parse::<usize>().is_ok())
            .collect();
        assert_eq!(
            counts,
            ["5", "1", "0", "0", "7", "2", "0", "0", "9"]
                .iter()
                .collect::<Vec<_>>()
        );
        // The all-correct row (9 of 9) gets the darkest blue; a 5-of-6 row almost as dark.
        assert!(svg.contains("#08306B"), "darkest shade present");
    }

    #[test]
    fn a_ragged_matrix_is_an_error() {
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (100, 100)).into_drawing_area();
        let err = confusion_chart(&root, &[vec![1, 2], vec![3]], &[], &ChartLabels::default())
            .unwrap_err();
        assert!(err.contains("square"), "{err}");
    }
}
