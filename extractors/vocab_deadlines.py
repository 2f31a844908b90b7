"""Which kind of scheduled event a label names: a table of (pattern → kind).

Patterns are regular expressions over normalised text (ASCII brackets and digits) and
are tried in order; the first that matches a label decides. A new wording is one row
here and one line in tests/test_deadlines.py.

Three kinds are provisional and settled by the surrounding section
(`resolve_generic`): a bare 日時 (date and time), 申込 (sign-up) or 締切 (closing)
means the briefing (説明会) when the section is about a briefing, and otherwise an
event of the call itself.
"""
from __future__ import annotations

import re

from extractors.corrections import NEW_VALUE_LABELS, OLD_VALUE_LABELS

HISTORY = "history"  # a date that records the past: never a deadline
WHEN = "generic:when"  # 日時, 開催日時: when something takes place
SIGN_UP = "generic:sign_up"  # 申込: registering for something
CLOSING = "generic:closing"  # 締切, 期限: a closing date
SUBMIT = "generic:submit"  # 提出期限 with nothing named: a call's, or a survey's answers

# Words after a date that mark it as the past (制定 enacted, 改正 amended, 現在 as of…).
HISTORY_AFTER = re.compile(
    r"^[)\s]*(?:に|を)?(?:制定|改正|施行|現在|時点|付け|発行|更新|掲載|開催[:：]?\s*ご参加|開催しました|"
    r"実施しました|から実施|に始まり|に採択|は全国|に好事例)"
)

# Words after 応募/申請/提出 that name a form or a thing, not the act: 応募フォーム (form),
# 応募様式 / 申請書 / 応募書類 (forms, papers), 応募者 (applicant), 申請システム …
FORM_WORDS = r"者|書|様式|フォーム|用紙|ファイル|ページ|サイト|システム|画面|窓口|要領|資格|方法|手続"

# A label that names a call alone (公募 call, 第2回募集 second call, 一次公募(終了) first call
# (closed), 追加募集 extra call, 応募受付): on a schedule row, or as a column heading
# when each column is one call — then the row label names the event.
CALL_ALONE = (
    r"^[\s・■◆●○\-【\[(<]*(?:第?[\d一二三四五]+(?:次|回目?|期)|前期|後期|追加|臨時|再)?(?:の)?"
    r"(?:公募|募集|応募|申請|提案)(?:受付|受け付け)?(?:\(.{0,12}\))?[\s:】\])>]*$"
)

