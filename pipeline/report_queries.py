"""Every query of the overview page (pipeline/report.py), in one place: the mart columns the page relies on are the
ones named here. Each query returns rows as dicts keyed by the names after `as` (or the column names)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

# One raw file of the build, with what its document is (left join: an unreadable file has no document).
FILES = """
select m.source_file, m.document_id, m.status, m.detail, m.file_format, m.encoding, m.sha256, m.size_bytes,
       m.page_count, m.line_count, m.doc_kind, m.region_name, m.fiscal_year, d.publisher_name,
       m.budget_tables, m.project_tables, m.rejects
from marts.dim_file_manifest as m
left join marts.dim_document as d on d.document_id = m.document_id
order by m.source_file
"""

TOTALS = """
select
    (select count(*) from marts.dim_file_manifest) as files,
    (select count(*) from marts.dim_document) as documents,
    (select count(*) from marts.dim_budget_table) as budget_tables,
    (select count(*) from marts.dim_budget_table where is_declared_empty) as budget_tables_empty,
    (select count(*) from marts.dim_project) as projects,
    (select count(*) from marts.dim_project where is_duplicate_copy) as project_copies,
    (select count(*) from marts.fct_parse_reject) as rejects
"""

REJECTS = """
select source_file, source_page, source_line, stage, reason, detail
from marts.fct_parse_reject
order by source_file, source_page nulls first, source_line nulls first, reason
"""

# Every rule of the catalog with its number of findings (zero included).
RULES = """
select r.rule_id, r.severity, r.category, r.description, count(f.rule_id) as findings
from marts.dim_validation_rule as r
left join marts.fct_dq_finding as f on f.rule_id = r.rule_id
group by r.rule_id, r.severity, r.category, r.description
order by r.rule_id
"""

FINDINGS = """
select rule_id, severity, source_file, source_page, source_line, object_type, message, expected, actual, quote
from marts.fct_dq_finding
order by source_file, source_page nulls first, source_line nulls first, rule_id, finding_id
"""

# Expenditure per functional class (类) of each department's own expenditure table (one document, year and phase):
# the table's total column (measure expenditure_total: 合计 / 本年支出合计) where it prints one, else
# expenditure_basic + expenditure_project (基本支出 + 项目支出), chosen per class.
BUDGET_BY_CLASS = """
with class_rows as (
    select document_id, department_name, fiscal_year, phase, class_code, measure, amount_wan_yuan,
           case when measure = 'expenditure_total' then 1 else 2 end as tier
    from marts.fct_budget_by_function
    where table_type = 'expenditure_summary' and classification_level = '类'
      and measure in ('expenditure_total', 'expenditure_basic', 'expenditure_project')
),
chosen as (
    select document_id, phase, class_code, min(tier) as tier from class_rows group by all
)
select c.document_id, c.department_name, c.fiscal_year, c.phase, c.class_code,
       coalesce(k.name, c.class_code) as class_name, sum(c.amount_wan_yuan) as amount_wan_yuan
from class_rows as c
inner join chosen as b on b.document_id = c.document_id and b.phase = c.phase and b.class_code = c.class_code
    and b.tier = c.tier
left join marts.dim_functional_classification as k on k.code = c.class_code
group by all
order by c.department_name, c.fiscal_year, c.phase, c.class_code
"""

# Annual project funding by supervising department and fund source: the printed sources, not the totals
# (is_total); blank cells, figures that contradict their unit (trusted_amount_yuan is null there; a project with
# any such figure is left out whole) and reprinted copies of a table are left out.
PROJECT_FUNDING = """
select coalesce(p.department_name, '（未印主管部门）') as department_name, f.fund_source,
       coalesce(s.label_zh, f.fund_source) as source_label, sum(f.trusted_amount_yuan) / 10000 as amount_wan_yuan,
       count(distinct f.project_id) as projects
from marts.fct_project_funding as f
inner join marts.dim_project as p on p.project_id = f.project_id
left join marts.dim_fund_source as s on s.fund_source = f.fund_source
where f.period = 'annual' and not f.is_total and f.trusted_amount_yuan is not null and not f.is_blank
  and not p.has_unit_conflict and not p.is_duplicate_copy
group by all
order by department_name, f.fund_source
"""


def fetch(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@dataclass(frozen=True)
class OverviewData:
    totals: dict
    files: list[dict]
    rejects: list[dict]
    rules: list[dict]
    findings: list[dict]
    budget_by_class: list[dict]
    project_funding: list[dict]


def load_overview(con: duckdb.DuckDBPyConnection) -> OverviewData:
    return OverviewData(
        totals=fetch(con, TOTALS)[0],
        files=fetch(con, FILES),
        rejects=fetch(con, REJECTS),
        rules=fetch(con, RULES),
        findings=fetch(con, FINDINGS),
        budget_by_class=fetch(con, BUDGET_BY_CLASS),
        project_funding=fetch(con, PROJECT_FUNDING),
    )
