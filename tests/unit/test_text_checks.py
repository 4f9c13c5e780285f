"""The text checks (ingest.forms.text_checks): for every check, excerpts where it must stay quiet and variants where
it must fire, with the line it names and what it found. The excerpts are taken from the shipped documents (the
Shanghai budgets' narrative, the Shanxi reports and project tables) or built the way those print."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from ingest.forms.document_info import DocumentInfo, describe_document
from ingest.forms.project.segment import find_project_tables
from ingest.forms.text_checks import check_text, same_body
from ingest.grammar.text_checks import CHECKS
from ingest.grid.model import Document
from ingest.readers import read_path
from ingest.readers.text import document_of_lines
from ingest.records import TextFinding
from tests.conftest import SHIPPED_RAW

UNIT_BUDGET = DocumentInfo(region_name="上海市普陀区", admin_level="district", fiscal_year=2026, doc_kind="unit_budget",
                           publisher_name="上海市普陀区司法局", cover_line=1)
DEPARTMENT_BUDGET = DocumentInfo(region_name="吕梁市", admin_level="city", fiscal_year=2024,
                                 doc_kind="department_budget", publisher_name="吕梁市人力资源和社会保障局",
                                 cover_line=1)
FINAL_ACCOUNTS = DocumentInfo(region_name="上海市普陀区", admin_level="district", fiscal_year=2024,
                              doc_kind="final_accounts", publisher_name="上海市普陀区财政局", cover_line=2)
PROJECT_TARGETS = DocumentInfo(region_name="襄垣县", admin_level="county", fiscal_year=2024, doc_kind="project_targets",
                               publisher_name=None, cover_line=None)


def run(lines: list[str], info: DocumentInfo = UNIT_BUDGET) -> list[TextFinding]:
    return check_text(document_of_lines(lines), info)


def finds(lines: list[str], check: str, info: DocumentInfo = UNIT_BUDGET) -> list[tuple[int, str]]:
    """(line, found) of the findings of one check."""
    return [(f.source_line, f.found) for f in run(lines, info) if f.check == check]


# --- placeholder ---------------------------------------------------------------------------------------------------

def test_placeholder_fires_on_template_fields_left_unfilled():
    lines = [
        "XX单位2026年收入预算XX万元。",
        "总体目标\t中期目标（20××年-20××年）\t\t年度目标",  # a table cell is a placeholder too (once per line)
        "项目名称：待填写",
        "{单位}2026年单位预算",
        "编制单位：［单位名称］",
        "此处填写项目概况。",
        "20XX年度部门预算",
    ]
    assert finds(lines, "placeholder") == [(1, "XX"), (2, "××"), (3, "待填写"), (4, "{单位}"), (5, "［单位名称］"),
                                           (6, "此处填写"), (7, "XX")]


def test_placeholder_stays_quiet_on_real_text():
    lines = [
        "采购XXL号防护服20套。",  # a size
        "迎接XXI世纪的挑战；XX世纪九十年代建成。",  # Roman numerals
        "依据晋财社{2023}302 号和沪府规【2016】168号文件。",  # document numbers in brackets
        "相关制度有待补充和完善。",  # prose, not an instruction
        "设备尺寸2×3米。",
        "项目代码AXX01。",
    ]
    assert finds(lines, "placeholder") == []


# --- template_choice -----------------------------------------------------------------------------------------------

def test_template_choice_fires_on_both_alternatives_left():
    lines = [
        "财政拨款收入支出增加（减少）的主要原因是业务量增加。",  # shanghai-putuo-sifaju p6
        "比上年上升/下降5.00%。",
        "本部门/单位共有车辆3辆。",
        "（部门）单位机关运行经费预算为184.59万元。",
    ]
    assert finds(lines, "template_choice") == [(1, "增加（减少）"), (2, "上升/下降"), (3, "部门/单位"),
                                               (4, "（部门）单位")]


def test_template_choice_stays_quiet_on_form_names_headings_and_tables():
    lines = [
        "吕梁市市级预算部门（单位）项目支出绩效目标表",  # the forms' own name for a budget body
        "审核批复部门（单位）的年度预决算。",
        "主要原因是项目款增加（增加了培训费和考务费）。",
        "七、“三公”经费增减变动原因说明",
        "项目\t增加/减少\t5.00",  # a table row
        "项目 上年决算数 本年预算数 比上年增加（减少）",  # a column heading a text extractor left as a line
        "增/减(%)",
    ]
    assert finds(lines, "template_choice") == []


# --- doubled_punctuation -------------------------------------------------------------------------------------------

def test_doubled_punctuation_fires_in_prose_and_across_a_wrapped_line():
    lines = [
        "明确各方权利义务，，出台了一性告知清单。",  # 004_…:3757
        "发放烤火费和补贴，临时工 170人，。 我单位管理 17个公园广场。",  # 004_…:42324
        "统筹推进城市经济、政治、文化、社会、生态",
        "文明全面发展。 。",
        "预算安排资金用于日常运转，",
        "。其他支出。",
    ]
    assert finds(lines, "doubled_punctuation") == [(1, "，，"), (2, "，。"), (4, "。。"), (5, "，。")]


def test_doubled_punctuation_stays_quiet_on_ellipses_and_table_rows():
    lines = [
        "指标1：……",
        "主要用于办公费、印刷费等……。",
        "项目\t，，\t5.00",
        "支出预算8695.94万元。其中：财政拨款支出预算8695.94万元。",
    ]
    assert finds(lines, "doubled_punctuation") == []


# --- unbalanced_quotes ---------------------------------------------------------------------------------------------

def test_unbalanced_quotes_fires_on_a_mark_without_its_pair():
    lines = [
        "根据《山西省财政厅关于提前下达2024年资金预算的通知〉，下达我县资金。",  # 《 closed by 〉
        "1、工作人员参照 ”公务员 ”相关规定进行管理。",  # closing marks only
        "吕梁市人民政府关于印发人才实施意见（试行）的通知》（吕政发〔2017〕16号）。",  # the opening 《 missing
        "项目概况\t按照“统一领导、分级负责的原则\t5.00",  # a table cell is read alone
    ]
    assert finds(lines, "unbalanced_quotes") == [(1, "《"), (2, "”"), (3, "》"), (4, "“")]


def test_unbalanced_quotes_reports_a_quotation_never_closed_within_a_few_lines():
    lines = ["第5条：“县级以上人民政府应当将社会救助纳入国民经济和社会"] + ["发展规划，完善社会救助资金保障机制。"] * 7
    found = run(lines)
    assert [(f.check, f.source_line, f.found, f.expected) for f in found] == [("unbalanced_quotes", 1, "“", "”")]


def test_unbalanced_quotes_stays_quiet_on_wrapped_quotations_and_ascii_quotes():
    lines = [
        "2024年度“三公”经费支出决算数小于预算数的主要原因：当年度无“三",  # a quotation wrapped over two lines
        "公”经费支出。",
        "第二项，“强化工作保障。各级党委政法委要推动将教育转化工作经费",  # a quotation holding a full stop
        "列入本级财政预算。”；5、中共山西省委政法委员会《关于贯彻落实乡镇（街道）政法委员制度",
        "情况通报》（晋政法〔2021〕40号）文件精神。",
        '2023年"三公"经费预算数为22.91万元。',  # ASCII quotes have no direction
        '“三公"经费和"三公”经费，制定了"三重一大“事项决策制度。',  # mixed pairs
        "项目概况\t“三公”经费\t5.00",
    ]
    assert finds(lines, "unbalanced_quotes") == []


def test_unbalanced_quotes_does_not_pair_across_a_heading():
    lines = ["主要用于“三公", "二、机关运行经费预算", "公”经费支出。"]
    assert finds(lines, "unbalanced_quotes") == [(1, "“"), (3, "”")]


# --- cut_sentence --------------------------------------------------------------------------------------------------

def test_cut_sentence_fires_where_the_complement_is_missing():
    lines = [
        # shanghai-putuo-sifaju p21
        "（二）公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。其中：公务用车购置费0万元。",
        "1、公共安全支出（204类）司法（06款）行政运行（01项）1434.89万元。主要用于：。",
        "2025年当年预算执行数为。",
        "包括：。",
        "政府采购预算为34万元，其中政府采购货物预算0万元，",
        "四、绩效目标设置情况",
    ]
    assert finds(lines, "cut_sentence") == [(1, "原因是。"), (2, "主要用于：。"), (3, "执行数为。"), (4, "包括：。"),
                                            (5, "，")]


def test_cut_sentence_stays_quiet_on_complete_sentences():
    lines = [
        "主要用于行政单位的基本支出。",
        "认真分析其原因。",
        "将绩效理念融入其中。",
        "财政拨款收入支出总计持平。主要原因：",  # the reason follows on the next line
        "基本支出中人员进出及退休变化。",
        "支出预算8695.94万元，其中：",
        "（一）因公出国（境）费0万元。",  # a line ending on `：`, then an item
        "这是该单位的行为。",
    ]
    assert finds(lines, "cut_sentence") == []


# --- year_mismatch -------------------------------------------------------------------------------------------------

BUDGET_REPORT = [
    "上海市普陀区2026年区级单位预算",
    "预算单位：上海市普陀区司法局",
    "目 录",
    "1. 2026年预算单位财务收支预算总表",
    "2. 2026年预算单位收入预算总表",
    "3. 2026年预算单位支出预算总表",
    "上海市普陀区司法局主要职能",
    "上海市普陀区司法局是主管本区司法和法制工作的区政府工作部门，主要职责是：",
    "2026年单位预算编制说明",
    "2026年，上海市普陀区司法局收入预算8695.94万元，比2025年预算增加794.88万元。",
    "2026年部门预算安排购置车辆0辆，其中：执法执勤用车0辆。",
    "2026年预算单位财务收支预算总表",
    "项目\t预算数\t项目\t预算数",
    "2026年预算单位收入预算总表",
    "项目\t合计\t财政拨款收入",
    "2026年预算单位支出预算总表",
    "项目\t合计\t基本支出\t项目支出",
    "2026年预算单位一般公共预算基本支出部门预算经济分类预算表",
    "项目\t合计\t人员经费\t公用经费",
    "一、2025年预算执行情况",
    "五、国有资产占有使用情况",
    "截至2025年8月31日，上海市普陀区司法局共有车辆3辆。",
]


def test_the_budget_report_excerpt_is_clean():
    doc = document_of_lines(BUDGET_REPORT)
    info = describe_document(doc.lines, [])
    assert (info.fiscal_year, info.doc_kind, info.publisher_name) == (2026, "unit_budget", "上海市普陀区司法局")
    assert check_text(doc, info) == []


def test_year_mismatch_fires_on_a_title_or_a_date_of_another_year():
    lines = list(BUDGET_REPORT)
    lines[13] = "2025年预算单位收入预算总表"  # a table title of last year among the titles of 2026
    lines[21] = "截至2023年8月31日，上海市普陀区司法局共有车辆3辆。"  # more than a year before the budget
    found = [(f.source_line, f.found, f.expected) for f in run(lines) if f.check == "year_mismatch"]
    assert found == [(14, "2025年", "2026年"), (22, "截至2023年8月31日", "2025年至2026年")]


def test_year_mismatch_allows_last_years_outturn_in_a_budget_and_next_years_budget_in_final_accounts():
    budget = ["一、2025年预算执行情况", "二、2025年度部门决算情况说明", "2026年与2025年预算对比表",
              "截至2026年1月31日，本单位共有车辆3辆。"]
    assert finds(budget, "year_mismatch") == []
    final = ["第二部分 上海市普陀区财政局2024年度部门决算表", "十二、2025年部门预算安排情况",
             "截至2024年12月31日，上海市普陀区财政局共有车辆0辆。", "截至2025年6月30日，本部门已完成整改。"]
    assert finds(final, "year_mismatch", FINAL_ACCOUNTS) == []
    assert finds(["十二、2023年度部门决算表", "截至2022年12月31日，共有车辆0辆。"], "year_mismatch",
                 FINAL_ACCOUNTS) == [(1, "2023年"), (2, "截至2022年12月31日")]


def test_year_mismatch_reads_the_year_line_of_project_tables():
    lines = [" 襄垣县部门（单位）项目支出绩效目标表", "（2024年度）", "项目名称 甲",
             " 襄垣县部门（单位）项目支出绩效目标表", "", "（2023年度）", "项目名称 乙"]
    assert finds(lines, "year_mismatch", PROJECT_TARGETS) == [(6, "2023年")]


def test_year_mismatch_leaves_project_histories_alone():
    lines = ["截至2020年12月31日，已完成工程量的95%。", "2020年我镇22个村完成农村户厕改造。"]
    assert finds(lines, "year_mismatch", PROJECT_TARGETS) == []


# --- self_name -----------------------------------------------------------------------------------------------------

def test_self_name_fires_when_a_unit_budget_calls_itself_a_department_budget():
    lines = list(BUDGET_REPORT)
    lines[8] = "2026年部门预算编制说明"
    found = [(f.source_line, f.found, f.expected) for f in run(lines) if f.check == "self_name"]
    assert found == [(9, "部门预算", "单位预算")]
    shanxi = ["吕梁市人力资源和社会保障局", "2024年度部门预算公开", "第三部分 第三部分 2024年度单位预算情况说明"]
    assert finds(shanxi, "self_name", DEPARTMENT_BUDGET) == [(3, "单位预算")]


def test_self_name_stays_quiet_on_generic_phrases():
    lines = [
        "一、部门预算收支数据变动情况及原因",  # the department budget's own heading
        "按照部门预算管理要求，本部门所属单位预算纳入部门预算。",
        "下属单位预算编制情况",
    ]
    assert finds(lines, "self_name", DEPARTMENT_BUDGET) == []
    # A unit budget's table titles and prose use 部门预算 generically.
    assert finds(BUDGET_REPORT, "self_name") == []


# --- publisher_name ------------------------------------------------------------------------------------------------

def test_publisher_name_fires_on_another_body_in_a_heading():
    lines = list(BUDGET_REPORT)
    lines[6] = "上海市普陀区财政局主要职能"  # copied from another department's report
    found = [(f.source_line, f.found, f.expected) for f in run(lines) if f.check == "publisher_name"]
    assert found == [(7, "上海市普陀区财政局", "上海市普陀区司法局")]
    final = ["上海市普陀区财政局", "2024年度部门决算", "第三部分 上海市静安区财政局2024年度部门决算情况说明"]
    assert finds(final, "publisher_name", FINAL_ACCOUNTS) == [(3, "上海市静安区财政局")]


def test_publisher_name_allows_the_name_with_or_without_its_region():
    lines = ["普陀区司法局主要职能", "区司法局机构设置", "上海市普陀区2026年区级单位预算", "司法局概况",
             "二、项目支出概况"]  # a subject, not a body
    assert finds(lines, "publisher_name") == []
    assert same_body("孝义经济开发区管委会", "孝义经济开发区管理委员会", "孝义市")
    assert same_body("市财政局", "吕梁市财政局", "吕梁市")
    assert not same_body("普陀区财政局", "上海市普陀区司法局", "上海市普陀区")


def test_publisher_name_leaves_a_department_budgets_unit_chapters_alone():
    lines = ["吕梁市创业就业服务中心2024年单位预算", "吕梁市人力资源和社会保障局2024年部门预算公开"]
    assert finds(lines, "publisher_name", DEPARTMENT_BUDGET) == []


# --- missing_table -------------------------------------------------------------------------------------------------

SHANXI_REPORT = [
    "吕梁市人力资源和社会保障局",
    "2024年度部门预算公开",
    "目 录",
    "第一部分 概况\t1",
    "第二部分 2024年部门预算报表\t3",
    "表一2024年预算收支总表.....\t3",
    "表二 预算收入总表……5",  # formatted otherwise than its title
    "表七2024年政府性基金预算收入表（不含上年结转）.....\t13",
    "第三部分 2024年度部门预算情况说明\t20",
    "第一部分 概况",
    "一、本部门职责",
    "负责全市促进就业工作，拟订统筹城乡的就业发展规划。",
    "第二部分 2024年部门预算报表",
    "2024年预算收支总表",
    "收入\t\t支出",
    "项目\t金额\t项目\t金额",
    "2024年部门预算收入总表",
    "科目编码\t科目名称\t合计",
    "2024年政府性基金预算收入表（不含上年结转）",  # an empty table: its title and a note, no grid
    "注：本表无数据",
]


def test_missing_table_stays_quiet_when_every_listed_table_is_printed():
    assert finds(SHANXI_REPORT, "missing_table", DEPARTMENT_BUDGET) == []


def test_missing_table_fires_on_a_listed_table_the_document_lacks():
    lines = [line for line in SHANXI_REPORT if not line.startswith(("2024年部门预算收入总表", "科目编码"))]
    found = [(f.source_line, f.found) for f in run(lines, DEPARTMENT_BUDGET) if f.check == "missing_table"]
    assert found == [(7, "表二 预算收入总表")]  # the contents line, its title without the page number


def test_missing_table_reads_contents_entries_with_dotted_leaders_and_no_page_numbers():
    lines = list(BUDGET_REPORT)
    lines[5] = "3. 2026年预算单位支出预算总表 ……………………………………………"
    del lines[15:17]  # the table itself
    assert finds(lines, "missing_table") == [(6, "3. 2026年预算单位支出预算总表")]


# --- the records ---------------------------------------------------------------------------------------------------

def test_records_have_unique_ids_known_checks_and_short_quotes():
    lines = ["XX单位" + "预算" * 60 + "增加（减少）的主要原因是。", "XX单位XX万元，，"]
    found = run(lines)
    assert [f.check for f in found] == ["placeholder", "template_choice", "cut_sentence", "placeholder",
                                        "doubled_punctuation"]
    assert len({f.text_finding_id for f in found}) == len(found)
    assert found[0].text_finding_id == "document:1:placeholder:1"
    assert all(f.check in CHECKS and len(f.quote) <= 80 and f.source_page is None for f in found)
    assert "原因是。" in found[2].quote  # the quote is cut around the find


# --- the shipped corpus: every finding below was looked at on its page, and each is a real defect ------------------

SHIPPED_FINDINGS = {
    "000_": {"unbalanced_quotes": 1},  # a 》 whose 《 is missing
    "001_": {"unbalanced_quotes": 1},  # a project-table cell cut off inside a 《…》 title
    "002_": {"placeholder": 11},  # `中期目标（20××年-20××年）` in 11 project forms
    "003_": {"unbalanced_quotes": 3},  # a stray ”, two cells cut off inside a title
    "004_": {"unbalanced_quotes": 50, "doubled_punctuation": 5},
    "shanghai-putuo-caizhengju_": {},
    "shanghai-putuo-qufuban_": {},
    "shanghai-putuo-sifaju_": {"template_choice": 1, "cut_sentence": 1},
    "shanghai-putuo-wanli_": {},
}


@cache
def _shipped(prefix: str) -> tuple[Document, list[TextFinding]]:
    doc = read_path(next(SHIPPED_RAW.glob(prefix + "*")))
    return doc, check_text(doc, describe_document(doc.lines, find_project_tables(doc.lines)))


@pytest.mark.parametrize("prefix", sorted(SHIPPED_FINDINGS))
def test_the_shipped_documents_give_the_findings_reviewed_on_their_pages(prefix):
    _, found = _shipped(prefix)
    assert Counter(f.check for f in found) == Counter(SHIPPED_FINDINGS[prefix])


def test_the_cut_sentence_of_the_shipped_unit_budget_is_found_on_its_page():
    doc, found = _shipped("shanghai-putuo-sifaju_")
    cut = [f for f in found if f.check == "cut_sentence"]
    assert [(doc.locate(f.source_line)[0], f.found) for f in cut] == [(21, "原因是。")]
    assert "主要原因是。其中" in cut[0].quote
