"""Vocabularies of contact blocks (問合せ先 inquiry desks, 事務局 secretariats, 主管課
responsible divisions …) as data tables, so a new written form is a one-line change.

Everything here is general Japanese administrative vocabulary; nothing is specific to
one document. Matching is done on normalised text (NFKC: full-width letters, digits
and brackets are already ASCII).
"""
from __future__ import annotations

import re

# --- contact-block headings --------------------------------------------------------
# Heading word → role. Order matters only among words of the same line: the first
# specific role (not "inquiry") met outside brackets wins, then one inside brackets,
# so 提出先(事務局) is a submission block and 問合せ先(事務局) a secretariat.
HEADING_ROLES: tuple[tuple[str, str], ...] = (
    ("主管課", "ministry_division"),  # responsible division of a ministry
    ("所管課", "ministry_division"),
    ("担当課", "ministry_division"),
    ("担当部署", "ministry_division"),
    ("担当部局", "ministry_division"),
    ("担当窓口", "desk"),  # contact desk: ministry_division when governmental, else inquiry
    ("提出先", "submission"),  # where applications are sent
    ("申請先", "submission"),
    ("応募先", "submission"),
    ("送付先", "submission"),
    ("申込先", "submission"),
    ("申込み先", "submission"),
    ("事務局", "secretariat"),  # programme secretariat (often a contractor)
    ("問い合わせ先", "inquiry"),
    ("問合せ先", "inquiry"),
    ("問合わせ先", "inquiry"),
    ("問い合せ先", "inquiry"),
    ("お問い合わせ", "inquiry"),
    ("お問合せ", "inquiry"),
    ("お問い合せ", "inquiry"),
    ("問い合わせ", "inquiry"),
    ("問合せ", "inquiry"),
    ("照会先", "inquiry"),
    ("連絡先", "inquiry"),
    ("相談窓口", "inquiry"),
    ("窓口", "inquiry"),
)

# Words that may sit beside heading words in a heading line without making it prose:
# 応募に関する問合せ先 (inquiries about applications), 本件に関するお問い合わせ先 …
HEADING_FILLERS: tuple[str, ...] = (
    "に関する", "についての", "について", "に係る", "及び", "および", "並びに", "又は", "または",
    "本件", "本事業", "本公募", "事業", "応募", "申請", "公募", "提案", "各種", "全般", "内容",
    "書類", "様式", "郵送", "電子メール", "メール", "電話", "先", "等", "の", "・", "、", "/", "お", "ご",
)
HEADING_MAX_REST = 3  # characters of other text a heading line may still hold
HEADING_MAX_LEN = 40

# Decorations around headings and list lines: bullets, numbering, brackets.
BULLETS = "・■□◆◇●○◎▼▽▶▷►★☆※-*+>•‣"
NUMBERING_RE = re.compile(
    r"^(?:\(\s*\d{1,2}\s*\)|\d{1,2}\s*[.)]|\d{1,2}(?=\s)|[①-⑳]|第\s*\d+\s*[章節項]?|[一二三四五六七八九十]+[、.])\s*"
)
OPEN_BRACKETS = "<〈《【[「『〔("
CLOSE_BRACKETS = ">〉》】]」』〕)"

# --- field labels inside a block ---------------------------------------------------
EMAIL_LABEL_RE = re.compile(r"(?:E|e)?[-‐]?(?:mail|Mail|MAIL)|Eメール|電子メール|メールアドレス|メール|宛先")
PHONE_LABEL_RE = re.compile(r"電話番号|電話|TEL|Tel|tel|☎|℡")
FAX_LABEL_RE = re.compile(r"FAX|Fax|fax|ファクシミリ|ファックス|ファクス")
PHONE_AND_FAX_RE = re.compile(r"(?:TEL|Tel|tel|電話)\s*[/・&,、]\s*(?:FAX|Fax|fax|ファクシミリ|ファックス)")
PERSONS_LABEL_RE = re.compile(r"(?:^|[(\s])(?:担当者名|担当者|担当|氏名)\s*[:\s]\s*")
ADDRESS_LABEL_RE = re.compile(r"^(?:住所|所在地|郵送先|送付先住所)\s*[:\s]\s*")
SUBJECT_LABEL_RE = re.compile(r"^(?:件名|タイトル)\s*[:]?")
HOURS_LABEL_RE = re.compile(r"受付時間|対応時間|電話受付|受付:|平日\s*\d")
URL_RE = re.compile(r"(?:https?|ftp)://[!-~]+|www\.[!-~]+")

# A line that only names a field, the value being on the next line (■E-mail / ■宛先).
FIELD_ONLY_RE = re.compile(
    r"^(?:E-?mail|Eメール|電子メール|メールアドレス|メール|宛先|件名|電話番号|電話|TEL|FAX|担当者?|住所|所在地)\s*:?$",
    re.IGNORECASE,
)

