"""Vocabularies of award announcements (採択・選定・交付決定 results) as data tables, so a
new written form is a one-line change with a one-line test (tests/test_awards*.py).

General Japanese administrative vocabulary only; nothing is specific to one document.
Matching is done on normalised text (NFKC: full-width letters, digits and brackets are
already ASCII).
"""
from __future__ import annotations

import re

# --- table headers ------------------------------------------------------------------
# Header word → what the column holds. The word that ends last in the header decides
# (Japanese compounds are head-final: 団体区分 is a category, 補助事業者 a body), the
# longest one on a tie (補助事業者 beats 事業者).
HEADER_KINDS: dict[str, str] = {
    # body: names the awarded bodies, local governments or organisations with a legal
    # form (株式会社…, 一般社団法人…, 大学)
    "団体名": "body", "団体": "body",
    "支援先団体": "body", "支援先": "body", "支援団体": "body", "採択団体": "body", "選定団体": "body",
    "採択先": "body", "選定先": "body",
    "交付先": "body", "交付決定先": "body", "交付決定団体": "body", "交付対象団体": "body",
    "実施主体": "body", "事業主体": "body", "代表団体": "body", "構成団体": "body", "受入団体": "body",
    "派遣先": "body",
    # proposer: names proposers, any name that is no place is an organisation (NTT東日本)
    "提案主体": "proposer", "提案団体": "proposer", "提案者": "proposer", "代表提案団体": "proposer",
    "共同提案団体": "proposer", "共同提案者": "proposer", "代表機関": "proposer", "構成員": "proposer",
    "採択者": "proposer", "採択事業者": "proposer", "補助事業者": "proposer",
    # municipality: names awarded local governments only (text that is no place is skipped)
    "自治体名": "municipality", "自治体": "municipality", "市区町村名": "municipality", "市町村名": "municipality",
    "市区町村": "municipality", "市町村": "municipality", "地方公共団体名": "municipality",
    "地方公共団体": "municipality", "支援地域": "municipality", "採択地域": "municipality",
    "選定地域": "municipality", "採択都道府県": "municipality", "選定都道府県": "municipality",
    "交付先都道府県": "municipality", "支援先都道府県": "municipality",
    # member: municipalities taking part in a prefecture's project (推進体制構築支援: the
    # prefecture applies, its municipalities join); with a 都道府県 column and no body
    # column the prefecture is the selected body and these are members of its group
    "管内市町村": "member", "管内市区町村": "member", "連携市町村": "member", "連携市区町村": "member",
    "参加市町村": "member", "参加市区町村": "member", "連携自治体": "member", "参加自治体": "member",
    # prefecture of the row
    "都道府県": "prefecture", "道府県": "prefecture", "県名": "prefecture", "所在地": "prefecture",
    # category of the award
    "コース": "category", "類型": "category", "区分": "category", "枠": "category", "部門": "category",
    "分野": "category", "タイプ": "category",
    # a partner of the body, not itself awarded
    "事業者": "partner", "企業": "partner", "ベンダー": "partner", "パートナー": "partner", "連携先": "partner",
    # one row per project: a table of 都道府県 | 事業名 names the prefectures as grantees
    "事業名": "project", "提案名": "project", "提案事業名": "project", "計画名": "project", "取組名": "project",
    "実証テーマ": "project", "テーマ": "project", "取組テーマ": "project", "取組内容": "project",
    "事業概要": "project", "事業内容": "project",
    # counts and sums: a table of 都道府県 | 件数 aggregates, it names no grantee
    "件数": "count", "団体数": "count", "合計": "count",
    # something else: where a project runs, what it does, where a company sits
    "実証地域": "other", "実施地域": "other", "取組": "other", "所在市町村": "other", "所在市区町村": "other",
}
BODY_KINDS = ("body", "proposer", "municipality")
# Body headers that name applicants (応募団体名, 申請者): the bodies are awarded only
# under an explicit results announcement (交付決定 lists call grantees 申請団体).
APPLICANT_HEADERS = ("応募", "申請")
# Body headers of something else: contacts.
HEADER_VETO = ("問い合わせ", "問合せ", "連絡先", "担当")
# Header words that by themselves say the table lists awarded bodies.
AWARD_HEADERS = ("採択", "選定", "支援先", "交付先", "交付決定", "内定")

