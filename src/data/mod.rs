//! Data preparation (数据预处理): CSV → typed table → clean, scaled, split tensors.

pub mod builtin;
pub mod prepare;
pub mod scale;
pub mod split;
pub mod table;
pub mod transform;

pub use prepare::{prepare, Prepared, Preprocessing};
pub use table::{read_csv, Column, ColumnData, Table};
pub use transform::Transformed;