# Caution sentences that travel with an address (anti-spam notes and the like).
CAUTION_RE = re.compile(
    r"迷惑メール|送信の際|送信時|atmark|アットマーク|「@」|全角|半角|提出先ではございません|"
    r"お問い合わせ.*受け付け|電話での|お電話|土日|祝日|受付時間|対応時間"
)

# --- phone labels written next to a number -----------------------------------------
# (直通) direct line, (代表) switchboard, (グループ代表) group switchboard …
PHONE_NOTE_RE = re.compile(r"^\s*\(\s*([^()]{0,12}?(?:代表|直通)|内線\s*\d{1,6})\s*\)")
PHONE_PREFIX_NOTE_RE = re.compile(r"(担当者直通|[^\s:()]{0,8}代表|直通)(?:電話|番号|TEL)?\s*[:)]?\s*$")

# --- e-mail obfuscations ------------------------------------------------------------
# What pages write instead of '@' (matched case-insensitively, optional spaces around).
AT_TOKENS: tuple[str, ...] = (
    "_atmark_", "_at_mark_", "(atmark)", "[atmark]", "<atmark>", "{atmark}", "【atmark】",
    "(at)", "[at]", "<at>", "{at}", "【at】", "《at》", "〔at〕", "_at_",
    "(アットマーク)", "[アットマーク]", "【アットマーク】", "<アットマーク>", "アットマーク", "(アット)", "[アット]",
    "あっとまーく", "(@)", "[@]", "【@】", "＠", "@",
)
# 「@」を「X」と表示 (we write X for @) — and the slip 「X」を「@」と表示; X is learnt.
# Between the two sides pages write 半角の (half-width) and the like; unbracketed
# declarations (★を@に変えて) are learnt only for a run of symbols.
_AT_FILLER = r"\s*(?:を|は)\s*(?:半角|全角)?(?:の)?\s*"
_AT_SIDE = r"@\s*(?:マーク)?"
_TOKEN_IN_BRACKETS = r"[「『\"“'(\[]\s*([^「」『』\"“”'\s@]{1,12}?)\s*[」』\"”')\]]"
_AT_IN_BRACKETS = rf"[「『\"“'(\[]\s*{_AT_SIDE}\s*[」』\"”')\]]"
_SYMBOLS = r"[^\w\s「」『』\"“”'()\[\]、。,.:;@]"
LEARN_AT_RES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"{_AT_IN_BRACKETS}{_AT_FILLER}{_TOKEN_IN_BRACKETS}"),
    re.compile(rf"{_TOKEN_IN_BRACKETS}{_AT_FILLER}{_AT_IN_BRACKETS}"),
    re.compile(rf"(?<![\w@])({_SYMBOLS}{{1,3}}){_AT_FILLER}{_AT_SIDE}\s*(?:に|へ)"),
    re.compile(rf"(?<![\w])@\s*(?:マーク)?{_AT_FILLER}({_SYMBOLS}{{1,3}})\s*(?:に|で|と)"),
)
# Top-level domains contact addresses end with: a wrapped address (ml.sou|mu.go.jp) is
# joined back only when the join ends in one of these and the part before the break did not.
KNOWN_TLDS: frozenset[str] = frozenset({
    "jp", "com", "net", "org", "info", "biz", "edu", "gov", "int", "io", "co", "me", "us", "uk",
    "asia", "tokyo", "osaka", "nagoya", "kyoto", "yokohama", "okinawa", "jobs", "tech", "dev", "app",
    "cloud", "ai", "world", "global", "group", "company", "inc", "ltd",
})
# File names look like addresses (logo@2x.png, data@2026.xlsx): these endings never are.
FILE_EXTENSIONS: frozenset[str] = frozenset({
    "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff", "ico", "pdf", "doc", "docx", "xls",
    "xlsx", "xlsm", "ppt", "pptx", "csv", "txt", "zip", "lzh", "html", "htm", "js", "css", "json", "xml",
    "mp3", "mp4", "mov", "wav", "jtd", "odt", "ods",
})
# Characters a line may end with (or the next begin with) where an address was cut.
WRAP_JOINERS = "-_.@"
# Domains reserved for examples, and place-holder local parts: never a real contact.
RESERVED_DOMAIN_RE = re.compile(r"(?:^|\.)(?:example\.(?:com|net|org|jp|co\.jp|go\.jp)|example|test|invalid|localhost)$")
PLACEHOLDER_LOCAL_RE = re.compile(r"^(?:x+|xxx.*|a+|hoge|foo|sample|dummy|\*+)$", re.IGNORECASE)
# A domain label that only holds a place (city.xx.lg.jp, xxx.co.jp, pref.sample.lg.jp).
PLACEHOLDER_LABEL_RE = re.compile(r"^(?:x{2,}|hoge|fuga|foo|sample|dummy|example)$", re.IGNORECASE)

