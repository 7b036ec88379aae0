//! The engine's messages in Polish. Counted nouns take the form [`Lang::plural`] gives (one /
//! few / many); verbs are impersonal ("pominięto") where agreement would depend on the count.

use super::phrases::{capitalised_sentence, list, Phrases};
use super::{count, day, kpi_name, period};
use crate::ingest::{DatasetKind, FirstSeen, Rejection};
use crate::kpi::{Base, Gap, Note, Omission};
use crate::lang::{Lang, Plural};
use crate::share::codec::MAX_UNPACKED;
use crate::share::notice::{Part, Reason};
use crate::share::{Notice, ShareError};
use crate::{Grain, ImportError};

/// Polish.
pub(super) struct Polish;

const L: Lang = Lang::Pl;

/// `one`, `few` or `many` for `n`.
fn pick(n: usize, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    match L.plural(n as u64) {
        Plural::One => one,
        Plural::Few => few,
        Plural::Many | Plural::Other => many,
    }
}

fn base(b: Base) -> &'static str {
    match b {
        Base::Previous => "w poprzednim okresie",
        Base::YearEarlier => "w tym samym okresie rok wcześniej",
    }
}

/// A grain in the instrumental plural ("według tygodni" reads stiffly; "tygodniami" does not).
fn grain(g: Grain) -> &'static str {
    match g {
        Grain::Week => "tygodniami",
        Grain::Month => "miesiącami",
        Grain::Quarter => "kwartałami",
        Grain::Year => "latami",
    }
}

/// A part of a view for `n` items (accusative, after "pominięto"), and whether it is one value
/// with no count.
fn part(p: Part, n: usize) -> (&'static str, bool) {
    let w = |one, few, many| (pick(n, one, few, many), false);
    match p {
        Part::Period => ("okres", true),
        Part::Files => w("plik", "pliki", "plików"),
        Part::FilterValues => w("wartość filtra", "wartości filtrów", "wartości filtrów"),
        Part::Crumbs => w("krok drążenia", "kroki drążenia", "kroków drążenia"),
        Part::CrumbFilterValues => w(
            "wartość filtra w kroku drążenia",
            "wartości filtrów w krokach drążenia",
            "wartości filtrów w krokach drążenia",
        ),
        Part::BoardItems => w("element tablicy", "elementy tablicy", "elementów tablicy"),
        Part::GrossMargin => ("marżę brutto", true),
        Part::Targets => w("cel", "cele", "celów"),
        Part::Currency => ("walutę", true),
        Part::Theme => ("motyw", true),
        Part::Stages => w("regułę etapu", "reguły etapów", "reguł etapów"),
        Part::OpenStages => {
            w("otwarty etap w kolejności", "otwarte etapy w kolejności", "otwartych etapów w kolejności")
        }
    }
}

fn reason(r: Reason) -> String {
    match r {
        Reason::TooMany(n) => format!("ponad limit {}", count(n, L)),
        Reason::TooLong(n) => format!("ponad {} {}", count(n, L), pick(n, "znak", "znaki", "znaków")),
        Reason::Repeated => "powtórzenie".into(),
        Reason::Unknown => "nieznane tej wersji".into(),
        Reason::OutOfRange => "poza zakresem".into(),
        Reason::Unreadable => "nie do odczytania".into(),
    }
}

impl Phrases for Polish {
    fn lang(&self) -> Lang {
        L
    }

