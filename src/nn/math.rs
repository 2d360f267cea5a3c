//! Transcendental functions from the pure-Rust `libm` crate, so that native builds (which would
//! otherwise call the system's C library) and wasm builds compute the very same bits.

/// eˣ.
#[inline]
pub fn exp(x: f32) -> f32 {
    libm::expf(x)
}

/// tanh x.
#[inline]
pub fn tanh(x: f32) -> f32 {
    libm::tanhf(x)
}

/// ln x.
#[inline]
pub fn ln(x: f32) -> f32 {
    libm::logf(x)
}

/// ln(1 + x), accurate for small x.
#[inline]
pub fn ln_1p(x: f32) -> f32 {
    libm::log1pf(x)
}

/// xⁿ for an integer n ≥ 0 (Adam's bias correction).
#[inline]
pub fn powi(x: f32, n: u32) -> f32 {
    libm::powf(x, n as f32)
}
