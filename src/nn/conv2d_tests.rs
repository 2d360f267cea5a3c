//! `Conv2d` against hand-computed outputs, TensorFlow's padding and finite differences.

use super::*;
use crate::nn::layer::tests::check_gradients;
use ndarray::{array, Array4};

/// Distinct, non-integer inputs `[batch, h, w, c]`.
fn input(batch: usize, h: usize, w: usize, c: usize) -> ArrayD<f32> {
    Array4::from_shape_fn((batch, h, w, c), |(b, y, x, ch)| {
        ((b * 31 + y * 7 + x * 3 + ch * 5) % 13) as f32 / 6.0 - 1.0
    })
    .into_dyn()
}

fn conv(h: usize, k: usize, stride: usize, padding: Padding, c: usize, f: usize) -> Conv2d {
    let win = Window::new(h, h, k, stride, padding).unwrap();
    Conv2d::new(win, c, f, Activation::Linear, &mut Rng::new(5))
}

#[test]
fn same_padding_follows_tensorflow() {
    let w = Window::new(3, 3, 2, 1, Padding::Same).unwrap();
    assert_eq!(
        (w.oh, w.ow, w.top, w.left),
        (3, 3, 0, 0),
        "the odd pad bottom/right"
    );
    let w = Window::new(5, 4, 3, 2, Padding::Same).unwrap();
    assert_eq!((w.oh, w.ow, w.top, w.left), (3, 2, 1, 0));
    let w = Window::new(8, 8, 3, 1, Padding::Valid).unwrap();
    assert_eq!((w.oh, w.ow), (6, 6));
    assert_eq!(Window::new(2, 8, 3, 1, Padding::Valid), None);
}

#[test]
fn forward_matches_hand_computed_values() {
    // x = 1..9 in a 3×3 image; kernel [[1, 2], [3, 4]], bias 0.5.
    let x = Array4::from_shape_fn((1, 3, 3, 1), |(_, y, x, _)| (y * 3 + x + 1) as f32).into_dyn();
    let mut c = conv(3, 2, 1, Padding::Valid, 1, 1);
    c.kernel = array![[1.0], [2.0], [3.0], [4.0]];
    c.bias = array![0.5];
    let y = c.forward(&x, false);
    assert_eq!(
        y,
        array![[[[37.5f32], [47.5]], [[67.5], [77.5]]]].into_dyn()
    );
    // Same padding: a zero row below and a zero column right of the image.
    let mut c = conv(3, 2, 1, Padding::Same, 1, 1);
    c.kernel = array![[1.0], [2.0], [3.0], [4.0]];
    let y = c.forward(&x, false).into_shape_with_order((3, 3)).unwrap();
    let want = array![
        [37.0f32, 47.0, 3.0 + 18.0],
        [67.0, 77.0, 6.0 + 27.0],
        [7.0 + 16.0, 8.0 + 18.0, 9.0]
    ];
    assert_eq!(y, want);
    // A centred 3×3 window (one zero row and column on every side) picking its right neighbour.
    let mut c = conv(3, 3, 1, Padding::Same, 1, 1);
    c.kernel = Array2::from_shape_fn((9, 1), |(i, _)| if i == 5 { 1.0 } else { 0.0 });
    let y = c.forward(&x, false).into_shape_with_order((3, 3)).unwrap();
    assert_eq!(
        y,
        array![[2.0f32, 3.0, 0.0], [5.0, 6.0, 0.0], [8.0, 9.0, 0.0]]
    );
    // Stride 2 with relu: one window per corner of the padded image.
    let mut c = conv(3, 2, 2, Padding::Same, 1, 1);
    c.kernel = array![[1.0], [-2.0], [0.0], [0.0]];
    c.activation = Activation::Relu;
    let y = c.forward(&x, false).into_shape_with_order((2, 2)).unwrap();
    assert_eq!(y, array![[0.0f32, 3.0], [0.0, 9.0]]);
}

#[test]
fn keras_kernel_layout_and_glorot_limit() {
    let mut c = conv(5, 3, 1, Padding::Valid, 2, 4);
    // fan_in 3·3·2 = 18, fan_out 3·3·4 = 36: limit sqrt(6/54) = 1/3.
    assert!(c.kernel.iter().all(|v| v.abs() <= 1.0 / 3.0));
    assert!(c.kernel.iter().any(|v| v.abs() > 0.3));
    let shapes: Vec<_> = c.weights().iter().map(|w| w.shape().to_vec()).collect();
    assert_eq!(shapes, [vec![3, 3, 2, 4], vec![4]]);
    assert_eq!(c.params()[0].value.shape(), [3, 3, 2, 4]);
    assert_eq!(c.output_shape(&[5, 5, 2]), [3, 3, 4]);
}

#[test]
fn gradients_match_finite_differences() {
    for (padding, stride) in [
        (Padding::Valid, 1),
        (Padding::Same, 1),
        (Padding::Valid, 2),
        (Padding::Same, 2),
    ] {
        let mut c = conv(5, 3, stride, padding, 2, 3);
        c.activation = Activation::Tanh;
        c.bias = array![0.1, -0.2, 0.3];
        c.regularizer = Some(Regularizer { l1: 0.01, l2: 0.05 });
        check_gradients(
            &mut c,
            &input(2, 5, 5, 2),
            &format!("conv2d {padding:?} /{stride}"),
        );
    }
    let mut c = conv(4, 2, 1, Padding::Same, 2, 3);
    c.use_bias = false;
    check_gradients(&mut c, &input(1, 4, 4, 2), "conv2d without bias");
}

#[test]
fn backward_params_stores_the_same_gradients_as_backward() {
    let x = input(2, 4, 4, 2);
    let (mut a, mut b) = (
        conv(4, 3, 1, Padding::Same, 2, 3),
        conv(4, 3, 1, Padding::Same, 2, 3),
    );
    let y = a.forward(&x, true);
    b.forward(&x, true);
    a.backward(&y);
    b.backward_params(&y);
    assert_eq!(
        (&a.grad_kernel, &a.grad_bias),
        (&b.grad_kernel, &b.grad_bias)
    );
}

#[test]
fn inference_in_chunks_gives_the_same_bits_as_one_batch() {
    let x = input(INFER_CHUNK * 2 + 3, 5, 5, 2);
    let mut c = conv(5, 3, 1, Padding::Same, 2, 3);
    assert_eq!(c.forward(&x, false), c.forward(&x, true));
}
