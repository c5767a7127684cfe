"""Make the DOCX fixtures of the DOCX reader's tests: Word files laid out as organs
publish them, unlike this library's own output, written with plain python-docx the way
a clerk's template would (no govdisclosure code is used, so the fixtures stand for
documents made by others).

    .venv/bin/python tools/make-docx-fixtures.py

writes tests/fixtures/docx/*.docx; run by hand, the files are committed. The output is
the same bytes on every run: fixed document properties, and the package rewritten with
fixed entry times (as renderers/docx/_package.py does).

What each file exercises (the reader's tests assert each point):

others-2019-unmerged.docx, a 2019-edition report of 示例县教育局:
  (a) table 三's header as plain cells, not merged (申请人情况 and 法人或其他组织 in
      every cell they cover), and its group labels repeated in every row;
  (c) empty rows in tables 二 and 三;
  (d) section headings and subsection titles as bold paragraphs of the Normal style;
  (e) "1 234" and " 12 " as figures, "22（其中修订16件）" (a figure and its annotation),
      a blank 总计 cell;
  (h) a note under table 二 ("注：…");
  planted: table 三's （一）予以公开 总计 is 9 where its parts add up to 8 (rule R3).

others-2021-split.docx, a 2021-edition report of 示例市生态环境局, with Word's own
Title and heading styles:
  (a) table 三's group labels printed once, empty in the rows below;
  (b) table 三 split in two: rows 一 to （三） in one table, the rest in another after
      a page break, its header printed again;
  (f) （六）其他处理 as a single row with figures (the 2021 form divides it in three);
  (g) a row neither edition has, "不予受理";
  a note printed as the last row of table 三 ("注：…"), a paragraph in a content
  control (w:sdt), a run-in subsection title in bold;
  planted: table 四's 行政复议 总计 is 5 where its parts add up to 4 (rule R5).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "docx"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
LEGAL = "法人或其他组织"


# --- python-docx helpers --------------------------------------------------------------


def new_document(title: str, author: str, when: dt.datetime) -> Any:
    document = docx.Document()
    props = document.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1
    props.comments = ""
    props.keywords = ""
    props.subject = ""
    props.category = ""
    return document


def bold(document: Any, text: str, centred: bool = False) -> None:
    """A bold paragraph of the Normal style: how many clerks type a heading."""
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def table(document: Any, rows: list[list[str]]) -> Any:
    """A table of plain cells (nothing merged), every row as wide as the widest."""
    width = max(len(row) for row in rows)
    result = document.add_table(rows=len(rows), cols=width)
    result.style = "Table Grid"
    for cells, texts in zip(result.rows, rows, strict=True):
        row_cells = cells.cells
        for cell, text in zip(row_cells, texts, strict=False):
            cell.text = text
    return result


def merge(result: Any, row: int, first: int, last: int) -> None:
    """Merge cells ``first`` to ``last`` of ``row`` (a w:gridSpan), keeping the first's text."""
    cells = result.rows[row].cells
    text = cells[first].text
    merged = cells[first].merge(cells[last])
    merged.text = text


