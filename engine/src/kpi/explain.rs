//! The in-app explanation of every KPI, in our own words, drawn from the source articles.

use super::Explanation;

// ---------------------------------------------------------------------------------------------
// Revenue and growth
// ---------------------------------------------------------------------------------------------

/// `revenue`
pub(super) const REVENUE: Explanation = Explanation {
    what: "Money from deals won in the period.",
    formula: "Σ amount of deals won (close date in the period), counting only amounts in the chosen currency. Undefined when no deal closed (won or lost) in the period, or when none of the won deals has an amount. Won deals without an amount, without a close date or in another currency are left out and counted.",
    why: "It is the headline result: every other sales number is judged by whether it moves revenue, and a fall from one month to the next is the cue to look into how the team works.",
    watch: "This is booked deal value as the CRM records it, not net of discounts given later or returns. One large deal or a quarter-end push moves it more than any trend, so read it beside the deal count and the average deal size.",
};

/// `revenue_growth`
pub(super) const REVENUE_GROWTH: Explanation = Explanation {
    what: "How much revenue changed against the previous period of the same length.",
    formula: "(revenue of the period − revenue of the previous period) / revenue of the previous period. The previous period has the same number of days and ends the day before the period starts. Undefined when either revenue is undefined or the previous revenue is 0.",
    why: "For most companies sales bring in the bulk of revenue, so sales growth is a dependable sign of whether the whole business is growing. Following it period after period shows the trajectory early enough to act on it.",
    watch: "Short periods swing hard: one large deal or a quarter-end push in either period makes it jump, so check it against the year-on-year growth, which takes the season out. The previous period is counted in days, so for a calendar month it is not always exactly the previous calendar month.",
};

/// `revenue_growth_yoy`
pub(super) const REVENUE_GROWTH_YOY: Explanation = Explanation {
    what: "How much revenue changed against the same period one year earlier.",
    formula: "(revenue of the period − revenue of the same period shifted back 12 months) / that earlier revenue. A period that ends on a month end maps to that month's end a year earlier (29 Feb ↔ 28 Feb). Undefined when either revenue is undefined or the earlier revenue is 0.",
    why: "Comparing with the same months a year ago removes the seasonal pattern that period-on-period growth carries, and shows the longer trajectory that growth plans and RevOps reviews are built on.",
    watch: "It needs more than a year of data; with less it stays –. Changes between the two years in products, pricing or the way deals are entered in the CRM make the comparison misleading, whatever the number says.",
};

/// `revenue_mix`
pub(super) const REVENUE_MIX: Explanation = Explanation {
    what: "How revenue won in the period splits into new business, upsell and renewals; the headline is the new-business share.",
    formula: "Revenue of deals won in the period per deal-type class / revenue of won deals whose type is new, upsell or renewal. The lower-cased deal_type is classed: containing \"renew\" → renewal; else \"upsell\", \"up-sell\", \"upgrade\", \"expansion\", \"cross\" or \"existing\" → upsell; else \"new\" → new. Unclassified or empty types are left out and counted. Undefined when the denominator is 0.",
    why: "Splitting revenue this way shows where it really comes from: first-time buyers, existing customers buying more or a better package, or contracts being renewed. Which share you push depends on the goal: renewals when customers drop off after a few months, upsell when the aim is more cross-selling.",
    watch: "The three shares always add up to 100 %, so when one rises the others fall even if their revenue did not shrink: read the amounts, not only the shares. Check the count of unclassified deals; a high one means the deal_type values need cleaning.",
};

/// `mrr`
pub(super) const MRR: Explanation = Explanation {
    what: "Monthly recurring revenue of the customers active on the period's last day.",
    formula: "Σ mrr of customers whose start date is on or before the period's last day and whose end date is empty or after that day. Customers without an mrr value are left out and counted. Undefined when no customer is active on that day.",
    why: "For a subscription business it is the revenue the company can count on every month before it sells anything new; it grows with new customers and upgrades and shrinks with churn and downgrades.",
    watch: "It is a snapshot on one day, not a sum over the period, so a longer period does not make it larger. It comes from the customers file only: one-off deal revenue is not in it, and the owner, team and other filters do not apply to it.",
};

