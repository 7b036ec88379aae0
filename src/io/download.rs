//! Saving what the app made (CSV exports, chart images) as a file: a local Blob URL clicked as a
//! download. Nothing is sent anywhere; the URL lives only in this tab.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Offers `text` as a download named `file_name`.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(file_name, &blob)
}

/// Offers `blob` as a download named `file_name`.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Free the Blob once the browser has started the download.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}

/// Offers what `canvas` shows as a PNG named `file_name`, at the canvas's own (device-pixel)
/// size, on an opaque `background` (a CSS colour) so the image reads the same outside the page.
pub fn download_canvas_png(
    canvas: &web_sys::HtmlCanvasElement,
    background: &str,
    file_name: &str,
) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let (w, h) = (canvas.width(), canvas.height());
    if w == 0 || h == 0 {
        return Err("the chart is not drawn".into());
    }
    let out: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    out.set_width(w);
    out.set_height(h);
    let ctx: web_sys::CanvasRenderingContext2d = out.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
    ctx.set_fill_style_str(background);
    ctx.fill_rect(0.0, 0.0, w as f64, h as f64);
    ctx.draw_image_with_html_canvas_element(canvas, 0.0, 0.0)?;
    let name = file_name.to_owned();
    let done = Closure::once_into_js(move |blob: JsValue| {
        // `null` when the image could not be made (a canvas too big for the browser).
        if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
            let _ = download_blob(&name, &blob);
        }
    });
    out.to_blob_with_type(done.unchecked_ref(), "image/png")
}
