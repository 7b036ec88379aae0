//! What a shared link needs before it can show its view: the files it was made on, or the
//! passphrase of the data it carries.

use crate::i18n::panels::Prompt;
use crate::i18n::t;
use crate::share::sync::Sharing;
use crate::state::{LockedLink, ShareState};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The banner of a link that waits for files or a passphrase.
#[component]
pub fn LinkPrompt() -> impl IntoView {
    let share = ShareState::expect();
    move || {
        if let Some(locked) = share.locked.get() {
            return view! { <Unlock locked=locked/> }.into_any();
        }
        let Some(link) = share.awaiting.get() else { return ().into_any() };
        let files = link
            .files
            .iter()
            .map(|f| view! { <li><strong>{f.name.clone()}</strong>{format!(" ({})", f.kind.name())}</li> })
            .collect_view();
        view! {
            <div class="banner link-prompt" role="status" data-testid="awaiting-files">
                <div>
                    <p>{t(Prompt::FilesNotLoaded)}</p>
                    <ul>{files}</ul>
                </div>
                <button class="button" on:click=move |_| share.awaiting.set(None)>{t(Prompt::Dismiss)}</button>
            </div>
        }
        .into_any()
    }
}

/// The passphrase form of a locked link.
#[component]
fn Unlock(locked: LockedLink) -> impl IntoView {
    let share = ShareState::expect();
    let sharing = Sharing::expect();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        error.set(None);
        let locked = locked.clone();
        spawn_local(async move {
            if let Err(why) = sharing.unlock(locked, passphrase.get_untracked()).await {
                error.set(Some(why));
            }
            busy.set(false);
        });
    };
    view! {
        <form class="banner link-prompt" data-testid="unlock-form" on:submit=submit>
            <div>
                <p><strong>{t(Prompt::LockedData)}</strong>" "{t(Prompt::AskSender)}</p>
                <div class="share-row">
                    <label class="field">{t(Prompt::Passphrase)}
                        <input type="password" autocomplete="off" data-testid="unlock-passphrase" prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    </label>
                    <button class="button primary" type="submit" data-testid="unlock" disabled=move || busy.get()>
                        {move || t(if busy.get() { Prompt::Opening } else { Prompt::Open })}
                    </button>
                    <button class="button" type="button" on:click=move |_| share.locked.set(None)>{t(Prompt::ShowDemo)}</button>
                </div>
                {move || error.get().map(|e| view! { <p class="warn" role="alert" data-testid="unlock-error">{e}</p> })}
            </div>
        </form>
    }
}
