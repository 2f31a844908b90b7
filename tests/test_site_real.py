"""The koubo site on the real database: the bundled corpus built as `make build` builds
it (into a temp path), served by Datasette as `koubo serve` serves it.

Expectations come from the database itself wherever they can (every call in it, every
contact, the programmes a shared address serves); the few fixed numbers are facts of the
bundled corpus (ten application periods, 16 contacts, awards per prefecture). Every call
in the bundled corpus has closed, so the site must say that nothing is open and point on.
"""
from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime

import pytest
import yaml
from ics import Calendar
from markupsafe import escape

from pipeline.search import SEARCHABLE
from pipeline.serve import DB_DIR
from tests.site_fixture import http_get as get
from tests.site_fixture import json_rows as rows
from tests.site_fixture import running_real_site

ATOM = "{http://www.w3.org/2005/Atom}"
FACT_TABLES = ("deadlines", "contacts", "requirements", "awards")
DEADLINE_KINDS = {"application_period", "briefing_registration", "report"}  # events at their closing moment


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    yield from running_real_site(tmp_path_factory.mktemp("site-real"))


def sql(site, query: str, *params) -> list[dict]:
    return [dict(r) for r in site.db.execute(query, params)]






def canned_queries() -> dict:
    return yaml.safe_load((DB_DIR / "metadata.yml").read_text(encoding="utf-8"))["databases"]["koubo"]["queries"]


# --- canned queries ---------------------------------------------------------------------

def test_every_canned_query_answers_on_the_real_build(site):
    nothing_open = sql(site, "select count(*) as n from open_calls")[0]["n"] == 0
    for name in canned_queries():
        params = {"q": "公募"} if name == "search_everything" else {}
        found = rows(site, f"/koubo/{name}", **params)
        if name in ("calls_open_now", "deadlines_next_days") and nothing_open:
            continue  # checked against the views below
        assert found, name


def test_all_calls_lists_every_application_period_latest_deadline_first(site):
    calls = rows(site, "/koubo/all_calls")
    periods = sql(site, """select d.id, w.end_jd from deadlines d join deadline_windows w on w.deadline_id = d.id
                           where d.kind = 'application_period'""")
    assert len(calls) == len(periods) == 10  # the bundled corpus has ten application periods
    assert {c["deadline_id"] for c in calls} == {p["id"] for p in periods}
    end = {p["id"]: p["end_jd"] for p in periods}
    ends = [end[c["deadline_id"]] for c in calls]
    assert ends == sorted(ends, reverse=True)
    assert list(calls[0])[:3] == ["program", "ends_at", "days_left"]
    # Every call of the bundled corpus closed before today: days_left counts back.
    assert all(c["state_now"] == "closed" and c["days_left"] < 0 for c in calls)
    assert all(c["source_url"].startswith("https://") and c["quote"] for c in calls)


def test_nothing_is_open_and_every_page_says_so(site):
    assert rows(site, "/koubo/calls_open_now") == []
    html = get(site, "/koubo/calls_open_now")[2]
    assert "No call is open or announced right now" in html
    assert 'href="/koubo/all_calls"' in html
    front = get(site, "/")[2]
    banner = front[front.index('id="koubo-now"'):]
    assert "No call is open or announced right now" in banner
    assert "Every call (10, closed ones included)" in banner
    latest = sql(site, """select program, deadline_id from deadline_windows where kind = 'application_period'
                          order by end_jd desc limit 1""")[0]
    assert f'/koubo/deadlines/{latest["deadline_id"]}">{escape(latest["program"])}</a>' in banner


def test_deadlines_next_days_follows_the_views(site):
    for days in (30, 365):
        expected = sql(site, "select deadline_id from upcoming_deadlines where days_left <= ?", days)
        found = rows(site, "/koubo/deadlines_next_days", days=days)
        assert {r["deadline_id"] for r in found} == {e["deadline_id"] for e in expected}
        assert [r["days_left"] for r in found] == sorted(r["days_left"] for r in found)


