//! Entry point of the wasm app: installs the panic hook and mounts `<App/>`.

fn main() {
    // The panic's message goes to the console, then to the boot script's crash panel
    // (`window.pipelensCrashed`, web/boot.js), so a stopped app never leaves a dead page.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let crashed = js_sys::Reflect::get(&js_sys::global(), &"pipelensCrashed".into());
        if let Ok(f) = crashed.and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f)) {
            let _ = f.call1(&wasm_bindgen::JsValue::NULL, &info.to_string().into());
        }
    }));
    // Legacy code pages decode in the tab's TextDecoder (no decoding tables in the wasm).
    pipelens_parse::text_decoder::install();
    leptos::mount::mount_to_body(pipelens::App);
}
