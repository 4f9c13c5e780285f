"""Vocabulary of the text checks (ingest.forms.text_checks): what a reviewing office sends back before a budget
disclosure is published. Every pattern keys on the printed words of the templates, never on a file or a department.

Each check has a cheap TRIGGER (a character class or a literal, which the regular-expression engine scans for at C
speed over the whole text) and a full pattern, run only on the lines the trigger hits.
"""

from __future__ import annotations

import re

CHECKS = ("placeholder", "template_choice", "doubled_punctuation", "unbalanced_quotes", "cut_sentence",
          "year_mismatch", "self_name", "publisher_name", "missing_table")

QUOTE_WIDTH = 80  # characters of the line quoted around a find

# --- placeholder -------------------------------------------------------------------------------------------------
# `XX单位`, `XX万元`, `20XX年`, `××`: a run of two or more X (Latin or full-width) or multiplication signs that
# stands for a name or a number. Not a Roman numeral or a size (`XXI`, `XXL`: Latin letters around the run), not the
# twentieth century (`XX世纪`).
_X_RUN = r"(?<![A-Za-zＡ-Ｚａ-ｚ])(?:[XＸ]{2,}|[xｘ]{2,})(?![A-Za-zＡ-Ｚａ-ｚ]|\s*世纪)"
_TIMES_RUN = r"[×✕╳]{2,}"
# Instructions of the template left in the text (`有待补充` is prose: something still to be done).
_FILL_IN = r"(?<!有)待(?:填写|补充)|此处填写|请(?:在此)?填写|请输入"
# A bracketed template field: `{单位}`, `［单位名称］`, `【金额】`, `<项目名称>`. Only a field word inside: a document
# number in brackets (`晋财社{2023}302号`, `沪府规【2016】168号`) holds digits and is not a field.
_FIELD_WORD = (r"(?:(?:预算|主管|实施|申报)?(?:单位|部门|项目|机构)(?:名称|全称)?"
               r"|名称|金额|数额|数字|年份|日期|姓名|XX|xx|××)")
_FIELD = r"[{｛［【〔<＜〈]\s*" + _FIELD_WORD + r"\s*[}｝］】〕>＞〉]"
PLACEHOLDER = re.compile(f"{_X_RUN}|{_TIMES_RUN}|{_FILL_IN}|{_FIELD}")
PLACEHOLDER_TRIGGER = re.compile(r"[XＸxｘ×✕╳待此请填{｛［【〔<＜〈]")

# --- template_choice ---------------------------------------------------------------------------------------------
# Both alternatives of a template choice left in the prose: `增加（减少）`, `增加/减少`, `上升/下降`, `（部门）单位`.
# `部门（单位）` is the forms' own name for a budget body (`预算部门（单位）`, `审核批复部门（单位）的年度预决算`),
# not a choice left open; `增减` is one word.
_DIRECTION = "增加|减少|增长|下降|上升|提高|降低|持平|高于|低于|增|减"
_DIRECTION_WORD = "增加|减少|增长|下降|上升|提高|降低|持平|高于|低于"  # `增/减` heads table columns
_SCOPE = "部门|单位"
_SLASH = "[/／]"
TEMPLATE_CHOICE = re.compile(
    rf"(?:{_DIRECTION_WORD})(?:{_SLASH}(?:{_DIRECTION_WORD}))+"
    rf"|(?:{_DIRECTION})[（(](?:{_DIRECTION})[)）]"
    rf"|(?:{_SCOPE}){_SLASH}(?:{_SCOPE})"
    rf"|[（(](?:{_SCOPE})[)）](?:{_SCOPE})"
)
# Prose, where a choice must have been made: a line with a sentence in it, or a long one (a table's column heading,
# `比上年增加（减少）`, is a choice the reader makes).
PROSE_MIN_LENGTH = 40
TEMPLATE_CHOICE_TRIGGER = re.compile(r"[/／（(](?=[增减下上提降持高低部单])")  # the second alternative's start

