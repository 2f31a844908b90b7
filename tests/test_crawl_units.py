"""The crawler's small parts, one at a time: addresses, links, charsets, throttle, error
descriptions, the transport guard, the mirror map and server headers, sources.toml."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import requests
from urllib3.exceptions import NameResolutionError, NewConnectionError

from pipeline.crawl import Mirror
from pipeline.fetch import Throttle, decoded_body, describe_error, fetch, make_session
from pipeline.links import extract_links, html_charset, looks_like_html, normalize_url
from pipeline.mirror import file_headers, mirrored_urls, not_modified
from pipeline.settings import DEFAULT_SETTINGS, CrawlSettings
from pipeline.sources import Source, load_sources, parse_sources
from tests.localsite import LocalSite

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://www.soumu.go.jp/menu_seisaku/ictseisaku/ictriyou/digital_kiban/index.html"


@pytest.mark.parametrize(("raw", "expected"), [
    ("HTTPS://WWW.Soumu.go.jp:443/main_content/a.pdf#page=2", "https://www.soumu.go.jp/main_content/a.pdf"),
    ("http://www.cao.go.jp:80", "http://www.cao.go.jp/"),
    ("http://127.0.0.1:8080/x?a=1&b=2", "http://127.0.0.1:8080/x?a=1&b=2"),
    ("https://www.soumu.go.jp/資料/公募 要領.pdf", "https://www.soumu.go.jp/%E8%B3%87%E6%96%99/%E5%85%AC%E5%8B%9F%20%E8%A6%81%E9%A0%98.pdf"),
    ("https://www.soumu.go.jp/%E8%B3%87%E6%96%99.pdf", "https://www.soumu.go.jp/%E8%B3%87%E6%96%99.pdf"),
])
def test_normalize_url(raw, expected):
    assert normalize_url(raw) == expected


def test_links_resolved_against_the_page_and_only_http():
    page = """<html><body>
    <p>詳細は<a href="/main_content/000123.pdf">こちら</a>、説明資料は<a href=" ../digital_kiban/setsumei.html ">こちら</a></p>
    <a href="mailto:dx_atmark_soumu.go.jp">問合せ</a><a href="javascript:window.print()">印刷</a>
    <a href="tel:0352535757">電話</a><a href="#main">本文へ</a><a>名前だけ</a>
    <area href="https://www.cao.go.jp/digital-bansou/"><a href="/main_content/000123.pdf#p3">同じ資料</a>
    </body></html>""".encode()
    assert extract_links(BASE, "text/html; charset=UTF-8", page) == [
        "https://www.soumu.go.jp/main_content/000123.pdf",
        "https://www.soumu.go.jp/menu_seisaku/ictseisaku/ictriyou/digital_kiban/setsumei.html",
        "https://www.cao.go.jp/digital-bansou/",
    ]


def test_base_href_changes_where_relative_links_point():
    page = b'<html><head><base href="https://www.soumu.go.jp/main_content/"></head><body><a href="x.pdf">x</a></body></html>'
    assert extract_links(BASE, "text/html", page) == ["https://www.soumu.go.jp/main_content/x.pdf"]


def test_xhtml_with_an_xml_declaration_in_shift_jis():
    page = ('<?xml version="1.0" encoding="Shift_JIS"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS" /></head>'
            '<body><p>①㈱髙</p><a href="資料.pdf">こちら</a></body></html>').encode("cp932")
    assert html_charset("text/html", page) == "cp932"
    assert extract_links(BASE, "text/html", page) == [
        "https://www.soumu.go.jp/menu_seisaku/ictseisaku/ictriyou/digital_kiban/%E8%B3%87%E6%96%99.pdf"]


@pytest.mark.parametrize(("content_type", "body", "codec"), [
    ("text/html; charset=UTF-8", "<p>公募</p>".encode(), "utf-8"),
    ("text/html", '<meta charset="shift_jis"><p>公募</p>'.encode("cp932"), "cp932"),
    ("text/html", '<meta charset="EUC-JP"><p>公募</p>'.encode("euc_jp"), "euc_jis_2004"),
    ("text/html", "\ufeff<p>公募</p>".encode("utf-8-sig"), "utf-8"),
])
def test_html_charset_order_header_bom_meta(content_type, body, codec):
    assert html_charset(content_type, body) == codec


def test_looks_like_html():
    assert looks_like_html("text/html", b"")
    assert looks_like_html(None, b"  <!DOCTYPE html><html>")
    assert not looks_like_html("application/pdf", b"%PDF-1.7")
    assert not looks_like_html(None, b"%PDF-1.7")


def test_throttle_waits_the_rest_of_the_delay_per_host():
    now = [100.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    throttle = Throttle(clock=lambda: now[0], sleep=sleep)
    assert throttle.wait("www.soumu.go.jp", 2.0) == 0.0
    now[0] += 0.5
    assert throttle.wait("www.soumu.go.jp", 2.0) == pytest.approx(1.5)
    assert throttle.wait("www.cao.go.jp", 2.0) == 0.0  # another host is not held up
    assert slept == [pytest.approx(1.5)]


def test_error_descriptions_say_what_happened():
    gaierror = socket.gaierror(-2, "Name or service not known")
    resolution = NameResolutionError("www.soumu.go.jp", None, gaierror)
    resolution.__cause__ = gaierror  # as urllib3 raises it
    dns = requests.exceptions.ConnectionError(resolution)
    assert describe_error(dns) == ("DNS failure: Name or service not known", True)
    refused = NewConnectionError(None, "Failed to establish a new connection")
    refused.__cause__ = ConnectionRefusedError(111, "Connection refused")
    assert describe_error(requests.exceptions.ConnectionError(refused)) == ("connection refused", True)
    assert describe_error(requests.exceptions.ReadTimeout("slow")) == ("read timeout", False)


def test_gzip_and_deflate_bodies_are_decoded_even_when_cut():
    import gzip
    import zlib
    text = "公募期間 令和７年６月９日（月）～".encode() * 50
    assert decoded_body(gzip.compress(text), "gzip") == text
    assert decoded_body(zlib.compress(text), "deflate") == text
    assert text.startswith(decoded_body(gzip.compress(text)[:60], "gzip"))
    assert decoded_body(b"plain", None) == b"plain"


def test_the_transport_refuses_addresses_it_was_not_given(tmp_path):
    with LocalSite(tmp_path) as site:
        site.write("/dx/a.html", "<html>a</html>")
        site.write("/secret/b.html", "<html>b</html>")
        session = make_session(DEFAULT_SETTINGS, lambda url: url.startswith(site.url("/dx/")))
        allowed = fetch(session, site.url("/dx/a.html"), DEFAULT_SETTINGS)
        refused = fetch(session, site.url("/secret/b.html"), DEFAULT_SETTINGS)
        assert allowed.status == 200
        assert refused.status is None and "refused" in refused.error
        assert site.paths() == ["/dx/a.html"]


def test_mirror_translation_uses_the_longest_prefix():
    mirror = Mirror({"https://www.soumu.go.jp": "http://127.0.0.1:9/soumu",
                     "https://www.soumu.go.jp/main_content/": "http://127.0.0.1:9/pdfs/"})
    assert mirror.translate("https://www.soumu.go.jp/menu_news/a.html") == "http://127.0.0.1:9/soumu/menu_news/a.html"
    assert mirror.translate("https://www.soumu.go.jp/main_content/x.pdf") == "http://127.0.0.1:9/pdfs/x.pdf"
    assert mirror.translate("https://www.soumu.go.jp.evil.example/") == "https://www.soumu.go.jp.evil.example/"
    assert mirror.translate("https://www.cao.go.jp/") == "https://www.cao.go.jp/"


def test_mirror_headers_look_like_a_real_server(tmp_path):
    page = tmp_path / "01ryutsu06_02000447.html"
    page.write_bytes("<html>報道資料</html>".encode("cp932"))
    headers = file_headers(page, page.read_bytes())
    assert headers["Content-Type"] == "text/html"  # no charset, as the ministry's server sends it
    assert headers["ETag"].startswith('"') and headers["Last-Modified"].endswith("GMT")
    assert not_modified({"If-None-Match": headers["ETag"]}, headers)
    assert not_modified({"If-Modified-Since": headers["Last-Modified"]}, headers)
    assert not not_modified({"If-None-Match": '"other"', "If-Modified-Since": headers["Last-Modified"]}, headers)
    (tmp_path / "01ryutsu06_02000447.html.headers").write_text("Content-Type: text/html; charset=Shift_JIS\n")
    assert file_headers(page, page.read_bytes())["Content-Type"] == "text/html; charset=Shift_JIS"


def test_mirrored_urls_know_directory_indexes(tmp_path):
    (tmp_path / "www.cao.go.jp" / "digital-bansou").mkdir(parents=True)
    (tmp_path / "www.cao.go.jp" / "digital-bansou" / "index.html").write_text("<html></html>")
    (tmp_path / "www.cao.go.jp" / "robots.txt").write_text("User-agent: *\n")
    (tmp_path / "manifest.json").write_text("{}")
    assert mirrored_urls(tmp_path) == {"https://www.cao.go.jp/digital-bansou/index.html",
                                       "https://www.cao.go.jp/digital-bansou/"}


def test_the_shipped_sources_file_loads():
    sources = load_sources(ROOT / "corpus" / "sources.toml")
    names = [s.name for s in sources]
    assert names == ["soumu", "dx-navi", "cao"]
    assert sources.for_url("https://www.cao.go.jp/digital-bansou/r7_gaiyou.pdf").publisher == "内閣府"
    assert sources.for_url("https://www.example.com/") is None
    assert all(s.allows(u) for s in sources for u in s.start)


def test_sources_toml_typos_are_errors():
    good = {"name": "x", "start": ["https://www.cao.go.jp/a/"], "allow": ["https://www.cao.go.jp/a/"]}
    assert parse_sources({"crawl": {"delay_seconds": 0.5}, "source": [good]}).settings.delay_seconds == 0.5
    with pytest.raises(ValueError, match="delay_secs"):
        parse_sources({"crawl": {"delay_secs": 0.5}, "source": [good]})
    with pytest.raises(ValueError, match="outside"):
        Source("x", start=("https://www.cao.go.jp/b/",), allow=("https://www.cao.go.jp/a/",))


def test_settings_overrides_convert_lists():
    settings = CrawlSettings().with_overrides({"retry_statuses": [429, 503], "skip_extensions": [".XLSX"]})
    assert settings.retry_statuses == (429, 503) and settings.skip_extensions == frozenset({".xlsx"})
