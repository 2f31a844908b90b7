"""The crawler against a local web site on 127.0.0.1 (tests/localsite.py). Delays,
timeouts and backoffs are shrunk through CrawlSettings so the module stays quick."""

from __future__ import annotations

import dataclasses
import json

import pytest

from pipeline.corpus import captures_of_crawl, iter_captures, iter_warc_files, latest_captures
from pipeline.crawl import crawl
from pipeline.mirror import reconstruct
from pipeline.settings import CrawlSettings
from pipeline.sources import Source, Sources
from tests.localsite import LocalSite, Reply, closed_port

FAST = CrawlSettings(
    delay_seconds=0.0, connect_timeout=1.0, read_timeout=2.0, retries=2, connect_retries=0,
    backoff_factor=0.01, backoff_max=0.05, retry_after_max=2.0, max_bytes=100_000, max_pages=50,
)

INDEX = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="UTF-8"><title>地域社会DX推進パッケージ事業</title></head>
<body>
<ul class="breadcrumb"><li><a href="/">ホーム</a></li><li><a href="/other/policy.html">政策</a></li></ul>
<h1>地域社会DX推進パッケージ事業</h1>
<p>計画策定支援の公募要領は<a href="files/koubo_youryou.pdf">こちら</a></p>
<p><a href="second.html#top">第２次公募について</a></p>
<p><a href="mailto:dx-package_atmark_soumu.go.jp">メール</a>
   <a href="javascript:void(0)">印刷</a> <a href="tel:03-5253-5757">電話</a>
   <a href="ftp://ftp.example.jp/x">FTP</a> <img src="logo.png"><a href="logo.png">ロゴ</a></p>
