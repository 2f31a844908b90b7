"""The site in a real headless Chromium (Debian's, driven by Playwright).

Walks what an officer does: front page → open calls, a search for 公募 in a table's
own search box, a deadline row, its source link; once on the fixture database
(browser-0*.png) and once on the real build of the bundled corpus (browser-real-*.png).
Screenshots go to test-artifacts/.
Requests to any host but 127.0.0.1 are answered locally by the test (a stand-in page
for a source link, nothing for map tiles), so the test never leaves this machine.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from pipeline.search import fts_query
from tests.site_fixture import RunningSite, build_fixture_db, running_real_site

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]

pytestmark = pytest.mark.browser


def _require_chromium() -> None:
    if Path(CHROMIUM).exists() and shutil.which(CHROMIUM):
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing on CI: install Debian's chromium (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium); CI installs it and runs this test")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    _require_chromium()
    workdir = tmp_path_factory.mktemp("browser")
    build_fixture_db(workdir / "koubo.db")
    with RunningSite(workdir / "koubo.db", workdir / "datasette.log") as running:
        yield running


@pytest.fixture(scope="module")
def browser(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


class Page:
    """A page whose outside requests are answered locally, and whose JS errors are kept."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.context.route("**/*", self._route)

    def _route(self, route):
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            return route.continue_()
        self.outside.append(route.request.url)
        if route.request.resource_type == "document":
            return route.fulfill(status=200, content_type="text/html; charset=utf-8",
                                 body="<html><body><h1>出典 (stand-in for the source page)</h1></body></html>")
        return route.fulfill(status=204, body="")

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self):
        self.context.close()


@pytest.fixture
def page(browser):
    p = Page(browser)
    yield p
    p.close()


def test_front_page_search_deadline_row_and_its_source(site, page):
    pg = page.page
    pg.goto(site.base + "/", wait_until="load")
    assert "公募中・公募予定の事業" in pg.content()
    page.shot("browser-01-front-page.png")

    pg.click("text=公募中・公募予定の事業 / Calls open now and opening soon")
    pg.wait_for_load_state("load")
    assert pg.url.endswith("/koubo/calls_open_now")
    assert pg.locator("table.rows-and-columns tbody tr").count() == 2
    page.shot("browser-02-open-calls.png")

    # Datasette's own search box on a table page, with a Japanese word.
    pg.goto(site.base + "/koubo/documents", wait_until="load")
    pg.fill("input[name=_search]", "公募")
    pg.press("input[name=_search]", "Enter")
    pg.wait_for_load_state("load")
    assert "_search=" in pg.url
    assert pg.locator("table.rows-and-columns tbody tr").count() == 3
    assert "search matches" in pg.content()
    page.shot("browser-03-search-koubo.png")

    # A deadline row, then its source link (a PDF: the link points at the page).
    pg.goto(site.base + "/koubo/deadlines", wait_until="load")
    pg.click("table.rows-and-columns td.col-id a[href$='/deadlines/3']")
    pg.wait_for_load_state("load")
    assert pg.url.endswith("/koubo/deadlines/3")
    assert pg.locator("td.col-quote .koubo-quote").inner_text().startswith("2. 公募期間")
    assert pg.locator("td.col-program_id a").inner_text() == "推進体制構築支援"
    page.shot("browser-04-deadline-row.png")

    source = pg.locator("a.koubo-source")
    href = source.get_attribute("href")
    assert href == "https://www.soumu.go.jp/main_content/koubo_youryou_example.pdf#page=2"
    source.click()
    pg.wait_for_load_state("load")
    assert pg.url == href
    assert "stand-in for the source page" in pg.content()
    page.shot("browser-05-source-link.png")
    assert page.errors == []


def test_map_page_loads_without_errors(site, page):
    pg = page.page
    pg.goto(site.base + "/koubo/awards_by_municipality", wait_until="load")
    pg.wait_for_selector(".leaflet-container", timeout=15_000)
    pg.wait_for_selector(".leaflet-marker-icon", timeout=15_000)
    page.shot("browser-06-awards-map.png")
    assert page.errors == []
    # Tiles come from the internet; here they were answered locally, never fetched.
    assert all("tile.openstreetmap.org" in url for url in page.outside)


def test_quote_with_angle_brackets_shows_as_text(site, page):
    pg = page.page
    pg.goto(site.base + "/koubo/requirements/1", wait_until="load")
    quote = pg.locator("td.col-quote .koubo-quote").inner_text()
    assert quote.startswith("<支援対象>")
    assert pg.locator("td.col-quote .koubo-quote").evaluate("e => e.children.length") == 0
    assert page.errors == []


# --- the real build of the bundled corpus ------------------------------------------------

@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    _require_chromium()
    yield from running_real_site(tmp_path_factory.mktemp("browser-real"))


def _scalar(site, sql: str, *params):
    return site.db.execute(sql, params).fetchone()[0]


def test_real_front_page_search_deadline_row_and_its_source(real_site, page):
    site, pg = real_site, page.page
    pg.goto(site.base + "/", wait_until="load")
    banner = pg.locator("#koubo-now").inner_text()
    calls = _scalar(site, "select count(*) from deadlines where kind = 'application_period'")
    if _scalar(site, "select count(*) from open_calls") == 0:
        # The bundled corpus is history: the front page says so and points onwards.
        assert "No call is open or announced right now" in banner
        assert f"Every call ({calls}, closed ones included)" in banner
        latest = site.db.execute("""select program from deadline_windows where kind = 'application_period'
                                    order by end_jd desc limit 1""").fetchone()[0]
        assert latest in banner
    page.shot("browser-real-01-front-page.png")

    pg.click("#koubo-now a[href$='/koubo/all_calls']")
    pg.wait_for_load_state("load")
    assert pg.url.endswith("/koubo/all_calls")
    headers = pg.locator("table.rows-and-columns thead th").all_inner_texts()
    assert headers[:3] == ["program", "ends_at", "days_left"]
    assert pg.locator("table.rows-and-columns tbody tr").count() == calls
    page.shot("browser-real-02-all-calls.png")

    pg.goto(site.base + "/koubo/calls_open_now", wait_until="load")
    if _scalar(site, "select count(*) from open_calls") == 0:
        assert "No call is open or announced right now" in pg.locator(".koubo-empty").inner_text()
        assert pg.locator(".koubo-empty a[href='/koubo/all_calls']").count() == 1
    page.shot("browser-real-03-open-calls.png")

    # Datasette's own search box on the deadlines table, with a Japanese word.
    expected = {r[0] for r in site.db.execute(
        "select rowid from deadlines_fts where deadlines_fts match ?", [fts_query("公募")])}
    assert expected
    pg.goto(site.base + "/koubo/deadlines", wait_until="load")
    pg.fill("input[name=_search]", "公募")
    pg.press("input[name=_search]", "Enter")
    pg.wait_for_load_state("load")
    assert "_search=" in pg.url and "search matches" in pg.content()
    ids = {int(t) for t in pg.locator("table.rows-and-columns tbody td.col-id").all_inner_texts()}
    assert ids == expected
    page.shot("browser-real-04-search-koubo.png")

    # A deadline from a PDF among the results, then its source link (pointing at the page).
    row = site.db.execute(f"""
        select x.id, x.quote, x.page, d.url, p.name as program from deadlines x
        join documents d on d.id = x.document_id left join programs p on p.id = x.program_id
        where d.kind = 'pdf' and x.page is not null and x.id in ({",".join(map(str, ids))})
        order by x.id limit 1""").fetchone()
    assert row is not None
    pg.click(f"table.rows-and-columns td.col-id a[href$='/deadlines/{row['id']}']")
    pg.wait_for_load_state("load")
    assert pg.url.endswith(f"/koubo/deadlines/{row['id']}")
    assert pg.locator("td.col-quote .koubo-quote").inner_text().split() == row["quote"].split()
    if row["program"]:
        assert pg.locator("td.col-program_id a").inner_text() == row["program"]
    page.shot("browser-real-05-deadline-row.png")

    source = pg.locator("a.koubo-source")
    href = source.get_attribute("href")
    assert href == f"{row['url']}#page={row['page']}"
    source.click()
    pg.wait_for_load_state("load")
    assert pg.url == href
    assert "stand-in for the source page" in pg.content()
    page.shot("browser-real-06-source-link.png")
    assert page.errors == []


@pytest.mark.parametrize(("path", "name"), [
    ("/koubo/contacts_book", "browser-real-07-contacts-book.png"),
    ("/koubo/programme_tree", "browser-real-08-programme-tree.png"),
    ("/koubo/awards_by_prefecture", "browser-real-09-awards-by-prefecture.png"),
    ("/koubo/requirements", "browser-real-10-requirements-facets.png"),
    ("/koubo/deadlines_next_days?days=365", "browser-real-11-dates-next-year.png"),
])
def test_real_canned_pages_render_without_errors(real_site, page, path, name):
    pg = page.page
    pg.goto(real_site.base + path, wait_until="load")
    assert pg.locator("table.rows-and-columns tbody tr").count() > 0
    page.shot(name)
    assert page.errors == []
