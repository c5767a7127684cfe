"""Properties of summaries over random reports: the summary of reports that add up adds up
and passes the hierarchy check against them; one figure changed in one part fails exactly
that cell, naming the organ; a blank never turns into a figure without a note."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings, strategies as st

from govdisclosure import (
    AnnualReport,
    Blank,
    Cell,
    Edition,
    Money,
    NotApplicable,
    Section,
    is_number,
    validate,
)
from govdisclosure.checker.findings import Figures, Location
from govdisclosure.layouts import layout
from govdisclosure.rollup import AggregateNoteKind, AggregateResult, BlankPolicy, aggregate
from tests.strategies import balanced_reports, editions, reports

TABLES = (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)
SCALE = {"yuan": 0, "wan_yuan": 4, "yi_yuan": 8}
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def year_of(edition: Edition) -> int:
    return 2020 if edition is Edition.V2019 else 2023


@st.composite
def county(draw: st.DrawFn) -> tuple[AnnualReport, ...]:
    """One to four departments' reports that add up, on one year in one edition."""
    edition = draw(editions())
    count = draw(st.integers(1, 4))
    return tuple(
        draw(balanced_reports(edition, f"某县第{n}局", year_of(edition))) for n in range(count)
    )


@st.composite
def any_county(draw: st.DrawFn) -> tuple[AnnualReport, ...]:
    """One to four arbitrary reports (blanks, marks, amounts in any unit, extras) made
    reports of different organs on one year."""
    edition = draw(editions())
    count = draw(st.integers(1, 4))
    drawn = [draw(reports(edition, consistent=False)) for _ in range(count)]
    return tuple(
        attrs.evolve(report, organ=f"某县第{n}局", year=year_of(edition))
        for n, report in enumerate(drawn)
    )


def in_yuan(cell: Money) -> Fraction:
    return Fraction(cell.amount) * Fraction(10) ** SCALE[cell.unit.value]


# --- reports that add up ----------------------------------------------------------------------


@PROPERTY
@given(county())
def test_the_summary_of_reports_that_add_up_adds_up(parts: tuple[AnnualReport, ...]) -> None:
    for part in parts:  # the premise: each report adds up
        assert not validate(part, select="arithmetic").findings
    result = aggregate(parts, organ="某县")
    arithmetic = validate(result.report, select="arithmetic")
    assert arithmetic.findings == ()
    assert arithmetic.unchecked == ()
    assert arithmetic.held_count > 0
    assert result.consistent
    assert {note.kind for note in result.notes} <= {
        AggregateNoteKind.PROSE,
        AggregateNoteKind.UNIT,
        AggregateNoteKind.SIGNED,
    }
    hierarchy = validate(result.report, parts=parts, select="hierarchy")
    assert hierarchy.findings == ()
    assert hierarchy.unchecked == ()


def _changed(value: Cell, delta: int) -> Cell:
    """``value`` moved by ``delta`` (never to 0, so that a message lists it)."""
    if isinstance(value, Money):
        amount = value.amount + delta
        return Money(amount if amount else amount + 1, value.unit)
    assert type(value) is int
    moved = value + delta
    return moved if moved else moved + 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(county(), st.data())
def test_one_figure_changed_fails_exactly_its_cell_naming_the_organ(
    parts: tuple[AnnualReport, ...], data: st.DataObject
) -> None:
    # Every cell of every table, each changed in turn in one part drawn for it.
    summary = aggregate(parts, organ="某县").report
    for section in TABLES:
        for spec in layout(summary.edition).table(section).cells:
            index = data.draw(st.integers(0, len(parts) - 1), label="part")
            delta = data.draw(st.integers(1, 50), label="by")
            if spec.kind.value == "signed":
                delta = data.draw(st.sampled_from([delta, -delta]), label="sign")
            _changing_one(summary, parts, (section, spec.position), index, delta)


