"""The defects of the shipped corpus (data/raw: the Shanxi seed documents and the Shanghai sample PDFs) that rules
of severity error report, each verified on the printed page or line: the precision test asserts that the error
findings of a build of data/raw are exactly these, and the README's known-defects section lists them."""

from __future__ import annotations

from typing import NamedTuple


class KnownDefect(NamedTuple):
    rule_id: str
    source_file: str
    source_page: int | None
    source_line: int
    what: str  # what is wrong on the page, as checked there


S002, S004 = "002_b74160a094e36784.txt", "004_b05b28ee3a1316ba.txt"
CAIZHENGJU = "shanghai-putuo-caizhengju_2024_final-accounts.pdf"
SIFAJU = "shanghai-putuo-sifaju_2026_unit-budget.pdf"
WANLI = "shanghai-putuo-wanli_2023_department-budget.pdf"

KNOWN_DEFECTS: tuple[KnownDefect, ...] = (
    KnownDefect("A01", S004, None, 31363, "年度资金总额 printed as `1年`"),
    KnownDefect("A03", S004, None, 42311, "annual total 32,280,000 above an implementation-period total of 0"),
    KnownDefect("A04", S004, None, 11852, "implementation sources 2,035,200 against a total of 2,798,400"),
    KnownDefect("A04", S004, None, 20576, "implementation sources 13,567,500 against a total of 14,267,000"),
    KnownDefect("A04", S004, None, 20576, "annual sources 13,567,500 against a total of 14,267,000"),
    KnownDefect("A04", WANLI, 35, 6, "annual sources 11,419,043 against a total of 10,903,043"),
    KnownDefect("A05", S002, None, 714, "年度资金总额 1950000 under a （万元） label: 元 written for 万元"),
    KnownDefect("A05", S002, None, 715, "一般公共预算资金 1950000 under a （万元） label"),
    KnownDefect("A07", S004, None, 33519, "资金成本 ≤18430000万元 for a project of 18,430,000 元"),
    KnownDefect("A07", S004, None, 34218, "成本 ≤15950000万元 for a project of 15,950,000 元"),
    KnownDefect("A07", S004, None, 34221, "成本 ≤15950000万元 for a project of 15,950,000 元"),
    KnownDefect("A07", S004, None, 34323, "成本 ≤1156482万元 for a project of 1,156,482 元"),
    KnownDefect("A07", S004, None, 34326, "成本 ≤1156482万元 for a project of 1,156,482 元"),
    KnownDefect("A07", S004, None, 40079, "成本费用 800000 万元 for 800,000 元 (both periods)"),
    KnownDefect("A07", S004, None, 40079, "成本费用 800000 万元 for 800,000 元 (both periods)"),
    KnownDefect("A08", S002, None, 491, "project table 200,000 against its 项目支出预算表 line 150,000"),
    KnownDefect("A08", S002, None, 551, "project table 2,000,000 against its budget line 400,000"),
    KnownDefect("A08", S002, None, 611, "project table 300,000 against its budget line 100,000"),
    KnownDefect("A08", S002, None, 673, "project table 6,964,800 against its budget line 1,000,000"),
    KnownDefect("A08", S002, None, 708, "1950000 万元 (元 written for 万元) against its budget line 1,950,000 元"),
    KnownDefect("A10", SIFAJU, 11, 7, "20406 项目支出 64,840,547 printed, its 项 add up to twice that"),
    KnownDefect("A10", SIFAJU, 11, 8, "行政运行 合计 14,348,853.34 against 基本 + 项目 79,189,400.34"),
    KnownDefect("A10", SIFAJU, 14, 7, "the same two rows reprinted in the 一般公共预算 table"),
    KnownDefect("A10", SIFAJU, 14, 8, "the same two rows reprinted in the 一般公共预算 table"),
    KnownDefect("A11", S002, None, 281, "政府性基金 table declared empty while 表1 shows 275.58 万元 of 基金"),
    KnownDefect("A14", SIFAJU, 8, 18, "表1 人员经费 20,374,181 against the economic table's 20,272,981"),
    KnownDefect("A14", SIFAJU, 8, 18, "表1 公用经费 1,744,680 against the economic table's 1,845,880.34"),
    KnownDefect("I03", S002, None, 1189, "no 满意度指标 (implementation period)"),
    KnownDefect("I03", S002, None, 1189, "no 满意度指标 (annual period)"),
    KnownDefect("I03", S002, None, 1244, "no 满意度指标 (annual period)"),
    KnownDefect("I06", S004, None, 4239, "受益对象满意度 ≤98%"),
    KnownDefect("I06", S004, None, 4242, "受益对象满意度 ≤98%"),
    KnownDefect("I06", S004, None, 4364, "审计单位满意度 ≤98%"),
    KnownDefect("I06", S004, None, 4367, "审计单位满意度 ≤98%"),
    KnownDefect("I06", S004, None, 36742, "企业满意度 ≤100%"),
    KnownDefect("I06", S004, None, 36745, "企业满意度 ≤100%"),
    KnownDefect("I06", S004, None, 36854, "受益人群满意度 ≤100%"),
    KnownDefect("I06", S004, None, 36857, "受益人群满意度 ≤100%"),
    KnownDefect("I06", S004, None, 36965, "获奖企业满意度 ≤100%"),
    KnownDefect("I06", S004, None, 36968, "获奖企业满意度 ≤100%"),
    KnownDefect("I07", S004, None, 42423, "居民满意度 ≥9595%"),
    KnownDefect("I07", S004, None, 42426, "居民满意度 ≥9595%"),
    KnownDefect("S02", S002, None, 1170, "主管部门及代码 left blank"),
    *(KnownDefect("S08", S002, None, line, "the form heading keeps `中期目标（20××年-20××年）`")
      for line in (509, 569, 629, 726, 784, 890, 950, 1012, 1069, 1129, 1302)),
    KnownDefect("S09", SIFAJU, 6, 7, "`财政拨款收入支出增加（减少）的主要原因是业务量增加`"),
    KnownDefect("T01", S002, None, 483, "公开项目绩效目标62个 while the document prints 18 project tables"),
    KnownDefect("T01", CAIZHENGJU, 21, 14, "财政拨款收入支出总计0.3万元; its table: 2,961.68 万元"),
    KnownDefect("T01", SIFAJU, 6, 23, "行政单位离退休 预算安排57.8万元; item and tables: 56.12"),
    KnownDefect("T01", SIFAJU, 7, 14, "购房补贴 预算安排170.03万元; item and tables: 207"),
    KnownDefect("T01", WANLI, 7, 23, "职业年金 预算安排441.25万元 (copied); item and table: 220.63"),
    KnownDefect("T02", SIFAJU, 6, 22, "行政单位离退休 57.43 -> 57.8 called 减少"),
    KnownDefect("T02", SIFAJU, 7, 13, "购房补贴 241.76 -> 170.03 called 增加"),
    KnownDefect("T02", WANLI, 6, 5, "政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元"),
    KnownDefect("T03", SIFAJU, 6, 9, "行政运行 1690.69 -> 1434.89 is −15.13 %, printed 减少1.10%"),
    KnownDefect("T03", WANLI, 6, 14, "群众团体事务 11.67 -> 45.41 is +289.1 %, printed 增加314.82%"),
    KnownDefect("T03", WANLI, 7, 23, "132.59 -> 441.25 is +232.8 % (and 220.63 would be +66.4 %), printed 60.54%"),
)
