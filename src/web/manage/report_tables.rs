//! The tables of the dashboards, built once per request and used three ways: shown on the
//! page beside their chart, downloaded alone as CSV, or together as an XLSX workbook. The
//! charts are drawn from the same rows, so chart, table and file always agree.

use crate::domain::report_figures::{Breakdown, Figures};
use crate::domain::{countries, enrollment};
use crate::repo::reports::{EditionFacts, SessionMarks};
use crate::services::reports::{Cuts, EditionReport, Overview};
use crate::services::survey::SurveyResults;
use crate::web::charts::{self, Bar, Series, Stack};
use crate::web::export::{Cell, Sheet};
use crate::web::view::Ctx;

/// One table of a report with its key (for `?table=`) and its chart, if it has one.
pub struct Table {
    pub key: &'static str,
    pub sheet: Sheet,
    pub chart: Option<String>,
}

/// How many countries a bar chart shows; the table lists all of them.
const TOP_COUNTRIES: usize = 15;

/// A share as the page shows it.
pub fn percent(v: Option<f64>) -> String {
    v.map(|v| format!("{:.1} %", v * 100.0)).unwrap_or_else(|| "—".into())
}

fn share_bar(label: String, v: Option<f64>) -> Bar {
    Bar { label, value: v.unwrap_or(0.0) * 100.0, display: percent(v) }
}

fn count_bar(label: String, n: i64) -> Bar {
    Bar { label, value: n as f64, display: n.to_string() }
}

fn figure_headers(ctx: &Ctx<'_>) -> Vec<String> {
    [
        "report-applications",
        "report-participants",
        "report-countries",
        "report-attendance",
        "report-progress",
        "report-completed",
        "report-completion",
        "report-certificates",
    ]
    .iter()
    .map(|k| ctx.t(k))
    .collect()
}

fn figure_cells(f: &Figures) -> Vec<Cell> {
    vec![
        Cell::Int(f.applications),
        Cell::Int(f.participants),
        Cell::Int(i64::try_from(f.countries.len()).unwrap_or(i64::MAX)),
        Cell::Share(f.attendance_rate()),
        Cell::Share(f.lesson_progress()),
        Cell::Int(f.completed),
        Cell::Share(f.completion_rate()),
        Cell::Int(f.certificates),
    ]
}

pub fn region_name(ctx: &Ctx<'_>, region: &str) -> String {
    if region.is_empty() { ctx.t("report-not-given") } else { ctx.t(&format!("region-{region}")) }
}

pub fn country_name(ctx: &Ctx<'_>, code: &str) -> String {
    match countries::find(code) {
        Some(c) => c.name(ctx.lang).to_string(),
        None if code.is_empty() => ctx.t("report-not-given"),
        None => code.to_string(),
    }
}

pub fn org_type_name(ctx: &Ctx<'_>, t: &str) -> String {
    if t.is_empty() { ctx.t("report-not-given") } else { ctx.t(&format!("org-type-{t}")) }
}

pub fn state_name(ctx: &Ctx<'_>, s: &str) -> String {
    ctx.t(&format!("report-state-{s}"))
}

/// A breakdown as a table (label columns first) and bars of participants.
fn breakdown<K: Ord>(
    ctx: &Ctx<'_>,
    key: &'static str,
    title_key: &str,
    label_headers: Vec<String>,
    data: &Breakdown<K>,
    labels: impl Fn(&K) -> Vec<String>,
    chart_limit: usize,
) -> Table {
    let mut entries: Vec<(&K, &Figures)> = data.iter().collect();
    entries.sort_by(|a, b| b.1.participants.cmp(&a.1.participants).then(b.1.applications.cmp(&a.1.applications)));
    let title = ctx.t(title_key);
    let bars: Vec<Bar> = entries
        .iter()
        .filter(|(_, f)| f.participants > 0)
        .take(chart_limit)
        .map(|(k, f)| count_bar(labels(k).into_iter().next().unwrap_or_default(), f.participants))
        .collect();
    let chart = charts::bars(key, &title, &ctx.t(&format!("{title_key}-desc")), &bars);
    let mut headers = label_headers;
    headers.extend(figure_headers(ctx));
    let rows = entries
        .iter()
        .map(|(k, f)| {
            let mut row: Vec<Cell> = labels(k).into_iter().map(Cell::Text).collect();
            row.extend(figure_cells(f));
            row
        })
        .collect();
    Table { key, sheet: Sheet { name: title, headers, rows }, chart: Some(chart) }
}

