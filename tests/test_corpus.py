"""The WARC corpus store: writing exchanges, reading them back, latest captures, damaged
tails and imports."""

from __future__ import annotations

import gzip
import io
import warnings

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.corpus import (
    CorpusWriter,
    CorruptWarcWarning,
    captures_of_crawl,
    import_warc,
    iter_captures,
    iter_warc_files,
    latest_captures,
)

PRESS = "https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02000447.html"
PAGE = "<html><head><meta charset='Shift_JIS'></head><body><p>計画策定支援（第２次公募）</p></body></html>"


def sjis(text: str) -> bytes:
    return text.encode("cp932")


def write_one(corpus, crawl_id="c1", url=PRESS, status=200, body=None, headers=None, **kw):
    with CorpusWriter(corpus, crawl_id) as writer:
        return writer.write_exchange(
            url, {"User-Agent": "koubo-test"}, status, "OK" if status == 200 else "Error",
            headers or [("Content-Type", "text/html"), ("ETag", '"v1"')],
            sjis(PAGE) if body is None else body, **kw,
        )


def test_exchange_round_trips_with_headers_readable_in_any_case(tmp_path):
    record_id = write_one(tmp_path, reconstructed=True, note="from the mirror")
    [capture] = list(iter_captures(iter_warc_files(tmp_path)))
    assert capture.url == PRESS
    assert capture.record_id == record_id
    assert capture.status == 200
    assert capture.body.decode("cp932") == PAGE
    assert capture.header("etag") == '"v1"' and capture.headers["CONTENT-TYPE"] == "text/html"
    assert capture.content_type == "text/html" and capture.media_type == "text/html"
    assert capture.reconstructed is True and capture.note == "from the mirror"
    assert capture.crawl_id == "c1"
    assert capture.fetched_at.endswith("Z") and capture.fetched_at.startswith("20")
    assert capture.warc_file.endswith(".warc.gz")


def test_each_record_is_its_own_gzip_member_with_a_request_record(tmp_path):
    write_one(tmp_path)
    [path] = iter_warc_files(tmp_path)
    data = path.read_bytes()
    members = data.count(b"\x1f\x8b\x08")
    assert members >= 3  # warcinfo, response, request
    text = gzip.decompress(data).decode("utf-8", "replace")
    assert "WARC-Type: request" in text and "WARC-Concurrent-To" in text
    assert "GET /menu_news/s-news/01ryutsu06_02000447.html HTTP/1.1" in text
    assert "Host: www.soumu.go.jp" in text


def test_gzip_content_coding_is_stored_as_sent_and_read_decoded(tmp_path):
    html = "<html><body>公募期間：令和７年６月９日（月）～</body></html>".encode()
    write_one(tmp_path, body=gzip.compress(html),
              headers=[("Content-Type", "text/html; charset=UTF-8"), ("Content-Encoding", "gzip"),
                       ("Transfer-Encoding", "chunked")])
    [capture] = list(iter_captures(iter_warc_files(tmp_path)))
    assert capture.body == html
    assert "Transfer-Encoding" not in capture.headers
    assert capture.header("X-Archive-Orig-Transfer-Encoding") == "chunked"


def test_a_writer_that_writes_nothing_leaves_no_file(tmp_path):
    with CorpusWriter(tmp_path, "c1"):
        pass
    assert iter_warc_files(tmp_path) == []


def test_iter_warc_files_finds_both_kinds_recursively_in_order(tmp_path):
    write_one(tmp_path / "b")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.warc").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("not a warc")
    found = [p.relative_to(tmp_path).parts[0] for p in iter_warc_files(tmp_path)]
    assert found == ["a", "b"]


def test_latest_capture_survives_a_later_304_and_a_later_error(tmp_path):
    write_one(tmp_path, body=sjis("<html>第１版</html>"))
    first = latest_captures(tmp_path)[PRESS]
    with CorpusWriter(tmp_path, "c2") as writer:
        writer.write_not_modified(PRESS, {"If-None-Match": '"v1"'}, 304, "Not Modified",
                                  [("ETag", '"v1"')], first)
    write_one(tmp_path, crawl_id="c3", status=500, body=b"<html>error</html>")
    latest = latest_captures(tmp_path)[PRESS]
    assert latest.body.decode("cp932") == "<html>第１版</html>"
    revisits = [c for c in iter_captures(iter_warc_files(tmp_path), include_revisits=True)
                if c.record_type == "revisit"]
    assert len(revisits) == 1
    assert revisits[0].refers_to == first.record_id and revisits[0].body == b""
    assert revisits[0].status == 304


