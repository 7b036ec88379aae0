//! How free-text deal types and activity types are read into the classes KPIs count by.

/// The class of a deal type: new business, upsell or renewal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealClass {
    /// New business.
    New,
    /// Upsell, upgrade, expansion or cross-sell to an existing customer.
    Upsell,
    /// Renewal of an existing contract.
    Renewal,
}

impl DealClass {
    /// The three classes in display order.
    pub const ALL: [DealClass; 3] = [DealClass::New, DealClass::Upsell, DealClass::Renewal];

    /// Its name as shown and as in the demo data.
    pub fn name(self) -> &'static str {
        match self {
            DealClass::New => "new",
            DealClass::Upsell => "upsell",
            DealClass::Renewal => "renewal",
        }
    }
}

/// Words that mark an upsell (Salesforce writes "Existing Customer - Upgrade").
pub const UPSELL_WORDS: [&str; 6] = ["upsell", "up-sell", "upgrade", "expansion", "cross", "existing"];

/// Reads a deal type: contains "renew" → renewal; else an upsell word → upsell; else contains
/// "new" → new; anything else is unclassified.
///
/// ```
/// use pipelens_engine::kpi::{deal_class, DealClass};
/// assert_eq!(deal_class("New Customer"), Some(DealClass::New));
/// assert_eq!(deal_class("Existing Customer - Upgrade"), Some(DealClass::Upsell));
/// assert_eq!(deal_class("Renewal"), Some(DealClass::Renewal));
/// assert_eq!(deal_class("Partner"), None);
/// ```
pub fn deal_class(value: &str) -> Option<DealClass> {
    let v = value.trim().to_lowercase();
    if v.contains("renew") {
        Some(DealClass::Renewal)
    } else if UPSELL_WORDS.iter().any(|w| v.contains(w)) {
        Some(DealClass::Upsell)
    } else if v.contains("new") {
        Some(DealClass::New)
    } else {
        None
    }
}

/// The class of an activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ActivityClass {
    /// A phone call.
    Call,
    /// An email.
    Email,
    /// A meeting.
    Meeting,
    /// A demo or presentation.
    Demo,
    /// Anything else.
    Other,
}

impl ActivityClass {
    /// The classes in display order.
    pub const ALL: [ActivityClass; 5] =
        [ActivityClass::Call, ActivityClass::Email, ActivityClass::Meeting, ActivityClass::Demo, ActivityClass::Other];

    /// Its name as shown.
    pub fn name(self) -> &'static str {
        match self {
            ActivityClass::Call => "call",
            ActivityClass::Email => "email",
            ActivityClass::Meeting => "meeting",
            ActivityClass::Demo => "demo",
            ActivityClass::Other => "other",
        }
    }
}

/// Words per activity class, tested in this order on the lower-cased type.
pub const ACTIVITY_WORDS: [(ActivityClass, &[&str]); 4] = [
    (ActivityClass::Meeting, &["meet", "termin", "spotkanie", "会议"]),
    (ActivityClass::Demo, &["demo", "präsentation", "prezentacja", "演示"]),
    (ActivityClass::Call, &["call", "phone", "anruf", "telefon", "电话"]),
    (ActivityClass::Email, &["mail", "邮件"]),
];

/// Reads an activity type.
///
/// ```
/// use pipelens_engine::kpi::{activity_class, ActivityClass};
/// assert_eq!(activity_class("Discovery meeting"), ActivityClass::Meeting);
/// assert_eq!(activity_class("E-Mail"), ActivityClass::Email);
/// assert_eq!(activity_class("LinkedIn"), ActivityClass::Other);
/// ```
pub fn activity_class(value: &str) -> ActivityClass {
    let v = value.trim().to_lowercase();
    ACTIVITY_WORDS.iter().find(|(_, words)| words.iter().any(|w| v.contains(w))).map_or(ActivityClass::Other, |x| x.0)
}
