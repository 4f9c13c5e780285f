"""Structural labels of the forms: table titles, year lines, footers, section headings, region prefixes."""

from __future__ import annotations

import re

from ingest.grammar.text import contains_spaced, squeeze

# 项目支出绩效目标表, 项目绩效目标表, 项目支出绩效目标申报表 / 填报表, 财政项目支出绩效目标填报表, with a region or
# issuer before it and a year after it. A sentence that names the table (`详见单位的项目绩效目标表`) is not a title:
# the issuer holds no 的 / 见.
PROJECT_TABLE_TITLE = re.compile(
    r"^(?P<issuer>(?:(?![的见])[\u4e00-\u9fff（）()]){0,40}?)"
    r"项目(?:支出)?绩效目标(?:申报|填报)?表"
    r"\s*(?:[（(]\s*(?P<year>\d{4})\s*年度\s*[)）])?$"
)
# `2025年度`, `（2024 年度）`, `( 2024 年度)`, `2024 年度` (the year line under a title).
YEAR_LINE = re.compile(r"^[（(]?\s*(?P<year>\d{4})\s*年度\s*[)）]?$")
# Region and government level at the start of a form title: 吕梁市市级…, 孝义市县(区)级…, 襄垣县部门….
TITLE_REGION = re.compile(
    r"^(?P<region>[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|县|区|旗))"
    r"(?P<level>省级|市级|县[（(]区[)）]级|县级|区级)?"
)
LEVEL_MARKERS = {"省级": "province", "市级": "city", "县级": "county", "区级": "district", "中央": "central",
                 "乡镇级": "township", "街道": "township"}
REGION_SUFFIX_LEVEL = (("自治区", "province"), ("省", "province"), ("县", "county"), ("旗", "county"),
                       ("区", "district"))

PROJECT_NAME_LABEL = "项目名称"
# The form footer: `负责人：⇥经办人：…`, `项目负责人：张三 填表人：…`. Prose mentions of 负责人 do not start a line
# with the label followed by another footer label.
FOOTER = re.compile(r"^(?:项目)?负责人\s*[:：]?.*(?:经办人|填表人|联系电话|填报日期)")
# Headings that close the project-table section of a report (used only when a table has no footer).
SECTION_END = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分"
    r"|[一二三四五六七八九十]+、\s*(?:国有资产占有使用情况|其他说明|其他重要事项|名词解释)"
    r"|.{0,40}整体支出绩效目标(?:申报)?表)"
)
# Cover of a budget disclosure: `2024年度部门预算公开`, `吕梁市财政局2024年单位预算公开报告`.
DISCLOSURE_COVER = re.compile(
    r"^(?P<publisher>[\u4e00-\u9fff（）()]*?)\s*(?P<year>\d{4})\s*年度?(?P<scope>部门|单位)预算公开"
)


# Cheap substring tests run before the regular expressions: most lines contain none of these words.
def is_project_table_title(line: str) -> bool:
    return contains_spaced(line, "绩效目标") and PROJECT_TABLE_TITLE.match(squeeze(line)) is not None


def is_footer(line: str) -> bool:
    return contains_spaced(line, "负责人") and FOOTER.match(squeeze(line)) is not None


def is_section_end(line: str) -> bool:
    return ("、" in line or contains_spaced(line, "部分") or contains_spaced(line, "整体支出")) and \
        SECTION_END.match(squeeze(line)) is not None


def region_and_level(title: str) -> tuple[str | None, str | None]:
    """Region name and government level printed at the start of a form title."""
    m = TITLE_REGION.match(squeeze(title))
    if not m:
        return None, None
    level = m.group("level")
    if level:
        level = re.sub(r"[（(]区[)）]", "", level)
    return m.group("region"), LEVEL_MARKERS.get(level) if level else None


def level_from_region_suffix(region: str) -> str | None:
    for suffix, level in REGION_SUFFIX_LEVEL:
        if region.endswith(suffix):
            return level
    return None

DISCLOSURE_WORD = "预算公开"  # tested before DISCLOSURE_COVER


# Covers of other templates: `上海市普陀区2023年区级部门预算`, `财政部2024年部门预算`, `2024年度部门决算` (the year may
# stand on a line of its own, before or after: the cover's lines are read together).
BUDGET_COVER = re.compile(
    r"(?P<region>[\u4e00-\u9fff]*?)(?P<year>\d{4})?年度?(?P<level>中央|省级|市级|区级|县级|乡镇级)?"
    r"(?P<scope>部门|单位)(?P<phase>预算|决算)(?!表|公开表)"
)
COVER_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
CONTENTS = re.compile(r"^目录$")  # the table of contents ends the cover
COVER_LINES = 8  # non-blank lines of a cover at most
# Who published a table or a document: `预算主管部门：…`, `编制单位：…  单位：元`.
PUBLISHER_LINE = re.compile(r"^(?:预算主管部门|预算单位|编制部门|编制单位)[:：]\s*(?P<name>[^\s:：]{2,60})")
# The region a body belongs to, at the start of its name: 上海市普陀区财政局, 吕梁市财政局, 山西省财政厅,
# 襄垣县人民政府.
REGION_OF_NAME = re.compile(
    r"^(?P<region>(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?:[\u4e00-\u9fff]{2,5}?(?:市|州|盟|地区))?"
    r"(?:[\u4e00-\u9fff]{1,5}?(?:区|县|旗|市))?)"
)
CENTRAL_BODY = re.compile(
    r"^(?:中华人民共和国|中共中央|全国|国家|中国)|^[\u4e00-\u9fff]{1,6}(?:部|委员会|总局|总署)$"
)
KINDS = {("部门", "预算"): "department_budget", ("单位", "预算"): "unit_budget",
         ("部门", "决算"): "final_accounts", ("单位", "决算"): "final_accounts"}


def region_of_name(name: str) -> str | None:
    """The region at the start of a body's name, where it names one (`上海市普陀区` of `上海市普陀区财政局`)."""
    m = REGION_OF_NAME.match(squeeze(name))
    region = m.group("region") if m else ""
    return region if len(region) >= 3 else None
