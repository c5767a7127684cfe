"""Copied prose (内容雷同): the measure, the batch index and the cross-year rule X5."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import govdisclosure as gd
from govdisclosure import AnnualReport, Overview, Severity, Status, Subsection
from govdisclosure.textreuse import DEFAULT, Match, find_reuse, reuse
from govdisclosure.textreuse.index import common_shingles
from govdisclosure.textreuse.measure import measure, reused
from govdisclosure.textreuse.pairs import profiles
from govdisclosure.textreuse.shingles import normalise
from govdisclosure.textreuse.units import profile
from tests.invented_prose import TEMPLATE, batch, copied_pairs

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile("[\u4e00-\u9fff]")

PROBLEMS = (
    "一是政务公开工作人员业务能力有待提升，对条例的理解不够深入；二是政策解读形式较为单一，"
    "图解、音视频等解读方式运用不多；三是部分栏目信息更新不够及时。下一步，我局将加强业务"
    "培训，丰富政策解读形式，建立栏目更新责任清单。"
)
PROACTIVE_2022 = (
    "2022年，我局主动公开政府信息326条，其中行政规范性文件3件、行政许可决定1268件。通过"
    "门户网站、政务新媒体等渠道及时发布重点领域信息，全年召开新闻发布会4场，回应社会关切12次。"
)
PROACTIVE_2023 = (
    "2023年，我局主动公开政府信息351条，其中行政规范性文件5件、行政许可决定1304件。通过"
    "门户网站、政务新媒体等渠道及时发布重点领域信息，全年召开新闻发布会6场，回应社会关切15次。"
)
REWRITTEN = (
    "本年度围绕乡村振兴和耕地保护两项重点，新开设“自然资源政策问答”专栏，逐月发布用地审批"
    "结果和矿业权出让公告；同时对历年公开的目录进行了一次全面梳理，删除失效链接二百余条。"
)
BOILERPLATE = (
    "根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发"
    "〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，"
    "现将本局2022年度政府信息公开工作情况报告如下。"
)


def report(
    organ: str,
    year: int,
    proactive: str,
    problems: str,
    applications: str = "全年依法办理政府信息公开申请。",
) -> AnnualReport:
    """A report whose overview opens with the statutory formula, with a topic on
    proactive disclosure and one on applications (too short to compare unless given),
    whose 五 is ``problems`` and whose 六 is "无。"."""
    overview = Overview(
        intro=[BOILERPLATE.replace("2022", str(year))],
        subsections=(
            Subsection("主动公开", paragraphs=[proactive]),
            Subsection("依申请公开", paragraphs=[organ + applications]),
        ),
    )
    return AnnualReport(organ, year, overview=overview, problems=[problems], other_matters=["无。"])


def last() -> AnnualReport:
    return report("示例县自然资源局", 2022, PROACTIVE_2022, PROBLEMS)


def paths(matches: tuple[Match, ...]) -> list[str]:
    return [match.copy.unit.json_path for match in matches]


# --- normalising and measuring ----------------------------------------------------------------


def test_normalising_sets_aside_figures_years_punctuation_and_the_organ() -> None:
    one = normalise("2022年，示例县民政局共收到申请17件。", organ="示例县民政局")
    two = normalise("2023 年 示例县民政局 共收到申请 \uff11\uff17 件", organ="示例县民政局")
    assert one.chars == two.chars == "0年@共收到申请0件"
    assert normalise("\uff21\uff42，\uff43").chars == "abc"  # full-width letters


def test_a_section_copied_word_for_word_is_found_and_quoted() -> None:
    this = report("示例县自然资源局", 2023, PROACTIVE_2023 + "另" + REWRITTEN, PROBLEMS)
    (match,) = reuse(last(), this)
    assert match.copy.unit.json_path == "$.report.problems"
    assert match.source.unit.json_path == "$.report.problems"
    assert match.share == 1
    assert match.percent == 100
    assert match.quote.endswith("…")
    assert len(match.quote) == 60 + 1
    assert match.quote[:-1] in PROBLEMS
    assert match.source_quote == match.quote
    assert (match.copy.year, match.source.year) == (2023, 2022)


def test_a_section_copied_with_the_year_and_the_figures_changed_is_found() -> None:
    this = report(
        "示例县自然资源局", 2023, PROACTIVE_2023, "本年度暂无需要说明的问题，" + REWRITTEN
    )
    (match,) = reuse(last(), this)
    assert match.copy.unit.json_path == "$.report.overview.subsections[0]"
    assert match.share == 1  # the figures and the year are all that changed
    assert match.quote.startswith("2023年，我局主动公开政府信息351条")


def test_boilerplate_and_short_parts_are_never_reuse() -> None:
    # Both reports open with the statutory formula, say "无。" in 六 and name the same
    # organ's applications: nothing of that is copying.
    this = report("示例县自然资源局", 2023, REWRITTEN, "本年度" + REWRITTEN[::-1])
    assert reuse(last(), this) == ()
    parts = {part.unit.json_path for part in profiles(this)}
    assert "$.report.overview.intro" not in parts  # all boilerplate: not compared
    assert "$.report.other_matters" not in parts  # "无。": too short
    intro = profile(
        next(p.unit for p in profiles(last(), DEFAULT.with_patterns("x"))),
        "示例县自然资源局",
        DEFAULT,
    )
    assert intro.unit.json_path == "$.report.overview.subsections[0]"


def test_text_rewritten_on_the_same_topic_is_not_reuse() -> None:
    ours = (
        "2023年，我局主动公开各类信息412条，重点围绕国土空间规划、不动产登记、地质灾害防治等"
        "领域，及时发布政策文件和办事指南，并在门户网站开设专题，方便群众查阅。"
    )
    this = report("示例县自然资源局", 2023, ours, REWRITTEN)
    _shared, share, _back = measure(profiles(this)[0], profiles(last())[0])
    assert 0 < share < Fraction(1, 4)  # stock phrases, not a copy
    assert reuse(last(), this) == ()


def test_the_threshold_is_a_parameter() -> None:
    this = report("示例县自然资源局", 2023, PROACTIVE_2023, REWRITTEN)
    assert paths(reuse(last(), this, threshold=Fraction(1))) == ["$.report.overview.subsections[0]"]
    assert not reused(29, Fraction(1))
    assert reused(30, Fraction(1, 2))


# --- batches ----------------------------------------------------------------------------------


def test_two_departments_with_the_same_problems_are_found() -> None:
    education = report("示例县教育局", 2022, PROACTIVE_2022, PROBLEMS.replace("我局", "本局"))
    civil = report("示例县民政局", 2022, REWRITTEN, PROBLEMS)
    other = report("示例县林业局", 2022, REWRITTEN[::-1], PROACTIVE_2022[::-1])
    (match,) = find_reuse([education, civil, other])
    assert {match.copy.organ, match.source.organ} == {"示例县教育局", "示例县民政局"}
    assert match.copy.unit.name() == "五、存在的主要问题及改进情况"
    assert match.share > Fraction(9, 10)
    assert match.quote[:-1] in PROBLEMS


def test_a_later_report_is_the_copy() -> None:
    older = report("示例县教育局", 2021, REWRITTEN, PROBLEMS)
    newer = report("示例县民政局", 2022, PROACTIVE_2022, PROBLEMS + "另外，档案数字化进度偏慢。")
    (match,) = find_reuse([newer, older])
    assert (match.copy.organ, match.source.organ) == ("示例县民政局", "示例县教育局")
    assert (match.copy.report, match.source.report) == (0, 1)
    assert match.source_share == 1 > match.share


def test_a_batch_finds_the_copies_and_not_the_template() -> None:
    reports = batch(120)
    found = find_reuse(reports)
    assert {(m.copy.report, m.source.report) for m in found} == set(copied_pairs(120))
    assert all(m.copy.unit.json_path == "$.report.problems" for m in found)
    assert all(TEMPLATE[:20] not in m.quote for m in found)
    # The template is in 30 of the 120 reports: more than the batch's common share.
    common = common_shingles(
        [(i, p) for i, r in enumerate(reports) for p in profiles(r)],
        len(reports),
        Fraction(1, 20),
        10,
    )
    template = profile(attrs.evolve(profiles(reports[0])[0].unit, text=TEMPLATE), "", DEFAULT)
    assert template.counted <= common


def test_the_index_finds_what_comparing_every_pair_finds() -> None:
    reports = batch(60)
    for i in (3, 11, 30):  # and some copied parts besides the planted ones
        source = reports[i + 2].overview.subsections[1]
        overview = attrs.evolve(reports[i].overview, subsections=(source,) * 5)
        reports[i] = attrs.evolve(reports[i], overview=overview)
    found = {
        frozenset(
            {(m.copy.report, m.copy.unit.json_path), (m.source.report, m.source.unit.json_path)}
        )
        for m in find_reuse(reports)
    }
    parts = [(i, p) for i, r in enumerate(reports) for p in profiles(r)]
    common = common_shingles(parts, len(reports), Fraction(1, 20), 10)
    boilerplate = DEFAULT.with_common(common)
    every = [(i, p) for i, r in enumerate(reports) for p in profiles(r, boilerplate)]
    brute = set()
    for a, (i, one) in enumerate(every):
        for j, other in every[a + 1 :]:
            shared, share, back = measure(one, other)
            if i != j and reused(shared, max(share, back)):
                brute.add(frozenset({(i, one.unit.json_path), (j, other.unit.json_path)}))
    assert found == brute
    assert len(found) > len(copied_pairs(60))


def test_the_matches_are_the_same_in_every_process() -> None:
    # Python salts the hash of a str per process; the fingerprints must not depend on it.
    code = (
        "from tests.invented_prose import batch\n"
        "from govdisclosure.textreuse import find_reuse\n"
        "print([(m.copy.report, m.source.report, m.share, m.quote) for m in find_reuse(batch(40))])"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        }
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert "Fraction" in outputs.pop()


def test_find_reuse_takes_only_reports() -> None:
    with pytest.raises(gd.ReportValueError, match=r"reports\[1\]"):
        find_reuse([last(), "not a report"])  # type: ignore[list-item]
    with pytest.raises(gd.ReportValueError, match="previous"):
        reuse(None, last())  # type: ignore[arg-type]


# --- X5 ---------------------------------------------------------------------------------------


def x5(this: AnnualReport, previous: AnnualReport) -> gd.ValidationResult:
    return gd.validate(this, previous=previous, select="X5")


def test_x5_is_a_cross_year_warning() -> None:
    (rule,) = [r for r in gd.rules() if r.id == "X5"]
    assert (rule.family, rule.severity, rule.needs_previous) == (
        "cross-year",
        Severity.WARNING,
        True,
    )
    assert "X5" not in gd.validate(last()).rules  # only with last year's report


def test_x5_warns_where_this_years_text_is_last_years() -> None:
    applications = "本年度新收申请较多，主要涉及征地补偿和不动产登记信息，均在法定期限内答复。"
    this = report("示例县自然资源局", 2023, PROACTIVE_2023, PROBLEMS, applications)
    result = x5(this, last())
    assert [(f.location.json_path, f.reported) for f in result.findings] == [
        ("$.report.overview.subsections[0]", 100),
        ("$.report.problems", 100),
    ]
    finding = result.findings[1]
    assert finding.quote is not None
    assert finding.quote[:-1] in PROBLEMS
    assert finding.message_zh.startswith(
        "五、存在的主要问题及改进情况 有 100% 的文字见于上年报告 五、存在的主要问题及改进情况，"
        "疑似照搬上年内容（内容雷同）：“一是政务公开工作人员"
    )
    english = finding.message_en.replace(finding.quote, "")
    assert not CJK.search(english), english
    assert english.startswith("Section 5, Main problems and improvements: 100% of its wording")
    assert [place.json_path for place in finding.involved] == ["$previous.report.problems"]
    held = [o.location.json_path for o in result.outcomes() if o.status is Status.HELD]
    assert held == ["$.report.overview.subsections[1]"]


def test_x5_cannot_compare_another_organs_or_years_report() -> None:
    this = report("示例县自然资源局", 2023, PROACTIVE_2023, PROBLEMS)
    result = x5(this, attrs.evolve(last(), year=2020))
    assert result.findings == ()
    assert {f.status for f in result.unchecked} == {Status.UNCHECKED}
    assert all("见 X0" in f.message_zh for f in result.unchecked)
    # The parts long enough to compare: 主动公开 and 五 (the rest is boilerplate or short).
    assert [f.location.json_path for f in result.unchecked] == [
        "$.report.overview.subsections[0]",
        "$.report.problems",
    ]