LABEL_KINDS: list[tuple[str, str]] = [
    # another call's dates, cited for reference: 前回 last time, 昨年度/前年度 last fiscal year,
    # 過去の公募 past calls, 変更前/当初 (before an extension) — not this call's events
    (r"前回|昨年度?|前年度|過去の(?:公募|募集)|例年|変更前|訂正前|修正前|延長前|当初の?(?:締切|期限|期間)", HISTORY),
    # questions about a call (質問 questions, 問合せ inquiries) have their own closing dates
    (r"質問|問い?合わせ|問合せ", "other"),
    # steps after selection: 交付申請 grant application, 変更申請 change request, 概算払 payment
    (r"交付申請|変更(?:承認)?申請|概算払|精算払|請求書", "other"),
    # report: 中間報告 interim report, 結果の報告 final report, 実績報告 results report,
    # 報告期限 / 報告の締切 (the date a report is due)
    (r"中間報告|結果(?:の|を)?報告|成果報告|実績報告|完了報告|報告書(?:の|を)?提出"
     r"|報告(?:の)?(?:期限|期日|締切|締め切り|〆切)", "report"),
    # answers, not applications: 回答期限 answer due, 提出期限(回答), 調査票 (survey sheet),
    # 照会 (inquiry to answer), ご回答ください, 事前相談 (pre-consultation) — no call's dates
    (r"回答|調査票|照会|事前相談|アンケート", "other"),
    # support_period: 支援期間 support period, 事業期間 project period, 委託期間 contract period,
    # 実証期間 demonstration period, 支援を開始 / 実証開始 support / demonstration starts
    # the work's end in a contract: 履行期限 / 履行期間 (performance), 納期 / 納入期限 (delivery),
    # 業務期間 / 作業期間 (work period)
    (r"支援期間|実施期間|事業期間|委託期間|契約期間|補助事業期間|履行(?:期限|期間|期日)|納期|納入(?:期限|期日)"
     r"|業務(?:期間|完了(?:期限|日))|作業期間|実証(?:実験)?期間|(?:支援|事業|実証)(?:の|を)?開始"
     r"|の間[、,]?.{0,30}支援(?:します|を行)",
     "support_period"),
    # sign-up: 申込の締切 sign-up closes, 申込み方法 how to sign up, 参加登録 / 参加申込
    # (registration to take part; not 参加申込された方 those who registered) — a briefing's
    # when its section is about one
    (r"説明会.{0,10}(?:申込|申し込|参加登録)|(?:申込|申し込み|参加登録|登録)(?:み)?(?:の)?(?:締切|締め切り|〆切|期限|期間|方法|受付)"
     r"|参加(?:登録|申込|申し込み)(?!され|した|いただ|頂|済|者|の方)|までに.{0,10}(?:申込|申し込|登録|入力)", SIGN_UP),
    # selection_announcement: 選定結果 selection result, 採択 award, 決定 decision,
    # 採択予定 planned award (a schedule column)
    (r"(?:採択|選定)(?:予定|時期|予定日)|選定結果|採択結果|審査結果|採択案件|採択(?:団体|先)?の?(?:決定|公表|通知|発表)|選定(?:の)?(?:決定|公表|通知)"
     r"|結果(?:の)?(?:公表|通知|発表)|交付決定|決定|選定結果を公表", "selection_announcement"),
    # a call's papers submitted: 応募書類 / 申請書 / 企画提案書 / 提案書 の提出 (their close)
    (r"(?:応募|申請|提案|参加申込|エントリー)(?:書類?|様式)?(?:等)?(?:の|を)?提出", "application_period"),
    # 提出 with nothing named: settled by the document's subject (a survey's answers or a call)
    (r"提出(?:の)?(?:期間|期限|期日|締切日?|締め切り|〆切|最終日)(?!後|分|以降)"
     r"|までに?[、,]?.{0,20}?提出(?:して|する|すること|ください|願|のこと|しなけ|され|を行|可能)", SUBMIT),
    # application_period: 公募期間 call period, 応募期間, 提出期間, 募集期間, 申請期間, 受付期間,
    # 公募締切 call closes, 必着 must arrive by, 消印有効 postmarked by, …までに提出してください
    # submit by, …までの間、提案の公募を実施 a call was held until; 締切後/締切分 (after the
    # close, the batch of a close) name other things
    (r"(?:公募|応募|募集|申請|提出|提案|受付|エントリー)(?:の)?(?:期間|期限|期日|締切日?|締め切り|〆切|最終日|受付期間)"
     r"(?!後|分|以降)|受付期間|必着|消印有効"
     rf"|までに?.{{0,8}}(?:応募|提出|申請)(?!{FORM_WORDS})"
     r"|までに?[、,]?.{0,20}?(?:応募|提出|申請|送付|送信)(?:して|する|すること|ください|願|のこと|しなけ|され|を行|可能)"
     r"|まで(?:の間)?[、,]?.{0,12}(?:公募|募集)(?!説明会|要領)",
     "application_period"),
    # a call step named alone, on a schedule row or before a range: 公募, 応募受付, 第2次募集
    (CALL_ALONE, "application_period"),
    # briefing: 説明会 briefing session (a label naming it)
    (r"説明会", "briefing"),
    (r"(?:締切|締め切り|〆切|期限)(?!後|分|以降)", CLOSING),
    (r"日時|開催日|日程", WHEN),
    # other scheduled steps: evaluation, hearing, notification, start of a call …
    (r"評価|審査|ヒアリング|面談|面接|連絡|通知|開始|公表|発表|契約|締結|研修|会議|セミナー|イベント|開催", "other"),
]
_LABEL_KINDS = [(re.compile(pattern), kind) for pattern, kind in LABEL_KINDS]

