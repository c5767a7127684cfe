"""The categories of the report: sections, table rows and columns, and small vocabularies.

Each member has a stable ASCII value (used as the key in the JSON form), the official
Chinese label (``zh``) and an English label (``en``). Which members appear in which
edition, in what order, nested how, and printed with which edition-specific label is
the business of :mod:`govdisclosure.layouts`.

>>> ApplicationRow.WITHHELD_SECURITY.value, ApplicationRow.WITHHELD_SECURITY.zh
('withheld_security_stability', '危及“三安全一稳定”')
>>> ApplicationRow.from_label("(三)不予公开 3.危及三安全一稳定") is ApplicationRow.WITHHELD_SECURITY
True
"""

from __future__ import annotations

from govdisclosure.labels import LabelledEnum

__all__ = [
    "Applicant",
    "ApplicationRow",
    "Art20Item",
    "MoneyUnit",
    "OrganKind",
    "ProactiveColumn",
    "ProactiveRow",
    "ReviewCase",
    "ReviewResult",
    "ScopeKind",
    "Section",
]


class Section(LabelledEnum):
    """The six sections of the report, in order (一 … 六)."""

    OVERVIEW = "overview", "总体情况"
    PROACTIVE = "proactive", "主动公开政府信息情况"
    APPLICATIONS = "applications", "收到和处理政府信息公开申请情况"
    REVIEWS = "reviews", "政府信息公开行政复议、行政诉讼情况"
    PROBLEMS = "problems", "存在的主要问题及改进情况"
    OTHER = "other_matters", "其他需要报告的事项"


class Art20Item(LabelledEnum):
    """The items of Art. 20 of the regulations that table 二 reports on (its blocks)."""

    ITEM_1 = "art20_1", "第二十条第（一）项"
    ITEM_5 = "art20_5", "第二十条第（五）项"
    ITEM_6 = "art20_6", "第二十条第（六）项"
    ITEM_8 = "art20_8", "第二十条第（八）项"
    ITEM_9 = "art20_9", "第二十条第（九）项"


class ProactiveRow(LabelledEnum):
    """The rows of table 二 (信息内容)."""

    RULES = "rules", "规章"
    NORMATIVE_DOCUMENTS = "normative_documents", "规范性文件"
    LICENSING = "administrative_licensing", "行政许可"
    OTHER_SERVICES = "other_management_services", "其他对外管理服务事项"
    PENALTY = "administrative_penalty", "行政处罚"
    COERCION = "administrative_coercion", "行政强制"
    FEES = "administrative_fees", "行政事业性收费"
    PROCUREMENT = "centralized_procurement", "政府集中采购"


class ProactiveColumn(LabelledEnum):
    """The columns of the blocks of table 二."""

    NEW_MADE = "made", "本年新制作数量"
    NEW_PUBLISHED = "published", "本年新公开数量"
    TOTAL_PUBLISHED = "total_published", "对外公开总数量"
    ISSUED = "issued", "本年制发件数"
    REPEALED = "repealed", "本年废止件数"
    IN_FORCE = "in_force", "现行有效件数"
    PREVIOUS_ITEMS = "previous_items", "上一年项目数量"
    CHANGE = "change", "本年增/减"
    DECISIONS = "decisions", "处理决定数量"
    FEE_AMOUNT = "fee_amount", "本年收费金额（单位：万元）"
    PROCUREMENT_ITEMS = "procurement_items", "采购项目数量"
    PROCUREMENT_AMOUNT = "procurement_amount", "采购总金额"


class Applicant(LabelledEnum):
    """The columns of table 三: applicant types, their groups, and 总计."""

    APPLICANTS = "applicants", "申请人情况"
    NATURAL_PERSON = "natural_person", "自然人"
    LEGAL_PERSONS = "legal_persons", "法人或其他组织"
    COMMERCIAL = "commercial", "商业企业"
    RESEARCH = "research", "科研机构"
    PUBLIC_WELFARE = "public_welfare", "社会公益组织"
    LEGAL_SERVICES = "legal_services", "法律服务机构"
    OTHER = "other", "其他"
    TOTAL = "total", "总计"