def test_contacts_book_has_every_contact_and_counts_shared_addresses(site):
    book = rows(site, "/koubo/contacts_book")
    contacts = sql(site, "select id, program_id, email, phone from contacts")
    assert len(book) == len(contacts) == 16  # the bundled corpus names 16 contacts
    assert {b["contact_id"] for b in book} == {c["id"] for c in contacts}

    def served(c: dict) -> int:
        same = [o for o in contacts if (c["email"] and o["email"] == c["email"])
                or (not c["email"] and c["phone"] and o["phone"] == c["phone"])]
        return len({o["program_id"] for o in same if o["program_id"] is not None}) if same else int(
            c["program_id"] is not None)

    by_id = {c["id"]: c for c in contacts}
    assert {b["contact_id"]: b["programs_served"] for b in book} == {i: served(c) for i, c in by_id.items()}
    shares = [b["programs_served"] for b in book]
    assert shares == sorted(shares, reverse=True) and shares[0] >= 2
    assert all(b["quote"] and b["source_url"].startswith("https://") for b in book)


def test_awards_by_prefecture_on_the_bundled_corpus(site):
    per_prefecture = rows(site, "/koubo/awards_by_prefecture")
    counted = {r["prefecture"]: r["n"] for r in sql(
        site, "select prefecture, count(*) as n from awards group by prefecture")}
    assert {r["prefecture"]: r["awards"] for r in per_prefecture} == counted
    assert counted == {"山形県": 7, "北海道": 6, "長崎県": 1, "沖縄県": 1}
    # Most awards first; a tie in prefecture-code order (長崎県 42 before 沖縄県 47).
    assert [r["prefecture"] for r in per_prefecture] == ["山形県", "北海道", "長崎県", "沖縄県"]
    bodies = {r["prefecture"]: set(r["body_names"].split("、")) for r in per_prefecture}
    for award in sql(site, "select prefecture, body_name from awards"):
        assert award["body_name"] in bodies[award["prefecture"]]


def test_awards_by_municipality_places_the_local_governments(site):
    awards = rows(site, "/koubo/awards_by_municipality")
    assert len(awards) == sql(site, "select count(*) as n from awards")[0]["n"]
    placed = {r["lg_code"] for r in sql(site, "select lg_code from municipalities where latitude is not null")}
    for award in awards:
        if award["lg_code"] in placed:
            assert award["latitude"] and award["longitude"], award
    assert any(a["latitude"] for a in awards)


def test_programme_tree_lists_each_programme_once_under_its_parent(site):
    tree = rows(site, "/koubo/programme_tree")
    programs = sql(site, "select id, parent_id from programs")
    assert sorted(r["program_id"] for r in tree) == sorted(p["id"] for p in programs)
    position = {r["program_id"]: i for i, r in enumerate(tree)}
    for p in programs:
        if p["parent_id"] is not None:
            assert position[p["parent_id"]] < position[p["id"]], p
    statuses = {r["status_now"] for r in tree}
    assert statuses <= {"closed", "unknown"}  # nothing in the bundled corpus is open any more


# --- calendar and feed ------------------------------------------------------------------

def _wall_clock(iso: str) -> datetime:
    """A +09:00 ISO value as naive Japan wall-clock time."""
    return datetime.fromisoformat(iso).replace(tzinfo=None)


def test_ics_calendar_parses_with_japan_times_matching_the_deadlines(site):
    status, content_type, body = get(site, "/koubo/deadline_calendar.ics")
    assert status == 200 and content_type.startswith("text/calendar")
    stamps = re.findall(r"^DT(?:START|END)[^\r\n]*", body, re.M)
    assert stamps and all(";TZID=Asia/Tokyo:" in s and not s.endswith("Z") for s in stamps)
    events = Calendar(body).events
    dated = sql(site, """select d.* from deadlines d join deadline_windows w on w.deadline_id = d.id
                         where w.end_jd is not null""")
    assert len(events) == len(dated)
    by_id = {d["id"]: d for d in dated}
    timed = 0
    for event in events:
        deadline = by_id[int(re.fullmatch(r"koubo-deadline-\d*-(\d+)@koubo", event.uid).group(1))]
        begin, end = event.begin.datetime.replace(tzinfo=None), event.end.datetime.replace(tzinfo=None)
        starts, ends = deadline["starts_at"], deadline["ends_at"]
        moment = ends or starts
        if deadline["kind"] in DEADLINE_KINDS and "T" in moment:
            assert begin == end == _wall_clock(moment), deadline
            timed += 1
        elif starts and ends and "T" in starts and "T" in ends:
            assert (begin, end) == (_wall_clock(starts), _wall_clock(ends)), deadline
            timed += 1
        elif "T" not in moment:
            assert end.time().isoformat() == "23:59:59" and end.date().isoformat() >= moment[:10][:len(moment)]
        assert deadline["label"] in event.name or (deadline["label"] or "") == ""
    assert timed >= 10


