//! The comparison of the two exports: the headline tiles, the waterfall on canvas and as a
//! table with the spec's hooks, the counts beside it, a bar's deals and the slipped deals.

use super::{money, signed};
use crate::charts::canvas::ChartCanvas;
use crate::charts::waterfall::{draw_waterfall, Step, WaterfallBar};
use crate::components::export::CsvButton;
use crate::i18n::change::{flow_word, Change as W};
use crate::i18n::{current, t, tf};
use leptos::prelude::*;
use pipelens_engine::change::{self, ChangeSummary, DealRow, Flow, PipelineChange};
use pipelens_engine::format::local;
use pipelens_engine::kpi::Unit;

/// The waterfall, its table, the counts beside it, the drill-down and the slipped deals.
#[component]
pub(super) fn Comparison(change: PipelineChange, picked: RwSignal<Option<Flow>>) -> impl IntoView {
    let summary = ChangeSummary::of(&change);
    let bars: Vec<WaterfallBar> = summary
        .bars
        .iter()
        .map(|b| WaterfallBar {
            id: b.flow.id().to_owned(),
            label: flow_word(b.flow, current()).to_owned(),
            value: b.value,
            count: b.count,
            step: match b.flow.sign() {
                0 => Step::Total,
                s if s > 0 => Step::Up,
                _ => Step::Down,
            },
        })
        .collect();
    let lang = current();
    let alt = tf(
        W::WaterfallAlt,
        &[
            ("from", local::date(lang, summary.as_of_earlier)),
            ("to", local::date(lang, summary.as_of_later)),
            (
                "bars",
                summary
                    .bars
                    .iter()
                    .map(|b| format!("{} {}", flow_word(b.flow, lang), money(b.value)))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ],
    );
    let draw = move |area: &_, style: &_| draw_waterfall(area, &bars, Unit::Currency, style).unwrap_or_default();
    let on_drill = Callback::new(move |id: String| picked.set(Flow::from_id(&id)));
    let rows = summary
        .bars
        .iter()
        .map(|b| {
            let flow = b.flow;
            view! {
                <tr data-flow=flow.id() data-value=b.value.to_string() data-count=b.count.to_string()>
                    <th scope="row"><button class="link" data-drill=flow.id() title=t(W::ShowDeals) on:click=move |_| picked.set(Some(flow))>{flow_word(flow, lang)}</button></th>
                    <td class="num">{signed(flow, b.value)}</td>
                    <td class="num">{local::int(lang, b.count)}</td>
                </tr>
            }
        })
        .collect_view();
    let slip = summary
        .mean_days_slipped
        .map_or(String::new(), |m| format!(" ({} {})", local::number(lang, m, 1), t(W::MeanSlip)));
    let beside = [
        ("slipped", t(W::Slipped), summary.slipped, slip),
        ("stage_forward", t(W::Forward), summary.stage_forward, String::new()),
        ("stage_back", t(W::Back), summary.stage_back, String::new()),
        ("missing_from_earlier", t(W::Missing), summary.missing_from_earlier, String::new()),
    ]
    .into_iter()
    .map(|(id, label, n, extra)| view! { <li data-beside=id data-count=n.to_string()>{format!("{label}: {}{extra}", local::int(lang, n))}</li> })
    .collect_view();
    let headline =
        format!("{}{}", if summary.pipeline_change >= 0.0 { "+" } else { "−" }, money(summary.pipeline_change.abs()));
    let dates = format!("{} → {}", local::date(lang, summary.as_of_earlier), local::date(lang, summary.as_of_later));
    let window_note = summary
        .window
        .map(|[f, to]| tf(W::ExpectedClose, &[("from", local::date(lang, f)), ("to", local::date(lang, to))]));
    let drill = move || {
        picked.get().map(|flow| {
            let rows = change::drill_down(&change, flow);
            let csv = {
                let rows = rows.clone();
                move || change::deals_csv(&rows)
            };
            view! {
                <section class="card" data-testid="drill" data-flow=flow.id()>
                    <div class="card-head">
                        <h3>{format!("{} · {}", flow_word(flow, lang), local::int(lang, rows.len()))}</h3>
                        <CsvButton label=tf(W::DealsOf, &[("bar", flow_word(flow, lang).to_owned())]) file=format!("pipeline-change-{}", flow.id()) csv=csv/>
                    </div>
                    {deal_table(&rows, false)}
                </section>
            }
        })
    };
    let slipped = summary.slipped_deals.clone();
    let bars_csv = {
        let summary = summary.clone();
        move || summary.bars_csv()
    };
    let slipped_csv = {
        let rows = slipped.clone();
        move || change::deals_csv(&rows)
    };
    view! {
        <div class="tiles">
            <article class="tile">
                <h3 class="tile-name">{t(W::PipelineChange)}</h3>
                <p class="tile-value" data-kpi="pipeline_change" data-value=summary.pipeline_change.to_string()>{headline}</p>
                <p class="muted small">{dates}</p>
            </article>
            <article class="tile">
                <h3 class="tile-name">{t(W::Slipped)}</h3>
                <p class="tile-value" data-kpi="slipped_deals" data-value=summary.slipped.to_string()>{local::int(lang, summary.slipped)}</p>
            </article>
        </div>
        <figure class="card chart" data-chart="pipeline_change" aria-labelledby="chart-pipeline-change">
            <figcaption>
                <div class="chart-head">
                    <h3 id="chart-pipeline-change">{t(W::Waterfall)}</h3>
                    <CsvButton label=t(W::Waterfall) file="pipeline-change" csv=bars_csv/>
                </div>
                <p class="muted small">{window_note}</p>
            </figcaption>
            <ChartCanvas summary=alt draw=draw on_drill=on_drill/>
            <div class="kpi-table" role="region" aria-label=t(W::Waterfall) tabindex="0">
                <table data-table="waterfall">
                    <thead><tr><th scope="col">{t(W::Bar)}</th><th scope="col" class="num">{t(W::Amount)}</th><th scope="col" class="num">{t(W::Deals)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ul class="beside">{beside}</ul>
        </figure>
        {drill}
        <section class="card" data-testid="slipped">
            <div class="card-head"><h3>{t(W::Slipped)}</h3><CsvButton label=t(W::Slipped) file="slipped-deals" csv=slipped_csv/></div>
            {if slipped.is_empty() { view! { <p class="muted">{t(W::NoSlipped)}</p> }.into_any() } else { deal_table(&slipped, true) }}
        </section>
    }
}

/// A deals table: then → now per deal; with `slipped`, the days slipped too.
fn deal_table(rows: &[DealRow], slipped: bool) -> AnyView {
    let pair = |a: Option<String>, b: Option<String>| {
        format!("{} → {}", a.unwrap_or_else(|| "–".into()), b.unwrap_or_else(|| "–".into()))
    };
    let body = rows
        .iter()
        .map(|r| {
            let amounts = pair(r.amount_then.map(money), r.amount_now.map(money));
            let lang = current();
            let closes = pair(r.close_then.map(|d| local::date(lang, d)), r.close_now.map(|d| local::date(lang, d)));
            let days = slipped.then(|| view! { <td class="num">{r.slipped_days.map_or(String::new(), |d| local::number(lang, d as f64, 0))}</td> });
            view! {
                <tr data-deal=r.deal_id.clone() data-slipped-days=r.slipped_days.map(|d| d.to_string()).unwrap_or_default()>
                    <th scope="row">{r.deal_id.clone()}</th>
                    <td>{r.owner.clone().unwrap_or_default()}</td>
                    <td>{pair(r.stage_then.clone(), r.stage_now.clone())}</td>
                    <td class="num">{amounts}</td>
                    <td>{closes}</td>
                    {days}
                </tr>
            }
        })
        .collect_view();
    let days_head = slipped.then(|| view! { <th scope="col" class="num">{t(W::DaysSlipped)}</th> });
    view! {
        <div class="kpi-table" role="region" aria-label=t(W::Deals) tabindex="0">
            <table data-table=if slipped { "slipped" } else { "drill" }>
                <thead><tr>
                    <th scope="col">{t(W::Deal)}</th><th scope="col">{t(W::Owner)}</th><th scope="col">{t(W::Stage)}</th>
                    <th scope="col" class="num">{t(W::Amounts)}</th><th scope="col">{t(W::Close)}</th>{days_head}
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}