def test_a_newer_200_replaces_the_older_one(tmp_path):
    write_one(tmp_path, crawl_id="c1", body=sjis("<html>第１版</html>"))
    write_one(tmp_path, crawl_id="c2", body=sjis("<html>第２版</html>"))
    assert latest_captures(tmp_path)[PRESS].body.decode("cp932") == "<html>第２版</html>"


def test_a_body_cut_at_the_size_cap_is_marked_and_not_used_as_latest(tmp_path):
    write_one(tmp_path, url="https://www.cao.go.jp/digital-bansou/r7_gaiyou.pdf", body=b"%PDF-1.7 cut",
              headers=[("Content-Type", "application/pdf")], truncated="length")
    [capture] = list(iter_captures(iter_warc_files(tmp_path)))
    assert capture.truncated == "length"
    assert latest_captures(tmp_path) == {}


def test_captures_of_crawl_lists_what_one_run_recorded(tmp_path):
    write_one(tmp_path, crawl_id="run-1", url=PRESS)
    write_one(tmp_path, crawl_id="run-2", url=PRESS + "?x=1")
    assert set(captures_of_crawl(tmp_path, "run-1")) == {PRESS}


@pytest.mark.parametrize("kept", [10, 100, 300])
def test_a_cut_trailing_record_is_ignored_with_a_warning(tmp_path, kept):
    with CorpusWriter(tmp_path, "c1") as writer:
        for n in range(3):
            if n == 2:
                complete = writer.path.stat().st_size  # two whole exchanges on disk
            writer.write_exchange(f"https://www.soumu.go.jp/main_content/{n}.html", {}, 200, "OK",
                                  [("Content-Type", "text/html")], sjis(f"<html>資料{n}" + "あ" * 200 + "</html>"))
    [path] = iter_warc_files(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: complete + kept])  # a kill while the third response was written
    with pytest.warns(CorruptWarcWarning):
        urls = [c.url for c in iter_captures([path])]
    assert urls == ["https://www.soumu.go.jp/main_content/0.html", "https://www.soumu.go.jp/main_content/1.html"]


def test_an_intact_file_reads_without_warnings(tmp_path):
    write_one(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(list(iter_captures(iter_warc_files(tmp_path)))) == 1


def foreign_warc(path):
    """A WARC another tool wrote: a response without koubo headers and a resource record."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=UTF-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://dx-navi.soumu.go.jp/support/dx_package/support", "response",
            payload=io.BytesIO("<html>地域社会DXナビ</html>".encode()), http_headers=http))
        writer.write_record(writer.create_warc_record(
            "https://www.cao.go.jp/digital-bansou/r7_gaiyou.pdf", "resource",
            payload=io.BytesIO(b"%PDF-1.7 ..."), warc_content_type="application/pdf"))
    return path


def test_import_copies_records_unchanged_and_skips_what_is_there(tmp_path):
    source = foreign_warc(tmp_path / "other.warc.gz")
    corpus = tmp_path / "corpus"
    assert import_warc([source], corpus) == 2
    assert import_warc([source], corpus) == 0  # same record ids
    assert len(iter_warc_files(corpus)) == 1
    original = {c.url: (c.record_id, c.payload_digest, c.body) for c in iter_captures([source])}
    imported = {c.url: (c.record_id, c.payload_digest, c.body) for c in iter_captures(iter_warc_files(corpus))}
    assert imported == original
    pdf = latest_captures(corpus)["https://www.cao.go.jp/digital-bansou/r7_gaiyou.pdf"]
    assert pdf.status == 200 and pdf.content_type == "application/pdf" and pdf.record_type == "resource"


def test_import_skips_the_same_payload_under_a_new_record_id(tmp_path):
    first = foreign_warc(tmp_path / "one.warc.gz")
    second = foreign_warc(tmp_path / "two.warc.gz")  # same bytes, fresh record ids
    corpus = tmp_path / "corpus"
    assert import_warc([first], corpus) == 2
    assert import_warc([second], corpus) == 0


def test_import_of_a_koubo_crawl_keeps_its_request_records_and_flags(tmp_path):
    write_one(tmp_path / "elsewhere", reconstructed=True)
    corpus = tmp_path / "corpus"
    assert import_warc(iter_warc_files(tmp_path / "elsewhere"), corpus) == 1
    [capture] = list(iter_captures(iter_warc_files(corpus)))
    assert capture.reconstructed is True
    text = gzip.decompress(iter_warc_files(corpus)[0].read_bytes()).decode("utf-8", "replace")
    assert "WARC-Type: request" in text
