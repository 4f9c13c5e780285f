-- Rule T04: see seeds/validation_rules.csv. One row per failing object.
-- The narrative names a classification code (`医疗卫生与计划生育支出（210类）`) by a name that is neither the one
-- the document's tables print for that code nor the one of the reference classification (an outdated or
-- miscopied name).
with items as (
    select * from {{ ref('stg_ingest__narrative_classifications') }}
),

-- every level the text names with its code: the 类, the 款 and the 项 of an item
named_levels as (
    select
        document_id,
        source_file,
        source_line,
        source_page,
        quote,
        class_code as code,
        class_name as name
    from items
    union all
    select
        document_id,
        source_file,
        source_line,
        source_page,
        quote,
        left(classification_code, 5) as code,
        kuan_name as name
    from items
    union all
    select
        document_id,
        source_file,
        source_line,
        source_page,
        quote,
        classification_code as code,
        xiang_name as name
    from items
),

-- each code and name once per document, where the text first prints it
named_codes as (
    select
        document_id,
        code,
        name,
        any_value(source_file) as source_file,
        arg_min(source_line, (coalesce(source_page, 0), source_line)) as source_line,
        arg_min(source_page, (coalesce(source_page, 0), source_line)) as source_page,
        arg_min(quote, (coalesce(source_page, 0), source_line)) as quote,
        {{ classification_name_key('name') }} as name_key
    from named_levels
    -- a whole code of the level it names: 3 digits a 类, 5 a 款, 7 a 项
    where code is not null and name is not null and length(code) in (3, 5, 7)
    group by document_id, code, name
),

table_names as (
    select distinct
        document_id,
        classification_code,
        label_key
    from {{ ref('int_budget__classification_lines') }}
),

reference_names as (
    select
        code,
        name,
        {{ classification_name_key('name') }} as name_key
    from {{ ref('dim_functional_classification') }}
),

mismatches as (
    select
        named_codes.*,
        any_value(table_names.label_key) as table_name,
        any_value(reference_names.name) as reference_name
    from named_codes
    left join table_names
        on named_codes.document_id = table_names.document_id and named_codes.code = table_names.classification_code
    left join reference_names on named_codes.code = reference_names.code
    group by all
    having
        (any_value(table_names.label_key) is not null or any_value(reference_names.name) is not null)
        and not coalesce(bool_or(table_names.label_key = named_codes.name_key), false)
        and not coalesce(bool_or(reference_names.name_key = named_codes.name_key), false)
)

select
    'T04' as rule_id,
    source_file,
    source_line,
    source_page,
    'narrative_classification' as object_type,
    md5(concat_ws('|', source_file, source_page::varchar, source_line::varchar, code, name)) as object_id,
    code || ' named ' || name || ' in the text' as message,
    coalesce(table_name, reference_name) as expected,
    name as actual,
    null::double as difference,
    quote
from mismatches
