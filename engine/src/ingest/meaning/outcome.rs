//! Words for where a deal stands: its stage, its won / lost / open status, yes/no outcome
//! columns, and the stage a lost deal was lost at. "Stage Duration" or "Stage Probability" are
//! not stages; "Status Reason" is not the status.

use super::Meaning;

/// The pipeline stage.
pub const STAGE: Meaning = Meaning {
    field: "stage",
    phrases: &[
        ("stage", 9),
        ("deal stage", 9),
        ("sales stage", 9),
        ("pipeline stage", 9),
        ("pipeline phase", 9),
        ("status label", 8),
        ("phase", 8),
        ("verkaufsphase", 9),
        ("vertriebsphase", 9),
        ("stufe", 7),
        ("etap", 9),
        ("faza", 8),
        ("阶段", 9),
        ("etapa", 9),
        ("fase", 8),
        ("etape", 9),
        ("estagio", 9),
        ("stadio", 8),
        ("stadium", 8),
        ("стадия", 9),
        ("этап", 9),
    ],
    not: &[
        "duration",
        "age",
        "days",
        "time",
        "date",
        "entered",
        "changed",
        "probability",
        "history",
        "last",
        "previous",
        "lost",
        "reason",
        "dauer",
        "tage",
        "datum",
        "czas",
        "dni",
        "data",
        "时长",
        "天数",
        "持续",
        "日期",
        "时间",
        "duracion",
        "duree",
        "durata",
        "duur",
        "fecha",
        "id",
        "order",
        "number",
        "type",
        "category",
        "wahrscheinlichkeit",
        "prawdopodobienstwo",
        "概率",
        "probabilidad",
        "probabilite",
        "probabilidade",
        "probabilita",
        "kans",
        "percent",
        "forecast",
    ],
};

/// Words that make a status column something other than the deal's outcome.
const NOT_THE_STATUS: &[&str] = &[
    "reason",
    "label",
    "date",
    "time",
    "changed",
    "payment",
    "invoice",
    "lead",
    "contact",
    "email",
    "activity",
    "grund",
    "powod",
    "原因",
    "motivo",
    "raison",
    "reden",
    "причина",
    "datum",
    "data",
    "日期",
    "fecha",
    "code",
    "id",
    "last",
    "previous",
];

/// Won / lost / open.
pub const STATUS: Meaning = Meaning {
    field: "status",
    phrases: &[
        ("status", 9),
        ("deal status", 9),
        ("status type", 8),
        ("outcome", 8),
        ("result", 7),
        ("state", 7),
        ("ergebnis", 8),
        ("zustand", 6),
        ("wynik", 8),
        ("stan", 6),
        ("状态", 9),
        ("结果", 7),
        ("estado", 9),
        ("resultado", 8),
        ("statut", 9),
        ("etat", 7),
        ("resultat", 8),
        ("situacao", 8),
        ("stato", 9),
        ("esito", 8),
        ("resultaat", 8),
        ("uitkomst", 8),
        ("статус", 9),
        ("состояние", 7),
    ],
    not: NOT_THE_STATUS,
};

/// Words that make a yes/no column about something else than the outcome.
const NOT_THE_FLAG: &[&str] = &[
    "date", "time", "on", "at", "by", "reason", "amount", "value", "datum", "am", "data", "fecha", "日期", "时间",
    "count", "stage", "lost",
];

/// Yes when the deal was won.
pub const IS_WON: Meaning = Meaning {
    field: "is_won",
    phrases: &[("is won", 9), ("won", 6), ("gewonnen", 7), ("wygrana", 7), ("赢单", 7), ("ganado", 7), ("gagne", 7)],
    not: NOT_THE_FLAG,
};

/// Yes when the deal is closed (won or lost).
pub const IS_CLOSED: Meaning = Meaning {
    field: "is_closed",
    phrases: &[("is closed", 9), ("closed", 6), ("geschlossen", 7), ("zamknieta", 7), ("已关闭", 7), ("cerrado", 7)],
    not: NOT_THE_FLAG,
};

/// The stage a lost deal was lost at.
pub const LOST_STAGE: Meaning = Meaning {
    field: "lost_stage",
    phrases: &[("lost stage", 9), ("lost at stage", 9), ("lost in stage", 9), ("verloren in phase", 9)],
    not: &["date", "time", "reason"],
};