/// `arr`
pub(super) const ARR: Explanation = Explanation {
    what: "Annual recurring revenue: the MRR on the period's last day, scaled to a year.",
    formula: "12 × MRR, where MRR is Σ mrr of customers active on the period's last day (customers without an mrr are left out). Undefined when MRR is undefined.",
    why: "It is the yearly figure subscription businesses plan and report with. For example, 30 customers paying 10 k a month on average give an MRR of 300 k and an ARR of 3.6 M.",
    watch: "It is a run rate, not a forecast: it assumes every current customer stays a full year at today's price, so churn, downgrades and price changes are not in it. Do not add it to revenue from one-off deals.",
};

/// `revenue_per_rep`
pub(super) const REVENUE_PER_REP: Explanation = Explanation {
    what: "Revenue won in the period per rep who closed deals in it, overall and per team.",
    formula: "Revenue / number of distinct non-empty owners of deals closed (won or lost) in the period. Per team: the team's revenue / the distinct owners in that team. Undefined when revenue is undefined or no deal closed in the period has an owner.",
    why: "It is a core measure of how productive the sales force is. Shown openly on the dashboard it keeps reps and teams focused on the target, and it lets leaders spot a team or rep who is slipping and offer help before the quarter is lost.",
    watch: "Only owners with a closed deal in the period count, so reps who are ramping up or closed nothing are not in the divisor. Compare teams that sell similar deal types and territories; a team on large enterprise deals will look better per head than one working many small deals.",
};

// ---------------------------------------------------------------------------------------------
// Deals and pipeline
// ---------------------------------------------------------------------------------------------

/// `deals_won`
pub(super) const DEALS_WON: Explanation = Explanation {
    what: "How many deals were won in the period.",
    formula: "Count of deals won with a close date in the period. Undefined when no deal closed (won or lost) in the period; 0 wins beside some losses is a real 0. Won deals without a close date are left out and counted.",
    why: "Plans are made in wins: a target of 800 k at an average deal of 10 k means 80 deals to close. The count shows whether revenue comes from many customers or a few.",
    watch: "A count hides size and mix: more small wins can cover a drop in large ones, so read it with the average deal size.",
};

/// `win_rate`
pub(super) const WIN_RATE: Explanation = Explanation {
    what: "The share of closed deals that were won (the close ratio).",
    formula: "Deals won in the period / deals closed (won or lost) in the period. Open deals do not count. Undefined when no deal closed in the period; closed deals without a close date are left out and counted.",
    why: "It shows how well reps turn the opportunities they work into customers. Broken down by lead source and rep it tells a lead-quality problem from a selling problem.",
    watch: "It moves with the season and the market, not only with skill, and a move up-market lowers it for a while. Some reports divide by every deal, open ones included, which gives a lower figure (48 % instead of 63 % on the Maven sample): compare like with like, and on enough closed deals.",
};

/// `avg_deal_size`
pub(super) const AVG_DEAL_SIZE: Explanation = Explanation {
    what: "The mean amount of a deal won in the period; the median is shown beside it.",
    formula: "Σ amount / count over deals won in the period that have an amount in the chosen currency. Won deals without an amount or in another currency are left out and counted. Undefined when no deal won in the period has an amount.",
    why: "Watched month by month it shows whether contracts grow or shrink, how pricing lands, and how many deals the target needs. It should rise when the team moves up-market and may fall on purpose when it goes after many small customers.",
    watch: "A few very large deals pull the mean up: when mean and median are far apart, read the median. A rep far below the team's average may be chasing small, easy deals or discounting too much.",
};

/// `sales_cycle_days`
pub(super) const SALES_CYCLE_DAYS: Explanation = Explanation {
    what: "How many days a won deal took from creation to close; the median is shown beside the mean.",
    formula: "Mean of (close date − created date) in days over deals won in the period. Deals without a created date, and deals that close before they were created (data errors), are left out and counted. Undefined when no won deal in the period has usable dates.",
    why: "Knowing how long deals take makes forecasts predictable; a cycle that lengthens is an early warning of poorly qualified leads or reps who are not yet ready. In long cycles it also shows which stages add the most time.",
    watch: "It differs a lot by lead source, product and rep (and between B2B and B2C): segment it before you compare. It counts from the deal's created date, not from first contact, so it is shorter than a lead-to-close figure.",
};

