"""Vocabulary of what a narrative (情况说明, 编制说明) claims about the tables: the classifications it names with
their amounts (`一般公共服务支出（类）统计信息事务（款）统计管理（项）2.63万元`, `公共安全支出（204类）司法（06款）…`,
`“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元`), and the comparisons it draws
(`2022年当年预算执行数为1.48万元，2023年预算安排2.63万元，比2022年预算执行数增加77.70%`, `年初预算为1560.05万元，
支出决算为1511.89万元。决算数小于预算数`, `…14,656.81万元，比上年增加1619.83万元，增加12.42%`)."""

from __future__ import annotations

import re

NUMBER = r"\d[\d,，]*(?:\.\d+)?"
_NAME = r"[^（）()“”\"‘’，。；：:、\d\s\-—－]{2,30}?"

# One level of a classification path marked with its level: `统计信息事务（款）`, `司法（06款）`.
MARKED_LEVEL = re.compile(rf"(?P<name>{_NAME})\s*[（(]\s*(?P<code>\d{{2,3}})?\s*(?P<level>类|款|项)\s*[)）]")
# A path printed between quotes and hyphens, then 科目:
# `“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目`.
HYPHEN_PATH = re.compile(r"[“\"](?P<path>[^“”\"]{4,90}?)[”\"]\s*科目")
HYPHEN = re.compile(r"\s*[-—－]\s*")
LEVELS = {"类": 1, "款": 2, "项": 3}
# The amount printed right after a path: `”2.63万元`, `科目1,202.95万元`, `（01项）1434.89万元`.
STATED_AMOUNT = re.compile(rf"\s*[”\"]?\s*(?:科目)?\s*(?P<value>{NUMBER})\s*万元")  # .match at the path's end
# An item of an enumeration (`1.`, `13、`) opens a new classification; a heading ends the run.
ITEM_START = re.compile(r"(?:^|(?<=[。；：:\n]))\s*\d{1,3}\s*[、.．]\s*")
SECTION_HEADING = re.compile(r"(?:^|(?<=\n))\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
# Amounts an item states, by role: 预算安排 (this year's budget), 年初预算, 调整预算, 决算, last year's 执行数.
ROLE_AMOUNTS = (
    ("previous_executed", re.compile(rf"(?P<year>\d{{4}})年(?:当年)?预算执行数为\s*(?P<value>{NUMBER})\s*万元")),
    ("budget", re.compile(rf"(?P<year>\d{{4}})年预算安排\s*(?P<value>{NUMBER})\s*万元")),
    ("budget", re.compile(rf"年初预算(?:数)?为\s*(?P<value>{NUMBER})\s*万元")),
    ("adjusted_budget", re.compile(rf"调整(?:后)?预算(?:数)?为\s*(?P<value>{NUMBER})\s*万元")),
    ("executed", re.compile(rf"(?:支出)?决算(?:数)?为\s*(?P<value>{NUMBER})\s*万元")),
)

# Comparisons. Direction words, each with the direction it states.
DIRECTIONS = {"增加": "up", "增长": "up", "上升": "up", "提高": "up", "大于": "up", "超过": "up",
              "减少": "down", "下降": "down", "降低": "down", "小于": "down",
              "持平": "flat", "基本持平": "flat", "等于": "flat", "相等": "flat", "一致": "flat"}
_DIRECTION = "|".join(sorted(DIRECTIONS, key=len, reverse=True))
# Last year's outturn against this year's budget (the 上海 budget items).
PRIOR_YEAR_EXECUTION = re.compile(
    rf"(?P<prev_year>\d{{4}})年(?:当年)?预算执行数为\s*(?P<prev>{NUMBER})\s*万元\s*[，,]\s*"
    rf"(?P<cur_year>\d{{4}})年预算安排\s*(?P<cur>{NUMBER})\s*万元\s*[，,]\s*(?:比|较|与)\s*\d{{4}}年(?:当年)?"
    rf"预算执行数(?:相比)?\s*(?P<dir>{_DIRECTION})\s*(?:(?P<chg>{NUMBER})\s*(?P<chg_unit>%|％|万元))?"
)
# The budget against the outturn (决算): `年初预算为X万元，支出决算为Y万元，完成年初预算的Z%。决算数小于预算数`.
BUDGET_OUTTURN = re.compile(
    rf"年初预算(?:数)?为\s*(?P<prev>{NUMBER})\s*万元\s*[，,]\s*(?:支出)?决算(?:数)?为\s*(?P<cur>{NUMBER})\s*万元"
    rf"(?:\s*[，,]\s*完成(?:年初)?预算的\s*(?P<completion>{NUMBER})\s*[%％])?"
)
OUTTURN_DIRECTION = re.compile(
    rf"[。，,；\s]*(?:\d{{4}}年度?)?[^。；]{{0,16}}?决算数\s*(?:与预算数)?\s*(?P<dir>{_DIRECTION})")
# Year on year: `…14,656.81万元，比上年增加1619.83万元，增加12.42%`; `与2023年度相比，…减少56.95万元，下降1.87%`.
YEAR_ON_YEAR = re.compile(
    rf"(?:比|较|与)\s*(?:上年|上一年度?|\d{{4}}\s*年度?)(?:[（(][^)）]{{0,12}}[)）])?(?:同期)?(?:预算(?:数)?)?"
    rf"(?:相比)?[，,]?[^，。；%％\d]{{0,16}}?(?P<dir>增加|减少|增长|下降)\s*(?P<chg>{NUMBER})\s*万元"
    rf"(?:\s*[，,]\s*(?:增加|减少|增长|下降)\s*(?P<pct>{NUMBER})\s*[%％])?"
)
MONEY = re.compile(rf"(?P<value>{NUMBER})\s*万元")
SENTENCE_END = "。；;"
BREAKDOWN_WORD = "其中"  # `总计X万元，其中：…`: what follows breaks X down
ADJACENT = re.compile(r"[\s，,]*")  # what may stand between an amount and the comparison about it


def decimals(number: str) -> int:
    """Digits printed after the decimal point: the precision a figure is stated to."""
    return len(number.split(".", 1)[1]) if "." in number else 0
