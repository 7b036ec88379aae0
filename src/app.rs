//! `<App/>`: the page shell, the dashboard and the drop target.

use crate::components::column_mapper::ColumnMapper;
use crate::components::data_panel::DataPanel;
use crate::components::filter_bar::FilterBar;
use crate::components::import_report::ImportReportView;
use crate::components::link_prompt::LinkPrompt;
use crate::components::share_panel::SharePanel;
use crate::components::upload::UploadButton;
use crate::i18n::words::{Footer, Header, Noun, Shell as ShellText, Status};
use crate::i18n::{count, engine_words, t, tf};
use crate::io::download::download_text;
use crate::load::Loader;
use crate::pages::{
    self, board::BoardPage, catalog::CatalogPage, change::ChangePage, custom::CustomPage, manager::ManagerPage,
    nav::Nav, rep::RepPage,
};
use crate::share::sync::Sharing;
use crate::state::{
    AppState, DashState, Dashboard, DataState, LoadStatus, Page, ResizeTick, ShareState, Shared, Source, Start,
    ViewState,
};
use leptos::prelude::*;
use pipelens_engine::format::local::{date_long, number};
use pipelens_engine::lang::Lang;
use pipelens_engine::share::Notice;
use pipelens_engine::{demo, export, Period};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide(Start {
        page: crate::route::page_signal(),
        dark: crate::theme::prefers_dark(),
        lang: crate::i18n::lang_state::browser_lang(),
        remember: crate::share::device::remembered_mode(),
    });
    Loader::provide(state);
    Sharing::start(state);
    let resize = RwSignal::new(0u32);
    provide_context(ResizeTick(resize));
    let _listener = window_event_listener(leptos::ev::resize, move |_| resize.update(|n| *n += 1));
    Effect::new(move |_| crate::theme::apply(state.view.dark.get()));
    // The language the page is built in: the chosen one once its texts are here (German,
    // Polish and Chinese are fetched the first time they are shown, see `i18n::packs`). Until
    // then the page keeps its language, or, on the very first start, waits for them.
    let wanted = state.view.lang;
    let shown = RwSignal::new(Some(wanted.get_untracked()).filter(|l| crate::i18n::packs::ready(*l)));
    Effect::new(move |_| {
        let l = wanted.get();
        if crate::i18n::packs::ready(l) {
            shown.set(Some(l));
            return;
        }
        leptos::task::spawn_local(async move {
            if let Err(e) = crate::i18n::packs::load(l).await {
                // The page still switches: the words of a missing file stay in English.
                leptos::logging::warn!("{e}");
            }
            if wanted.get_untracked() == l {
                shown.set(Some(l));
            }
        });
    });
    // Only a different language counts: setting the same one again rebuilds nothing.
    let lang = Memo::new(move |_| shown.get());
    Effect::new(move |_| {
        if let Some(l) = lang.get() {
            crate::i18n::lang_state::apply(l);
        }
    });
    // The page is built in the current language: when it changes, the page (not the data, the
    // figures or the view) is built again, so every word and number follows at once.
    move || {
        lang.get().map(|l| {
            crate::i18n::set_current(l);
            view! { <Shell/> }
        })
    }
}

