//! The chart shell on a real page `<canvas>` in headless Chromium.
#![cfg(target_arch = "wasm32")]

use kindling::wasm::chart::draw_loss_chart;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh `<canvas>` element of the test page.
fn new_canvas() -> web_sys::HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
fn draws_the_loss_curve_on_a_canvas() {
    let canvas = new_canvas();
    canvas.set_width(400);
    canvas.set_height(300);
    let history = js_sys::JSON::parse(
        r#"[{"epoch":1,"loss":1.0,"val_loss":1.1},{"epoch":2,"loss":0.5,"val_loss":0.7},{"epoch":3,"loss":0.2,"val_loss":0.4}]"#,
    )
    .unwrap();
    draw_loss_chart(canvas.clone(), history, wasm_bindgen::JsValue::UNDEFINED).unwrap();
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let pixels = ctx.get_image_data(0.0, 0.0, 400.0, 300.0).unwrap().data();
    let blue = pixels
        .chunks(4)
        .filter(|p| p[0] < 40 && (90..140).contains(&p[1]) && p[2] > 150)
        .count();
    let orange = pixels
        .chunks(4)
        .filter(|p| p[0] > 200 && (130..190).contains(&p[1]) && p[2] < 40)
        .count();
    assert!(blue > 100, "train curve pixels: {blue}");
    assert!(orange > 100, "validation curve pixels: {orange}");
}

#[wasm_bindgen_test]
fn bad_history_is_an_error_not_a_panic() {
    let canvas = new_canvas();
    assert!(draw_loss_chart(
        canvas,
        "not a history".into(),
        wasm_bindgen::JsValue::UNDEFINED
    )
    .is_err());
}

#[wasm_bindgen_test]
fn a_label_that_is_not_text_is_an_error_naming_it() {
    let canvas = new_canvas();
    canvas.set_width(200);
    canvas.set_height(100);
    let labels = js_sys::JSON::parse(r#"{"epoch":"轮次","loss":3}"#).unwrap();
    let err = draw_loss_chart(canvas, js_sys::Array::new().into(), labels).unwrap_err();
    let message = wasm_bindgen::JsValue::from(err);
    let text = js_sys::Reflect::get(&message, &"message".into()).unwrap();
    assert_eq!(text.as_string().unwrap(), "chart labels: loss must be text");
}
