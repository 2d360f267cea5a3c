//! One parameter tensor of the model file: a shape and its values, row-major.

use ndarray::{ArrayD, IxDyn};
use serde::{Deserialize, Serialize};

/// One parameter tensor: `data` holds `shape.iter().product()` values in row-major order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tensor {
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
}

impl Tensor {
    /// A copy of `a` with its shape.
    pub fn from_array(a: &ArrayD<f32>) -> Self {
        Tensor {
            shape: a.shape().to_vec(),
            data: a.iter().copied().collect(),
        }
    }

    /// The array this tensor holds (its length was checked when the file was read).
    pub fn to_array(&self) -> ArrayD<f32> {
        ArrayD::from_shape_vec(IxDyn(&self.shape), self.data.clone())
            .expect("checked when the file was read")
    }
}