/// The page: header, navigation, banners, the dashboard, the data panel and the footer.
#[component]
fn Shell() -> impl IntoView {
    let state = AppState {
        data: DataState::expect(),
        view: ViewState::expect(),
        dash: DashState::expect(),
        share: ShareState::expect(),
    };
    let loader = Loader::expect();

    let dragging = RwSignal::new(false);
    // The phone header's menu of actions (load, share, theme).
    let menu_open = RwSignal::new(false);
    // The first waiting file, compared by identity so the mapper keeps its choices while more
    // files join the queue.
    let first_pending = Memo::new(move |_| state.data.pending.with(|p| p.first().cloned()));
    let waiting_more = move || state.data.pending.with(|p| p.len().saturating_sub(1));
    let has_dashboard = Memo::new(move |_| state.dash.dashboard.with(Option::is_some));
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|dt| dt.files()) {
            loader.files(files);
        }
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if !dragging.get_untracked() {
            loader.expect_files();
        }
        dragging.set(true);
    };

    view! {
        <div
            class="app"
            class:dragging=move || dragging.get()
            data-state=move || state.data_state()
            on:dragover=on_dragover
            on:dragleave=move |ev: leptos::ev::DragEvent| {
                // Moving between children fires dragleave too; only leaving the page counts.
                if ev.related_target().is_none() {
                    dragging.set(false);
                }
            }
            on:drop=on_drop
        >
            <header class="topbar" class:menu-open=move || menu_open.get()>
                <div class="brand">
                    <span class="logo" aria-hidden="true">"◢"</span>
                    <span class="name">"pipelens"</span>
                </div>
                <SourceBadge/>
                // On a phone the actions fold into a menu under this button; wider screens
                // never show the button and always show the actions.
                <button
                    class="button menu-button"
                    data-testid="menu"
                    aria-expanded=move || menu_open.get().to_string()
                    aria-controls="top-actions"
                    on:click=move |_| menu_open.update(|o| *o = !*o)
                >
                    <span aria-hidden="true">"☰"</span>
                    " "{t(Header::Menu)}
                </button>
                <div class="actions" id="top-actions">
                    <UploadButton/>
                    <BackToDemo/>
                    <SharePanel/>
                    <ThemeToggle/>
                    <LanguagePicker/>
                </div>
            </header>
            <Nav/>
            <StatusBanner/>
            <RecoveryBanner/>
            <LinkPrompt/>
            <main class="content">
                {move || first_pending.get().map(|p| view! { <ColumnMapper pending=p/> })}
                {move || (waiting_more() > 0).then(|| view! { <p class="muted" data-testid="more-waiting">{tf(Status::MoreWaiting, &[("n", waiting_more().to_string())])}</p> })}
                {move || match state.dash.dashboard.get() {
                    Some(d) => view! { <PeriodLine dashboard=d/> }.into_any(),
                    None => view! { <p class="card">{t(Status::NoDates)}</p> }.into_any(),
                }}
                // Built once while there is a dashboard, not with each one (see FilterBar).
                {move || has_dashboard.get().then(|| view! { <FilterBar/> }.into_any())}
                {move || state.dash.dashboard.get().map(|d| view! { <DashboardView dashboard=d/> }.into_any())}
                <DataPanel/>
                {move || state.data.loaded.with(|l| l.files.iter().map(|f| view! { <ImportReportView entry=f.clone()/> }).collect_view())}
            </main>
            <footer class="footer">
                <p>
                    <strong>{t(Footer::Private)}</strong>" "
                    {t(Footer::RunsHere)}
                </p>
                <p class="muted">
                    {t(Footer::Recognised)}" "
                    <button class="link" data-testid="download-template" on:click=|_| { let _ = download_text("pipelens-deals-template.csv", "text/csv", &export::deals_template()); }>{t(Footer::DealsTemplate)}</button>
                    " · "
                    <button class="link" data-testid="download-demo" on:click=|_| { let _ = download_text("pipelens-demo-deals.csv", "text/csv", &export::deals_csv(&demo::demo_deals(demo::DEMO_SEED))); }>{t(Footer::DemoData)}</button>
                </p>
            </footer>
            <div class="drop-overlay" aria-hidden="true"><p>{t(Footer::DropHere)}</p></div>
        </div>
    }
}

/// Says what data is on screen: the demo company, or the user's file.
#[component]
fn SourceBadge() -> impl IntoView {
    let loaded = DataState::expect().loaded;
    move || match loaded.with(|l| l.source) {
        Source::Demo => view! {
            <p class="source demo" data-testid="source">
                <span class="badge">{t(Header::DemoBadge)}</span>
                " "{t(Header::DemoText)}
            </p>
        }
        .into_any(),
        Source::Files => {
            let names = loaded.with(|l| l.files.iter().map(|f| f.name.clone()).collect::<Vec<_>>().join(", "));
            let label = t(if loaded.with(|l| l.files.len()) == 1 { Header::YourFile } else { Header::YourFiles });
            view! { <p class="source file" data-testid="source"><span class="badge file">{label}</span>" " {names}</p> }
                .into_any()
        }
    }
}

/// Switches between the light and the dark theme.
#[component]
fn ThemeToggle() -> impl IntoView {
    let dark = ViewState::expect().dark;
    view! {
        <button
            class="button"
            data-testid="theme"
            aria-pressed=move || dark.get().to_string()
            on:click=move |_| dark.update(|d| *d = !*d)
        >
            <span aria-hidden="true">{move || if dark.get() { "☀" } else { "☾" }}</span>
            " "{t(Header::DarkTheme)}
        </button>
    }
}