def _changing_one(
    summary: AnnualReport,
    parts: tuple[AnnualReport, ...],
    cell: tuple[Section, int],
    index: int,
    delta: int,
) -> None:
    """Check ``summary`` against ``parts`` with ``cell`` (the table of a section, a
    position in it) moved by ``delta`` in part ``index``: exactly that cell fails."""
    section, position = cell
    part = parts[index]
    table = part.table(section)
    cells = list(table.cells)
    cells[position] = _changed(cells[position], delta)
    tables: dict[str, Any] = {section.value: attrs.evolve(table, cells=tuple(cells))}
    changed = attrs.evolve(part, **tables)
    given_parts = (*parts[:index], changed, *parts[index + 1 :])
    result = validate(summary, parts=given_parts, select="H2")
    (finding,) = result.findings
    assert result.unchecked == ()
    assert finding.location == Location.of_cell(summary.edition, section, position)
    assert finding.difference
    figures = dict(finding.params)["figures"]
    assert isinstance(figures, Figures)
    assert (part.organ, cells[position]) in figures.items
    assert part.organ in finding.message_zh
    assert part.organ in finding.message_en
    assert finding.involved[index].json_path.startswith(f"$parts[{index}].report.")


# --- blanks, marks and units ----------------------------------------------------------------


def _exact(cell: Cell) -> Fraction:
    return in_yuan(cell) if isinstance(cell, Money) else Fraction(cell)  # type: ignore[arg-type]


def _notes_at(result: AggregateResult, kind: AggregateNoteKind, path: str) -> list[Any]:
    return [n for n in result.notes_of(kind) if n.location.json_path == path]


@PROPERTY
@given(any_county(), st.sampled_from(list(BlankPolicy)))
def test_a_blank_never_turns_into_a_figure_without_a_note(
    parts: tuple[AnnualReport, ...], policy: BlankPolicy
) -> None:
    result = aggregate(parts, organ="某县", blanks=policy)
    organs = result.organs
    for section in TABLES:
        summed = result.report.table(section)
        for spec, cell in summed.items():
            path = f"$.report.{section.value}.{spec.row.value}.{spec.column.value}"
            column = [part.table(section).cells[spec.position] for part in parts]
            blank = tuple(o for o, v in zip(organs, column, strict=True) if type(v) is Blank)
            numbers = [v for v in column if is_number(v)]
            blank_notes = _notes_at(result, AggregateNoteKind.BLANK, path)
            # Every cell a blank touched has a note naming exactly those organs.
            assert [n.organs for n in blank_notes] == ([blank] if blank else [])
            if blank and policy is BlankPolicy.BLANK:
                assert type(cell) is Blank
            elif not numbers and not (blank and policy is BlankPolicy.ZERO):
                assert not is_number(cell)  # nothing given, nothing made up
            else:
                # The exact sum of the figures given (a blank counted as 0 adds nothing).
                assert is_number(cell)
                assert _exact(cell) == sum(map(_exact, numbers), Fraction(0))
            marked = tuple(
                o for o, v in zip(organs, column, strict=True) if type(v) is NotApplicable
            )
            notes = _notes_at(result, AggregateNoteKind.NOT_APPLICABLE, path)
            assert [n.organs for n in notes] == ([marked] if marked else [])
            if isinstance(cell, Money):
                assert cell.unit is spec.unit  # in the unit the edition prints
                converted = tuple(
                    o
                    for o, v in zip(organs, column, strict=True)
                    if isinstance(v, Money) and v.unit is not spec.unit
                )
                notes = _notes_at(result, AggregateNoteKind.UNIT, path)
                assert [n.organs for n in notes] == ([converted] if converted else [])


@PROPERTY
@given(any_county())
def test_the_summary_passes_or_names_why_it_cannot_be_checked(
    parts: tuple[AnnualReport, ...],
) -> None:
    summary = aggregate(parts, organ="某县").report
    result = validate(summary, parts=parts, select="hierarchy")
    assert [f.rule for f in result.findings] == []  # H0, H1, H2 hold where they can
    for unchecked in result.unchecked:
        assert unchecked.rule == "H2"
        assert any(part.organ in unchecked.message_zh for part in parts) or (
            "本报告未填写数字" in unchecked.message_zh
        )


def test_money_and_decimal_are_compared_as_values() -> None:
    # The premise of the properties above: amounts compare by value across scales.
    assert Money("1.50", "万元").to("元").amount == Decimal("15000")
