"""Look-up by printed label, tolerant of how real reports spell labels."""

from __future__ import annotations

import pytest

from govdisclosure import (
    Applicant,
    ApplicationRow,
    Art20Item,
    MoneyUnit,
    ProactiveColumn,
    ProactiveRow,
    ReviewCase,
    ReviewResult,
    UnknownLabelError,
    normalize_label,
)

R = ApplicationRow


@pytest.mark.parametrize(
    ("label", "row"),
    [
        ("(三)不予公开 3.危及三安全一稳定", R.WITHHELD_SECURITY),
        ("3.危及“三安全一稳定”", R.WITHHELD_SECURITY),
        ('（三）不予公开3、危及"三安全一稳定"', R.WITHHELD_SECURITY),
        ("三、本年度办理结果 （三）不予公开 1.属于国家秘密", R.WITHHELD_STATE_SECRET),
        ("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)", R.PARTIALLY_DISCLOSED),
        ("部分公开", R.PARTIALLY_DISCLOSED),
        ("一、 本年新收政府信息公开申请数量", R.NEW),
        ("本年新收 政府信息 公开申请数量", R.NEW),
        ("四、结转下年度继续办理", R.CARRIED_FORWARD),
        ("（七）总计", R.TOTAL),
        ("(六)其他处理", R.OTHER_HANDLING),
        ("其他处理 3.其他", R.OTHER_MISC),
        (
            "1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
            R.OTHER_NO_CORRECTION,
        ),
        ("（五）不予处理 4.无正当理由大量反复申请", R.NOT_PROCESSED_MASS),
        ("2.没有现成信息需要另行制作", R.UNABLE_NEEDS_CREATION),
    ],
)
def test_application_rows(label: str, row: ApplicationRow) -> None:
    assert ApplicationRow.from_label(label) is row


@pytest.mark.parametrize(
    ("cls", "label", "member"),
    [
        (Applicant, "社会 公益 组织", Applicant.PUBLIC_WELFARE),
        (Applicant, "法律服 务机构", Applicant.LEGAL_SERVICES),
        (Applicant, "法人或其他组织 其他", Applicant.OTHER),
        (Applicant, "总计", Applicant.TOTAL),
        (ProactiveRow, "行政规范性文件", ProactiveRow.NORMATIVE_DOCUMENTS),
        (ProactiveColumn, "本年新 制作数量", ProactiveColumn.NEW_MADE),
        (ProactiveColumn, "本年增／减", ProactiveColumn.CHANGE),
        (ProactiveColumn, "本年处理决定数量", ProactiveColumn.DECISIONS),
        (ProactiveColumn, "本年收费金额", ProactiveColumn.FEE_AMOUNT),
        (ProactiveColumn, "本年收费金额(单位:万元)", ProactiveColumn.FEE_AMOUNT),
        (Art20Item, "第二十条 第(五)项", Art20Item.ITEM_5),
        (Art20Item, "第二十条第（九）项", Art20Item.ITEM_9),
        (ReviewCase, "行政诉讼 复议后起诉", ReviewCase.LITIGATION_AFTER_REVIEW),
        (ReviewResult, "结 果 维 持", ReviewResult.UPHELD),
        (MoneyUnit, "万元", MoneyUnit.TEN_THOUSAND_YUAN),
    ],
)
def test_other_categories(cls: type[ApplicationRow], label: str, member: object) -> None:
    assert cls.from_label(label) is member


def test_items_of_article_20_stay_distinct() -> None:
    # "(一)" inside "第二十条第(一)项" is not a numbering prefix to drop.
    items = {normalize_label(item.zh) for item in Art20Item}
    assert len(items) == len(Art20Item)


def test_unknown_and_wrong_types() -> None:
    with pytest.raises(UnknownLabelError, match="no ApplicationRow matches"):
        ApplicationRow.from_label("不予受理")
    with pytest.raises(KeyError):
        ApplicationRow.from_label("不予受理")
    with pytest.raises(ValueError, match="must be a str"):
        ApplicationRow.from_label(3)  # type: ignore[arg-type]
    with pytest.raises(UnknownLabelError):
        Applicant.coerce(3)


def test_coerce_prefers_ascii_values() -> None:
    assert ApplicationRow.coerce("other_misc") is R.OTHER_MISC
    assert Applicant.coerce("other") is Applicant.OTHER
    assert ReviewResult.coerce("other") is ReviewResult.OTHER
    assert ApplicationRow.coerce(R.NEW) is R.NEW


def test_members_show_their_labels() -> None:
    assert str(R.DISCLOSED) == "予以公开"
    assert R.DISCLOSED.en == "Disclosed"
    assert repr(R.DISCLOSED) == "<ApplicationRow.DISCLOSED: 'disclosed' 予以公开>"