/// Picks the language of the page; the page follows at once, the data stays.
#[component]
fn LanguagePicker() -> impl IntoView {
    let lang = ViewState::expect().lang;
    let now = lang.get_untracked();
    let options = Lang::ALL
        .into_iter()
        .map(|l| view! { <option value=l.code() lang=l.code() selected=l == now>{l.native_name()}</option> })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(l) = Lang::from_tag(&event_target_value(&ev)) {
            lang.set(l);
        }
    };
    view! {
        <label class="lang-picker">
            <span class="visually-hidden">{t(Header::Language)}</span>
            <select data-testid="lang" aria-label=t(Header::Language) on:change=on_change>{options}</select>
        </label>
    }
}

/// Returns to the demo data after a file was loaded.
#[component]
fn BackToDemo() -> impl IntoView {
    let (loaded, loader) = (DataState::expect().loaded, Loader::expect());
    let on_file = move || loaded.with(|l| l.source != Source::Demo);
    view! {
        <Show when=on_file>
            <button class="button" on:click=move |_| loader.demo()>{t(Header::BackToDemo)}</button>
        </Show>
    }
}

/// Progress while loading, or the reason the last file could not be used.
///
/// The progress banner is built once per load: as the figures change, its text and bar are
/// updated in place. Rebuilt at each update (about ten a second), it repainted the whole page
/// each time, on the cores the workers parse on.
#[component]
fn StatusBanner() -> impl IntoView {
    let status = DataState::expect().status;
    // Whether the progress banner shows: while it does, its figures change nothing here.
    let loading =
        Memo::new(move |_| status.with(|s| matches!(s, LoadStatus::Reading { .. } | LoadStatus::Parsing { .. })));
    move || {
        if loading.get() {
            return view! { <LoadProgress/> }.into_any();
        }
        match status.get() {
            LoadStatus::Failed(why) => view! {
                <div class="banner error" role="alert" data-testid="error">
                    <p>{why}</p>
                    <button class="button" on:click=move |_| status.set(LoadStatus::Idle)>{t(Status::Dismiss)}</button>
                </div>
            }
            .into_any(),
            LoadStatus::Notice(what) => view! {
                <div class="banner" role="status" data-testid="notice">
                    <p>{what}</p>
                    <button class="button" on:click=move |_| status.set(LoadStatus::Idle)>{t(Status::Dismiss)}</button>
                </div>
            }
            .into_any(),
            _ => ().into_any(),
        }
    }
}

/// The progress banner's text, while a file is read or parsed.
fn progress_text(status: &LoadStatus) -> String {
    let lang = crate::i18n::current();
    let mb = |v: f64| number(lang, v / 1e6, 1);
    match status {
        LoadStatus::Reading { file, done, total } => {
            tf(Status::Reading, &[("file", file.clone()), ("done", mb(*done)), ("total", mb(*total))])
        }
        LoadStatus::Parsing { file, rows, done, total } => {
            let rows = number(lang, *rows as f64, 0);
            tf(Status::Analysing, &[("file", file.clone()), ("rows", rows), ("done", mb(*done)), ("total", mb(*total))])
        }
        _ => String::new(),
    }
}

/// How far a read or parse is, in percent.
fn progress_percent(status: &LoadStatus) -> f64 {
    match status {
        LoadStatus::Reading { done, total, .. } | LoadStatus::Parsing { done, total, .. } if *total > 0.0 => {
            done / total * 100.0
        }
        _ => 0.0,
    }
}

/// A progress bar with a Cancel button.
#[component]
fn LoadProgress() -> impl IntoView {
    let (data, loader) = (DataState::expect(), Loader::expect());
    view! {
        <div class="banner progress" role="status" data-testid="progress">
            <p>{move || data.status.with(progress_text)}</p>
            <progress max="100" value=move || data.status.with(progress_percent) aria-label=t(Status::LoadingProgress)></progress>
            <button class="button" data-testid="cancel" on:click=move |_| loader.cancel()>{t(Status::Cancel)}</button>
        </div>
    }
}

/// After the app stopped on its last start, the remembered settings were held back: try them
/// again, or forget them.
#[component]
fn RecoveryBanner() -> impl IntoView {
    let (recovering, sharing) = (ShareState::expect().recovering, Sharing::expect());
    view! {
        <Show when=move || recovering.get()>
            <div class="banner" role="status" data-testid="notice">
                <p>{pipelens_engine::text::notices(&[Notice::RememberedNotApplied], crate::i18n::current())}</p>
                <button class="button" data-testid="recovery-forget" on:click=move |_| sharing.forget_everything()>{t(Status::ForgetThem)}</button>
                <button class="button" data-testid="recovery-retry" on:click=move |_| sharing.try_remembered_again()>{t(Status::TryAgain)}</button>
            </div>
        </Show>
    }
}