fn common_breakdowns(ctx: &Ctx<'_>, cuts: &Cuts) -> Vec<Table> {
    vec![
        breakdown(
            ctx,
            "regions",
            "report-by-region",
            vec![ctx.t("report-region")],
            &cuts.by_region,
            |r| vec![region_name(ctx, r)],
            5,
        ),
        breakdown(
            ctx,
            "countries",
            "report-by-country",
            vec![ctx.t("report-country"), ctx.t("report-region")],
            &cuts.by_country,
            |c| {
                let region = countries::find(c).map(|x| x.region).unwrap_or_default();
                vec![country_name(ctx, c), region_name(ctx, region)]
            },
            TOP_COUNTRIES,
        ),
        breakdown(
            ctx,
            "org-types",
            "report-by-org-type",
            vec![ctx.t("report-org-type")],
            &cuts.by_org_type,
            |t| vec![org_type_name(ctx, t)],
            10,
        ),
    ]
}

fn edition_label(e: &EditionFacts) -> String {
    format!("{} {}", e.program_short_name, e.starts_on.get(..4).unwrap_or_default())
}

/// The cross-edition tables: per edition, per year, trends, states, and the breakdowns.
pub fn overview(ctx: &Ctx<'_>, o: &Overview) -> Vec<Table> {
    let empty = Figures::default();
    let fig = |e: &EditionFacts| o.cuts.by_edition.get(&e.id).unwrap_or(&empty);
    let mut headers = vec![ctx.t("report-program"), ctx.t("report-edition"), ctx.t("report-starts")];
    headers.extend(figure_headers(ctx));
    headers.push(ctx.t("report-capacity"));
    let editions = Table {
        key: "editions",
        sheet: Sheet {
            name: ctx.t("report-by-edition"),
            headers,
            rows: o
                .editions
                .iter()
                .map(|e| {
                    let mut row =
                        vec![Cell::text(&e.program_short_name), Cell::text(&e.title), Cell::text(&e.starts_on)];
                    row.extend(figure_cells(fig(e)));
                    row.push(Cell::Int(e.capacity));
                    row
                })
                .collect(),
        },
        chart: None,
    };

    let years: Vec<(&String, &Figures)> = o.cuts.by_year.iter().collect();
    let points = |f: &dyn Fn(&Figures) -> Option<f64>| -> Vec<(String, Option<f64>)> {
        years.iter().map(|(y, fig)| ((*y).clone(), f(fig))).collect()
    };
    let participants = Series { name: ctx.t("report-participants"), points: points(&|f| Some(f.participants as f64)) };
    let reached = Series { name: ctx.t("report-countries"), points: points(&|f| Some(f.countries.len() as f64)) };
    let rates = vec![
        Series { name: ctx.t("report-completion"), points: points(&|f| f.completion_rate().map(|v| v * 100.0)) },
        Series { name: ctx.t("report-attendance"), points: points(&|f| f.attendance_rate().map(|v| v * 100.0)) },
    ];
    let trend_title = ctx.t("report-trend");
    let rate_title = ctx.t("report-trend-rates");
    let trend_chart = format!(
        "{}{}",
        charts::lines("trend", &trend_title, &ctx.t("report-trend-desc"), &[participants, reached], false),
        charts::lines("trend-rates", &rate_title, &ctx.t("report-trend-rates-desc"), &rates, true),
    );
    let mut year_headers = vec![ctx.t("report-year")];
    year_headers.extend(figure_headers(ctx));
    let years_table = Table {
        key: "years",
        sheet: Sheet {
            name: trend_title,
            headers: year_headers,
            rows: years
                .iter()
                .map(|(y, f)| {
                    let mut row = vec![Cell::text(y.as_str())];
                    row.extend(figure_cells(f));
                    row
                })
                .collect(),
        },
        chart: Some(trend_chart),
    };

    let mut tables = vec![years_table, editions, states_table(ctx, o)];
    tables.extend(common_breakdowns(ctx, &o.cuts));
    tables
}

