"""Paragraphs with inline emphasis."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from govdisclosure import Paragraph, ReportValueError, Span
from govdisclosure.text import paragraphs


def test_spans_are_normalised() -> None:
    p = Paragraph([Span("建议。"), Span(""), Span("四是", bold=True), Span("推进"), "管理公开"])
    assert p.spans == (Span("建议。"), Span("四是", True), Span("推进管理公开"))
    assert p.text == "建议。四是推进管理公开"


def test_markup_round_trip_with_special_characters() -> None:
    p = Paragraph([Span("5*8=40 \\ "), Span("**粗**", bold=True)])
    assert Paragraph.from_markup(p.to_markup()) == p


def test_whitespace_only_paragraphs_are_refused() -> None:
    with pytest.raises(ReportValueError, match="not only whitespace"):
        Paragraph([Span(" \u3000", bold=True), "\n"])


def test_markup_errors() -> None:
    with pytest.raises(ReportValueError, match="unclosed"):
        Paragraph.from_markup("**四是")
    with pytest.raises(ReportValueError, match="some text"):
        Paragraph.from_markup("****")


@pytest.mark.parametrize("bad", [1, None, [1], [Span("x"), 2]])
def test_paragraph_refuses_non_text(bad: object) -> None:
    with pytest.raises(ReportValueError):
        Paragraph(bad)  # type: ignore[arg-type]


def test_span_validates() -> None:
    with pytest.raises(ReportValueError):
        Span(1)  # type: ignore[arg-type]
    with pytest.raises(ReportValueError):
        Span("x", bold=1)  # type: ignore[arg-type]


def test_paragraphs_helper_treats_a_string_as_one_paragraph() -> None:
    assert paragraphs("无。") == (Paragraph("无。"),)
    assert paragraphs(["一", Paragraph("二")]) == (Paragraph("一"), Paragraph("二"))
    with pytest.raises(ReportValueError):
        paragraphs(5)  # type: ignore[arg-type]


@given(
    st.lists(st.tuples(st.text(min_size=1), st.booleans()), min_size=1).filter(
        lambda items: any(not text.isspace() for text, _ in items)
    )
)
def test_markup_round_trips(items: list[tuple[str, bool]]) -> None:
    p = Paragraph([Span(text, bold) for text, bold in items])
    assert Paragraph.from_markup(p.to_markup()) == p