# What makes a generic label the briefing's: 説明会 (briefing session) in its section.
BRIEFING_CONTEXT = re.compile(r"説明会")
# Other events one signs up for (研修 training, セミナー seminar …): their 申込 is no call.
EVENT_CONTEXT = re.compile(
    r"研修|セミナー|イベント|勉強会|ワークショップ|フォーラム|シンポジウム|会議|講座|相談会|交流会|意見交換会|懇談会"
    r"|見学会|ウェビナー|説明会"
)

# A sentence that says applications are accepted over its dates, with no label naming them:
# '第2回の申請は、7月1日から7月31日まで受け付けます' (受け付けます / 受け付けております /
# 受付を行います we accept, 募集します / 公募を行います we call for) — when its subject is a
# call's (申請 application, 応募, 提案 proposal, 募集 call). Tried only after the words
# around the date named nothing: 質問は…受け付けます stays a question's.
ACCEPT_SUBJECT = re.compile(r"申請|応募|提案|募集|公募|エントリー")
ACCEPT_VERB = re.compile(
    r"受け?付け(?:ます|ており|ています|いたし|を行|を開始|る)|受付(?:を)?(?:行い|行って|いたし|します|開始)"
    r"|(?:募集|公募)(?:を)?(?:します|いたします|行い|行って|実施し)"
)

# Labels that only say which end of a period a line gives, under a label line above:
# '提出期間' then '開始:…' / '終了:…' (start / end), or the formal 自 (from) / 至 (to).
START_MARK = re.compile(r"^(?:開始|開始日時?|始期|自|受付開始|から)$")
END_MARK = re.compile(r"^(?:終了|終了日時?|終期|至|受付終了|締切|締切日時?|まで)$")
# A period's start written as an event just before its close ('契約締結日から', '交付決定の日〜',
# '実証開始より'): the last phrase before から/より/〜 (after 、 or a space) is that start.
START_ANCHOR = re.compile(r"[^、,\s]+(?:から|より|〜)\s*$")
# A line that is a title or a sentence, never a label for the date below it.
NOT_A_LABEL_LINE = re.compile(r"(?:について|のお知らせ|ます|ました|です|でした|[。!?])\)?$")
# A news list's line: a date, then a headline in the past or a title
# ('令和7年5月2日 「…」の公募締切を延長しました'): the date is the news's, not an event's.
NEWS_HEADLINE = re.compile(r"(?:しました|ました|について|のお知らせ|を掲載|を公開|を更新)[。!]?\)?$")
# A label naming a call by its name ('「…事業」の公募(令和7年4月1日〜5月16日)'): a period
# (not a single date, which may as well be its opening) under it is the call's.
CALL_NAME = re.compile(r"(?:公募|募集|応募受付|申請受付|提案募集)[\s(:]*$")
# A close said to be extended (延長 extension, 延期 postponement) on its line.
EXTENDED = re.compile(r"(?:締切|期限|期間|受付)(?:日|日時)?を?(?:.{0,30})?(?:延長|延期)|延長後|【?締切延長】?")
# Arrows that replace a value by a new one: '5月9日(金)17時 → 5月16日(金)17時'.
SUPERSEDED_BY = re.compile(r"\s*(?:→|⇒|➡|->|=>)")


