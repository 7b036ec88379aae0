//! The engine's messages in German (Sie-Form, the register of German CRM and BI software).

use super::phrases::{capitalised_sentence, list, Phrases};
use super::{count, day, kpi_name, period};
use crate::ingest::{DatasetKind, FirstSeen, Rejection};
use crate::kpi::{Base, Gap, Note, Omission};
use crate::lang::Lang;
use crate::share::codec::MAX_UNPACKED;
use crate::share::notice::{Part, Reason};
use crate::share::{Notice, ShareError};
use crate::{Grain, ImportError};

/// German.
pub(super) struct German;

const L: Lang = Lang::De;

fn base(b: Base) -> &'static str {
    match b {
        Base::Previous => "im Vorzeitraum",
        Base::YearEarlier => "im selben Zeitraum des Vorjahres",
    }
}

/// A grain after "nach" (dative plural).
fn grain(g: Grain) -> &'static str {
    match g {
        Grain::Week => "Wochen",
        Grain::Month => "Monaten",
        Grain::Quarter => "Quartalen",
        Grain::Year => "Jahren",
    }
}

/// A part of a view for `n` items, and whether it is one value with no count.
fn part(p: Part, n: usize) -> (&'static str, bool) {
    let one = n == 1;
    match p {
        Part::Period => ("der Zeitraum", true),
        Part::Files if one => ("Datei", false),
        Part::Files => ("Dateien", false),
        Part::FilterValues if one => ("Filterwert", false),
        Part::FilterValues => ("Filterwerte", false),
        Part::Crumbs if one => ("Drilldown-Schritt", false),
        Part::Crumbs => ("Drilldown-Schritte", false),
        Part::CrumbFilterValues if one => ("Filterwert eines Drilldown-Schritts", false),
        Part::CrumbFilterValues => ("Filterwerte von Drilldown-Schritten", false),
        Part::BoardItems if one => ("Board-Element", false),
        Part::BoardItems => ("Board-Elemente", false),
        Part::GrossMargin => ("die Bruttomarge", true),
        Part::Targets if one => ("Zielwert", false),
        Part::Targets => ("Zielwerte", false),
        Part::Currency => ("die Währung", true),
        Part::Theme => ("das Farbschema", true),
        Part::Stages if one => ("Phasenregel", false),
        Part::Stages => ("Phasenregeln", false),
        Part::OpenStages if one => ("offene Phase in der Reihenfolge", false),
        Part::OpenStages => ("offene Phasen in der Reihenfolge", false),
    }
}

fn reason(r: Reason) -> String {
    match r {
        Reason::TooMany(n) => format!("mehr als {}", count(n, L)),
        Reason::TooLong(n) => format!("länger als {} Zeichen", count(n, L)),
        Reason::Repeated => "mehrfach aufgeführt".into(),
        Reason::Unknown => "dieser Version unbekannt".into(),
        Reason::OutOfRange => "außerhalb des zulässigen Bereichs".into(),
        Reason::Unreadable => "nicht lesbar".into(),
    }
}

impl Phrases for German {
    fn lang(&self) -> Lang {
        L
    }