# --- examples: what a form's 記入例 (filled-in example) shows is nobody's contact ----------
# Written just before the address or number on its line: (例) / 例: / 記入例 / 入力例 …
# (a 例 glued to a kanji, as in 条例 ordinance, is not a marker).
EXAMPLE_BEFORE_RE = re.compile(r"(?:記入例|入力例|記載例|作成例|(?<![\u3400-\u9fff])例)\s*[:)]?\s*$")
# Numbers nobody has: 1234-5678 after any area code, runs of one digit (0120-000-000).
DUMMY_NUMBER_DIGITS_RE = re.compile(r"12345678$|(\d)\1{5,}$|0123456789")

# --- organisations ------------------------------------------------------------------
COMPANY_FORMS: tuple[str, ...] = (
    "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)", "(有)", "(同)",
)
CORPORATE_PREFIXES: tuple[str, ...] = COMPANY_FORMS + (
    "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "特定非営利活動法人", "NPO法人",
    "独立行政法人", "国立研究開発法人", "地方独立行政法人", "国立大学法人", "公立大学法人",
    "学校法人", "社会福祉法人", "社会医療法人", "医療法人", "協同組合",
)
# Central government bodies (a closed, general list).
GOVERNMENT_BODIES: tuple[str, ...] = (
    "内閣官房", "内閣府", "内閣法制局", "人事院", "会計検査院", "復興庁", "デジタル庁", "こども家庭庁",
    "総務省", "法務省", "外務省", "財務省", "文部科学省", "厚生労働省", "農林水産省", "経済産業省",
    "国土交通省", "環境省", "防衛省", "警察庁", "金融庁", "消費者庁", "消防庁", "文化庁", "スポーツ庁",
    "観光庁", "気象庁", "特許庁", "中小企業庁", "資源エネルギー庁", "林野庁", "水産庁", "海上保安庁",
    "公正取引委員会", "個人情報保護委員会", "国家公安委員会", "原子力規制委員会",
)
# Regional offices of the ministries, named after their region (沖縄総合事務局 is the
# Cabinet Office's office in Okinawa; 地方厚生局 health, 労働局 labour, 開発局 development).
REGIONAL_BUREAU_RE = re.compile(
    r"^\S{1,6}(?:総合通信局|総合通信事務所|経済産業局|地方整備局|農政局|運輸局|財務局|財務支局|総合事務局|地方厚生局"
    r"|労働局|法務局|地方環境事務所|森林管理局|開発局|防衛局)"
)
# Words that end an office's name: a name that starts with a place (沖縄…事務所) and ends
# with one of these is the office, not the place.
OFFICE_SUFFIXES: tuple[str, ...] = ("事務所", "出張所", "支所", "支局", "局", "センター")
# Other bodies whose name ends with these words (first space-separated chunk only).
BODY_SUFFIXES: tuple[str, ...] = (
    "機構", "協会", "財団", "大学", "研究所", "公社", "事業団", "振興会", "連合会", "協議会", "組合", "銀行",
)
# Words that end a department-like chunk: 部門 division, 本部 headquarters, 課 section …
DEPARTMENT_SUFFIX_RE = re.compile(
    r"(?:部門|本部|事業部|部|課|室|局|係|班|センター|グループ|ユニット|チーム|事務局|担当|支社|支店|オフィス|"
    r"セクション|ディビジョン|推進室|振興室)$"
)
# A line that names an organisation or a department somewhere in it.
ORG_HINT_RE = re.compile(
    r"省|府|庁|局|部|課|室|係|班|センター|事務局|会社|法人|機構|協会|研究所|大学|担当|グループ|チーム|"
    r"ユニット|本部|事務所|出張所|支所|都|道|県|市|町|村|区|(株)|組合|財団"
)
GOVERNMENT_HINT_RE = re.compile(r"省|府|庁|局|課|室|内閣官房|都|道|県|市|町|村")
LOCAL_GOVERNMENT_END_RE = re.compile(r"(?:都|道|府|県|市|区|町|村)$")

# --- persons ------------------------------------------------------------------------
# Job titles written after a surname (佐藤課長補佐) or before a name.
TITLE_WORDS: tuple[str, ...] = (
    "課長補佐", "課長", "室長", "部長", "局長", "係長", "主査", "主任", "専門官", "調査官", "参事官",
    "企画官", "補佐", "官", "担当", "審議官", "次長", "事務官", "技官", "主事", "マネージャー",
    "マネジャー", "ディレクター", "リーダー", "コンサルタント",
)
PERSON_SEPARATORS_RE = re.compile(r"\s*[、,/]\s*")

# --- programme-like headings: contacts repeated across them are kept apart ----------
PROGRAMME_HINT_RE = re.compile(r"事業|支援|タイプ|類型|[^出]枠|交付金|補助金|制度|プログラム|モデル")
# … unless the heading names a part of a call rather than a programme (事業概要 overview).
SECTION_TITLE_RE = re.compile(r"概要|内容|スキーム|方法|スケジュール|要件|対象|期間|について|流れ|手続|結果|の公募$")
PROGRAMME_HEADING_MAX_LEN = 40
