//! The words the charts draw (axis titles and legend entries), given by the caller in its
//! language; any word left out is today's English, so older callers keep working.

use serde::Deserialize;

/// Every fixed word a chart draws. Column and class names are not here: they are drawn as the data
/// has them.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(default)]
pub struct ChartLabels {
    /// Loss chart: the x axis, the y axis and the two legend entries.
    pub epoch: String,
    pub loss: String,
    pub train_loss: String,
    pub validation_loss: String,
    /// Regression scatter and confusion matrix axes; `actual` is also the series' legend entry.
    pub actual: String,
    pub predicted: String,
    /// The scatter's diagonal and its points in the legend.
    pub diagonal: String,
    pub test_rows: String,
    /// The series chart: the forecast's legend entry and the x axis (test rows, or steps ahead).
    pub forecast: String,
    pub test_step: String,
    pub step: String,
    /// The item map's two axes (its first and second principal components).
    pub component_1: String,
    pub component_2: String,
    /// The importance bars' value axis.
    pub loss_rise: String,
}

impl ChartLabels {
    /// Each word with its key (as in the JSON object), for a shell reading them one by one.
    pub fn words_mut(&mut self) -> [(&'static str, &mut String); 14] {
        [
            ("epoch", &mut self.epoch),
            ("loss", &mut self.loss),
            ("train_loss", &mut self.train_loss),
            ("validation_loss", &mut self.validation_loss),
            ("actual", &mut self.actual),
            ("predicted", &mut self.predicted),
            ("diagonal", &mut self.diagonal),
            ("test_rows", &mut self.test_rows),
            ("forecast", &mut self.forecast),
            ("test_step", &mut self.test_step),
            ("step", &mut self.step),
            ("component_1", &mut self.component_1),
            ("component_2", &mut self.component_2),
            ("loss_rise", &mut self.loss_rise),
        ]
    }
}

/// Today's English, in the order of [`ChartLabels::words_mut`].
const ENGLISH: [&str; 14] = [
    "epoch",
    "loss",
    "train loss",
    "validation loss",
    "actual",
    "predicted",
    "predicted = actual",
    "test rows",
    "forecast",
    "test step",
    "step",
    "first component",
    "second component",
    "rise in test loss",
];

impl Default for ChartLabels {
    fn default() -> Self {
        let mut labels = ChartLabels {
            epoch: String::new(),
            loss: String::new(),
            train_loss: String::new(),
            validation_loss: String::new(),
            actual: String::new(),
            predicted: String::new(),
            diagonal: String::new(),
            test_rows: String::new(),
            forecast: String::new(),
            test_step: String::new(),
            step: String::new(),
            component_1: String::new(),
            component_2: String::new(),
            loss_rise: String::new(),
        };
        for ((_, word), english) in labels.words_mut().into_iter().zip(ENGLISH) {
            *word = english.to_string();
        }
        labels
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{
        bar_chart, confusion_chart, forecast_chart, loss_chart, map_chart, predicted_actual_chart,
        render_svg, svg_texts,
    };
    use crate::train::EpochRecord;

    fn chinese() -> ChartLabels {
        serde_json::from_str(
            r#"{"epoch":"轮次","loss":"损失","train_loss":"训练损失","validation_loss":"验证损失",
            "actual":"实际","predicted":"预测","diagonal":"预测 = 实际","test_rows":"测试行",
            "forecast":"预测值","test_step":"测试步","step":"步","component_1":"第一主成分",
            "component_2":"第二主成分","loss_rise":"测试损失的上升"}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_missing_word_is_english() {
        let l: ChartLabels = serde_json::from_str(r#"{"epoch":"轮次"}"#).unwrap();
        assert_eq!(l.epoch, "轮次");
        assert_eq!(
            l,
            ChartLabels {
                epoch: "轮次".into(),
                ..ChartLabels::default()
            }
        );
        assert_eq!(l.diagonal, "predicted = actual");
    }

    #[test]
    fn every_chart_draws_the_words_it_is_given() {
        let l = chinese();
        let history = [1, 2].map(|epoch| EpochRecord {
            epoch,
            loss: 1.0 / epoch as f32,
            val_loss: Some(1.2),
            accuracy: None,
            val_accuracy: None,
        });
        let (a, p) = ([1.0, 2.0, 3.0], [1.1, 2.2, 2.9]);
        let names = ["猫".to_string(), "dog".to_string()];
        let charts: [(String, &[&str]); 6] = [
            (
                render_svg((400, 300), |r| loss_chart(r, &history, &l)),
                &["轮次", "损失", "训练损失", "验证损失"],
            ),
            (
                render_svg((400, 300), |r| predicted_actual_chart(r, &a, &p, &l)),
                &["实际", "预测", "预测 = 实际", "测试行"],
            ),
            (
                render_svg((400, 300), |r| {
                    confusion_chart(r, &[vec![1, 0], vec![0, 1]], &names, &l)
                }),
                &["预测", "实际", "猫", "dog"],
            ),
            (
                render_svg((400, 300), |r| {
                    forecast_chart(r, &a, &p, "sales", &l.test_step, &l)
                }),
                &["测试步", "sales", "实际", "预测值"],
            ),
            (
                render_svg((400, 300), |r| {
                    bar_chart(r, &names, &[0.5, 0.1], &[], &l.loss_rise)
                }),
                &["测试损失的上升", "猫", "dog"],
            ),
            (
                render_svg((400, 300), |r| {
                    map_chart(r, &[0.0, 1.0, 2.0, 3.0], &names, Some(0), &l)
                }),
                &["第一主成分", "第二主成分", "猫", "dog"],
            ),
        ];
        let english = ChartLabels::default();
        for (svg, words) in charts {
            let texts = svg_texts(&svg);
            for w in words {
                assert!(texts.iter().any(|t| t == w), "{w} in {texts:?}");
            }
            for w in [
                &english.epoch,
                &english.loss,
                &english.actual,
                &english.predicted,
            ] {
                assert!(!texts.contains(w), "no English {w} in {texts:?}");
            }
        }
    }
}
