"""Vocabulary of the narrative (情况说明) of a budget disclosure: its section headings and the figures it states."""

from __future__ import annotations

import re

# The section heading ends with 情况说明 (a table-of-contents entry ends with its page number).
NARRATIVE_START = re.compile(r"^第[一二三四五六七八九十]部分.{0,60}情况说明$")
# Other templates interleave the narrative with the tables: `部门预算编制说明`, `2026年单位预算编制说明`,
# `其他相关情况说明`, `第三部分…2024年度部门决算情况` (说明 on the next line). A table-of-contents entry prints the
# same words: a narrative heading is followed by prose within a few lines.
SECTION_START = re.compile(r"^(?:第[一二三四五六七八九十]部分)?.{0,40}(?:编制说明|情况说明|决算情况|预算情况)$")
PROSE = re.compile(r"[，。；]")
PROSE_MIN_LENGTH = 20
PROSE_WITHIN = 3  # non-blank lines below a heading
NARRATIVE_END = re.compile(
    r"^(?:第[一二三四五六七八九十]部分|[一二三四五六七八九十]+、国有资产|.{0,40}整体支出绩效目标(?:申报)?表$)"
)
HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
FIGURE = re.compile(
    r"(?P<label>[\u4e00-\u9fff“”\"（）()、]{0,24}?)\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|%|％|个)"
)
SENTENCE_ENDS = ("。", "：", ":")
BREAKDOWN = re.compile("其中")  # `X万元，其中：a万元，b万元`
FULL_STOP = "。"
# Topics by keyword, first match wins.
TOPICS = (
    ("三公", "three_public"), ("机关运行", "admin_operating"), ("政府采购", "procurement"),
    ("人员经费", "personnel"), ("公用经费", "public_use"), ("基本支出", "basic_expenditure"),
    ("项目支出", "project_expenditure"), ("绩效", "performance"), ("项目", "projects"),
    ("收入", "income"), ("支出", "expenditure"), ("拨款", "appropriation"),
)
# Amounts that compare with last year are not parts of a total.
CHANGE_WORDS = ("增加", "减少", "增长", "下降", "比上年", "同比")
PERCENT_UNITS = ("%", "％")
SHARE_OF = "占"  # `占…%`: a percentage of the amount before it
NARRATIVE_WORD = "情况说明"  # tested before NARRATIVE_START
SECTION_WORDS = ("说明", "决算情况", "预算情况")  # tested before SECTION_START
MONEY_UNIT = "万元"  # the unit of the narrative's amounts
