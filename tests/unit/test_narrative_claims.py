"""What the narrative claims about the tables: classifications named with amounts, and comparisons between two
figures, from excerpts in the wording of the Shanghai, central and Shanxi narratives (and variants of them)."""

from decimal import Decimal

from ingest.forms.narrative import parse_narrative
from ingest.readers.text import document_of_lines

HEADING = "2026年单位预算编制说明"


def _claims(*lines: str):
    result = parse_narrative(document_of_lines(("某单位", "2026年单位预算", HEADING, *lines)))
    return result.narrative_classifications, result.narrative_changes


def test_a_classification_path_with_codes_gives_its_whole_code_and_each_amount_role():
    items, changes = _claims(
        "1、公共安全支出（204类）司法（06款）行政运行（01项）1434.89万元。主要用于：行政单位的基本支出。2025年当年预算执行数为",
        "1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少1.10%。主要原因是：支出减少。",
    )
    got = {(i.amount_role, i.classification_code, i.xiang_name, i.value, i.source_line) for i in items}
    assert got == {
        ("stated", "2040601", "行政运行", Decimal("1434.89"), 4),
        ("previous_executed", "2040601", "行政运行", Decimal("1690.69"), 5),
        ("budget", "2040601", "行政运行", Decimal("1434.89"), 5),
    }
    [change] = changes
    assert (change.pattern, change.previous_value, change.current_value, change.direction, change.change_percent) \
        == ("prior_year_execution", Decimal("1690.69"), Decimal("1434.89"), "down", Decimal("1.10"))
    assert change.subject == "公共安全支出/司法/行政运行"


def test_a_path_marked_without_codes_keeps_its_names_for_matching_by_name():
    items, _ = _claims(
        "3. “一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）”45.41万元，主要用于群众团体事务。",
    )
    [stated] = [i for i in items if i.amount_role == "stated"]
    assert (stated.class_name, stated.kuan_name, stated.xiang_name, stated.classification_code, stated.level) == \
        ("一般公共服务支出", "群众团体事务", "一般行政管理事务", None, 3)


def test_a_final_account_item_states_budget_and_outturn_with_the_direction_word():
    items, changes = _claims(
        "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费。年初预算为 1560.05 万元，"
        "支出决算为1511.89万元。决算数小于预算数的主要原因：人员变化。",
    )
    assert {(i.amount_role, i.value) for i in items} == {("budget", Decimal("1560.05")),
                                                         ("executed", Decimal("1511.89"))}
    [change] = changes
    assert (change.pattern, change.previous_value, change.current_value, change.direction, change.direction_word) \
        == ("budget_outturn", Decimal("1560.05"), Decimal("1511.89"), "down", "小于")


def test_a_year_on_year_change_keeps_the_printed_precision():
    _, changes = _claims("本年收入预算2023.5万元，比上年增加108.18万元，增长5.65%。")
    [change] = changes
    assert (change.pattern, change.previous_value, change.current_value, change.current_decimals) == \
        ("year_on_year", None, Decimal("2023.5"), 1)
    assert (change.direction, change.change_amount, change.change_percent, change.change_percent_decimals) == \
        ("up", Decimal("108.18"), Decimal("5.65"), 2)


def test_a_document_without_a_narrative_claims_nothing():
    result = parse_narrative(document_of_lines(("项目名称\t会议费", "年初预算为10.00万元，支出决算为9.00万元。")))
    assert result.narrative_classifications == [] and result.narrative_changes == []
