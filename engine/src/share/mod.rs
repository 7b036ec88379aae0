//! What a share link or settings file carries: the view ([`view::LinkState`], bounded where it
//! enters ([`bounds`]), with [`Notice`]s for what it changed, and its format [`version`]), and the loaded
//! files, bundled into one blob and written in the URL-safe base64 alphabet so the whole of it
//! fits in the URL fragment (which browsers never send to the host). Compression and
//! encryption are the browser's own (`CompressionStream`, WebCrypto); this module bundles and
//! encodes, and never panics on a damaged link.

pub mod bounds;
pub mod bundle;
pub mod codec;
pub mod notice;
pub mod version;
pub mod view;

pub use bounds::{clamp_to, limits, sane_range};
pub use bundle::BundledFile;
pub use notice::Notice;
pub use version::{SettingsFile, Version};
pub use view::{stage_link, CrumbLink, FileRef, LinkState, StageLink};

/// Why a link's data could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// The text is not base64url: the link was cut short or edited.
    #[error("the link is damaged or cut short (its data is not valid base64url)")]
    NotBase64,
    /// The bytes do not inflate, or the bundle inside is malformed.
    #[error("the link is damaged or cut short (its data does not unpack)")]
    Corrupt,
    /// The data unpacks to more than [`codec::MAX_UNPACKED`] bytes.
    #[error("the link's data unpacks to more than {} MB, more than pipelens opens from a link", codec::MAX_UNPACKED >> 20)]
    TooLarge,
    /// The bundle was written by a newer pipelens.
    #[error("the link's data was written by a newer version of pipelens (format {0}); open it there")]
    NewerFormat(u8),
}