def signature(document: Any, *lines: str) -> None:
    for line in lines:
        paragraph = document.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def fixed_bytes(document: Any) -> bytes:
    """The document's package with fixed entry times, so that every run writes the same
    bytes (python-docx stamps entries with the clock)."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, source.read(info), compresslevel=6)
    return out.getvalue()


def figures(values: list[int | str]) -> list[str]:
    return [str(v) for v in values]


# --- the 2019 report with unmerged headers ----------------------------------------------


def _outcomes_2019() -> list[tuple[str, str, str, list[int | str]]]:
    """(group, subgroup, label, figures) of table 三's rows, 2019 edition."""
    zero: list[int | str] = [0, 0, 0, 0, 0, 0, 0]
    one: list[int | str] = [1, 0, 0, 0, 0, 0, 1]
    two: list[int | str] = [1, 1, 0, 0, 0, 0, 2]
    withheld = [
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
    ]
    unable = [
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
    ]
    refused = [
        "1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
    ]
    result = "三、本年度办理结果"
    rows: list[tuple[str, str, str, list[int | str]]] = [
        # Planted: the parts add up to 8, the total says 9 (R3).
        (result, "（一）予以公开", "", [6, 1, 0, 0, 1, 0, 9]),
        # A blank 总计: printed empty, not 0.
        (
            result,
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "",
            [2, 0, 0, 0, 0, 0, ""],
        ),
    ]
    for label in withheld:
        values = one if label.startswith("4.") else zero
        rows.append((result, "（三）不予公开", label, values))
    for label in unable:
        values = one if label.startswith("1.") else zero
        rows.append((result, "（四）无法提供", label, values))
    for label in refused:
        values = two if label.startswith("2.") else zero
        rows.append((result, "（五）不予处理", label, values))
    rows.append((result, "（六）其他处理", "", zero))
    rows.append((result, "（七）总计", "", [11, 2, 0, 0, 1, 0, 14]))
    return rows


def unmerged_2019() -> bytes:
    organ = "示例县教育局"
    title = f"{organ}2019年政府信息公开工作年度报告"
    document = new_document(title, "admin", dt.datetime(2020, 1, 15, 9, 0, tzinfo=dt.UTC))
    bold(document, title, centred=True)
    document.add_paragraph(
        "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。"
        "本报告中使用的数据统计期限为2019年1月1日至12月31日。"
    )
    bold(document, "一、总体情况")
    document.add_paragraph("2019年，县教育局认真贯彻落实新修订的《条例》。")
    bold(document, "（一）主动公开")
    document.add_paragraph("全年主动公开政府信息 312 条。")
    bold(document, "（二）依申请公开")
    document.add_paragraph("全年收到政府信息公开申请 15 件。")

    bold(document, "二、主动公开政府信息情况")
    table(
        document,
        [
            ["第二十条第（一）项", "", "", ""],
            ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["规章", "0", "0", "0"],
            ["规范性文件", "22（其中修订16件）", "20", "85"],
            ["", "", "", ""],  # an empty row
            ["第二十条第（五）项", "", "", ""],
            ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            ["行政许可", "7", "+2", "1 234"],
            ["其他对外管理服务事项", "23", "0", "56"],
            ["第二十条第（六）项", "", "", ""],
            ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            ["行政处罚", "53", "-5", "120"],
            ["行政强制", "2", "0", "3"],
            ["第二十条第（八）项", "", "", ""],
            ["信息内容", "上一年项目数量", "本年增/减", ""],
            ["行政事业性收费", "4", "0", ""],
            ["第二十条第（九）项", "", "", ""],
            ["信息内容", "采购项目数量", "采购总金额", ""],
            ["政府集中采购", "3", "6165711 元", ""],
        ],
    )
    document.add_paragraph("注：行政许可处理决定数量含变更、延续事项。")

    bold(document, "三、收到和处理政府信息公开申请情况")
    rows = [
        [CORNER, "", "", *["申请人情况"] * 7],
        ["", "", "", "自然人", *[LEGAL] * 5, "总计"],
        ["", "", "", "", *APPLICANTS[1:6], ""],
        ["一、本年新收政府信息公开申请数量", "", "", " 12 ", "2", "0", "0", "1", "0", "15"],
        ["二、上年结转政府信息公开申请数量", "", "", "1", "0", "0", "0", "0", "0", "1"],
        ["", "", "", "", "", "", "", "", "", ""],  # an empty row
    ]
    for group, subgroup, label, values in _outcomes_2019():
        rows.append([group, subgroup, label, *figures(values)])
    rows.append(["四、结转下年度继续办理", "", "", "2", "0", "0", "0", "0", "0", "2"])
    table(document, rows)

    bold(document, "四、政府信息公开行政复议、行政诉讼情况")
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    table(
        document,
        [
            [*["行政复议"] * 5, *["行政诉讼"] * 10],
            [*results, *["未经复议直接起诉"] * 5, *["复议后起诉"] * 5],
            ["", "", "", "", "", *results, *results],
            ["1", "0", "0", "0", "1", *["0"] * 10],
        ],
    )
    bold(document, "五、存在的主要问题及改进情况")
    document.add_paragraph("信息公开的及时性有待提高。下一步将加强培训。")
    bold(document, "六、其他需要报告的事项")
    document.add_paragraph("无。")
    signature(document, organ, "2020年1月15日")
    return fixed_bytes(document)


