//! Weight initialisers, all driven by the experiment's seeded generator.

use ndarray::Array2;

use crate::rng::Rng;

/// Glorot/Xavier uniform: U(±sqrt(6 / (fan_in + fan_out))), shape `[fan_in, fan_out]`.
pub fn glorot_uniform(fan_in: usize, fan_out: usize, rng: &mut Rng) -> Array2<f32> {
    let limit = (6.0 / (fan_in + fan_out) as f32).sqrt();
    Array2::from_shape_simple_fn((fan_in, fan_out), || rng.uniform(-limit, limit))
}

/// He uniform: U(±sqrt(6 / fan_in)), for relu layers.
pub fn he_uniform(fan_in: usize, fan_out: usize, rng: &mut Rng) -> Array2<f32> {
    let limit = (6.0 / fan_in as f32).sqrt();
    Array2::from_shape_simple_fn((fan_in, fan_out), || rng.uniform(-limit, limit))
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
}
