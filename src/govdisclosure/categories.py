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

    OVERVIEW = "overview", "总体情况", "Overview"
    PROACTIVE = (
        "proactive",
        "主动公开政府信息情况",
        "Proactive disclosure of government information",
    )
    APPLICATIONS = (
        "applications",
        "收到和处理政府信息公开申请情况",
        "Applications for government information received and handled",
    )
    REVIEWS = (
        "reviews",
        "政府信息公开行政复议、行政诉讼情况",
        "Administrative reconsideration and litigation concerning disclosure",
    )
    PROBLEMS = "problems", "存在的主要问题及改进情况", "Main problems and improvements"
    OTHER = "other_matters", "其他需要报告的事项", "Other matters to report"


class Art20Item(LabelledEnum):
    """The items of Art. 20 of the regulations that table 二 reports on (its blocks)."""

    ITEM_1 = "art20_1", "第二十条第（一）项", "Article 20, item (1)"
    ITEM_5 = "art20_5", "第二十条第（五）项", "Article 20, item (5)"
    ITEM_6 = "art20_6", "第二十条第（六）项", "Article 20, item (6)"
    ITEM_8 = "art20_8", "第二十条第（八）项", "Article 20, item (8)"
    ITEM_9 = "art20_9", "第二十条第（九）项", "Article 20, item (9)"


class ProactiveRow(LabelledEnum):
    """The rows of table 二 (信息内容)."""

    RULES = "rules", "规章", "Rules"
    NORMATIVE_DOCUMENTS = "normative_documents", "规范性文件", "Normative documents"
    LICENSING = "administrative_licensing", "行政许可", "Administrative licensing"
    OTHER_SERVICES = (
        "other_management_services",
        "其他对外管理服务事项",
        "Other external management and service matters",
    )
    PENALTY = "administrative_penalty", "行政处罚", "Administrative penalties"
    COERCION = "administrative_coercion", "行政强制", "Administrative coercion"
    FEES = "administrative_fees", "行政事业性收费", "Administrative and institutional fees"
    PROCUREMENT = "centralized_procurement", "政府集中采购", "Centralized government procurement"


class ProactiveColumn(LabelledEnum):
    """The columns of the blocks of table 二."""

    NEW_MADE = "made", "本年新制作数量", "Made this year"
    NEW_PUBLISHED = "published", "本年新公开数量", "Published this year"
    TOTAL_PUBLISHED = "total_published", "对外公开总数量", "Total published"
    ISSUED = "issued", "本年制发件数", "Issued this year"
    REPEALED = "repealed", "本年废止件数", "Repealed this year"
    IN_FORCE = "in_force", "现行有效件数", "In force"
    PREVIOUS_ITEMS = "previous_items", "上一年项目数量", "Items in the previous year"
    CHANGE = "change", "本年增/减", "Change this year"
    DECISIONS = "decisions", "处理决定数量", "Decisions made"
    FEE_AMOUNT = (
        "fee_amount",
        "本年收费金额（单位：万元）",
        "Fees collected this year (10,000 yuan)",
    )
    PROCUREMENT_ITEMS = "procurement_items", "采购项目数量", "Procurement projects"
    PROCUREMENT_AMOUNT = "procurement_amount", "采购总金额", "Total procurement amount"


class Applicant(LabelledEnum):
    """The columns of table 三: applicant types, their groups, and 总计."""

    APPLICANTS = "applicants", "申请人情况", "Applicants"
    NATURAL_PERSON = "natural_person", "自然人", "Natural persons"
    LEGAL_PERSONS = "legal_persons", "法人或其他组织", "Legal persons and other organizations"
    COMMERCIAL = "commercial", "商业企业", "Commercial enterprises"
    RESEARCH = "research", "科研机构", "Research institutions"
    PUBLIC_WELFARE = "public_welfare", "社会公益组织", "Public welfare organizations"
    LEGAL_SERVICES = "legal_services", "法律服务机构", "Legal service agencies"
    OTHER = "other", "其他", "Others"
    TOTAL = "total", "总计", "Total"


