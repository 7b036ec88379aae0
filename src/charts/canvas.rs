//! `<ChartCanvas/>`: runs a drawing function on a `<canvas>`, sized for the device's pixel
//! ratio so lines and text stay crisp, and redrawn when its data or the window size changes.

use super::draw::ChartStyle;
use crate::state::ResizeTick;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

/// A chart on a canvas. `draw` may read signals: the chart redraws when they change.
#[component]
pub fn ChartCanvas<F>(
    /// Text alternative read by screen readers: what the chart shows and its key figures.
    #[prop(into)]
    summary: Signal<String>,
    /// Draws the chart on the canvas's drawing area.
    draw: F,
) -> impl IntoView
where
    F: Fn(&DrawingArea<CanvasBackend, Shift>, &ChartStyle) + 'static,
{
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let resize = expect_context::<ResizeTick>().0;
    Effect::new(move |_| {
        resize.track();
        let Some(el) = canvas.get() else { return };
        let rect = el.get_bounding_client_rect();
        let scale = window().device_pixel_ratio().max(1.0);
        let (w, h) = ((rect.width() * scale).round() as u32, (rect.height() * scale).round() as u32);
        if w == 0 || h == 0 {
            return;
        }
        el.set_width(w);
        el.set_height(h);
        let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) else { return };
        let area = backend.into_drawing_area();
        draw(&area, &ChartStyle { scale, ..ChartStyle::default() });
        let _ = area.present();
    });
    view! { <canvas node_ref=canvas class="chart-canvas" role="img" aria-label=move || summary.get()></canvas> }
}
