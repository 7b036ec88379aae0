//! Small helpers over JavaScript values, shared by the page's and the worker's sides.

use wasm_bindgen::{JsCast, JsValue};

/// A JavaScript error or thrown value in words, for a message or the console.
pub fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().and_then(|e| e.message().as_string()))
        .unwrap_or_else(|| "unknown error".into())
}

/// Why the browser would not give a file's bytes: the name of a `DOMException` the page words
/// itself ([`NOT_FOUND`], [`NOT_READABLE`]: the file was moved, deleted or changed after it was
/// picked), else the browser's own words (see [`describe`]).
pub fn browser_reason(e: &JsValue) -> String {
    let name = field(e, "name").as_string();
    match name.as_deref() {
        Some(name @ (NOT_FOUND | NOT_READABLE)) => name.to_owned(),
        _ => describe(e),
    }
}

/// The `DOMException` a read of a file moved or deleted since it was picked fails with.
pub const NOT_FOUND: &str = "NotFoundError";

/// The `DOMException` a read of a file changed since it was picked fails with.
pub const NOT_READABLE: &str = "NotReadableError";

/// `value[key]`, or `undefined`.
pub fn field(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `{key: value}`.
pub fn object(key: &str, value: &JsValue) -> JsValue {
    let o = js_sys::Object::new();
    // Setting a field of a new plain object cannot fail.
    let _ = js_sys::Reflect::set(&o, &JsValue::from_str(key), value);
    o.into()
}

/// Calls `callback` in a later task, after `ms` milliseconds (the global `setTimeout`, on the
/// page or in a worker).
pub fn set_timeout(callback: &JsValue, ms: i32) {
    let set_timeout = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("setTimeout"));
    if let Ok(set_timeout) = set_timeout.and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = set_timeout.call2(&JsValue::NULL, callback, &JsValue::from(ms));
    }
}