/// `pipeline_value`
pub(super) const PIPELINE_VALUE: Explanation = Explanation {
    what: "The value of the deals open on the last day of the period, per stage.",
    formula: "Σ amount of the deals open on the period's last day: deals still open (leaving out those created after that day; open deals with no created date still count), and deals created by that day that were won or lost after it, shown as \"(won or lost since)\". Open deals without an amount or in another currency are left out of the value and counted. Undefined when there is no open deal or none has an amount.",
    why: "It is the revenue the team can still win: against the target it says whether the team is on track, and stage by stage it shows where deals get stuck.",
    watch: "It is the big picture only: pair it with the per-stage, per-rep and per-source views to find causes. Old deals nobody closes inflate it. Status is read as it stands in the file, so for a past period deals that have closed since are missing from it.",
};

/// `pipeline_count`
pub(super) const PIPELINE_COUNT: Explanation = Explanation {
    what: "How many deals are open on the last day of the period, per stage.",
    formula: "Count of the deals open on the period's last day: deals still open (leaving out those created after that day; open deals with no created date still count), and deals created by that day that were won or lost after it. Deals with no stage or status are left out and counted. Zero is a real count (everything is closed).",
    why: "The number of deals in play drives how many wins the coming months can bring; a pile-up in one stage shows where deals stall.",
    watch: "Stale deals that nobody updates inflate the count. A count says nothing about value: read it with the pipeline value.",
};

/// `pipeline_coverage`
pub(super) const PIPELINE_COVERAGE: Explanation = Explanation {
    what: "How many times the open pipeline covers the quota of the next period.",
    formula: "Pipeline value / Σ quota of quota rows whose period start lies in the next period (the day after the period's last day up to the same number of days later). Undefined when that quota sum is 0 or the pipeline value is undefined.",
    why: "It says ahead of time whether enough is in play to hit the next target. Since not every open deal will close, teams want coverage well above 1; a common yardstick is 1 / win rate, about 3× at a 33 % win rate.",
    watch: "Every open deal counts at full value whatever its stage or expected close date, so stale deals and deals that will close much later inflate it. The next period has the length of the chosen period: with 12 months selected, quota rows for the next 12 months must be loaded.",
};

/// `sales_velocity`
pub(super) const SALES_VELOCITY: Explanation = Explanation {
    what: "The revenue per day the open pipeline is expected to turn into, at the current win rate, deal size and cycle.",
    formula: "Open deals × win rate × average deal size / sales cycle in days, each as defined for its own KPI. Undefined when any of the four is undefined or the cycle is 0 days.",
    why: "It shows how fast deals move through the pipeline into revenue: deals that stall or crawl point to a flawed process or a team that is not executing. It also tells when to expect the pipeline's revenue, which makes forecasts better founded.",
    watch: "It mixes a snapshot (open deals on the last day) with flows of the period (win rate, deal size, cycle), so find which of the four moved before acting on a change. Stale open deals and a few very large deals inflate it.",
};

/// `funnel_conversion`
pub(super) const FUNNEL_CONVERSION: Explanation = Explanation {
    what: "How deals created in the period move from stage to stage to won; the headline is the share that were won.",
    formula: "Over deals created in the period with a known status: reached(stage) = deals whose furthest stage is that stage or later. An open deal reached its current stage, a won deal passed every open stage, a lost deal reached its lost_stage when that column is mapped and names an open stage, else only the first stage. Step conversion = reached(next) / reached(this), with won as the last step; leakage = 1 − conversion. Headline = won / deals created in the period. Undefined when no deal was created in the period or no open stages are known.",
    why: "Conversion per stage shows where prospects drop out fastest. If, say, 40 % agree to a call, half of those get to a trial and only 5 % buy, the steep last step points at rep skills, the customer's experience or negotiation, and that is where coaching pays off.",
    watch: "Deals created late in the period are often still open, so recent periods look worse until those deals close. Without a lost_stage column every lost deal counts as lost at the first stage, which puts all the leakage there.",
};

/// `product_performance`
pub(super) const PRODUCT_PERFORMANCE: Explanation = Explanation {
    what: "Revenue, wins, win rate and deal size per product; the headline is the top product's share of revenue.",
    formula: "Per product over the period: revenue won, deals won, win rate (won / closed), average deal size and share of revenue. Headline = revenue of the top product / total revenue of all products. Undefined when that total is 0. Needs the deals' product column.",
    why: "It separates the products that sell from those that do not, and prompts the question why: missing training, an incentive plan that pays more for one product, or reps steering buyers to the product that is easiest to close.",
    watch: "Compare products on one consistent basis, or the numbers will steer reps to the wrong products. A viral campaign can flatter a weak product, and a cheap high-volume product can top the deal count while earning less than a high-ticket one: read revenue and win rate together.",
};

