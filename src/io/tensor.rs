//! One parameter tensor of the model file: a shape and its values, row-major — f32 `data`, or in
//! a quantised file (extension) `int8` values (base64, one byte each, two's complement) with one
//! f32 scale per output channel (`scales`), along the last axis or along `scale_axis` (0 for an
//! embedding table: one scale per row).

use ndarray::{ArrayD, IxDyn};
use serde::{Deserialize, Serialize};

use crate::nn::quant::Int8Tensor;

/// One parameter tensor: `data` holds `shape.iter().product()` values in row-major order; or
/// `int8` holds that many bytes (base64) and `scales` one per entry of the last axis, or of
/// axis `scale_axis` when given (`data` then absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tensor {
    pub shape: Vec<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub int8: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scales: Option<Vec<f32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_axis: Option<usize>,
}

impl Tensor {
    /// A copy of `a` with its shape.
    pub fn from_array(a: &ArrayD<f32>) -> Self {
        Tensor {
            shape: a.shape().to_vec(),
            data: a.iter().copied().collect(),
            int8: None,
            scales: None,
            scale_axis: None,
        }
    }

    /// An int8 tensor's entry.
    pub fn from_int8(t: Int8Tensor) -> Self {
        let last = t.axis + 1 == t.shape.len();
        Tensor {
            scale_axis: (!last).then_some(t.axis),
            shape: t.shape,
            data: vec![],
            int8: Some(super::base64::encode(
                &t.q.iter().map(|&q| q as u8).collect::<Vec<_>>(),
            )),
            scales: Some(t.scales),
        }
    }

    /// How many values it holds (f32, or int8: the decoded bytes; 0 for base64 that does not
    /// decode).
    pub fn len(&self) -> usize {
        match &self.int8 {
            Some(_) => self.int8_values().map_or(0, |q| q.len()),
            None => self.data.len(),
        }
    }

    /// The int8 values, decoded (`Err`: why the base64 does not decode).
    pub fn int8_values(&self) -> Result<Vec<i8>, String> {
        let text = self.int8.as_deref().unwrap_or("");
        Ok(super::base64::decode(text)?
            .into_iter()
            .map(|b| b as i8)
            .collect())
    }

    /// Whether it holds no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The int8 tensor it holds, if quantised (checked when the file was read).
    pub fn as_int8(&self) -> Option<Int8Tensor> {
        Some(Int8Tensor {
            shape: self.shape.clone(),
            q: self.int8_values().ok()?,
            scales: self.scales.clone()?,
            axis: self.axis(),
        })
    }

    /// The axis its scales run along: `scale_axis`, else the last.
    pub fn axis(&self) -> usize {
        self.scale_axis
            .unwrap_or(self.shape.len().saturating_sub(1))
    }

    /// The array this tensor holds, dequantised if int8 (its length was checked when the file
    /// was read).
    pub fn to_array(&self) -> ArrayD<f32> {
        match self.as_int8() {
            Some(t) => t.dequantize(),
            None => ArrayD::from_shape_vec(IxDyn(&self.shape), self.data.clone())
                .expect("checked when the file was read"),
        }
    }
}