</body></html>
"""

SECOND = """<html><head><meta charset="UTF-8"></head><body>
<p>説明会の資料は<a href="./files/setsumeikai.pdf">こちら</a>。</p>
<p><a href="deeper.html">さらに詳しく</a></p>
</body></html>
"""


def source_for(site: LocalSite, **kw) -> Source:
    return Source("test", start=(site.url("/dx/index.html"),), allow=(site.url("/dx/"),), **kw)


def make_site(site: LocalSite) -> None:
    site.write("/dx/index.html", INDEX)
    site.write("/dx/second.html", SECOND)
    site.write("/dx/deeper.html", "<html><body>深い</body></html>")
    site.write("/dx/files/koubo_youryou.pdf", b"%PDF-1.7\n% koubo youryou\n")
    site.write("/dx/files/setsumeikai.pdf", b"%PDF-1.7\n% setsumeikai\n")
    site.write("/other/policy.html", "<html><body>外</body></html>")


def log_lines(corpus) -> list[dict]:
    path = corpus / "crawl_log.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def response_urls(corpus) -> list[str]:
    return [c.url for c in iter_captures(iter_warc_files(corpus))]


@pytest.fixture
def site(tmp_path):
    with LocalSite(tmp_path / "site") as running:
        yield running


def test_follows_page_and_pdf_links_inside_the_prefixes_only(site, tmp_path):
    make_site(site)
    corpus = tmp_path / "corpus"
    report = crawl([source_for(site, max_depth=1)], corpus, settings=FAST)

    fetched = set(site.paths())
    assert {"/dx/index.html", "/dx/second.html", "/dx/files/koubo_youryou.pdf"} <= fetched  # こちら → PDF
    assert "/other/policy.html" not in fetched and "/" not in fetched  # outside the prefix
    assert "/dx/logo.png" not in fetched  # media is not fetched
    assert "/dx/deeper.html" not in fetched and "/dx/files/setsumeikai.pdf" not in fetched  # depth 2 > 1
    assert sorted(response_urls(corpus)) == sorted(
        site.url(p) for p in ("/dx/index.html", "/dx/second.html", "/dx/files/koubo_youryou.pdf"))
    assert report.fetched == 3 and report.failed == 0
    assert report.lines() == ["test: 3 fetched, 0 not modified, 0 failed, 0 skipped"]
    entry = next(e for e in log_lines(corpus) if e["url"].endswith("koubo_youryou.pdf"))
    assert entry["status"] == 200 and entry["bytes"] > 0 and entry["crawl_id"] == report.crawl_id
    assert set(entry) == {"crawl_id", "source", "url", "status", "error", "fetched_at", "bytes", "elapsed_ms", "note"}


def test_depth_two_reaches_the_pages_linked_from_linked_pages(site, tmp_path):
    make_site(site)
    crawl([source_for(site, max_depth=2)], tmp_path / "corpus", settings=FAST)
    assert {"/dx/deeper.html", "/dx/files/setsumeikai.pdf"} <= set(site.paths())


def test_user_agent_names_koubo_and_its_readme(site, tmp_path):
    make_site(site)
    crawl([source_for(site, max_depth=0)], tmp_path / "corpus", settings=FAST)
    [request] = site.requests_for("/dx/index.html")
    assert request.headers["User-Agent"].startswith("koubo/") and "readme" in request.headers["User-Agent"]


def test_robots_txt_is_read_once_and_obeyed(site, tmp_path):
    make_site(site)
    site.write("/robots.txt", "User-agent: *\nDisallow: /dx/files/\n")
    corpus = tmp_path / "corpus"
    report = crawl([source_for(site, max_depth=2)], corpus, settings=FAST)
    paths = site.paths()
    assert paths.count("/robots.txt") == 1
    assert not [p for p in paths if p.startswith("/dx/files/")]
    assert "/dx/second.html" in paths
    assert report.skipped == 2
    assert any(e["note"] == "skipped: robots.txt disallows" and e["url"].endswith(".pdf") for e in log_lines(corpus))


def test_robots_crawl_delay_spaces_the_requests(site, tmp_path):
    make_site(site)
    site.write("/robots.txt", "User-agent: koubo\nCrawl-delay: 0.3\n")
    crawl([source_for(site, max_depth=1)], tmp_path / "corpus", settings=FAST)
    times = [r.at for r in site.received if r.path != "/robots.txt"]
    assert len(times) == 3
    assert all(later - earlier >= 0.29 for earlier, later in zip(times, times[1:], strict=False))


def test_second_crawl_is_conditional_and_stores_no_new_body(site, tmp_path):
    make_site(site)
    corpus = tmp_path / "corpus"
    first = crawl([source_for(site, max_depth=1)], corpus, settings=FAST)
    bodies_before = response_urls(corpus)
    second = crawl([source_for(site, max_depth=1)], corpus, settings=FAST)

    assert first.fetched == 3 and second.fetched == 0 and second.not_modified == 3
    [_, again] = site.requests_for("/dx/index.html")
    assert again.headers.get("If-None-Match") and again.headers.get("If-Modified-Since")
    assert len(site.requests_for("/dx/files/koubo_youryou.pdf")) == 2  # links of the stored body followed
    assert response_urls(corpus) == bodies_before  # no new response record
    revisits = [c for c in iter_captures(iter_warc_files(corpus), include_revisits=True) if c.record_type == "revisit"]
    assert len(revisits) == 3 and all(c.body == b"" and c.status == 304 for c in revisits)
    assert latest_captures(corpus)[site.url("/dx/index.html")].body.decode() == INDEX
    assert any("not modified" in (e["note"] or "") for e in log_lines(corpus) if e["crawl_id"] == second.crawl_id)


def test_404_is_recorded_and_500_then_200_is_retried(site, tmp_path):
    site.write("/dx/index.html", '<html><body><a href="missing.html">x</a> <a href="flaky.html">y</a></body></html>')
    site.script("/dx/flaky.html", Reply(500), Reply(503), Reply(200, {"Content-Type": "text/html"}, b"<html>ok</html>"))
    corpus = tmp_path / "corpus"
    report = crawl([source_for(site, max_depth=1)], corpus, settings=FAST)

    assert len(site.requests_for("/dx/flaky.html")) == 3
    assert len(site.requests_for("/dx/missing.html")) == 1  # 404 is not retried
    statuses = {c.url.rsplit("/", 1)[1]: c.status for c in iter_captures(iter_warc_files(corpus))}
    assert statuses == {"index.html": 200, "missing.html": 404, "flaky.html": 200}
    assert report.fetched == 2 and report.failed == 1
    assert next(e for e in log_lines(corpus) if e["url"].endswith("missing.html"))["status"] == 404


def test_a_server_error_that_persists_is_logged_and_the_crawl_goes_on(site, tmp_path):
    site.write("/dx/index.html", '<html><body><a href="broken.html">x</a> <a href="fine.html">y</a></body></html>')
    site.write("/dx/fine.html", "<html>fine</html>")
    site.script("/dx/broken.html", Reply(502))
    corpus = tmp_path / "corpus"
    report = crawl([source_for(site, max_depth=1)], corpus, settings=FAST)
    assert len(site.requests_for("/dx/broken.html")) == FAST.retries + 1
    assert report.failed == 1 and report.fetched == 2
    assert "/dx/fine.html" in site.paths()


def test_retry_after_on_429_is_honoured(site, tmp_path):
    site.write("/dx/index.html", "<html>busy page</html>")
    site.script("/dx/index.html", Reply(429, {"Retry-After": "1"}), Reply(200, {"Content-Type": "text/html"}, b"<html>ok</html>"))
    corpus = tmp_path / "corpus"
    crawl([source_for(site)], corpus, settings=FAST)
    first, second = site.requests_for("/dx/index.html")
    assert second.at - first.at >= 0.95  # the backoff alone would be 0.01 s
    assert latest_captures(corpus)[site.url("/dx/index.html")].body == b"<html>ok</html>"


def test_a_read_timeout_fails_that_address_only(site, tmp_path):
    site.write("/dx/index.html", '<html><body><a href="slow.html">x</a> <a href="fine.html">y</a></body></html>')
    site.write("/dx/fine.html", "<html>fine</html>")
    site.script("/dx/slow.html", Reply(200, {"Content-Type": "text/html"}, b"<html>late</html>", delay=1.0))
    corpus = tmp_path / "corpus"
    settings = dataclasses.replace(FAST, read_timeout=0.2, retries=1)
    report = crawl([source_for(site, max_depth=1)], corpus, settings=settings)
    entry = next(e for e in log_lines(corpus) if e["url"].endswith("slow.html"))
    assert entry["status"] is None and "read timeout" in entry["error"]
    assert len(site.requests_for("/dx/slow.html")) == 2  # one retry
    assert report.failed == 1 and "/dx/fine.html" in site.paths()
    assert site.url("/dx/slow.html") not in response_urls(corpus)


def test_redirects_are_recorded_hop_by_hop_and_checked(site, tmp_path):
    site.write("/dx/index.html", '<html><body><a href="old.html">x</a> <a href="away.html">y</a></body></html>')
    site.script("/dx/old.html", Reply(301, {"Location": "/dx/new.html"}))
    site.script("/dx/away.html", Reply(302, {"Location": site.url("/other/policy.html")}))
    site.write("/dx/new.html", "<html>moved here</html>")
    site.write("/other/policy.html", "<html>outside</html>")
    corpus = tmp_path / "corpus"
    report = crawl([source_for(site, max_depth=1)], corpus, settings=FAST)

    captures = {c.url: c for c in iter_captures(iter_warc_files(corpus))}
    assert captures[site.url("/dx/old.html")].status == 301
    assert captures[site.url("/dx/old.html")].header("Location") == "/dx/new.html"
    assert captures[site.url("/dx/new.html")].body == b"<html>moved here</html>"
    assert captures[site.url("/dx/away.html")].status == 302
    assert "/other/policy.html" not in site.paths()
    notes = {e["url"]: e["note"] for e in log_lines(corpus)}
    assert notes[site.url("/dx/old.html")] == f"redirect to {site.url('/dx/new.html')}"
    assert "outside allowed prefixes" in notes[site.url("/dx/away.html")]
    assert report.skipped == 1


def test_a_body_over_the_size_cap_is_cut_and_marked(site, tmp_path):
    site.write("/dx/index.html", '<html><body><a href="huge.pdf">こちら</a></body></html>')
    site.write("/dx/huge.pdf", b"%PDF-1.7\n" + b"0" * 400_000)
    corpus = tmp_path / "corpus"
    crawl([source_for(site, max_depth=1)], corpus, settings=FAST)
    [capture] = [c for c in iter_captures(iter_warc_files(corpus)) if c.url.endswith("huge.pdf")]
    assert capture.truncated == "length" and len(capture.body) == FAST.max_bytes
    assert capture.header("Content-Length") == str(400_009)  # the server's header, kept exact
    assert "truncated at 100000 bytes" in next(e for e in log_lines(corpus) if e["url"].endswith("huge.pdf"))["note"]
    assert site.url("/dx/huge.pdf") not in latest_captures(corpus)


def test_shift_jis_page_without_charset_header_has_its_links_followed(site, tmp_path):
    page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
            "<title>報道資料</title></head><body><p>①公募期間 ㈱髙橋 令和７年６月９日（月）～</p>"
            "<p>公募要領は<a href=\"資料/公募要領.pdf\">こちら</a></p></body></html>")
    site.write("/dx/index.html", page.encode("cp932"))
    site.write("/dx/資料/公募要領.pdf", b"%PDF-1.7\n")
    corpus = tmp_path / "corpus"
    crawl([source_for(site, max_depth=1)], corpus, settings=FAST)
    captures = {c.url: c for c in iter_captures(iter_warc_files(corpus))}
    assert captures[site.url("/dx/index.html")].content_type == "text/html"  # no charset in the header
    pdf_url = site.url("/dx/%E8%B3%87%E6%96%99/%E5%85%AC%E5%8B%9F%E8%A6%81%E9%A0%98.pdf")
    assert captures[pdf_url].status == 200 and captures[pdf_url].body == b"%PDF-1.7\n"


def test_an_interrupted_crawl_resumes_without_losing_or_repeating(site, tmp_path):
    make_site(site)
    corpus = tmp_path / "corpus"
    seen = []

    def interrupt_after_two(entry):
        if entry.note != "robots.txt":
            seen.append(entry.url)
        if len(seen) == 2:
            raise KeyboardInterrupt  # as if Ctrl-C arrived right after the second capture

    with pytest.raises(KeyboardInterrupt):
        crawl([source_for(site, max_depth=2)], corpus, settings=FAST, progress=interrupt_after_two)
    assert (corpus / FAST.state_name).exists()

    report = crawl([source_for(site, max_depth=2)], corpus, settings=FAST)
    assert report.resumed and report.sources[0].resumed == 2
    assert not (corpus / FAST.state_name).exists()
    page_paths = [p for p in site.paths() if p != "/robots.txt"]
    assert sorted(page_paths) == sorted(set(page_paths))  # nothing fetched twice
    captured = captures_of_crawl(corpus, report.crawl_id)
    assert set(captured) == {site.url(p) for p in (
        "/dx/index.html", "/dx/second.html", "/dx/deeper.html", "/dx/files/koubo_youryou.pdf",
        "/dx/files/setsumeikai.pdf")}
    assert len(response_urls(corpus)) == 5 and len(iter_warc_files(corpus)) == 2


def test_an_unreachable_source_says_so_in_one_line_and_keeps_the_corpus(site, tmp_path):
    make_site(site)
    corpus = tmp_path / "corpus"
    crawl([source_for(site, max_depth=0)], corpus, settings=FAST)
    before = {p: p.read_bytes() for p in iter_warc_files(corpus)}

    dead = f"http://127.0.0.1:{closed_port()}"
    gone = Source("gone", start=(dead + "/dx/index.html",), allow=(dead + "/dx/",))
    report = crawl([gone], corpus, settings=FAST)
    [line] = report.lines()
    assert line.startswith(dead.removeprefix("http://") + ": unreachable (connection refused)")
    assert line.endswith("corpus kept as it was [gone]")
    assert {p: p.read_bytes() for p in iter_warc_files(corpus)} == before
    assert report.warc_file is None


def test_mirror_is_fetched_while_original_addresses_are_recorded(site, tmp_path):
    host = "www.example.go.jp"
    site.write(f"/{host}/dx/index.html", '<html><body><a href="/dx/a.pdf">こちら</a>'
                                         '<a href="https://other.example.jp/x.html">外部</a></body></html>')
    site.write(f"/{host}/dx/a.pdf", b"%PDF-1.7\n")
    source = Source("mirrored", start=(f"https://{host}/dx/index.html",), allow=(f"https://{host}/dx/",))
    corpus = tmp_path / "corpus"
    crawl([source], corpus, settings=FAST, mirror={f"https://{host}": site.url(f"/{host}")}, reconstructed=True)

    assert set(site.paths()) == {f"/{host}/robots.txt", f"/{host}/dx/index.html", f"/{host}/dx/a.pdf"}
    captures = {c.url: c for c in iter_captures(iter_warc_files(corpus))}
    assert set(captures) == {f"https://{host}/dx/index.html", f"https://{host}/dx/a.pdf"}
    assert all(c.reconstructed and "fetched from mirror http://127.0.0.1" in c.note for c in captures.values())


def test_reconstruct_builds_a_corpus_from_mirror_files(tmp_path):
    mirror = tmp_path / "mirror"
    page = mirror / "www.example.go.jp" / "dx" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_bytes('<html><head><meta charset="Shift_JIS"></head><body><a href="gaiyou.pdf">こちら</a>'
                     '<a href="not_reconstructed.html">前回の公募</a></body></html>'.encode("cp932"))
    (page.parent / "gaiyou.pdf").write_bytes(b"%PDF-1.7\n")
    sources = Sources((Source("ex", start=("https://www.example.go.jp/dx/index.html",),
                              allow=("https://www.example.go.jp/dx/",), delay_seconds=5.0),), FAST)
    report = reconstruct(sources, tmp_path / "corpus", mirror)
    assert report.fetched == 2 and report.failed == 0  # the page nobody reconstructed is not asked for
    latest = latest_captures(tmp_path / "corpus")
    assert set(latest) == {"https://www.example.go.jp/dx/index.html", "https://www.example.go.jp/dx/gaiyou.pdf"}
    assert all(c.reconstructed for c in latest.values())
    assert latest["https://www.example.go.jp/dx/gaiyou.pdf"].content_type == "application/pdf"


def test_a_live_crawl_does_not_send_the_validators_of_a_reconstruction(site, tmp_path):
    make_site(site)
    corpus = tmp_path / "corpus"
    crawl([source_for(site, max_depth=0)], corpus, settings=FAST, reconstructed=True)
    report = crawl([source_for(site, max_depth=0)], corpus, settings=FAST)
    first, second = site.requests_for("/dx/index.html")
    assert "If-None-Match" not in second.headers and "If-Modified-Since" not in second.headers
    assert report.fetched == 1
    assert latest_captures(corpus)[site.url("/dx/index.html")].reconstructed is False