/// `deal_size_outliers`
pub(super) const DEAL_SIZE_OUTLIERS: Explanation = Explanation {
    what: "Deals much larger than what their owner usually wins; the headline is how many there are.",
    formula: "Candidates are deals won in the period and deals open on the period's last day. An owner's median is the median amount of that owner's deals won in the period with an amount, and needs at least 3 such deals. A deal is an outlier when its amount is more than 4 × its owner's median. Undefined when no owner has 3 won deals in the period.",
    why: "A deal several times a rep's usual size is a risk: it closes less often and takes longer. Flagging it lets a manager check that the rep's other deals are solid and that the rep is not betting the whole target on one deal.",
    watch: "Owners with fewer than 3 won deals in the period are not checked, so big deals of new reps do not show up. A large won outlier also distorts revenue and average deal size; a large open one distorts pipeline value and coverage.",
};

/// `forecast_accuracy`
pub(super) const FORECAST_ACCURACY: Explanation = Explanation {
    what: "How close the forecasts came to the revenue actually won.",
    formula: "Forecast rows whose period lies inside the period (start on or after its first day, end on or before its last day; a missing end means the end of the start's month) are grouped by forecast period: F = Σ forecast, A = revenue won in that forecast period. Accuracy = max(0, 1 − |A − F| / A); headline = mean over forecast periods; per owner when forecasts have owners. Forecast periods with A = 0 are left out and counted. Undefined when no forecast period has A > 0.",
    why: "Reliable forecasts let the company commit spending on key accounts, plan investments while growing fast, and give RevOps a basis for predicting total revenue.",
    watch: "One accurate period says little about the next: the figure means something only once enough history shows how accurate forecasts are over time, so build that benchmark before relying on it, and never rely on it alone. Over- and under-forecasting score the same, and a miss of 100 % or more scores 0 %.",
};

/// `quota_attainment`
pub(super) const QUOTA_ATTAINMENT: Explanation = Explanation {
    what: "The share of reps who reached their quota in the period; the table shows each rep's attainment.",
    formula: "Quota rows inside the period (same rule as forecasts) are summed per owner; attainment = revenue that owner won in the period / that owner's Σ quota. Owners whose Σ quota is 0 or less are left out. Headline = share of owners with attainment ≥ 100 %. Undefined when no owner has quota in the period.",
    why: "It tells whether targets are pitched at the right level. It is a check on the target-setting as much as on the reps.",
    watch: "Hold the share against the 60 % and 90 % marks: under 60 % the targets may be unrealistic (or hiring, coaching and pay need a look); over 90 % they are probably too easy and the way targets are set should be revisited. A quota row counts only when its whole period lies inside the selected period, and owner names must match those on the deals.",
};

/// `leads_needed`
pub(super) const LEADS_NEEDED: Explanation = Explanation {
    what: "How many leads the target requires at the current deal size and lead conversion rate.",
    formula: "Target / average deal size / lead conversion rate; wins needed = target / average deal size is shown beside it. The target is the number you type, else Σ quota of quota rows inside the period. Undefined when any part is undefined or 0.",
    why: "It turns a revenue target into work for marketing and reps: a target of 800 M at an average deal of 10 M needs 80 wins, and at a 10 % lead conversion rate that means 800 leads.",
    watch: "It assumes new leads convert and size like past ones; a change in lead sources or market moves both. Recent leads still in progress pull the conversion rate down and the need up. Leads must arrive about one sales cycle before the revenue is due.",
};

// ---------------------------------------------------------------------------------------------
// Leads and activity
// ---------------------------------------------------------------------------------------------

/// `leads_created`
pub(super) const LEADS_CREATED: Explanation = Explanation {
    what: "How many leads came in during the period.",
    formula: "Count of leads with a created date in the period. Undefined when it is 0.",
    why: "It is the top of the funnel: everything later depends on it. Set against leads needed it shows early whether the target is reachable with the current inflow.",
    watch: "Volume is not quality: read it with qualified leads and lead-to-opportunity. Duplicates and bulk-imported lists inflate it.",
};

/// `qualified_leads`
pub(super) const QUALIFIED_LEADS: Explanation = Explanation {
    what: "How many leads were qualified in the period.",
    formula: "With a qualified_at column: leads whose qualified date is in the period. Without it: leads created in the period marked qualified = yes. Undefined when no lead was created and none was qualified in the period.",
    why: "Reps lose a lot of time on leads that were never qualified. This count tells whether lead generation, usually run with marketing, brings real prospects, and how to spread the qualified queue across reps or whether to hire more.",
    watch: "It depends on the scoring and qualification rules: a change in the rules moves it without any change in demand. With qualified_at a lead counts when it was qualified, which may be after the period it was created in, so do not divide it by leads created.",
};