    fn dataset(&self, kind: DatasetKind) -> &'static str {
        match kind {
            DatasetKind::Deals => "Deals",
            DatasetKind::Leads => "Leads",
            DatasetKind::Activities => "Aktivitäten",
            DatasetKind::Customers => "Kunden",
            DatasetKind::Spend => "Ausgaben",
            DatasetKind::Quotas => "Quoten",
            DatasetKind::Forecasts => "Prognosen",
            DatasetKind::EarlierDeals => "frühere Deals",
            DatasetKind::History => "Phasenverlauf",
        }
    }

    fn or(&self) -> &'static str {
        "oder"
    }

    fn field_words(&self) -> &'static [(&'static str, &'static str)] {
        &[("(or deals with deal_type)", "(oder Deals mit deal_type)"), ("(dates with times)", "(Datum mit Uhrzeit)")]
    }

    fn needs(&self, dataset: &str, fields: &str) -> String {
        format!("benötigt {dataset}: {fields}")
    }

    fn gap(&self, gap: &Gap) -> String {
        let p = |x| period(x, L);
        match gap {
            Gap::NoClosedDeals(x) => {
                format!("im Zeitraum {} wurden keine Deals abgeschlossen (gewonnen oder verloren)", p(*x))
            }
            Gap::NoWonAmount { won, period: x } => format!(
                "keiner der {} im Zeitraum {} gewonnenen Deals hat einen Betrag in dieser Währung",
                count(*won, L),
                p(*x)
            ),
            Gap::NoDealsWon(x) => format!("im Zeitraum {} wurden keine Deals gewonnen", p(*x)),
            Gap::NoWonCreated { won, period: x } => format!(
                "keiner der {} im Zeitraum {} gewonnenen Deals hat ein brauchbares Erstellungsdatum",
                count(*won, L),
                p(*x)
            ),
            Gap::NoOpenDeals(d) => format!("am {} sind keine Deals offen", day(*d, L)),
            Gap::NoOpenAmount { open, other_currency } => format!(
                "keiner der {} offenen Deals hat einen Betrag{}",
                count(*open, L),
                if *other_currency { " in dieser Währung" } else { "" }
            ),
            Gap::NoBaseRevenue { base: b, period: x } => {
                format!("kein Umsatz {} ({}), von dem aus Wachstum messbar wäre", base(*b), p(*x))
            }
            Gap::NoRevenueFigure(x) => format!("kein Umsatzwert für {}", p(*x)),
            Gap::NoBaseDeals { base: b, period: x } => format!("keine abgeschlossenen Deals {} ({})", base(*b), p(*x)),
            Gap::NoTypedRevenue(x) => format!("kein Umsatz aus Deals mit bekanntem Deal-Typ im Zeitraum {}", p(*x)),
            Gap::NoOwnerClosed(x) => format!("kein im Zeitraum {} abgeschlossener Deal hat einen Inhaber", p(*x)),
            Gap::NoQuotaAhead(x) => format!("im nächsten Zeitraum ({}) beginnt keine Quote", p(*x)),
            Gap::PartUndefined { id, why } => {
                format!("{} ist nicht definiert: {}", kpi_name(*id, L), self.undefined(why))
            }
            Gap::ZeroCycle => "der Verkaufszyklus beträgt 0 Tage".into(),
            Gap::NoForecastPeriod(x) => format!("kein Prognosezeitraum liegt innerhalb von {}", p(*x)),
            Gap::NoForecastRevenue(x) => {
                format!("kein Prognosezeitraum innerhalb von {} hatte Umsatz zum Vergleich", p(*x))
            }
            Gap::NoOwnerQuota(x) => format!("kein Vertriebsmitarbeiter hat eine Quote innerhalb von {}", p(*x)),
            Gap::NoQuotaNoTarget(x) => format!("keine Quote innerhalb von {} und kein Ziel eingegeben", p(*x)),
            Gap::ZeroDealSize => "die durchschnittliche Dealgröße ist 0".into(),
            Gap::NoLeadConverted => "kein Lead wurde zu einem gewonnenen Deal".into(),
            Gap::NoOpenStages => {
                "die Deals haben keine offenen Phasen, aus denen sich ein Trichter bilden ließe".into()
            }
            Gap::NoDealCreated(x) => format!("im Zeitraum {} wurde kein Deal angelegt", p(*x)),
            Gap::NoProductRevenue(x) => format!("kein Produktumsatz im Zeitraum {}", p(*x)),
            Gap::NoOwnerWithWins { min, period: x } => format!(
                "kein Inhaber hat im Zeitraum {} {} gewonnene Deals mit Betrag, mit denen sich vergleichen ließe",
                p(*x),
                count(*min, L)
            ),
            Gap::NoLeadsCreated(x) => format!("im Zeitraum {} wurden keine Leads angelegt", p(*x)),
            Gap::NoLeadsCreatedOrQualified(x) => {
                format!("im Zeitraum {} wurden keine Leads angelegt oder qualifiziert", p(*x))
            }
            Gap::NoLeadContacted(x) => format!("kein im Zeitraum {} angelegter Lead hat einen Erstkontakt", p(*x)),
            Gap::NoLeadTouchpoints(x) => {
                format!("kein im Zeitraum {} angelegter Lead hat Touchpoints vor einem Termin", p(*x))
            }
            Gap::NoActivities(x) => format!("keine Aktivitäten im Zeitraum {}", p(*x)),
            Gap::NoActiveMrr(d) => format!("am {} ist kein Kunde mit MRR aktiv", day(*d, L)),
            Gap::NoCustomerStarted(x) => format!("im Zeitraum {} hat kein Kundenverhältnis begonnen", p(*x)),
            Gap::NoNewBusinessWon(x) => format!("im Zeitraum {} wurde kein Neugeschäft-Deal gewonnen", p(*x)),
            Gap::NoCustomerBefore(d) => {
                format!("am {}, dem Tag vor dem Zeitraum, war kein Kunde aktiv", day(*d, L))
            }
            Gap::NoNewCustomers(x) => format!("keine Neukunden im Zeitraum {}", p(*x)),
            Gap::NoMonthChurn(x) => format!("kein Monat im Zeitraum {} hat eine Abwanderungsrate", p(*x)),
            Gap::NoChurn(x) => {
                format!("im Zeitraum {} ist kein Kunde abgewandert: der Kundenwert hat keine Obergrenze", p(*x))
            }
            Gap::NoAccountWon(d) => format!("bis zum {} kein gewonnener Deal mit Account", day(*d, L)),
            Gap::ZeroCac => "die Kundengewinnungskosten sind 0".into(),
            Gap::NoEndedSpells(x) => format!("im Zeitraum {} hat kein Deal eine Phase verlassen", p(*x)),
            Gap::NoStallBaseline(d) => format!(
                "kein am {} offener Deal steht in einer Phase, die andere Deals schon einmal verlassen haben; es fehlt der Vergleichswert",
                day(*d, L)
            ),
            Gap::NoSnapshotDate => "ein Export hat weder Erstellungs- noch Abschlussdaten, an denen sich sein Stichtag ablesen lässt; geben Sie das Exportdatum ein".into(),
            Gap::SnapshotsOutOfOrder { earlier, later } => format!(
                "der frühere Export ({}) muss vor dem späteren ({}) datiert sein",
                day(*earlier, L),
                day(*later, L)
            ),
            Gap::SnapshotOutsidePeriod { as_of, period: x } => {
                format!("der spätere Export ist auf den {} datiert, außerhalb des Zeitraums {}", day(*as_of, L), p(*x))
            }
        }
    }

    fn overflow(&self) -> &'static str {
        "die Beträge ergeben zusammen mehr, als sich darstellen lässt"
    }

    fn omission(&self, omission: Omission, n: usize) -> &'static str {
        let one = n == 1;
        match omission {
            Omission::WonNoClose if one => "gewonnener Deal hat kein Abschlussdatum",
            Omission::WonNoClose => "gewonnene Deals haben kein Abschlussdatum",
            Omission::LostNoClose if one => "verlorener Deal hat kein Abschlussdatum",
            Omission::LostNoClose => "verlorene Deals haben kein Abschlussdatum",
            Omission::NoStatus if one => "Deal hat weder Phase noch Status",
            Omission::NoStatus => "Deals haben weder Phase noch Status",
            Omission::WonNoAmount if one => "im Zeitraum gewonnener Deal hat keinen Betrag",
            Omission::WonNoAmount => "im Zeitraum gewonnene Deals haben keinen Betrag",
            Omission::WonOtherCurrency if one => "im Zeitraum gewonnener Deal lautet auf eine andere Währung",
            Omission::WonOtherCurrency => "im Zeitraum gewonnene Deals lauten auf eine andere Währung",
            Omission::WonNoCreated if one => "im Zeitraum gewonnener Deal hat kein Erstellungsdatum",
            Omission::WonNoCreated => "im Zeitraum gewonnene Deals haben kein Erstellungsdatum",
            Omission::WonClosesBeforeCreated if one => {
                "im Zeitraum gewonnener Deal wurde vor seiner Erstellung abgeschlossen"
            }
            Omission::WonClosesBeforeCreated => "im Zeitraum gewonnene Deals wurden vor ihrer Erstellung abgeschlossen",
            Omission::OpenNoAmount if one => "offener Deal hat keinen Betrag",
            Omission::OpenNoAmount => "offene Deals haben keinen Betrag",
            Omission::OpenOtherCurrency if one => "offener Deal lautet auf eine andere Währung",
            Omission::OpenOtherCurrency => "offene Deals lauten auf eine andere Währung",
            Omission::WonUntyped if one => {
                "gewonnener Deal hat einen Deal-Typ, der weder Neugeschäft noch Upsell noch Verlängerung ist"
            }
            Omission::WonUntyped => {
                "gewonnene Deals haben einen Deal-Typ, der weder Neugeschäft noch Upsell noch Verlängerung ist"
            }
            Omission::WonNoOwner if one => {
                "gewonnener Deal hat keinen Inhaber (sein Umsatz zählt, als Vertriebsmitarbeiter zählt er nicht)"
            }
            Omission::WonNoOwner => {
                "gewonnene Deals haben keinen Inhaber (ihr Umsatz zählt, als Vertriebsmitarbeiter zählen sie nicht)"
            }
            Omission::LeadNoCreated if one => "Lead hat kein Erstellungsdatum",
            Omission::LeadNoCreated => "Leads haben kein Erstellungsdatum",
            Omission::LeadContactedEarly if one => {
                "Lead wurde vor seiner Erstellung kontaktiert (als Datenfehler ausgelassen)"
            }
            Omission::LeadContactedEarly => {
                "Leads wurden vor ihrer Erstellung kontaktiert (als Datenfehler ausgelassen)"
            }
            Omission::ActivityNoDate if one => "Aktivität hat kein Datum",
            Omission::ActivityNoDate => "Aktivitäten haben kein Datum",
            Omission::ForecastNoRevenue if one => {
                "Prognosezeitraum hatte keinen Umsatz (die Genauigkeit braucht welchen)"
            }
            Omission::ForecastNoRevenue => "Prognosezeiträume hatten keinen Umsatz (die Genauigkeit braucht welchen)",
            Omission::OwnerZeroQuota if one => "Vertriebsmitarbeiter hat eine Quote von 0",
            Omission::OwnerZeroQuota => "Vertriebsmitarbeiter haben eine Quote von 0",
            Omission::DealNoCreated if one => "Deal hat kein Erstellungsdatum",
            Omission::DealNoCreated => "Deals haben kein Erstellungsdatum",
            Omission::OpenOutsideOrder if one => "offener Deal steht in einer Phase außerhalb der Phasenreihenfolge",
            Omission::OpenOutsideOrder => "offene Deals stehen in Phasen außerhalb der Phasenreihenfolge",
            Omission::WonNoProduct if one => "gewonnener Deal hat kein Produkt",
            Omission::WonNoProduct => "gewonnene Deals haben kein Produkt",
            Omission::ActiveNoMrr if one => "aktiver Kunde hat keinen MRR",
            Omission::ActiveNoMrr => "aktive Kunden haben keinen MRR",
            Omission::CustomerNoStart if one => "Kunde hat kein Startdatum",
            Omission::CustomerNoStart => "Kunden haben kein Startdatum",
            Omission::SpendOtherCategory if one => "Ausgabenzeile gehört weder zu Marketing noch zu Vertrieb",
            Omission::SpendOtherCategory => "Ausgabenzeilen gehören weder zu Marketing noch zu Vertrieb",
            Omission::OpenClosedSince if one => {
                "an diesem Tag offener Deal wurde seitdem gewonnen oder verloren (seine damalige Wahrscheinlichkeit ist unbekannt)"
            }
            Omission::OpenClosedSince => {
                "an diesem Tag offene Deals wurden seitdem gewonnen oder verloren (ihre damalige Wahrscheinlichkeit ist unbekannt)"
            }
            Omission::OpenNoProbability if one => {
                "offener Deal hat keine Abschlusswahrscheinlichkeit, und seine Phase hat keinen Standardwert"
            }
            Omission::OpenNoProbability => {
                "offene Deals haben keine Abschlusswahrscheinlichkeit, und ihre Phasen haben keinen Standardwert"
            }
            Omission::OpenNoClose if one => "offener Deal hat kein erwartetes Abschlussdatum",
            Omission::OpenNoClose => "offene Deals haben kein erwartetes Abschlussdatum",
            Omission::ClosingNoAmount if one => "im Zeitraum schließender Deal hat keinen Betrag",
            Omission::ClosingNoAmount => "im Zeitraum schließende Deals haben keinen Betrag",
            Omission::ClosingOtherCurrency if one => "im Zeitraum schließender Deal ist in einer anderen Währung",
            Omission::ClosingOtherCurrency => "im Zeitraum schließende Deals sind in einer anderen Währung",
            Omission::OpenNoCategory if one => "offener, im Zeitraum schließender Deal hat keine Forecast-Kategorie",
            Omission::OpenNoCategory => "offene, im Zeitraum schließende Deals haben keine Forecast-Kategorie",
        }
    }

    fn import_error(&self, error: &ImportError) -> String {
        match error {
            ImportError::Empty { file } => format!("{file} ist leer. Exportieren Sie die Daten erneut aus Ihrem CRM und laden Sie die neue Datei."),
            ImportError::HeaderOnly { file } => format!("{file} hat eine Kopfzeile, aber keine Datenzeilen. Prüfen Sie die Filter des Exports (ein Bericht ohne passende Datensätze schreibt nur seine Kopfzeile) und exportieren Sie erneut."),
            ImportError::Spreadsheet { file } => format!(
                "{file} ist eine Excel-Arbeitsmappe, keine CSV-Datei. Öffnen Sie sie in Excel oder LibreOffice, speichern Sie sie mit „Speichern unter… CSV UTF-8“ und laden Sie dann die CSV-Datei."
            ),
            ImportError::Json { file } => {
                format!("{file} ist eine JSON-Datei, keine CSV-Datei. Exportieren Sie die Daten aus Ihrem CRM als CSV.")
            }
            ImportError::Binary { file } => {
                format!("{file} ist keine Textdatei (sie enthält Binärdaten). Laden Sie einen CSV-Export.")
            }
            ImportError::CutShort { file, encoding } => format!(
                "{file} endet mitten in einem Zeichen: Die Datei wurde abgeschnitten (sie ist {encoding}-Text). Exportieren Sie sie erneut oder kopieren Sie die ganze Datei."
            ),
            ImportError::SingleColumn { file, header } => format!(
                "{file} hat nur eine Spalte („{header}“): Das sieht nicht nach einer CSV-Tabelle mit Kommas, Semikolons, Tabulatoren oder senkrechten Strichen zwischen den Feldern aus. Speichern Sie sie in Ihrer Tabellenkalkulation als CSV und laden Sie diese Datei."
            ),
            ImportError::UnclosedQuote { file, line } => format!(
                "{file}: Ein Anführungszeichen in Zeile {line} wird nie geschlossen, daher liest sich der Rest der Datei als eine einzige Zelle. Korrigieren Sie das Anführungszeichen und laden Sie die Datei erneut."
            ),
            ImportError::MissingFields { file, dataset, missing, found } => format!(
                "{file} lässt sich nicht als {} lesen: Für {} wurde keine Spalte gefunden. Spalten in der Datei: {}. Wählen Sie die Spalten im Zuordnungsdialog von Hand oder exportieren Sie die Datei mit diesen Spalten.",
                self.datasets(dataset),
                list(missing),
                list(found)
            ),
            ImportError::OtherDataset { file, dataset, matched } => {
                let d = self.datasets(dataset);
                format!(
                    "{file} sieht nach {d} aus (Spalten für {}), nicht nach Deals. Laden Sie die Datei als {d} oder wählen Sie ihre Deal-Spalten von Hand.",
                    list(matched)
                )
            }
            ImportError::NoUsableRows { file, rejected, first_line, first_reason } => format!(
                "{file}: Keine der {} Zeilen war verwendbar (erstes Problem in Zeile {first_line}: {}). Korrigieren Sie das in der Datei oder wählen Sie im Zuordnungsdialog andere Spalten, und laden Sie sie erneut.",
                count(*rejected, L),
                self.rejection(first_reason)
            ),
            // Words already worked out (in the language they were asked in).
            ImportError::Reported { message } => message.clone(),
        }
    }

    fn rejection(&self, why: &Rejection) -> String {
        match why {
            Rejection::UnclosedQuote { line } => format!("ein in dieser Zeile geöffnetes Anführungszeichen wird nie geschlossen, daher wurde jede folgende Zeile in eine Zelle gelesen (korrigieren Sie das Anführungszeichen in Zeile {} und laden Sie erneut)", count(*line as usize, L)),
            Rejection::FieldCount { found, expected } => format!("hat {} Felder, die Kopfzeile aber {}", count(*found, L), count(*expected, L)),
            Rejection::NoKey { field, header: None } => format!("kein {field}"),
            Rejection::NoKey { field, header: Some(h) } => format!("kein {field} (Spalte „{h}“ ist leer)"),
            Rejection::DuplicateKey { field, value, first: FirstSeen::Line(l) } => format!("doppelte {field} „{value}“ (zuerst in Zeile {}); die erste wurde behalten", count(*l as usize, L)),
            Rejection::DuplicateKey { field, value, first: FirstSeen::Loaded(f) } => format!("doppelte {field} „{value}“ (bereits aus {f} geladen); die erste wurde behalten"),
        }
    }

    fn notice(&self, notice: &Notice) -> String {
        match notice {
            Notice::Dropped { part: pt, count: n, reason: r } => match part(*pt, *n) {
                (words, true) => format!("{words} wurde ausgelassen ({})", reason(*r)),
                (words, false) => format!("{} {words} ausgelassen ({})", count(*n, L), reason(*r)),
            },
            Notice::PeriodClamped { asked, shown } => format!(
                "der Zeitraum {} wird als {} gezeigt, dem verfügbaren Bereich",
                period(*asked, L),
                period(*shown, L)
            ),
            Notice::CoarserGrain { asked, used } => format!(
                "Trends werden nach {} statt nach {} gezeigt, damit sie höchstens {} Punkte haben",
                grain(*used),
                grain(*asked),
                count(crate::period::MAX_BUCKETS, L)
            ),
            Notice::NewerVersion => {
                "dies wurde mit einer neueren Version von pipelens erstellt; gezeigt wird, was diese Version versteht"
                    .into()
            }
            Notice::RememberedNotApplied => {
                "die letzte Ansicht ließ sich nicht zeigen; Ihre gespeicherten Einstellungen wurden nicht angewendet"
                    .into()
            }
        }
    }

    fn sentence(&self, clauses: &[String]) -> String {
        capitalised_sentence(clauses, "; ", ".")
    }

    fn note(&self, note: &Note) -> String {
        match note {
            Note::Unfiltered { dataset, dim } => format!(
                "{}: keine Spalte für {}, daher nicht danach gefiltert",
                self.dataset(*dataset),
                super::dim(*dim, L)
            ),
            Note::SegmentOverflow(segment) => format!("{segment}: {}", self.overflow()),
            Note::TargetsUnrealistic => {
                "unter 60 % der Vertriebsmitarbeiter haben ihre Quote erreicht: die Ziele sind womöglich unrealistisch"
                    .into()
            }
            Note::TargetsTooEasy => {
                "über 90 % der Vertriebsmitarbeiter haben ihre Quote erreicht: die Ziele sind womöglich zu leicht"
                    .into()
            }
            Note::NewFromDeals => "gezählt aus gewonnenen Deals vom Typ neu (keine Kunden geladen)".into(),
            Note::FunnelFromHistory => "erreichte Phasen aus dem Phasenverlauf: Ein Deal zählt in jeder Phase, die er betreten hat, nicht nur in seiner aktuellen".into(),
            Note::LifetimeFromDeals => "mittlerer gewonnener Umsatz je Account (keine Kunden geladen)".into(),
        }
    }

    fn problems_words(&self) -> ([&'static str; 6], [&'static str; 2]) {
        (
            ["Problem", "Zeile", "Spalte", "Spaltenkopf", "Wert", "Grund"],
            ["abgelehnte Zeile", "unlesbare Zelle (Zeile behalten)"],
        )
    }

    fn expected_reason(&self, expected: &str) -> String {
        format!("erwartet: {expected}")
    }

    fn share_error(&self, error: &ShareError) -> String {
        match error {
            ShareError::NotBase64 => {
                "der Link ist beschädigt oder abgeschnitten (seine Daten sind kein gültiges base64url)".into()
            }
            ShareError::Corrupt => {
                "der Link ist beschädigt oder abgeschnitten (seine Daten lassen sich nicht entpacken)".into()
            }
            ShareError::TooLarge => format!(
                "die Daten des Links ergeben entpackt mehr als {} MB, mehr als pipelens aus einem Link öffnet",
                MAX_UNPACKED >> 20
            ),
            ShareError::NewerFormat(n) => format!(
                "die Daten des Links stammen von einer neueren Version von pipelens (Format {n}); öffnen Sie ihn dort"
            ),
        }
    }
}
