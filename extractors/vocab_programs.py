"""Vocabularies for programmes and requirements, as data: a new written form is a
one-line change here (with a one-line test).

All entries are general Japanese administrative terms, matched against normalised
text (NFKC: full-width digits and brackets already half-width).
"""
from __future__ import annotations

import re

# Words a programme's name ends with (事業 programme, 支援 support, タイプ/コース/枠/型
# sub-kinds, 類型 category, 制度 scheme, 交付金/補助金 grants).
PROGRAM_HEADS = re.compile(
    r"(事業|支援|タイプ|コース|枠|類型[①-⑳\d]*|制度|交付金|補助金|助成金|プログラム|[\u4e00-\u9fff\u30a0-\u30ff]{2}型)$"
)

# Sub-kinds of a programme: named after their parent's name, keyed under it.
SUBKIND_TAILS = re.compile(r"(タイプ|コース|枠|型)$")

# A category label that names a sub-programme on its own: 類型① (category 1),
# Aコース (course A), タイプ2, TYPE1 (交付金 types), 第2部門 …
CATEGORY_LABEL = re.compile(
    r"(類型\s*[①-⑳\d]+|[A-Z]\s*コース|タイプ\s*[A-Z\d]+|[A-Z]\s*タイプ|(?:TYPE|Type)\s*\d+|第?[\d一二三四五六七八九]+部門)"
)

# Names too generic to identify a programme across documents: keyed under their parent.
GENERIC_PROGRAM_NAMES = frozenset({
    "補助事業", "実証事業", "委託事業", "モデル事業", "調査事業", "支援事業", "交付金", "補助金",
    "伴走支援", "本事業", "事業", "支援", "派遣事業",
})

# Words that make a heading a section about something (overview, method, schedule…),
# not the name of a programme.
SECTION_WORDS = re.compile(
    r"(概要|内容|方法|要件|要領|要項|スケジュール|期間|問合せ|問い合わせ|連絡先|提出|選定|結果|資料|関連|説明会"
    r"|留意|注意|様式|書類|日時|目的|背景|経緯|参考|手続|窓口|担当|事務局|対象|審査|評価|実績|一覧|事例"
    r"|メニュー|予算|費用|について|お知らせ|ページ|FAQ|Q&A|よくある|公表|報告)"
)

# Parts of speech (Sudachi) that make a phrase a sentence, not a name: particles (の, に,
# を), auxiliaries (ない, れる) and verbs. Adjectives and hiragana nouns are fine.
NON_NAME_POS = frozenset({"助詞", "助動詞", "動詞"})

# Names of offices, not programmes: 地方創生推進室 (office), 地域通信振興課 (division) …
ORGANISATION_TAIL = re.compile(r"(室|課|局|部|庁|省|府|本部|事務局|センター|株式会社|合同会社|研究所)$")

# Trailing words a heading adds to a programme's name: 'X事業の概要' names X事業.
NAME_SUFFIXES = re.compile(
    r"(?:の|に係る|に関する|における)?(?:概要|について|応募要件|公募要領|募集要領|実施要領|要綱|公募|募集|詳細)$"
)

# Calls for applications: 一次公募 (first call), 第2次公募, 追加公募 (additional call) …
ROUND_RE = re.compile(r"(?:第\s*)?(?P<n>[一二三四五六1-6])\s*次\s*(?:公募|募集)|(?P<extra>追加)(?:公募|募集)")
ROUND_NAMES = {"1": "一次", "2": "二次", "3": "三次", "4": "四次", "5": "五次", "6": "六次",
               "一": "一次", "二": "二次", "三": "三次", "四": "四次", "五": "五次", "六": "六次"}


# Who runs a programme. Order does not matter: the first one written wins.
MINISTRIES = (
    "総務省", "内閣府", "内閣官房", "デジタル庁", "経済産業省", "国土交通省", "農林水産省", "文部科学省",
    "厚生労働省", "環境省", "法務省", "外務省", "財務省", "防衛省", "復興庁", "観光庁", "こども家庭庁",
)

# Prefixes dropped from a programme's name before keying it.
NAME_PREFIX_RE = re.compile(
    r"^(?:(?:令和|平成)\s*(?:元|\d{1,2})\s*年度|20\d\d\s*年度|補正予算?|当初予算?|補正|当初|"
    + "|".join(MINISTRIES) + r"|\s)+"
)

# Suffixes dropped from a programme's key (not from its name): 'X事業' and 'X' are one
# programme; so are 「X」派遣事業 and X.
KEY_SUFFIXES = ("派遣事業", "派遣制度", "事業")