# --- doubled_punctuation -----------------------------------------------------------------------------------------
# `。。`, `，，`, `；；`, `、、`, `，。`, `。，`, also across the break of a wrapped line (not `……`: an ellipsis).
_BREAK = r"[ \u3000]*(?:\n[ \u3000]*)*"  # spaces, and the line breaks (and blank lines) of a wrapped text
DOUBLED_PUNCTUATION = re.compile(rf"([。，；、]){_BREAK}\1|，{_BREAK}。|。{_BREAK}，")
DOUBLED_TRIGGER = re.compile(r"[。，；、](?=[ \u3000\n]*[。，；、])")

# --- cut_sentence ------------------------------------------------------------------------------------------------
# A sentence that stops where its complement should stand: `主要原因是。`, `主要用于。`, `包括：。`, `：。`, or an
# amount left out (`预算数为。`).
# Not `其中。` or `…的原因。`: a sentence may end so (`融入其中。`, `分析其原因。`).
_NEEDS_COMPLEMENT = (r"原因(?:是|为|在于)|主要(?:是|为|用于|包括)|用于|包括|分别(?:是|为)"
                     r"|(?:预算数|决算数|执行数|金额|总额|合计|总计|共计|资金|经费|预算|决算|支出|收入)(?:为|是|达到?)")
CUT_SENTENCE = re.compile(rf"(?:{_NEEDS_COMPLEMENT})[ \u3000]*[：:]?[ \u3000]*。|[：:][ \u3000]*。")
CUT_TRIGGER = re.compile(r"[是为于括到达：:][ \u3000]*[：:]?[ \u3000]*。")
# A wrapped sentence left hanging (`…，`) just before a chapter heading.
DANGLING_TRIGGER = re.compile(r"，(?=[ \u3000]*\n)")

# --- unbalanced_quotes -------------------------------------------------------------------------------------------
# Directed quotation marks and book-title marks; ASCII `"` has no direction and is never reported.
QUOTE_PAIRS = {"“": "”", "‘": "’", "《": "》"}
CLOSING = {close: open_ for open_, close in QUOTE_PAIRS.items()}
QUOTE_MARK = re.compile("[“”‘’《》]")
ASCII_QUOTE = '"'
FULL_STOP = "。"  # a book title (《…》) never holds one; a quotation may
ANY_QUOTE = re.compile('[“”‘’《》"。]')
QUOTE_SPAN = 6  # text lines a quotation may wrap over

# --- headings ----------------------------------------------------------------------------------------------------
# The numbering in front of a heading or a contents entry: `第二部分`, `一、`, `（一）`, `1.`, `4．`, `表十一`,
# `部门公开表9` (not the `1.5` of an amount).
HEADING_MARK = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]"
                          r"|[（(][一二三四五六七八九十]+[)）][、.．]?|\d{1,2}[.．、](?=20\d\d|\D)"
                          r"|表(?:[一二三四五六七八九十]+|\d{1,2}(?!\d))|(?:预算|部门|单位)?公开表\d+)")
# The numbering of a chapter heading (not `1、`, which also numbers the items of a paragraph).
_CHINESE_NUMBER = "[一二三四五六七八九十]+"
MAJOR_HEADING = re.compile(rf"^(?:第{_CHINESE_NUMBER}部分|{_CHINESE_NUMBER}、|[（(]{_CHINESE_NUMBER}[)）])")
MAJOR_HEADING_MAX = 40
# The leader and page number of a contents entry: `…………3`, `.....\t18`, `……`.
CONTENTS_TAIL = re.compile(r"[.…·．\s]*\d{0,4}\s*$")
SENTENCE_MARK = re.compile(r"[，。；！？,;]")
# A table of contents ends at a sentence or a labelled line (`编制单位：…`, the first page of the body).
CONTENTS_END = re.compile(r"[，。；！？,;：:]")
HEADING_MAX = 60  # characters of a heading (squeezed)
COVER_LINES = 8  # non-blank lines before the contents that may name the document
# Lines worth reading as headings: those holding one of these words (most lines of a document hold none).
DESIGNATION_LINE = re.compile(r"预算|决算|职能|机构设置|概况|基本情况|职责|表|报告|公开")
PART_ENDINGS = ("说明", "情况", "报告", "公开")  # a chapter heading ends so

