//! The weighted pipeline per stage and the forecast-category roll-ups, with the forecast bias.

use super::money;
use crate::i18n::change::{category_word, Change as W};
use crate::i18n::{current, t};
use leptos::prelude::*;
use pipelens_engine::forecast_category::ForecastSummary;
use pipelens_engine::format::local::display_in;
use pipelens_engine::kpi::Unit;

/// The weighted pipeline per stage and the forecast roll-ups.
pub(super) fn forecast_view(f: &ForecastSummary) -> impl IntoView {
    let rows = f
        .stages
        .iter()
        .map(|s| {
            view! {
                <tr data-stage=s.stage.clone()>
                    <th scope="row">{s.stage.clone()}</th>
                    <td class="num">{s.probability.map_or("–".to_owned(), |p| display_in(current(), Unit::Percent, p))}</td>
                    <td>{s.category.map_or("–", |c| category_word(c, current()))}</td>
                    <td class="num">{pipelens_engine::format::local::int(current(), s.count)}</td>
                    <td class="num">{money(s.value)}</td>
                    <td class="num">{money(s.weighted)}</td>
                </tr>
            }
        })
        .collect_view();
    let tile = |id: &'static str, name: &'static str, v: f64| {
        view! { <article class="tile"><h3 class="tile-name">{name}</h3><p class="tile-value" data-kpi=id data-value=v.to_string()>{money(v)}</p></article> }
    };
    view! {
        <section class="card" data-testid="forecast">
            <div class="card-head"><h3>{t(W::Forecast)}</h3></div>
            <div class="tiles">
                {tile("weighted_pipeline", t(W::WeightedPipeline), f.weighted_pipeline)}
                {tile("forecast_commit", t(W::Commit), f.commit)}
                {tile("forecast_best_case", t(W::BestCase), f.best_case)}
                <article class="tile"><h3 class="tile-name">{t(W::Bias)}</h3>
                    <p class="tile-value" data-kpi="forecast_bias" data-value=f.forecast_bias.map(|b| b.to_string()).unwrap_or_default()>
                        {f.forecast_bias.map_or("–".to_owned(), |b| display_in(current(), Unit::Percent, b))}</p></article>
            </div>
            <div class="kpi-table" role="region" aria-label=t(W::Forecast) tabindex="0">
                <table data-table="weighted">
                    <thead><tr><th scope="col">{t(W::StageName)}</th><th scope="col" class="num">{t(W::Probability)}</th><th scope="col">{t(W::Category)}</th>
                        <th scope="col" class="num">{t(W::Deals)}</th><th scope="col" class="num">{t(W::Amount)}</th><th scope="col" class="num">{t(W::Weighted)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
