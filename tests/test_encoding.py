"""Encoding rules for Japanese pages, on hand-made bytes (pipeline.encoding)."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.encoding import charset_from_content_type, charset_from_markup, codecs_for, decode_bytes

# ① ㈱ 髙 are cp932 extensions (NEC / IBM rows): strict Shift_JIS cannot decode them.
# ～ is 0x8160, which cp932 reads as U+FF5E and plain Shift_JIS as U+301C.
BODY_TEXT = (
    "<h1>令和７年度　公募のお知らせ</h1>\n"
    "<p>①応募期間：令和７年６月９日（月）～令和７年７月４日（金）１６時まで</p>\n"
    "<p>②提出先：㈱髙橋総合研究所　地域ＤＸ推進担当</p>\n"
    "<p>電話：０３－５２５３－５７５７（直通）</p>\n"
)


def page(meta: str = "") -> str:
    return f"<html><head>{meta}<title>公募｜総務省</title></head><body>{BODY_TEXT}</body></html>"


SJIS_META = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'


def test_cp932_characters_survive_a_shift_jis_meta_without_http_charset():
    body = page(SJIS_META).encode("cp932")
    with pytest.raises(UnicodeDecodeError):
        body.decode("shift_jis")  # the page really needs cp932
    decoded = decode_bytes(body, "text/html")
    assert decoded.encoding == "cp932"
    assert decoded.source == "meta"
    for expected in ("①応募期間", "㈱髙橋総合研究所", "（月）\uff5e令和７年", "０３－５２５３－５７５７"):
        assert expected in decoded.text


@pytest.mark.parametrize("label", ["Shift_JIS", "shift-jis", "x-sjis", "sjis", "MS_Kanji", "Windows-31J", "csShiftJIS", "CP932"])
def test_every_shift_jis_label_decodes_as_cp932(label):
    body = page().encode("cp932")
    decoded = decode_bytes(body, f"text/html; charset={label}")
    assert (decoded.encoding, decoded.source) == ("cp932", "http")
    assert "㈱髙橋" in decoded.text


def test_meta_charset_attribute_form():
    body = page('<meta charset="shift_jis">').encode("cp932")
    assert decode_bytes(body, None).encoding == "cp932"


def test_xml_declaration_names_the_encoding():
    body = ('<?xml version="1.0" encoding="Shift_JIS"?>\n' + page()).encode("cp932")
    decoded = decode_bytes(body, "application/xhtml+xml")
    assert (decoded.encoding, decoded.source) == ("cp932", "meta")


def test_bom_beats_a_wrong_http_charset():
    body = codecs.BOM_UTF8 + page('<meta charset="Shift_JIS">').encode("utf-8")
    decoded = decode_bytes(body, "text/html; charset=Shift_JIS")
    assert (decoded.encoding, decoded.source) == ("utf-8", "bom")
    assert decoded.text.startswith("<html>")  # the BOM itself is not text
    assert "㈱髙橋" in decoded.text


def test_wrong_http_charset_falls_back_to_the_meta():
    body = page(SJIS_META).encode("cp932")
    decoded = decode_bytes(body, "text/html; charset=UTF-8")
    assert (decoded.encoding, decoded.source) == ("cp932", "meta")
    assert "①応募期間" in decoded.text


def test_latin1_default_header_does_not_win_over_a_japanese_meta():
    body = page(SJIS_META).encode("cp932")
    decoded = decode_bytes(body, "text/html; charset=ISO-8859-1")
    assert decoded.encoding == "cp932"
    assert "令和７年度" in decoded.text


def test_latin1_header_is_kept_for_a_latin_page():
    body = "<html><body><p>Café Müller</p></body></html>".encode("latin-1")
    decoded = decode_bytes(body, "text/html; charset=ISO-8859-1")
    assert decoded.encoding in {"iso8859-1", "latin-1", "cp1252"}
    assert "Café Müller" in decoded.text


def test_no_declaration_at_all_is_detected():
    body = page().encode("cp932")
    decoded = decode_bytes(body, "text/html")
    assert decoded.source == "detected"
    assert decoded.encoding == "cp932"
    assert "①応募期間：令和７年６月９日" in decoded.text


def test_utf8_without_declaration_is_detected():
    decoded = decode_bytes(page().encode("utf-8"), None)
    assert decoded.encoding == "utf-8"
    assert "㈱髙橋総合研究所" in decoded.text


def test_euc_jp_label_reads_jis_x_0213_characters():
    # 﨑 and ① exist in JIS X 0213 (euc_jis_2004) but not in Python's euc_jp
    body = "<meta charset='EUC-JP'><p>申請者：山﨑町　①応募期間</p>".encode("euc_jis_2004")
    with pytest.raises(UnicodeDecodeError):
        body.decode("euc_jp")
    decoded = decode_bytes(body, None)
    assert decoded.encoding == "euc_jis_2004"
    assert "山﨑町　①応募期間" in decoded.text


def test_euc_jp_label_still_reads_jis_x_0212_bytes():
    body = "<p>令和７年度 公募 丂</p>".encode("euc_jp")  # 丂: a JIS X 0212 (3-byte) kanji
    assert codecs_for("x-euc-jp") == ("euc_jis_2004", "euc_jp")
    decoded = decode_bytes(body, "text/html; charset=EUC-JP")
    assert "令和７年度 公募 丂" in decoded.text


def test_meta_inside_a_comment_is_ignored():
    body = ("<!-- <meta charset='utf-8'> -->" + page(SJIS_META)).encode("cp932")
    assert decode_bytes(body, None).encoding == "cp932"


def test_charset_parameter_parsing():
    assert charset_from_content_type('text/html; charset="Shift_JIS"') == "shift_jis"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type(None) is None
    assert charset_from_markup(b'<meta http-equiv="content-type" content="text/html;charset=euc-jp">') == "euc-jp"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([None, "text/html", "text/html; charset=Shift_JIS", "text/html; charset=bogus"]))
def test_decoding_never_raises(body, content_type):
    decoded = decode_bytes(body, content_type)
    assert isinstance(decoded.text, str)
    assert decoded.encoding


def test_utf8_bytes_win_over_a_stale_shift_jis_meta_and_header():
    body = page(SJIS_META).encode("utf-8")
    for content_type in ("text/html", "text/html; charset=Shift_JIS", "text/html; charset=EUC-JP"):
        decoded = decode_bytes(body, content_type)
        assert decoded.encoding == "utf-8", content_type
        assert "①応募期間：令和７年６月９日" in decoded.text


def test_a_few_utf8_looking_bytes_do_not_override_a_declaration():
    # One kana is too little evidence (fewer than four 3-byte sequences): the page's
    # own Shift_JIS declaration still decides, as it strictly decodes.
    body = '<meta charset="Shift_JIS"><p>Cafe ア</p>'.encode()
    assert decode_bytes(body, None).encoding == "cp932"
    assert decode_bytes(page(SJIS_META).encode("cp932"), "text/html").encoding == "cp932"