# --- year_mismatch -----------------------------------------------------------------------------------------------
# A heading that dates the report: a year, then (within the heading) what it is.
DATED_HEADING = re.compile(r"(?<!\d)(?P<year>20\d\d)\s*年度?(?P<what>.{0,30}?(?:预算|决算|报表|表|公开|报告))")
# Headings that compare with, or look back at, another year are not the document's year.
COMPARISON = re.compile(r"比|较|相比|同期|上年|以前|以来|[-—–~～至到]\s*20\d\d")
LOOKS_BACK = re.compile(r"决算|执行|完成")  # a budget may print last year's outturn
LOOKS_AHEAD = re.compile(r"预算")  # final accounts may print next year's budget
AS_OF = re.compile(r"截[至止]\s*(?P<year>20\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
AS_OF_TRIGGER = re.compile(r"截[至止]")

# --- self_name and publisher_name --------------------------------------------------------------------------------
# A report naming itself: `吕梁市财政局2024年单位预算公开报告`, `上海市普陀区2026年区级单位预算`, `单位预算表`,
# `2024年度部门预算情况说明`, `部门预算收支数据变动情况及原因` (numbering already taken off). The kind words open the
# heading (after a name, a year, a level), so `…基本支出部门预算经济分类预算表` and `预算单位财务收支预算总表` are not
# designations.
_LEVEL = r"(?:中央|省级|市级|区级|县级|县[（(]区[)）]级|乡镇级)"
SELF_DESIGNATION = re.compile(
    r"^(?P<name>[\u4e00-\u9fff（）()]{0,40}?)(?:(?P<year>20\d\d)年度?)?" + _LEVEL + r"?"
    r"(?P<scope>部门|单位)(?P<phase>预算|决算)"
    r"(?:公开)?(?:报告|报表|表|编制说明|情况说明|情况|收支数据变动情况及原因|收支|单位构成)?$"
)
# A heading naming the body a chapter is about: `上海市普陀区司法局主要职能`, `上海市普陀区财政局概况`.
NAMED_HEADING = re.compile(r"^(?P<name>[\u4e00-\u9fff（）()]{4,40}?)(?:主要职能|机构设置|概况|基本情况|职能职责)$")
KIND_SCOPE = {"department_budget": "部门", "unit_budget": "单位"}
# The documents that are reports of one body (their headings date and name it), not project-table compilations.
REPORT_KINDS = frozenset({"department_budget", "unit_budget", "final_accounts"})
# How a body's name ends (局, 委员会, 办事处 …): a heading naming anything else (`项目支出概况`) names no body.
BODY_NAME = re.compile(r"(?:局|厅|委员会|委|办公室|办事处|中心|院|所|站|队|部|会|府|馆|校|社|室|处|团|司|行|台)$")
# What a heading may name instead of a body: the document itself or its kind.
GENERIC_NAMES = frozenset({"部门", "单位", "本部门", "本单位", "本级", "我部门", "我单位"})

# --- missing_table -----------------------------------------------------------------------------------------------
CONTENTS_TRIGGER = re.compile(r"目[ \t\u3000]*录")
CONTENTS_MAX_LINES = 120  # non-blank lines of a table of contents at most
# What a contents entry and a printed title may differ in: years, numbering, the body (`部门`, `预算单位`), spaces.
TITLE_NOISE = re.compile(r"(?:20\d\d)年度?|^(?:部门|单位|预算单位|本部门|本单位)")
TABLE_END = re.compile(r"表(?:[（(][^)）]{1,14}[)）])?$")
TABLE_TITLE_TRIGGER = re.compile(r"表")
PROJECT_TITLE_WORD = re.compile(r"绩\s*效\s*目\s*标")  # tested before labels.is_project_table_title
