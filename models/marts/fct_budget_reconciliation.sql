with checks as (
    select * from {{ ref('int_budget__identity_checks') }}
),

documents as (
    select document_id, source_file from {{ ref('dim_document') }}
)

select
    checks.check_id,
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
    checks.tier,
    checks.source_lines,
    try_cast(split_part(checks.source_lines, ',', 1) as bigint) as source_line
from checks
left join documents
    on checks.document_id = documents.document_id
