//! The engine's messages in Simplified Chinese: full-width punctuation, counts with a measure
//! word, no plural forms.

use super::phrases::{list, Phrases};
use super::{count, day, kpi_name, period};
use crate::ingest::{DatasetKind, FirstSeen, Rejection};
use crate::kpi::{Base, Gap, Note, Omission};
use crate::lang::Lang;
use crate::share::codec::MAX_UNPACKED;
use crate::share::notice::{Part, Reason};
use crate::share::{Notice, ShareError};
use crate::{Grain, ImportError};

/// Simplified Chinese.
pub(super) struct Chinese;

const L: Lang = Lang::Zh;

fn base(b: Base) -> &'static str {
    match b {
        Base::Previous => "上一期间",
        Base::YearEarlier => "去年同期",
    }
}

fn grain(g: Grain) -> &'static str {
    match g {
        Grain::Week => "周",
        Grain::Month => "月",
        Grain::Quarter => "季度",
        Grain::Year => "年",
    }
}

/// A part of a view, and whether it is one value with no count.
fn part(p: Part) -> (&'static str, bool) {
    match p {
        Part::Period => ("期间", true),
        Part::Files => ("文件", false),
        Part::FilterValues => ("筛选值", false),
        Part::Crumbs => ("下钻步骤", false),
        Part::CrumbFilterValues => ("下钻步骤中的筛选值", false),
        Part::BoardItems => ("看板项", false),
        Part::GrossMargin => ("毛利率", true),
        Part::Targets => ("目标", false),
        Part::Currency => ("币种", true),
        Part::Theme => ("主题", true),
        Part::Stages => ("阶段规则", false),
        Part::OpenStages => ("排序中的未结阶段", false),
    }
}

fn reason(r: Reason) -> String {
    match r {
        Reason::TooMany(n) => format!("超过 {} 个", count(n, L)),
        Reason::TooLong(n) => format!("长度超过 {} 个字符", count(n, L)),
        Reason::Repeated => "重复列出".into(),
        Reason::Unknown => "此版本无法识别".into(),
        Reason::OutOfRange => "超出范围".into(),
        Reason::Unreadable => "无法读取".into(),
    }
}

impl Phrases for Chinese {
    fn lang(&self) -> Lang {
        L
    }

