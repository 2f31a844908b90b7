"""Inline pieces of HTML that carry contact data: an @ drawn as an image is printed text;
a mailto: link target that the page does not print is not."""
from __future__ import annotations

from extractors.contacts import extract as extract_contacts
from pipeline.documents import decode_document

URL = "https://www.soumu.go.jp/menu_news/s-news/example.html"


def _page(body: str) -> bytes:
    return f"""<html><head><meta charset="Shift_JIS"><title>報道資料</title></head>
<body><div id="contentsWrapper"><h1>連絡先</h1>{body}</div></body></html>""".encode("cp932")


def test_an_at_sign_drawn_as_an_image_is_read_from_its_alt_text():
    doc = decode_document(URL, _page('<p>情報流通行政局 地域通信振興課<br>'
                                     'E-mail：dx-info<img src="/img/at.gif" alt="＠">ml.soumu.go.jp</p>'), "text/html")
    assert "dx-info@ml.soumu.go.jp" in doc.text
    assert [c.email for c in extract_contacts(doc)] == ["dx-info@ml.soumu.go.jp"]


def test_a_decorative_image_adds_nothing():
    doc = decode_document(URL, _page('<p><img src="/img/logo.png" alt="総務省ロゴ">地域通信振興課</p>'), "text/html")
    assert "ロゴ" not in doc.text


def test_a_mailto_link_written_as_kochira_adds_no_address():
    """Only what the page prints is its content (as the gold files count contacts)."""
    doc = decode_document(URL, _page('<p>地域通信振興課<br>お問い合わせは<a href="mailto:chiiki-dx@ml.soumu.go.jp">'
                                     'こちら</a>まで</p>'), "text/html")
    assert "chiiki-dx" not in doc.text


def test_a_mailto_link_that_shows_its_address_is_not_doubled():
    doc = decode_document(URL, _page('<p>E-mail：<a href="mailto:a-b@ml.soumu.go.jp">a-b_atmark_ml.soumu.go.jp</a></p>'),
                          "text/html")
    assert doc.text.count("ml.soumu.go.jp") == 1