class ApplicationRow(LabelledEnum):
    """The rows of table 三: the application counts and every outcome with its reasons.

    Group rows (``OUTCOMES``, ``WITHHELD``, ``UNABLE``, ``NOT_PROCESSED`` and, in the 2021
    edition, ``OTHER_HANDLING``) hold no numbers of their own.
    """

    NEW = "new", "本年新收政府信息公开申请数量"
    CARRIED_OVER = "carried_over", "上年结转政府信息公开申请数量"
    OUTCOMES = "outcomes", "本年度办理结果"
    DISCLOSED = "disclosed", "予以公开"
    PARTIALLY_DISCLOSED = (
        "partially_disclosed",
        "部分公开（区分处理的，只计这一情形，不计其他情形）",
    )
    WITHHELD = "withheld", "不予公开"
    WITHHELD_STATE_SECRET = "withheld_state_secret", "属于国家秘密"
    WITHHELD_PROHIBITED = "withheld_prohibited_by_law", "其他法律行政法规禁止公开"
    WITHHELD_SECURITY = "withheld_security_stability", "危及“三安全一稳定”"
    WITHHELD_THIRD_PARTY = "withheld_third_party", "保护第三方合法权益"
    WITHHELD_INTERNAL = "withheld_internal_affairs", "属于三类内部事务信息"
    WITHHELD_PROCESS = "withheld_process_information", "属于四类过程性信息"
    WITHHELD_ENFORCEMENT = "withheld_enforcement_files", "属于行政执法案卷"
    WITHHELD_QUERY = "withheld_query_matters", "属于行政查询事项"
    UNABLE = "unable", "无法提供"
    UNABLE_NOT_HELD = "unable_not_held", "本机关不掌握相关政府信息"
    UNABLE_NEEDS_CREATION = "unable_needs_creation", "没有现成信息需要另行制作"
    UNABLE_UNCLEAR = "unable_unclear", "补正后申请内容仍不明确"
    NOT_PROCESSED = "not_processed", "不予处理"
    NOT_PROCESSED_COMPLAINT = "not_processed_complaint", "信访举报投诉类申请"
    NOT_PROCESSED_REPEATED = "not_processed_repeated", "重复申请"
    NOT_PROCESSED_PUBLICATIONS = "not_processed_publications", "要求提供公开出版物"
    NOT_PROCESSED_MASS = "not_processed_mass_repetitive", "无正当理由大量反复申请"
    NOT_PROCESSED_CONFIRMATION = (
        "not_processed_confirmation",
        "要求行政机关确认或重新出具已获取信息",
    )
    OTHER_HANDLING = "other_handling", "其他处理"
    OTHER_NO_CORRECTION = (
        "other_no_correction",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    )
    OTHER_UNPAID_FEE = (
        "other_unpaid_fee",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    )
    OTHER_MISC = "other_misc", "其他"
    TOTAL = "total", "总计"
    CARRIED_FORWARD = "carried_forward", "结转下年度继续办理"


class ReviewCase(LabelledEnum):
    """The case kinds of table 四: administrative reconsideration and the two kinds of lawsuit."""

    REVIEW = "review", "行政复议"
    LITIGATION = "litigation", "行政诉讼"
    LITIGATION_DIRECT = "litigation_direct", "未经复议直接起诉"
    LITIGATION_AFTER_REVIEW = "litigation_after_review", "复议后起诉"


class ReviewResult(LabelledEnum):
    """The result columns of table 四, repeated for each case kind."""

    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"
    PENDING = "pending", "尚未审结"
    TOTAL = "total", "总计"


class MoneyUnit(LabelledEnum):
    """The unit an amount of money is stated in."""

    YUAN = "yuan", "元"
    TEN_THOUSAND_YUAN = "wan_yuan", "万元"
    HUNDRED_MILLION_YUAN = "yi_yuan", "亿元"


class ScopeKind(LabelledEnum):
    """Whom a report covers: the organ itself, or several organs added together."""

    OWN = "own", "本机关"
    AGGREGATE = "aggregate", "汇总"


class OrganKind(LabelledEnum):
    """What kind of organ reports; it sets the Art. 49 deadline."""

    DEPARTMENT = "department", "政府部门"
    GOVERNMENT = "government", "人民政府"
    OTHER = "other", "其他机关"