    fn dataset(&self, kind: DatasetKind) -> &'static str {
        match kind {
            DatasetKind::Deals => "交易",
            DatasetKind::Leads => "线索",
            DatasetKind::Activities => "销售活动",
            DatasetKind::Customers => "客户",
            DatasetKind::Spend => "费用",
            DatasetKind::Quotas => "配额",
            DatasetKind::Forecasts => "预测",
            DatasetKind::EarlierDeals => "较早的交易导出",
            DatasetKind::History => "阶段历史",
        }
    }

    fn or(&self) -> &'static str {
        "或"
    }

    fn field_words(&self) -> &'static [(&'static str, &'static str)] {
        &[(" (or deals with deal_type)", "（或带 deal_type 的交易）"), (" (dates with times)", "（带时间的日期）")]
    }

    fn needs(&self, dataset: &str, fields: &str) -> String {
        format!("需要{dataset}数据：{fields}")
    }

    fn gap(&self, gap: &Gap) -> String {
        let p = |x| period(x, L);
        match gap {
            Gap::NoClosedDeals(x) => format!("{} 内没有已关闭（赢单或输单）的交易", p(*x)),
            Gap::NoWonAmount { won, period: x } => {
                format!("{} 内赢得的 {} 笔交易都没有该币种的金额", p(*x), count(*won, L))
            }
            Gap::NoDealsWon(x) => format!("{} 内没有赢单", p(*x)),
            Gap::NoWonCreated { won, period: x } => {
                format!("{} 内赢得的 {} 笔交易都没有可用的创建日期", p(*x), count(*won, L))
            }
            Gap::NoOpenDeals(d) => format!("{} 当天没有未结交易", day(*d, L)),
            Gap::NoOpenAmount { open, other_currency } => {
                format!("{} 笔未结交易都没有{}金额", count(*open, L), if *other_currency { "该币种的" } else { "" })
            }
            Gap::NoBaseRevenue { base: b, period: x } => format!("{}（{}）没有收入，无法计算增长", base(*b), p(*x)),
            Gap::NoRevenueFigure(x) => format!("{} 没有收入数值", p(*x)),
            Gap::NoBaseDeals { base: b, period: x } => format!("{}（{}）没有已关闭的交易", base(*b), p(*x)),
            Gap::NoTypedRevenue(x) => format!("{} 内没有来自已知交易类型的收入", p(*x)),
            Gap::NoOwnerClosed(x) => format!("{} 内关闭的交易都没有负责人", p(*x)),
            Gap::NoQuotaAhead(x) => format!("下一期间（{}）没有开始的配额", p(*x)),
            Gap::PartUndefined { id, why } => format!("{}无法计算：{}", kpi_name(*id, L), self.undefined(why)),
            Gap::ZeroCycle => "销售周期为 0 天".into(),
            Gap::NoForecastPeriod(x) => format!("没有落在 {} 内的预测期间", p(*x)),
            Gap::NoForecastRevenue(x) => format!("{} 内的预测期间都没有可对比的收入", p(*x)),
            Gap::NoOwnerQuota(x) => format!("{} 内没有销售代表有配额", p(*x)),
            Gap::NoQuotaNoTarget(x) => format!("{} 内没有配额，也没有输入目标", p(*x)),
            Gap::ZeroDealSize => "平均交易规模为 0".into(),
            Gap::NoLeadConverted => "没有线索转化为赢单".into(),
            Gap::NoOpenStages => "交易没有可用来构建漏斗的未结阶段".into(),
            Gap::NoDealCreated(x) => format!("{} 内没有创建交易", p(*x)),
            Gap::NoProductRevenue(x) => format!("{} 内没有产品收入", p(*x)),
            Gap::NoOwnerWithWins { min, period: x } => {
                format!("{} 内没有负责人拥有 {} 笔带金额的赢单可供比较", p(*x), count(*min, L))
            }
            Gap::NoLeadsCreated(x) => format!("{} 内没有创建线索", p(*x)),
            Gap::NoLeadsCreatedOrQualified(x) => format!("{} 内没有创建或确认合格的线索", p(*x)),
            Gap::NoLeadContacted(x) => format!("{} 内创建的线索都没有首次联系", p(*x)),
            Gap::NoLeadTouchpoints(x) => format!("{} 内创建的线索在会议前都没有接触点", p(*x)),
            Gap::NoActivities(x) => format!("{} 内没有销售活动", p(*x)),
            Gap::NoActiveMrr(d) => format!("{} 当天没有带 MRR 的活跃客户", day(*d, L)),
            Gap::NoCustomerStarted(x) => format!("{} 内没有新开始的客户", p(*x)),
            Gap::NoNewBusinessWon(x) => format!("{} 内没有赢得新业务交易", p(*x)),
            Gap::NoCustomerBefore(d) => format!("期间开始前一天（{}）没有活跃客户", day(*d, L)),
            Gap::NoNewCustomers(x) => format!("{} 内没有新客户", p(*x)),
            Gap::NoMonthChurn(x) => format!("{} 内没有任何月份有流失率", p(*x)),
            Gap::NoChurn(x) => format!("{} 内没有客户流失：客户终身价值没有上限", p(*x)),
            Gap::NoAccountWon(d) => format!("截至 {} 没有带客户账户的赢单", day(*d, L)),
            Gap::ZeroCac => "获客成本为 0".into(),
            Gap::NoEndedSpells(x) => format!("{} 内没有交易离开任何阶段", p(*x)),
            Gap::NoStallBaseline(d) => {
                format!("{} 仍未结的交易所处阶段都还没有其他交易离开过，缺少可比较的基准", day(*d, L))
            }
            Gap::NoSnapshotDate => "某个导出文件没有创建日期或成交日期，无法判断其导出日期；请输入导出日期".into(),
            Gap::SnapshotsOutOfOrder { earlier, later } => {
                format!("较早的导出（{}）必须早于较晚的导出（{}）", day(*earlier, L), day(*later, L))
            }
            Gap::SnapshotOutsidePeriod { as_of, period: x } => {
                format!("较晚的导出日期为 {}，不在 {} 内", day(*as_of, L), p(*x))
            }
        }
    }

    fn overflow(&self) -> &'static str {
        "金额合计超出了可表示的范围"
    }

    fn omission(&self, omission: Omission, _n: usize) -> &'static str {
        match omission {
            Omission::WonNoClose => "笔赢单没有成交日期",
            Omission::LostNoClose => "笔输单没有关闭日期",
            Omission::NoStatus => "笔交易既没有阶段也没有状态",
            Omission::WonNoAmount => "笔本期赢单没有金额",
            Omission::WonOtherCurrency => "笔本期赢单使用其他币种",
            Omission::WonNoCreated => "笔本期赢单没有创建日期",
            Omission::WonClosesBeforeCreated => "笔本期赢单的成交日期早于创建日期",
            Omission::OpenNoAmount => "笔未结交易没有金额",
            Omission::OpenOtherCurrency => "笔未结交易使用其他币种",
            Omission::WonUntyped => "笔赢单的交易类型不是新业务、追加销售或续约",
            Omission::WonNoOwner => "笔赢单没有负责人（收入照计，但不增加销售代表人数）",
            Omission::LeadNoCreated => "条线索没有创建日期",
            Omission::LeadContactedEarly => "条线索的首次联系早于创建时间（作为数据错误排除）",
            Omission::ActivityNoDate => "条销售活动没有日期",
            Omission::ForecastNoRevenue => "个预测期间没有收入（计算准确性需要收入）",
            Omission::OwnerZeroQuota => "位销售代表的配额为 0",
            Omission::DealNoCreated => "笔交易没有创建日期",
            Omission::OpenOutsideOrder => "笔未结交易所处阶段不在未结阶段顺序中",
            Omission::WonNoProduct => "笔赢单没有产品",
            Omission::ActiveNoMrr => "位活跃客户没有 MRR",
            Omission::CustomerNoStart => "位客户没有开始日期",
            Omission::SpendOtherCategory => "行费用既不属于营销也不属于销售",
            Omission::OpenClosedSince => "笔当日未结的交易此后已赢单或输单（当日的赢率未知）",
            Omission::OpenNoProbability => "笔未结交易没有赢率，其阶段也没有默认值",
            Omission::OpenNoClose => "笔未结交易没有预计成交日期",
            Omission::ClosingNoAmount => "笔在本期成交的交易没有金额",
            Omission::ClosingOtherCurrency => "笔在本期成交的交易使用其他币种",
            Omission::OpenNoCategory => "笔在本期成交的未结交易没有预测类别",
        }
    }

    fn import_error(&self, error: &ImportError) -> String {
        match error {
            ImportError::Empty { file } => format!("{file} 是空文件。请从 CRM 重新导出数据并加载新文件。"),
            ImportError::HeaderOnly { file } => format!("{file} 只有标题行，没有数据行。请检查导出的筛选条件（没有匹配记录的报表只会写出标题行），然后重新导出。"),
            ImportError::Spreadsheet { file } => format!(
                "{file} 是 Excel 工作簿，不是 CSV 文件。请在 Excel 或 LibreOffice 中打开，选择“另存为… CSV UTF-8”，然后加载该 CSV 文件。"
            ),
            ImportError::Json { file } => format!("{file} 是 JSON 文件，不是 CSV。请从 CRM 中把数据导出为 CSV。"),
            ImportError::Binary { file } => format!("{file} 不是文本文件（含有二进制数据）。请加载 CSV 导出文件。"),
            ImportError::CutShort { file, encoding } => {
                format!("{file} 在一个字符的中间结束：文件被截断了（它是 {encoding} 文本）。请重新导出，或复制完整的文件。")
            }
            ImportError::SingleColumn { file, header } => format!(
                "{file} 只有一列（“{header}”）：它看起来不是字段之间用逗号、分号、制表符或竖线分隔的 CSV 表格。请在电子表格软件中将其另存为 CSV，再加载该文件。"
            ),
            ImportError::UnclosedQuote { file, line } => format!(
                "{file}：第 {line} 行的引号始终没有闭合，文件其余部分被读成了一个单元格。请修正引号后重新加载。"
            ),
            ImportError::MissingFields { file, dataset, missing, found } => format!(
                "{file} 无法作为{}读取：找不到 {} 对应的列。文件中的列：{}。请在列映射界面中手动选择这些列，或导出包含这些列的文件。",
                self.datasets(dataset),
                list(missing),
                list(found)
            ),
            ImportError::OtherDataset { file, dataset, matched } => {
                let d = self.datasets(dataset);
                format!(
                    "{file} 看起来是{d}文件（有 {} 的列），而不是交易。请把它作为{d}加载，或手动选择其交易列。",
                    list(matched)
                )
            }
            ImportError::NoUsableRows { file, rejected, first_line, first_reason } => format!(
                "{file}：{} 行数据都无法使用（第一个问题在第 {first_line} 行：{}）。请在文件中修正该问题，或在列映射界面中选择其他列，然后重新加载。",
                count(*rejected, L),
                self.rejection(first_reason)
            ),
            // Words already worked out (in the language they were asked in).
            ImportError::Reported { message } => message.clone(),
        }
    }

    fn rejection(&self, why: &Rejection) -> String {
        match why {
            Rejection::UnclosedQuote { line } => format!(
                "此行中打开的引号从未关闭，因此其后的每一行都被读入了同一个单元格（请修正第 {} 行的引号后重新加载）",
                count(*line as usize, L)
            ),
            Rejection::FieldCount { found, expected } => {
                format!("有 {} 个字段，但表头有 {} 个", count(*found, L), count(*expected, L))
            }
            Rejection::NoKey { field, header: None } => format!("缺少 {field}"),
            Rejection::NoKey { field, header: Some(h) } => format!("缺少 {field}（“{h}”列为空）"),
            Rejection::DuplicateKey { field, value, first: FirstSeen::Line(l) } => {
                format!("重复的 {field}“{value}”（首次出现在第 {} 行）；保留了第一条", count(*l as usize, L))
            }
            Rejection::DuplicateKey { field, value, first: FirstSeen::Loaded(f) } => {
                format!("重复的 {field}“{value}”（已从 {f} 加载）；保留了第一条")
            }
        }
    }

    fn notice(&self, notice: &Notice) -> String {
        match notice {
            Notice::Dropped { part: pt, count: n, reason: r } => match part(*pt) {
                (words, true) => format!("已省略{words}（{}）", reason(*r)),
                (words, false) => format!("已省略 {} 个{words}（{}）", count(*n, L), reason(*r)),
            },
            Notice::PeriodClamped { asked, shown } => {
                format!("期间 {} 显示为可用范围 {}", period(*asked, L), period(*shown, L))
            }
            Notice::CoarserGrain { asked, used } => format!(
                "趋势按{}而不是按{}显示，因此最多 {} 个数据点",
                grain(*used),
                grain(*asked),
                count(crate::period::MAX_BUCKETS, L)
            ),
            Notice::NewerVersion => "此内容由更新版本的 pipelens 创建；这里只显示本版本能识别的部分".into(),
            Notice::RememberedNotApplied => "上次的视图无法显示；未应用您记住的设置".into(),
        }
    }

    fn sentence(&self, clauses: &[String]) -> String {
        if clauses.is_empty() {
            return String::new();
        }
        format!("{}。", clauses.join("；"))
    }

    fn note(&self, note: &Note) -> String {
        match note {
            Note::Unfiltered { dataset, dim } => {
                format!("{}没有“{}”列：未按其筛选", self.dataset(*dataset), super::dim(*dim, L))
            }
            Note::SegmentOverflow(segment) => format!("{segment}：{}", self.overflow()),
            Note::TargetsUnrealistic => "达到配额的销售代表不足 60 %：目标可能不切实际".into(),
            Note::TargetsTooEasy => "超过 90 % 的销售代表达到配额：目标可能太容易".into(),
            Note::NewFromDeals => "按类型为新业务的赢单计算（未加载客户数据）".into(),
            Note::FunnelFromHistory => "到达的阶段取自阶段历史：交易计入它进入过的每个阶段，而不只是当前阶段".into(),
            Note::LifetimeFromDeals => "每个客户账户的平均赢单收入（未加载客户数据）".into(),
        }
    }

    fn problems_words(&self) -> ([&'static str; 6], [&'static str; 2]) {
        (["问题", "行", "列", "表头", "值", "原因"], ["被拒绝的行", "无法读取的单元格（行已保留）"])
    }

    fn expected_reason(&self, expected: &str) -> String {
        format!("应为{expected}")
    }

    fn share_error(&self, error: &ShareError) -> String {
        match error {
            ShareError::NotBase64 => "链接已损坏或被截断（其数据不是有效的 base64url）".into(),
            ShareError::Corrupt => "链接已损坏或被截断（其数据无法解压）".into(),
            ShareError::TooLarge => {
                format!("链接数据解压后超过 {} MB，超出了 pipelens 从链接打开的上限", MAX_UNPACKED >> 20)
            }
            ShareError::NewerFormat(n) => format!("链接数据由更新版本的 pipelens 写入（格式 {n}）；请在该版本中打开"),
        }
    }
}
