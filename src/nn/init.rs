//! Weight initialisers (Keras defaults), all driven by the experiment's seeded generator.

use ndarray::Array2;

use crate::rng::Rng;

/// Glorot/Xavier uniform: U(±sqrt(6 / (fan_in + fan_out))), shape `[fan_in, fan_out]`.
pub fn glorot_uniform(fan_in: usize, fan_out: usize, rng: &mut Rng) -> Array2<f32> {
    glorot_uniform_fans((fan_in, fan_out), fan_in, fan_out, rng)
}

/// Glorot uniform with explicit fans, drawn row-major into `shape` (a conv kernel
/// `[k·k·c, filters]` has fans `k·k·c` and `k·k·filters`, as Keras counts them).
pub fn glorot_uniform_fans(
    shape: (usize, usize),
    fan_in: usize,
    fan_out: usize,
    rng: &mut Rng,
) -> Array2<f32> {
    let limit = (6.0 / (fan_in + fan_out) as f32).sqrt();
    Array2::from_shape_simple_fn(shape, || rng.uniform(-limit, limit))
}

/// He uniform: U(±sqrt(6 / fan_in)), for relu layers.
pub fn he_uniform(fan_in: usize, fan_out: usize, rng: &mut Rng) -> Array2<f32> {
    let limit = (6.0 / fan_in as f32).sqrt();
    Array2::from_shape_simple_fn((fan_in, fan_out), || rng.uniform(-limit, limit))
}

/// Zeros, shape `[rows, cols]`.
pub fn zeros(rows: usize, cols: usize) -> Array2<f32> {
    Array2::zeros((rows, cols))
}

/// Orthogonal (Keras/Saxe et al.): the Q of a QR decomposition of a standard normal matrix, signs
/// fixed so that R's diagonal is positive. Shape `[rows, cols]`: orthonormal columns when
/// `rows >= cols`, orthonormal rows otherwise (so `[u, 4u]` LSTM recurrent kernels have `W·Wᵀ = I`).
pub fn orthogonal(rows: usize, cols: usize, rng: &mut Rng) -> Array2<f32> {
    let (long, short) = (rows.max(cols), rows.min(cols));
    // Columns of a `long × short` normal matrix, orthonormalised by modified Gram–Schmidt in f64:
    // this is exactly Q with a positive R diagonal.
    let mut q: Vec<Vec<f64>> = (0..short)
        .map(|_| (0..long).map(|_| standard_normal(rng)).collect())
        .collect();
    for j in 0..short {
        for k in 0..j {
            let (done, rest) = q.split_at_mut(j);
            let dot: f64 = done[k].iter().zip(&rest[0]).map(|(a, b)| a * b).sum();
            rest[0]
                .iter_mut()
                .zip(&done[k])
                .for_each(|(v, p)| *v -= dot * p);
        }
        let norm = q[j].iter().map(|v| v * v).sum::<f64>().sqrt().max(1e-12);
        q[j].iter_mut().for_each(|v| *v /= norm);
    }
    if rows >= cols {
        Array2::from_shape_fn((rows, cols), |(r, c)| q[c][r] as f32)
    } else {
        Array2::from_shape_fn((rows, cols), |(r, c)| q[r][c] as f32)
    }
}

/// A standard normal draw (Box–Muller on two 24-bit uniforms) with `libm`'s log and cos, so the
/// same seed gives the same bits natively and in wasm.
fn standard_normal(rng: &mut Rng) -> f64 {
    let u1 = rng.next_f32() as f64 + 0.5 / (1u32 << 24) as f64;
    let u2 = rng.next_f32() as f64;
    (-2.0 * libm::log(u1)).sqrt() * libm::cos(std::f64::consts::TAU * u2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glorot_stays_within_its_limit_and_is_seeded() {
        let a = glorot_uniform(4, 2, &mut Rng::new(1));
        assert!(a.iter().all(|v| v.abs() <= 1.0));
        assert_eq!(a, glorot_uniform(4, 2, &mut Rng::new(1)));
        assert_ne!(a, glorot_uniform(4, 2, &mut Rng::new(2)));
    }

    #[test]
    fn he_uses_the_fan_in_only() {
        let a = he_uniform(24, 1000, &mut Rng::new(1));
        let max = a.iter().fold(0.0f32, |m, v| m.max(v.abs()));
        assert!(
            max <= 0.5 && max > 0.49,
            "limit sqrt(6/24) = 0.5, max {max}"
        );
        assert!(zeros(2, 3).iter().all(|&v| v == 0.0));
    }

    #[test]
    fn orthogonal_is_orthonormal_along_its_short_side() {
        for (r, c) in [(5, 20), (20, 5), (6, 6)] {
            let w = orthogonal(r, c, &mut Rng::new(4));
            let gram = if r < c { w.dot(&w.t()) } else { w.t().dot(&w) };
            for ((i, j), v) in gram.indexed_iter() {
                let want = if i == j { 1.0 } else { 0.0 };
                assert!((v - want).abs() < 1e-5, "{r}x{c}: gram[{i},{j}] = {v}");
            }
        }
        assert_eq!(
            orthogonal(3, 12, &mut Rng::new(1)),
            orthogonal(3, 12, &mut Rng::new(1))
        );
        assert_ne!(
            orthogonal(3, 12, &mut Rng::new(1)),
            orthogonal(3, 12, &mut Rng::new(2))
        );
    }
}
