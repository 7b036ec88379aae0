//! Header sets as CRMs write them, typed from what their exports look like (no file copied):
//! each must map its key fields with no hand.

use super::assign;
use crate::ingest::{DatasetKind, DEAL_FIELDS};

/// Maps `headers` and checks each `(field, header)` of `want`; `None` for a field that must stay
/// without a column. Returns the required fields still missing.
fn check(headers: &[&str], want: &[(&str, Option<&str>)]) -> Vec<&'static str> {
    let h: Vec<String> = headers.iter().map(|s| s.to_string()).collect();
    let a = assign(DEAL_FIELDS, &h, &[]);
    for (field, header) in want {
        let i = DEAL_FIELDS.iter().position(|f| f.name == *field).unwrap_or(usize::MAX);
        let got = a.chosen.get(i).and_then(|c| c.as_ref()).map(|c| h[c.column].as_str());
        assert_eq!(got, *header, "{field} in {headers:?}");
    }
    DatasetKind::Deals.missing_in(&a.mapping())
}

#[test]
fn salesforce_report() {
    let missing = check(
        &[
            "Opportunity Owner",
            "Account Name",
            "Opportunity Name",
            "Stage",
            "Fiscal Period",
            "Amount",
            "Probability (%)",
            "Age",
            "Close Date",
            "Created Date",
            "Next Step",
            "Lead Source",
            "Type",
        ],
        &[
            ("owner", Some("Opportunity Owner")),
            ("account", Some("Account Name")),
            ("deal_id", Some("Opportunity Name")),
            ("stage", Some("Stage")),
            ("amount", Some("Amount")),
            ("close_date", Some("Close Date")),
            ("created_date", Some("Created Date")),
            ("lead_source", Some("Lead Source")),
            ("deal_type", Some("Type")),
            ("status", None),
        ],
    );
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn hubspot() {
    let missing = check(
        &["Record ID", "Deal Name", "Deal Stage", "Close Date", "Deal owner", "Amount", "Create Date", "Pipeline"],
        &[
            ("deal_id", Some("Record ID")),
            ("stage", Some("Deal Stage")),
            ("owner", Some("Deal owner")),
            ("created_date", Some("Create Date")),
            ("close_date", Some("Close Date")),
        ],
    );
    assert!(missing.is_empty());
}

#[test]
fn pipedrive_with_won_and_lost_times() {
    let missing = check(
        &[
            "Deal - ID",
            "Deal - Title",
            "Deal - Value",
            "Deal - Currency",
            "Deal - Owner",
            "Deal - Status",
            "Deal - Deal created",
            "Deal - Won time",
            "Deal - Lost time",
            "Deal - Expected close date",
        ],
        &[
            ("deal_id", Some("Deal - ID")),
            ("amount", Some("Deal - Value")),
            ("currency", Some("Deal - Currency")),
            ("owner", Some("Deal - Owner")),
            ("status", Some("Deal - Status")),
            ("created_date", Some("Deal - Deal created")),
            ("won_date", Some("Deal - Won time")),
            ("lost_date", Some("Deal - Lost time")),
            ("close_date", None),
        ],
    );
    assert!(missing.is_empty());
}

#[test]
fn dynamics_365() {
    let missing = check(
        &[
            "(Do Not Modify) Opportunity",
            "(Do Not Modify) Row Checksum",
            "(Do Not Modify) Modified On",
            "Topic",
            "Potential Customer",
            "Est. Close Date",
            "Est. Revenue",
            "Actual Revenue",
            "Status",
            "Status Reason",
            "Owner",
            "Created On",
            "Actual Close Date",
        ],
        &[
            ("deal_id", Some("(Do Not Modify) Opportunity")),
            ("amount", Some("Est. Revenue")),
            ("status", Some("Status")),
            ("stage", None),
            ("owner", Some("Owner")),
            ("created_date", Some("Created On")),
            ("close_date", Some("Actual Close Date")),
            ("account", Some("Potential Customer")),
        ],
    );
    assert!(missing.is_empty());
}

#[test]
fn zoho_and_odoo() {
    let zoho = check(
        &["Record Id", "Deal Owner", "Deal Name", "Amount", "Stage", "Closing Date", "Created Time"],
        &[
            ("deal_id", Some("Record Id")),
            ("owner", Some("Deal Owner")),
            ("close_date", Some("Closing Date")),
            ("created_date", Some("Created Time")),
        ],
    );
    assert!(zoho.is_empty());
    let odoo = check(
        &["Opportunity", "Salesperson", "Expected Revenue", "Stage", "Created on", "Expected Closing"],
        &[
            ("deal_id", Some("Opportunity")),
            ("owner", Some("Salesperson")),
            ("amount", Some("Expected Revenue")),
            ("created_date", Some("Created on")),
            ("close_date", Some("Expected Closing")),
        ],
    );
    assert!(odoo.is_empty());
}

#[test]
fn bitrix24_in_russian_and_polish() {
    let ru = check(
        &[
            "ID",
            "Название сделки",
            "Стадия сделки",
            "Сумма",
            "Валюта",
            "Ответственный",
            "Дата создания",
            "Дата закрытия",
        ],
        &[
            ("deal_id", Some("ID")),
            ("stage", Some("Стадия сделки")),
            ("amount", Some("Сумма")),
            ("currency", Some("Валюта")),
            ("owner", Some("Ответственный")),
            ("created_date", Some("Дата создания")),
            ("close_date", Some("Дата закрытия")),
        ],
    );
    assert!(ru.is_empty());
    let pl = check(
        &["ID", "Nazwa", "Etap", "Kwota", "Waluta", "Osoba odpowiedzialna", "Data utworzenia", "Data zamknięcia"],
        &[("owner", Some("Osoba odpowiedzialna")), ("created_date", Some("Data utworzenia")), ("stage", Some("Etap"))],
    );
    assert!(pl.is_empty());
}

#[test]
fn close_freshsales_vtiger_monday() {
    let close = check(
        &[
            "id",
            "lead_name",
            "status_label",
            "status_type",
            "value",
            "value_currency",
            "value_formatted",
            "user_name",
            "date_created",
            "date_won",
        ],
        &[
            ("deal_id", Some("id")),
            ("stage", Some("status_label")),
            ("amount", Some("value")),
            ("currency", Some("value_currency")),
            ("owner", Some("user_name")),
            ("created_date", Some("date_created")),
            ("won_date", Some("date_won")),
        ],
    );
    assert!(close.is_empty());
    let fresh = check(
        &["Name", "Amount", "Deal stage", "Sales owner", "Expected close date", "Closed date", "Created at"],
        &[("deal_id", None), ("owner", Some("Sales owner")), ("close_date", Some("Closed date"))],
    );
    assert_eq!(fresh, ["deal_id"], "rows are numbered: no id column");
    let vtiger = check(
        &[
            "Opportunity Name",
            "Organization Name",
            "Sales Stage",
            "Amount",
            "Expected Close Date",
            "Assigned To",
            "Created Time",
        ],
        &[("account", Some("Organization Name")), ("owner", Some("Assigned To")), ("stage", Some("Sales Stage"))],
    );
    assert!(vtiger.is_empty());
    let monday = check(
        &[
            "Name",
            "Person",
            "Deal Stage",
            "Deal Value",
            "Expected Close Date",
            "Close Probability",
            "Created",
            "Item ID",
        ],
        &[("deal_id", Some("Item ID")), ("owner", Some("Person")), ("amount", Some("Deal Value")), ("is_closed", None)],
    );
    assert!(monday.is_empty());
}

#[test]
fn languages_of_the_brief() {
    let cases: &[(&[&str], &[(&str, Option<&str>)])] = &[
        (
            &["Nº", "Oportunidad", "Propietario", "Importe", "Etapa", "Fecha de creación", "Fecha de cierre"],
            &[
                ("owner", Some("Propietario")),
                ("created_date", Some("Fecha de creación")),
                ("close_date", Some("Fecha de cierre")),
            ],
        ),
        (
            &["Numéro", "Commercial", "Montant", "Étape", "Date de création", "Date de clôture"],
            &[("deal_id", Some("Numéro")), ("owner", Some("Commercial")), ("stage", Some("Étape"))],
        ),
        (
            &["ID", "Responsável", "Valor", "Etapa", "Data de criação", "Data de fechamento"],
            &[("owner", Some("Responsável")), ("close_date", Some("Data de fechamento"))],
        ),
        (
            &["ID", "Proprietario", "Importo", "Fase", "Data di creazione", "Data di chiusura"],
            &[("owner", Some("Proprietario")), ("amount", Some("Importo")), ("stage", Some("Fase"))],
        ),
        (
            &["ID", "Eigenaar", "Bedrag", "Fase", "Aanmaakdatum", "Sluitingsdatum"],
            &[
                ("owner", Some("Eigenaar")),
                ("created_date", Some("Aanmaakdatum")),
                ("close_date", Some("Sluitingsdatum")),
            ],
        ),
        (
            &["商机ID", "负责人", "预计金额", "销售阶段", "创建时间", "预计成交日期"],
            &[
                ("deal_id", Some("商机ID")),
                ("amount", Some("预计金额")),
                ("stage", Some("销售阶段")),
                ("close_date", Some("预计成交日期")),
            ],
        ),
    ];
    for (headers, want) in cases {
        assert!(check(headers, want).is_empty(), "{headers:?}");
    }
}

#[test]
fn dynamics_365_in_german() {
    let missing = check(
        &[
            "(Nicht ändern) Verkaufschance",
            "Thema",
            "Potenzieller Kunde",
            "Geschätztes Abschlussdatum",
            "Geschätzter Umsatz",
            "Tatsächlicher Umsatz",
            "Status",
            "Statusgrund",
            "Besitzer",
            "Erstellt am",
            "Tatsächliches Abschlussdatum",
        ],
        &[
            ("amount", Some("Geschätzter Umsatz")),
            ("close_date", Some("Tatsächliches Abschlussdatum")),
            ("status", Some("Status")),
            ("owner", Some("Besitzer")),
            ("created_date", Some("Erstellt am")),
        ],
    );
    assert_eq!(missing, ["deal_id"], "the German GUID column's prefix is not known: rows are numbered");
}
