"""Copied prose across a batch (rule B1): departments that wrote the same paragraph, found
through the index of :func:`~govdisclosure.textreuse.find_reuse` and added to each
report's result by :func:`~govdisclosure.batch.with_reuse`."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.batch import BatchItem, validate_many, with_reuse
from govdisclosure.errors import ReadError, ReportValueError

ROOT = Path(__file__).resolve().parent.parent
BASE = gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")

#: A paragraph of 问题与改进 two departments share (invented).
SHARED = (
    "一是政务公开专栏栏目设置不够科学，部分栏目长期未更新，信息分类不够清晰；"
    "二是工作人员业务能力有待提升，对政府信息公开答复文书的规范性把握不准。"
    "下一步，我局将优化栏目设置，定期开展业务培训，切实提升公开质量。"
)


def department(organ: str, problems: str, intro: str) -> gd.AnnualReport:
    """A department's report: the example's tables, its own opening and 问题与改进."""
    overview = gd.Overview(intro=(intro,))
    return attrs.evolve(
        BASE, organ=organ, overview=overview, problems=(problems,), other_matters=("无。",)
    )


def b1(item: BatchItem[gd.batch.Checked]) -> list[gd.Finding]:
    return [f for f in item.unwrap().result.findings if f.rule == "B1"]


def test_two_departments_with_the_same_problems_paragraph() -> None:
    reports = [
        department(
            "示例县教育局",
            SHARED,
            "2022年，县教育局坚持以公开为常态，围绕教育民生热点回应社会关切，校园安全与招生政策均及时发布。",
        ),
        department(
            "示例县林业局",
            "林区防火宣传信息发布时效性不足，个别护林信息更新滞后，将建立信息员制度加以改进。",
            "2022年，县林业局聚焦森林防火与生态修复，主动公开造林绿化项目、林木采伐许可信息。",
        ),
        department(
            "示例县水利局",
            SHARED.replace("我局", "本局"),
            "2022年，县水利局着力做好防汛抗旱、河湖长制等重点领域信息公开，汛期信息每日更新发布。",
        ),
    ]
    items = with_reuse(validate_many(reports))
    assert [len(b1(item)) for item in items] in ([1, 0, 0], [0, 0, 1])
    (finding,) = b1(items[0]) or b1(items[2])
    assert finding.location.json_path == "$.report.problems"
    other = 2 if b1(items[0]) else 0
    assert finding.involved[0].json_path == f"$batch[{other}].report.problems"
    assert reports[other].organ in finding.message_zh
    assert "政务公开专栏栏目设置不够科学" in finding.message_zh  # the quoted passage
    # Every report ran B1: held where nothing was copied.
    assert all("B1" in item.unwrap().result.rules for item in items)


def test_shared_boilerplate_alone_is_no_copy() -> None:
    statutory = (
        "根据《中华人民共和国政府信息公开条例》规定，现公布本机关2022年政府信息公开工作年度报告。"
    )
    reports = [
        department(
            f"示例县第{n}局",
            f"本局第{n}项问题：{'甲乙丙丁戊'[n]}类台账不全，将于次年补齐。",
            statutory,
        )
        for n in range(4)
    ]
    assert not any(b1(item) for item in with_reuse(validate_many(reports)))


def test_items_that_could_not_be_read_pass_through_in_order() -> None:
    bad: BatchItem[gd.batch.Checked] = BatchItem(
        1, "broken.docx", error=ReadError("not a report", source="broken.docx")
    )
    good = list(validate_many([BASE, attrs.evolve(BASE, organ="示例县交通运输局")]))
    items = with_reuse([good[0], bad, attrs.evolve(good[1], index=2)])
    assert [item.index for item in items] == [0, 1, 2]
    assert items[1] is bad
    assert b1(items[2])
    assert b1(items[2])[0].involved[0].json_path.startswith("$batch[0].")


def test_selection_leaves_b1_out_and_validate_runs_it_only_with_a_batch() -> None:
    items = list(validate_many([BASE, attrs.evolve(BASE, organ="示例县交通运输局")]))
    assert with_reuse(items, ignore="batch") == items
    assert with_reuse(items, select=["R2"]) == items
    assert "B1" not in gd.validate(BASE).rules
    assert "B1" in gd.validate(BASE, reused=()).rules
    with pytest.raises(ReportValueError, match=r"reused\[0\] must be a textreuse Match"):
        gd.validate(BASE, reused=["copied"])  # type: ignore[list-item]


def test_what_is_not_a_checked_batch_is_refused_with_what_was_expected() -> None:
    with pytest.raises(ReportValueError, match=r"items\[1\] must be a BatchItem of a checked"):
        with_reuse([*validate_many([BASE]), BASE])  # type: ignore[list-item]
