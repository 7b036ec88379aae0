//! `<ChartCanvas/>`: runs a drawing function on a `<canvas>`, sized for the device's pixel
//! ratio so lines and text stay crisp, redrawn when its data, the theme or the window size
//! changes. The marks the drawing reports become hover tooltips with exact values, reachable
//! by keyboard too (arrow keys step through them, Enter drills down). On a touch screen a first
//! tap on a mark shows its tooltip and a second tap (or the tooltip's "Drill down" button)
//! drills, so a tap never does both at once.

use super::hit::{tap, Tap};
use super::{hit_at, ChartStyle, Hit};
use crate::i18n::charts::ChartCard;
use crate::state::{ResizeTick, ViewState};
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

/// A tooltip on screen: its text and where it points, in CSS pixels within the canvas.
#[derive(Clone, Debug, PartialEq)]
struct Tip {
    text: String,
    x: f64,
    y: f64,
    /// The segment a drill-down would filter to.
    drill: Option<String>,
    /// The mark's position in the hit list, when a tap opened the tooltip.
    tapped: Option<usize>,
}

impl Tip {
    fn of(hit: &Hit, x: f64, y: f64) -> Tip {
        Tip { text: hit.text.clone(), x, y, drill: hit.drill.clone(), tapped: None }
    }
}

/// A chart on a canvas. `draw` may read signals: the chart redraws when they change.
#[component]
pub fn ChartCanvas<F>(
    /// Text alternative read by screen readers: what the chart shows and its key figures.
    #[prop(into)]
    summary: Signal<String>,
    /// Draws the chart on the canvas's drawing area and returns its marks.
    draw: F,
    /// Called with a mark's segment when it is clicked (or chosen with Enter).
    #[prop(optional)]
    on_drill: Option<Callback<String>>,
) -> impl IntoView
where
    F: Fn(&DrawingArea<CanvasBackend, Shift>, &ChartStyle) -> Vec<Hit> + 'static,
{
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let resize = expect_context::<ResizeTick>().0;
    let dark = ViewState::expect().dark;
    let hits = StoredValue::new(Vec::<Hit>::new());
    let tip = RwSignal::new(None::<Tip>);
    let focused = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        resize.track();
        let dark = dark.get();
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
        hits.set_value(draw(&area, &crate::theme::chart_style(dark, scale)));
        let _ = area.present();
        tip.set(None);
        focused.set(None);
    });
    // The kind of pointer that pressed last: a touch is answered on its click, as a tap.
    let touched = StoredValue::new(false);
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if ev.pointer_type() == "touch" {
            return;
        }
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let now = hits.with_value(|h| hit_at(h, x, y).map(|hit| Tip::of(hit, x, y)));
        if tip.get_untracked() != now {
            tip.set(now);
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        if touched.get_value() {
            let shown = tip.with_untracked(|t| t.as_ref().and_then(|t| t.tapped));
            match hits.with_value(|h| tap(h, shown, x, y)) {
                Tap::Drill(segment) => {
                    if let Some(cb) = on_drill {
                        tip.set(None);
                        cb.run(segment);
                    }
                }
                Tap::Show(i) => {
                    tip.set(hits.with_value(|h| h.get(i).map(|hit| Tip { tapped: Some(i), ..Tip::of(hit, x, y) })))
                }
                Tap::Clear => tip.set(None),
            }
            return;
        }
        let drill = hits.with_value(|h| hit_at(h, x, y).and_then(|hit| hit.drill.clone()));
        if let (Some(segment), Some(cb)) = (drill, on_drill) {
            cb.run(segment);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = hits.with_value(Vec::len);
        if n == 0 {
            return;
        }
        let step = |i: Option<usize>, forward: bool| match (i, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => step(focused.get_untracked(), true),
            "ArrowLeft" | "ArrowUp" => step(focused.get_untracked(), false),
            "Home" => 0,
            "End" => n - 1,
            "Enter" | " " => {
                let drill = focused.get_untracked().and_then(|i| hits.with_value(|h| h.get(i)?.drill.clone()));
                if let (Some(segment), Some(cb)) = (drill, on_drill) {
                    ev.prevent_default();
                    cb.run(segment);
                }
                return;
            }
            "Escape" => {
                tip.set(None);
                focused.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        focused.set(Some(next));
        tip.set(hits.with_value(|h| h.get(next).map(|hit| Tip::of(hit, (hit.x0 + hit.x1) / 2.0, hit.y0.max(8.0)))));
    };
    let tooltip = move || {
        tip.get().map(|t| {
            // Set through the CSSOM (`style:left`), which the Content-Security-Policy allows; a
            // `style` attribute would be blocked by `style-src 'self'`.
            let (left, top) = (format!("{:.0}px", t.x), format!("{:.0}px", t.y));
            let tapped = t.tapped.is_some();
            let hint = match (&t.drill, tapped, on_drill.is_some()) {
                (Some(_), false, true) => crate::i18n::t(ChartCard::ClickToDrill),
                (Some(_), true, true) => crate::i18n::t(ChartCard::TapToDrill),
                _ => "",
            };
            // After a tap, a button drills too: a finger has no hover to discover the second tap.
            let button = t.drill.clone().filter(|_| tapped).zip(on_drill).map(|(segment, cb)| {
                view! {
                    <button class="button small tip-drill" data-testid="tip-drill" on:click=move |_| { tip.set(None); cb.run(segment.clone()); }>
                        {crate::i18n::t(ChartCard::DrillDown)}
                    </button>
                }
            });
            view! {
                <div class="chart-tip" class:tapped=tapped role="status" style:left=left style:top=top>
                    {t.text}<span class="muted">{hint}</span>{button}
                </div>
            }
        })
    };
    view! {
        <div class="chart-wrap">
            <canvas
                node_ref=canvas
                class="chart-canvas"
                class:drillable=move || tip.with(|t| t.as_ref().is_some_and(|t| t.drill.is_some()))
                role="img"
                tabindex="0"
                aria-label=move || crate::i18n::tf(ChartCard::ReadValues, &[("summary", summary.get()), ("enter", if on_drill.is_some() { crate::i18n::t(ChartCard::EnterToDrill).to_owned() } else { String::new() })])
                on:pointerdown=move |ev: leptos::ev::PointerEvent| touched.set_value(ev.pointer_type() == "touch")
                on:pointermove=on_move
                on:pointerleave=move |ev: leptos::ev::PointerEvent| if ev.pointer_type() != "touch" { tip.set(None) }
                on:click=on_click
                on:keydown=on_key
                on:blur=move |ev: leptos::ev::FocusEvent| {
                    // Focus moving to the tooltip's own "Drill down" button keeps the tooltip.
                    use wasm_bindgen::JsCast;
                    let to_tip = ev
                        .related_target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|e| e.closest(".chart-tip").ok().flatten().is_some());
                    if !to_tip {
                        tip.set(None);
                        focused.set(None);
                    }
                }
            ></canvas>
            {tooltip}
        </div>
    }
}
