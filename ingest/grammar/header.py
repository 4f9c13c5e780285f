"""Labels of a project table's header and funding block.

Labels are matched in a "stream" of the header (non-blank lines joined by newlines, cells by TABs), so a label that
pdftotext broke over lines (`项目\n概况`, `市县（区）财政资\n金`) still matches: every gap between two characters of a
label may hold whitespace. A label must start a line or a cell, or follow a space (pdftotext cells).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_GAP = r"[ \t\n]*"
_LPAREN = r"[（(]"
_RPAREN = r"[)）]"
_BOUNDARY = r"(?<![^ \t\n])"


def spaced(label: str) -> str:
    """Regex source for a label whose characters may be separated by line breaks or spaces."""
    return _GAP.join(re.escape(ch) for ch in label)


def _label(*alternatives: str) -> re.Pattern[str]:
    return re.compile(_BOUNDARY + "(?:" + "|".join(alternatives) + ")")


@dataclass(frozen=True)
class HeaderField:
    key: str
    pattern: re.Pattern[str]
    optional_tail: str = ""  # characters of the label that may trail as a separate fragment


# Header fields in the order the forms print them. Matching goes forward through the stream in this order.
HEADER_FIELDS: tuple[HeaderField, ...] = (
    HeaderField("department", _label(spaced("主管部门及代码"), spaced("主管部门"))),
    HeaderField(
        "implementing_unit",
        _label(
            spaced("实施单位") + f"(?:{_GAP}{_LPAREN}发包方{_RPAREN}及项目实施单位{_LPAREN}承包方{_RPAREN})?"
            + f"(?:{_GAP}中标单{_GAP}[位号])?"
        ),
    ),
    # 项目属性 (Shanxi) and 项目性质 (Shanghai: 阶段性项目 / 经常性项目) are one concept.
    HeaderField("project_attribute", _label(spaced("项目属性"), spaced("项目性质"))),
    HeaderField("project_class", _label(spaced("项目类别"))),  # 特定目标类 / 其他运转类 …
    HeaderField("project_period", _label(spaced("项目期"), spaced("项目日期"))),
    HeaderField("planned_start", _label(spaced("计划开始日期"))),
    HeaderField("planned_end", _label(spaced("计划完成日期"), spaced("计划结束日期"))),
    HeaderField("project_category", _label(spaced("项目分类"))),
    HeaderField("funds", _label(spaced("项目资金") + f"{_GAP}{_LPAREN}{_GAP}(?P<unit>万{_GAP}元|元){_GAP}{_RPAREN}")),
    HeaderField("overview", _label(spaced("项目概况"))),
    HeaderField("basis", _label(spaced("立项依") + f"(?:{_GAP}据)?"), optional_tail="据"),
    HeaderField(
        "necessity",
        _label(spaced("项目设立") + f"{_GAP}(?:的)?{_GAP}必{_GAP}(?:的)?{_GAP}(?:重)?{_GAP}[要妥]{_GAP}性"),
    ),
    HeaderField(
        "measures",
        _label(f"(?:{spaced('保证')}|{spaced('保障')}){_GAP}{spaced('项目实施的')}{_GAP}{spaced('制度')}{_GAP}[、,，]?{_GAP}措{_GAP}施"),
    ),
    HeaderField("plan", _label(spaced("项目实施计划"))),
    HeaderField(
        "goal_columns",
        _label(
            f"(?:{spaced('实施期目标')}|{spaced('实施目标')}|{spaced('中期目标')}(?:{_LPAREN}[^)）\n]*{_RPAREN})?)"
            f"(?:{_GAP}{spaced('年度目标')})?",
            # 项目总目标 ⇥ 年度总体目标 (Shanghai 填报表): the project's goal for its whole period, then the year's.
            f"{spaced('项目总目标')}(?:{_GAP}{spaced('年度总体目标')})?",
        ),
    ),
    HeaderField("overall_goal", _label(spaced("总体目标"), spaced("项目绩效目标"))),
)

# Grid start: where the header ends and the indicator grid begins.
GRID_START = re.compile(
    r"^(?:绩|绩效指标.*|绩效目标.*|一级指标.*|(?:产出|效益|满意度|数量|质量|时效|成本)(?:指标)?)$"
)

GRID_START_CHARS = frozenset("绩一产效满数质时成")
# A grid that starts at a level-2 label (数量, 质量, 时效) has lost its heading and first rows: a fragment.
GRID_HEADING = re.compile(r"^(?:绩|一级指标|产出|效益|满意度|成本)")

# Funding block: the totals, then one row per fund source with the implementation and the annual amount.
TOTAL_LABELS = {
    "implementation": _label(f"(?:{spaced('实施期')}|{spaced('中期')}|{spaced('项目')}){_GAP}{spaced('资金总额')}"
                             f"{_GAP}[:：]?"),
    "annual": _label(f"{spaced('年度资金')}{_GAP}(?:{spaced('申请')}{_GAP})?{spaced('总额')}{_GAP}[:：]?"),
}
_PREFIX = f"(?:{spaced('其中')}{_GAP}[:：;；]?{_GAP})?"
_TRANSFER = _PREFIX + spaced("上级转移支付资金") + f"{_GAP}{_LPAREN}{_GAP}"
_OPTIONAL_FUNDS = f"(?:{_GAP}{spaced('资金')})?"
_CELL_END = r"(?=[ \t\n]|$)"  # a short label that is a whole cell (not the start of a sentence: 财政资金到位后…)
FUND_SOURCE_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("central", _label(_PREFIX + spaced("中央财政资金"))),
    ("provincial", _label(_PREFIX + spaced("省级财政资金"))),
    ("local", _label(_PREFIX + f"{spaced('市县')}{_GAP}{_LPAREN}{_GAP}区{_GAP}{_RPAREN}{_GAP}{spaced('财政资')}"
                     f"(?:{_GAP}金)?")),
    ("self_raised", _label(_PREFIX + spaced("单位自筹") + _OPTIONAL_FUNDS)),
    ("general_public_budget", _label(_PREFIX + spaced("一般公共预算资金"))),
    ("government_fund", _label(_PREFIX + spaced("政府性基金") + f"(?:{_GAP}{spaced('预算')})?" + _OPTIONAL_FUNDS)),
    ("transfer_central", _label(_TRANSFER + f"{spaced('中央')}{_GAP}{_RPAREN}")),
    ("transfer_provincial", _label(_TRANSFER + f"省{_GAP}{_RPAREN}")),
    ("transfer_city", _label(_TRANSFER + f"(?:[^)）\n]{_GAP}){{1,8}}?市{_GAP}{_RPAREN}")),
    # The annual label is sometimes cut short: the source is the row's implementation-side source.
    ("transfer_unspecified", _label(_PREFIX + spaced("上级转移支付资金"))),
    ("other", _label(_PREFIX + spaced("其他资金"))),
    # Shanghai 填报表: 其中：财政资金 (whole period); 其中：当年财政拨款 and 上年结转资金 (the year).
    ("fiscal_funds", _label(_PREFIX + spaced("财政资金") + _CELL_END)),
    ("fiscal_grant", _label(_PREFIX + f"(?:{spaced('当年')}{_GAP})?{spaced('财政拨款')}" + _CELL_END)),
    ("carryover", _label(_PREFIX + spaced("上年结转") + _OPTIONAL_FUNDS + _CELL_END)),
)
# Fragments of wrapped labels that can trail a value on the next row (`⇥⇥金⇥⇥⇥⇥金`).
LABEL_FRAGMENTS = frozenset({"金", "资金"})

DEPARTMENT_CODE = re.compile(r"^(?P<code>\d{1,6})\s*[-－—–]\s*(?P<name>.+)$")
# 统一社会信用代码: 18 characters, digits and capitals; not a department code.
CREDIT_CODE = re.compile(r"(?<![0-9A-Z])(?=[0-9A-Z]*\d)[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Z])")
# 计划开始日期 / 计划完成日期 values (`2023-01-01`, `2023年1月1日`, `2023.1.1`).
PLANNED_DATE = re.compile(r"^(?P<y>\d{4})\s*[-./年]\s*(?P<m>\d{1,2})\s*[-./月]\s*(?P<d>\d{1,2})\s*日?$")
# 项目分类 checkboxes (孝义 form): options follow their checkbox, grouped in rows A/B/C.
CHECKBOX = re.compile(r'<input(?P<checked> checked="")? type="checkbox"/>')
FOOTER_DATE = re.compile(r"填报日期\s*[:：]?\s*(?P<date>[0-9][0-9 .\-/年月日]*[0-9日])")


# The goal block (总体目标 with its 实施期目标 / 年度目标 columns).
OVERALL_GOAL_LABEL = "总体目标"
ANNUAL_GOAL_HEADERS = ("年度目标", "年度总体目标")  # the heading of the annual goal column
GOAL_COLUMN_HEADERS = "实施期目标年度目标"  # both column headers on one line
GOAL_LABEL_PIECES = frozenset({"实施期目标", "年度目标", "总体目标", "总体", "目标"})  # a label alone on a line
GOAL_PLACEHOLDER = re.compile(r"^(?:目标\s*\d+\s*[:：]?\s*)+$")  # `目标1：` left as printed in the template
PROJECT_NAME_PREFIX = re.compile(r"^\s*项目名称\s*[:：]?")


def split_at_label_tail(value: str, tail: str) -> list[str]:
    """`<prose>\\n据\\n<basis>`: split a field's value where the last character of its label stands alone on a
    line (the label `立项依据` printed as `立项\\n依` … `据`): [text before, text after], or [value]."""
    return re.split(rf"\n[ \t]*{re.escape(tail)}[ \t]*(?:\n|$)", value, maxsplit=1)
