//! Format versions of links (`v=` in the fragment) and settings files (`pipelens_settings`),
//! and reading a settings file. A version this build does not know, including one too large
//! to be a number at all, is a newer version's: the view is read as far as understood and
//! [`Notice::NewerVersion`] says so.

use super::bounds::limits;
use super::notice::Notice;
use super::view::LinkState;
use serde::{Deserialize, Serialize};

/// The link and settings-file format this version writes and reads.
pub const FORMAT: u32 = 1;

/// A link's or settings file's format version, as read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// None given: an address of the first versions (a page only), or a settings file without
    /// a number.
    Missing,
    /// A version this build reads fully (at most [`FORMAT`]).
    Known(u32),
    /// A later version than [`FORMAT`], or one too large to read as a number.
    Newer,
}

impl Version {
    /// Reads the `v=` value of a link. Digits that overflow are a newer version's; anything
    /// else that is not a number counts as missing, as the first versions wrote no `v`.
    ///
    /// ```
    /// use pipelens_engine::share::version::Version;
    /// assert_eq!(Version::parse("1"), Version::Known(1));
    /// assert_eq!(Version::parse("99999999999999999999999"), Version::Newer);
    /// assert_eq!(Version::parse("abc"), Version::Missing);
    /// ```
    pub fn parse(text: &str) -> Version {
        let t = text.trim();
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Version::Missing;
        }
        match t.parse::<u32>() {
            Ok(n) => Version::of(n),
            Err(_) => Version::Newer,
        }
    }

    /// The version numbered `n`.
    pub fn of(n: u32) -> Version {
        if n > FORMAT {
            Version::Newer
        } else {
            Version::Known(n)
        }
    }

    /// The number written for the version ([`FORMAT`] + 1 stands for any newer one).
    pub fn number(self) -> u32 {
        match self {
            Version::Missing => 0,
            Version::Known(n) => n,
            Version::Newer => FORMAT.saturating_add(1),
        }
    }

    /// The notice the version calls for: only a newer version has one.
    pub fn notice(self) -> Option<Notice> {
        (self == Version::Newer).then_some(Notice::NewerVersion)
    }
}

/// The settings file: its format version and the view as a link carries it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettingsFile {
    /// The format version ([`FORMAT`] when written).
    pub pipelens_settings: u32,
    /// The view.
    pub settings: LinkState,
}

/// The settings file as read, before its version is known to fit a number.
#[derive(Deserialize)]
struct RawSettingsFile {
    pipelens_settings: Option<serde_json::Number>,
    #[serde(default)]
    settings: serde_json::Value,
}

impl SettingsFile {
    /// A settings file of `view`, in today's format.
    pub fn new(view: LinkState) -> SettingsFile {
        SettingsFile { pipelens_settings: FORMAT, settings: view }
    }

    /// Reads a settings file and bounds its view ([`LinkState::bounded`]); a newer format
    /// (any number above [`FORMAT`], however large) adds [`Notice::NewerVersion`]. Refused in
    /// words when it is not a pipelens settings file.
    ///
    /// ```
    /// use pipelens_engine::share::{version::SettingsFile, Notice};
    /// let (view, notices) = SettingsFile::read(r#"{"pipelens_settings":1e40,"settings":{"theme":"dark"}}"#, |_| true).unwrap();
    /// assert_eq!((view.dark(), notices), (Some(true), vec![Notice::NewerVersion]));
    /// assert!(SettingsFile::read(r#"{"hello":1}"#, |_| true).is_err());
    /// ```
    pub fn read(text: &str, is_chart: impl Fn(&str) -> bool) -> Result<(LinkState, Vec<Notice>), String> {
        if text.len() > limits::JSON_BYTES {
            return Err(format!("it is larger than the {} MB a settings file may be", limits::JSON_BYTES >> 20));
        }
        let raw: RawSettingsFile =
            serde_json::from_str(text).map_err(|e| format!("it is not a pipelens settings file ({e})"))?;
        let Some(number) = raw.pipelens_settings else {
            return Err("it is not a pipelens settings file (it has no pipelens_settings number)".into());
        };
        let version = match (number.as_u64(), number.as_f64()) {
            (Some(n), _) => u32::try_from(n).map_or(Version::Newer, Version::of),
            (None, Some(f)) if f > f64::from(FORMAT) => Version::Newer,
            _ => return Err(format!("it is not a pipelens settings file (its format number {number} is not one)")),
        };
        let view: LinkState = serde_json::from_value(raw.settings).map_err(|e| match version {
            Version::Newer => format!("it was made by a newer version of pipelens and cannot be read here ({e})"),
            _ => format!("its settings cannot be read ({e})"),
        })?;
        let (view, mut notices) = view.bounded(is_chart);
        notices.splice(0..0, version.notice());
        Ok((view, notices))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_versions_of_every_shape() {
        let cases = [
            ("", Version::Missing),
            ("0", Version::Known(0)),
            ("1", Version::Known(1)),
            (" 1 ", Version::Known(1)),
            ("2", Version::Newer),
            ("4294967295", Version::Newer),
            ("4294967296", Version::Newer),
            ("184467440737095516160000", Version::Newer),
            ("-1", Version::Missing),
            ("1.5", Version::Missing),
            ("x", Version::Missing),
        ];
        for (text, version) in cases {
            assert_eq!(Version::parse(text), version, "{text:?}");
            assert_eq!(version.notice().is_some(), version == Version::Newer);
        }
        assert_eq!(Version::Newer.number(), FORMAT + 1);
    }

    #[test]
    fn settings_files_of_every_version() {
        let file = |v: &str| format!(r#"{{"pipelens_settings":{v},"settings":{{"currency":"EUR"}}}}"#);
        for v in ["1", "0"] {
            let (view, notices) = SettingsFile::read(&file(v), |_| true).unwrap();
            assert_eq!((view.currency.as_deref(), notices), (Some("EUR"), vec![]), "{v}");
        }
        for v in ["2", "4294967296", "99999999999999999999999999", "1e300", "2.5"] {
            let (_, notices) = SettingsFile::read(&file(v), |_| true).unwrap();
            assert_eq!(notices, vec![Notice::NewerVersion], "{v}");
        }
        for bad in [file("-1"), file("0.5"), file("\"1\""), "{}".into(), "[]".into(), "not json".into()] {
            assert!(SettingsFile::read(&bad, |_| true).is_err(), "{bad}");
        }
        // A newer file whose view this version cannot read is refused, saying why.
        let err = SettingsFile::read(r#"{"pipelens_settings":7,"settings":{"grain":"decade"}}"#, |_| true).unwrap_err();
        assert!(err.contains("newer version"), "{err}");
        // Written and read back, a file is the same view, with no notice.
        let written =
            serde_json::to_string(&SettingsFile::new(LinkState { theme: Some("dark".into()), ..LinkState::default() }))
                .unwrap();
        assert_eq!(SettingsFile::read(&written, |_| true).unwrap().1, vec![]);
    }
}
