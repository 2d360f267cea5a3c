//! The wasm shells: a worker-side training session and main-thread chart drawing.
//! Thin newtypes over the core; JSON in, JSON out; core errors become JS `Error`s.
//! Cargo features choose each package's exports (Cargo.toml, scripts/build.sh): the workers' pkg/
//! everything but the charts, the page's pkg-chart/ only the charts, pkg-export/ only
//! `exportModel` (loaded when the Deployment panel exports).

#[cfg(feature = "worker-exports")]
pub mod advice;
#[cfg(feature = "bench-exports")]
pub mod bench;
#[cfg(feature = "charts")]
pub mod chart;
#[cfg(feature = "compress-exports")]
pub mod compress;
#[cfg(feature = "export")]
pub mod export;
#[cfg(feature = "worker-exports")]
pub mod inside;
#[cfg(feature = "worker-exports")]
pub mod layers;
#[cfg(feature = "worker-exports")]
pub mod model;
#[cfg(feature = "recommend-exports")]
pub mod recommend;
#[cfg(feature = "worker-exports")]
pub mod search;
#[cfg(feature = "worker-exports")]
pub mod session;
#[cfg(feature = "worker-exports")]
pub mod text;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs a panic hook that logs to the console and remembers the message for [`last_panic`].
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
        }));
    });
}

/// The message of the last Rust panic in this instance (after a JS `RuntimeError: unreachable`).
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow().clone())
}

/// Serialises `value` for JS as JSON does: `None` → `null`, maps → plain objects, and `f32`s
/// with their shortest decimal form (0.01, not 0.009999999776).
#[cfg(any(
    feature = "worker-exports",
    feature = "bench-exports",
    feature = "recommend-exports"
))]
pub(crate) fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("internal error: JSON did not parse"))
}

/// Parses JSON `text` into `T` through a `serde_json::Value` (`crate::json`: one parser, duplicate
/// keys refused), the one deserialiser the wasm build instantiates for the core's types (each extra
/// one costs tens of KB of code); errors start with `what`, then the key path (`crate::json::from_value`).
#[cfg(feature = "worker-exports")]
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    what: &str,
    text: &str,
) -> Result<T, JsError> {
    let value = crate::json::parse(text).map_err(|e| JsError::new(&format!("{what}: {e}")))?;
    crate::json::from_value(&value).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// Core error → JS `Error` with the core's message.
#[cfg(any(
    feature = "worker-exports",
    feature = "bench-exports",
    feature = "recommend-exports"
))]
pub(crate) fn js_error(e: crate::Error) -> JsError {
    JsError::new(&e.to_string())
}
