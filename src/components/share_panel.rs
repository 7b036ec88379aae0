//! "Share & save": the link to this view, a link that carries the data (optionally locked with
//! a passphrase), the settings file, and what this device remembers.

use crate::i18n::share::Share;
use crate::i18n::{t, tf};
use crate::io::download::download_text;
use crate::load::Loader;
use crate::share::device;
use crate::share::fragment::{pack_view, Fragment, VERSION};
use crate::share::link::is_chart_key;
use crate::share::sync::Sharing;
use crate::state::{DataState, LinkData, Remember, ShareState, Source, ViewState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use pipelens_engine::format::local::number;
use pipelens_engine::share::Version;
use pipelens_engine::share::{bundle, codec, SettingsFile};

/// The longest link offered: browsers open longer ones unreliably, and mail and chat apps
/// cut far shorter ones.
pub const MAX_LINK: usize = 1_000_000;
/// Links longer than this get a warning that some apps cut them.
const LONG_LINK: usize = 32_000;

/// The page's address without its fragment.
fn base_url() -> String {
    let l = window().location();
    format!("{}{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default(), l.search().unwrap_or_default())
}

/// Size in KB or MB, for people.
fn size(chars: usize) -> String {
    if chars >= 1_000_000 {
        format!("{} MB", number(crate::i18n::current(), chars as f64 / 1e6, 1))
    } else {
        format!("{} KB", number(crate::i18n::current(), chars as f64 / 1e3, 1))
    }
}

/// Copies `text` and says so in `said`; where the clipboard is refused, asks the user to copy.
fn copy(text: String, said: RwSignal<&'static str>) {
    spawn_local(async move {
        let clipboard = window().navigator().clipboard();
        let ok = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.is_ok();
        said.set(t(if ok { Share::Copied } else { Share::CopyYourself }));
    });
}

/// The button in the top bar and the panel it opens.
#[component]
pub fn SharePanel() -> impl IntoView {
    let open = RwSignal::new(false);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            open.set(false);
        }
    };
    view! {
        <div class="share" on:keydown=on_key>
            <button class="button" data-testid="share" aria-expanded=move || open.get().to_string() aria-controls="share-panel" on:click=move |_| open.update(|o| *o = !*o)>
                {t(Share::ShareAndSave)}
            </button>
            <Show when=move || open.get()>
                <section id="share-panel" class="share-panel" aria-labelledby="share-title" data-testid="share-panel">
                    <header>
                        <h2 id="share-title">{t(Share::ShareAndSave)}</h2>
                        <button class="button small" aria-label=t(Share::Close) on:click=move |_| open.set(false)>"✕"</button>
                    </header>
                    <ViewLink/>
                    <DataLink/>
                    <SettingsFileBox/>
                    <DeviceBox/>
                </section>
            </Show>
        </div>
    }
}

/// The link to this view.
#[component]
fn ViewLink() -> impl IntoView {
    let (sharing, page, share, data) =
        (Sharing::expect(), ViewState::expect().page, ShareState::expect(), DataState::expect());
    let said = RwSignal::new("");
    let url = Memo::new(move |_| {
        let view = Some(pack_view(&sharing.capture()));
        let f = Fragment { page: page.get(), version: Version::of(VERSION), view, data: share.link_data.get() };
        format!("{}{}", base_url(), f.compose())
    });
    Effect::new(move |_| {
        url.track();
        said.set("");
    });
    let names_files = move || data.loaded.with(|l| l.source == Source::Files);
    view! {
        <h3>{t(Share::LinkToView)}</h3>
        <p class="muted">
            {t(Share::LinkCarries)}" "
            {move || t(if names_files() { Share::AskedForFiles } else { Share::SameOnDemo })}
            " "{t(Share::AfterHash)}
        </p>
        <div class="share-row">
            <input readonly class="share-url" aria-label=t(Share::LinkToView) data-testid="share-url" prop:value=move || url.get() on:focus=|ev| { let i: web_sys::HtmlInputElement = event_target(&ev); i.select(); }/>
            <button class="button primary" data-testid="copy-link" on:click=move |_| copy(url.get_untracked(), said)>{t(Share::CopyLink)}</button>
        </div>
        <p class="said" role="status" data-testid="copy-status">{move || said.get()}</p>
    }
}