    fn dataset(&self, kind: DatasetKind) -> &'static str {
        match kind {
            DatasetKind::Deals => "transakcje",
            DatasetKind::Leads => "leady",
            DatasetKind::Activities => "aktywności",
            DatasetKind::Customers => "klienci",
            DatasetKind::Spend => "wydatki",
            DatasetKind::Quotas => "plany sprzedaży",
            DatasetKind::Forecasts => "prognozy",
            DatasetKind::EarlierDeals => "wcześniejsze transakcje",
            DatasetKind::History => "historia etapów",
        }
    }

    fn or(&self) -> &'static str {
        "lub"
    }

    fn field_words(&self) -> &'static [(&'static str, &'static str)] {
        &[("(or deals with deal_type)", "(lub transakcje z deal_type)"), ("(dates with times)", "(daty z godziną)")]
    }

    fn needs(&self, dataset: &str, fields: &str) -> String {
        format!("potrzebne dane: {dataset} – {fields}")
    }

    fn gap(&self, gap: &Gap) -> String {
        let p = |x| period(x, L);
        match gap {
            Gap::NoClosedDeals(x) => {
                format!("w okresie {} nie zamknięto żadnej transakcji (wygranej ani przegranej)", p(*x))
            }
            Gap::NoWonAmount { won, period: x } => format!(
                "żadna z wygranych w okresie {} transakcji (łącznie {}) nie ma kwoty w tej walucie",
                p(*x),
                count(*won, L)
            ),
            Gap::NoDealsWon(x) => format!("w okresie {} nie wygrano żadnej transakcji", p(*x)),
            Gap::NoWonCreated { won, period: x } => format!(
                "żadna z wygranych w okresie {} transakcji (łącznie {}) nie ma użytecznej daty utworzenia",
                p(*x),
                count(*won, L)
            ),
            Gap::NoOpenDeals(d) => format!("na dzień {} nie ma otwartych transakcji", day(*d, L)),
            Gap::NoOpenAmount { open, other_currency } => format!(
                "żadna z otwartych transakcji (łącznie {}) nie ma kwoty{}",
                count(*open, L),
                if *other_currency { " w tej walucie" } else { "" }
            ),
            Gap::NoBaseRevenue { base: b, period: x } => {
                format!("brak przychodu {} ({}), od którego można liczyć wzrost", base(*b), p(*x))
            }
            Gap::NoRevenueFigure(x) => format!("brak wartości przychodu za okres {}", p(*x)),
            Gap::NoBaseDeals { base: b, period: x } => format!("brak zamkniętych transakcji {} ({})", base(*b), p(*x)),
            Gap::NoTypedRevenue(x) => format!("brak przychodu z transakcji o znanym typie w okresie {}", p(*x)),
            Gap::NoOwnerClosed(x) => format!("żadna transakcja zamknięta w okresie {} nie ma opiekuna", p(*x)),
            Gap::NoQuotaAhead(x) => {
                format!("w następnym okresie ({}) nie zaczyna się żaden okres planu sprzedaży", p(*x))
            }
            Gap::PartUndefined { id, why } => {
                format!("{} nie ma wartości: {}", kpi_name(*id, L), self.undefined(why))
            }
            Gap::ZeroCycle => "cykl sprzedaży trwa 0 dni".into(),
            Gap::NoForecastPeriod(x) => format!("żaden okres prognozy nie mieści się w okresie {}", p(*x)),
            Gap::NoForecastRevenue(x) => {
                format!("żaden okres prognozy w okresie {} nie miał przychodu do porównania", p(*x))
            }
            Gap::NoOwnerQuota(x) => format!("żaden handlowiec nie ma planu sprzedaży w okresie {}", p(*x)),
            Gap::NoQuotaNoTarget(x) => format!("brak planu sprzedaży w okresie {} i nie wpisano celu", p(*x)),
            Gap::ZeroDealSize => "średnia wartość transakcji wynosi 0".into(),
            Gap::NoLeadConverted => "żaden lead nie zamienił się w wygraną transakcję".into(),
            Gap::NoOpenStages => "transakcje nie mają otwartych etapów, z których dałoby się zbudować lejek".into(),
            Gap::NoDealCreated(x) => format!("w okresie {} nie utworzono żadnej transakcji", p(*x)),
            Gap::NoProductRevenue(x) => format!("brak przychodu z produktów w okresie {}", p(*x)),
            Gap::NoOwnerWithWins { min, period: x } => format!(
                "żaden opiekun nie ma w okresie {} co najmniej {} wygranych transakcji z kwotą do porównania",
                p(*x),
                count(*min, L)
            ),
            Gap::NoLeadsCreated(x) => format!("w okresie {} nie utworzono żadnego leada", p(*x)),
            Gap::NoLeadsCreatedOrQualified(x) => {
                format!("w okresie {} nie utworzono ani nie zakwalifikowano żadnego leada", p(*x))
            }
            Gap::NoLeadContacted(x) => format!("żaden lead utworzony w okresie {} nie ma pierwszego kontaktu", p(*x)),
            Gap::NoLeadTouchpoints(x) => {
                format!("żaden lead utworzony w okresie {} nie ma punktów styku przed spotkaniem", p(*x))
            }
            Gap::NoActivities(x) => format!("brak aktywności w okresie {}", p(*x)),
            Gap::NoActiveMrr(d) => format!("na dzień {} nie ma aktywnego klienta z MRR", day(*d, L)),
            Gap::NoCustomerStarted(x) => format!("w okresie {} nie pozyskano żadnego klienta", p(*x)),
            Gap::NoNewBusinessWon(x) => format!("w okresie {} nie wygrano żadnej transakcji z nowym klientem", p(*x)),
            Gap::NoCustomerBefore(d) => {
                format!("{}, w dniu przed okresem, nie było aktywnego klienta", day(*d, L))
            }
            Gap::NoNewCustomers(x) => format!("brak nowych klientów w okresie {}", p(*x)),
            Gap::NoMonthChurn(x) => format!("żaden miesiąc okresu {} nie ma wskaźnika odpływu", p(*x)),
            Gap::NoChurn(x) => {
                format!("w okresie {} nie odszedł żaden klient: wartość życiowa klienta nie ma górnej granicy", p(*x))
            }
            Gap::NoAccountWon(d) => format!("do dnia {} brak wygranej transakcji z przypisanym kontem", day(*d, L)),
            Gap::ZeroCac => "koszt pozyskania klienta wynosi 0".into(),
            Gap::NoEndedSpells(x) => format!("w okresie {} żadna transakcja nie opuściła etapu", p(*x)),
            Gap::NoStallBaseline(d) => format!(
                "żadna transakcja otwarta w dniu {} nie jest na etapie, który inne transakcje już opuściły; brak punktu odniesienia",
                day(*d, L)
            ),
            Gap::NoSnapshotDate => "eksport nie ma dat utworzenia ani zamknięcia, z których można odczytać jego datę; wpisz datę eksportu".into(),
            Gap::SnapshotsOutOfOrder { earlier, later } => format!(
                "wcześniejszy eksport ({}) musi mieć datę przed późniejszym ({})",
                day(*earlier, L),
                day(*later, L)
            ),
            Gap::SnapshotOutsidePeriod { as_of, period: x } => {
                format!("późniejszy eksport ma datę {}, poza okresem {}", day(*as_of, L), p(*x))
            }
        }
    }

    fn overflow(&self) -> &'static str {
        "suma kwot przekracza zakres, który da się zapisać"
    }

    fn omission(&self, omission: Omission, n: usize) -> &'static str {
        let w = |one, few, many| pick(n, one, few, many);
        match omission {
            Omission::WonNoClose => w(
                "wygrana transakcja nie ma daty zamknięcia",
                "wygrane transakcje nie mają daty zamknięcia",
                "wygranych transakcji nie ma daty zamknięcia",
            ),
            Omission::LostNoClose => w(
                "przegrana transakcja nie ma daty zamknięcia",
                "przegrane transakcje nie mają daty zamknięcia",
                "przegranych transakcji nie ma daty zamknięcia",
            ),
            Omission::NoStatus => w(
                "transakcja nie ma etapu ani statusu",
                "transakcje nie mają etapu ani statusu",
                "transakcji nie ma etapu ani statusu",
            ),
            Omission::WonNoAmount => w(
                "transakcja wygrana w okresie nie ma kwoty",
                "transakcje wygrane w okresie nie mają kwoty",
                "transakcji wygranych w okresie nie ma kwoty",
            ),
            Omission::WonOtherCurrency => w(
                "transakcja wygrana w okresie jest w innej walucie",
                "transakcje wygrane w okresie są w innej walucie",
                "transakcji wygranych w okresie jest w innej walucie",
            ),
            Omission::WonNoCreated => w(
                "transakcja wygrana w okresie nie ma daty utworzenia",
                "transakcje wygrane w okresie nie mają daty utworzenia",
                "transakcji wygranych w okresie nie ma daty utworzenia",
            ),
            Omission::WonClosesBeforeCreated => w(
                "transakcja wygrana w okresie została zamknięta przed utworzeniem",
                "transakcje wygrane w okresie zostały zamknięte przed utworzeniem",
                "transakcji wygranych w okresie zamknięto przed ich utworzeniem",
            ),
            Omission::OpenNoAmount => w(
                "otwarta transakcja nie ma kwoty",
                "otwarte transakcje nie mają kwoty",
                "otwartych transakcji nie ma kwoty",
            ),
            Omission::OpenOtherCurrency => w(
                "otwarta transakcja jest w innej walucie",
                "otwarte transakcje są w innej walucie",
                "otwartych transakcji jest w innej walucie",
            ),
            Omission::WonUntyped => w(
                "wygrana transakcja ma typ inny niż nowa sprzedaż, upsell czy odnowienie",
                "wygrane transakcje mają typ inny niż nowa sprzedaż, upsell czy odnowienie",
                "wygranych transakcji ma typ inny niż nowa sprzedaż, upsell czy odnowienie",
            ),
            Omission::WonNoOwner => w(
                "wygrana transakcja nie ma opiekuna (jej przychód się liczy, ale nie dodaje handlowca)",
                "wygrane transakcje nie mają opiekuna (ich przychód się liczy, ale nie dodają handlowca)",
                "wygranych transakcji nie ma opiekuna (ich przychód się liczy, ale nie dodają handlowca)",
            ),
            Omission::LeadNoCreated => {
                w("lead nie ma daty utworzenia", "leady nie mają daty utworzenia", "leadów nie ma daty utworzenia")
            }
            Omission::LeadContactedEarly => w(
                "lead otrzymał kontakt przed utworzeniem (pominięty jako błąd danych)",
                "leady otrzymały kontakt przed utworzeniem (pominięte jako błędy danych)",
                "leadów otrzymało kontakt przed utworzeniem (pominięte jako błędy danych)",
            ),
            Omission::ActivityNoDate => {
                w("aktywność nie ma daty", "aktywności nie mają daty", "aktywności nie ma daty")
            }
            Omission::ForecastNoRevenue => w(
                "okres prognozy nie miał przychodu (trafność go wymaga)",
                "okresy prognozy nie miały przychodu (trafność go wymaga)",
                "okresów prognozy nie miało przychodu (trafność go wymaga)",
            ),
            Omission::OwnerZeroQuota => w(
                "handlowiec ma plan sprzedaży równy 0",
                "handlowców ma plan sprzedaży równy 0",
                "handlowców ma plan sprzedaży równy 0",
            ),
            Omission::DealNoCreated => w(
                "transakcja nie ma daty utworzenia",
                "transakcje nie mają daty utworzenia",
                "transakcji nie ma daty utworzenia",
            ),
            Omission::OpenOutsideOrder => w(
                "otwarta transakcja jest na etapie spoza kolejności otwartych etapów",
                "otwarte transakcje są na etapach spoza kolejności otwartych etapów",
                "otwartych transakcji jest na etapach spoza kolejności otwartych etapów",
            ),
            Omission::WonNoProduct => w(
                "wygrana transakcja nie ma produktu",
                "wygrane transakcje nie mają produktu",
                "wygranych transakcji nie ma produktu",
            ),
            Omission::ActiveNoMrr => {
                w("aktywny klient nie ma MRR", "aktywni klienci nie mają MRR", "aktywnych klientów nie ma MRR")
            }
            Omission::CustomerNoStart => w(
                "klient nie ma daty rozpoczęcia",
                "klienci nie mają daty rozpoczęcia",
                "klientów nie ma daty rozpoczęcia",
            ),
            Omission::SpendOtherCategory => w(
                "wiersz wydatków nie dotyczy ani marketingu, ani sprzedaży",
                "wiersze wydatków nie dotyczą ani marketingu, ani sprzedaży",
                "wierszy wydatków nie dotyczy ani marketingu, ani sprzedaży",
            ),
            Omission::OpenClosedSince => w(
                "transakcja otwarta tego dnia została od tego czasu wygrana lub przegrana (jej ówczesne prawdopodobieństwo jest nieznane)",
                "transakcje otwarte tego dnia zostały od tego czasu wygrane lub przegrane (ich ówczesne prawdopodobieństwo jest nieznane)",
                "transakcji otwartych tego dnia zostało od tego czasu wygranych lub przegranych (ich ówczesne prawdopodobieństwo jest nieznane)",
            ),
            Omission::OpenNoProbability => w(
                "otwarta transakcja nie ma prawdopodobieństwa, a jej etap wartości domyślnej",
                "otwarte transakcje nie mają prawdopodobieństwa, a ich etapy wartości domyślnej",
                "otwartych transakcji nie ma prawdopodobieństwa, a ich etapy wartości domyślnej",
            ),
            Omission::OpenNoClose => w(
                "otwarta transakcja nie ma przewidywanej daty zamknięcia",
                "otwarte transakcje nie mają przewidywanej daty zamknięcia",
                "otwartych transakcji nie ma przewidywanej daty zamknięcia",
            ),
            Omission::ClosingNoAmount => w(
                "transakcja zamykana w okresie nie ma kwoty",
                "transakcje zamykane w okresie nie mają kwoty",
                "transakcji zamykanych w okresie nie ma kwoty",
            ),
            Omission::ClosingOtherCurrency => w(
                "transakcja zamykana w okresie jest w innej walucie",
                "transakcje zamykane w okresie są w innej walucie",
                "transakcji zamykanych w okresie jest w innej walucie",
            ),
            Omission::OpenNoCategory => w(
                "otwarta transakcja zamykana w okresie nie ma kategorii prognozy",
                "otwarte transakcje zamykane w okresie nie mają kategorii prognozy",
                "otwartych transakcji zamykanych w okresie nie ma kategorii prognozy",
            ),
        }
    }

    fn import_error(&self, error: &ImportError) -> String {
        match error {
            ImportError::Empty { file } => format!("Plik {file} jest pusty. Wyeksportuj dane z CRM ponownie i wczytaj nowy plik."),
            ImportError::HeaderOnly { file } => format!("Plik {file} ma wiersz nagłówka, ale nie ma wierszy danych. Sprawdź filtry eksportu (raport bez pasujących rekordów zapisuje tylko nagłówek) i wyeksportuj ponownie."),
            ImportError::Spreadsheet { file } => format!(
                "Plik {file} to skoroszyt Excela, a nie plik CSV. Otwórz go w Excelu lub LibreOffice, użyj „Zapisz jako… CSV UTF-8”, a potem wczytaj plik CSV."
            ),
            ImportError::Json { file } => {
                format!("Plik {file} to plik JSON, a nie CSV. Wyeksportuj dane z CRM w formacie CSV.")
            }
            ImportError::Binary { file } => {
                format!("Plik {file} nie jest plikiem tekstowym (zawiera dane binarne). Wczytaj eksport CSV.")
            }
            ImportError::CutShort { file, encoding } => format!(
                "Plik {file} kończy się w połowie znaku: został ucięty (to tekst {encoding}). Wyeksportuj go ponownie lub skopiuj cały plik."
            ),
            ImportError::SingleColumn { file, header } => format!(
                "Plik {file} ma tylko jedną kolumnę („{header}”): nie wygląda na tabelę CSV z przecinkami, średnikami, tabulatorami lub pionowymi kreskami między polami. Zapisz go w arkuszu kalkulacyjnym jako CSV i wczytaj ten plik."
            ),
            ImportError::UnclosedQuote { file, line } => format!(
                "{file}: cudzysłów w wierszu {line} nie jest nigdzie zamknięty, więc reszta pliku czyta się jak jedna komórka. Popraw cudzysłów i wczytaj plik ponownie."
            ),
            ImportError::MissingFields { file, dataset, missing, found } => format!(
                "Pliku {file} nie da się odczytać jako {}: nie znaleziono kolumny dla {}. Kolumny w pliku: {}. Wskaż kolumny ręcznie na ekranie przypisania albo wyeksportuj plik z tymi kolumnami.",
                self.datasets(dataset),
                list(missing),
                list(found)
            ),
            ImportError::OtherDataset { file, dataset, matched } => {
                let d = self.datasets(dataset);
                format!(
                    "Plik {file} wygląda na plik typu {d} (kolumny dla {}), a nie na transakcje. Wczytaj go jako {d} albo wskaż ręcznie jego kolumny transakcji.",
                    list(matched)
                )
            }
            ImportError::NoUsableRows { file, rejected, first_line, first_reason } => format!(
                "{file}: nie udało się użyć żadnego z wierszy (łącznie {}; pierwszy problem w wierszu {first_line}: {}). Popraw to w pliku albo wybierz inne kolumny na ekranie przypisania i wczytaj go ponownie.",
                count(*rejected, L),
                self.rejection(first_reason)
            ),
            // Words already worked out (in the language they were asked in).
            ImportError::Reported { message } => message.clone(),
        }
    }

    fn rejection(&self, why: &Rejection) -> String {
        match why {
            Rejection::UnclosedQuote { line } => format!("cudzysłów otwarty w tym wierszu nie jest nigdzie zamknięty, więc każdy kolejny wiersz trafił do jednej komórki (popraw cudzysłów w wierszu {} i wczytaj ponownie)", count(*line as usize, L)),
            Rejection::FieldCount { found, expected } => format!("ma {} pól, a nagłówek {}", count(*found, L), count(*expected, L)),
            Rejection::NoKey { field, header: None } => format!("brak {field}"),
            Rejection::NoKey { field, header: Some(h) } => format!("brak {field} (kolumna „{h}” jest pusta)"),
            Rejection::DuplicateKey { field, value, first: FirstSeen::Line(l) } => format!("powtórzony {field} „{value}” (pierwszy raz w wierszu {}); zachowano pierwszy", count(*l as usize, L)),
            Rejection::DuplicateKey { field, value, first: FirstSeen::Loaded(f) } => format!("powtórzony {field} „{value}” (już wczytany z {f}); zachowano pierwszy"),
        }
    }

    fn notice(&self, notice: &Notice) -> String {
        match notice {
            Notice::Dropped { part: pt, count: n, reason: r } => match part(*pt, *n) {
                (words, true) => format!("pominięto {words} ({})", reason(*r)),
                (words, false) => format!("pominięto {} {words} ({})", count(*n, L), reason(*r)),
            },
            Notice::PeriodClamped { asked, shown } => {
                format!("okres {} pokazano jako {}, czyli dostępny zakres", period(*asked, L), period(*shown, L))
            }
            Notice::CoarserGrain { asked, used } => format!(
                "trendy są pokazane {} zamiast {}, więc mają najwyżej {} {}",
                grain(*used),
                grain(*asked),
                count(crate::period::MAX_BUCKETS, L),
                pick(crate::period::MAX_BUCKETS, "punkt", "punkty", "punktów")
            ),
            Notice::NewerVersion => {
                "ten widok powstał w nowszej wersji pipelens; pokazano to, co rozumie ta wersja".into()
            }
            Notice::RememberedNotApplied => {
                "nie udało się pokazać ostatniego widoku; zapamiętanych ustawień nie zastosowano".into()
            }
        }
    }

    fn sentence(&self, clauses: &[String]) -> String {
        capitalised_sentence(clauses, "; ", ".")
    }

    fn note(&self, note: &Note) -> String {
        match note {
            Note::Unfiltered { dataset, dim } => format!(
                "{}: brak kolumny „{}”, więc ten filtr ich nie dotyczy",
                self.dataset(*dataset),
                super::dim(*dim, L)
            ),
            Note::SegmentOverflow(segment) => format!("{segment}: {}", self.overflow()),
            Note::TargetsUnrealistic => "plan wykonało mniej niż 60 % handlowców: cele mogą być nierealne".into(),
            Note::TargetsTooEasy => "plan wykonało ponad 90 % handlowców: cele mogą być zbyt łatwe".into(),
            Note::NewFromDeals => "policzone z wygranych transakcji typu nowa sprzedaż (nie wczytano klientów)".into(),
            Note::FunnelFromHistory => "osiągnięte etapy odczytane z historii etapów: transakcja liczy się na każdym etapie, na który weszła, a nie tylko na obecnym".into(),
            Note::LifetimeFromDeals => "średni wygrany przychód na konto (nie wczytano klientów)".into(),
        }
    }

    fn problems_words(&self) -> ([&'static str; 6], [&'static str; 2]) {
        (
            ["problem", "wiersz", "kolumna", "nagłówek", "wartość", "powód"],
            ["odrzucony wiersz", "nieczytelna komórka (wiersz zachowany)"],
        )
    }

    fn expected_reason(&self, expected: &str) -> String {
        format!("oczekiwano: {expected}")
    }

    fn share_error(&self, error: &ShareError) -> String {
        match error {
            ShareError::NotBase64 => "link jest uszkodzony lub ucięty (jego dane nie są poprawnym base64url)".into(),
            ShareError::Corrupt => "link jest uszkodzony lub ucięty (jego danych nie da się rozpakować)".into(),
            ShareError::TooLarge => format!(
                "dane linku po rozpakowaniu zajmują ponad {} MB, więcej niż pipelens otwiera z linku",
                MAX_UNPACKED >> 20
            ),
            ShareError::NewerFormat(n) => {
                format!("dane linku zapisała nowsza wersja pipelens (format {n}); otwórz go w niej")
            }
        }
    }
}
