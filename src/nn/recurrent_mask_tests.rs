//! `lstm` and `gru` over padded sequences (an embedding's `mask_zero`): padded steps change
//! neither the output nor the gradient, checked bit for bit against the unpadded sequences and
//! by finite differences with the mask set.

use ndarray::{s, Array, Array2, ArrayD};

use crate::nn::gru::Gru;
use crate::nn::layer::{tests::check_gradients, Layer};
use crate::nn::lstm::Lstm;
use crate::rng::Rng;

/// An lstm (`gru = false`) or a gru of 3 units over 2 features, seeded.
fn layer(gru: bool, return_sequences: bool) -> Box<dyn Layer> {
    let rng = &mut Rng::new(11);
    match gru {
        false => Box::new(Lstm::new(2, 3, return_sequences, rng)),
        true => Box::new(Gru::new(2, 3, return_sequences, rng)),
    }
}

/// Two sequences of 3 real steps `[2, 3, 2]`.
fn real() -> ArrayD<f32> {
    Array::from_shape_fn((2, 3, 2), |(b, t, f)| {
        ((b * 5 + t * 3 + f * 7) % 11) as f32 / 5.0 - 1.0
    })
    .into_dyn()
}

/// `real()` with padding steps of large values around it: `before` steps first, `after` last,
/// and the mask marking them 0.
fn padded(before: usize, after: usize) -> (ArrayD<f32>, Array2<f32>) {
    let steps = before + 3 + after;
    let mut x = Array::from_elem((2, steps, 2), 7.5f32);
    x.slice_mut(s![.., before..before + 3, ..]).assign(&real());
    let mask = Array2::from_shape_fn((2, steps), |(_, t)| {
        f32::from((before..before + 3).contains(&t))
    });
    (x.into_dyn(), mask)
}

#[test]
fn padded_sequences_give_exactly_the_unpadded_outputs() {
    for gru in [false, true] {
        let want = layer(gru, false).forward(&real(), false);
        for (before, after) in [(0, 4), (2, 0), (1, 2)] {
            let (x, mask) = padded(before, after);
            let mut l = layer(gru, false);
            assert_eq!(
                l.set_mask(Some(mask), &x),
                None,
                "the last state has no mask"
            );
            assert_eq!(
                l.forward(&x, false),
                want,
                "gru={gru} padding {before}+{after}"
            );
        }
        // Every step's state: padded steps repeat the state before them, and the mask goes on.
        let (x, mask) = padded(1, 2);
        let mut l = layer(gru, true);
        assert_eq!(l.set_mask(Some(mask.clone()), &x), Some(mask));
        let y = l.forward(&x, false);
        let unpadded = layer(gru, true).forward(&real(), false);
        assert_eq!(y.slice(s![.., 1..4, ..]).into_dyn(), unpadded);
        assert!(
            y.slice(s![.., 0, ..]).iter().all(|&v| v == 0.0),
            "h_0 carried"
        );
        assert_eq!(y.slice(s![.., 4, ..]), y.slice(s![.., 3, ..]));
        assert_eq!(y.slice(s![.., 5, ..]), y.slice(s![.., 3, ..]));
    }
}

#[test]
fn padded_steps_get_no_gradient_and_the_rest_matches_the_unpadded_gradient() {
    for gru in [false, true] {
        let (x, mask) = padded(1, 2);
        let mut l = layer(gru, false);
        l.set_mask(Some(mask), &x);
        let y = l.forward(&x, true);
        let dx = l.backward(&Array::ones(y.raw_dim()));
        let mut plain = layer(gru, false);
        plain.forward(&real(), true);
        let want = plain.backward(&Array::ones(y.raw_dim()));
        assert_eq!(dx.slice(s![.., 1..4, ..]).into_dyn(), want, "gru={gru}");
        for t in [0, 4, 5] {
            assert!(dx.slice(s![.., t, ..]).iter().all(|&v| v == 0.0));
        }
        // The parameter gradients too (the input projection over all steps adds zeros).
        let grads = |l: &mut Box<dyn Layer>| -> Vec<Vec<f32>> {
            (l.params().iter())
                .map(|p| p.grad.iter().copied().collect())
                .collect()
        };
        assert_eq!(grads(&mut l), grads(&mut plain), "gru={gru}");
    }
}

#[test]
fn masked_gradients_match_finite_differences() {
    // Sample 0 padded at the end, sample 1 at the start and in the middle.
    let x = Array::from_shape_fn((2, 5, 2), |(b, t, f)| {
        ((b * 5 + t * 3 + f * 7) % 11) as f32 / 5.0 - 1.0
    })
    .into_dyn();
    let mask = ndarray::array![[1.0f32, 1.0, 1.0, 0.0, 0.0], [0.0, 1.0, 0.0, 1.0, 1.0]];
    for gru in [false, true] {
        for return_sequences in [false, true] {
            let mut l = layer(gru, return_sequences);
            l.set_mask(Some(mask.clone()), &x);
            check_gradients(
                l.as_mut(),
                &x,
                &format!("gru={gru} return_sequences={return_sequences} masked"),
            );
        }
    }
}
