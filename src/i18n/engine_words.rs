//! The engine's small enum words in the current language: grains, comparisons, period presets,
//! segment dimensions, target status and KPI groups (the engine keeps their English and its
//! serialised keys; the UI shows these).

use super::t;
use super::words::{Engine, PageName, Tile};
use crate::state::Page;
use pipelens_engine::kpi::{Comparison, Group, Rag};
use pipelens_engine::preset::Preset;
use pipelens_engine::{Dim, Grain};

/// `Week`, `Woche`, `Tydzień`, `周`.
pub fn grain(g: Grain) -> &'static str {
    t(match g {
        Grain::Week => Engine::Week,
        Grain::Month => Engine::Month,
        Grain::Quarter => Engine::Quarter,
        Grain::Year => Engine::Year,
    })
}

/// The comparison as a picker's option or legend entry: `Previous period`, `Vorperiode`.
pub fn comparison_title(c: Comparison) -> &'static str {
    t(match c {
        Comparison::Previous => Engine::PreviousPeriod,
        Comparison::YearEarlier => Engine::YearEarlier,
    })
}

/// The comparison inside a sentence: `previous period`.
pub fn comparison_noun(c: Comparison) -> &'static str {
    t(match c {
        Comparison::Previous => Engine::PreviousPeriodNoun,
        Comparison::YearEarlier => Engine::YearEarlierNoun,
    })
}

/// A period preset's label: `Last 12 months`, `Letzte 12 Monate`.
pub fn preset(p: Preset) -> &'static str {
    t(match p {
        Preset::Last12Months => Engine::Last12Months,
        Preset::ThisMonth => Engine::ThisMonth,
        Preset::ThisQuarter => Engine::ThisQuarter,
        Preset::ThisYear => Engine::ThisYear,
        Preset::LastMonth => Engine::LastMonth,
        Preset::LastQuarter => Engine::LastQuarter,
        Preset::LastYear => Engine::LastYear,
    })
}

/// A segment dimension as a heading: `Lead source`, `Lead-Quelle`.
pub fn dim(d: Dim) -> &'static str {
    t(match d {
        Dim::Owner => Engine::Owner,
        Dim::Team => Engine::Team,
        Dim::Region => Engine::Region,
        Dim::Product => Engine::Product,
        Dim::LeadSource => Engine::LeadSource,
        Dim::DealType => Engine::DealType,
    })
}

/// A target status in words: `on target`, `im Ziel`.
pub fn rag(r: Rag) -> &'static str {
    t(match r {
        Rag::Green => Tile::OnTarget,
        Rag::Amber => Tile::NearTarget,
        Rag::Red => Tile::OffTarget,
    })
}

/// A KPI group's heading: `Revenue and growth`, `Umsatz und Wachstum`.
pub fn group(g: Group) -> &'static str {
    t(match g {
        Group::Revenue => Engine::GroupRevenue,
        Group::Deals => Engine::GroupDeals,
        Group::Leads => Engine::GroupLeads,
        Group::Customers => Engine::GroupCustomers,
    })
}

/// A page's name in the navigation.
pub fn page(p: &Page) -> &'static str {
    t(match p {
        Page::Executive => PageName::Executive,
        Page::Manager => PageName::Manager,
        Page::Rep(_) => PageName::Rep,
        Page::Pipeline => PageName::Pipeline,
        Page::Leads => PageName::Leads,
        Page::Customers => PageName::Customers,
        Page::Custom => PageName::Custom,
        Page::Catalog => PageName::Catalog,
        Page::Change => PageName::Change,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::set_current;
    use pipelens_engine::lang::Lang;

    #[test]
    fn english_matches_the_engines_own_words() {
        set_current(Lang::En);
        for g in Grain::ALL {
            assert_eq!(grain(g), g.title());
        }
        for c in [Comparison::Previous, Comparison::YearEarlier] {
            assert_eq!((comparison_title(c), comparison_noun(c)), (c.title(), c.noun()));
        }
        for p in Preset::ALL {
            assert_eq!(preset(p), p.label());
        }
        for d in Dim::ALL {
            assert_eq!(dim(d), d.title());
        }
        for r in [Rag::Green, Rag::Amber, Rag::Red] {
            assert_eq!(rag(r), r.label());
        }
        for p in Page::NAV {
            assert_eq!(page(&p), p.title());
        }
    }

    #[test]
    fn german_words() {
        set_current(Lang::De);
        assert_eq!(
            (grain(Grain::Quarter), preset(Preset::LastYear), dim(Dim::LeadSource)),
            ("Quartal", "Letztes Jahr", "Lead-Quelle")
        );
        set_current(Lang::En);
    }
}