/// Applications by state per edition, as stacked bars and a table.
fn states_table(ctx: &Ctx<'_>, o: &Overview) -> Table {
    let empty = Figures::default();
    let title = ctx.t("report-by-state");
    let stacks: Vec<Stack> = o
        .editions
        .iter()
        .map(|e| {
            let f = o.cuts.by_edition.get(&e.id).unwrap_or(&empty);
            Stack {
                label: edition_label(e),
                parts: enrollment::STATES.iter().map(|s| (state_name(ctx, s), f.state(s) as f64)).collect(),
            }
        })
        .collect();
    let chart = charts::stacked("states", &title, &ctx.t("report-by-state-desc"), &stacks);
    let mut headers = vec![ctx.t("report-edition")];
    headers.extend(enrollment::STATES.iter().map(|s| state_name(ctx, s)));
    headers.push(ctx.t("report-applications"));
    let rows = o
        .editions
        .iter()
        .map(|e| {
            let f = o.cuts.by_edition.get(&e.id).unwrap_or(&empty);
            let mut row = vec![Cell::text(&e.title)];
            row.extend(enrollment::STATES.iter().map(|s| Cell::Int(f.state(s))));
            row.push(Cell::Int(f.applications));
            row
        })
        .collect();
    Table { key: "states", sheet: Sheet { name: title, headers, rows }, chart: Some(chart) }
}

/// A session's attendance among `participants` people: attended over those not excused.
fn session_rate(s: &SessionMarks, participants: i64, started: bool) -> Option<f64> {
    let expected = participants - s.excused;
    (started && expected > 0).then(|| ((s.present + s.late) as f64 / expected as f64).clamp(0.0, 1.0))
}