# Corrigenda and amendments: a column or row head, a line tag ('(誤)', '【訂正前】', '旧:') or a
# line alone naming which version its values are. REPLACED: 誤 (wrong), 訂正前 (before the
# correction), 修正前 / 変更前 / 改正前 (before the change), 旧 (old), 当初 (original);
# CURRENT: 正 (right), 訂正後, 修正後, 変更後, 改正後 (after), 新 (new).
VERSION_WORDS: list[tuple[str, str]] = [
    ("|".join(OLD_VALUE_LABELS), "replaced"),
    ("|".join(NEW_VALUE_LABELS), "current"),
]
_VERSION_ALTERNATION = "|".join(words for words, _ in VERSION_WORDS)
_VERSION_HEAD = re.compile(rf"^[\s(\[【<〈]*({_VERSION_ALTERNATION})[\s)\]】>〉:]*$")
_VERSION_TAG = re.compile(rf"^\s*(?:[(\[【<〈]({_VERSION_ALTERNATION})[)\]】>〉]|({_VERSION_ALTERNATION})\s*:)")
_VERSION_KIND = [(re.compile(rf"^(?:{words})$"), kind) for words, kind in VERSION_WORDS]

# A call or event said to be called off (中止 cancelled) — not a conditional one
# ('荒天の場合は中止します': only if it storms).
CANCELLED = re.compile(
    r"中止(?:します|しました|となりました|となります|いたします|いたしました|とします|とさせて|する(?:ことと|ことに)"
    r"|になりました)|【中止】|\(中止\)|^\s*中止\s*$"
)
CONDITIONAL = re.compile(r"場合|際は|ときは|時は|可能性")


def version_of(text: str, tag: bool = False) -> str | None:
    """'replaced' or 'current' when `text` is a version head ('誤', '【訂正後】'), or with
    `tag` when it begins with a version tag ('(誤)応募締切:…', '訂正前:…'); else None."""
    match = (_VERSION_TAG if tag else _VERSION_HEAD).match(text)
    if match is None:
        return None
    word = next(group for group in match.groups() if group)
    return next(kind for pattern, kind in _VERSION_KIND if pattern.match(word))


def is_cancelled(line: str) -> bool:
    """Does this line say its call or event is called off (中止), unconditionally?"""
    return bool(CANCELLED.search(line)) and not CONDITIONAL.search(line)


_CALL_ALONE = re.compile(CALL_ALONE)


def names_a_call(label: str) -> bool:
    """Does a label name a call itself (二次公募, 第2回募集) rather than an event of one?"""
    return bool(_CALL_ALONE.search(label))


def classify(label: str) -> str | None:
    """The kind (or generic marker) a label names, None if it names none."""
    for pattern, kind in _LABEL_KINDS:
        if pattern.search(label):
            return kind
    return None


# A document or section asking for answers (照会 inquiry, 調査 survey, アンケート
# questionnaire, 回答 answers) rather than calling for applications (公募, 募集, 応募, 申請,
# 企画競争 proposal competition, 提案, 入札 tender, 補助 grant).
SURVEY_SUBJECT = re.compile(r"照会|調査(?!研究)|アンケート|回答")
CALL_SUBJECT = re.compile(r"公募|募集|応募|申請|企画競争|提案|入札|補助|委託先")


def is_survey(context: str) -> bool:
    """Does this text ask for a survey's answers and not for applications?"""
    return bool(SURVEY_SUBJECT.search(context)) and not CALL_SUBJECT.search(context)


def accepts_applications(before: str, after: str) -> bool:
    """Does a sentence (`before` its dates, `after` them) say a call's applications are accepted?"""
    verb = ACCEPT_VERB.search(after)
    return verb is not None and bool(ACCEPT_SUBJECT.search(before + after[:verb.end()]))


def is_history(after: str) -> bool:
    """Does the text right after a date say it is the past (制定, 現在, ご参加いただき…)?"""
    return bool(HISTORY_AFTER.search(after))


def resolve_generic(kind: str, context: str) -> str:
    """Settle a generic marker from the section's text."""
    briefing = bool(BRIEFING_CONTEXT.search(context))
    if kind == WHEN:
        return "briefing" if briefing else "other"
    if kind == SIGN_UP:
        if briefing:
            return "briefing_registration"
        return "other" if EVENT_CONTEXT.search(context) else "application_period"
    if kind == CLOSING:
        return "briefing_registration" if briefing else "application_period"
    if kind == SUBMIT:
        return "other" if is_survey(context) else "application_period"
    return kind
