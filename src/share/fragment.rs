//! The URL fragment: `#/<page>?v=1&s=<view>`, plus `&d=<data>` or `&x=<locked data>` on a link
//! that carries the data. Browsers never send the fragment to the host, so the host's logs
//! learn nothing of the view or the data. `v` versions the format: a fragment without it is an
//! address of the first versions (a page only), and a newer one is read as far as understood.

use super::link::is_chart_key;
use crate::state::LinkData;
use crate::state::Page;
use pipelens_engine::share::{codec, LinkState, Notice, Version};

/// The format written today.
pub const VERSION: u32 = pipelens_engine::share::version::FORMAT;

/// A parsed fragment.
#[derive(Clone, Debug, PartialEq)]
pub struct Fragment {
    /// The page it opens.
    pub page: Page,
    /// Its format version (`Missing` for an address of the first versions).
    pub version: Version,
    /// The packed view, if any.
    pub view: Option<String>,
    /// The data, if the link carries it.
    pub data: Option<LinkData>,
}

impl Fragment {
    /// Reads `#/manager?v=1&s=…`; anything unreadable is left out.
    pub fn parse(hash: &str) -> Fragment {
        let hash = hash.trim_start_matches('#');
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let mut f = Fragment { page: Page::parse(path), version: Version::Missing, view: None, data: None };
        for (key, value) in query.split('&').filter_map(|kv| kv.split_once('=')) {
            match key {
                "v" => f.version = Version::parse(value),
                "s" => f.view = Some(value.to_owned()),
                "d" => f.data = Some(LinkData::Open(value.to_owned())),
                "x" => f.data = Some(LinkData::Locked(value.to_owned())),
                _ => {}
            }
        }
        f
    }

    /// Writes the fragment, `#` included.
    pub fn compose(&self) -> String {
        let mut out = format!("{}?v={VERSION}", self.page.href());
        if let Some(view) = &self.view {
            out.push_str("&s=");
            out.push_str(view);
        }
        match &self.data {
            Some(LinkData::Open(d)) => out.push_str(&format!("&d={d}")),
            Some(LinkData::Locked(d)) => out.push_str(&format!("&x={d}")),
            None => {}
        }
        out
    }
}

/// The view packed for the fragment: its JSON in base64url (a few hundred characters).
pub fn pack_view(link: &LinkState) -> String {
    codec::encode(serde_json::to_string(link).unwrap_or_default().as_bytes())
}

/// Reads a view packed by [`pack_view`], bounded where it enters ([`LinkState::from_json`]),
/// with what the bounds dropped or changed.
pub fn unpack_view(text: &str) -> Result<(LinkState, Vec<Notice>), String> {
    let bytes = codec::decode(text).map_err(|e| e.to_string())?;
    LinkState::from_json(&String::from_utf8_lossy(&bytes), is_chart_key)
        .map_err(|e| format!("the link's view settings cannot be read ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_round_trip() {
        let link = LinkState { currency: Some("EUR".into()), ..LinkState::default() };
        let f = Fragment {
            page: Page::Rep(Some("Zoë O'Neil".into())),
            version: Version::of(VERSION),
            view: Some(pack_view(&link)),
            data: Some(LinkData::Locked("abc-_".into())),
        };
        let text = f.compose();
        assert!(text.starts_with("#/rep/Zo%C3%AB%20O%27Neil?v=1&s="), "{text}");
        assert_eq!(Fragment::parse(&text), f);
        assert_eq!(unpack_view(f.view.as_deref().unwrap()).unwrap(), (link, Vec::new()));
    }

    #[test]
    fn old_and_damaged_fragments_still_open_a_page() {
        let old = Fragment::parse("#/manager");
        assert_eq!((old.page, old.version, old.view, old.data), (Page::Manager, Version::Missing, None, None));
        let odd = Fragment::parse("#/pipeline?v=9&s=%%%&junk&d=");
        assert_eq!((odd.page, odd.version), (Page::Pipeline, Version::Newer));
        let huge = Fragment::parse("#/executive?v=99999999999999999999999&s=e30");
        assert_eq!(huge.version.notice(), Some(Notice::NewerVersion));
        assert!(unpack_view(odd.view.as_deref().unwrap()).is_err());
        assert_eq!(Fragment::parse("").page, Page::Executive);
    }
}
