//! The custom board: the user picks KPI tiles and charts and puts them in order.

use super::board::tile;
use crate::charts::card::ChartCard;
use crate::i18n::pages::Board;
use crate::i18n::{t, tf};
use crate::state::ChartId;
use crate::state::{BoardItem, Dashboard, Shared, ViewState};
use leptos::prelude::*;
use pipelens_engine::kpi;

fn item_name(item: BoardItem) -> String {
    match item {
        BoardItem::Kpi(id) => pipelens_engine::text::kpi_name(id, crate::i18n::current()).to_owned(),
        BoardItem::Chart(c) => tf(Board::Chart, &[("title", crate::i18n::charts::title(c))]),
    }
}

/// The custom board and its editor.
#[component]
pub fn CustomPage(
    /// The dashboard.
    dashboard: Shared<Dashboard>,
) -> impl IntoView {
    let settings = ViewState::expect().view;
    let items = move || settings.with(|v| v.board.clone());
    let editing = RwSignal::new(false);
    let board = {
        let d = dashboard.clone();
        move || {
            let list = items();
            if list.is_empty() {
                return view! { <p class="card muted">{t(Board::Empty)}</p> }.into_any();
            }
            let tiles = list
                .iter()
                .filter_map(|i| match i {
                    BoardItem::Kpi(id) => d.kpi(*id).map(|k| tile(&d, k, true)),
                    BoardItem::Chart(_) => None,
                })
                .collect_view();
            let charts = list
                .iter()
                .filter_map(|i| match i {
                    BoardItem::Chart(c) => Some(view! { <ChartCard id=*c dashboard=d.clone() scope=d.scope.clone()/> }),
                    BoardItem::Kpi(_) => None,
                })
                .collect_view();
            view! { <div class="tiles">{tiles}</div><section class="charts">{charts}</section> }.into_any()
        }
    };
    view! {
        <div class="rep-head">
            <p class="lead">{t(Board::Lead)}</p>
            <button class="button small" data-testid="edit-board" aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|e| *e = !*e)>
                {move || t(if editing.get() { Board::Done } else { Board::Edit })}
            </button>
        </div>
        <Show when=move || editing.get()>
            <BoardEditor/>
        </Show>
        {board}
    }
}

/// Add, move and remove the board's items.
#[component]
fn BoardEditor() -> impl IntoView {
    let settings = ViewState::expect().view;
    let update = move |f: &dyn Fn(&mut Vec<BoardItem>)| settings.update(|v| f(&mut v.board));
    let list = move || {
        let items = settings.with(|v| v.board.clone());
        let n = items.len();
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let name = item_name(item);
                view! {
                    <li data-item=match item { BoardItem::Kpi(id) => id.as_str().to_owned(), BoardItem::Chart(c) => c.key() }>
                        <span class="name">{name.clone()}</span>
                        <button class="button small" disabled=i == 0 aria-label=tf(Board::MoveUp, &[("name", name.clone())]) on:click=move |_| update(&|b| b.swap(i - 1, i))>"↑"</button>
                        <button class="button small" disabled=i + 1 == n aria-label=tf(Board::MoveDown, &[("name", name.clone())]) on:click=move |_| update(&|b| b.swap(i, i + 1))>"↓"</button>
                        <button class="button small" aria-label=tf(Board::Remove, &[("name", name.clone())]) on:click=move |_| update(&|b| { b.remove(i); })>{t(Board::RemoveShort)}</button>
                    </li>
                }
            })
            .collect_view()
    };
    let kpi_options =
        kpi::CATALOG.iter().map(|d| view! { <option value=d.id.as_str()>{pipelens_engine::text::kpi_name(d.id, crate::i18n::current())}</option> }).collect_view();
    let chart_options = ChartId::MENU
        .iter()
        .map(|c| view! { <option value=c.key()>{crate::i18n::charts::title(*c)}</option> })
        .collect_view();
    let add = move |item: Option<BoardItem>| {
        if let Some(item) = item {
            update(&|b| {
                if !b.contains(&item) {
                    b.push(item);
                }
            });
        }
    };
    view! {
        <section class="card board-editor" aria-label=t(Board::EditAria)>
            <ol class="board-items">{list}</ol>
            <div class="row">
                <label class="field">
                    <span>{t(Board::AddKpi)}</span>
                    <select data-testid="add-kpi" on:change=move |ev| add(kpi::find(&event_target_value(&ev)).map(|d| BoardItem::Kpi(d.id)))>
                        <option value="" selected=true>{t(Board::Choose)}</option>
                        {kpi_options}
                    </select>
                </label>
                <label class="field">
                    <span>{t(Board::AddChart)}</span>
                    <select data-testid="add-chart" on:change=move |ev| add(ChartId::parse(&event_target_value(&ev)).map(BoardItem::Chart))>
                        <option value="" selected=true>{t(Board::Choose)}</option>
                        {chart_options}
                    </select>
                </label>
            </div>
        </section>
    }
}