/// One edition's tables.
pub fn edition(ctx: &Ctx<'_>, r: &EditionReport, survey: Option<&SurveyResults>, now: &str) -> Vec<Table> {
    let f = &r.cuts.total;
    let e = &r.edition;
    let summary_rows: Vec<(String, Cell)> = vec![
        (ctx.t("report-applications"), Cell::Int(f.applications)),
        (ctx.t("report-participants"), Cell::Int(f.participants)),
        (ctx.t("report-capacity"), Cell::Int(e.capacity)),
        (ctx.t("report-seats-taken"), Cell::Int(e.seats_taken)),
        (ctx.t("report-countries"), Cell::Int(i64::try_from(f.countries.len()).unwrap_or(0))),
        (ctx.t("report-attendance"), Cell::Share(f.attendance_rate())),
        (ctx.t("report-progress"), Cell::Share(f.lesson_progress())),
        (ctx.t("report-completed"), Cell::Int(f.completed)),
        (ctx.t("report-completion"), Cell::Share(f.completion_rate())),
        (ctx.t("report-certificates"), Cell::Int(f.certificates)),
    ];
    let summary = Table {
        key: "summary",
        sheet: Sheet {
            name: ctx.t("report-summary"),
            headers: vec![ctx.t("report-figure"), ctx.t("report-value")],
            rows: summary_rows.into_iter().map(|(k, v)| vec![Cell::Text(k), v]).collect(),
        },
        chart: None,
    };

    let states_title = ctx.t("report-by-state");
    let state_bars: Vec<Bar> = enrollment::STATES.iter().map(|s| count_bar(state_name(ctx, s), f.state(s))).collect();
    let states = Table {
        key: "states",
        chart: Some(charts::bars("states", &states_title, &ctx.t("report-states-desc"), &state_bars)),
        sheet: Sheet {
            name: states_title,
            headers: vec![ctx.t("report-state"), ctx.t("report-applications")],
            rows: enrollment::STATES
                .iter()
                .map(|s| vec![Cell::Text(state_name(ctx, s)), Cell::Int(f.state(s))])
                .collect(),
        },
    };

    let sessions_title = ctx.t("report-sessions");
    let rated: Vec<(&SessionMarks, Option<f64>)> =
        r.sessions.iter().map(|s| (s, session_rate(s, f.participants, s.starts_at.as_str() <= now))).collect();
    let sessions = Table {
        key: "sessions",
        chart: Some(charts::bars(
            "sessions",
            &sessions_title,
            &ctx.t("report-sessions-desc"),
            &rated.iter().filter(|(_, v)| v.is_some()).map(|(s, v)| share_bar(s.title.clone(), *v)).collect::<Vec<_>>(),
        )),
        sheet: Sheet {
            name: sessions_title,
            headers: [
                "report-session",
                "report-starts",
                "report-present",
                "report-late",
                "report-excused",
                "report-absent",
                "report-attendance",
            ]
            .iter()
            .map(|k| ctx.t(k))
            .collect(),
            rows: rated
                .iter()
                .map(|(s, v)| {
                    vec![
                        Cell::text(&s.title),
                        Cell::text(s.starts_at.get(..16).unwrap_or(&s.starts_at).replace('T', " ")),
                        Cell::Int(s.present),
                        Cell::Int(s.late),
                        Cell::Int(s.excused),
                        Cell::Int(s.absent),
                        Cell::Share(*v),
                    ]
                })
                .collect(),
        },
    };

    let progress_title = ctx.t("report-progress-bands");
    let band_names: Vec<String> = (0..6).map(|i| ctx.t(&format!("report-band-{i}"))).collect();
    let progress = Table {
        key: "progress",
        chart: Some(charts::bars(
            "progress",
            &progress_title,
            &ctx.t("report-progress-bands-desc"),
            &band_names.iter().zip(r.progress_bands).map(|(n, c)| count_bar(n.clone(), c)).collect::<Vec<_>>(),
        )),
        sheet: Sheet {
            name: progress_title,
            headers: vec![ctx.t("report-lessons-done"), ctx.t("report-participants")],
            rows: band_names.iter().zip(r.progress_bands).map(|(n, c)| vec![Cell::text(n), Cell::Int(c)]).collect(),
        },
    };

    let quotas = Table {
        key: "quotas",
        chart: None,
        sheet: Sheet {
            name: ctx.t("report-quotas"),
            headers: vec![ctx.t("report-country"), ctx.t("report-seats-taken"), ctx.t("report-quota")],
            rows: r
                .country_seats
                .iter()
                .map(|(c, n)| {
                    vec![
                        Cell::Text(country_name(ctx, c)),
                        Cell::Int(*n),
                        e.country_quota.map(Cell::Int).unwrap_or_else(|| Cell::text("—")),
                    ]
                })
                .collect(),
        },
    };

    let mut tables = vec![summary, states, sessions, progress, quotas];
    tables.extend(common_breakdowns(ctx, &r.cuts));
    if let Some(s) = survey {
        tables.push(survey_table(ctx, s));
    }
    tables
}

fn survey_table(ctx: &Ctx<'_>, s: &SurveyResults) -> Table {
    let mut headers = vec![ctx.t("report-question"), ctx.t("report-answers"), ctx.t("report-mean")];
    headers.extend((1..=5).map(|v| v.to_string()));
    let rows = s
        .questions
        .iter()
        .map(|q| {
            let (answers, mean, counts) = match &q.likert {
                Some(l) => (l.answers, l.mean.map(|m| format!("{m:.2}")).unwrap_or_default(), l.counts.to_vec()),
                None => (i64::try_from(q.texts.len()).unwrap_or(0), String::new(), Vec::new()),
            };
            let mut row = vec![Cell::text(&q.question.prompt), Cell::Int(answers), Cell::Text(mean)];
            row.extend(counts.into_iter().map(Cell::Int));
            row
        })
        .collect();
    Table { key: "survey", chart: None, sheet: Sheet { name: ctx.t("report-survey"), headers, rows } }
}

/// A table's rows as the page shows them (shares with a percent sign).
pub fn page_rows(sheet: &Sheet) -> Vec<Vec<String>> {
    sheet
        .rows
        .iter()
        .map(|r| r.iter().map(|c| if let Cell::Share(v) = c { percent(*v) } else { c.plain() }).collect())
        .collect()
}
