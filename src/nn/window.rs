//! Where a square window slides over an `h × w` image (conv2d's kernels, max_pool2d's pools),
//! and the image shape those layers take.

use super::build::BuildContext;
use crate::error::Result;
use crate::experiment::values::choice_enum;

choice_enum! {
    /// Convolution padding (Keras/TF): `valid` (none) or `same` (output `ceil(size / strides)`,
    /// the odd pixel of padding on the bottom/right).
    #[derive(Default)]
    pub enum Padding {
        #[default]
        Valid = "valid",
        Same = "same",
    }
}

/// The `[height, width, channels]` of an image input, or the error asking for a reshape before
/// the layer (the example is the 8×8 digits').
pub fn image(input: &[usize], ctx: &BuildContext) -> Result<[usize; 3]> {
    match *input {
        [h, w, c] => Ok([h, w, c]),
        _ => Err(ctx.error(format!("needs images [height, width, channels] but receives shape {input:?}; put a reshape before it, e.g. {{\"type\":\"reshape\",\"target_shape\":[8,8,1]}} for 64 pixels"))),
    }
}

/// Where a square window slides over an `h × w` image (shared with max pooling).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub h: usize,
    pub w: usize,
    pub k: usize,
    pub stride: usize,
    /// Output height and width.
    pub oh: usize,
    pub ow: usize,
    /// Zero rows above and columns left of the image (`same` padding).
    pub top: usize,
    pub left: usize,
}

impl Window {
    /// The window geometry, or `None` when a `valid` window does not fit (`k > h` or `k > w`).
    /// `same`: output `ceil(size / stride)`, padding split with the odd one bottom/right (TF).
    pub fn new(h: usize, w: usize, k: usize, stride: usize, padding: Padding) -> Option<Self> {
        let (oh, ow, top, left) = match padding {
            Padding::Valid if k <= h && k <= w => {
                ((h - k) / stride + 1, (w - k) / stride + 1, 0, 0)
            }
            Padding::Valid => return None,
            Padding::Same => {
                let (oh, ow) = (h.div_ceil(stride), w.div_ceil(stride));
                let pad = |o: usize, n: usize| ((o - 1) * stride + k).saturating_sub(n) / 2;
                (oh, ow, pad(oh, h), pad(ow, w))
            }
        };
        Some(Window {
            h,
            w,
            k,
            stride,
            oh,
            ow,
            top,
            left,
        })
    }

    /// The input row (or column) of window offset `d` at output position `o`, if inside.
    pub(super) fn at(&self, o: usize, d: usize, pad: usize, size: usize) -> Option<usize> {
        (o * self.stride + d).checked_sub(pad).filter(|&i| i < size)
    }
}