/// What "Share with the data" made.
#[derive(Clone)]
enum Made {
    Link { url: String, data_bytes: usize, locked: bool },
    TooLarge(usize),
    Failed(String),
}

/// A link that carries the loaded files, compressed, optionally locked with a passphrase.
#[component]
fn DataLink() -> impl IntoView {
    let (sharing, loader, page, data) =
        (Sharing::expect(), Loader::expect(), ViewState::expect().page, DataState::expect());
    let passphrase = RwSignal::new(String::new());
    let made = RwSignal::new(None::<Made>);
    let busy = RwSignal::new(false);
    let said = RwSignal::new("");
    let make = move |_| {
        busy.set(true);
        made.set(None);
        said.set("");
        let pass = passphrase.get_untracked();
        spawn_local(async move {
            let result = async {
                let files = loader.bundle().await?;
                let data_bytes = files.iter().map(|f| f.bytes.len()).sum();
                let packed = crate::share::deflate::deflate(&bundle::write(&files)).await?;
                let data = if pass.is_empty() {
                    LinkData::Open(codec::encode(&packed))
                } else {
                    let sealed = crate::share::crypto::lock(&pass, &packed).await.map_err(|e| e.to_string())?;
                    LinkData::Locked(codec::encode(&sealed))
                };
                let view = Some(pack_view(&sharing.capture()));
                let f = Fragment { page: page.get_untracked(), version: Version::of(VERSION), view, data: Some(data) };
                let url = format!("{}{}", base_url(), f.compose());
                Ok::<_, String>(if url.len() > MAX_LINK {
                    Made::TooLarge(url.len())
                } else {
                    Made::Link { url, data_bytes, locked: !pass.is_empty() }
                })
            }
            .await;
            made.set(Some(result.unwrap_or_else(Made::Failed)));
            busy.set(false);
        });
    };
    let result = move || {
        made.get().map(|m| match m {
            Made::Link { url, data_bytes, locked } => {
                let long = (url.len() > LONG_LINK).then(|| format!(" {}", t(Share::LongLink)));
                let lock = format!(" {}", t(if locked { Share::Locked } else { Share::Unlocked }));
                let copy_url = url.clone();
                view! {
                    <div class="share-row">
                        <input readonly class="share-url" aria-label=t(Share::LinkWithData) data-testid="share-data-url" prop:value=url.clone()/>
                        <button class="button primary" data-testid="copy-data-link" on:click=move |_| copy(copy_url.clone(), said)>{t(Share::CopyLink)}</button>
                    </div>
                    <p class="muted" data-testid="share-size" data-chars=url.len()>
                        {tf(Share::LinkSize, &[("size", size(url.len())), ("data", size(data_bytes))])}
                        {lock}
                        {long}
                    </p>
                }
                .into_any()
            }
            Made::TooLarge(chars) => view! {
                <p class="warn" role="alert" data-testid="share-too-large">
                    {tf(Share::TooLarge, &[("size", size(chars)), ("max", size(MAX_LINK))])}
                </p>
            }
            .into_any(),
            Made::Failed(why) => view! { <p class="warn" role="alert" data-testid="share-error">{why}</p> }.into_any(),
        })
    };
    view! {
        <Show when=move || data.loaded.with(|l| l.source == Source::Files)>
            <h3>{t(Share::ShareWithData)}</h3>
            <p class="muted">{t(Share::ShareWithDataText)}</p>
            <div class="share-row">
                <label class="field">
                    {t(Share::Passphrase)}
                    <input type="password" autocomplete="new-password" data-testid="share-passphrase" prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                </label>
                <button class="button" data-testid="share-with-data" disabled=move || busy.get() on:click=make>
                    {move || t(if busy.get() { Share::Packing } else { Share::CreateLink })}
                </button>
            </div>
            {result}
            <p class="said" role="status">{move || said.get()}</p>
        </Show>
    }
}