def test_atom_feed_parses_and_says_nothing_is_open(site):
    status, _, body = get(site, "/koubo/new_and_open_calls.atom")
    assert status == 200
    feed = ET.fromstring(body.encode("utf-8"))
    entries = feed.findall(f"{ATOM}entry")
    open_ids = {f"koubo:call:{r['deadline_id']}" for r in sql(site, "select deadline_id from open_calls")}
    if open_ids:
        assert {e.findtext(f"{ATOM}id") for e in entries} == open_ids
    else:
        assert [e.findtext(f"{ATOM}id") for e in entries] == ["koubo:no-open-calls"]
        assert "no open calls" in entries[0].findtext(f"{ATOM}title")
        assert entries[0].find(f"{ATOM}link").get("href") == "/koubo/all_calls"


# --- Japanese search through Datasette's own search box -------------------------------------

def _word_chars(text: str) -> str:
    """The text as the index sees words: NFKC, without spaces and punctuation."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text)
                   if unicodedata.category(ch)[0] in "LN")


def _contact_surname(site) -> str:
    """The surname named most often among the contacts' persons (two kanji, no title)."""
    names = Counter()
    for r in sql(site, "select persons from contacts where persons is not null"):
        for part in re.split(r"[、,，\s()（）:：]+", r["persons"]):
            if re.fullmatch(r"[\u4e00-\u9fff]{2}", part):
                names[part] += 1
    assert names, "no surname in the contacts"
    return sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


SEARCH_TABLES = ("documents", "programs", "requirements", "contacts", "deadlines", "awards")
SEARCH_WORDS = ("公募", "採択", "事務局", "北海道", "公募期間", "<surname>")


def _expected(site, table: str, word: str) -> tuple[set[int], set[int]]:
    """(rows whose text holds the word as written, rows holding it once spaces/punctuation go)."""
    columns = [c for c in SEARCHABLE[table]
               if c in {r["name"] for r in sql(site, f"pragma table_info([{table}])")}]
    strict, loose = set(), set()
    for r in sql(site, f"select id, {', '.join(columns)} from [{table}]"):
        values = [str(r[c]) for c in columns if r[c] is not None]
        if any(word in unicodedata.normalize("NFKC", v) for v in values):
            strict.add(r["id"])
        if any(word in _word_chars(v) for v in values):
            loose.add(r["id"])
    return strict, loose


@pytest.mark.parametrize("table", SEARCH_TABLES)
@pytest.mark.parametrize("word", SEARCH_WORDS)
def test_table_search_box_finds_the_rows_holding_the_word(site, table, word):
    word = _contact_surname(site) if word == "<surname>" else word
    found = {r["id"] for r in rows(site, f"/koubo/{table}", _search=word, _col="id")}
    strict, loose = _expected(site, table, word)
    assert strict <= found <= loose, (word, table, found, strict)


def test_search_finds_the_bundled_corpus_words_where_an_officer_looks(site):
    surname = _contact_surname(site)
    for word, table in [("公募", "documents"), ("公募", "programs"), ("公募", "deadlines"),
                        ("採択", "documents"), ("事務局", "contacts"), ("事務局", "requirements"),
                        ("北海道", "documents"), ("北海道", "awards"), ("公募期間", "deadlines"),
                        ("公募期間", "documents"), (surname, "contacts")]:
        assert rows(site, f"/koubo/{table}", _search=word, _col="id"), (word, table)
    html = get(site, "/koubo/contacts", _search=surname)[2]
    assert f'value="{surname}"' in html and "where search matches" in html


# --- traceability and rendering ------------------------------------------------------------