/// The period in words: `1 Jan 2025 – 31 Dec 2025` in English, local dates otherwise.
fn period_text(p: Period) -> String {
    let lang = crate::i18n::current();
    let fmt = |d: pipelens_engine::Day| match lang {
        Lang::En => {
            const MONTHS: [&str; 12] =
                ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            let (y, m, day) = d.ymd();
            format!("{day} {} {y}", MONTHS.get((m as usize).saturating_sub(1)).copied().unwrap_or("?"))
        }
        _ => date_long(lang, d),
    };
    format!("{} – {}", fmt(p.from), fmt(p.to))
}

/// The page on screen, under the navigation, the period line and the filter bar.
#[component]
fn DashboardView(dashboard: Shared<Dashboard>) -> impl IntoView {
    let page_signal = ViewState::expect().page;
    let d = dashboard;
    let for_page = d.clone();
    let page = move || {
        let d = for_page.clone();
        match page_signal.get() {
            Page::Manager => view! { <ManagerPage dashboard=d/> }.into_any(),
            Page::Rep(rep) => view! { <RepPage dashboard=d rep=rep/> }.into_any(),
            Page::Custom => view! { <CustomPage dashboard=d/> }.into_any(),
            Page::Change => view! { <ChangePage dashboard=d/> }.into_any(),
            Page::Catalog => view! { <CatalogPage dashboard=d/> }.into_any(),
            other => match pages::layout(&other) {
                Some(layout) => view! { <BoardPage dashboard=d layout=layout/> }.into_any(),
                None => ().into_any(),
            },
        }
    };
    view! {
        <CurrencyPicker currencies=d.facts.currencies.clone() chosen=d.scope.currency/>
        <div class="page" data-page=move || page_signal.with(|p| p.slug())>{page}</div>
    }
}

/// The period on screen, what it is compared with, and a note when the grain does not fit it.
#[component]
fn PeriodLine(dashboard: Shared<Dashboard>) -> impl IntoView {
    let d = dashboard;
    view! {
        <p class="period" data-testid="period">
            <span class="label">{t(ShellText::Period)}" "</span>
            <strong data-from=d.scope.period.from.to_string() data-to=d.scope.period.to.to_string()>{period_text(d.scope.period)}</strong>
            <span class="muted">{format!(" · {}", tf(ShellText::PeriodNote, &[
                ("which", t(if d.scope.period == d.default_period { ShellText::DefaultPeriod } else { ShellText::ChosenPeriod }).to_owned()),
                ("compared", engine_words::comparison_noun(d.comparison).to_owned()),
            ]))}</span>
        </p>
        {pipelens_engine::share::Notice::for_grain(d.grain, d.scope.period).map(|n| view! { <p class="muted" role="status" data-testid="grain-note">{pipelens_engine::text::notices(&[n], crate::i18n::current())}</p> })}
    }
}

/// Which currency amounts are in, when the data has several: they are never added together.
#[component]
fn CurrencyPicker(currencies: Vec<(u32, String, usize)>, chosen: Option<u32>) -> impl IntoView {
    let currency = ViewState::expect().currency;
    if currencies.len() < 2 {
        return currencies
            .first()
            .map(|(_, name, _)| {
                view! { <p class="currency" data-testid="currency">{t(ShellText::AmountsIn)}" " <strong>{name.clone()}</strong></p> }
                    .into_any()
            })
            .unwrap_or_else(|| ().into_any());
    }
    let chosen = chosen.unwrap_or(currencies[0].0);
    let others: usize = currencies.iter().filter(|c| c.0 != chosen).map(|c| c.2).sum();
    let options = currencies
        .iter()
        .map(|(code, name, n)| view! { <option value=code.to_string() selected=*code == chosen>{tf(ShellText::CurrencyOption, &[("name", name.clone()), ("deals", count(*n, Noun::Deal))])}</option> })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        currency.set(event_target_value(&ev).parse::<u32>().ok());
    };
    view! {
        <p class="currency" data-testid="currency">
            <label>{t(ShellText::AmountsIn)}" " <select data-testid="currency-select" on:change=on_change>{options}</select></label>
            <span class="muted">{tf(if others == 1 { ShellText::CurrenciesOne } else { ShellText::Currencies }, &[("n", currencies.len().to_string()), ("deals", count(others, Noun::Deal))])}</span>
        </p>
    }
    .into_any()
}
