"""E-mail finding: the obfuscated forms Japanese government pages write, and the caution
sentences around them that must never become addresses."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.emails import find_emails, is_valid_address, learnt_tokens
from extractors.normalize import normalize


def addresses(text: str) -> list[str]:
    return [m.address for m in find_emails(normalize(text))]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("E-mail:dx_keikaku_atmark_ml.soumu.go.jp", "dx_keikaku@ml.soumu.go.jp"),
        ("TOKLOCALDX2025_atmark_bcg.com", "toklocaldx2025@bcg.com"),
        ("E-mail:chiiki-dx＠ml.soumu.go.jp", "chiiki-dx@ml.soumu.go.jp"),  # full-width ＠
        ("メール:ｃｈｉｉｋｉ＠ｍｌ．ｓｏｕｍｕ．ｇｏ．ｊｐ", "chiiki@ml.soumu.go.jp"),  # all full-width
        ("E-mail:jichi-seisaku(at)soumu.go.jp", "jichi-seisaku@soumu.go.jp"),
        ("E-mail:jichi-seisaku（at）soumu.go.jp", "jichi-seisaku@soumu.go.jp"),
        ("E-mail:jichi-seisaku[at]soumu.go.jp", "jichi-seisaku@soumu.go.jp"),
        ("E-mail:jichi-seisaku [at] soumu.go.jp", "jichi-seisaku@soumu.go.jp"),
        ("電子メール:chihou-sousei アットマーク cas.go.jp", "chihou-sousei@cas.go.jp"),
        ("Eメール:digital-kofukin.x2@cao.go.jp", "digital-kofukin.x2@cao.go.jp"),
        ("mail:Info.DX@Example-Consulting.co.jp", "info.dx@example-consulting.co.jp"),
        ("E-Mail：ＤＸ－ｓｅｉｓ＿ａｔｍａｒｋ＿ｎｔｔｄａｔａ－ｓｔｒａｔｅｇｙ．ｃｏｍ", "dx-seis@nttdata-strategy.com"),
        ("お問い合わせはshien-jimukyoku@pref.nagano.lg.jpまでお願いします。", "shien-jimukyoku@pref.nagano.lg.jp"),
        ("宛先:koubo_2026_atmark_mri.co.jp。", "koubo_2026@mri.co.jp"),
        ("mailto:soudan@town.shibecha.hokkaido.jp", "soudan@town.shibecha.hokkaido.jp"),
    ],
)
def test_written_forms_become_real_addresses(written: str, expected: str) -> None:
    assert addresses(written) == [expected]


@pytest.mark.parametrize(
    "caution",
    [
        "※ 迷惑メール対策のため、「@」を「_atmark_」と表示しております。送信の際には、「@」に変更してください。",
        "(注:迷惑メール防止対策のため、「_atmark_」を「@」と表示しております。)",
        "※迷惑メール防止のため、@を(at)に置き換えています。",
        "スパム対策のため「@」を「★」で表示しています。",
        "お申込いただいたメールアドレス宛に説明会前日までに視聴用のURLを送付いたします。",
        "「＠」を「＿ａｔｍａｒｋ＿」と表示しております。",
    ],
)
def test_caution_sentences_are_never_addresses(caution: str) -> None:
    assert addresses(caution) == []


def test_reversed_caution_still_yields_the_address() -> None:
    text = (
        "E-mail: digital-kiban_atmark_ml.soumu.go.jp\n"
        "(注:迷惑メール防止対策のため、「_atmark_」を「@」と表示しております。)"
    )
    assert addresses(text) == ["digital-kiban@ml.soumu.go.jp"]


def test_a_token_the_page_declares_is_learnt() -> None:
    text = "E-mail:kikaku★city.example-shi.lg.jp\n※迷惑メール対策のため「@」を「★」に置き換えて表示しています。"
    assert learnt_tokens(normalize(text)) == ("★",)
    assert addresses(text) == ["kikaku@city.example-shi.lg.jp"]


def test_a_bare_word_token_is_not_learnt() -> None:
    assert learnt_tokens("「@」を「at」と表示") == ()


@pytest.mark.parametrize(
    "text",
    [
        "https://www.example-bank.co.jp/user@home/index.html",
        "URL:https://twitter.com/@soumu_koho",
        "user@localhost",
        "sample@example.com に送ってください",  # documentation address
        "xxxx@xxxx.jp",  # place-holder
        "abc@def",  # no top-level domain
        "a..b@soumu.go.jp",
        "name@soumu.go.123",
    ],
)
def test_not_addresses(text: str) -> None:
    assert addresses(text) == []


def test_two_addresses_on_one_line_and_offsets() -> None:
    text = "E-mail:a-kakari_atmark_soumu.go.jp / b-kakari(at)soumu.go.jp"
    found = find_emails(text)
    assert [m.address for m in found] == ["a-kakari@soumu.go.jp", "b-kakari@soumu.go.jp"]
    assert [text[m.start : m.end] for m in found] == ["a-kakari_atmark_soumu.go.jp", "b-kakari(at)soumu.go.jp"]


def test_address_glued_to_following_japanese_text() -> None:
    assert addresses("Eメール:digital@cao.go.jp総務省の支援事業") == ["digital@cao.go.jp"]


def test_is_valid_address() -> None:
    assert is_valid_address("dx_taisei@ml.soumu.go.jp")
    assert not is_valid_address("dx_taisei@@ml.soumu.go.jp")
    assert not is_valid_address(".dx@soumu.go.jp")
    assert not is_valid_address("dx@-soumu.go.jp")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab_.@-(at)[]アットマーク「」を表示atmark.jp.co 0１\n:")), max_size=80))
def test_arbitrary_text_never_crashes_and_results_are_valid(text: str) -> None:
    for m in find_emails(text):
        assert is_valid_address(m.address)
        assert 0 <= m.start < m.end <= len(text)
        local = m.address.split("@")[0]
        assert text[m.start : m.end].lower().startswith(local)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_never_crashes(text: str) -> None:
    find_emails(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("E-mail:chiikidx-r8@ml.soumu.\ngo.jp", "chiikidx-r8@ml.soumu.go.jp"),  # cut after a dot
        ("E-mail:dx-jimukyoku@japan-research-\nsouken.co.jp", "dx-jimukyoku@japan-research-souken.co.jp"),
        ("E-mail:dx-keizai_atmark_ml.sou\nmu.go.jp", "dx-keizai@ml.soumu.go.jp"),  # cut inside a label
        ("E-mail:digital-kiban-shien@ml.sou mu.go.jp", "digital-kiban-shien@ml.soumu.go.jp"),  # PDF wrap as a space
        ("E-mail:chiiki-dx-\nsuishin@soumu.go.jp", "chiiki-dx-suishin@soumu.go.jp"),  # cut in the local part
        ("E-mail:chiiki-dx\n@soumu.go.jp", "chiiki-dx@soumu.go.jp"),
    ],
)
def test_an_address_wrapped_over_a_line_is_read_whole(text: str, expected: str) -> None:
    found = find_emails(normalize(text))
    assert [m.address for m in found] == [expected]
    assert "\n" in text[found[0].start : found[0].end] or " " in text[found[0].start : found[0].end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("E-mail:dx@soumu.go.jp\njp-info@soumu.go.jp", ["dx@soumu.go.jp", "jp-info@soumu.go.jp"]),
        ("E-mail\ndx@soumu.go.jp", ["dx@soumu.go.jp"]),  # the label is no part of the address
        ("mail dx@soumu.go.jp", ["dx@soumu.go.jp"]),
        ("dx@soumu.go.jp.\nNext", ["dx@soumu.go.jp"]),  # a full stop, then another line
        ("dx@soumu.go.jp com", ["dx@soumu.go.jp"]),
    ],
)
def test_complete_addresses_are_not_joined_to_the_next_word(text: str, expected: list[str]) -> None:
    assert addresses(text) == expected


@pytest.mark.parametrize(
    ("caution", "token"),
    [
        ("※メールアドレスの「●」は半角の「@」に置き換えて送信してください。", "●"),
        ("★を@に変えて送信してください。", "★"),
        ("迷惑メール対策のため、@を◆に置き換えて表示しています。", "◆"),
        ("「@」を全角の「＃」で表示しています。", "#"),
    ],
)
def test_declared_tokens_with_fillers_or_without_brackets(caution: str, token: str) -> None:
    assert learnt_tokens(normalize(caution)) == (token,)


@pytest.mark.parametrize(
    "written",
    ["koubo-r8_at_ml.soumu.go.jp", "koubo-r8【at】ml.soumu.go.jp", "koubo-r8＜at＞ml.soumu.go.jp",
     "koubo-r8【アットマーク】ml.soumu.go.jp", "koubo-r8 ＠ ml.soumu.go.jp"],
)
def test_more_written_forms_of_at(written: str) -> None:
    assert addresses(f"E-mail：{written}") == ["koubo-r8@ml.soumu.go.jp"]


@pytest.mark.parametrize(
    "text",
    ["logo@2x.png", "画像:banner@2x.jpg", "ファイル名 data@2026.xlsx", "資料@r8.pdf",
     "E-mail:taro_soumu@city.xxx.lg.jp", "info@xxx.co.jp", "(例)kikaku@city.shibecha.lg.jp", "記入例:kikaku@city.shibecha.lg.jp"],
)
def test_file_names_and_examples_are_not_addresses(text: str) -> None:
    assert addresses(text) == []


def test_a_word_glued_after_the_address_is_left_out() -> None:
    text = "E-mail:chiiki@soumu.go.jpTEL:03-5253-5757"
    [m] = find_emails(text)
    assert (m.address, text[m.start : m.end]) == ("chiiki@soumu.go.jp", "chiiki@soumu.go.jp")


def test_a_word_ending_in_rei_is_no_example_marker() -> None:
    assert addresses("条例:jourei-kakari@soumu.go.jp") == ["jourei-kakari@soumu.go.jp"]
