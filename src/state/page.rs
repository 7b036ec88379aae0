//! The pages of the app and their addresses: `#/executive`, `#/manager`, `#/rep/Ann%20Lee`, …
//! Plain data; `crate::route` keeps it in step with the browser's address.

/// A page of the app: one audience view each, the custom board and the full KPI catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// Revenue, growth, pipeline, forecast and unit economics at a glance.
    Executive,
    /// Reps and teams against their quotas.
    Manager,
    /// One rep beside their team's average (`None`: the first rep).
    Rep(Option<String>),
    /// The pipeline by stage, the funnel, cycle lengths and products.
    Pipeline,
    /// What changed between an earlier export of the deals and the current one, and where
    /// deals stall (issue 19).
    Change,
    /// Leads, response times and activities.
    Leads,
    /// New customers, churn, retention cohorts and unit economics.
    Customers,
    /// The tiles and charts the user picked.
    Custom,
    /// Every KPI of the catalog, by group.
    Catalog,
}

impl Page {
    /// The pages in the order of the navigation (the rep page without a rep chosen).
    pub const NAV: [Page; 9] = [
        Page::Executive,
        Page::Manager,
        Page::Rep(None),
        Page::Pipeline,
        Page::Change,
        Page::Leads,
        Page::Customers,
        Page::Custom,
        Page::Catalog,
    ];

    /// The path segment of the page: `executive`, `rep`, …
    pub fn slug(&self) -> &'static str {
        match self {
            Page::Executive => "executive",
            Page::Manager => "manager",
            Page::Rep(_) => "rep",
            Page::Pipeline => "pipeline",
            Page::Change => "change",
            Page::Leads => "leads",
            Page::Customers => "customers",
            Page::Custom => "custom",
            Page::Catalog => "all",
        }
    }

    /// The name in the navigation.
    pub fn title(&self) -> &'static str {
        match self {
            Page::Executive => "Executive",
            Page::Manager => "Manager",
            Page::Rep(_) => "Rep",
            Page::Pipeline => "Pipeline & funnel",
            Page::Change => "Pipeline change",
            Page::Leads => "Leads & activity",
            Page::Customers => "Customers",
            Page::Custom => "My board",
            Page::Catalog => "All KPIs",
        }
    }

    /// The page's fragment: `#/executive`, `#/rep/Ann%20Lee`.
    pub fn href(&self) -> String {
        match self {
            Page::Rep(Some(rep)) => format!("#/rep/{}", encode(rep)),
            p => format!("#/{}", p.slug()),
        }
    }

    /// The page a fragment names; the executive view for an empty or unknown one.
    pub fn parse(hash: &str) -> Page {
        let hash = hash.trim_start_matches('#');
        // What follows `?` is the view (see `share::fragment`), not the page.
        let path = hash.split_once('?').map_or(hash, |(p, _)| p).trim_start_matches('/');
        let (slug, rest) = path.split_once('/').unwrap_or((path, ""));
        match slug {
            "manager" => Page::Manager,
            "rep" => Page::Rep((!rest.is_empty()).then(|| decode(rest))),
            "pipeline" => Page::Pipeline,
            "change" => Page::Change,
            "leads" => Page::Leads,
            "customers" => Page::Customers,
            "custom" => Page::Custom,
            "all" => Page::Catalog,
            _ => Page::Executive,
        }
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undoes [`encode`]; malformed escapes are kept as written.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%').then(|| s.get(i + 1..i + 3)).flatten();
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_round_trips_through_its_address() {
        for p in Page::NAV.into_iter().chain([Page::Rep(Some("Zoë O'Neil / EMEA".into()))]) {
            assert_eq!(Page::parse(&p.href()), p, "{}", p.href());
        }
        assert_eq!(Page::parse(""), Page::Executive);
        assert_eq!(Page::parse("#/nonsense"), Page::Executive);
        assert_eq!(Page::parse("#/rep/%zz"), Page::Rep(Some("%zz".into())));
        assert_eq!(Page::Rep(Some("Ann Lee".into())).href(), "#/rep/Ann%20Lee");
    }
}
