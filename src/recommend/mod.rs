//! Recommendation (推荐系统): user and item ids → learned embeddings → predicted ratings.
//!
//! `"task": "recommendation"` (src/experiment/recommend.rs) reads user, item and rating columns
//! ([`data`]), splits each user's rows ([`split`]), indexes the training ids ([`ids`]), and trains
//! matrix factorisation or its neural variant ([`model`], over the id layers of [`tables`]).
//! [`metrics`] and [`evaluate`] compare it with the baselines; [`apply`] ranks and finds
//! neighbours; [`file`] is its model file, [`open`] opens one.
//!
//! ```
//! use kindling::{data::read_csv, experiment::Experiment, recommend::Run};
//! let mut csv = String::from("user,item,rating\n");
//! for u in 0..12 {
//!     for i in 0..10 {
//!         csv += &format!("u{u},i{i},{}\n", (u % 3 == i % 3) as u8 * 2);
//!     }
//! }
//! let table = read_csv("r.csv", csv.as_bytes()).unwrap();
//! let exp = Experiment::from_json(r#"{"data": {"task": "recommendation", "target": "rating",
//!     "recommend": {"user": "user", "item": "item"},
//!     "split": {"method": "random", "validation": 0, "test": 0.2}},
//!     "model": {"recommender": {"type": "mf", "factors": 4}, "layers": []},
//!     "compile": {"optimizer": {"type": "adam", "learning_rate": 0.05}},
//!     "fit": {"epochs": 200, "batch_size": 32}}"#).unwrap();
//! let mut run = Run::new(exp, &table).unwrap();
//! while run.step().is_some() {}
//! let eval = run.evaluate();
//! assert!(eval.rmse < eval.baselines.user_item_bias.rmse);
//! ```

pub mod apply;
pub mod data;
pub mod evaluate;
pub mod file;
pub mod ids;
pub mod metrics;
pub mod model;
pub mod open;
pub mod predict;
pub mod run;
pub mod split;
pub mod tables;

pub use evaluate::Evaluation;
pub use file::RecommenderFile;
pub use run::Run;