# --- the 2021 report with table 三 split in two -------------------------------------------


def _header_2021() -> list[list[str]]:
    return [
        [CORNER, "", "", *["申请人情况"] * 7],
        ["", "", "", "自然人", *[LEGAL] * 5, "总计"],
        ["", "", "", "", *APPLICANTS[1:6], ""],
    ]


def _sum(rows: list[list[int]]) -> list[int]:
    return [sum(column) for column in zip(*rows, strict=True)]


def _content_control(document: Any, text: str) -> None:
    """A paragraph inside a block-level content control (w:sdt), as templates have."""
    paragraph = document.add_paragraph(text)
    element = paragraph._p
    sdt = element.makeelement(qn("w:sdt"), {})
    props = sdt.makeelement(qn("w:sdtPr"), {})
    alias = props.makeelement(qn("w:alias"), {qn("w:val"): "正文"})
    props.append(alias)
    content = sdt.makeelement(qn("w:sdtContent"), {})
    sdt.append(props)
    sdt.append(content)
    element.addprevious(sdt)
    content.append(element)


def split_2021() -> bytes:
    organ = "示例市生态环境局"
    title = f"{organ}2021年政府信息公开工作年度报告"
    document = new_document(title, "user", dt.datetime(2022, 1, 20, 10, 30, tzinfo=dt.UTC))
    document.add_paragraph(title, style="Title")
    document.add_paragraph(
        "本报告依据《中华人民共和国政府信息公开条例》要求编制。"
        "本报告中使用的数据统计期限为2021年1月1日至2021年12月31日。"
    )
    document.add_paragraph("一、总体情况", style="Heading 1")
    document.add_paragraph("（一）主动公开", style="Heading 2")
    document.add_paragraph("全年主动公开环境信息 1 300 余条。")
    paragraph = document.add_paragraph()
    paragraph.add_run("（二）依申请公开。").bold = True
    paragraph.add_run("全年新收申请 39 件，均按时答复。")

    document.add_paragraph("二、主动公开政府信息情况", style="Heading 1")
    proactive = table(
        document,
        [
            ["第二十条第（一）项", "", "", ""],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "0", "0", "0"],
            ["行政规范性文件", "3", "1", "12"],
            ["第二十条第（五）项", "", "", ""],
            ["信息内容", "本年处理决定数量", "", ""],
            ["行政许可", "1268", "", ""],
            ["第二十条第（六）项", "", "", ""],
            ["信息内容", "本年处理决定数量", "", ""],
            ["行政处罚", "37", "", ""],
            ["行政强制", "5", "", ""],
            ["第二十条第（八）项", "", "", ""],
            ["信息内容", "本年收费金额（单位：万元）", "", ""],
            ["行政事业性收费", "1.25", "", ""],
        ],
    )
    for number in (0, 4, 7, 11):
        merge(proactive, number, 0, 3)
    for number in (5, 6, 8, 9, 10, 12, 13):
        merge(proactive, number, 1, 3)

    document.add_paragraph("三、收到和处理政府信息公开申请情况", style="Heading 1")
    new = [30, 5, 1, 0, 2, 1]
    carried = [2, 0, 0, 0, 0, 0]
    zero = [0] * 6
    first: list[tuple[str, str, str, list[int]]] = [
        ("三、本年度办理结果", "（一）予以公开", "", [15, 2, 1, 0, 1, 0]),
        ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", [4, 1, 0, 0, 0, 0]),
        ("", "（三）不予公开", "1.属于国家秘密", zero),
        ("", "", "2.其他法律行政法规禁止公开", zero),
        ("", "", "3.危及“三安全一稳定”", zero),
        ("", "", "4.保护第三方合法权益", [2, 0, 0, 0, 0, 0]),
        ("", "", "5.属于三类内部事务信息", zero),
        ("", "", "6.属于四类过程性信息", zero),
        ("", "", "7.属于行政执法案卷", zero),
        ("", "", "8.属于行政查询事项", zero),
    ]
    second: list[tuple[str, str, str, list[int]]] = [
        ("", "（四）无法提供", "1.本机关不掌握相关政府信息", [3, 1, 0, 0, 0, 1]),
        ("", "", "2.没有现成信息需要另行制作", zero),
        ("", "", "3.补正后申请内容仍不明确", zero),
        ("", "（五）不予处理", "1.信访举报投诉类申请", [1, 0, 0, 0, 0, 0]),
        ("", "", "2.重复申请", zero),
        ("", "", "3.要求提供公开出版物", zero),
        ("", "", "4.无正当理由大量反复申请", zero),
        ("", "", "5.要求行政机关确认或重新出具已获取信息", zero),
        ("", "不予受理", "", [1, 0, 0, 0, 0, 0]),  # a row neither edition has
        ("", "（六）其他处理", "", [2, 0, 0, 0, 1, 0]),  # one row, not the form's three
    ]
    handled = _sum([values for *_, values in first + second])
    forward = [n + c - h for n, c, h in zip(new, carried, handled, strict=True)]

    def row(labels: tuple[str, str, str], values: list[int]) -> list[str]:
        return [*labels, *figures([*values, sum(values)])]

    rows = _header_2021()
    rows.append(row(("一、本年新收政府信息公开申请数量", "", ""), new))
    rows.append(row(("二、上年结转政府信息公开申请数量", "", ""), carried))
    rows += [row((g, s, label), values) for g, s, label, values in first]
    table(document, rows)
    document.add_page_break()
    rows = _header_2021()
    rows += [row((g, s, label), values) for g, s, label, values in second]
    rows.append(row(("", "（七）总计", ""), handled))
    rows.append(row(("四、结转下年度继续办理", "", ""), forward))
    rows.append(["注：“不予受理”为本市自行增加的统计项。", *[""] * 9])
    table(document, rows)

    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况", style="Heading 1")
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    reviews = table(
        document,
        [
            ["行政复议", *[""] * 4, "行政诉讼", *[""] * 9],
            [*results, "未经复议直接起诉", *[""] * 4, "复议后起诉", *[""] * 4],
            ["", "", "", "", "", *results, *results],
            # Planted: 2 + 1 + 0 + 1 is 4, the total says 5 (R5).
            ["2", "1", "0", "1", "5", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"],
        ],
    )
    merge(reviews, 0, 0, 4)
    merge(reviews, 0, 5, 14)
    merge(reviews, 1, 5, 9)
    merge(reviews, 1, 10, 14)
    document.add_paragraph("五、存在的主要问题及改进情况", style="Heading 1")
    _content_control(document, "政策解读的形式还不够丰富。")
    document.add_paragraph("六、其他需要报告的事项", style="Heading 1")
    document.add_paragraph("本机关2021年未收取信息处理费。")
    signature(document, "2022年1月20日")
    return fixed_bytes(document)


FIXTURES = {
    "others-2019-unmerged.docx": unmerged_2019,
    "others-2021-split.docx": split_2021,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in FIXTURES.items():
        target = OUT / name
        data = make()
        changed = not target.exists() or target.read_bytes() != data
        target.write_bytes(data)
        sys.stdout.write(f"{'updated' if changed else 'same   '} {target.relative_to(ROOT)}\n")


if __name__ == "__main__":
    main()