/// `lead_to_opportunity`
pub(super) const LEAD_TO_OPPORTUNITY: Explanation = Explanation {
    what: "The share of new leads that became an opportunity.",
    formula: "Leads created in the period that are qualified (a qualified date present, or qualified = yes) or linked to a deal (non-empty deal_id) / leads created in the period. Undefined when no lead was created in the period.",
    why: "Where sales ops helps qualify leads, this ratio measures that work. Far below target it points at lead quality, and is a reason to check whether marketing and sales agree on what a good lead is.",
    watch: "Find the cause before assigning blame: poor leads are easy to pin on marketing, but the sales team may be failing to qualify good ones. Leads from the last days of the period have had little time to qualify.",
};

/// `lead_conversion_rate`
pub(super) const LEAD_CONVERSION_RATE: Explanation = Explanation {
    what: "The share of new leads that ended in a won deal.",
    formula: "Leads created in the period whose deal_id names a deal with status won (closed at any date) / leads created in the period. The linked deal is looked up among all deals, ignoring the filters. Undefined when no lead was created in the period.",
    why: "It is one of the simplest checks on the whole process, from lead to closed deal, and so on whether the sales strategy is sound and the team effective: 500 leads a month of which 50 buy is a 10 % rate. It is also the rate that turns a target into leads needed.",
    watch: "A good rate differs a lot by industry and business model, so benchmark against your own history. Recent leads have not had time to close, so the last periods look low until their deals are won.",
};

/// `lead_response_time`
pub(super) const LEAD_RESPONSE_TIME: Explanation = Explanation {
    what: "How many minutes it takes to first contact a new lead (median).",
    formula: "Minutes from created_at to first_contact_at, on the full timestamps with time zones applied, over leads created in the period that have both; negative gaps are left out and counted. Headline = median; the mean and the share contacted within 5 minutes (300 seconds or less) are beside it, with a table per owner. Undefined when no lead was contacted.",
    why: "Speed is one of the strongest drivers of turning a lead into a deal: contact rates fall off sharply after the first 5 minutes, and the odds of qualifying a lead drop about 21-fold between 5 and 30 minutes. Tracking it also keeps the team aware that fast replies matter.",
    watch: "Look at each rep, not only the company figure: response time is personal and reps fall behind for different reasons, which the per-owner table helps find. Leads never contacted are not in it at all, so compare the contacted count with leads created.",
};

/// `touchpoints_to_meeting`
pub(super) const TOUCHPOINTS_TO_MEETING: Explanation = Explanation {
    what: "The average number of touches it takes to book a first meeting with a lead.",
    formula: "Over leads created in the period: a lead's value is its touchpoints_to_meeting cell when present, else (activities loaded with lead_id) the number of its activities dated strictly before the date of its first meeting-type activity, for leads that have one. Headline = mean. Undefined when no lead has a value.",
    why: "It helps sales and marketing alike: it shows how well the materials move people towards a conversation, and how good reps are at getting the first meeting or call booked.",
    watch: "It matters for B2B and long-cycle products and hardly at all for small, quick sales. If marketing does all the warming up and the rep only books the meeting, the figure measures marketing, not sales. Leads that never got a meeting are not in it.",
};

/// `activity_volume`
pub(super) const ACTIVITY_VOLUME: Explanation = Explanation {
    what: "How many sales activities (calls, emails, meetings, demos) were logged in the period.",
    formula: "Count of activities dated in the period, per type class, per owner and per week. The type is classed in this order: containing \"meet\", \"termin\", \"spotkanie\" or \"会议\" → meeting; \"demo\", \"präsentation\", \"prezentacja\" or \"演示\" → demo; \"call\", \"phone\", \"anruf\", \"telefon\" or \"电话\" → call; \"mail\" or \"邮件\" → email; else other. Undefined when the count is 0.",
    why: "It lets managers follow productivity day to day and see how well the team works the sales process, down to a single rep when needed. Decide which activities matter most in your process and watch those.",
    watch: "Activity is effort, not outcome: more calls do not mean more wins, so read it with conversion. It only counts what is logged; auto-logged emails inflate it and reps who log little look idle.",
};

// ---------------------------------------------------------------------------------------------
// Customers and unit economics
// ---------------------------------------------------------------------------------------------

