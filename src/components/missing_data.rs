//! What a page would show with more data: instead of a wall of tiles that each say "needs
//! customers: …", one line per dataset that is not loaded, naming the KPIs it would unlock, with
//! a link to its template.

use crate::i18n::words::Missing;
use crate::i18n::{current, t, tf};
use crate::io::download::download_text;
use leptos::prelude::*;
use pipelens_engine::export::template;
use pipelens_engine::ingest::DatasetKind;
use pipelens_engine::kpi::{KpiId, Undefined};
use pipelens_engine::{text, Workspace};

/// The datasets that are not loaded and the KPIs (of `results`, in their order) that need them,
/// in the order datasets are listed ([`DatasetKind::ALL`]). A KPI that needs a field of a
/// loaded dataset is not here: its tile says which field.
pub fn missing<'a>(
    results: impl IntoIterator<Item = (KpiId, &'a Result<f64, Undefined>)>,
    loaded: impl Fn(DatasetKind) -> bool,
) -> Vec<(DatasetKind, Vec<KpiId>)> {
    let mut out: Vec<(DatasetKind, Vec<KpiId>)> = Vec::new();
    for (id, value) in results {
        let Err(Undefined::NeedsData { dataset, .. }) = value else { continue };
        let Some(kind) = DatasetKind::ALL.into_iter().find(|k| k.name() == *dataset) else { continue };
        if loaded(kind) {
            continue;
        }
        match out.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, ids)) => ids.push(id),
            None => out.push((kind, vec![id])),
        }
    }
    pipelens_engine::sort::sort_by_key(&mut out, |(k, _)| DatasetKind::ALL.iter().position(|x| x == k));
    out
}

/// Whether `ws` holds the dataset `kind`.
pub fn is_loaded(ws: &Workspace, kind: DatasetKind) -> bool {
    match kind {
        DatasetKind::Deals => ws.deals.is_some(),
        k => ws.table(k).is_some(),
    }
}

/// A dataset's name in the current language.
pub fn dataset_name(kind: DatasetKind) -> &'static str {
    t(match kind {
        DatasetKind::Deals => Missing::Deals,
        DatasetKind::Leads => Missing::Leads,
        DatasetKind::Activities => Missing::Activities,
        DatasetKind::Customers => Missing::Customers,
        DatasetKind::Spend => Missing::Spend,
        DatasetKind::Quotas => Missing::Quotas,
        DatasetKind::Forecasts => Missing::Forecasts,
        DatasetKind::EarlierDeals => Missing::EarlierDeals,
        DatasetKind::History => Missing::History,
    })
}

/// One line per missing dataset: "Load customers to see: CLV, churn rate … · Download the
/// customers template".
#[component]
pub fn MissingData(
    /// The missing datasets and the KPIs each would unlock.
    missing: Vec<(DatasetKind, Vec<KpiId>)>,
) -> impl IntoView {
    let lang = current();
    let lines = missing
        .into_iter()
        .map(|(kind, ids)| {
            let kpis = ids.iter().map(|id| id.as_str()).collect::<Vec<_>>().join(" ");
            let names = ids.iter().map(|&id| text::kpi_name(id, lang)).collect::<Vec<_>>().join(", ");
            view! {
                <li data-dataset=kind.name() data-kpis=kpis>
                    {tf(Missing::Unlocks, &[("dataset", dataset_name(kind).to_owned()), ("kpis", names)])}" · "
                    <button class="link" data-testid=format!("missing-template-{}", kind.name()) on:click=move |_| {
                        let _ = download_text(&format!("pipelens-{}-template.csv", kind.name()), "text/csv", &template(kind));
                    }>{tf(Missing::Template, &[("dataset", dataset_name(kind).to_owned())])}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="missing-data card" data-testid="missing-data" aria-label=t(Missing::Heading)>
            <h3>{t(Missing::Heading)}</h3>
            <ul>{lines}</ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs(dataset: &'static str) -> Result<f64, Undefined> {
        Err(Undefined::NeedsData { dataset, fields: "x" })
    }

    #[test]
    fn missing_datasets_are_grouped_with_the_kpis_they_unlock() {
        let values = [
            (KpiId::Revenue, Ok(5.0)),
            (KpiId::Clv, needs("customers")),
            (KpiId::Cac, needs("spend")),
            (KpiId::ChurnRate, needs("customers")),
            (KpiId::RevenueMix, needs("deals")),
            (KpiId::Mrr, Err(Undefined::Overflow)),
        ];
        let loaded = |k: DatasetKind| k == DatasetKind::Deals;
        let got = missing(values.iter().map(|(id, v)| (*id, v)), loaded);
        assert_eq!(
            got,
            vec![(DatasetKind::Customers, vec![KpiId::Clv, KpiId::ChurnRate]), (DatasetKind::Spend, vec![KpiId::Cac]),],
            "a field missing from loaded deals stays on its tile"
        );
        assert!(missing(values.iter().map(|(id, v)| (*id, v)), |_| true).is_empty());
    }
}