class ApplicationRow(LabelledEnum):
    """The rows of table 三: the application counts and every outcome with its reasons.

    Group rows (``OUTCOMES``, ``WITHHELD``, ``UNABLE``, ``NOT_PROCESSED`` and, in the 2021
    edition, ``OTHER_HANDLING``) hold no numbers of their own.
    """

    NEW = "new", "本年新收政府信息公开申请数量", "New applications received this year"
    CARRIED_OVER = (
        "carried_over",
        "上年结转政府信息公开申请数量",
        "Applications carried over from the previous year",
    )
    OUTCOMES = "outcomes", "本年度办理结果", "Results of handling this year"
    DISCLOSED = "disclosed", "予以公开", "Disclosed"
    PARTIALLY_DISCLOSED = (
        "partially_disclosed",
        "部分公开（区分处理的，只计这一情形，不计其他情形）",
        "Partially disclosed (counted here only)",
    )
    WITHHELD = "withheld", "不予公开", "Not disclosed"
    WITHHELD_STATE_SECRET = "withheld_state_secret", "属于国家秘密", "State secret"
    WITHHELD_PROHIBITED = (
        "withheld_prohibited_by_law",
        "其他法律行政法规禁止公开",
        "Prohibited by other laws and administrative regulations",
    )
    WITHHELD_SECURITY = (
        "withheld_security_stability",
        "危及“三安全一稳定”",
        "Endangers national, public or economic security or social stability",
    )
    WITHHELD_THIRD_PARTY = (
        "withheld_third_party",
        "保护第三方合法权益",
        "Protects the lawful rights of third parties",
    )
    WITHHELD_INTERNAL = (
        "withheld_internal_affairs",
        "属于三类内部事务信息",
        "Internal affairs information",
    )
    WITHHELD_PROCESS = (
        "withheld_process_information",
        "属于四类过程性信息",
        "Process information",
    )
    WITHHELD_ENFORCEMENT = (
        "withheld_enforcement_files",
        "属于行政执法案卷",
        "Administrative enforcement case files",
    )
    WITHHELD_QUERY = "withheld_query_matters", "属于行政查询事项", "Administrative query matters"
    UNABLE = "unable", "无法提供", "Cannot be provided"
    UNABLE_NOT_HELD = (
        "unable_not_held",
        "本机关不掌握相关政府信息",
        "The organ does not hold the information",
    )
    UNABLE_NEEDS_CREATION = (
        "unable_needs_creation",
        "没有现成信息需要另行制作",
        "No existing information; would have to be created",
    )
    UNABLE_UNCLEAR = (
        "unable_unclear",
        "补正后申请内容仍不明确",
        "Request still unclear after correction",
    )
    NOT_PROCESSED = "not_processed", "不予处理", "Not processed"
    NOT_PROCESSED_COMPLAINT = (
        "not_processed_complaint",
        "信访举报投诉类申请",
        "Petitions, reports and complaints",
    )
    NOT_PROCESSED_REPEATED = "not_processed_repeated", "重复申请", "Repeated applications"
    NOT_PROCESSED_PUBLICATIONS = (
        "not_processed_publications",
        "要求提供公开出版物",
        "Requests for published materials",
    )
    NOT_PROCESSED_MASS = (
        "not_processed_mass_repetitive",
        "无正当理由大量反复申请",
        "Mass repetitive applications without proper reason",
    )
    NOT_PROCESSED_CONFIRMATION = (
        "not_processed_confirmation",
        "要求行政机关确认或重新出具已获取信息",
        "Requests to confirm or reissue information already obtained",
    )
    OTHER_HANDLING = "other_handling", "其他处理", "Other handling"
    OTHER_NO_CORRECTION = (
        "other_no_correction",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "Applicant did not correct the application in time; no longer processed",
    )
    OTHER_UNPAID_FEE = (
        "other_unpaid_fee",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "Applicant did not pay the notified fee in time; no longer processed",
    )
    OTHER_MISC = "other_misc", "其他", "Other"
    TOTAL = "total", "总计", "Total"
    CARRIED_FORWARD = (
        "carried_forward",
        "结转下年度继续办理",
        "Carried forward to the next year",
    )


class ReviewCase(LabelledEnum):
    """The case kinds of table 四: administrative reconsideration and the two kinds of lawsuit."""

    REVIEW = "review", "行政复议", "Administrative reconsideration"
    LITIGATION = "litigation", "行政诉讼", "Administrative litigation"
    LITIGATION_DIRECT = (
        "litigation_direct",
        "未经复议直接起诉",
        "Sued directly, without reconsideration",
    )
    LITIGATION_AFTER_REVIEW = (
        "litigation_after_review",
        "复议后起诉",
        "Sued after reconsideration",
    )


class ReviewResult(LabelledEnum):
    """The result columns of table 四, repeated for each case kind."""

    UPHELD = "upheld", "结果维持", "Upheld"
    CORRECTED = "corrected", "结果纠正", "Corrected"
    OTHER = "other", "其他结果", "Other results"
    PENDING = "pending", "尚未审结", "Pending"
    TOTAL = "total", "总计", "Total"


class MoneyUnit(LabelledEnum):
    """The unit an amount of money is stated in."""

    YUAN = "yuan", "元", "yuan"
    TEN_THOUSAND_YUAN = "wan_yuan", "万元", "10,000 yuan"
    HUNDRED_MILLION_YUAN = "yi_yuan", "亿元", "100 million yuan"


class ScopeKind(LabelledEnum):
    """Whom a report covers: the organ itself, or several organs added together."""

    OWN = "own", "本机关", "The organ itself"
    AGGREGATE = "aggregate", "汇总", "Aggregate of several organs"


class OrganKind(LabelledEnum):
    """What kind of organ reports; it sets the Art. 49 deadline."""

    DEPARTMENT = "department", "政府部门", "Government department"
    GOVERNMENT = "government", "人民政府", "People's government"
    OTHER = "other", "其他机关", "Other organ"