/// `new_customers`
pub(super) const NEW_CUSTOMERS: Explanation = Explanation {
    what: "How many new customers started in the period.",
    formula: "Customers with a start date in the period. Without a customers file: deals won in the period whose deal type is classed as new (needs the deal_type column). Undefined when the count is 0.",
    why: "It is the growth of the customer base and the divisor of CAC, so it links sales effort to what acquisition costs.",
    watch: "The two sources differ: a \"new\" deal can be a new contract with an existing customer, and a customer who returns may get a new start date. Customers carry no owner, team or region, so the filters do not apply to them.",
};

/// `churn_rate`
pub(super) const CHURN_RATE: Explanation = Explanation {
    what: "The share of customers lost during the period, measured against those active when it began.",
    formula: "Of the customers active on the day before the period starts (start date on or before that day and no end date or an end date after it), the share whose end date is in the period. Customers who start and end inside the period are not in that base and do not count, so the rate stays between 0 and 100 %. Undefined when no customer was active on that day.",
    why: "High churn, above all soon after signing, can point to a sales problem: reps over-promising to close, and customers leaving once they see what they actually bought. Keeping customers is also one of the cheapest ways to raise profit.",
    watch: "Unless sales also owns retention, its effort is usually better spent on other KPIs. The rate grows with the length of the period, so compare like periods. Customers who start and leave within the period count above the line but not below it.",
};

/// `retention_rate`
pub(super) const RETENTION_RATE: Explanation = Explanation {
    what: "The share of customers kept through the period, with a cohort table by start month.",
    formula: "1 − churn rate. Cohort table: customers grouped by start month (months overlapping the period); for k = 0, 1, … the share of a cohort still active on the last day of the k-th month after its start month (no end date or an end date after that day), as long as that day is not after the period's last day.",
    why: "Retention and churn are two sides of one coin. They matter to every business and most to subscription ones, whose revenue depends on customers renewing month after month.",
    watch: "The headline has the same limits as churn rate. In the cohort table the latest cohorts have only a few months and small cohorts swing with each customer who leaves.",
};

/// `cac`
pub(super) const CAC: Explanation = Explanation {
    what: "The average sales and marketing spend it takes to win one new customer.",
    formula: "Σ spend dated in the period with category marketing, sales or empty / new customers in the period. Spend in other categories is left out and counted; the breakdown is per category. Undefined when new customers is undefined or 0.",
    why: "It is a core unit-economics number: it shows whether selling is profitable, how far the business is from break-even and where costs can be cut. Acquisition costs that run away are one of the most common reasons young companies fail.",
    watch: "Do not judge it only against the product price: a CAC close to the average order can still pay off when lifetime value exceeds it. It fluctuates and differs by industry, so read it over long periods, and remember spend often wins customers a period or two later.",
};

/// `clv`
pub(super) const CLV: Explanation = Explanation {
    what: "How much a customer brings in on average over the whole relationship.",
    formula: "With customers: ARPA × gross margin / monthly churn, where ARPA = MRR / active customers with an mrr on the period's last day, and monthly churn = mean churn rate of the calendar months that overlap the period, each clipped to the period (months whose churn is undefined are skipped). Gross margin is a setting, 100 % by default. Undefined when monthly churn is 0 or undefined. Without customers: Σ amount of won deals closed on or before the period's last day / distinct accounts of those deals (needs the account column).",
    why: "Set against CAC it shows what each customer is worth after the cost of winning them. It also shows where sales effort pays best: the products and customer segments that bring the most revenue over time.",
    watch: "It is unreliable on a small customer base, where a few outliers skew it, and a month with almost no churn makes it explode. On its own it is more a RevOps number; for sales it is useful next to CAC or the average order value. With the default 100 % margin it is revenue, not profit.",
};

/// `clv_cac_ratio`
pub(super) const CLV_CAC_RATIO: Explanation = Explanation {
    what: "How many times a customer's lifetime value covers the cost of winning that customer.",
    formula: "CLV / CAC, each as defined for its own KPI. Undefined when either is undefined or CAC is 0.",
    why: "It answers whether acquisition spend pays back: below 1 every new customer loses money, and many teams aim for about 3 before spending more on growth.",
    watch: "It carries the weaknesses of both parts: CLV is shaky on small customer bases and CAC fluctuates. Customers and spend are not filtered by owner, team or region, so a segment filter does not give a per-segment ratio.",
};
