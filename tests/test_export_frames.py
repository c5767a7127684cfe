"""Tables as pandas data frames: the types keep blank, zero, marks and amounts apart."""

from __future__ import annotations

import sys
from decimal import Decimal

import attrs
import pytest

import govdisclosure as gd
from govdisclosure import BLANK, Money, NotApplicable
from govdisclosure.batch import BatchItem
from govdisclosure.errors import FormatNotAvailable
from govdisclosure.export import RECORD_COLUMNS, to_dataframe, wide_columns
from govdisclosure.export.records import STATES
from govdisclosure.export.wide import WIDE_STATES

pd = pytest.importorskip("pandas")

SEED = "examples/zhongning-minzheng-2020.json"


def _report() -> gd.AnnualReport:
    report = gd.AnnualReport.blank("某县民政局", 2020)
    proactive = report.proactive.with_rows(
        {
            "行政许可": [0, BLANK, NotApplicable("/")],
            "行政处罚": [3, -2, 1],
            "政府集中采购": [1, Money("12345678901234567890.12", "元")],
        }
    )
    return attrs.evolve(report, proactive=proactive)


def test_the_tidy_frame_keeps_blank_zero_and_marks_apart() -> None:
    frame = to_dataframe(BatchItem(0, "a.json", value=_report()))
    keys = [c.key for c in RECORD_COLUMNS]
    at = keys.index("value")
    assert list(frame.columns) == [*keys[:at], "count", "amount", *keys[at + 1 :]]
    licensing = frame[frame["row"] == "administrative_licensing"].set_index("column")
    assert licensing.loc["previous_items", "count"] == 0
    assert licensing.loc["previous_items", "state"] == "count"
    assert licensing.loc["change", "count"] is pd.NA
    assert licensing.loc["change", "state"] == "blank"
    assert licensing.loc["decisions", "count"] is pd.NA
    assert (licensing.loc["decisions", "state"], licensing.loc["decisions", "mark"]) == (
        "not_applicable",
        "/",
    )
    change = frame[(frame["row"] == "administrative_penalty") & (frame["column"] == "change")]
    assert change["count"].tolist() == [-2]
    assert change["state"].tolist() == ["signed"]
    amount = frame[frame["column"] == "procurement_amount"].iloc[0]
    assert amount["amount"] == Decimal("12345678901234567890.12")  # exact, not a float
    assert isinstance(amount["amount"], Decimal)
    assert amount["count"] is pd.NA
    assert amount["unit"] == "yuan"
    assert frame["source"].tolist() == ["a.json"] * len(frame)


def test_the_tidy_frame_has_the_documented_types() -> None:
    frame = to_dataframe([_report(), gd.load(SEED)])
    assert str(frame["count"].dtype) == "Int64"
    assert str(frame["year"].dtype) == "Int64"
    assert str(frame["position"].dtype) == "Int64"
    assert frame["amount"].dtype == object
    assert str(frame["organ"].dtype) == "string"
    assert list(frame["state"].cat.categories) == list(STATES)
    assert str(frame["row"].dtype) == "category"
    # Not a float anywhere: no count can turn into NaN.
    assert not any(str(dtype).startswith("float") for dtype in frame.dtypes)


def test_the_wide_frame_has_a_column_per_cell() -> None:
    reports = [gd.load(SEED), gd.AnnualReport(organ="某县教育局", year=2023)]
    frame = to_dataframe(reports, wide=True, union=True)
    assert list(frame.columns) == [c.key for c in wide_columns()]
    assert str(frame["applications.total.natural_person"].dtype) == "Int64"
    assert frame["proactive.administrative_fees.fee_amount"].dtype == object
    state = frame["applications.other_handling.total.state"]
    assert list(state.cat.categories) == list(WIDE_STATES)
    assert state.tolist() == ["count", "absent"]
    assert frame["applications.other_handling.total"].tolist()[1] is pd.NA
    assert frame["reviews.review.upheld.state"].tolist() == ["blank", "count"]
    assert frame["reviews.review.upheld"].tolist()[0] is pd.NA
    one = to_dataframe(reports[:1], wide=True, states=False)
    assert not any(key.endswith(".state") for key in one.columns)


def test_no_reports_give_an_empty_frame_with_its_columns() -> None:
    frame = to_dataframe([])
    assert len(frame) == 0
    assert "state" in frame.columns
    assert "count" in frame.columns


def test_without_pandas_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(FormatNotAvailable) as caught:
        to_dataframe(gd.load(SEED))
    assert "to_dataframe" in str(caught.value)
    assert "pip install 'govdisclosure[pandas]'" in str(caught.value)
