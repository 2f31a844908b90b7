"""Contact blocks as government pages write them → one Contact per contact point."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.contacts import extract, heading_role, split_organization
from extractors.emails import find_emails
from extractors.model import RawBlock, build_document, document_from_text
from extractors.phones import find_phones


def rows(text: str):
    doc = document_from_text(text)
    found = extract(doc)
    for c in found:
        assert doc.text[c.evidence.char_start : c.evidence.char_end] == c.evidence.quote
    return found


def one(text: str):
    found = rows(text)
    assert len(found) == 1, found
    return found[0]


# --- the seed forms ----------------------------------------------------------------------

SECRETARIAT_BLOCK = """<問合せ先(事務局)>
株式会社三菱総合研究所 公共イノベーション部門 モビリティ・通信事業本部
「総務省 地域社会DX推進パッケージ事業推進体制構築支援」事務局
担当:井上、後藤(翔)、村松、矢間
電話:03-6858-3705
E-mail:dxrlp-info_atmark_ml.mri.co.jp
※迷惑メール対策のため、「@」を「_atmark_」と表示しております。送信の際には、「@」に変更してください。"""


def test_secretariat_block() -> None:
    c = one(SECRETARIAT_BLOCK)
    assert c.role == "secretariat"
    assert c.organization == "株式会社三菱総合研究所"
    assert c.department == "公共イノベーション部門 モビリティ・通信事業本部"
    assert c.persons == "井上、後藤(翔)、村松、矢間"
    assert (c.phone, c.email) == ("03-6858-3705", "dxrlp-info@ml.mri.co.jp")
    assert c.evidence.quote == SECRETARIAT_BLOCK  # the whole block, caution included


def test_ministry_division_with_titles() -> None:
    c = one(
        "<主管課>\n情報流通行政局 地域通信振興課 デジタル経済推進室\n"
        "(担当:佐藤課長補佐、福田係長、阿部官、石関官、金井官)\n"
        "電話:03-5253-5757(直通)\nE-mail:dx_keikaku_atmark_ml.soumu.go.jp\n"
        "※ 迷惑メール対策のため、「@」を「_atmark_」と表示しております。送信の際には、「@」に変更してください。"
    )
    assert c.role == "ministry_division"
    assert c.organization is None
    assert c.department == "情報流通行政局 地域通信振興課 デジタル経済推進室"
    assert c.persons == "佐藤課長補佐、福田係長、阿部官、石関官、金井官"
    assert (c.phone, c.phone_label) == ("03-5253-5757", "直通")


def test_ministry_division_takes_the_publishing_ministry() -> None:
    doc = build_document(
        "https://www.soumu.go.jp/x.html",
        "html",
        [RawBlock("paragraph", "<主管課>\n情報流通行政局 地域通信振興課\n電話:03-5253-5758(直通)")],
        publisher="総務省",
    )
    [c] = extract(doc)
    assert (c.organization, c.department) == ("総務省", "情報流通行政局 地域通信振興課")


def test_submission_block_with_labels_on_their_own_lines() -> None:
    c = one(
        "【提出先】\n■宛先\nボストン コンサルティング グループ合同会社\n地域社会DX推進パッケージ実証事業 担当\n"
        "■件名\n実証事業:実証事業(●●県▲▲市)\n※括弧内には地方公共団体名や企業・団体名を記載してください。\n"
        "■E-mail\nTOKLOCALDX2025_atmark_bcg.com\n"
        "※迷惑メール対策のため、「@」を「_atmark_」と表示しております。\n送信の際には、「@」に変更してください。\n"
        "全体スケジュール"
    )
    assert c.role == "submission"
    assert c.organization == "ボストン コンサルティング グループ合同会社"
    assert c.department == "地域社会DX推進パッケージ実証事業 担当"
    assert c.persons is None
    assert c.email == "toklocaldx2025@bcg.com"
    assert "全体スケジュール" not in c.evidence.quote


def test_pdf_block_with_postal_address_and_unit_switchboard() -> None:
    c = one(
        "6. お問い合わせ先\n株式会社 NTT データ経営研究所\n〒102-0093 東京都千代田区平河町 2-7-9 JA 共済ビル\n"
        "「総務省 地域社会 DX 推進パッケージ事業 推進体制構築支援」事務局\n担当：石丸、今村、石上、矢野\n"
        "電話：03-5213-4242 (ユニット代表)\nE-mail：dx-seis_atmark_nttdata-strategy.com"
    )
    assert c.organization == "株式会社 NTT データ経営研究所"
    assert c.address == "〒102-0093 東京都千代田区平河町 2-7-9 JA 共済ビル"
    assert (c.phone, c.phone_label) == ("03-5213-4242", "ユニット代表")
    assert c.persons == "石丸、今村、石上、矢野"
    assert c.role == "secretariat"  # an inquiry desk that is the programme's 事務局


def test_postal_code_written_twice_is_one_address_and_no_phone() -> None:
    c = one("【提出先】\n■株式会社 NTT データ経営研究所\n〒102-0093 〒102-0093 東京都千代田区平河町 2-7-9 JA 共済ビル\n■E-mail : dx-seis_atmark_nttdata-strategy.com")
    assert c.address == "〒102-0093 東京都千代田区平河町 2-7-9 JA 共済ビル"
    assert c.phone is None


def test_block_without_heading_phone_and_email_on_one_line() -> None:
    c = one(
        "※スケジュールは委託事業者の公募や申請数により変更になる場合があります\n<デジタル実装伴走支援事業>\n"
        "内閣府地方創生推進室/内閣官房新しい地方経済・生活環境創生本部事務局\n"
        "担当:番匠、森川、堀井(担当参事官:藤井 信英)\n電話:03-6257-3889 Eメール:digitaldenen-kofukin.f7k@cao.go.jp"
    )
    assert c.organization == "内閣府"
    assert c.department == "地方創生推進室/内閣官房新しい地方経済・生活環境創生本部事務局"
    assert c.persons == "番匠、森川、堀井(担当参事官:藤井 信英)"
    assert (c.phone, c.email) == ("03-6257-3889", "digitaldenen-kofukin.f7k@cao.go.jp")
    assert c.role == "ministry_division"
    assert c.evidence.quote.startswith("<デジタル実装伴走支援事業>")


def test_person_with_direct_line_label() -> None:
    c = one(
        "<応募に関する問合せ先(事務局)>\nEYストラテジー・アンド・コンサルティング株式会社 \n"
        "地域社会DX推進パッケージ事業(計画策定支援)担当\n(担当:宮下)\n電話:070-8785-2714(担当者直通)\n"
        "E-mail:mic.dx.shinsei_atmark_jp.ey.com"
    )
    assert c.role == "secretariat"
    assert c.organization == "EYストラテジー・アンド・コンサルティング株式会社"
    assert c.department == "地域社会DX推進パッケージ事業(計画策定支援)担当"
    assert c.persons == "宮下"
    assert (c.phone, c.phone_label) == ("070-8785-2714", "担当者直通")


def test_parent_heading_with_two_sub_blocks() -> None:
    found = rows(
        "連絡先\n<主管課>\n情報流通行政局 地域通信振興課\n(担当:佐藤課長補佐)\nE-mail:dx_keikaku_atmark_ml.soumu.go.jp\n"
        "<応募に関する問合せ先(事務局)>\nアドコム株式会社\n担当:中村\nE-mail:gyomu_atmark_addcom.co.jp\n"
        "※応募書類の提出先ではございませんのでご注意ください。\nページトップへ戻る"
    )
    assert [(c.role, c.email) for c in found] == [
        ("ministry_division", "dx_keikaku@ml.soumu.go.jp"),
        ("secretariat", "gyomu@addcom.co.jp"),
    ]
    assert "ページトップへ戻る" not in found[1].evidence.quote
    assert "提出先ではございません" in found[1].evidence.quote


def test_reversed_caution_and_desk_in_a_ministry() -> None:
    found = rows(
        "6 問合せ先(事務局)・担当窓口\n・問合せ先(事務局)\nボストン コンサルティング グループ合同会社 地域デジタル基盤活用推進事業 担当\n"
        "・宛先:TOKLOCALDX2024_atmark_bcg.com\n※ 迷惑メール対策のため、「@」を「_atmark_」と表示しております。\n"
        "・件名:以下のとおり記載をお願いいたします。\n(1)計画策定支援に応募の場合\n計画策定支援(●●県▲▲市)\n"
        "・担当窓口\n情報流通行政局 地域通信振興課 地域デジタル基盤活用推進事業担当\n電話:03-5253-5757\n"
        "E-mail: digital-kiban_atmark_ml.soumu.go.jp\n(注:迷惑メール防止対策のため、「_atmark_」を「@」と表示しております。)"
    )
    assert [(c.role, c.email, c.phone) for c in found] == [
        ("secretariat", "toklocaldx2024@bcg.com", None),
        ("ministry_division", "digital-kiban@ml.soumu.go.jp", "03-5253-5757"),
    ]
    assert found[0].organization == "ボストン コンサルティング グループ合同会社"
    assert found[0].department == "地域デジタル基盤活用推進事業 担当"


# --- more written forms -------------------------------------------------------------------

def test_two_emails_in_one_block_share_the_phone() -> None:
    found = rows(
        "【お問い合わせ先】\n総務省 自治行政局 地域政策課\n電話:03-5253-5523\n"
        "E-mail:chiiki-seisaku(at)soumu.go.jp / chiiki-dx(at)soumu.go.jp"
    )
    assert [(c.email, c.phone) for c in found] == [
        ("chiiki-seisaku@soumu.go.jp", "03-5253-5523"),
        ("chiiki-dx@soumu.go.jp", "03-5253-5523"),
    ]
    assert {c.organization for c in found} == {"総務省"}
    assert {c.department for c in found} == {"自治行政局 地域政策課"}


def test_two_phones_and_two_emails_pair_in_order() -> None:
    found = rows(
        "照会先\n長野県 企画振興部 DX推進課\n電話:026-235-7070\nE-mail:dx-suishin@pref.nagano.lg.jp\n"
        "電話:026-235-7071\nE-mail:dx-kikaku@pref.nagano.lg.jp"
    )
    assert [(c.phone, c.email) for c in found] == [
        ("026-235-7070", "dx-suishin@pref.nagano.lg.jp"),
        ("026-235-7071", "dx-kikaku@pref.nagano.lg.jp"),
    ]
    assert found[0].organization == "長野県"


def test_phone_without_email() -> None:
    c = one("お問い合わせ先\n北海道標茶町 企画財政課 まちづくり推進係\n担当:山田 太郎\n電話:015-485-2111(代表)")
    assert c.email is None
    assert (c.phone, c.phone_label) == ("015-485-2111", "代表")
    assert c.organization == "北海道標茶町"
    assert c.department == "企画財政課 まちづくり推進係"
    assert c.persons == "山田 太郎"  # Sudachi: 太郎 is a given name, so one person
    assert c.role == "inquiry"


def test_space_separated_surnames_are_several_persons() -> None:
    c = one("【問合せ先】\n株式会社地域計画研究所\n担当 石丸 今村 矢野\nTEL:03-1234-5678")
    assert c.persons == "石丸、今村、矢野"


def test_fax_is_not_the_phone() -> None:
    found = rows("【連絡先】\n経済産業省 商務情報政策局 情報技術利用促進課\nTEL:03-3501-2646 FAX:03-3501-6639")
    assert [c.phone for c in found] == ["03-3501-2646"]


def test_full_width_and_bracket_forms() -> None:
    c = one("お問合せ先\nデジタル庁 国民向けサービスグループ\n電話：０３（４４７７）６７７５\nＥ－ｍａｉｌ：ｋｏｕｂｏ＠ｄｉｇｉｔａｌ．ｇｏ．ｊｐ")
    assert (c.organization, c.phone, c.email) == ("デジタル庁", "03-4477-6775", "koubo@digital.go.jp")


@pytest.mark.parametrize(
    ("line", "email"),
    [
        ("E-Mail:dx-shien@city.matsumoto.nagano.jp", "dx-shien@city.matsumoto.nagano.jp"),
        ("mail:dx-shien_atmark_city.matsumoto.nagano.jp", "dx-shien@city.matsumoto.nagano.jp"),
        ("電子メール:dx-shien[at]city.matsumoto.nagano.jp", "dx-shien@city.matsumoto.nagano.jp"),
        ("■E-mail:dx-shien アットマーク city.matsumoto.nagano.jp", "dx-shien@city.matsumoto.nagano.jp"),
        ("宛先:DX-Shien＠City.Matsumoto.Nagano.jp", "dx-shien@city.matsumoto.nagano.jp"),
    ],
)
def test_email_labels(line: str, email: str) -> None:
    c = one(f"【問い合わせ先】\n松本市 総務部 DX推進本部\n{line}")
    assert c.email == email


def test_inline_heading_in_one_sentence() -> None:
    c = one("問い合わせ先:総務省 自治行政局 地域政策課(電話:03-5253-5523)")
    assert (c.organization, c.phone, c.role) == ("総務省", "03-5253-5523", "inquiry")
    assert c.department is not None and c.department.startswith("自治行政局 地域政策課")


def test_contact_table() -> None:
    doc = build_document(
        "https://example.go.jp/t.html",
        "html",
        [
            RawBlock("heading", "公募について", level=2),
            RawBlock("table", rows=[["申請先", "奈良県 総務部 デジタル戦略課"], ["電話", "0742-27-8325"], ["E-mail", "digital@office.pref.nara.lg.jp"]]),
        ],
    )
    [c] = extract(doc)
    assert (c.role, c.organization, c.phone, c.email) == ("submission", "奈良県", "0742-27-8325", "digital@office.pref.nara.lg.jp")
    assert doc.text[c.evidence.char_start : c.evidence.char_end] == c.evidence.quote


def test_heading_block_ends_the_contact() -> None:
    doc = build_document(
        "https://example.go.jp/h.html",
        "html",
        [
            RawBlock("heading", "お問い合わせ", level=3),
            RawBlock("paragraph", "内閣府 地方創生推進事務局\n電話:03-6257-1417"),
            RawBlock("heading", "関連リンク", level=3),
            RawBlock("paragraph", "地方創生推進交付金"),
        ],
    )
    [c] = extract(doc)
    assert "関連リンク" not in c.evidence.quote
    assert c.evidence.quote.endswith("03-6257-1417")


def test_team_name_ending_in_jimukyoku_is_not_a_heading() -> None:
    assert heading_role("推進事務局") is None
    assert heading_role("【受付事務局】") == ("secretariat", len("【受付事務局】"))
    c = one("【問合せ先】\n株式会社地域デジタル研究所\n推進事務局\n電話:03-6891-2345")
    assert (c.organization, c.department) == ("株式会社地域デジタル研究所", "推進事務局")


def test_desk_of_a_company_is_an_inquiry() -> None:
    c = one("・担当窓口\n株式会社ローカルDXパートナーズ 公共事業部\n電話:050-3786-1234")
    assert c.role == "inquiry"


def test_unlabelled_persons_line() -> None:
    c = one("【問合せ先】\n総務省 情報流通行政局 地域通信振興課\n課長補佐 佐藤 厚雄\n電話:03-5253-5757(直通)")
    assert c.persons == "課長補佐 佐藤 厚雄"
    assert c.department == "情報流通行政局 地域通信振興課"


def test_tanto_naming_a_division_is_a_department() -> None:
    c = one("【お問合せ】\n群馬県\n担当:デジタルトランスフォーメーション課\n電話:027-226-2345")
    assert c.persons is None
    assert c.organization == "群馬県"
    assert c.department == "デジタルトランスフォーメーション課"


def test_hours_and_notes_stay_in_the_block() -> None:
    c = one(
        "<問合せ先>\n一般社団法人 地域DX推進協会 事務局\n電話:03-6809-1234\n受付時間:平日10:00〜17:00(土日祝日を除く)\n"
        "※お電話でのお問い合わせは混み合う場合があります。\n3 その他"
    )
    assert c.organization == "一般社団法人 地域DX推進協会"
    assert c.department == "事務局"
    assert "受付時間" in c.evidence.quote and "3 その他" not in c.evidence.quote


def test_international_form() -> None:
    assert one("【Contact / 問い合わせ先】\n総務省 国際戦略局\nTEL:+81-3-5253-5111 (代表)").phone == "03-5253-5111"


def test_address_only_submission_by_post() -> None:
    c = one("【提出先】\n〒100-8926 東京都千代田区霞が関2-1-2 中央合同庁舎第2号館\n総務省 自治行政局 地域力創造グループ 地域政策課 宛")
    assert (c.role, c.address, c.phone, c.email) == ("submission", "〒100-8926 東京都千代田区霞が関2-1-2 中央合同庁舎第2号館", None, None)
    assert c.organization == "総務省"


# --- what is not a contact ----------------------------------------------------------------

def test_interview_with_name_and_title_is_not_a_contact() -> None:
    assert rows(
        "活用のポイント\n総務省 情報流通行政局 地域通信振興課 デジタル経済推進室 課長補佐\n佐藤 厚雄\nさとう あつお\n"
        "DXをどう進めていけば良いか分からないといった地方公共団体の方々の声に応えて実施している支援事業です。\n"
        "まずは気軽にお問い合わせ下さい。"
    ) == []


def test_caution_sentence_alone_is_not_a_contact() -> None:
    assert rows("※ 迷惑メール対策のため、「@」を「_atmark_」と表示しております。\n送信の際には、「@」に変更してください。") == []


def test_text_that_looks_like_an_address_but_is_not() -> None:
    c = one(
        "【問合せ先】\n東京都 デジタルサービス局\n電話:03-5388-2111\n"
        "東京都千代田区の事業者も応募できます。\n令和7年6月9日(月)"
    )
    assert c.address is None
    assert c.phone == "03-5388-2111"
    assert rows("東京都千代田区平河町の会場で開催します。") == []


def test_sentence_mentioning_the_secretariat_is_not_a_heading() -> None:
    assert heading_role("・相談等ございましたら、下記事務局までメールにてご連絡ください。 |") is None
    assert heading_role("「総務省 地域社会DX推進パッケージ事業推進体制構築支援」事務局") is None
    assert heading_role("※応募書類の提出先ではございませんのでご注意ください。") is None


def test_url_is_not_a_contact() -> None:
    assert rows("応募様式 URL : <https://www.example-consulting.co.jp/newsrelease/@dx-seis>\nhttps://twitter.com/@soumu") == []


def test_heading_without_any_contact_detail() -> None:
    assert rows("連絡先\n8 関連資料\n○地域社会DX推進パッケージ事業(総務省HP)") == []


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("<問合せ先(事務局)>", "secretariat"),
        ("【提出先(事務局)】", "submission"),
        ("<主管課>", "ministry_division"),
        ("主管課", "ministry_division"),
        ("6. お問い合わせ先", "inquiry"),
        ("<応募に関する問合せ先(事務局)>", "secretariat"),
        ("・担当窓口", "desk"),
        ("本件に関するお問い合わせ先", "inquiry"),
        ("【申請書類の提出先】", "submission"),
        ("連絡先", "inquiry"),
        ("(3)照会先", "inquiry"),
    ],
)
def test_heading_roles(heading: str, role: str) -> None:
    found = heading_role(heading)
    assert found is not None and found[0] == role


@pytest.mark.parametrize(
    ("line", "org", "dept"),
    [
        ("株式会社三菱総合研究所 公共イノベーション部門 モビリティ・通信事業本部", "株式会社三菱総合研究所", "公共イノベーション部門 モビリティ・通信事業本部"),
        ("株式会社 NTT データ経営研究所", "株式会社 NTT データ経営研究所", None),
        ("ボストン コンサルティング グループ合同会社 地域デジタル基盤活用推進事業 担当", "ボストン コンサルティング グループ合同会社", "地域デジタル基盤活用推進事業 担当"),
        ("情報流通行政局 地域通信振興課 デジタル経済推進室", None, "情報流通行政局 地域通信振興課 デジタル経済推進室"),
        ("総務省 情報流通行政局 地域通信振興課", "総務省", "情報流通行政局 地域通信振興課"),
        ("関東総合通信局 情報通信部 情報通信振興課", "関東総合通信局", "情報通信部 情報通信振興課"),
        ("北海道標茶町企画財政課", "北海道標茶町", "企画財政課"),
        ("■一般財団法人 全国地域情報化推進協会 企画部", "一般財団法人 全国地域情報化推進協会", "企画部"),
    ],
)
def test_split_organization(line: str, org: str | None, dept: str | None) -> None:
    assert split_organization(line) == (org, dept)


# --- duplicates ---------------------------------------------------------------------------

def test_same_address_in_submission_and_inquiry_of_one_call_is_one_contact() -> None:
    found = rows(
        "(4)応募方法\n【提出先】\n■株式会社 NTT データ経営研究所\n■E-mail : dx-seis_atmark_nttdata-strategy.com\n"
        "(5)公募期間\n令和8年3月4日(水)〜同年3月26日(木)午後5時\n6. お問い合わせ先\n株式会社 NTT データ経営研究所\n"
        "電話:03-5213-4242 (ユニット代表)\nE-mail:dx-seis_atmark_nttdata-strategy.com"
    )
    assert len(found) == 1
    assert found[0].phone == "03-5213-4242"  # the richer block is kept


def test_same_secretariat_under_two_programmes_is_kept_for_each() -> None:
    block = "<主管課>\n情報流通行政局 地域通信振興課\n電話:03-5253-5758(直通)\nE-mail:shinki-jigyou_atmark_ml.soumu.go.jp"
    found = rows(f"(2)実証事業 AI検証タイプ\n{block}\n(2)実証事業 自動運転検証タイプ\n{block}")
    assert [c.email for c in found] == ["shinki-jigyou@ml.soumu.go.jp"] * 2
    assert found[0].evidence.char_start != found[1].evidence.char_start


def test_blocks_with_different_addresses_are_not_merged() -> None:
    found = rows(
        "【提出先】\nアドコム株式会社\nE-mail:gyomu_atmark_addcom.co.jp\n"
        "【問合せ先】\nアドコム株式会社\nE-mail:soudan_atmark_addcom.co.jp"
    )
    assert [c.email for c in found] == ["gyomu@addcom.co.jp", "soudan@addcom.co.jp"]


# --- properties ---------------------------------------------------------------------------

_PIECES = [
    "<問合せ先(事務局)>", "【提出先】", "<主管課>", "連絡先", "株式会社テスト総研 公共部門", "情報流通行政局 地域通信振興課",
    "担当:佐藤課長補佐、福田係長", "(担当:宮下)", "電話:03-5253-5757(直通)", "TEL 03(5253)5757", "FAX:03-5253-5759",
    "E-mail:abc_atmark_soumu.go.jp", "メール:x-y(at)city.example-shi.lg.jp", "〒102-0093 東京都千代田区平河町2-7-9",
    "※迷惑メール対策のため、「@」を「_atmark_」と表示しております。", "(1)実証事業 AI検証タイプ", "本文の文章です。",
    "https://www.soumu.go.jp/@x", "", " | ", "令和7年6月9日", "090-1234-5678",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.lists(st.sampled_from(["\n", "", " "]), min_size=14, max_size=14))
def test_assembled_blocks_keep_evidence_and_every_address(pieces: list[str], joins: list[str]) -> None:
    text = "".join(p + j for p, j in zip(pieces, joins, strict=False))
    doc = document_from_text(text)
    found = extract(doc)
    for c in found:
        assert doc.text[c.evidence.char_start : c.evidence.char_end] == c.evidence.quote
        assert c.role in ("secretariat", "ministry_division", "submission", "inquiry", "other")
        assert c.phone is None or set(c.phone) <= set("0123456789-")
        assert c.email is None or c.email == c.email.lower()
    assert {e.address for e in find_emails(doc.text)} <= {c.email for c in found}
    assert {p.number for p in find_phones(doc.text) if p.kind == "phone"} <= {c.phone for c in found}


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    doc = document_from_text(text)
    for c in extract(doc):
        assert doc.text[c.evidence.char_start : c.evidence.char_end] == c.evidence.quote


def test_label_value_table_is_one_contact() -> None:
    doc = build_document("https://www.soumu.go.jp/x.html", "html", [
        RawBlock("heading", "問合せ先", level=2),
        RawBlock("table", rows=[["担当", "地域政策課"], ["電話", "03-5253-5523"], ["FAX", "03-5253-5530"],
                                ["メール", "chiiki-seisaku@soumu.go.jp"]]),
    ])
    [c] = extract(doc)
    assert (c.department, c.phone, c.email) == ("地域政策課", "03-5253-5523", "chiiki-seisaku@soumu.go.jp")


def test_rows_of_a_contact_table_are_contacts_of_their_own() -> None:
    doc = build_document("https://www.soumu.go.jp/x.html", "html", [
        RawBlock("heading", "お問い合わせ先", level=2),
        RawBlock("table", rows=[["事業", "担当課", "電話"], ["アドバイザー派遣", "地域情報化企画室", "03-5253-5525"],
                                ["起業人", "地域自立応援課", "03-5253-5394"]]),
    ])
    found = extract(doc)
    assert [(c.role, c.department, c.phone) for c in found] == [
        ("inquiry", "地域情報化企画室", "03-5253-5525"), ("inquiry", "地域自立応援課", "03-5253-5394"),
    ]


@pytest.mark.parametrize(
    ("line", "org", "dept"),
    [
        ("地域社会DX推進事業 事務局(株式会社ジャパンリサーチ総研 社会システム本部)", "株式会社ジャパンリサーチ総研", "社会システム本部"),
        ("受託者:(株)デジタル地域研究所", "(株)デジタル地域研究所", None),
        ("推進事務局 株式会社地域DX総研 公共部", "株式会社地域DX総研", "公共部"),
    ],
)
def test_company_named_inside_a_secretariat_line(line: str, org: str, dept: str | None) -> None:
    assert split_organization(line) == (org, dept)
