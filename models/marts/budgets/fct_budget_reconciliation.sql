with checks as (
    select * from {{ ref('int_budget__identity_checks') }}
),

documents as (
    select
        document_id,
        source_file
    from {{ ref('dim_document') }}
)

select
    checks.check_id,
    checks.scope,
    checks.document_id,
    documents.source_file,
    checks.table_type,
    checks.identity,
    checks.description,
    checks.row_label,
    checks.column_label,
    checks.expected,
    checks.actual,
    checks.difference,
    checks.addends,
    checks.unit,
    checks.tier,
    checks.source_lines,
    -- The first of the lines, as page and line (`p3:12` -> page 3, line 12; `12` -> line 12 of a text file).
    try_cast(regexp_extract(split_part(checks.source_lines, ',', 1), '(\d+)$', 1) as bigint) as source_line,
    try_cast(regexp_extract(split_part(checks.source_lines, ',', 1), '^p(\d+):', 1) as bigint) as source_page
from checks
left join documents
    on checks.document_id = documents.document_id
