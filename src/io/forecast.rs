//! Multi-step forecasts from a time-series model: the model predicts the next value from the last
//! `lookback` values, that prediction becomes the newest input, and so on.

use ndarray::{Array2, Array3};
use serde::{Deserialize, Serialize};

use super::model::Model;
use crate::data::plan::row_order;
use crate::data::Table;
use crate::error::{Error, Result};

/// The most steps one forecast may ask for.
pub const MAX_STEPS: usize = 1000;

/// A series and the steps forecast after its end, in the target's original units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    pub target: String,
    /// The target's last values (at most `2 × steps`, at least the lookback), oldest first.
    pub history: Vec<f32>,
    /// The next `steps` values, each predicted from the previous ones.
    pub forecast: Vec<f32>,
}

impl Model {
    /// Forecasts `steps` values after the end of the series in `table` (the training columns).
    /// Only a univariate model (the target is its one input) with horizon 1 can feed its own
    /// predictions back; other models get an error that says so.
    pub fn forecast(&mut self, table: &Table, steps: usize) -> Result<Forecast> {
        let pre = &self.file.preprocessing;
        let name = table.name.clone();
        let Some(window) = pre.window().cloned() else {
            return Err(Error::data(&name, "this model has no time-series window; forecasting needs a model trained with data.window"));
        };
        if pre.features != [pre.target.clone()] || window.horizon != 1 {
            return Err(Error::data(&name, format!(
                "forecasting several steps feeds each prediction back as the next input, so it needs a model whose only input is the target {:?} and whose horizon is 1 (this one has inputs {:?} and horizon {})",
                pre.target, pre.features, window.horizon)));
        }
        if !(1..=MAX_STEPS).contains(&steps) {
            return Err(Error::data(
                &name,
                format!("{steps} steps: forecast from 1 to {MAX_STEPS} steps"),
            ));
        }
        pre.transform(table)?; // its checks: the columns, a series long enough for a window
        let need = window.lookback + usize::from(pre.differenced());
        let order_by = pre.order_by.as_deref().filter(|o| table.column(o).is_ok());
        let order = row_order(table, order_by);
        let mut levels = pre.bases(table, &order[order.len().saturating_sub(need)..])?;
        let mut forecast = Vec::with_capacity(steps);
        for _ in 0..steps {
            let inputs = pre.series_inputs(&levels[levels.len() - need..]);
            let x = Array3::from_shape_vec((1, window.lookback, 1), inputs)
                .expect("lookback values")
                .into_dyn();
            let mut y: Array2<f32> = self.network.predict(&x);
            pre.to_levels(&mut y, &levels[levels.len() - 1..]);
            forecast.push(y[[0, 0]]);
            levels.push(y[[0, 0]]);
        }
        let keep = (2 * steps).max(window.lookback);
        let history = levels[..need].to_vec();
        let history = series_tail(table, &pre.target, keep).unwrap_or(history);
        Ok(Forecast {
            target: pre.target.clone(),
            history,
            forecast,
        })
    }
}

/// The last `n` known values of `column`, in table order.
fn series_tail(table: &Table, column: &str, n: usize) -> Option<Vec<f32>> {
    let data = &table.column(column).ok()?.data;
    let values: Vec<f32> = (0..table.rows)
        .filter_map(|r| data.number(r))
        .map(|v| v as f32)
        .collect();
    Some(values[values.len().saturating_sub(n)..].to_vec())
}

#[cfg(test)]
mod tests {
    use crate::data::read_csv;
    use crate::experiment::Experiment;
    use crate::io::Model;
    use crate::train::Session;

    fn trained(exp: &str, csv: &[u8]) -> Model {
        let table = read_csv("s.csv", csv).unwrap();
        let mut s = Session::new(Experiment::from_json(exp).unwrap(), &table).unwrap();
        while !s.is_done() {
            s.step(1000).unwrap();
        }
        Model::from_session(&mut s)
    }

    const SERIES: &str = r#"{"seed":1,"data":{"target":"y","features":[],"scale":"minmax","window":{"lookback":4,"horizon":1},
        "split":{"method":"chronological","validation":0.1,"test":0.1}},"model":{"layers":[{"type":"lstm","units":8},{"type":"dense","units":1}]},
        "compile":{"optimizer":{"type":"adam","learning_rate":0.02}},"fit":{"epochs":60,"batch_size":16}}"#;

    fn saw() -> Vec<u8> {
        (0..120)
            .fold("t,y\n".to_string(), |a, i| {
                a + &format!("{i},{}\n", (i % 6) * 10)
            })
            .into_bytes()
    }

    #[test]
    fn each_step_is_the_model_fed_its_own_predictions() {
        let mut m = trained(SERIES, &saw());
        let table = read_csv("s.csv", &saw()).unwrap();
        let f = m.forecast(&table, 3).unwrap();
        assert_eq!(f.forecast.len(), 3);
        assert_eq!(f.history.len(), 6, "2 × steps of the series");
        assert_eq!(f.history, vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0]);
        // The first step is exactly the model's one-step prediction after the last window.
        let one = m.predict(&table).unwrap();
        assert_eq!(f.forecast[0], *one.values.last().unwrap().first().unwrap());
        // A sawtooth 0,10,…,50 repeats: after 50 comes 0, then 10 (within a loose tolerance).
        assert!(
            f.forecast[0] < 15.0 && (f.forecast[1] - 10.0).abs() < 15.0,
            "{:?}",
            f.forecast
        );
        // Feeding back: forecasting from the series extended by step 1 gives step 2 first.
        let extended = String::from_utf8(saw()).unwrap() + &format!("120,{}\n", f.forecast[0]);
        let g = m
            .forecast(&read_csv("s.csv", extended.as_bytes()).unwrap(), 1)
            .unwrap();
        assert!(
            (g.forecast[0] - f.forecast[1]).abs() < 1e-3,
            "{} vs {}",
            g.forecast[0],
            f.forecast[1]
        );
    }

    #[test]
    fn models_that_cannot_feed_back_say_why() {
        let csv = (0..60)
            .fold("a,y\n".to_string(), |s, i| s + &format!("{i},{}\n", i % 5))
            .into_bytes();
        let mut m = trained(
            &SERIES.replace(r#""features":[]"#, r#""features":["a"]"#),
            &csv,
        );
        let err = m
            .forecast(&read_csv("s.csv", &csv).unwrap(), 3)
            .unwrap_err()
            .to_string();
        assert!(err.contains("only input is the target"), "{err}");
        let mut m = trained(SERIES, &saw());
        let err = m
            .forecast(&read_csv("s.csv", &saw()).unwrap(), 0)
            .unwrap_err()
            .to_string();
        assert!(err.contains("from 1 to 1000"), "{err}");
    }
}