# --- announcements ------------------------------------------------------------------
# 'Decided to select' forms after 採択/選定/…: 採択することとしました, 選定することにいたしました,
# 採択されることとなりました (a completed decision, unlike 採択することとします).
DECIDED_TO = r"(?:する|される)こと(?:と|に)(?:し|いたし|なり|決定し|決定いたし)ました"
# Phrases that announce a selection (a completed act, or a results heading / label).
ANNOUNCEMENT = re.compile(
    r"(?:採択|選定|選出|決定|内定)(?:いた)?(?:し|され|となり|と決定し|が決定し)(?:てい)?ま(?:した|す)(?!か)"
    rf"|(?:採択|選定|選出|決定|内定){DECIDED_TO}"
    r"|選ばれ(?:まし|てい)|(?:採択|選定|審査)結果|採択団体|選定団体|採択先|選定先|支援先団体(?:一覧|の決定)"
    r"|支援団体の決定|採択案件|採択(?:事業|プロジェクト)?一覧|選定一覧|採択候補|採択予定(?:団体|案件|先|者)"
    r"|(?:採択|選定|支援)実績"
    r"|交付決定(?:を行い|いたし|しま|団体|先|一覧|について|の(?:お知らせ|概要|状況))|交付(?:対象)?(?:事業の)?内定"
)
# A long sentence announces results only when it reports them (past tense, or a list
# that follows): 採択しました, 決定いたしました, 以下のとおりです — not 採択団体は…すること.
REPORTED = re.compile(
    r"ました|ています|ております|のとおり|の通り|(?:以下|下記|次)の(?:\d+)?(?:団体|自治体|市区町村|市町村|提案|事業|案件|とおり)"
)
# Phrases that say a selection will happen, did not happen, or is only a condition.
NOT_ANNOUNCEMENT = re.compile(
    r"(?:採択|選定)(?:は|が)?(?:ありません|ございません|なし|されなかった|しない)|予定です|予定して|場合|見込み"
    r"|ことがあります|選定します|採択します|公表します|(?:採択|選定)(?:を|の)?(?:目指|希望)"
    r"|実績(?:の)?有無|実績(?:が|は)?(?:ない|ありません|なし)|実績に(?:かかわらず|関わらず|関係なく)"
)
# Contexts whose bodies are not awards: good practices, examples, contacts, applicants, addresses.
NOT_AWARD_CONTEXT = re.compile(
    r"好事例|優良事例|事例|例えば|たとえば|例[:：]|取組例|活用例|問い合わせ|問合せ|連絡先|担当|所在地|住所|〒"
    r"|事務局|受託|委託先|説明会|応募状況|申請状況|応募団体|申請団体|応募のあった|応募があり|提案があり"
    r"|提出があり|申請があり|件名"
)
# The words of NOT_AWARD_CONTEXT that only report applications (応募のあった14件について…): a
# selection reported after them, past a clause break, still names the selected bodies.
APPLICATIONS = re.compile(r"応募|申請|提案があり|提出があり")
# Counts of applications stated beside a result (応募団体数：138団体, 申請件数 12件, 応募総数は42件):
# statistics, not applicants; masked before the context veto so the selection verb wins.
APPLICATION_COUNT = re.compile(
    r"(?:応募|申請|提案)(?:総|団体|件|者|自治体|事業|案件)*数\s*[:：は]?\s*[\d,]+\s*(?:件|団体|者|自治体|事業|案件)?"
)
# A line of a cell that is a note, never a body: (共同提案), （連携団体）, ※共同申請, 【共同提案】.
NOTE_LINE = re.compile(r"^\s*(?:[(（【\[<〈][^()（）【】\[\]]*[)）】\]>〉]|※.*)\s*$")
# Where the report of applications ends and the result begins: …について、 / 審査の結果、 / 。
APPLICATIONS_END = re.compile(r"(?:結果|ところ|うえ|上|ついて|踏まえ|経て|うち|中から|対し)[、,]|[。\n]")
# Partners of a selected proposal, named in the sentence after it: B町及びC村と連携して実施,
# 遠野市を代表団体として、…; a condition (連携する場合) or a wish is none.
PARTNERSHIP = re.compile(r"と(?:連携|共同|協働)し|共同提案|連携団体|構成団体|代表団体として")
NOT_PARTNERSHIP = re.compile(r"場合|見込み|ことがあります|目指|希望|検討|求め|必要")

