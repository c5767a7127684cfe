"""Traditional characters and their Simplified forms: what a copy of a report printed in
Traditional script (a site's 繁體 version, a copy converted for Hong Kong or Macao) is
read through.

Conversion is character by character, as those sites convert: "主動公開" is "主动公开",
and a text keeps its length, so a place in the Simplified text is the same place in the
printed one. The map holds every Traditional form of a character the form's labels,
the sections' titles, the title's words and the organs' names use (the tests walk the
layouts to hold it to that), and the Traditional forms commonest in the prose, which
tell the script. Words that differ beyond their characters (Taiwan's 資訊 for 信息) are
not converted.

Every key but three is outside GB 2312, the character set of Simplified text, so a
Simplified text holds none of them: :func:`is_traditional` counts them. GB 2312 also has
後 and 於, as variants a Simplified text all but never prints, and they are counted; 覆
is a Simplified character of its own ("to cover", and "反覆" for 反复), converted in
the labels but never counted.

>>> simplified("政府信息公開工作年度報告")
'政府信息公开工作年度报告'
>>> is_traditional("一、總體情況 二、主動公開政府信息情況 三、收到和處理政府信息公開申請情況")
True
>>> is_traditional("某县卫生健康委员会在臺灣同胞服务中心召开会议")
False
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = ["TO_SIMPLIFIED", "is_traditional", "simplified", "telling", "traditional_count"]

#: Pairs of a Traditional character and its Simplified form.
_PAIRS: Final = (
    # The form's labels, the sections' titles, the title's words, the organs' kinds.
    "係系 內内 動动 務务 區区 員员 問问 單单 國国 執执 報报 審审 對对 屬属 廢废 廳厅 強强 後后 "
    "復复 採采 據据 數数 會会 條条 業业 構构 機机 權权 決决 沒没 況况 減减 為为 無无 獲获 現现 "
    "當当 發发 確确 穩稳 範范 糾纠 納纳 組组 結结 經经 維维 總总 織织 繫系 繳缴 繼继 續续 罰罚 "
    "舉举 萬万 處处 補补 製制 複复 規规 計计 訟讼 訪访 許许 訴诉 詢询 認认 請请 議议 護护 費费 "
    "購购 轉转 辦办 這这 進进 過过 開开 關关 隻只 項项 題题 額额 類类 體体 "
    # Organs' names and places.
    "場场 學学 寧宁 專专 導导 廣广 慶庆 應应 東东 檔档 漢汉 灣湾 營营 環环 產产 療疗 監监 稅税 "
    "級级 統统 網网 縣县 習习 聯联 臺台 華华 蘇苏 術术 衛卫 設设 財财 資资 軍军 輸输 農农 遊游 "
    "運运 遼辽 鄉乡 醫医 鎮镇 長长 門门 陝陕 陽阳 雲云 領领 館馆 黨党 龍龙 "
    # Variants of the characters above (爲 為, 裡 裏), and the two also Simplified.
    "凈净 啓启 於于 爲为 祇只 穫获 綫线 衆众 衹只 裏里 裡里 覆复 "
    # The prose's commonest characters, which tell the script.
    "並并 來来 個个 們们 備备 傳传 債债 傷伤 價价 億亿 優优 儲储 兒儿 兩两 創创 劃划 勞劳 勢势 "
    "勵励 協协 參参 啟启 嚴严 圍围 園园 圖图 團团 堅坚 壞坏 夠够 夢梦 婦妇 實实 寫写 將将 層层 "
    "師师 帶带 幫帮 廠厂 張张 從从 徹彻 愛爱 態态 憑凭 戶户 換换 揮挥 損损 擇择 擊击 擔担 擴扩 "
    "斷断 時时 書书 極极 樂乐 標标 樣样 樹树 橋桥 檢检 欄栏 歡欢 歲岁 歷历 歸归 殘残 氣气 淨净 "
    "測测 準准 滿满 潔洁 濟济 災灾 熱热 燈灯 爭争 狀状 獎奖 獨独 獻献 畢毕 畫画 異异 盡尽 眾众 "
    "礎础 禮礼 種种 稱称 積积 競竞 筆笔 節节 築筑 簡简 簽签 籌筹 糧粮 紀纪 約约 紅红 紙纸 細细 "
    "終终 絡络 給给 綜综 綠绿 緊紧 線线 編编 縮缩 績绩 羅罗 義义 聞闻 聲声 職职 聽听 脫脱 臨临 "
    "與与 興兴 舊旧 葉叶 藝艺 蘭兰 虛虚 號号 裝装 見见 視视 親亲 覺觉 覽览 觀观 觸触 訂订 訊讯 "
    "訓训 記记 診诊 評评 詞词 試试 話话 該该 詳详 語语 誠诚 誤误 說说 課课 調调 談谈 論论 諮咨 "
    "諾诺 謀谋 講讲 謝谢 證证 識识 譯译 讀读 變变 讓让 豐丰 貢贡 貧贫 貨货 貫贯 責责 貴贵 買买 "
    "貼贴 賠赔 賣卖 質质 贊赞 趨趋 跡迹 車车 較较 載载 輔辅 輕轻 辭辞 迴回 達达 遠远 適适 選选 "
    "還还 邊边 郵邮 鄰邻 釋释 針针 銀银 錄录 錢钱 錯错 鍵键 鏈链 鐘钟 鐵铁 鑑鉴 鑒鉴 閉闭 間间 "
    "閱阅 陣阵 陰阴 陳陈 陸陆 隊队 際际 隨随 險险 隱隐 雖虽 雙双 雜杂 離离 難难 電电 靜静 響响 "
    "頁页 頂顶 順顺 須须 預预 頒颁 頭头 顆颗 願愿 顧顾 顯显 風风 飛飞 養养 馬马 騰腾 驅驱 驗验 "
    "鮮鲜 麗丽 麼么 黃黄 點点 齊齐 齡龄 "
)

#: A character Simplified text prints too: converted, but not counted as telling the
#: script.
_ALSO_SIMPLIFIED: Final = "覆"


def _pairs() -> dict[str, str]:
    pairs = {}
    for pair in _PAIRS.split():
        pairs[pair[0]] = pair[1]
    return pairs


#: Every Traditional character the readers know, with its Simplified form.
TO_SIMPLIFIED: Final[Mapping[str, str]] = MappingProxyType(_pairs())
_TABLE: Final = str.maketrans(dict(TO_SIMPLIFIED))
_ANY: Final = re.compile("[" + "".join(sorted(TO_SIMPLIFIED)) + "]")
_TELLING: Final = re.compile(
    "[" + "".join(sorted(set(TO_SIMPLIFIED) - set(_ALSO_SIMPLIFIED))) + "]"
)
_CJK: Final = re.compile("[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
#: A text is in Traditional script when it holds at least this many characters that
#: only Traditional text prints, and they are at least this share of its Chinese
#: characters: a Simplified report quoting a name (臺灣) is not.
_FEWEST: Final = 10
_SHARE: Final = 0.05
#: How many characters at the start of a text tell its script.
_LOOKED_AT: Final = 1000


def simplified(text: str) -> str:
    """``text`` with every Traditional character the map knows in its Simplified form
    (as long as ``text``). Most texts hold none, and are returned at the cost of a
    search: translating a text is slower."""
    return text.translate(_TABLE) if _ANY.search(text) else text


def traditional_count(text: str) -> tuple[int, int]:
    """How many of the characters of ``text`` only Traditional text prints, and how
    many Chinese characters it has."""
    return len(_TELLING.findall(text)), _chinese(text)


def _chinese(text: str) -> int:
    # Counted as what is left of the text without the runs of other characters: fewer
    # matches than the characters themselves.
    return len(text) - sum(map(len, _CJK.findall(text)))


def telling(text: str, most: int = 10) -> str:
    """The first ``most`` different characters of ``text`` that only Traditional text
    prints: what a note on the script shows.

    >>> telling("主動公開政府信息情況；主動公開")
    '動開況'
    """
    found: dict[str, None] = {}
    for match in _TELLING.finditer(text):
        found[match.group()] = None
        if len(found) == most:
            break
    return "".join(found)


def is_traditional(text: str) -> bool:
    """Whether ``text`` is printed in Traditional script: it holds at least
    :data:`_FEWEST` characters only Traditional text prints, and they are at least
    :data:`_SHARE` of its Chinese characters, in its first :data:`_LOOKED_AT`
    characters (counted only then: a Simplified text is told at the cost of a search)."""
    # A document in Traditional script shows it from its first page: the start is enough
    # (and reading a long Simplified text costs one short search).
    text = text[:_LOOKED_AT]
    found = len(_TELLING.findall(text))
    return found >= _FEWEST and found >= _chinese(text) * _SHARE