# Relations the text states between an umbrella programme X and a part Y.
# 「X」のうち「Y」 (Y among X), 「X」の一環として…「Y」 (Y as part of X).
QUOTED = r"[「『](?P<{name}>[^「」『』]{{2,60}})[」』]"
RELATION_PATTERNS = (
    re.compile(QUOTED.format(name="parent") + r"\s*(?:の|における)?\s*うち\s*" + QUOTED.format(name="child")),
    re.compile(QUOTED.format(name="parent") + r"\s*の一環として[^。]{0,120}?" + QUOTED.format(name="child")),
)
# X事業(Y) / X交付金（Yタイプ） where Y names a support or sub-kind.
PAREN_RELATION = re.compile(
    r"(?P<parent>[^「」『』()、。:\n]{2,40}?(?:事業|制度|交付金|補助金|助成金))\s*\((?P<child>[^()「」\n]{2,40}?)\)"
)

# ------------------------------------------------------------------ requirements

# Section labels → requirement kind. Tried in order on a label with its marker removed.
REQUIREMENT_LABELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"対象外|除外|応募できない|申請できない|対象とならない"), "exclusion"),
    (re.compile(r"^(?:全体)?予算(?:額|規模)?$|^事業規模$|^事業費$|^補助率$|^補助(?:上限)?額$|^上限額?$|^補助金額$|^費用負担$|^国費率$|^交付額$"), "budget"),
    (re.compile(r"^(?:募集|公募|支援|補助|申請|応募|交付)?対象(?:者|団体|地域|事業者|となる者)?$|^申請者(?:及び支援対象)?$|^応募者$|^実施主体$|^申請主体$|^応募(?:主体|資格)$|^申請資格$|^補助事業者$|^基礎条件$|^対象者?及び.*$"), "eligible_applicant"),
    (re.compile(r"(?:応募|申請|参加|採択|支援)?(?:要件|条件)$|^条件\s*\d+$|遵守事項$|^申請(?:できる)?(?:数|件数)$"), "condition"),
    (re.compile(r"^(?:留意点|留意事項|注意事項|その他)$"), "other"),
)

# Other labels that open a section (schedule, contacts, submission …): they end a
# requirement's section without being one.
OTHER_LABELS = re.compile(
    r"^(?:(?:全体)?スケジュール|問合せ先|問い合わせ先|お問い合わせ先|お問合せ先|連絡先|主管課|提出先|宛先|件名"
    r"|応募方法|申請方法|選定手続|選定方法|支援内容|事業概要|概要|支援期間|活用のポイント|参考|関連資料|採択結果"
    r"|選定結果|応募書類|提出期間|提出書類|実施要領|事業内容|費用|公募期間|応募期間|申請期間|募集期間)"
    r"等?(?:\s*\([^()]*\))?$"
)

# What a document is (公募要領 call guidelines, 実施要領, 交付要綱, 募集要項): on a line
# of its own under the title it names the document, it does not open a section.
DOCUMENT_TYPES = re.compile(r"(?:公募|募集|実施|交付|補助金交付)?(?:要領|要綱|要項)")

# Contexts where 対象者 / 注意事項 concern a briefing session, not the applicants.
NON_APPLICANT_CONTEXT = re.compile(r"説明会|セミナー|イベント|ワークショップ|個人情報")

# A note that carves out who may not apply.
EXCLUSION_RE = re.compile(r"対象外|対象とな(?:りません|らない)|除きます|除く。|応募できません|申請できません|応募不可|申請不可")

# Applicant types: written form → normalised type. Longest forms are matched first and
# consume their text ('地方公共団体が出資する法人' is not also a 地方公共団体).
APPLICANT_TYPES: tuple[tuple[str, str], ...] = (
    ("地方公共団体が出資する法人", "地方公共団体が出資する法人"),
    ("地方公共団体が出資している法人", "地方公共団体が出資する法人"),
    ("地方公共団体出資法人", "地方公共団体が出資する法人"),
    ("第三セクター", "地方公共団体が出資する法人"),
    ("都道府県", "都道府県"),
    ("市区町村", "市区町村"),
    ("区市町村", "市区町村"),
    ("市町村", "市区町村"),
    ("特別区", "市区町村"),
    ("基礎自治体", "市区町村"),
    ("地方公共団体", "地方公共団体"),
    ("地方自治体", "地方公共団体"),
    ("自治体", "地方公共団体"),
    # unions of local governments (特別地方公共団体): a 町 cannot apply as one on its own
    ("一部事務組合", "一部事務組合・広域連合"),
    ("広域連合", "一部事務組合・広域連合"),
    ("非営利法人", "非営利法人"),
    ("NPO法人", "非営利法人"),
    ("NPO団体", "非営利法人"),
    ("NPO", "非営利法人"),
    ("特定非営利活動法人", "非営利法人"),
    ("一般社団法人", "非営利法人"),
    ("一般財団法人", "非営利法人"),
    ("公益社団法人", "非営利法人"),
    ("公益財団法人", "非営利法人"),
    ("民間企業・団体", "企業・団体"),
    ("企業・団体", "企業・団体"),
    ("民間企業", "企業・団体"),
    ("民間事業者", "企業・団体"),
    ("地場企業", "企業・団体"),
    ("企業", "企業・団体"),
    ("大学", "大学・研究機関"),
    ("研究機関", "大学・研究機関"),
)
