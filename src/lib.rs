//! Kindling: a machine-learning playground whose training core runs natively and in WebAssembly.
//!
//! The core (`data`, `nn`, `train`, `metrics`, `chart`) knows nothing of the browser; the wasm
//! shells in `wasm/` are thin newtypes over it.
//!
//! ```
//! use kindling::{data::read_csv, experiment::Experiment, train::Session};
//!
//! let csv = b"x,y\n0,0\n1,2\n2,4\n3,6\n4,8\n5,10\n6,12\n7,14\n8,16\n9,18\n";
//! let table = read_csv("line.csv", csv).unwrap();
//! let exp = Experiment::from_json(r#"{"data":{"split":{"method":"random","validation":0.0,"test":0.2}},
//!     "model":{"layers":[{"type":"dense","units":1}]},"fit":{"epochs":200,"batch_size":8},
//!     "compile":{"optimizer":{"type":"sgd","learning_rate":0.1}}}"#).unwrap();
//! let mut session = Session::new(exp, &table).unwrap();
//! while !session.is_done() {
//!     session.step(100).unwrap();
//! }
//! assert!(session.evaluate().rmse.unwrap() < 0.1);
//! ```

pub mod advice;
pub mod bench;
#[cfg(feature = "charts")]
pub mod chart;
pub mod compress;
pub mod data;
pub mod error;
pub mod experiment;
pub mod explain;
#[cfg(feature = "export")]
pub mod export;
pub mod io;
pub mod json;
pub mod metrics;
pub mod nn;
pub mod optimize;
pub mod recommend;
pub mod rng;
pub mod sort;
pub mod train;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, Result};
