//! Words for the columns deals are broken down by: region, product, lead source, deal type
//! and account.

use super::Meaning;

/// The sales region.
pub const REGION: Meaning = Meaning {
    field: "region",
    phrases: &[
        ("region", 9),
        ("territory", 9),
        ("sales region", 9),
        ("area", 7),
        ("gebiet", 9),
        ("vertriebsgebiet", 9),
        ("wojewodztwo", 7),
        ("区域", 9),
        ("地区", 9),
        ("大区", 9),
        ("zona", 7),
        ("territoire", 9),
        ("territorio", 9),
        ("gebied", 9),
        ("regio", 9),
        ("регион", 9),
    ],
    not: &["id", "code", "manager", "owner"],
};

/// The product sold.
pub const PRODUCT: Meaning = Meaning {
    field: "product",
    phrases: &[
        ("product", 9),
        ("products", 8),
        ("product name", 9),
        ("item", 6),
        ("produkt", 9),
        ("produkty", 8),
        ("产品", 9),
        ("商品", 8),
        ("producto", 9),
        ("produit", 9),
        ("produto", 9),
        ("prodotto", 9),
        ("товар", 8),
        ("продукт", 9),
    ],
    not: &["id", "count", "quantity", "amount", "price", "revenue", "code", "family", "line item", "sku"],
};

/// Where the lead came from.
pub const LEAD_SOURCE: Meaning = Meaning {
    field: "lead_source",
    phrases: &[
        ("lead source", 9),
        ("source", 8),
        ("original source", 9),
        ("channel", 7),
        ("origin", 7),
        ("quelle", 8),
        ("herkunft", 8),
        ("kanal", 7),
        ("zrodlo", 9),
        ("pochodzenie", 7),
        ("来源", 9),
        ("渠道", 8),
        ("origen", 8),
        ("fuente", 8),
        ("canal", 7),
        ("origine", 8),
        ("provenance", 8),
        ("fonte", 8),
        ("bron", 8),
        ("herkomst", 8),
        ("источник", 9),
    ],
    not: &["id", "record", "data", "system", "drill", "campaign", "object", "detail", "details"],
};

/// New business, upsell or renewal.
pub const DEAL_TYPE: Meaning = Meaning {
    field: "deal_type",
    phrases: &[
        ("type", 8),
        ("deal type", 9),
        ("opportunity type", 9),
        ("business type", 9),
        ("kind", 6),
        ("typ", 8),
        ("art", 6),
        ("rodzaj", 8),
        ("类型", 9),
        ("tipo", 8),
        ("soort", 7),
        ("тип", 8),
    ],
    not: &[
        "record", "currency", "activity", "contact", "payment", "lead", "account", "company", "id", "file", "event",
        "status", "value", "close", "forecast", "kunde", "klienta", "客户", "cliente", "client",
    ],
};

/// The customer the deal is with.
pub const ACCOUNT: Meaning = Meaning {
    field: "account",
    phrases: &[
        ("account", 8),
        ("account name", 9),
        ("company", 9),
        ("company name", 9),
        ("customer", 8),
        ("client", 8),
        ("organization", 8),
        ("organisation", 8),
        ("org", 6),
        ("kunde", 9),
        ("firma", 9),
        ("unternehmen", 8),
        ("klient", 9),
        ("客户", 9),
        ("公司", 9),
        ("企业", 8),
        ("cliente", 9),
        ("empresa", 9),
        ("entreprise", 8),
        ("societe", 8),
        ("azienda", 9),
        ("bedrijf", 9),
        ("klant", 9),
        ("компания", 9),
        ("клиент", 9),
    ],
    not: &[
        "id",
        "owner",
        "type",
        "number",
        "source",
        "manager",
        "email",
        "phone",
        "industry",
        "size",
        "address",
        "city",
        "country",
        "website",
        "region",
        "team",
        "verantwortlicher",
        "wlasciciel",
        "负责人",
        "owner's",
    ],
};
