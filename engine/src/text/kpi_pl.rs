//! KPI names and explanations in Polish, written from the Polish source article ("Idealny pulpit
//! nawigacyjny sprzedaży: 11 wskaźników KPI", `../shared/seeds/`) in our own words, with the terms
//! Polish sales teams use (współczynnik konwersji leadów, szybkość sprzedaży, koszt pozyskania
//! klienta, wartość życiowa klienta, wskaźnik odpływu, lejek sprzedażowy). Formulas keep the
//! symbols and column names of KPI_SPEC.md; "brak wartości" is what the tile shows as –.

use super::KpiText;
use crate::kpi::{Explanation, KpiId};

/// The Polish text of `id`: every KPI has an arm (no catch-all), so a new KPI does not compile
/// until it is written in Polish.
pub(super) fn text(id: KpiId) -> KpiText {
    match id {
        KpiId::Revenue => KpiText {
            name: "Przychód",
            needs: "transakcje",
            explanation: Explanation {
                what: "Pieniądze z transakcji wygranych w okresie.",
                formula: "Σ amount transakcji wygranych (data zamknięcia w okresie), liczone tylko w wybranej walucie. Brak wartości, gdy w okresie nie zamknięto żadnej transakcji (wygranej ani przegranej) albo żadna z wygranych nie ma kwoty. Wygrane transakcje bez kwoty, bez daty zamknięcia lub w innej walucie są pomijane i zliczane.",
                why: "To główny wynik: każdą inną liczbę sprzedażową ocenia się po tym, czy porusza przychód, a spadek z miesiąca na miesiąc jest sygnałem, by przyjrzeć się temu, jak pracuje zespół.",
                watch: "To wartość transakcji zapisana w CRM, bez rabatów udzielonych później i bez zwrotów. Jedna duża transakcja albo finisz na koniec kwartału porusza nim bardziej niż jakikolwiek trend, więc czytaj go razem z liczbą wygranych i średnią wielkością transakcji.",
            },
        },
        KpiId::RevenueGrowth => KpiText {
            name: "Wzrost przychodu",
            needs: "transakcje",
            explanation: Explanation {
                what: "O ile zmienił się przychód względem poprzedniego okresu tej samej długości.",
                formula: "(przychód okresu − przychód poprzedniego okresu) / przychód poprzedniego okresu. Poprzedni okres ma tyle samo dni i kończy się dzień przed początkiem okresu. Brak wartości, gdy któryś z przychodów nie ma wartości albo przychód poprzedniego okresu wynosi 0.",
                why: "W większości firm sprzedaż przynosi zdecydowanie największą część przychodów, więc jej wzrost jest wiarygodnym wskaźnikiem tego, czy rośnie cała firma. Śledzony okres po okresie pokazuje trajektorię na tyle wcześnie, by zdążyć zareagować.",
                watch: "Krótkie okresy mocno się wahają: jedna duża transakcja lub finisz kwartału w którymkolwiek z okresów powoduje skok, dlatego porównuj go ze wzrostem rok do roku, który usuwa sezonowość. Poprzedni okres liczony jest w dniach, więc dla miesiąca kalendarzowego nie zawsze pokrywa się dokładnie z poprzednim miesiącem.",
            },
        },
        KpiId::RevenueGrowthYoy => KpiText {
            name: "Wzrost przychodu rok do roku",
            needs: "transakcje",
            explanation: Explanation {
                what: "O ile zmienił się przychód względem tego samego okresu rok wcześniej.",
                formula: "(przychód okresu − przychód tego samego okresu cofniętego o 12 miesięcy) / ten wcześniejszy przychód. Okres kończący się ostatnim dniem miesiąca odpowiada końcowi tego samego miesiąca rok wcześniej (29 lut ↔ 28 lut). Brak wartości, gdy któryś z przychodów nie ma wartości albo wcześniejszy przychód wynosi 0.",
                why: "Porównanie z tymi samymi miesiącami sprzed roku usuwa sezonowość, którą niesie wzrost okres do okresu, i pokazuje dłuższą trajektorię, na której opierają się plany wzrostu i przeglądy RevOps.",
                watch: "Potrzeba ponad roku danych; przy krótszej historii zostaje –. Jeśli między tymi latami zmieniły się produkty, ceny albo sposób wpisywania transakcji do CRM, porównanie wprowadza w błąd bez względu na to, co mówi liczba.",
            },
        },
        KpiId::RevenueMix => KpiText {
            name: "Struktura przychodu (nowa sprzedaż)",
            needs: "transakcje (kolumna deal_type)",
            explanation: Explanation {
                what: "Jak przychód wygrany w okresie dzieli się na nową sprzedaż, upsell i odnowienia; wartością główną jest udział nowej sprzedaży.",
                formula: "Przychód transakcji wygranych w okresie w danej klasie typu / przychód wygranych transakcji typu nowa sprzedaż, upsell lub odnowienie. Typ deal_type zapisany małymi literami jest klasyfikowany: zawiera „renew” → odnowienie; w przeciwnym razie „upsell”, „up-sell”, „upgrade”, „expansion”, „cross” lub „existing” → upsell; w przeciwnym razie „new” → nowa sprzedaż. Typy niesklasyfikowane lub puste są pomijane i zliczane. Brak wartości, gdy mianownik wynosi 0.",
                why: "Taki podział pokazuje, skąd naprawdę bierze się przychód: od klientów kupujących po raz pierwszy, od obecnych klientów kupujących więcej lub lepszy pakiet, czy z odnawianych umów. To, który udział chcesz zwiększać, zależy od celu: odnowienia, gdy klienci odchodzą po kilku miesiącach, upsell, gdy celem jest więcej sprzedaży krzyżowej.",
                watch: "Trzy udziały zawsze sumują się do 100 %, więc gdy jeden rośnie, pozostałe maleją, nawet jeśli ich przychód się nie zmniejszył: patrz na kwoty, nie tylko na udziały. Sprawdź liczbę niesklasyfikowanych transakcji; jeśli jest duża, wartości deal_type wymagają uporządkowania.",
            },
        },
        KpiId::Mrr => KpiText {
            name: "MRR",
            needs: "klienci (kolumna mrr)",
            explanation: Explanation {
                what: "Miesięczny przychód powtarzalny od klientów aktywnych w ostatnim dniu okresu.",
                formula: "Σ mrr klientów, których data rozpoczęcia przypada w ostatnim dniu okresu lub wcześniej, a data zakończenia jest pusta albo późniejsza niż ten dzień. Klienci bez wartości mrr są pomijani i zliczani. Brak wartości, gdy tego dnia nie ma żadnego aktywnego klienta.",
                why: "W modelu subskrypcyjnym to przychód, na który firma może liczyć co miesiąc, zanim sprzeda cokolwiek nowego; rośnie z nowymi klientami i rozszerzeniami, a maleje z odpływem i obniżeniami planów.",
                watch: "To stan na jeden dzień, a nie suma za okres, więc dłuższy okres go nie zwiększa. Pochodzi wyłącznie z pliku klientów: nie ma w nim jednorazowych przychodów z transakcji, a filtry opiekuna, zespołu i regionu go nie dotyczą.",
            },
        },
        KpiId::Arr => KpiText {
            name: "ARR",
            needs: "klienci (kolumna mrr)",
            explanation: Explanation {
                what: "Roczny przychód powtarzalny: MRR z ostatniego dnia okresu przeliczony na rok.",
                formula: "12 × MRR, gdzie MRR to Σ mrr klientów aktywnych w ostatnim dniu okresu (klienci bez mrr są pomijani). Brak wartości, gdy MRR nie ma wartości.",
                why: "To roczna liczba, według której firmy subskrypcyjne planują i raportują. Przykład: 30 klientów płacących średnio 10 tys. miesięcznie daje MRR 300 tys. i ARR 3,6 mln.",
                watch: "To tempo bieżące, a nie prognoza: zakłada, że każdy obecny klient zostanie cały rok po dzisiejszej cenie, więc nie uwzględnia odpływu, obniżek planów ani zmian cen. Nie dodawaj go do przychodu z jednorazowych transakcji.",
            },
        },
        KpiId::RevenuePerRep => KpiText {
            name: "Przychód na handlowca",
            needs: "transakcje (kolumna owner)",
            explanation: Explanation {
                what: "Przychód wygrany w okresie w przeliczeniu na handlowca, który zamykał w nim transakcje, łącznie i dla każdego zespołu.",
                formula: "Przychód / liczba różnych niepustych opiekunów (owner) transakcji zamkniętych (wygranych lub przegranych) w okresie. Dla zespołu: przychód zespołu / różni opiekunowie w tym zespole. Brak wartości, gdy przychód nie ma wartości albo żadna transakcja zamknięta w okresie nie ma opiekuna.",
                why: "To podstawowa miara wydajności sprzedaży. Widoczna na pulpicie motywuje handlowców i zespoły do utrzymania celu, a liderom pozwala dostrzec zespół lub handlowca, który słabnie, i wesprzeć go, zanim kwartał przepadnie.",
                watch: "Liczą się tylko opiekunowie z transakcją zamkniętą w okresie, więc handlowcy, którzy się wdrażają albo nic nie zamknęli, nie wchodzą do mianownika. Porównuj zespoły sprzedające podobne typy transakcji na podobnych terytoriach; zespół z dużymi transakcjami korporacyjnymi wypadnie lepiej na osobę niż zespół obsługujący wiele małych.",
            },
        },
        KpiId::DealsWon => KpiText {
            name: "Wygrane transakcje",
            needs: "transakcje",
            explanation: Explanation {
                what: "Ile transakcji wygrano w okresie.",
                formula: "Liczba wygranych transakcji z datą zamknięcia w okresie. Brak wartości, gdy w okresie nie zamknięto żadnej transakcji (wygranej ani przegranej); 0 wygranych obok kilku przegranych to prawdziwe 0. Wygrane transakcje bez daty zamknięcia są pomijane i zliczane.",
                why: "Plany liczy się w wygranych: cel 800 tys. przy średniej transakcji 10 tys. oznacza 80 transakcji do zamknięcia. Liczba pokazuje też, czy przychód pochodzi od wielu klientów, czy od kilku.",
                watch: "Liczba ukrywa wielkość i strukturę: więcej małych wygranych może przykryć spadek dużych, więc czytaj ją razem ze średnią wielkością transakcji.",
            },
        },
        KpiId::WinRate => KpiText {
            name: "Współczynnik wygranych",
            needs: "transakcje",
            explanation: Explanation {
                what: "Udział wygranych wśród zamkniętych transakcji (wskaźnik zamknięć).",
                formula: "Transakcje wygrane w okresie / transakcje zamknięte (wygrane lub przegrane) w okresie. Otwarte transakcje się nie liczą. Brak wartości, gdy w okresie nie zamknięto żadnej transakcji; zamknięte transakcje bez daty zamknięcia są pomijane i zliczane.",
                why: "Pokazuje, jak dobrze handlowcy zamieniają prowadzone szanse sprzedaży w klientów. W podziale na źródło leada i handlowca odróżnia problem z jakością leadów od problemu ze sprzedażą.",
                watch: "Zmienia się z sezonem i rynkiem, nie tylko z umiejętnościami, a wejście w segment większych klientów na jakiś czas go obniża. Niektóre raporty dzielą przez wszystkie transakcje, także otwarte, co daje niższą liczbę (48 % zamiast 63 % na próbce Maven): porównuj podobne z podobnym i przy wystarczającej liczbie zamkniętych transakcji.",
            },
        },
        KpiId::AvgDealSize => KpiText {
            name: "Średnia wielkość transakcji",
            needs: "transakcje",
            explanation: Explanation {
                what: "Średnia kwota transakcji wygranej w okresie; obok pokazana jest mediana.",
                formula: "Σ amount / liczba transakcji wygranych w okresie, które mają kwotę w wybranej walucie. Wygrane transakcje bez kwoty lub w innej walucie są pomijane i zliczane. Brak wartości, gdy żadna transakcja wygrana w okresie nie ma kwoty.",
                why: "Śledzona miesiąc po miesiącu pokazuje, czy umowy rosną, czy maleją, jak sprawdza się strategia cenowa i ile transakcji trzeba zamknąć, by osiągnąć cel. Powinna rosnąć, gdy zespół idzie w stronę większych klientów, a może celowo spadać, gdy zdobywa wielu małych.",
                watch: "Kilka bardzo dużych transakcji zawyża średnią: gdy średnia i mediana mocno się różnią, patrz na medianę. Handlowiec wyraźnie poniżej średniej zespołu może gonić małe, łatwe transakcje albo dawać za duże rabaty.",
            },
        },
        KpiId::SalesCycleDays => KpiText {
            name: "Cykl sprzedaży",
            needs: "transakcje",
            explanation: Explanation {
                what: "Ile dni wygrana transakcja trwała od utworzenia do zamknięcia; obok średniej pokazana jest mediana.",
                formula: "Średnia z (data zamknięcia − data utworzenia) w dniach dla transakcji wygranych w okresie. Transakcje bez daty utworzenia oraz zamknięte przed utworzeniem (błędy danych) są pomijane i zliczane. Brak wartości, gdy żadna wygrana transakcja z okresu nie ma użytecznych dat.",
                why: "Wiedza o tym, ile trwają transakcje, czyni prognozy przewidywalnymi; wydłużający się cykl wcześnie ostrzega przed słabo zakwalifikowanymi leadami albo handlowcami, którzy nie są jeszcze gotowi. W długich cyklach pokazuje też, które etapy zabierają najwięcej czasu.",
                watch: "Mocno różni się w zależności od źródła leada, produktu i handlowca (oraz między B2B a B2C): podziel dane na segmenty, zanim zaczniesz porównywać. Liczy się od daty utworzenia transakcji, a nie od pierwszego kontaktu, więc jest krótszy niż czas od leada do zamknięcia.",
            },
        },
        KpiId::PipelineValue => KpiText {
            name: "Wartość lejka sprzedażowego",
            needs: "transakcje",
            explanation: Explanation {
                what: "Wartość transakcji otwartych w ostatnim dniu okresu, w podziale na etapy.",
                formula: "Σ amount transakcji otwartych w ostatnim dniu okresu: transakcji wciąż otwartych (bez tych utworzonych po tym dniu; otwarte transakcje bez daty utworzenia się liczą) oraz transakcji utworzonych do tego dnia, które wygrano lub przegrano później, pokazanych jako „(wygrane lub przegrane od tego czasu)”. Otwarte transakcje bez kwoty lub w innej walucie są pomijane w wartości i zliczane. Brak wartości, gdy nie ma żadnej otwartej transakcji albo żadna nie ma kwoty.",
                why: "To przychód, który zespół wciąż może zdobyć: zestawiony z celem mówi, czy zespół jest na dobrej drodze, a etap po etapie pokazuje, gdzie transakcje utykają.",
                watch: "To tylko ogólny obraz: łącz go z widokami według etapu, handlowca i źródła, by znaleźć przyczyny. Stare transakcje, których nikt nie zamyka, zawyżają go. Status jest odczytywany tak, jak stoi w pliku, więc dla minionego okresu brakuje w nim transakcji zamkniętych od tamtej pory.",
            },
        },
        KpiId::PipelineCount => KpiText {
            name: "Otwarte transakcje",
            needs: "transakcje",
            explanation: Explanation {
                what: "Ile transakcji jest otwartych w ostatnim dniu okresu, w podziale na etapy.",
                formula: "Liczba transakcji otwartych w ostatnim dniu okresu: transakcji wciąż otwartych (bez tych utworzonych po tym dniu; otwarte transakcje bez daty utworzenia się liczą) oraz transakcji utworzonych do tego dnia, które wygrano lub przegrano później. Transakcje bez etapu i statusu są pomijane i zliczane. Zero to prawdziwa liczba (wszystko jest zamknięte).",
                why: "Liczba transakcji w grze decyduje o tym, ile wygranych mogą przynieść najbliższe miesiące; zator na jednym etapie pokazuje, gdzie transakcje stają.",
                watch: "Nieaktualizowane, zastałe transakcje zawyżają liczbę. Liczba nic nie mówi o wartości: czytaj ją razem z wartością lejka sprzedażowego.",
            },
        },
        KpiId::PipelineCoverage => KpiText {
            name: "Pokrycie planu lejkiem",
            needs: "transakcje, plany sprzedaży",
            explanation: Explanation {
                what: "Ile razy otwarty lejek sprzedażowy pokrywa plan sprzedaży następnego okresu.",
                formula: "Wartość lejka sprzedażowego / Σ quota wierszy planu, których period_start wypada w następnym okresie (od dnia po ostatnim dniu okresu do tej samej liczby dni później). Brak wartości, gdy ta suma planów wynosi 0 albo wartość lejka nie ma wartości.",
                why: "Mówi z wyprzedzeniem, czy w grze jest dość, by osiągnąć następny cel. Ponieważ nie każda otwarta transakcja zostanie zamknięta, zespoły chcą pokrycia wyraźnie powyżej 1; popularną miarą jest 1 / współczynnik wygranych, czyli około 3× przy 33 % wygranych.",
                watch: "Każda otwarta transakcja liczy się w pełnej wartości niezależnie od etapu i spodziewanej daty zamknięcia, więc zastałe transakcje i te zamykane dużo później je zawyżają. Następny okres ma długość wybranego okresu: przy 12 wybranych miesiącach muszą być wczytane wiersze planu na kolejne 12 miesięcy.",
            },
        },
        KpiId::SalesVelocity => KpiText {
            name: "Szybkość sprzedaży",
            needs: "transakcje",
            explanation: Explanation {
                what: "Przychód na dzień, w jaki otwarty lejek powinien się zamienić przy obecnym współczynniku wygranych, wielkości transakcji i długości cyklu.",
                formula: "Otwarte transakcje × współczynnik wygranych × średnia wielkość transakcji / cykl sprzedaży w dniach, każde tak, jak zdefiniowano dla własnego wskaźnika. Brak wartości, gdy którakolwiek z czterech liczb nie ma wartości albo cykl wynosi 0 dni.",
                why: "Pokazuje, jak szybko transakcje przechodzą przez lejek i zamieniają się w przychód: transakcje, które utknęły w martwym punkcie lub posuwają się zbyt wolno, wskazują na wadliwy proces albo zespół, który nie realizuje planu. Mówi też, kiedy spodziewać się przychodu z lejka, dzięki czemu prognozy są lepiej ugruntowane.",
                watch: "Łączy stan z jednego dnia (otwarte transakcje w ostatnim dniu) z przepływami okresu (współczynnik wygranych, wielkość transakcji, cykl), więc zanim zareagujesz na zmianę, ustal, która z czterech liczb się poruszyła. Zastałe otwarte transakcje i kilka bardzo dużych ją zawyżają.",
            },
        },
        KpiId::FunnelConversion => KpiText {
            name: "Konwersja w lejku",
            needs: "transakcje",
            explanation: Explanation {
                what: "Jak transakcje utworzone w okresie przechodzą z etapu na etap aż do wygranej; wartością główną jest udział wygranych.",
                formula: "Dla transakcji utworzonych w okresie o znanym statusie: osiągnęło(etap) = transakcje, których najdalszy etap to ten lub późniejszy. Otwarta transakcja osiągnęła swój bieżący etap, wygrana przeszła każdy otwarty etap, przegrana osiągnęła swój lost_stage, jeśli ta kolumna jest przypisana i wskazuje otwarty etap (z historią etapów – plikiem historii lub kolumnami entered_<stage> – transakcja osiągnęła też każdy etap, na który według historii weszła), a w przeciwnym razie tylko pierwszy etap. Konwersja kroku = osiągnęło(następny) / osiągnęło(ten), z wygraną jako ostatnim krokiem; wyciek = 1 − konwersja. Wartość główna = wygrane / transakcje utworzone w okresie. Brak wartości, gdy w okresie nie utworzono żadnej transakcji albo nie są znane otwarte etapy.",
                why: "Konwersja na każdym etapie pokazuje, gdzie potencjalni klienci odpadają najszybciej. Jeśli np. 40 % zgadza się na rozmowę, połowa z nich dochodzi do testu, a kupuje tylko 5 %, to stromy ostatni krok wskazuje na umiejętności handlowców, doświadczenie klienta lub negocjacje – i tam opłaca się szkolenie.",
                watch: "Transakcje utworzone pod koniec okresu często są jeszcze otwarte, więc ostatnie okresy wyglądają gorzej, dopóki te transakcje się nie zamkną. Bez kolumny lost_stage każda przegrana transakcja liczy się jako przegrana na pierwszym etapie, co umieszcza tam cały wyciek.",
            },
        },
        KpiId::ProductPerformance => KpiText {
            name: "Wyniki produktów (udział najlepszego)",
            needs: "transakcje (kolumna product)",
            explanation: Explanation {
                what: "Przychód, wygrane, współczynnik wygranych i wielkość transakcji dla każdego produktu; wartością główną jest udział najlepszego produktu w przychodzie.",
                formula: "Dla każdego produktu w okresie: wygrany przychód, wygrane transakcje, współczynnik wygranych (wygrane / zamknięte), średnia wielkość transakcji i udział w przychodzie. Wartość główna = przychód najlepszego produktu / łączny przychód wszystkich produktów. Brak wartości, gdy ta suma wynosi 0. Wymaga kolumny product w transakcjach.",
                why: "Oddziela produkty, które się sprzedają, od tych, które się nie sprzedają, i każe zapytać dlaczego: brak szkoleń, system prowizji, który za jeden produkt płaci więcej, czy handlowcy kierujący kupujących do produktu, który najłatwiej zamknąć.",
                watch: "Porównuj produkty według jednej, spójnej miary, bo inaczej liczby pokierują handlowców do niewłaściwych produktów. Viralowa kampania może upiększyć słaby produkt, a tani produkt sprzedawany masowo może prowadzić w liczbie wygranych, zarabiając mniej niż drogi: czytaj przychód i współczynnik wygranych razem.",
            },
        },
        KpiId::DealSizeOutliers => KpiText {
            name: "Nietypowo duże transakcje",
            needs: "transakcje (kolumna owner)",
            explanation: Explanation {
                what: "Transakcje dużo większe niż te, które ich opiekun zwykle wygrywa; wartością główną jest ich liczba.",
                formula: "Kandydatami są transakcje wygrane w okresie i transakcje otwarte w ostatnim dniu okresu. Mediana opiekuna to mediana kwot jego transakcji wygranych w okresie, które mają kwotę, i wymaga co najmniej 3 takich transakcji. Transakcja jest nietypowa, gdy jej kwota przekracza 4 × medianę jej opiekuna. Brak wartości, gdy żaden opiekun nie ma w okresie 3 wygranych transakcji.",
                why: "Transakcja kilka razy większa od zwykłej dla danego handlowca jest ryzykiem: rzadziej się zamyka i trwa dłużej. Jej oznaczenie pozwala menedżerowi sprawdzić, czy pozostałe transakcje handlowca są pewne i czy nie stawia on całego celu na jedną kartę.",
                watch: "Opiekunowie z mniej niż 3 wygranymi transakcjami w okresie nie są sprawdzani, więc duże transakcje nowych handlowców się nie pojawią. Duża wygrana transakcja nietypowa zniekształca też przychód i średnią wielkość transakcji, a duża otwarta – wartość lejka i pokrycie planu.",
            },
        },
        KpiId::ForecastAccuracy => KpiText {
            name: "Trafność prognoz",
            needs: "transakcje, prognozy",
            explanation: Explanation {
                what: "Jak blisko prognozy były przychodu rzeczywiście wygranego.",
                formula: "Wiersze prognoz, których okres mieści się w okresie (początek w pierwszym dniu lub później, koniec w ostatnim dniu lub wcześniej; brak końca oznacza koniec miesiąca początku), grupuje się według okresu prognozy: F = Σ forecast, A = przychód wygrany w tym okresie prognozy. Trafność = max(0, 1 − |A − F| / A); wartość główna = średnia po okresach prognoz; dla każdego opiekuna, gdy prognozy mają opiekunów. Okresy prognoz z A = 0 są pomijane i zliczane. Brak wartości, gdy żaden okres prognozy nie ma A > 0.",
                why: "Wiarygodne prognozy pozwalają firmie zobowiązać się do wydatków na kluczowych klientów, planować inwestycje przy szybkim wzroście i dają RevOps podstawę do przewidywania łącznych przychodów.",
                watch: "Jeden trafny okres niewiele mówi o następnym: liczba ma sens dopiero wtedy, gdy dość długa historia pokazuje, jak trafne są prognozy w czasie, więc zbuduj ten punkt odniesienia, zanim na niej polegasz, i nigdy nie polegaj tylko na niej. Zawyżona i zaniżona prognoza liczą się tak samo, a błąd 100 % lub większy daje 0 %.",
            },
        },
        KpiId::QuotaAttainment => KpiText {
            name: "Handlowcy z wykonanym planem",
            needs: "transakcje (kolumna owner), plany sprzedaży",
            explanation: Explanation {
                what: "Udział handlowców, którzy wykonali swój plan sprzedaży w okresie; tabela pokazuje wykonanie planu każdego z nich.",
                formula: "Wiersze planu w okresie (ta sama reguła co dla prognoz) są sumowane dla każdego opiekuna; wykonanie = przychód wygrany przez opiekuna w okresie / jego Σ quota. Opiekunowie z Σ quota równą 0 lub mniejszą są pomijani. Wartość główna = udział opiekunów z wykonaniem ≥ 100 %. Brak wartości, gdy żaden opiekun nie ma planu w okresie.",
                why: "Mówi, czy cele ustawiono na właściwym poziomie. To sprawdzian ustalania celów w tym samym stopniu co handlowców.",
                watch: "Zestaw udział z progami 60 % i 90 %: poniżej 60 % cele mogą być nierealne (albo warto przyjrzeć się rekrutacji, szkoleniom i wynagrodzeniom); powyżej 90 % są pewnie zbyt łatwe i trzeba przemyśleć sposób ich ustalania. Wiersz planu liczy się tylko wtedy, gdy cały jego okres mieści się w wybranym okresie, a nazwy opiekunów muszą się zgadzać z tymi w transakcjach.",
            },
        },
        KpiId::LeadsNeeded => KpiText {
            name: "Potrzebne leady",
            needs: "transakcje, leady (oraz plany sprzedaży lub cel)",
            explanation: Explanation {
                what: "Ile leadów wymaga cel przy obecnej wielkości transakcji i współczynniku konwersji leadów.",
                formula: "Cel / średnia wielkość transakcji / współczynnik konwersji leadów; obok pokazana jest liczba potrzebnych wygranych = cel / średnia wielkość transakcji. Cel to liczba, którą wpiszesz, a w przeciwnym razie Σ quota wierszy planu w okresie. Brak wartości, gdy którakolwiek część nie ma wartości lub wynosi 0.",
                why: "Zamienia cel przychodowy w pracę dla marketingu i handlowców: cel 800 mln przy średniej transakcji 10 mln wymaga 80 wygranych, a przy konwersji leadów 10 % oznacza to 800 leadów.",
                watch: "Zakłada, że nowe leady będą się konwertować i mieć wielkość jak dawne; zmiana źródeł leadów lub rynku porusza jedno i drugie. Świeże leady, które wciąż są w toku, zaniżają konwersję i zawyżają potrzebę. Leady muszą napłynąć mniej więcej jeden cykl sprzedaży przed terminem przychodu.",
            },
        },
        KpiId::LeadsCreated => KpiText {
            name: "Nowe leady",
            needs: "leady",
            explanation: Explanation {
                what: "Ile leadów napłynęło w okresie.",
                formula: "Liczba leadów z datą utworzenia w okresie. Brak wartości, gdy wynosi 0.",
                why: "To szczyt lejka: wszystko dalej od niego zależy. Zestawiona z liczbą potrzebnych leadów wcześnie pokazuje, czy cel jest osiągalny przy obecnym napływie.",
                watch: "Ilość to nie jakość: czytaj ją razem z kwalifikowanymi leadami i konwersją leadów w szanse sprzedaży. Duplikaty i masowo importowane listy ją zawyżają.",
            },
        },
        KpiId::QualifiedLeads => KpiText {
            name: "Kwalifikowane leady",
            needs: "leady (kolumna qualified_at lub qualified)",
            explanation: Explanation {
                what: "Ile leadów zakwalifikowano w okresie.",
                formula: "Z kolumną qualified_at: leady, których data kwalifikacji wypada w okresie. Bez niej: leady utworzone w okresie oznaczone qualified = tak. Brak wartości, gdy w okresie nie utworzono ani nie zakwalifikowano żadnego leada.",
                why: "Handlowcy tracą dużo czasu na niekwalifikowane leady. Ta liczba mówi, czy generowanie leadów, zwykle prowadzone z marketingiem, przynosi realne perspektywy, jak rozdzielić kolejkę kwalifikowanych leadów między przedstawicieli i czy trzeba zatrudnić kolejnych.",
                watch: "Zależy od zasad punktacji i kwalifikacji: zmiana zasad porusza ją bez żadnej zmiany popytu. Z kolumną qualified_at lead liczy się w chwili kwalifikacji, która może przypaść po okresie jego utworzenia, więc nie dziel tej liczby przez nowe leady.",
            },
        },
        KpiId::LeadToOpportunity => KpiText {
            name: "Konwersja leadów w szanse sprzedaży",
            needs: "leady",
            explanation: Explanation {
                what: "Udział nowych leadów, które stały się szansą sprzedaży.",
                formula: "Leady utworzone w okresie, które są zakwalifikowane (jest data kwalifikacji lub qualified = tak) albo powiązane z transakcją (niepusty deal_id) / leady utworzone w okresie. Brak wartości, gdy w okresie nie utworzono żadnego leada.",
                why: "Tam, gdzie zespół sales ops pomaga kwalifikować leady, ten wskaźnik mierzy właśnie tę pracę. Wyraźnie poniżej celu wskazuje na jakość leadów i jest powodem, by sprawdzić, czy marketing i sprzedaż tak samo rozumieją dobry lead.",
                watch: "Znajdź przyczynę, zanim zaczniesz szukać winnych: słabe leady łatwo zrzucić na marketing, ale to zespół sprzedaży może nie kwalifikować dobrych. Leady z ostatnich dni okresu miały mało czasu na kwalifikację.",
            },
        },
        KpiId::LeadConversionRate => KpiText {
            name: "Współczynnik konwersji leadów",
            needs: "leady (kolumna deal_id), transakcje",
            explanation: Explanation {
                what: "Udział nowych leadów, które zakończyły się wygraną transakcją.",
                formula: "Leady utworzone w okresie, których deal_id wskazuje transakcję o statusie wygrana (zamkniętą w dowolnym dniu) / leady utworzone w okresie. Powiązana transakcja jest wyszukiwana wśród wszystkich transakcji, bez filtrów. Brak wartości, gdy w okresie nie utworzono żadnego leada.",
                why: "To jeden z najprostszych sprawdzianów całego procesu, od leada do zamkniętej transakcji, a więc tego, czy strategia sprzedaży jest rozsądna, a zespół skuteczny: 500 leadów miesięcznie, z których kupuje 50, to 10 %. Ten sam współczynnik zamienia cel w liczbę potrzebnych leadów.",
                watch: "Dobry współczynnik bardzo różni się w zależności od branży i modelu biznesowego, więc porównuj się z własną historią. Świeże leady nie zdążyły się zamknąć, więc ostatnie okresy wyglądają słabo, dopóki ich transakcje nie zostaną wygrane.",
            },
        },
        KpiId::LeadResponseTime => KpiText {
            name: "Czas reakcji na lead",
            needs: "leady (kolumna first_contact_at)",
            explanation: Explanation {
                what: "Ile minut mija do pierwszego kontaktu z nowym leadem (mediana).",
                formula: "Minuty od created_at do first_contact_at, na pełnych znacznikach czasu z uwzględnieniem stref czasowych, dla leadów utworzonych w okresie, które mają oba; ujemne odstępy są pomijane i zliczane. Wartość główna = mediana; obok średnia i udział leadów, z którymi skontaktowano się w ciągu 5 minut (300 sekund lub mniej), z tabelą dla każdego opiekuna. Brak wartości, gdy nie skontaktowano się z żadnym leadem.",
                why: "Szybkość to jeden z najsilniejszych czynników zamiany leada w transakcję: odsetek udanych kontaktów wyraźnie spada po pierwszych 5 minutach, a szansa na zakwalifikowanie leada maleje około 21-krotnie między 5. a 30. minutą. Śledzenie tej liczby przypomina też zespołowi, że szybka odpowiedź ma znaczenie.",
                watch: "Patrz na każdego handlowca, nie tylko na wynik firmy: czas reakcji to sprawa bardzo indywidualna, a handlowcy zostają w tyle z różnych powodów, które pomaga znaleźć tabela według opiekuna. Leadów, z którymi nikt się nie skontaktował, w ogóle tu nie ma, więc porównaj liczbę skontaktowanych z liczbą nowych leadów.",
            },
        },
        KpiId::TouchpointsToMeeting => KpiText {
            name: "Punkty styku do pierwszego spotkania",
            needs: "leady, aktywności",
            explanation: Explanation {
                what: "Średnia liczba kontaktów potrzebnych, by umówić pierwsze spotkanie z leadem.",
                formula: "Dla leadów utworzonych w okresie: wartością leada jest jego komórka touchpoints_to_meeting, jeśli jest wypełniona, a w przeciwnym razie (gdy wczytano aktywności z lead_id) liczba jego aktywności z datą ściśle wcześniejszą niż data jego pierwszej aktywności typu spotkanie, dla leadów, które ją mają. Wartość główna = średnia. Brak wartości, gdy żaden lead nie ma wartości.",
                why: "Pomaga zarówno sprzedaży, jak i marketingowi: pokazuje, jak dobrze materiały prowadzą ludzi do rozmowy i jak sprawnie handlowcy umawiają pierwsze spotkanie lub rozmowę sprzedażową.",
                watch: "Ma znaczenie w B2B i przy produktach z długim cyklem, a przy małych, szybkich sprzedażach prawie żadnego. Jeśli cały proces rozgrzewania prowadzi marketing, a handlowiec tylko umawia spotkanie, liczba mierzy marketing, nie sprzedaż. Leadów, które nigdy nie doszły do spotkania, tu nie ma.",
            },
        },
        KpiId::ActivityVolume => KpiText {
            name: "Wielkość aktywności sprzedażowej",
            needs: "aktywności",
            explanation: Explanation {
                what: "Ile działań sprzedażowych (rozmów telefonicznych, e-maili, spotkań, prezentacji) zarejestrowano w okresie.",
                formula: "Liczba aktywności z datą w okresie, według klasy typu, opiekuna i tygodnia. Typ klasyfikuje się w tej kolejności: zawiera „meet”, „termin”, „spotkanie” lub „会议” → spotkanie; „demo”, „präsentation”, „prezentacja” lub „演示” → prezentacja; „call”, „phone”, „anruf”, „telefon” lub „电话” → rozmowa; „mail” lub „邮件” → e-mail; w przeciwnym razie inne. Brak wartości, gdy liczba wynosi 0.",
                why: "Pozwala menedżerom na bieżąco śledzić produktywność i widzieć, jak dobrze zespół realizuje proces sprzedaży, w razie potrzeby aż do pojedynczego przedstawiciela. Zdecyduj, które działania są w twoim procesie najważniejsze, i obserwuj właśnie je.",
                watch: "Aktywność to wysiłek, a nie wynik: więcej telefonów nie znaczy więcej wygranych, więc czytaj ją razem z konwersją. Liczy tylko to, co zarejestrowano; automatycznie zapisywane e-maile ją zawyżają, a handlowcy, którzy mało wpisują, wyglądają na bezczynnych.",
            },
        },
        KpiId::NewCustomers => KpiText {
            name: "Nowi klienci",
            needs: "klienci (lub transakcje z deal_type)",
            explanation: Explanation {
                what: "Ilu nowych klientów rozpoczęło współpracę w okresie.",
                formula: "Klienci z datą rozpoczęcia w okresie. Bez pliku klientów: transakcje wygrane w okresie, których typ sklasyfikowano jako nowa sprzedaż (wymaga kolumny deal_type). Brak wartości, gdy liczba wynosi 0.",
                why: "To przyrost bazy klientów i mianownik CAC, więc łączy wysiłek sprzedaży z kosztem pozyskania.",
                watch: "Oba źródła się różnią: „nowa” transakcja może być nową umową z obecnym klientem, a powracający klient może dostać nową datę rozpoczęcia. Klienci nie mają opiekuna, zespołu ani regionu, więc filtry ich nie dotyczą.",
            },
        },
        KpiId::ChurnRate => KpiText {
            name: "Wskaźnik odpływu klientów",
            needs: "klienci (kolumna end_date)",
            explanation: Explanation {
                what: "Udział klientów utraconych w okresie, liczony względem aktywnych na jego początku.",
                formula: "Spośród klientów aktywnych w dniu przed początkiem okresu (data rozpoczęcia tego dnia lub wcześniej i brak daty zakończenia albo data późniejsza) udział tych, których data zakończenia wypada w okresie. Klienci, którzy zaczynają i kończą w okresie, nie należą do tej bazy i się nie liczą, więc wskaźnik mieści się między 0 a 100 %. Brak wartości, gdy tego dnia nie był aktywny żaden klient.",
                why: "Wysoki odpływ, zwłaszcza tuż po podpisaniu umowy, może wskazywać na problem w sprzedaży: handlowcy obiecują za dużo, by zamknąć transakcję, a klienci odchodzą, gdy zobaczą, co naprawdę kupili. Utrzymanie klientów to też jeden z najtańszych sposobów na zwiększenie zysku.",
                watch: "Jeśli sprzedaż nie odpowiada także za utrzymanie klientów, jej wysiłek zwykle lepiej skierować na inne wskaźniki. Wskaźnik rośnie z długością okresu, więc porównuj okresy tej samej długości. Klientów, którzy zaczynają i odchodzą w tym samym okresie, w nim nie widać.",
            },
        },
        KpiId::RetentionRate => KpiText {
            name: "Wskaźnik utrzymania klientów",
            needs: "klienci (kolumna end_date)",
            explanation: Explanation {
                what: "Udział klientów utrzymanych przez cały okres, z tabelą kohort według miesiąca rozpoczęcia.",
                formula: "1 − wskaźnik odpływu. Tabela kohort: klienci pogrupowani według miesiąca rozpoczęcia (miesiące nakładające się na okres); dla k = 0, 1, … udział kohorty wciąż aktywnej w ostatnim dniu k-tego miesiąca po miesiącu rozpoczęcia (brak daty zakończenia albo data późniejsza), o ile ten dzień nie wypada po ostatnim dniu okresu.",
                why: "Utrzymanie i odpływ klientów to dwie strony tego samego medalu. Są ważne dla każdej firmy, a najbardziej dla firm subskrypcyjnych, których przychód zależy od klientów odnawiających umowy miesiąc po miesiącu.",
                watch: "Wartość główna ma te same ograniczenia co wskaźnik odpływu. W tabeli kohort najnowsze kohorty mają dopiero kilka miesięcy, a małe kohorty wahają się z każdym odchodzącym klientem.",
            },
        },
        KpiId::Cac => KpiText {
            name: "Koszt pozyskania klienta (CAC)",
            needs: "wydatki, klienci (lub transakcje)",
            explanation: Explanation {
                what: "Średnie wydatki na sprzedaż i marketing potrzebne do pozyskania jednego nowego klienta.",
                formula: "Σ spend z datą w okresie i kategorią marketing, sales lub pustą / nowi klienci w okresie. Wydatki w innych kategoriach są pomijane i zliczane; podział jest według kategorii. Brak wartości, gdy liczba nowych klientów nie ma wartości lub wynosi 0.",
                why: "To podstawowa liczba ekonomiki jednostkowej: pokazuje, czy sprzedaż jest opłacalna, jak daleko firmie do progu rentowności i gdzie da się obciąć koszty. Wymykające się spod kontroli koszty pozyskania to jeden z najczęstszych powodów upadku młodych firm.",
                watch: "Nie oceniaj go tylko na tle ceny produktu: CAC bliski średniej wartości zamówienia (AOV) może się opłacać, gdy wartość życiowa klienta jest wyższa. Waha się i różni między branżami, więc czytaj go w długich okresach i pamiętaj, że wydatki często przynoszą klientów okres lub dwa później.",
            },
        },
        KpiId::Clv => KpiText {
            name: "Wartość życiowa klienta (CLV)",
            needs: "klienci (kolumny mrr i end_date) lub transakcje (kolumna account)",
            explanation: Explanation {
                what: "Ile średnio przynosi klient przez cały okres relacji z firmą.",
                formula: "Z klientami: ARPA × marża brutto / miesięczny odpływ, gdzie ARPA = MRR / aktywni klienci z mrr w ostatnim dniu okresu, a miesięczny odpływ = średni wskaźnik odpływu miesięcy kalendarzowych nakładających się na okres, każdy przycięty do okresu (miesiące bez wartości są pomijane). Marża brutto to ustawienie, domyślnie 100 %. Brak wartości, gdy miesięczny odpływ wynosi 0 lub nie ma wartości. Bez klientów: Σ amount wygranych transakcji zamkniętych w ostatnim dniu okresu lub wcześniej / różne konta tych transakcji (wymaga kolumny account).",
                why: "Zestawiona z CAC pokazuje, ile wart jest każdy klient po odjęciu kosztu jego pozyskania. Pokazuje też, gdzie wysiłek sprzedażowy opłaca się najbardziej: w produktach i segmentach klientów, które z czasem przynoszą największy przychód.",
                watch: "Przy małej bazie klientów jest niewiarygodna, bo kilka wartości odstających ją zniekształca, a miesiąc niemal bez odpływu sprawia, że wystrzeliwuje. Sama w sobie to raczej liczba dla RevOps; dla sprzedaży jest użyteczna obok CAC lub średniej wartości zamówienia. Przy domyślnej marży 100 % to przychód, a nie zysk.",
            },
        },
        KpiId::ClvCacRatio => KpiText {
            name: "CLV : CAC",
            needs: "jak CLV i CAC",
            explanation: Explanation {
                what: "Ile razy wartość życiowa klienta pokrywa koszt jego pozyskania.",
                formula: "CLV / CAC, każde tak, jak zdefiniowano dla własnego wskaźnika. Brak wartości, gdy któreś nie ma wartości albo CAC wynosi 0.",
                why: "Odpowiada na pytanie, czy wydatki na pozyskanie się zwracają: poniżej 1 każdy nowy klient przynosi stratę, a wiele zespołów dąży do około 3, zanim wyda więcej na wzrost.",
                watch: "Dziedziczy słabości obu części: CLV jest chwiejne przy małej bazie klientów, a CAC się waha. Klienci i wydatki nie są filtrowani według opiekuna, zespołu ani regionu, więc filtr segmentu nie daje wskaźnika dla segmentu.",
            },
        },
        KpiId::PipelineChange => KpiText {
            name: "Zmiana lejka sprzedażowego",
            needs: "transakcje i wcześniejszy eksport transakcji",
            explanation: Explanation {
                what: "O ile otwarty lejek sprzedażowy urósł lub zmalał między wcześniejszym eksportem transakcji a obecnym, z podziałem na to, co go zmieniło.",
                formula: "Koniec − początek: początek = Σ kwot transakcji otwartych we wcześniejszym eksporcie, koniec = Σ kwot transakcji otwartych w późniejszym eksporcie (sumowane w groszach). Każda transakcja otwarta w którymkolwiek eksporcie trafia do dokładnie jednego słupka, sprawdzanego w tej kolejności: wygrane, przegrane (lub nieobecne w późniejszym eksporcie), pushed_out (przesunięte poza okno), nowe, pulled_in (przyciągnięte); transakcja otwarta w obu dodaje max(0, amount_b − amount_a) do wzrostów i max(0, amount_a − amount_b) do spadków, więc początek + nowe + pulled_in + wzrosty − spadki − pushed_out − wygrane − przegrane = koniec. Data każdego eksportu jest odczytywana z jego danych (najpóźniejsza data utworzenia lub zamknięcia zamkniętej transakcji), chyba że ją wpiszesz. Określona, gdy data późniejszego eksportu mieści się w okresie.",
                why: "Na poniedziałkowym spotkaniu liczy się nie to, jak duży jest lejek, lecz co się zmieniło od zeszłego tygodnia i dlaczego. Słupki oddzielają zdrowy ruch (wygrane, nowe szanse) od sygnałów ostrzegawczych (przesunięte terminy, obniżone kwoty, przegrane), więc wiadomo, o których transakcjach rozmawiać najpierw.",
                watch: "Oba pliki muszą być eksportami tych samych transakcji z tymi samymi identyfikatorami: transakcja brakująca we wcześniejszym eksporcie liczy się jako nowa, a brakująca w późniejszym jako przegrana. Porównuj eksporty w jednej walucie i czytaj słupki, nie tylko wynik: niezmieniony lejek może ukrywać duże wygrane zrównoważone równie dużymi nowymi szansami.",
            },
        },
        KpiId::SlippedDeals => KpiText {
            name: "Transakcje z przesuniętym terminem",
            needs: "transakcje i wcześniejszy eksport transakcji lub historia etapów z close_date",
            explanation: Explanation {
                what: "Ile otwartych transakcji przesunęło przewidywaną datę zamknięcia na później i średnio o ile dni.",
                formula: "Przy dwóch eksportach: liczba transakcji otwartych w obu eksportach (w zakresie w którymkolwiek z nich), których close_date w późniejszym eksporcie jest późniejsza niż we wcześniejszym; obok średnia liczba dni przesunięcia. Określona, gdy data późniejszego eksportu mieści się w okresie. Bez wcześniejszego eksportu, z historii etapów: liczba transakcji z co najmniej jedną zmianą datowaną w okresie, której close_date jest późniejsza niż poprzednia (wiersz bez close_date zachowuje ostatnią znaną); obok średnia liczba dni przesunięcia na transakcję.",
                why: "Transakcja, której termin zamknięcia ciągle się przesuwa, to transakcja, do której klient się nie zobowiązał. Przesunięte terminy warto przepytać jako pierwsze na spotkaniu prognostycznym: zawyżają prognozę tego kwartału i po cichu stają się problemem następnego.",
                watch: "Przesunięcie na wcześniej się nie liczy, a termin przesunięty dwukrotnie przy dwóch eksportach liczy się raz (historia także liczy transakcję raz). Niektóre CRM-y masowo przestawiają daty na koniec kwartału i wtedy każda transakcja wygląda na przesuniętą; czytaj dni obok liczby.",
            },
        },
        KpiId::TimeInStage => KpiText {
            name: "Czas na etapie",
            needs: "historia etapów lub transakcje z kolumnami entered_<stage>",
            explanation: Explanation {
                what: "Jak długo transakcje pozostają na każdym etapie, zanim pójdą dalej: mediana i 90. percentyl dla etapu; wynik sumuje mediany otwartych etapów.",
                formula: "Pobyt trwa od pierwszej zmiany transakcji na dany etap do następnej zmiany na inny etap (kolejne wiersze tego samego etapu to jeden pobyt). Dla pobytów zakończonych w okresie: dla każdego etapu mediana i 90. percentyl liczby dni (interpolacja liniowa, jak PERCENTYL.PRZEDZ.ZAMK w Excelu). Ostatni pobyt transakcji się nie zakończył i nie jest liczony. Wynik = Σ median otwartych etapów. Nieokreślony, gdy w okresie nie zakończył się żaden pobyt na otwartym etapie.",
                why: "Długość całego cyklu mówi, że transakcje idą wolno; czas na etapie mówi, gdzie. Etap, którego mediana rośnie, to miejsce, w którym transakcje czekają na kolejny krok, i tam pomoc menedżera lub lepszy proces skraca cykl.",
                watch: "Kolumny entered_<stage> zapisują tylko ostatnie wejście na każdy etap, więc transakcja, która wracała, pokazuje tylko ostatnie przejście. Etapy, przez które przechodzi niewiele transakcji, dają chwiejne mediany; patrz na liczbę pobytów obok. Transakcje wciąż stojące na etapie wchodzą do wyniku dopiero, gdy go opuszczą.",
            },
        },
        KpiId::StageConversion => KpiText {
            name: "Przejścia między etapami",
            needs: "historia etapów lub transakcje z kolumnami entered_<stage>",
            explanation: Explanation {
                what: "Dokąd transakcje przechodziły z każdego etapu: tabela etap wyjściowy × etap docelowy przejść w okresie, łącznie z cofnięciami; wynikiem jest liczba przejść.",
                formula: "Przejście to koniec pobytu na jednym etapie i początek następnego pobytu tej samej transakcji na innym etapie, datowane dniem zmiany. Dla przejść datowanych w okresie: liczba dla każdej pary (etap wyjściowy, etap docelowy) i jej udział we wszystkich przejściach z etapu wyjściowego. Przejście na wcześniejszy otwarty etap to cofnięcie (liczone obok). Wynik = liczba przejść w okresie.",
                why: "Lejek pokazuje, ile transakcji dociera do każdego etapu; przejścia pokazują, którędy idą: który etap oddaje transakcje prosto do przegranych, gdzie transakcje pomijają krok i ile cofa się na wcześniejszy etap, co sygnalizuje zbyt szybką kwalifikację.",
                watch: "Kolumny entered_<stage> zapisują tylko ostatnie wejście na etap, więc bez pełnej tabeli historii cofnięć jest za mało. Etap przemianowany w CRM pojawia się jako dwa wiersze. Niewiele przejść daje chwiejne udziały.",
            },
        },
        KpiId::StalledDeals => KpiText {
            name: "Utknięte transakcje",
            needs: "historia etapów lub transakcje z kolumnami entered_<stage>",
            explanation: Explanation {
                what: "Otwarte transakcje, które stoją na obecnym etapie dłużej, niż zwykle zostają tam inne transakcje.",
                formula: "W ostatnim dniu okresu: transakcje, których ostatnia zmiana do tego dnia umieściła je na otwartym etapie i których dotychczasowa liczba dni na nim przekracza 90. percentyl zakończonych pobytów na tym etapie (zakończonych do tego dnia, te same transakcje). Transakcji na etapie, którego nikt jeszcze nie opuścił, nie da się ocenić i nie są liczone; nieokreślona, gdy nie da się ocenić żadnej otwartej transakcji.",
                why: "Transakcja stojąca na etapie znacznie dłużej niż zwykle rzadko zamyka się zgodnie z planem. Lista to krótka lista na następny przegląd lejka: ożywić ją konkretnym kolejnym krokiem albo zamknąć jako przegraną, by prognoza pozostała uczciwa.",
                watch: "Próg jest względny: jeśli wszystkie transakcje na etapie są wolne, niewiele uznaje się za utknięte. Etap z zaledwie kilkoma zakończonymi pobytami daje chwiejny 90. percentyl. Zmiany bez zmiany etapu (nowa kwota) przedłużają ten sam pobyt.",
            },
        },
        KpiId::WeightedPipeline => KpiText {
            name: "Ważony lejek sprzedażowy",
            needs: "transakcje (kolumna probability, w przeciwnym razie wartości domyślne etapów)",
            explanation: Explanation {
                what: "Otwarty lejek w ostatnim dniu okresu, z każdą transakcją liczoną według jej szansy na wygraną.",
                formula: "Σ kwota × prawdopodobieństwo dla transakcji z pipeline_value, które wciąż są otwarte (otwarte w ostatnim dniu okresu i utworzone do tego dnia). Prawdopodobieństwo to własna kolumna probability transakcji (czytana jako 0..1 albo jako 0..100, gdy któraś wartość przekracza 1), a w przeciwnym razie wartość domyślna jej etapu: przy k otwartych etapach w kolejności lejka etap i (1..k) dostaje i / (k + 1). Transakcje otwarte tego dnia, ale od tego czasu wygrane lub przegrane, są pomijane (ich ówczesne prawdopodobieństwo jest nieznane), podobnie jak transakcje bez kwoty lub w innej walucie. Nieokreślony, gdy żadna otwarta transakcja nie ma kwoty.",
                why: "Lejek złożony z wczesnych szans jest wart mniej niż ta sama kwota na etapie negocjacji. Ważenie prawdopodobieństwem zamienia lejek w przybliżoną wartość oczekiwaną, lepszą podstawę prognozy i oceny, czy pokrycie planu naprawdę wystarcza.",
                watch: "Wynik jest tak dobry jak prawdopodobieństwa: procenty wpisywane przez handlowców bywają optymistyczne, a wartości domyślne etapów nie wiedzą nic poza etapem. To wartość oczekiwana dla wielu transakcji, a nie obietnica dla pojedynczej; przy kilku dużych transakcjach rzeczywisty wynik będzie od niej daleki.",
            },
        },
        KpiId::ForecastCommit => KpiText {
            name: "Prognoza commit",
            needs: "transakcje (kolumna forecast_category, w przeciwnym razie wartości domyślne etapów)",
            explanation: Explanation {
                what: "Na co zespół może liczyć w okresie: przychód już wygrany plus otwarte transakcje, które handlowcy zobowiązali się w nim zamknąć.",
                formula: "Przychód wygrany w okresie + Σ kwot otwartych transakcji w kategorii Commit (lub Closed), których przewidywana close_date mieści się w okresie. Kategoria transakcji to jej kolumna forecast_category, jeśli da się ją odczytać jako Pipeline, Best Case, Commit, Closed lub Omitted, a w przeciwnym razie wartość domyślna etapu: etapy wygrane Closed, przegrane Omitted, otwarte według domyślnego prawdopodobieństwa (Commit od 75 %, Best Case od 50 %, poza tym Pipeline). Otwarte transakcje bez daty zamknięcia, kwoty lub kategorii oraz transakcje w innej walucie są pomijane i liczone.",
                why: "Commit to liczba, pod którą dyrektor sprzedaży podpisuje się nazwiskiem. Śledzenie jej przez okres pokazuje, czy zespół zamyka to, do czego się zobowiązał, a luka do planu to praca, która jeszcze została.",
                watch: "Commit to ocena handlowca, a kategorie są tak uczciwe jak osoby, które je ustawiają. Bez kolumny forecast_category decydują wartości domyślne etapów, które każdą transakcję na późnym etapie traktują jako pewną. Porównaj z forecast_bias, by zobaczyć, na ile wiarygodne były dawne zobowiązania.",
            },
        },
        KpiId::ForecastBestCase => KpiText {
            name: "Prognoza best case",
            needs: "transakcje (kolumna forecast_category, w przeciwnym razie wartości domyślne etapów)",
            explanation: Explanation {
                what: "Co okres mógłby przynieść, jeśli zamkną się także prawdopodobne transakcje: prognoza commit plus otwarte transakcje w kategorii Best Case.",
                formula: "forecast_commit + Σ kwot otwartych transakcji w kategorii Best Case, których przewidywana close_date mieści się w okresie; kategorie jak w forecast_commit. Otwarte transakcje w Pipeline lub Omitted się nie liczą.",
                why: "Odstęp między commit a best case to potencjał, nad którym zespół może jeszcze pracować w tym okresie. Best case znacznie powyżej commit tuż przed końcem okresu wskazuje transakcje, które potrzebują pomocy teraz; best case ledwie powyżej commit oznacza, że o okresie zdecydują same pewne transakcje.",
                watch: "Best case to górna granica, a nie prognoza: czytaj go obok commit, nigdy osobno. Handlowcy odkładają tu obiecujące transakcje, by się do nich nie zobowiązywać, więc rosnący best case przy stałym commit zasługuje na pytanie.",
            },
        },
        KpiId::ForecastBias => KpiText {
            name: "Obciążenie prognoz",
            needs: "transakcje i prognozy",
            explanation: Explanation {
                what: "Czy prognozy były średnio za niskie czy za wysokie i o ile.",
                formula: "Dla okresów prognozy mieszczących się w okresie (jak w forecast_accuracy; A = przychód wygrany w okresie prognozy, F = Σ forecast): średnia z (A − F) / A. Dodatnia: prognozy za niskie; ujemna: za wysokie. Okresy z A = 0 są pomijane i liczone. Nieokreślona, gdy żaden okres prognozy w okresie nie miał przychodu.",
                why: "Trafność mówi, jak bardzo prognozy się myliły; obciążenie mówi, w którą stronę. Zespół, który zawsze prognozuje za nisko, zaniża cele, by były łatwe; zespół, który zawsze prognozuje za wysoko, jest zbyt optymistyczny. Oba błędy da się skorygować, gdy zna się kierunek.",
                watch: "Błędy w obie strony się znoszą: obciążenie bliskie 0 może ukrywać duże pomyłki, więc czytaj je obok forecast_accuracy. Jeden okres z małym A daje ogromny błąd, który dominuje średnią.",
            },
        },
    }
}
