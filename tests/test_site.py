"""HTTP tests of the koubo site: Datasette on 127.0.0.1 serving the fixture database
with db/metadata.yml and db/plugins/, started as `koubo serve` would start it."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest
from ics import Calendar

from pipeline.serve import SETTINGS, datasette_args
from tests.site_fixture import JST, RunningSite, build_fixture_db
from tests.site_fixture import http_get as get
from tests.site_fixture import json_rows as rows

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("site")
    dates = build_fixture_db(workdir / "koubo.db")
    with RunningSite(workdir / "koubo.db", workdir / "datasette.log") as running:
        running.dates = dates
        yield running






# --- serve arguments ---------------------------------------------------------------

def test_datasette_args_serve_immutable_with_metadata_plugins_and_limits():
    args = datasette_args("db/koubo.db", 8123)
    assert args[1:4] == ["serve", "-i", "db/koubo.db"]
    assert args[args.index("--host") + 1] == "127.0.0.1"
    assert args[args.index("--port") + 1] == "8123"
    assert args[args.index("--metadata") + 1].endswith("db/metadata.yml")
    assert args[args.index("--plugins-dir") + 1].endswith("db/plugins")
    settings = {args[i + 1]: args[i + 2] for i, a in enumerate(args) if a == "--setting"}
    assert settings["sql_time_limit_ms"] == SETTINGS["sql_time_limit_ms"]
    assert "default_facet_size" in settings


def test_database_is_served_immutable_with_time_limit(site):
    databases = json.loads(get(site, "/-/databases.json")[2])
    koubo = next(d for d in databases if d["name"] == "koubo")
    assert koubo["is_mutable"] is False
    settings = json.loads(get(site, "/-/settings.json")[2])
    assert settings["sql_time_limit_ms"] == int(SETTINGS["sql_time_limit_ms"])


def test_runaway_query_is_stopped_by_the_time_limit(site):
    endless = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
    status, _, body = get(site, "/koubo.json", sql=endless)
    assert status == 400
    assert "too long" in body


# --- front page and canned queries ---------------------------------------------------

def test_front_page_points_to_the_open_calls_and_every_canned_query(site):
    status, _, html = get(site, "/")
    assert status == 200
    for name in ("calls_open_now", "deadlines_next_days", "contacts_book", "awards_by_municipality",
                 "programme_tree", "deadline_calendar.ics", "new_and_open_calls.atom"):
        assert f'href="/koubo/{name}' in html, name


def test_every_canned_query_has_bilingual_title_and_description_and_answers(site):
    metadata = json.loads(get(site, "/-/metadata.json")[2])
    queries = metadata["databases"]["koubo"]["queries"]
    assert len(queries) >= 8
    for name, query in queries.items():
        for field in ("title", "description"):
            text = query[field]
            japanese = any("\u3040" <= ch <= "\u9fff" for ch in text)
            english = re.search(r"[A-Za-z]{3,} [A-Za-z]{2,}", text)
            assert japanese and english, (name, field, text)
        params = {"q": "公募"} if name == "search_everything" else {}
        status, _, body = get(site, f"/koubo/{name}.json", **params)
        assert status == 200, (name, body[:300])


def test_calls_open_now_lists_open_then_upcoming_with_days_left_applicants_contact_source(site):
    d = site.dates
    calls = rows(site, "/koubo/calls_open_now")
    assert [c["program"] for c in calls] == ["計画策定支援(二次公募)", "推進体制構築支援"]
    open_call, upcoming = calls
    assert open_call["status"].startswith("募集中")
    assert open_call["days_left"] == (d.open_end - d.today).days
    assert open_call["ministry"] == "総務省"
    assert open_call["applicants"] == "地方公共団体"
    assert "dx-plan@example.co.jp" in open_call["contact"] and "高橋" in open_call["contact"]
    assert open_call["source_url"].startswith("https://www.soumu.go.jp/")
    assert upcoming["status"].startswith("公募予定")
    assert upcoming["days_to_open"] == (d.upcoming_start - d.today).days
    assert set(upcoming["applicants"].split("、")) == {"都道府県", "市区町村"}
    assert upcoming["source_url"].endswith(".pdf#page=2")
    # The closed call of 内閣府 is not listed.
    assert all(c["ministry"] != "内閣府" for c in calls)


def test_deadlines_next_days_follows_its_parameter(site):
    d = site.dates
    soon = rows(site, "/koubo/deadlines_next_days", days=5)
    assert [(r["kind"], r["days_left"]) for r in soon] == [("briefing", (d.briefing - d.today).days)]
    month = rows(site, "/koubo/deadlines_next_days", days=31)
    assert [r["kind"] for r in month] == ["briefing", "application_period", "application_period"]
    default = rows(site, "/koubo/deadlines_next_days")
    assert len(default) == 3  # default 30 days takes the upcoming call ending in 30 days


def test_contacts_book_counts_programmes_served_by_the_same_address(site):
    contacts = rows(site, "/koubo/contacts_book")
    served = {(c["email"], c["program"]): c["programs_served"] for c in contacts}
    assert served[("dx_plan@ml.soumu.go.jp", "計画策定支援(二次公募)")] == 2
    assert served[("dx-plan@example.co.jp", "計画策定支援(二次公募)")] == 1
    assert contacts[0]["email"] == "dx_plan@ml.soumu.go.jp"  # most-shared first
    assert all(c["quote"] and c["source_url"].startswith("https://") for c in contacts)


def test_awards_by_municipality_has_coordinates_and_the_map(site):
    awards = rows(site, "/koubo/awards_by_municipality")
    by_body = {a["body_name"]: a for a in awards}
    assert set(by_body) == {"標茶町", "佐々町", "伊平屋村"}
    assert by_body["標茶町"]["prefecture"] == "北海道" and by_body["標茶町"]["latitude"] > 43
    # No lg_code: placed through the gazetteer by prefecture + name.
    assert by_body["伊平屋村"]["longitude"] == pytest.approx(127.97)
    assert by_body["佐々町"]["source_url"].endswith(".pdf#page=1")
    html = get(site, "/koubo/awards_by_municipality")[2]
    assert "datasette-cluster-map.js" in html
    per_prefecture = rows(site, "/koubo/awards_by_prefecture")
    assert {r["prefecture"]: r["awards"] for r in per_prefecture} == {"北海道": 1, "長崎県": 1, "沖縄県": 1}


def test_programme_tree_puts_children_under_their_parent(site):
    tree = rows(site, "/koubo/programme_tree")
    paths = [r["path"] for r in tree]
    parent = paths.index("地域社会DX推進パッケージ事業")
    assert paths[parent + 1].startswith("地域社会DX推進パッケージ事業 › ")
    by_id = {r["program_id"]: r for r in tree}
    assert by_id[2]["status_now"] == "open" and by_id[3]["status_now"] == "upcoming"
    assert by_id[4]["status_now"] == "closed" and by_id[4]["awards"] == 3


# --- calendar and feed ----------------------------------------------------------------

def test_ics_feed_parses_and_keeps_japan_time(site):
    d = site.dates
    status, content_type, body = get(site, "/koubo/deadline_calendar.ics")
    assert status == 200 and content_type.startswith("text/calendar")
    calendar = Calendar(body)
    assert len(calendar.events) == 4
    # The open call closes at 16:00 Japan time: written as local time with its TZID,
    # not as 16:00 UTC (the 9-hour error datasette-ics makes without event_tzid).
    assert f"DTSTART;TZID=Asia/Tokyo:{d.open_end:%Y%m%d}T160000" in body
    assert f"DTSTART;TZID=Asia/Tokyo:{d.briefing:%Y%m%d}T150000" in body
    assert f"DTEND;TZID=Asia/Tokyo:{d.briefing:%Y%m%d}T160000" in body
    assert re.findall(r"^DT(?:START|END)[^\r\n]*\r?$", body, re.M)
    assert not re.findall(r"^DT(?:START|END)[^\r\n]*Z\r?$", body, re.M)
    briefing = next(e for e in calendar.events if "公募説明会" in e.name)
    expected = datetime(d.briefing.year, d.briefing.month, d.briefing.day, 15, tzinfo=JST)
    assert briefing.begin.datetime.replace(tzinfo=JST) == expected
    assert briefing.end - briefing.begin == timedelta(hours=1)


def test_atom_feed_parses_with_open_and_upcoming_calls(site):
    status, _, body = get(site, "/koubo/new_and_open_calls.atom")
    assert status == 200
    feed = ET.fromstring(body.encode("utf-8"))
    entries = feed.findall(f"{ATOM}entry")
    assert {e.findtext(f"{ATOM}id") for e in entries} == {"koubo:call:1", "koubo:call:3"}
    first = next(e for e in entries if e.findtext(f"{ATOM}id") == "koubo:call:1")
    assert "計画策定支援" in first.findtext(f"{ATOM}title")
    assert "公募期間" in first.findtext(f"{ATOM}content")
    assert first.find(f"{ATOM}link").get("href").startswith("https://www.soumu.go.jp/")


# --- Japanese search through Datasette's own search box -------------------------------

SEARCHES = [
    ("公募", "documents", {1, 2, 3}),
    ("公募", "programs", {2}),
    ("採択", "documents", {3}),
    ("事務局", "contacts", {1, 3}),
    ("事務局", "documents", {1, 2}),
    ("北海道", "awards", {1}),
    ("北海道", "documents", {3}),
    ("公募期間", "deadlines", {1, 3, 4}),
    ("公募期間", "documents", {1, 2, 3}),
    ("高橋", "contacts", {1}),
    ("石丸", "contacts", {5}),
    ("都道府県", "requirements", {1}),
    ("市区町村", "requirements", {1}),
    ("防災", "documents", set()),
]


@pytest.mark.parametrize(("word", "table", "ids"), SEARCHES)
def test_table_search_box_finds_japanese_words(site, word, table, ids):
    found = rows(site, f"/koubo/{table}", _search=word, _col="id")
    assert {r["id"] for r in found} == ids


def test_search_page_shows_the_results_and_keeps_the_typed_word(site):
    status, _, html = get(site, "/koubo/contacts", _search="事務局")
    assert status == 200
    assert 'value="事務局"' in html
    assert "2 rows where search matches" in html


def test_two_words_must_both_match_and_empty_search_is_harmless(site):
    assert {r["id"] for r in rows(site, "/koubo/contacts", _search="事務局 井上")} == {3}
    assert get(site, "/koubo/documents", _search="")[0] == 200
    assert get(site, "/koubo/documents", _search="・")[0] == 200


def test_search_everything_finds_across_tables(site):
    found = rows(site, "/koubo/search_everything", q="北海道")
    assert {(r["source_table"], r["id"]) for r in found} == {("documents", 3), ("awards", 1)}


# --- traceability and safe rendering ----------------------------------------------------

def test_fact_rows_show_their_quote_with_a_link_to_the_source_page(site):
    html = get(site, "/koubo/deadlines/3")[2]
    assert "2. 公募期間" in html
    assert 'class="koubo-source" href="https://www.soumu.go.jp/main_content/koubo_youryou_example.pdf#page=2"' in html
    html = get(site, "/koubo/contacts/1")[2]
    assert 'class="koubo-source" href="https://www.soumu.go.jp/menu_news/' in html


def test_quotes_are_rendered_as_text_never_as_html(site):
    html = get(site, "/koubo/requirements")[2]
    assert "&lt;支援対象&gt;" in html
    assert "<支援対象>" not in html


def test_foreign_keys_are_labelled_with_names(site):
    html = get(site, "/koubo/deadlines/1")[2]
    assert "計画策定支援(二次公募)" in html  # program_id shown by its name
    assert "地域DXに向けた計画の策定等" in html  # document_id shown by its title


def test_tables_offer_sensible_facets(site):
    data = json.loads(get(site, "/koubo/programs.json")[2])
    assert {"ministry", "fiscal_year", "status"} <= set(data["facet_results"])
    data = json.loads(get(site, "/koubo/awards.json")[2])
    assert {"prefecture", "fiscal_year", "category"} <= set(data["facet_results"])


def test_site_stylesheet_is_served(site):
    status, content_type, css = get(site, "/assets/koubo.css")
    assert status == 200 and "koubo-source" in css
    assert "/assets/koubo.css" in get(site, "/koubo/deadlines/1")[2]


def test_front_page_says_first_what_is_open_now_with_links_to_the_calls(site):
    d = site.dates
    html = get(site, "/")[2]
    banner = html[html.index('id="koubo-now"'):html.index("</div>", html.index('id="koubo-now"'))]
    assert "1 open now, 1 opening soon" in banner
    assert '/koubo/deadlines/1">計画策定支援(二次公募)</a>' in banner
    assert f"{(d.open_end - d.today).days} days left" in banner
    assert html.index('id="koubo-now"') < html.index("Calls for applications, deadlines")
    assert "No call is open" not in html


def test_canned_query_with_rows_shows_no_empty_note(site):
    html = get(site, "/koubo/calls_open_now")[2]
    assert "koubo-empty" not in html
    assert html.index("col-program") < html.index("col-ends_at") < html.index("col-days_left")


def test_cells_read_as_japanese_dates_and_days_in_words():
    import importlib.util

    from pipeline.serve import DB_DIR

    spec = importlib.util.spec_from_file_location("koubo_display", DB_DIR / "plugins" / "display.py")
    display = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(display)
    assert display.japanese_date("2026-03-26T17:00+09:00") == "2026-03-26(木) 17:00"
    assert display.japanese_date("2025-06-09") == "2025-06-09(月)"
    assert display.japanese_date("2025-04") is None  # a month stays as stored
    assert display.japanese_date("2025-02-30") is None
    assert display.japanese_date("2026-03-26T08:00+00:00") is None  # not Japan time: left alone
    assert display.days_text("days_left", 20) == "あと20日 / 20 days left"
    assert display.days_text("days_left", -244) == "244日前に終了 / closed 244 days ago"
    assert display.days_text("days_to_open", 10) == "10日後に開始 / opens in 10 days"


def test_kind_codes_show_their_japanese_word(site):
    html = get(site, "/koubo/deadlines")[2]
    assert '公募期間 <span class="koubo-code">application_period</span>' in html
    assert '説明会 <span class="koubo-code">briefing</span>' in html
    html = get(site, "/koubo/contacts_book")[2]
    assert '事務局 <span class="koubo-code">secretariat</span>' in html
