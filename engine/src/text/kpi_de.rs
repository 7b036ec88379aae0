//! KPI names and explanations in German, written from the German source article ("11 Sales
//! Operations KPIs, die Sie verfolgen sollten", `../shared/seeds/`) in our own words: its terms
//! (Abschlussquote, Länge des Verkaufszyklus, Prognosegenauigkeit, Kundengewinnungskosten,
//! Lead-Reaktionszeit, „Worauf Sie achten sollten“) and the Sie-Form its readers expect. Formulas
//! keep the symbols and column names of KPI_SPEC.md.

use super::KpiText;
use crate::kpi::{Explanation, KpiId};

/// The German text of `id`: every KPI has an arm (no catch-all), so a new KPI does not compile
/// until it is written in German.
pub(super) fn text(id: KpiId) -> KpiText {
    match id {
        KpiId::Revenue => KpiText {
            name: "Umsatz",
            needs: "Deals",
            explanation: Explanation {
                what: "Der Betrag der im Zeitraum gewonnenen Deals.",
                formula: "Σ amount der gewonnenen Deals (Abschlussdatum im Zeitraum); es zählen nur Beträge in der gewählten Währung. Nicht definiert, wenn im Zeitraum kein Deal abgeschlossen wurde (gewonnen oder verloren) oder keiner der gewonnenen Deals einen Betrag hat. Gewonnene Deals ohne Betrag, ohne Abschlussdatum oder in einer anderen Währung werden ausgelassen und gezählt.",
                why: "Der Umsatz ist das zentrale Ergebnis: Jede andere Vertriebskennzahl wird daran gemessen, ob sie ihn bewegt. Sinkt er von einem Monat zum nächsten, ist das der Anlass, sich die Arbeitsweise des Teams genauer anzusehen.",
                watch: "Gezählt wird der Deal-Wert, wie ihn das CRM erfasst, ohne spätere Rabatte oder Retouren. Ein einzelner Großauftrag oder ein Endspurt zum Quartalsende bewegt ihn stärker als jeder Trend; lesen Sie ihn deshalb zusammen mit der Zahl der Abschlüsse und der durchschnittlichen Dealgröße.",
            },
        },
        KpiId::RevenueGrowth => KpiText {
            name: "Umsatzwachstum",
            needs: "Deals",
            explanation: Explanation {
                what: "Wie stark sich der Umsatz gegenüber dem vorherigen, gleich langen Zeitraum verändert hat.",
                formula: "(Umsatz des Zeitraums − Umsatz des Vorzeitraums) / Umsatz des Vorzeitraums. Der Vorzeitraum hat gleich viele Tage und endet am Tag vor Beginn des Zeitraums. Nicht definiert, wenn einer der beiden Umsätze nicht definiert ist oder der Umsatz des Vorzeitraums 0 beträgt.",
                why: "In den meisten Unternehmen bringt der Vertrieb den Großteil des Umsatzes; sein Wachstum ist daher ein verlässliches Zeichen dafür, ob das ganze Geschäft wächst. Wer es Zeitraum für Zeitraum verfolgt, erkennt die Richtung früh genug, um gegenzusteuern.",
                watch: "Kurze Zeiträume schwanken stark: Ein großer Deal oder ein Quartalsendspurt in einem der beiden Zeiträume lässt die Zahl springen. Prüfen Sie sie deshalb am Wachstum zum Vorjahr, das die Saison herausrechnet. Der Vorzeitraum wird in Tagen gezählt und deckt sich bei einem Kalendermonat nicht immer genau mit dem Vormonat.",
            },
        },
        KpiId::RevenueGrowthYoy => KpiText {
            name: "Umsatzwachstum zum Vorjahr",
            needs: "Deals",
            explanation: Explanation {
                what: "Wie stark sich der Umsatz gegenüber demselben Zeitraum ein Jahr zuvor verändert hat.",
                formula: "(Umsatz des Zeitraums − Umsatz desselben, um 12 Monate zurückversetzten Zeitraums) / dieser frühere Umsatz. Ein Zeitraum, der an einem Monatsende endet, entspricht dem Ende desselben Monats im Vorjahr (29. Feb. ↔ 28. Feb.). Nicht definiert, wenn einer der Umsätze nicht definiert ist oder der frühere Umsatz 0 beträgt.",
                why: "Der Vergleich mit denselben Monaten des Vorjahres nimmt das Saisonmuster heraus, das im Wachstum zum Vorzeitraum steckt, und zeigt den längeren Verlauf, auf dem Wachstumspläne und RevOps-Reviews aufbauen.",
                watch: "Sie brauchen mehr als ein Jahr Daten, sonst bleibt der Wert –. Haben sich zwischen den beiden Jahren Produkte, Preise oder die Art geändert, wie Deals im CRM erfasst werden, führt der Vergleich in die Irre, was auch immer die Zahl sagt.",
            },
        },
        KpiId::RevenueMix => KpiText {
            name: "Umsatzmix (Neugeschäft)",
            needs: "Deals (Spalte deal_type)",
            explanation: Explanation {
                what: "Wie sich der im Zeitraum gewonnene Umsatz auf Neugeschäft, Upsell und Verlängerungen verteilt; die Kennzahl selbst ist der Anteil des Neugeschäfts.",
                formula: "Umsatz der im Zeitraum gewonnenen Deals je Deal-Typ-Klasse / Umsatz der gewonnenen Deals, deren Typ neu, Upsell oder Verlängerung ist. Der kleingeschriebene deal_type wird klassifiziert: enthält er „renew“ → Verlängerung; sonst „upsell“, „up-sell“, „upgrade“, „expansion“, „cross“ oder „existing“ → Upsell; sonst „new“ → Neugeschäft. Nicht klassifizierte oder leere Typen werden ausgelassen und gezählt. Nicht definiert, wenn der Nenner 0 ist.",
                why: "So sehen Sie, woher der Umsatz wirklich kommt: von Erstkäufern, von Bestandskunden, die mehr oder ein besseres Paket kaufen, oder aus verlängerten Verträgen. Welchen Anteil Sie steigern, hängt vom Ziel ab: Verlängerungen, wenn Kunden nach einigen Monaten abspringen, Upsell, wenn mehr Cross-Selling das Ziel ist.",
                watch: "Die drei Anteile ergeben immer 100 %: Steigt einer, sinken die anderen, auch wenn deren Umsatz nicht geschrumpft ist. Lesen Sie also die Beträge, nicht nur die Anteile. Achten Sie auf die Zahl der nicht klassifizierten Deals; ist sie hoch, müssen die deal_type-Werte bereinigt werden.",
            },
        },
        KpiId::Mrr => KpiText {
            name: "MRR",
            needs: "Kunden (Spalte mrr)",
            explanation: Explanation {
                what: "Monatlich wiederkehrender Umsatz der Kunden, die am letzten Tag des Zeitraums aktiv sind.",
                formula: "Σ mrr der Kunden, deren Startdatum am oder vor dem letzten Tag des Zeitraums liegt und deren Enddatum leer ist oder nach diesem Tag liegt. Kunden ohne mrr-Wert werden ausgelassen und gezählt. Nicht definiert, wenn an diesem Tag kein Kunde aktiv ist.",
                why: "Für ein Abo-Geschäft ist er der Umsatz, mit dem das Unternehmen jeden Monat rechnen kann, bevor es etwas Neues verkauft; er wächst mit Neukunden und Upgrades und schrumpft durch Abwanderung und Downgrades.",
                watch: "Er ist eine Momentaufnahme an einem Tag, keine Summe über den Zeitraum: Ein längerer Zeitraum macht ihn nicht größer. Er stammt nur aus der Kundendatei: Einmalumsätze aus Deals fehlen darin, und die Filter nach Inhaber, Team und Region greifen nicht.",
            },
        },
        KpiId::Arr => KpiText {
            name: "ARR",
            needs: "Kunden (Spalte mrr)",
            explanation: Explanation {
                what: "Jährlich wiederkehrender Umsatz: der MRR am letzten Tag des Zeitraums, hochgerechnet auf ein Jahr.",
                formula: "12 × MRR, wobei MRR die Σ mrr der am letzten Tag des Zeitraums aktiven Kunden ist (Kunden ohne mrr werden ausgelassen). Nicht definiert, wenn der MRR nicht definiert ist.",
                why: "Mit dieser Jahreszahl planen und berichten Abo-Unternehmen. Ein Beispiel: 30 Kunden, die im Schnitt 10 Tsd. im Monat zahlen, ergeben einen MRR von 300 Tsd. und einen ARR von 3,6 Mio.",
                watch: "Der ARR ist eine Hochrechnung, keine Prognose: Er unterstellt, dass jeder heutige Kunde ein volles Jahr zum heutigen Preis bleibt; Abwanderung, Downgrades und Preisänderungen stecken nicht darin. Addieren Sie ihn nicht zum Umsatz aus Einmal-Deals.",
            },
        },
        KpiId::RevenuePerRep => KpiText {
            name: "Umsatz pro Vertriebsmitarbeiter",
            needs: "Deals (Spalte owner)",
            explanation: Explanation {
                what: "Der im Zeitraum gewonnene Umsatz je Vertriebsmitarbeiter, der darin Deals abgeschlossen hat, insgesamt und pro Team.",
                formula: "Umsatz / Anzahl verschiedener, nicht leerer Inhaber (owner) der im Zeitraum abgeschlossenen Deals (gewonnen oder verloren). Pro Team: Umsatz des Teams / verschiedene Inhaber in diesem Team. Nicht definiert, wenn der Umsatz nicht definiert ist oder kein im Zeitraum abgeschlossener Deal einen Inhaber hat.",
                why: "Er ist ein Kernmaß für die Produktivität des Vertriebs. Sichtbar auf dem Dashboard hält er Mitarbeiter und Teams am Ziel, und Führungskräfte erkennen früh, wenn ein Team oder ein Mitarbeiter zurückfällt, und können helfen, bevor das Quartal verloren ist.",
                watch: "Es zählen nur Inhaber mit einem abgeschlossenen Deal im Zeitraum; wer sich noch einarbeitet oder nichts abgeschlossen hat, steht nicht im Nenner. Vergleichen Sie Teams mit ähnlichen Deal-Typen und Gebieten: Ein Team mit großen Enterprise-Deals sieht pro Kopf besser aus als eines, das viele kleine Deals bearbeitet.",
            },
        },
        KpiId::DealsWon => KpiText {
            name: "Gewonnene Deals",
            needs: "Deals",
            explanation: Explanation {
                what: "Wie viele Deals im Zeitraum gewonnen wurden.",
                formula: "Anzahl der gewonnenen Deals mit Abschlussdatum im Zeitraum. Nicht definiert, wenn im Zeitraum kein Deal abgeschlossen wurde (gewonnen oder verloren); 0 Gewinne neben einigen Verlusten ist eine echte 0. Gewonnene Deals ohne Abschlussdatum werden ausgelassen und gezählt.",
                why: "Pläne rechnen in Abschlüssen: Ein Ziel von 800 Tsd. bei einem durchschnittlichen Deal von 10 Tsd. bedeutet 80 Abschlüsse. Die Zahl zeigt auch, ob der Umsatz von vielen oder von wenigen Kunden kommt.",
                watch: "Eine Anzahl verbirgt Größe und Mix: Mehr kleine Abschlüsse können einen Rückgang bei großen überdecken. Lesen Sie sie deshalb zusammen mit der durchschnittlichen Dealgröße.",
            },
        },
        KpiId::WinRate => KpiText {
            name: "Abschlussquote",
            needs: "Deals",
            explanation: Explanation {
                what: "Der Anteil der abgeschlossenen Deals, die gewonnen wurden (das Verhältnis der abgeschlossenen Geschäfte).",
                formula: "Im Zeitraum gewonnene Deals / im Zeitraum abgeschlossene Deals (gewonnen oder verloren). Offene Deals zählen nicht. Nicht definiert, wenn im Zeitraum kein Deal abgeschlossen wurde; abgeschlossene Deals ohne Abschlussdatum werden ausgelassen und gezählt.",
                why: "Sie zeigt, wie gut Vertriebsmitarbeiter die Verkaufschancen, die sie bearbeiten, in Kunden verwandeln. Nach Lead-Quelle und Mitarbeiter aufgeschlüsselt trennt sie ein Problem der Lead-Qualität von einem Problem im Verkauf.",
                watch: "Sie schwankt mit Saison und Markt, nicht nur mit dem Können, und der Schritt zu größeren Kunden senkt sie für eine Weile. Manche Berichte teilen durch alle Deals samt den offenen und kommen so auf einen niedrigeren Wert (48 % statt 63 % beim Maven-Beispiel): Vergleichen Sie Gleiches mit Gleichem, und zwar bei genügend abgeschlossenen Deals.",
            },
        },
        KpiId::AvgDealSize => KpiText {
            name: "Durchschnittliche Dealgröße",
            needs: "Deals",
            explanation: Explanation {
                what: "Der mittlere Betrag eines im Zeitraum gewonnenen Deals; daneben steht der Median.",
                formula: "Σ amount / Anzahl über die im Zeitraum gewonnenen Deals mit einem Betrag in der gewählten Währung. Gewonnene Deals ohne Betrag oder in einer anderen Währung werden ausgelassen und gezählt. Nicht definiert, wenn kein im Zeitraum gewonnener Deal einen Betrag hat.",
                why: "Monat für Monat betrachtet zeigt sie, ob Verträge größer oder kleiner werden, wie die Preisgestaltung ankommt und wie viele Deals das Ziel braucht. Sie sollte steigen, wenn das Team in das gehobene Marktsegment geht, und darf bewusst sinken, wenn es viele kleine Kunden gewinnen will.",
                watch: "Wenige sehr große Deals ziehen den Mittelwert nach oben: Liegen Mittelwert und Median weit auseinander, lesen Sie den Median. Ein Mitarbeiter weit unter dem Teamdurchschnitt jagt vielleicht kleine, leichte Deals oder gewährt zu viel Rabatt.",
            },
        },
        KpiId::SalesCycleDays => KpiText {
            name: "Länge des Verkaufszyklus",
            needs: "Deals",
            explanation: Explanation {
                what: "Wie viele Tage ein gewonnener Deal von der Anlage bis zum Abschluss brauchte; neben dem Mittelwert steht der Median.",
                formula: "Mittelwert von (Abschlussdatum − Erstellungsdatum) in Tagen über die im Zeitraum gewonnenen Deals. Deals ohne Erstellungsdatum und Deals, die vor ihrer Anlage abgeschlossen wurden (Datenfehler), werden ausgelassen und gezählt. Nicht definiert, wenn kein im Zeitraum gewonnener Deal brauchbare Daten hat.",
                why: "Wer weiß, wie lange Deals dauern, prognostiziert verlässlicher; ein länger werdender Zyklus warnt früh vor schlecht qualifizierten Leads oder noch unvorbereiteten Verkäufern. In langen Zyklen zeigt er auch, welche Phasen die meiste Zeit kosten.",
                watch: "Sie unterscheidet sich stark nach Lead-Quelle, Produkt und Mitarbeiter (und zwischen B2B und B2C): Segmentieren Sie, bevor Sie vergleichen. Gezählt wird ab dem Erstellungsdatum des Deals, nicht ab dem Erstkontakt; die Zahl ist daher kürzer als eine Spanne vom Lead bis zum Abschluss.",
            },
        },
        KpiId::PipelineValue => KpiText {
            name: "Pipeline-Wert",
            needs: "Deals",
            explanation: Explanation {
                what: "Der Wert der am letzten Tag des Zeitraums offenen Deals, je Phase.",
                formula: "Σ amount der am letzten Tag des Zeitraums offenen Deals: noch offene Deals (ohne die nach diesem Tag angelegten; offene Deals ohne Erstellungsdatum zählen mit) sowie bis zu diesem Tag angelegte Deals, die danach gewonnen oder verloren wurden, ausgewiesen als „(seitdem gewonnen oder verloren)“. Offene Deals ohne Betrag oder in einer anderen Währung fehlen im Wert und werden gezählt. Nicht definiert, wenn kein Deal offen ist oder keiner einen Betrag hat.",
                why: "Er ist der Umsatz, den das Team noch gewinnen kann: Am Ziel gemessen zeigt er, ob das Team auf Kurs ist, und Phase für Phase, wo Deals hängen bleiben.",
                watch: "Er zeigt nur das große Ganze: Koppeln Sie ihn mit den Ansichten je Phase, je Mitarbeiter und je Quelle, um Ursachen zu finden. Alte Deals, die niemand schließt, blähen ihn auf. Der Status wird so gelesen, wie er in der Datei steht; für einen vergangenen Zeitraum fehlen daher Deals, die seither abgeschlossen wurden.",
            },
        },
        KpiId::PipelineCount => KpiText {
            name: "Offene Deals",
            needs: "Deals",
            explanation: Explanation {
                what: "Wie viele Deals am letzten Tag des Zeitraums offen sind, je Phase.",
                formula: "Anzahl der am letzten Tag des Zeitraums offenen Deals: noch offene Deals (ohne die nach diesem Tag angelegten; offene Deals ohne Erstellungsdatum zählen mit) sowie bis zu diesem Tag angelegte Deals, die danach gewonnen oder verloren wurden. Deals ohne Phase und Status werden ausgelassen und gezählt. Null ist eine echte Anzahl (alles ist abgeschlossen).",
                why: "Die Zahl der Deals im Spiel bestimmt, wie viele Abschlüsse die kommenden Monate bringen können; ein Stau in einer Phase zeigt, wo Deals stocken.",
                watch: "Veraltete Deals, die niemand pflegt, blähen die Zahl auf. Über den Wert sagt eine Anzahl nichts: Lesen Sie sie zusammen mit dem Pipeline-Wert.",
            },
        },
        KpiId::PipelineCoverage => KpiText {
            name: "Pipeline-Abdeckung",
            needs: "Deals, Quoten",
            explanation: Explanation {
                what: "Wie oft die offene Pipeline die Quote des nächsten Zeitraums abdeckt.",
                formula: "Pipeline-Wert / Σ quota der Quotenzeilen, deren period_start im nächsten Zeitraum liegt (vom Tag nach dem letzten Tag des Zeitraums bis gleich viele Tage später). Nicht definiert, wenn diese Quotensumme 0 ist oder der Pipeline-Wert nicht definiert ist.",
                why: "Sie sagt vorab, ob genug im Spiel ist, um das nächste Ziel zu erreichen. Da nicht jeder offene Deal gewonnen wird, wollen Teams eine Abdeckung deutlich über 1; ein üblicher Maßstab ist 1 / Abschlussquote, also etwa 3× bei einer Abschlussquote von 33 %.",
                watch: "Jeder offene Deal zählt mit vollem Wert, gleich in welcher Phase und mit welchem erwarteten Abschlussdatum; veraltete und erst viel später schließende Deals blähen sie auf. Der nächste Zeitraum ist so lang wie der gewählte: Bei 12 gewählten Monaten müssen Quotenzeilen für die nächsten 12 Monate geladen sein.",
            },
        },
        KpiId::SalesVelocity => KpiText {
            name: "Verkaufsgeschwindigkeit",
            needs: "Deals",
            explanation: Explanation {
                what: "Der Umsatz pro Tag, zu dem die offene Pipeline bei heutiger Abschlussquote, Dealgröße und Zykluslänge voraussichtlich wird.",
                formula: "Offene Deals × Abschlussquote × durchschnittliche Dealgröße / Verkaufszyklus in Tagen, jeweils wie bei der eigenen Kennzahl definiert. Nicht definiert, wenn einer der vier Werte nicht definiert ist oder der Zyklus 0 Tage beträgt.",
                why: "Sie zeigt, wie schnell Deals durch die Pipeline zu Umsatz werden: Deals, die stocken oder kriechen, deuten auf einen fehlerhaften Prozess oder ein Team, das nicht umsetzt. Zudem sagt sie, wann der Umsatz aus der Pipeline zu erwarten ist, und macht Prognosen fundierter.",
                watch: "Sie mischt eine Momentaufnahme (offene Deals am letzten Tag) mit Strömen des Zeitraums (Abschlussquote, Dealgröße, Zyklus): Finden Sie heraus, welcher der vier Werte sich bewegt hat, bevor Sie auf eine Änderung reagieren. Veraltete offene Deals und wenige sehr große Deals blähen sie auf.",
            },
        },
        KpiId::FunnelConversion => KpiText {
            name: "Trichter-Konversion",
            needs: "Deals",
            explanation: Explanation {
                what: "Wie im Zeitraum angelegte Deals von Phase zu Phase bis zum Gewinn wandern; die Kennzahl ist der Anteil der gewonnenen.",
                formula: "Über im Zeitraum angelegte Deals mit bekanntem Status: erreicht(Phase) = Deals, deren weiteste Phase diese oder eine spätere ist. Ein offener Deal hat seine aktuelle Phase erreicht, ein gewonnener jede offene Phase, ein verlorener seine lost_stage, wenn diese Spalte zugeordnet ist und eine offene Phase nennt, sonst nur die erste Phase. Mit einem Phasenverlauf (Verlaufsdatei oder Spalten entered_<stage>) hat ein Deal zudem jede Phase erreicht, die er laut Verlauf betreten hat. Schrittkonversion = erreicht(nächste) / erreicht(diese), mit „gewonnen“ als letztem Schritt; Verlust = 1 − Konversion. Kennzahl = gewonnen / im Zeitraum angelegte Deals. Nicht definiert, wenn im Zeitraum kein Deal angelegt wurde oder keine offenen Phasen bekannt sind.",
                why: "Die Konversion je Phase zeigt, wo Interessenten am schnellsten abspringen. Stimmen etwa 40 % einem Gespräch zu, kommt die Hälfte davon in eine Testphase und kaufen am Ende nur 5 %, weist der steile letzte Schritt auf Verkaufsgeschick, Kundenerlebnis oder Verhandlung – dort lohnt sich Coaching.",
                watch: "Spät im Zeitraum angelegte Deals sind oft noch offen, deshalb sehen die jüngsten Zeiträume schlechter aus, bis diese Deals schließen. Ohne Spalte lost_stage zählt jeder verlorene Deal als in der ersten Phase verloren, sodass der ganze Schwund dort landet.",
            },
        },
        KpiId::ProductPerformance => KpiText {
            name: "Produktleistung (Anteil des Top-Produkts)",
            needs: "Deals (Spalte product)",
            explanation: Explanation {
                what: "Umsatz, Abschlüsse, Abschlussquote und Dealgröße je Produkt; die Kennzahl ist der Umsatzanteil des stärksten Produkts.",
                formula: "Je Produkt im Zeitraum: gewonnener Umsatz, gewonnene Deals, Abschlussquote (gewonnen / abgeschlossen), durchschnittliche Dealgröße und Umsatzanteil. Kennzahl = Umsatz des Top-Produkts / Gesamtumsatz aller Produkte. Nicht definiert, wenn diese Summe 0 ist. Braucht die Spalte product der Deals.",
                why: "Sie trennt die Gewinner von den Verlierern und wirft die Frage nach dem Warum auf: fehlende Schulung, ein Anreizsystem, das für ein Produkt mehr zahlt, oder Verkäufer, die Käufer zum Produkt lenken, das sich am leichtesten abschließen lässt.",
                watch: "Vergleichen Sie Produkte auf einer einheitlichen Grundlage, sonst lenken die Zahlen den Vertrieb auf die falschen Produkte. Eine virale Kampagne kann ein schwaches Produkt schönen, und ein günstiges Massenprodukt kann die meisten Abschlüsse haben und doch weniger einbringen als ein hochpreisiges: Lesen Sie Umsatz und Abschlussquote zusammen.",
            },
        },
        KpiId::DealSizeOutliers => KpiText {
            name: "Ausreißer bei der Dealgröße",
            needs: "Deals (Spalte owner)",
            explanation: Explanation {
                what: "Deals, die viel größer sind als das, was ihr Inhaber üblicherweise gewinnt; die Kennzahl ist ihre Anzahl.",
                formula: "Kandidaten sind die im Zeitraum gewonnenen und die am letzten Tag des Zeitraums offenen Deals. Der Median eines Inhabers ist der Median der Beträge seiner im Zeitraum gewonnenen Deals mit Betrag und braucht mindestens 3 solche Deals. Ein Deal ist ein Ausreißer, wenn sein Betrag mehr als 4 × den Median seines Inhabers ausmacht. Nicht definiert, wenn kein Inhaber 3 gewonnene Deals im Zeitraum hat.",
                why: "Ein Deal, der ein Vielfaches der üblichen Größe eines Verkäufers hat, ist ein Risiko: Er wird seltener gewonnen und dauert länger. Ist er markiert, kann die Führungskraft prüfen, ob die übrigen Deals des Verkäufers solide sind und er nicht das ganze Ziel auf einen einzigen Deal setzt.",
                watch: "Inhaber mit weniger als 3 gewonnenen Deals im Zeitraum werden nicht geprüft, große Deals neuer Mitarbeiter tauchen also nicht auf. Ein großer gewonnener Ausreißer verzerrt auch Umsatz und durchschnittliche Dealgröße, ein großer offener den Pipeline-Wert und die Abdeckung.",
            },
        },
        KpiId::ForecastAccuracy => KpiText {
            name: "Prognosegenauigkeit",
            needs: "Deals, Prognosen",
            explanation: Explanation {
                what: "Wie nah die Prognosen am tatsächlich gewonnenen Umsatz lagen.",
                formula: "Prognosezeilen, deren Zeitraum innerhalb des Zeitraums liegt (Beginn am oder nach seinem ersten Tag, Ende am oder vor seinem letzten Tag; ein fehlendes Ende bedeutet das Ende des Monats, in dem der Beginn liegt), werden je Prognosezeitraum gruppiert: F = Σ forecast, A = in diesem Prognosezeitraum gewonnener Umsatz. Genauigkeit = max(0, 1 − |A − F| / A); Kennzahl = Mittelwert über die Prognosezeiträume; je Inhaber, wenn die Prognosen Inhaber haben. Prognosezeiträume mit A = 0 werden ausgelassen und gezählt. Nicht definiert, wenn kein Prognosezeitraum A > 0 hat.",
                why: "Verlässliche Prognosen erlauben es dem Unternehmen, Ausgaben für Großkunden fest zuzusagen und bei schnellem Wachstum Investitionen zu planen, und sie geben RevOps eine Grundlage, den Gesamtumsatz vorherzusagen.",
                watch: "Ein genauer Zeitraum sagt wenig über den nächsten: Aussagekraft hat der Wert erst, wenn genug Historie zeigt, wie genau die Prognosen über die Zeit sind. Bauen Sie diesen Maßstab auf, bevor Sie sich darauf stützen, und verlassen Sie sich nie allein darauf. Zu hohe und zu niedrige Prognosen zählen gleich, und eine Abweichung von 100 % oder mehr ergibt 0 %.",
            },
        },
        KpiId::QuotaAttainment => KpiText {
            name: "Mitarbeiter mit erreichter Quote",
            needs: "Deals (Spalte owner), Quoten",
            explanation: Explanation {
                what: "Der Anteil der Vertriebsmitarbeiter, die im Zeitraum ihre Quote erreicht haben; die Tabelle zeigt die Zielerreichung jedes Einzelnen.",
                formula: "Quotenzeilen innerhalb des Zeitraums (gleiche Regel wie bei Prognosen) werden je Inhaber summiert; Zielerreichung = im Zeitraum gewonnener Umsatz des Inhabers / seine Σ quota. Inhaber mit einer Σ quota von 0 oder weniger werden ausgelassen. Kennzahl = Anteil der Inhaber mit Zielerreichung ≥ 100 %. Nicht definiert, wenn kein Inhaber im Zeitraum eine Quote hat.",
                why: "Sie zeigt, ob die Ziele auf der richtigen Höhe liegen. Sie prüft die Zielsetzung ebenso wie die Mitarbeiter.",
                watch: "Halten Sie den Anteil gegen die Marken 60 % und 90 %: Unter 60 % sind die Ziele womöglich unrealistisch (oder Einstellung, Coaching und Vergütung gehören auf den Prüfstand); über 90 % sind sie wahrscheinlich zu leicht, und die Art der Zielsetzung sollte überdacht werden. Eine Quotenzeile zählt nur, wenn ihr ganzer Zeitraum im gewählten Zeitraum liegt, und die Inhabernamen müssen denen der Deals entsprechen.",
            },
        },
        KpiId::LeadsNeeded => KpiText {
            name: "Benötigte Leads",
            needs: "Deals, Leads (und Quoten oder ein Ziel)",
            explanation: Explanation {
                what: "Wie viele Leads das Ziel bei heutiger Dealgröße und Lead-Konversionsrate erfordert.",
                formula: "Ziel / durchschnittliche Dealgröße / Lead-Konversionsrate; daneben stehen die benötigten Abschlüsse = Ziel / durchschnittliche Dealgröße. Das Ziel ist die Zahl, die Sie eingeben, sonst die Σ quota der Quotenzeilen innerhalb des Zeitraums. Nicht definiert, wenn ein Teil nicht definiert oder 0 ist.",
                why: "Sie übersetzt ein Umsatzziel in Arbeit für Marketing und Vertrieb: Ein Ziel von 800 Mio. bei einem durchschnittlichen Deal von 10 Mio. braucht 80 Abschlüsse, und bei einer Lead-Konversionsrate von 10 % heißt das 800 Leads.",
                watch: "Sie unterstellt, dass neue Leads so konvertieren und so groß sind wie frühere; eine Änderung bei Lead-Quellen oder Markt bewegt beides. Noch laufende junge Leads drücken die Konversionsrate und treiben den Bedarf nach oben. Leads müssen etwa einen Verkaufszyklus vor dem fälligen Umsatz eingehen.",
            },
        },
        KpiId::LeadsCreated => KpiText {
            name: "Neue Leads",
            needs: "Leads",
            explanation: Explanation {
                what: "Wie viele Leads im Zeitraum eingegangen sind.",
                formula: "Anzahl der Leads mit einem Erstellungsdatum im Zeitraum. Nicht definiert, wenn sie 0 ist.",
                why: "Sie ist der Anfang des Trichters: Alles Weitere hängt davon ab. Den benötigten Leads gegenübergestellt zeigt sie früh, ob das Ziel mit dem heutigen Zustrom erreichbar ist.",
                watch: "Menge ist nicht Qualität: Lesen Sie sie mit den qualifizierten Leads und dem Lead-to-Opportunity-Verhältnis. Dubletten und massenhaft importierte Listen blähen sie auf.",
            },
        },
        KpiId::QualifiedLeads => KpiText {
            name: "Qualifizierte Leads",
            needs: "Leads (Spalte qualified_at oder qualified)",
            explanation: Explanation {
                what: "Wie viele Leads im Zeitraum qualifiziert wurden.",
                formula: "Mit einer Spalte qualified_at: Leads, deren Qualifizierungsdatum im Zeitraum liegt. Ohne sie: im Zeitraum angelegte Leads mit qualified = ja. Nicht definiert, wenn im Zeitraum kein Lead angelegt und keiner qualifiziert wurde.",
                why: "Verkäufer verlieren viel Zeit mit Leads, die nie qualifiziert wurden. Die Zahl zeigt, ob die Lead-Generierung, meist gemeinsam mit dem Marketing betrieben, echte Interessenten bringt, wie die qualifizierte Warteschlange auf die Mitarbeiter zu verteilen ist und ob zusätzliche eingestellt werden sollten.",
                watch: "Sie hängt von den Scoring- und Qualifizierungsregeln ab: Ändern sich die Regeln, bewegt sie sich ohne jede Änderung der Nachfrage. Mit qualified_at zählt ein Lead dann, wenn er qualifiziert wurde, womöglich nach dem Zeitraum seiner Anlage; teilen Sie die Zahl daher nicht durch die neuen Leads.",
            },
        },
        KpiId::LeadToOpportunity => KpiText {
            name: "Lead-to-Opportunity-Verhältnis",
            needs: "Leads",
            explanation: Explanation {
                what: "Der Anteil der neuen Leads, aus denen eine Verkaufschance (Opportunity) wurde.",
                formula: "Im Zeitraum angelegte Leads, die qualifiziert sind (Qualifizierungsdatum vorhanden oder qualified = ja) oder mit einem Deal verknüpft sind (deal_id nicht leer) / im Zeitraum angelegte Leads. Nicht definiert, wenn im Zeitraum kein Lead angelegt wurde.",
                why: "Wo Sales Ops bei der Qualifizierung der Leads hilft, misst dieses Verhältnis genau diese Arbeit. Liegt es weit unter dem Ziel, deutet das auf die Lead-Qualität und ist ein Anlass zu prüfen, ob Marketing und Vertrieb dasselbe unter einem guten Lead verstehen.",
                watch: "Finden Sie die Ursache, bevor Sie mit dem Finger auf jemanden zeigen: Schlechte Leads sind schnell dem Marketing angelastet, doch vielleicht qualifiziert der Vertrieb gute Leads nicht. Leads aus den letzten Tagen des Zeitraums hatten kaum Zeit, sich zu qualifizieren.",
            },
        },
        KpiId::LeadConversionRate => KpiText {
            name: "Lead-Konversionsrate",
            needs: "Leads (Spalte deal_id), Deals",
            explanation: Explanation {
                what: "Der Anteil der neuen Leads, die in einem gewonnenen Deal endeten.",
                formula: "Im Zeitraum angelegte Leads, deren deal_id einen Deal mit dem Status gewonnen nennt (abgeschlossen an einem beliebigen Datum) / im Zeitraum angelegte Leads. Der verknüpfte Deal wird unter allen Deals gesucht, ohne die Filter. Nicht definiert, wenn im Zeitraum kein Lead angelegt wurde.",
                why: "Sie ist eine der einfachsten Prüfungen des ganzen Prozesses vom Lead bis zum Abschluss und damit dafür, ob die Vertriebsstrategie stimmt und das Team wirksam arbeitet: 500 Leads im Monat, von denen 50 kaufen, ergeben 10 %. Mit dieser Rate wird auch aus einem Ziel die Zahl der benötigten Leads.",
                watch: "Was eine gute Rate ist, hängt stark von Branche und Geschäftsmodell ab; messen Sie sich an Ihrer eigenen Historie. Junge Leads hatten noch keine Zeit zum Abschluss, daher sehen die letzten Zeiträume niedrig aus, bis ihre Deals gewonnen sind.",
            },
        },
        KpiId::LeadResponseTime => KpiText {
            name: "Lead-Reaktionszeit",
            needs: "Leads (Spalte first_contact_at)",
            explanation: Explanation {
                what: "Wie viele Minuten es bis zum ersten Kontakt mit einem neuen Lead dauert (Median).",
                formula: "Minuten von created_at bis first_contact_at, auf den vollen Zeitstempeln mit Zeitzonen, über im Zeitraum angelegte Leads, die beide haben; negative Abstände werden ausgelassen und gezählt. Kennzahl = Median; daneben stehen der Mittelwert und der Anteil der innerhalb von 5 Minuten (300 Sekunden oder weniger) kontaktierten, mit einer Tabelle je Inhaber. Nicht definiert, wenn kein Lead kontaktiert wurde.",
                why: "Tempo gehört zu den stärksten Hebeln, um aus einem Lead einen Abschluss zu machen: Die Kontaktquote fällt nach den ersten 5 Minuten deutlich, und die Chance, einen Lead zu qualifizieren, sinkt zwischen 5 und 30 Minuten etwa um das 21-Fache. Wer die Zahl verfolgt, hält dem Team außerdem bewusst, dass schnelle Antworten zählen.",
                watch: "Schauen Sie auf die einzelnen Mitarbeiter, nicht nur auf den Wert des Unternehmens: Die Reaktionszeit ist sehr individuell, und jeder fällt aus anderen Gründen zurück; die Tabelle je Inhaber hilft, diese Gründe zu finden. Nie kontaktierte Leads fehlen ganz; vergleichen Sie also die Zahl der kontaktierten mit den neuen Leads.",
            },
        },
        KpiId::TouchpointsToMeeting => KpiText {
            name: "Touchpoints bis zum ersten Meeting",
            needs: "Leads, Aktivitäten",
            explanation: Explanation {
                what: "Die durchschnittliche Zahl der Berührungspunkte, die es braucht, um ein erstes Meeting mit einem Lead zu vereinbaren.",
                formula: "Über im Zeitraum angelegte Leads: Der Wert eines Leads ist seine Zelle touchpoints_to_meeting, wenn vorhanden, sonst (Aktivitäten mit lead_id geladen) die Zahl seiner Aktivitäten, die strikt vor dem Datum seiner ersten Aktivität vom Typ Meeting liegen, für Leads, die eine haben. Kennzahl = Mittelwert. Nicht definiert, wenn kein Lead einen Wert hat.",
                why: "Sie hilft Vertrieb und Marketing gleichermaßen: Sie zeigt, wie gut die Materialien Menschen zu einem Gespräch führen und wie gut Verkäufer das erste Meeting oder den ersten Verkaufsanruf vereinbaren.",
                watch: "Sie zählt für B2B und Produkte mit langem Verkaufszyklus und kaum für kleine, schnelle Verkäufe. Übernimmt das Marketing das ganze Aufwärmen und bucht der Verkäufer nur noch den Termin, misst die Zahl das Marketing, nicht den Vertrieb. Leads, die nie ein Meeting hatten, sind nicht enthalten.",
            },
        },
        KpiId::ActivityVolume => KpiText {
            name: "Aktivitätsvolumen",
            needs: "Aktivitäten",
            explanation: Explanation {
                what: "Wie viele Vertriebsaktivitäten (Anrufe, E-Mails, Meetings, Demos) im Zeitraum erfasst wurden.",
                formula: "Anzahl der im Zeitraum datierten Aktivitäten, je Typklasse, je Inhaber und je Woche. Der Typ wird in dieser Reihenfolge klassifiziert: enthält er „meet“, „termin“, „spotkanie“ oder „会议“ → Meeting; „demo“, „präsentation“, „prezentacja“ oder „演示“ → Demo; „call“, „phone“, „anruf“, „telefon“ oder „电话“ → Anruf; „mail“ oder „邮件“ → E-Mail; sonst Sonstiges. Nicht definiert, wenn die Anzahl 0 ist.",
                why: "Damit verfolgen Führungskräfte die Produktivität Tag für Tag und sehen, wie gut das Team den Verkaufsprozess umsetzt, bei Bedarf bis zum einzelnen Mitarbeiter. Legen Sie fest, welche Aktivitäten in Ihrem Prozess am meisten zählen, und beobachten Sie diese.",
                watch: "Aktivität ist Aufwand, kein Ergebnis: Mehr Anrufe heißen nicht mehr Abschlüsse, lesen Sie die Zahl deshalb mit der Konversion. Gezählt wird nur, was erfasst ist; automatisch protokollierte E-Mails blähen sie auf, und wer wenig einträgt, wirkt untätig.",
            },
        },
        KpiId::NewCustomers => KpiText {
            name: "Neukunden",
            needs: "Kunden (oder Deals mit deal_type)",
            explanation: Explanation {
                what: "Wie viele neue Kunden im Zeitraum begonnen haben.",
                formula: "Kunden mit einem Startdatum im Zeitraum. Ohne Kundendatei: im Zeitraum gewonnene Deals, deren Deal-Typ als neu klassifiziert ist (braucht die Spalte deal_type). Nicht definiert, wenn die Anzahl 0 ist.",
                why: "Sie ist das Wachstum des Kundenstamms und der Nenner der CAC und verbindet so den Vertriebsaufwand mit dem, was die Kundengewinnung kostet.",
                watch: "Die beiden Quellen unterscheiden sich: Ein „neuer“ Deal kann ein neuer Vertrag mit einem Bestandskunden sein, und ein zurückkehrender Kunde erhält womöglich ein neues Startdatum. Kunden haben weder Inhaber noch Team noch Region, deshalb greifen die Filter bei ihnen nicht.",
            },
        },
        KpiId::ChurnRate => KpiText {
            name: "Kundenabwanderungsrate",
            needs: "Kunden (Spalte end_date)",
            explanation: Explanation {
                what: "Der Anteil der Kunden, die im Zeitraum verloren gingen, gemessen an den zu seinem Beginn aktiven.",
                formula: "Von den am Tag vor Beginn des Zeitraums aktiven Kunden (Startdatum an oder vor diesem Tag und kein Enddatum oder ein späteres) der Anteil, dessen Enddatum im Zeitraum liegt. Kunden, die innerhalb des Zeitraums beginnen und enden, gehören nicht zu dieser Basis und zählen nicht, daher bleibt die Rate zwischen 0 und 100 %. Nicht definiert, wenn an diesem Tag kein Kunde aktiv war.",
                why: "Hohe Abwanderung, vor allem kurz nach Vertragsschluss, kann auf ein Problem im Vertrieb hindeuten: Verkäufer versprechen zu viel, um abzuschließen, und Kunden gehen, sobald sie merken, was sie tatsächlich gekauft haben. Kunden zu halten ist zudem einer der günstigsten Wege, den Gewinn zu steigern.",
                watch: "Sofern der Vertrieb nicht auch für die Kundenbindung zuständig ist, ist sein Aufwand bei anderen KPIs meist besser eingesetzt. Die Rate wächst mit der Länge des Zeitraums; vergleichen Sie also gleich lange Zeiträume. Kunden, die innerhalb des Zeitraums beginnen und wieder gehen, fehlen in der Rate.",
            },
        },
        KpiId::RetentionRate => KpiText {
            name: "Kundenbindungsrate",
            needs: "Kunden (Spalte end_date)",
            explanation: Explanation {
                what: "Der Anteil der Kunden, die über den Zeitraum gehalten wurden, mit einer Kohortentabelle nach Startmonat.",
                formula: "1 − Abwanderungsrate. Kohortentabelle: Kunden gruppiert nach Startmonat (Monate, die sich mit dem Zeitraum überschneiden); für k = 0, 1, … der Anteil einer Kohorte, der am letzten Tag des k-ten Monats nach ihrem Startmonat noch aktiv ist (kein Enddatum oder ein späteres), solange dieser Tag nicht nach dem letzten Tag des Zeitraums liegt.",
                why: "Kundenbindung und Abwanderung sind zwei Seiten derselben Medaille. Sie zählen für jedes Unternehmen und am meisten für Abo-Modelle, deren Umsatz davon abhängt, dass Kunden Monat für Monat verlängern.",
                watch: "Die Kennzahl hat dieselben Grenzen wie die Abwanderungsrate. In der Kohortentabelle haben die jüngsten Kohorten erst wenige Monate, und kleine Kohorten schwanken mit jedem Kunden, der geht.",
            },
        },
        KpiId::Cac => KpiText {
            name: "Kundengewinnungskosten (CAC)",
            needs: "Ausgaben, Kunden (oder Deals)",
            explanation: Explanation {
                what: "Die durchschnittlichen Vertriebs- und Marketingausgaben, die es kostet, einen neuen Kunden zu gewinnen.",
                formula: "Σ spend mit Datum im Zeitraum und Kategorie marketing, sales oder leer / Neukunden im Zeitraum. Ausgaben anderer Kategorien werden ausgelassen und gezählt; die Aufschlüsselung erfolgt je Kategorie. Nicht definiert, wenn die Neukunden nicht definiert oder 0 sind.",
                why: "Sie ist eine Kernzahl der Unit Economics: Sie zeigt, ob sich der Verkauf rechnet, wie weit das Geschäft von der Gewinnschwelle entfernt ist und wo sich Kosten senken lassen. Aus dem Ruder laufende Gewinnungskosten gehören zu den häufigsten Gründen, warum junge Unternehmen scheitern.",
                watch: "Messen Sie sie nicht nur am Produktpreis: Eine CAC nahe am durchschnittlichen Bestellwert (AOV) kann sich trotzdem rechnen, wenn der CLV darüber liegt. Sie schwankt und unterscheidet sich je Branche; lesen Sie sie daher über lange Zeiträume und bedenken Sie, dass Ausgaben Kunden oft erst ein oder zwei Zeiträume später bringen.",
            },
        },
        KpiId::Clv => KpiText {
            name: "Customer Lifetime Value (CLV)",
            needs: "Kunden (Spalten mrr und end_date) oder Deals (Spalte account)",
            explanation: Explanation {
                what: "Wie viel ein Kunde über die gesamte Geschäftsbeziehung im Durchschnitt einbringt.",
                formula: "Mit Kunden: ARPA × Bruttomarge / monatliche Abwanderung, wobei ARPA = MRR / aktive Kunden mit mrr am letzten Tag des Zeitraums und monatliche Abwanderung = mittlere Abwanderungsrate der Kalendermonate, die sich mit dem Zeitraum überschneiden, jeweils auf den Zeitraum beschnitten (Monate ohne definierte Abwanderung werden übersprungen). Die Bruttomarge ist eine Einstellung, standardmäßig 100 %. Nicht definiert, wenn die monatliche Abwanderung 0 oder nicht definiert ist. Ohne Kunden: Σ amount der gewonnenen Deals mit Abschluss am oder vor dem letzten Tag des Zeitraums / verschiedene Accounts dieser Deals (braucht die Spalte account).",
                why: "Neben die CAC gestellt zeigt er, was jeder Kunde nach den Kosten seiner Gewinnung wert ist. Er zeigt auch, wo sich Vertriebsaufwand am meisten lohnt: bei den Produkten und Kundensegmenten, die über die Zeit den meisten Umsatz bringen.",
                watch: "Bei einem kleinen Kundenstamm ist er unzuverlässig, weil wenige Ausreißer ihn verzerren, und ein Monat fast ohne Abwanderung lässt ihn explodieren. Für sich genommen ist er eher eine RevOps-Zahl; für den Vertrieb taugt er neben der CAC oder dem durchschnittlichen Bestellwert. Mit der Standardmarge von 100 % ist er Umsatz, nicht Gewinn.",
            },
        },
        KpiId::ClvCacRatio => KpiText {
            name: "CLV : CAC",
            needs: "wie CLV und CAC",
            explanation: Explanation {
                what: "Wie oft der Lifetime Value eines Kunden die Kosten seiner Gewinnung deckt.",
                formula: "CLV / CAC, jeweils wie bei der eigenen Kennzahl definiert. Nicht definiert, wenn einer der beiden Werte nicht definiert ist oder die CAC 0 beträgt.",
                why: "Sie beantwortet, ob sich die Ausgaben für die Kundengewinnung auszahlen: Unter 1 verliert jeder neue Kunde Geld, und viele Teams streben etwa 3 an, bevor sie mehr in Wachstum stecken.",
                watch: "Sie erbt die Schwächen beider Teile: Der CLV wackelt bei kleinem Kundenstamm, und die CAC schwankt. Kunden und Ausgaben werden nicht nach Inhaber, Team oder Region gefiltert; ein Segmentfilter ergibt also kein Verhältnis je Segment.",
            },
        },
        KpiId::PipelineChange => KpiText {
            name: "Pipeline-Veränderung",
            needs: "Deals und früherer Deal-Export",
            explanation: Explanation {
                what: "Um wie viel die offene Pipeline zwischen einem früheren Export der Deals und dem aktuellen gewachsen oder geschrumpft ist, aufgeschlüsselt nach dem, was sie bewegt hat.",
                formula: "Ende − Start: Start = Σ Betrag der im früheren Export offenen Deals, Ende = Σ Betrag der im späteren Export offenen Deals (in Cent summiert). Jeder Deal, der in einem der beiden Exporte offen ist, fällt in genau einen Balken, in dieser Reihenfolge geprüft: gewonnen, verloren (oder im späteren Export nicht mehr vorhanden), pushed_out (verschoben), neu, pulled_in (vorgezogen); ein in beiden offener Deal trägt max(0, amount_b − amount_a) zur Erhöhung und max(0, amount_a − amount_b) zur Senkung bei, sodass Start + Neu + pulled_in + Erhöhung − Senkung − pushed_out − Gewonnen − Verloren = Ende. Das Datum jedes Exports wird aus seinen Daten gelesen (spätestes Erstellungs- oder Abschlussdatum eines abgeschlossenen Deals), sofern Sie es nicht eingeben. Definiert, wenn das Datum des späteren Exports im Zeitraum liegt.",
                why: "Im Montagsmeeting zählt nicht, wie groß die Pipeline ist, sondern was sich seit letzter Woche geändert hat und warum. Die Balken trennen gesunde Bewegung (gewonnene Deals, neue Deals) von Warnsignalen (verschobene Deals, gekürzte Beträge, verlorene Deals), damit Sie wissen, über welche Deals zuerst zu sprechen ist.",
                watch: "Beide Dateien müssen Exporte derselben Deals mit denselben Deal-IDs sein: Ein im früheren Export fehlender Deal zählt als neu, ein im späteren fehlender als verloren. Vergleichen Sie Exporte in einer Währung und lesen Sie die Balken, nicht nur die Kennzahl: Eine unveränderte Pipeline kann große Abschlüsse verbergen, die durch ebenso große neue Deals ausgeglichen wurden.",
            },
        },
        KpiId::SlippedDeals => KpiText {
            name: "Verschobene Deals",
            needs: "Deals und früherer Deal-Export, oder Phasenverlauf mit close_date",
            explanation: Explanation {
                what: "Wie viele offene Deals ihr erwartetes Abschlussdatum nach hinten verschoben haben, und um wie viele Tage im Schnitt.",
                formula: "Mit zwei Exporten: Anzahl der in beiden Exporten offenen Deals (in einem davon im Betrachtungsumfang), deren close_date im späteren Export nach dem im früheren liegt; daneben die mittlere Verschiebung in Tagen. Definiert, wenn das Datum des späteren Exports im Zeitraum liegt. Ohne früheren Export aus dem Phasenverlauf: Anzahl der Deals mit mindestens einer im Zeitraum datierten Änderung, deren close_date später ist als das vorherige (eine Zeile ohne close_date behält das zuletzt bekannte); daneben die mittlere Verschiebung in Tagen je Deal.",
                why: "Ein Deal, dessen Abschlussdatum immer wieder wandert, ist ein Deal, zu dem sich der Käufer nicht bekannt hat. Verschobene Deals sind das Erste, was im Forecast-Call hinterfragt werden sollte: Sie blähen die Prognose dieses Quartals auf und werden still zum Problem des nächsten.",
                watch: "Ein vorgezogenes Datum zählt nicht, und ein zweimal verschobenes Datum zählt mit zwei Exporten nur einmal (der Verlauf zählt den Deal ebenfalls einmal). Manche CRMs setzen Abschlussdaten zum Quartalsende massenhaft zurück, dann wirkt jeder Deal verschoben; lesen Sie die Tage neben der Anzahl.",
            },
        },
        KpiId::TimeInStage => KpiText {
            name: "Verweildauer in der Phase",
            needs: "Phasenverlauf oder Deals mit Spalten entered_<stage>",
            explanation: Explanation {
                what: "Wie lange Deals in jeder Phase bleiben, bevor es weitergeht: Median und 90. Perzentil je Phase; die Kennzahl addiert die Mediane der offenen Phasen.",
                formula: "Ein Aufenthalt reicht von der ersten Änderung eines Deals in eine Phase bis zur nächsten Änderung in eine andere Phase (aufeinanderfolgende Zeilen derselben Phase bilden einen Aufenthalt). Über die im Zeitraum beendeten Aufenthalte: je Phase Median und 90. Perzentil ihrer Tage (lineare Interpolation wie PERZENTIL.INKL in Excel). Der letzte Aufenthalt eines Deals ist nicht beendet und zählt nicht. Kennzahl = Σ der Mediane der offenen Phasen. Nicht definiert, wenn im Zeitraum kein Aufenthalt in einer offenen Phase endete.",
                why: "Die gesamte Zykluslänge sagt, dass Deals langsam sind; die Verweildauer sagt, wo. Eine Phase, deren Median wächst, ist die Stelle, an der Deals auf den nächsten Schritt warten, und dort verkürzen Hilfe der Führungskraft oder ein besserer Prozess den Zyklus.",
                watch: "Die Spalten entered_<stage> halten nur den letzten Eintritt in jede Phase fest; ein Deal, der vor und zurück ging, zeigt also nur seinen letzten Durchlauf. Phasen, die wenige Deals durchlaufen, ergeben wacklige Mediane; lesen Sie die Zahl der Aufenthalte daneben. Deals, die noch in einer Phase stehen, fließen erst ein, wenn sie sie verlassen.",
            },
        },
        KpiId::StageConversion => KpiText {
            name: "Phasenübergänge",
            needs: "Phasenverlauf oder Deals mit Spalten entered_<stage>",
            explanation: Explanation {
                what: "Wohin Deals aus jeder Phase gegangen sind: eine Tabelle von Ausgangs- × Zielphase der Übergänge im Zeitraum, Rückschritte eingeschlossen; die Kennzahl ist die Zahl der Übergänge.",
                formula: "Ein Übergang ist das Ende eines Aufenthalts in einer Phase und der Beginn des nächsten Aufenthalts desselben Deals in einer anderen Phase, datiert auf den Tag der Änderung. Über die im Zeitraum datierten Übergänge: Anzahl je (Ausgangsphase, Zielphase) und ihr Anteil an allen Übergängen aus der Ausgangsphase. Ein Übergang in eine frühere offene Phase ist ein Rückschritt (daneben gezählt). Kennzahl = Zahl der Übergänge im Zeitraum.",
                why: "Der Trichter zeigt, wie viele Deals jede Phase erreichen; die Übergänge zeigen ihre Wege: welche Phase Deals direkt an „verloren“ abgibt, wo Deals einen Schritt überspringen und wie viele in eine frühere Phase zurückfallen, ein Zeichen für zu schnelle Qualifizierung.",
                watch: "Die Spalten entered_<stage> halten nur den letzten Eintritt je Phase fest, ohne vollständige Verlaufstabelle werden Rückschritte also zu selten gezählt. Eine im CRM umbenannte Phase erscheint als zwei Zeilen. Wenige Übergänge ergeben wacklige Anteile.",
            },
        },
        KpiId::StalledDeals => KpiText {
            name: "Festgefahrene Deals",
            needs: "Phasenverlauf oder Deals mit Spalten entered_<stage>",
            explanation: Explanation {
                what: "Offene Deals, die schon länger in ihrer aktuellen Phase stehen, als die meisten Deals dort bleiben.",
                formula: "Am letzten Tag des Zeitraums: die Deals, deren letzte Änderung bis dahin sie in eine offene Phase gebracht hat und deren bisherige Tage darin das 90. Perzentil der beendeten Aufenthalte dieser Phase übersteigen (bis zu diesem Tag beendet, dieselben Deals). Deals in einer Phase, die noch kein Deal verlassen hat, lassen sich nicht beurteilen und zählen nicht; nicht definiert, wenn sich kein offener Deal beurteilen lässt.",
                why: "Ein Deal, der weit länger als üblich in einer Phase steht, schließt selten wie geplant. Die Liste ist die Kurzliste für das nächste Pipeline-Review: mit einem klaren nächsten Schritt wiederbeleben oder als verloren schließen, damit die Prognose ehrlich bleibt.",
                watch: "Die Schwelle ist relativ: Sind alle Deals einer Phase langsam, gelten wenige als festgefahren. Eine Phase mit nur einer Handvoll beendeter Aufenthalte ergibt ein wackliges 90. Perzentil. Änderungen ohne Phasenwechsel (ein neuer Betrag) verlängern denselben Aufenthalt.",
            },
        },
        KpiId::WeightedPipeline => KpiText {
            name: "Gewichtete Pipeline",
            needs: "Deals (Spalte probability, sonst Standardwerte je Phase)",
            explanation: Explanation {
                what: "Die offene Pipeline am letzten Tag des Zeitraums, jeder Deal mit seiner Abschlusswahrscheinlichkeit gewichtet.",
                formula: "Σ Betrag × Wahrscheinlichkeit über die Deals von pipeline_value, die noch offen sind (am letzten Tag des Zeitraums offen und bis dahin erstellt). Die Wahrscheinlichkeit ist die eigene Spalte probability des Deals (als 0..1 gelesen, als 0..100, wenn ein Wert über 1 liegt), sonst der Standardwert seiner Phase: Bei k offenen Phasen in Pipeline-Reihenfolge erhält Phase i (1..k) den Wert i / (k + 1). Deals, die an diesem Tag offen waren und seitdem gewonnen oder verloren wurden, werden ausgelassen (ihre damalige Wahrscheinlichkeit ist unbekannt), ebenso Deals ohne Betrag oder in anderer Währung. Nicht definiert, wenn kein offener Deal einen Betrag hat.",
                why: "Eine Pipeline aus frühen Deals ist weniger wert als derselbe Betrag in der Verhandlungsphase. Die Gewichtung macht aus der Pipeline einen groben Erwartungswert, eine bessere Grundlage für die Prognose und für die Frage, ob die Abdeckung wirklich reicht.",
                watch: "Das Ergebnis ist nur so gut wie die Wahrscheinlichkeiten: Die Prozentangaben der Vertriebsmitarbeiter sind oft optimistisch, und Standardwerte je Phase kennen nichts außer der Phase. Es ist ein Erwartungswert über viele Deals, kein Versprechen für einen einzelnen; bei wenigen großen Deals weicht das tatsächliche Ergebnis stark davon ab.",
            },
        },
        KpiId::ForecastCommit => KpiText {
            name: "Commit-Prognose",
            needs: "Deals (Spalte forecast_category, sonst Standardwerte je Phase)",
            explanation: Explanation {
                what: "Womit das Team im Zeitraum fest rechnen kann: bereits gewonnener Umsatz plus die offenen Deals, die fest zugesagt im Zeitraum schließen sollen.",
                formula: "Im Zeitraum gewonnener Umsatz + Σ Betrag der offenen Deals in der Kategorie Commit (oder Closed), deren erwartetes close_date im Zeitraum liegt. Die Kategorie eines Deals ist seine Spalte forecast_category, wenn sie sich als Pipeline, Best Case, Commit, Closed oder Omitted lesen lässt, sonst der Standardwert seiner Phase: gewonnene Phasen Closed, verlorene Omitted, offene Phasen nach ihrer Standardwahrscheinlichkeit (Commit ab 75 %, Best Case ab 50 %, sonst Pipeline). Offene Deals ohne Abschlussdatum, Betrag oder Kategorie sowie Deals in anderer Währung werden ausgelassen und gezählt.",
                why: "Commit ist die Zahl, für die eine Vertriebsleitung mit ihrem Namen einsteht. Wer sie durch den Zeitraum verfolgt, sieht, ob das Team abschließt, was es zugesagt hat; die Lücke zur Quote ist die Arbeit, die noch zu tun ist.",
                watch: "Ein Commit ist eine Einschätzung des Vertriebsmitarbeiters, und die Kategorien sind nur so ehrlich wie die Menschen, die sie setzen. Ohne Spalte forecast_category entscheiden die Standardwerte der Phasen, die jeden Deal in einer späten Phase als zugesagt behandeln. Vergleichen Sie sie mit forecast_bias, um zu sehen, wie verlässlich frühere Zusagen waren.",
            },
        },
        KpiId::ForecastBestCase => KpiText {
            name: "Best-Case-Prognose",
            needs: "Deals (Spalte forecast_category, sonst Standardwerte je Phase)",
            explanation: Explanation {
                what: "Was der Zeitraum bringen könnte, wenn auch die wahrscheinlichen Deals schließen: die Commit-Prognose plus die offenen Deals in Best Case.",
                formula: "forecast_commit + Σ Betrag der offenen Deals in der Kategorie Best Case, deren erwartetes close_date im Zeitraum liegt; Kategorien wie bei forecast_commit. Offene Deals in Pipeline oder Omitted zählen nicht.",
                why: "Der Abstand zwischen Commit und Best Case ist das Potenzial, an dem ein Team im Zeitraum noch arbeiten kann. Liegt Best Case kurz vor Schluss weit über Commit, brauchen bestimmte Deals jetzt Unterstützung; liegt er kaum darüber, entscheiden allein die zugesagten Deals über den Zeitraum.",
                watch: "Best Case ist eine Obergrenze, keine Prognose: Lesen Sie ihn neben Commit, nie allein. Vertriebsmitarbeiter parken hoffnungsvolle Deals gern hier, um sich nicht festzulegen; ein wachsender Best Case bei gleichbleibendem Commit verdient daher eine Nachfrage.",
            },
        },
        KpiId::ForecastBias => KpiText {
            name: "Prognoseverzerrung",
            needs: "Deals und Prognosen",
            explanation: Explanation {
                what: "Ob die Prognosen im Mittel zu niedrig oder zu hoch lagen, und um wie viel.",
                formula: "Über die Prognosezeiträume innerhalb des Zeitraums (wie bei forecast_accuracy; A = im Prognosezeitraum gewonnener Umsatz, F = Σ forecast): Mittelwert von (A − F) / A. Positiv: Prognosen zu niedrig; negativ: zu hoch. Zeiträume mit A = 0 werden ausgelassen und gezählt. Nicht definiert, wenn kein Prognosezeitraum innerhalb des Zeitraums Umsatz hatte.",
                why: "Die Genauigkeit sagt, wie weit die Prognosen danebenlagen; die Verzerrung sagt, in welche Richtung. Ein Team, das stets zu niedrig prognostiziert, betreibt Sandbagging und hält seine Ziele bequem; eines, das stets zu hoch liegt, ist zu hoffnungsvoll. Beides lässt sich korrigieren, sobald die Richtung bekannt ist.",
                watch: "Fehler in beide Richtungen heben sich auf: Eine Verzerrung nahe 0 kann große Abweichungen verbergen, lesen Sie sie daher neben forecast_accuracy. Ein einzelner Zeitraum mit kleinem A ergibt einen riesigen Fehler, der den Mittelwert beherrscht.",
            },
        },
    }
}