def test_every_fact_row_page_shows_its_quote_escaped_with_its_source(site):
    checked = 0
    for table in FACT_TABLES:
        facts = sql(site, f"""select f.id, f.quote, f.page, f.program_id, d.url, d.kind, d.title,
                                     p.name as program
                              from [{table}] f join documents d on d.id = f.document_id
                              left join programs p on p.id = f.program_id""")
        for fact in facts:
            status, _, html = get(site, f"/koubo/{table}/{fact['id']}")
            assert status == 200, (table, fact["id"])
            assert f'<span class="koubo-quote">{escape(fact["quote"])}</span>' in html, (table, fact["id"])
            href = fact["url"] + (f"#page={fact['page']}" if fact["kind"] == "pdf" and fact["page"] else "")
            assert f'class="koubo-source" href="{escape(href)}"' in html, (table, fact["id"])
            # Foreign keys read as names: the document's title and the programme's name.
            assert f">{escape(fact['title'])}</a>" in html
            if fact["program"]:
                assert f'/koubo/programs/{fact["program_id"]}">{escape(fact["program"])}</a>' in html
            checked += 1
    assert checked == sum(sql(site, f"select count(*) as n from {t}")[0]["n"] for t in FACT_TABLES)
    assert sql(site, "select count(*) as n from deadlines where page is not null")[0]["n"] > 0


def test_quotes_with_angle_brackets_stay_text(site):
    fact = sql(site, "select id from contacts where quote like '%<%>%' limit 1")
    assert fact, "the bundled corpus has bracketed labels such as <主管課>"
    html = get(site, f"/koubo/contacts/{fact[0]['id']}")[2]
    assert "&lt;" in html and "<主管課>" not in html and "<問合せ先" not in html


def test_canned_query_pages_link_facts_and_sources_briefly(site):
    html = get(site, "/koubo/all_calls")[2]
    first = rows(site, "/koubo/all_calls")[0]
    assert f'href="/koubo/deadlines/{first["deadline_id"]}"' in html
    assert "日前に終了 / closed" in html
    assert re.search(r'<a class="koubo-source" href="https://[^"]+" title="[^"]+" rel="noopener">', html)
    assert re.search(r"<time datetime=\"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+09:00\">\d{4}-\d{2}-\d{2}\([月火水木金土日]\) "
                     r"\d{2}:\d{2}</time>", html)


# --- facets ----------------------------------------------------------------------------------

def _facets(site, path: str, **params) -> dict[str, dict]:
    data = json.loads(get(site, path + ".json", **params)[2])
    return {name: {r["value"]: r["count"] for r in facet["results"]}
            for name, facet in data["facet_results"].items()}


@pytest.mark.parametrize(("table", "facets"), [
    ("documents", ("kind", "publisher")),
    ("programs", ("ministry", "fiscal_year", "status")),
    ("deadlines", ("kind", "precision")),
    ("contacts", ("role", "organization")),
    ("requirements", ("kind",)),
    ("awards", ("prefecture", "fiscal_year", "category")),
])
def test_table_facets_count_the_real_rows(site, table, facets):
    found = _facets(site, f"/koubo/{table}")
    for column in facets:
        counted = {r["v"]: r["n"] for r in sql(site, f"select [{column}] as v, count(*) as n from [{table}] "
                                                     "where [{column}] is not null group by 1".replace(
                                                         "{column}", column))}
        assert found[column] == counted, (table, column)


def test_programme_status_facet_and_requirements_applicant_types_array_facet(site):
    status = _facets(site, "/koubo/programs")["status"]
    assert set(status) <= {"open", "upcoming", "closed", "unknown"} and status.get("closed")
    applicant_types = _facets(site, "/koubo/requirements")["applicant_types"]
    counted = {r["value"]: r["n"] for r in sql(site, """
        select j.value, count(*) as n from requirements r, json_each(r.applicant_types) j group by 1""")}
    assert applicant_types == counted
    assert {"都道府県", "市区町村", "地方公共団体"} <= set(applicant_types)
    # A facet value filters the table to the rows that list it.
    found = rows(site, "/koubo/requirements", applicant_types__arraycontains="都道府県", _col="id")
    assert len(found) == applicant_types["都道府県"]


def test_awarded_bodies_are_listed_north_to_south_by_local_government_code(site):
    codes = [a["lg_code"] for a in rows(site, "/koubo/awards_by_municipality") if a["lg_code"]]
    assert codes and codes == sorted(codes)
