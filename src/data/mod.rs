//! Data preparation (数据预处理): CSV → typed table → a pipeline of fitted steps (select, impute,
//! one-hot, log, difference, scale, window) → clean, encoded, scaled, split tensors.
//!
//! ```
//! use kindling::data::read_csv;
//! let table = read_csv("t.csv", b"x;colour;y\n1,5;red;3\n2;blue;4\n").unwrap();
//! assert_eq!((table.rows, table.columns.len()), (2, 3));
//! assert_eq!(table.inspect().columns[1].kind, "categorical");
//! ```

pub mod builtin;
pub mod check;
pub mod counts;
pub mod date;
pub mod exclude;
pub mod frame;
pub mod impute;
pub mod inspect;
mod levels;
mod lower;
pub mod missing;
pub mod names;
pub mod one_hot;
pub mod pipeline;
pub mod plan;
pub mod prepare;
pub mod reader;
pub mod scale;
pub mod select;
pub mod series;
pub mod sniff;
pub mod split;
pub mod step;
pub mod table;
pub mod target;
pub mod text_stats;
pub mod text_vec;
pub mod tokenize;
pub mod transform;
pub mod typing;
pub mod window;

pub use inspect::{ColumnSummary, Summary};
pub use pipeline::Preprocessing;
pub use prepare::{prepare, Prepared};
pub use reader::{read_csv, read_csv_with};
pub use table::{Column, ColumnData, Table, Warning};
pub use transform::Transformed;
