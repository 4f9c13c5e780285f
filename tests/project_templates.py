"""Synthetic project tables of other governments' templates, written by hand for the tests (TAB rows as the PDF and
workbook readers give them: one cell per grid column, a merged cell printed once, its other columns empty).

- `fill_in_form`: the Shanghai 财政项目支出绩效目标填报表 (one value column, the year's; 项目性质, 项目类别, planned
  dates; funding sides told apart by column);
- `central_grid`: an indicator grid of the central form, with 指标性质, 度量单位 and a score column;
- `GRID_2021` / `GRID_LEGACY`: one-period grids of the two indicator frameworks.
"""

from __future__ import annotations

T = "\t"
HEADING = f"{T}一级指标{T}二级指标{T}三级指标{T}{T}{T}年度(/项目)指标值{T}"

# 成本指标 as a level 1 (财预〔2021〕101号), with its level 2s; level-1 and level-2 cells left empty where they repeat.
GRID_2021 = [
    HEADING,
    f"绩效指标{T}产出指标{T}数量指标{T}培训人次{T}{T}{T}≥500.00(人次){T}",
    f"{T}{T}时效指标{T}完成时间{T}{T}{T}2025年12月底前{T}",
    f"{T}成本指标{T}经济成本指标{T}人均培训成本{T}{T}{T}≤300.00(元){T}",
    f"{T}{T}社会成本指标{T}对居民生活的影响{T}{T}{T}无{T}",
    f"{T}效益指标{T}社会效益指标{T}技能提升率{T}{T}{T}≥90.00(%){T}",
    f"{T}满意度指标{T}服务对象满意度指标{T}学员满意度{T}{T}{T}≥95.00(%){T}",
]
# The older framework: 成本指标 a level 2 of 产出指标, printed in the 二级指标 column.
GRID_LEGACY = [
    HEADING,
    f"绩效指标{T}产出指标{T}数量指标{T}培训人次{T}{T}{T}≥500.00(人次){T}",
    f"{T}{T}成本指标{T}人均培训成本{T}{T}{T}≤300.00(元){T}",
    f"{T}效益指标{T}社会效益指标{T}技能提升率{T}{T}{T}≥90.00(%){T}",
    f"{T}满意度指标{T}服务对象满意度指标{T}学员满意度{T}{T}{T}≥95.00(%){T}",
]


def fill_in_form(name: str = "职业技能培训补贴", *, title: str = "财政项目支出绩效目标填报表",
                 total: str = "1,200,000.00", annual: str | None = None, fiscal: str | None = None,
                 appropriation: str | None = None, carryover: str = "0.00", other: str = "0.00",
                 start: str = "2025-01-01", end: str = "2025-12-31", grid: list[str] | None = None) -> list[str]:
    """The Shanghai 填报表 as the PDF reader gives it (title and year printed as rows of the grid)."""
    annual = annual or total
    fiscal = fiscal or total
    appropriation = appropriation or annual
    return [
        f"{title}{T * 7}",
        f"（2025年度）{T * 7}",
        f"项目名称{T}{T}{name}{T}{T}项目性质{T}经常性项目{T}项目类别{T}特定目标类",
        f"主管部门{T}{T}某某区人力资源和社会保障局{T}{T}实施单位{T}某某区就业促进中心{T}{T}",
        f"计划开始日期{T}{T}{start}{T}{T}计划完成日期{T}{end}{T}{T}",
        f"项目资金（元）{T}{T}项目资金总额{T}{T}{total}{T}年度资金申请总额{T}{T}{annual}",
        f"{T}{T}其中：财政资金{T}{T}{fiscal}{T}其中：当年财政拨款{T}{T}{appropriation}",
        f"{T}{T}{T}{T}{T}上年结转资金{T}{T}{carryover}",
        f"{T}{T}其他资金{T}{T}{other}{T}其他资金{T}{T}{other}",
        f"项目绩效目标{T}项目总目标{T}{T}{T}{T}年度总体目标{T}{T}",
        f"{T}三年内培训城乡劳动者一千五百人次{T}{T}{T}{T}年内培训城乡劳动者五百人次{T}{T}",
        *(grid if grid is not None else GRID_LEGACY),
    ]


def central_grid(weight_heading: str = "权重（分）") -> list[str]:
    """An indicator grid of the central form: the comparator (指标性质) and the unit (度量单位) in cells of their own,
    and a score column."""
    return [
        f"一级指标{T}二级指标{T}三级指标{T}指标性质{T}指标值{T}度量单位{T}{weight_heading}",
        f"产出指标{T}数量指标{T}培训人次{T}≥{T}500{T}人次{T}20",
        f"{T}质量指标{T}培训合格率{T}≥{T}90{T}%{T}20",
        f"{T}时效指标{T}资金拨付及时性{T}定性{T}及时{T}{T}10",
        f"成本指标{T}经济成本指标{T}人均培训成本{T}≤{T}300{T}元{T}20",
        f"效益指标{T}社会效益指标{T}就业率{T}≥{T}60{T}%{T}15.5",
        f"满意度指标{T}服务对象满意度指标{T}学员满意度{T}≥{T}95{T}%{T}15",
    ]