# --- cells ----------------------------------------------------------------------------
# Words that make a cell item an organisation (a body that is not a local government).
ORGANISATION = re.compile(
    r"法人|協議会|株式会社|有限会社|合同会社|\(株\)|\(有\)|\(一社\)|\(一財\)|組合|協会|機構|連合|事務組合|広域"
    r"|大学|高等専門学校|センター|コンソーシアム|財団|社団|公社|研究所|研究機構|会社|商工会"
)
# Kinds of organisations, not one organisation: 一般社団法人, NPO法人等, 民間事業者.
GENERIC_ORGANISATION = re.compile(
    r"^(?:(?:一般|公益)?(?:社団|財団)法人|特定非営利活動法人|NPO法人|学校法人|社会福祉法人|医療法人|(?:地方)?独立行政法人"
    r"|国立大学法人|株式会社|有限会社|合同会社|民間事業者|民間企業|事業者|企業|大学|高等専門学校|研究機関|地方公共団体"
    r"|法人|団体|協議会|コンソーシアム|第三セクター)(?:等|など)?$"
)
# An organisation's legal form written before its name; a line that is only this
# continues on the next line (一般社団法人\nとくしまデジタル協議会).
ORGANISATION_PREFIX = re.compile(
    r"^(?:株式会社|有限会社|合同会社|(?:一般|公益)(?:社団|財団)法人|特定非営利活動法人|NPO法人|国立大学法人"
    r"|公立大学法人|学校法人|社会福祉法人|医療法人|(?:地方)?独立行政法人|\(株\)|\(有\)|\(一社\)|\(一財\))"
)
# Role notes after a member's name: 株式会社A(幹事会社), 塩尻市(代表団体), 松本市※1.
ROLE_NOTE = re.compile(
    r"\s*[(（][^()（）]*(?:代表|幹事|構成|取りまとめ|とりまとめ|申請者|提案者|予定)[^()（）]*[)）]\s*$|\s*※\d*$"
)
# Unnamed others after the named bodies: 北九州市ほか2団体, 松本市外3町村, 塩尻市等.
UNNAMED_OTHERS = re.compile(
    r"(?:ほか|他|外)\s*[\d一二三四五六七八九十]+\s*(?:団体|市区町村|市町村|市町|町村|市|町|村|件|者|社)?|等|など"
)
# Words made of 市町村 that name kinds or groups of bodies, not a body: 市町村, 周辺市町, 三町.
GROUP_WORD = re.compile(
    r"^[市区町村都道府県]|町村|道府県|市町|^政令|^中核|^特別|^[一二三四五六七八九十\d]+[市区町村]$"
    r"|^(?:周辺|近隣|沿線|圏域|管内|県内|域内|関係|構成|参加|連携)"
)
# Text in a body column that is no name: 未定 (undecided), 非公表, 計 (total).
NOT_A_NAME = re.compile(
    r"^(?:未定|調整中|検討中|選定中|非公表|公表予定|別紙|別添|後日|なし|無し|該当なし|該当団体なし|計|合計|小計|総計"
    r"|その他|[\d,.]+|[\d,.]+(?:件|団体|者|社|円|千円|万円))$"
)
# A prefecture written as a label before its municipalities: 長野県:松本市、塩尻市 / 【鳥取県】日南町.
PREFECTURE_LABEL = r"^\s*(?:【({p})】|\[({p})\]|({p})\s*[:：])\s*"
# A cell saying the row's prefecture is itself the body: 県, (県), 県全域.
PREFECTURE_ITSELF = ("県", "都", "道", "府", "(県)", "(都)", "(道)", "(府)", "県全域", "県全体")