/// Download and import of the settings file.
#[component]
fn SettingsFileBox() -> impl IntoView {
    let (sharing, data) = (Sharing::expect(), DataState::expect());
    let export = move |_| {
        let file = SettingsFile::new(sharing.capture());
        let json = serde_json::to_string_pretty(&file).unwrap_or_default();
        let _ = download_text("pipelens-settings.json", "application/json", &json);
    };
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        spawn_local(async move {
            let name = file.name();
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
            match text.as_deref().map(|t| SettingsFile::read(t, is_chart_key)) {
                Some(Ok((view, notices))) => {
                    sharing.open(view);
                    let changed = pipelens_engine::text::notices(&notices, crate::i18n::current())
                        .map_or(String::new(), |n| format!(" {n}"));
                    data.notice(format!("{}{changed}", tf(Share::SettingsApplied, &[("name", name.clone())])));
                }
                // "nope.json is not a pipelens settings file (…)": the reason names the file.
                Some(Err(e)) => data.fail(match e.strip_prefix("it ") {
                    Some(rest) => format!("{name} {rest}."),
                    None => format!("{name}: {e}."),
                }),
                None => data.fail(tf(Share::CouldNotRead, &[("name", name)])),
            }
        });
    };
    view! {
        <h3>{t(Share::SettingsFile)}</h3>
        <p class="muted">{t(Share::SettingsFileText)}</p>
        <div class="share-row">
            <button class="button" data-testid="export-settings" on:click=export>{t(Share::DownloadSettings)}</button>
            <label class="button">
                {t(Share::ImportSettings)}
                <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="import-settings" on:change=import/>
            </label>
        </div>
    }
}

/// What this device remembers, and forgetting it.
#[component]
fn DeviceBox() -> impl IntoView {
    let (sharing, remember) = (Sharing::expect(), ShareState::expect().remember);
    let said = RwSignal::new("");
    let set_settings = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        if on {
            remember.set(Remember::Settings);
            device::save_settings(&sharing.capture());
        } else {
            remember.set(Remember::Nothing);
            spawn_local(device::forget_everything());
        }
    };
    let set_data = move |ev: leptos::ev::Event| {
        if event_target_checked(&ev) {
            remember.set(Remember::SettingsAndData);
            device::save_settings(&sharing.capture());
        } else {
            remember.set(Remember::Settings);
            device::forget_data();
        }
    };
    let forget = move |_| {
        remember.set(Remember::Nothing);
        spawn_local(async move {
            device::forget_everything().await;
            said.set(t(Share::Forgotten));
        });
        sharing.reset();
    };
    view! {
        <h3>{t(Share::ThisDevice)}</h3>
        <p class="muted">{t(Share::NothingStored)}</p>
        <label class="check">
            <input type="checkbox" data-testid="remember-settings" prop:checked=move || remember.get() != Remember::Nothing on:change=set_settings/>
            " "{t(Share::RememberSettings)}
        </label>
        <label class="check">
            <input type="checkbox" data-testid="remember-data" disabled=move || remember.get() == Remember::Nothing prop:checked=move || remember.get() == Remember::SettingsAndData on:change=set_data/>
            " "{t(Share::RememberFiles)}
        </label>
        <div class="share-row">
            <button class="button danger" data-testid="forget-everything" on:click=forget>{t(Share::ForgetEverything)}</button>
        </div>
        <p class="said" role="status" data-testid="forget-status">{move || said.get()}</p>
        <p class="muted">{t(Share::ForgetText)}</p>
    }
}
