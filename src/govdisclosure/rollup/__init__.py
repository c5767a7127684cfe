"""Summary (汇总) reports: the reports of a county's departments and townships, a city's
counties or a province's cities, added up into one report of the area, with a record of
where every summed cell came from and a note on every case that is not a plain sum.

The rules, each with a note in the result:

* a **blank** part is never a silent 0: by default the summed cell is the sum of the
  figures the other organs gave (:class:`BlankPolicy`: or count blanks as 0, or leave
  the sum blank), and a note names the organs that left it blank;
* a **not-applicable mark** is left out of the sum, and named; a cell every part marked
  keeps the mark;
* **money** is converted exactly (never rounded) into the unit the edition prints for
  the column (元 for 2019's 采购总金额, 万元 for 2021's 本年收费金额) and added as a
  decimal;
* **signed changes** (本年增/减) add up as signed figures, a net change; **stocks**
  (现行有效件数, 上一年项目数量, 结转) add up across organs like every other figure;
* reports of **different years or editions**, and the **same organ twice**, are refused
  (:class:`~govdisclosure.errors.AggregateError`, naming the organs);
* **extra rows and columns** every part printed are summed; the others are named;
* **totals** are the sums of the totals the parts printed, never recomputed; where they
  disagree with the summed details, a note names the parts that do not add up.

>>> import govdisclosure as gd
>>> seed = gd.examples.load("zhongning-minzheng-2020")  # 行政复议 left blank
>>> school = gd.AnnualReport(organ="中宁县教育局", year=2020)
>>> apps = school.applications.with_rows({"一、本年新收政府信息公开申请数量": {"自然人": 3},
...                                       "（一）予以公开": {"自然人": 3}})
>>> school = gd.fill_totals(gd.AnnualReport(organ="中宁县教育局", year=2020, applications=apps))
>>> result = aggregate([seed, school], organ="中宁县")
>>> result.report.applications["（七）总计", "总计"], result.consistent
(3, True)
>>> print(result.notes_of("blank")[0].message_zh)
四、行政复议·结果维持：中宁县民政局 未填写，合计 0 仅为其余机关所填数字之和

Check a published summary against its parts with
``validate(summary, parts=[...])`` (the ``hierarchy`` rules).
"""

from __future__ import annotations

from govdisclosure.rollup.build import aggregate
from govdisclosure.rollup.cellsum import Contribution
from govdisclosure.rollup.notes import AggregateNote, AggregateNoteKind, BlankPolicy
from govdisclosure.rollup.result import AggregateResult, Provenance

__all__ = [
    "AggregateNote",
    "AggregateNoteKind",
    "AggregateResult",
    "BlankPolicy",
    "Contribution",
    "Provenance",
    "aggregate",
]
