"""A small koubo database with realistic Japanese rows, for the site's tests; the real
build of the bundled corpus (`build_real_db`); a running Datasette (`RunningSite`).

Made with pipeline/schema.py's create_schema, then the site's views and search index,
so the site can be tested before the extractors and the build exist. Dates are set
relative to today in Japan time, so one call is always open, one always upcoming and
one always closed. Quotes are exact slices of their document's text, as in a real build.
"""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import sqlite_utils

from pipeline.schema import create_schema
from pipeline.search import build_search_index
from pipeline.serve import ROOT, datasette_args
from pipeline.views import create_views

JST = timezone(timedelta(hours=9))


def _ymd(d: date) -> str:
    return d.isoformat()


def _era(d: date) -> str:
    """令和 date as pages write it (令和7年6月9日)."""
    return f"令和{d.year - 2018}年{d.month}月{d.day}日"


def _fiscal_year(d: date) -> int:
    return d.year if d.month >= 4 else d.year - 1


@dataclass(frozen=True)
class FixtureDates:
    """The dates the fixture's calls were built around (Japan time)."""

    today: date
    open_start: date
    open_end: date  # 17:00 that day
    upcoming_start: date
    upcoming_end: date  # 17:00 that day
    briefing: date  # 15:00–16:00
    closed_end: date


def fixture_dates(today: date | None = None) -> FixtureDates:
    today = today or datetime.now(JST).date()
    return FixtureDates(
        today=today,
        open_start=today - timedelta(days=5),
        open_end=today + timedelta(days=20),
        upcoming_start=today + timedelta(days=10),
        upcoming_end=today + timedelta(days=30),
        briefing=today + timedelta(days=3),
        closed_end=today - timedelta(days=70),
    )


def _evidence(text: str, quote: str) -> dict:
    start = text.index(quote)
    return {"quote": quote, "char_start": start, "char_end": start + len(quote)}


def build_fixture_db(path: Path, today: date | None = None) -> FixtureDates:
    """Write the fixture database at `path` (replacing it) and return its dates."""
    path = Path(path)
    if path.exists():
        path.unlink()
    d = fixture_dates(today)
    fy = _fiscal_year(d.today)
    db = sqlite_utils.Database(path)
    create_schema(db)

    press = "\n".join([
        "総務省トップ > 広報・報道 > 報道資料一覧",
        "報道資料",
        _era(d.open_start),
        "地域DXに向けた計画の策定等の伴走支援を受ける地方公共団体等の二次公募の開始",
        "総務省は、「地域社会DX推進パッケージ事業」の一環として、『計画策定支援』の二次公募を実施します。",
        f"公募期間:{_era(d.open_start)}(月)9時〜{_era(d.open_end)}(金)16時まで",
        f"公募説明会:{_era(d.briefing)} 15時〜16時(オンライン開催)",
        "<連絡先>",
        "計画策定支援事務局 担当:高橋、小林 電話:03-6555-0101 E-mail:dx-plan@example.co.jp",
        "総務省 情報流通行政局 地域通信振興課 担当:山本、中村 電話:03-5253-0000 E-mail:dx_plan@ml.soumu.go.jp",
    ])
    youryou = "\n".join([
        f"令和{fy - 2018}年度 地域社会DX推進パッケージ事業(推進体制構築支援)公募要領",
        "推進体制構築支援 事務局",
        "1. 応募資格",
        "<支援対象>",
        "都道府県と管内市区町村(※都道府県が管内の市区町村と連携して申請すること。)",
        f"2. 公募期間 {_era(d.upcoming_start)}(水)〜同年{d.upcoming_end.month}月{d.upcoming_end.day}日 午後5時",
        "3. 問合せ先 推進体制構築支援 事務局 担当:井上 電話:03-6555-0202 E-mail:dx-taisei@example.co.jp",
        "総務省 情報流通行政局 地域通信振興課 E-mail:dx_plan@ml.soumu.go.jp",
    ])
    closed_start = d.closed_end - timedelta(days=30)
    results = "\n".join([
        "デジタル実装伴走支援事業 採択団体一覧",
        f"公募期間 {_era(closed_start)}〜{_era(d.closed_end)}",
        "類型① 北海道 標茶町",
        "類型② 長崎県 佐々町",
        "類型③ 沖縄県 伊平屋村",
        "内閣府 地方創生推進室 担当:石丸",
    ])
    db["documents"].insert_all([
        {"id": 1, "url": "https://www.soumu.go.jp/menu_news/s-news/01ryutsu06_02009901.html",
         "title": "地域DXに向けた計画の策定等の伴走支援を受ける地方公共団体等の二次公募の開始",
         "publisher": "総務省", "kind": "html", "fetched_at": f"{_ymd(d.open_start)}T10:00:00+09:00",
         "sha256": "0" * 64, "text": press, "reconstructed": 1},
        {"id": 2, "url": "https://www.soumu.go.jp/main_content/koubo_youryou_example.pdf",
         "title": "推進体制構築支援 公募要領", "publisher": "総務省", "kind": "pdf",
         "fetched_at": f"{_ymd(d.today)}T08:30:00+09:00", "sha256": "1" * 64, "text": youryou,
         "reconstructed": 1},
        {"id": 3, "url": "https://www.cao.go.jp/digital-bansou/example_saitaku.pdf",
         "title": "デジタル実装伴走支援事業 採択団体一覧", "publisher": "内閣府", "kind": "pdf",
         "fetched_at": f"{_ymd(d.closed_end)}T12:00:00+09:00", "sha256": "2" * 64, "text": results,
         "reconstructed": 1},
    ], pk="id")

    db["municipalities"].insert_all([
        {"lg_code": "016624", "prefecture": "北海道", "name": "標茶町", "kana": "しべちゃちょう",
         "kind": "町", "latitude": 43.3030, "longitude": 144.6007},
        {"lg_code": "423912", "prefecture": "長崎県", "name": "佐々町", "kana": "さざちょう",
         "kind": "町", "latitude": 33.2380, "longitude": 129.6503},
        {"lg_code": "473596", "prefecture": "沖縄県", "name": "伊平屋村", "kana": "いへやそん",
         "kind": "村", "latitude": 27.0390, "longitude": 127.9700},
    ], pk="lg_code")

    db["programs"].insert_all([
        {"id": 1, "name": "地域社会DX推進パッケージ事業", "parent_id": None, "ministry": "総務省",
         "fiscal_year": fy, "document_id": 1, "key": "chiiki-dx", "status": "open"},
        {"id": 2, "name": "計画策定支援(二次公募)", "parent_id": 1, "ministry": "総務省",
         "fiscal_year": fy, "document_id": 1, "key": "keikaku", "round": "二次公募",
         "application_starts_at": f"{_ymd(d.open_start)}T09:00+09:00",
         "application_ends_at": f"{_ymd(d.open_end)}T16:00+09:00", "status": "open"},
        {"id": 3, "name": "推進体制構築支援", "parent_id": 1, "ministry": "総務省",
         "fiscal_year": fy, "document_id": 2, "key": "taisei",
         "application_starts_at": _ymd(d.upcoming_start),
         "application_ends_at": f"{_ymd(d.upcoming_end)}T17:00+09:00", "status": "upcoming"},
        {"id": 4, "name": "デジタル実装伴走支援事業", "parent_id": None, "ministry": "内閣府",
         "fiscal_year": _fiscal_year(d.closed_end), "document_id": 3, "key": "bansou", "status": "closed"},
    ], pk="id")

    def fact(doc_id: int, text: str, quote: str, page: int | None) -> dict:
        return {"document_id": doc_id, "page": page, **_evidence(text, quote)}

    open_quote = f"公募期間:{_era(d.open_start)}(月)9時〜{_era(d.open_end)}(金)16時まで"
    briefing_quote = f"公募説明会:{_era(d.briefing)} 15時〜16時(オンライン開催)"
    upcoming_quote = (f"2. 公募期間 {_era(d.upcoming_start)}(水)〜同年{d.upcoming_end.month}月"
                      f"{d.upcoming_end.day}日 午後5時")
    closed_quote = f"公募期間 {_era(closed_start)}〜{_era(d.closed_end)}"
    db["deadlines"].insert_all([
        {"id": 1, "program_id": 2, "kind": "application_period", "label": "二次公募",
         "starts_at": f"{_ymd(d.open_start)}T09:00+09:00", "ends_at": f"{_ymd(d.open_end)}T16:00+09:00",
         "precision": "hour", "approximate": 0, "event_tzid": "Asia/Tokyo", **fact(1, press, open_quote, None)},
        {"id": 2, "program_id": 2, "kind": "briefing", "label": "公募説明会",
         "starts_at": f"{_ymd(d.briefing)}T15:00+09:00", "ends_at": f"{_ymd(d.briefing)}T16:00+09:00",
         "precision": "hour", "approximate": 0, "event_tzid": "Asia/Tokyo",
         **fact(1, press, briefing_quote, None)},
        {"id": 3, "program_id": 3, "kind": "application_period", "label": "支援地域の公募",
         "starts_at": _ymd(d.upcoming_start), "ends_at": f"{_ymd(d.upcoming_end)}T17:00+09:00",
         "precision": "hour", "approximate": 0, "event_tzid": "Asia/Tokyo",
         **fact(2, youryou, upcoming_quote, 2)},
        {"id": 4, "program_id": 4, "kind": "application_period", "label": "公募",
         "starts_at": _ymd(closed_start), "ends_at": _ymd(d.closed_end), "precision": "day",
         "approximate": 0, "event_tzid": "Asia/Tokyo", **fact(3, results, closed_quote, 1)},
    ], pk="id")

    secretariat = "計画策定支援事務局 担当:高橋、小林 電話:03-6555-0101 E-mail:dx-plan@example.co.jp"
    ministry_line = ("総務省 情報流通行政局 地域通信振興課 担当:山本、中村 電話:03-5253-0000 "
                     "E-mail:dx_plan@ml.soumu.go.jp")
    taisei_line = "3. 問合せ先 推進体制構築支援 事務局 担当:井上 電話:03-6555-0202 E-mail:dx-taisei@example.co.jp"
    taisei_ministry = "総務省 情報流通行政局 地域通信振興課 E-mail:dx_plan@ml.soumu.go.jp"
    db["contacts"].insert_all([
        {"id": 1, "program_id": 2, "role": "secretariat", "organization": "計画策定支援事務局",
         "persons": "高橋、小林", "phone": "03-6555-0101", "email": "dx-plan@example.co.jp",
         **fact(1, press, secretariat, None)},
        {"id": 2, "program_id": 2, "role": "ministry", "organization": "総務省",
         "department": "情報流通行政局 地域通信振興課", "persons": "山本、中村", "phone": "03-5253-0000",
         "email": "dx_plan@ml.soumu.go.jp", **fact(1, press, ministry_line, None)},
        {"id": 3, "program_id": 3, "role": "secretariat", "organization": "推進体制構築支援 事務局",
         "persons": "井上", "phone": "03-6555-0202", "email": "dx-taisei@example.co.jp",
         **fact(2, youryou, taisei_line, 3)},
        {"id": 4, "program_id": 3, "role": "ministry", "organization": "総務省",
         "department": "情報流通行政局 地域通信振興課", "email": "dx_plan@ml.soumu.go.jp",
         **fact(2, youryou, taisei_ministry, 3)},
        {"id": 5, "program_id": 4, "role": "ministry", "organization": "内閣府",
         "department": "地方創生推進室", "persons": "石丸",
         **fact(3, results, "内閣府 地方創生推進室 担当:石丸", 2)},
    ], pk="id")

    target = "<支援対象>\n都道府県と管内市区町村(※都道府県が管内の市区町村と連携して申請すること。)"
    db["requirements"].insert_all([
        {"id": 1, "program_id": 3, "kind": "eligibility", "ordinal": 1, "group_label": "応募資格",
         "text": "都道府県と管内市区町村(※都道府県が管内の市区町村と連携して申請すること。)",
         "applicant_types": json.dumps(["都道府県", "市区町村"], ensure_ascii=False),
         **fact(2, youryou, target, 1)},
        {"id": 2, "program_id": 2, "kind": "eligibility", "ordinal": 1,
         "text": "地方公共団体等", "applicant_types": json.dumps(["地方公共団体"], ensure_ascii=False),
         **fact(1, press, "地方公共団体等", None)},
    ], pk="id")

    db["awards"].insert_all([
        {"id": 1, "program_id": 4, "fiscal_year": _fiscal_year(d.closed_end), "category": "類型①",
         "prefecture": "北海道", "body_name": "標茶町", "lg_code": "016624",
         **fact(3, results, "類型① 北海道 標茶町", 1)},
        {"id": 2, "program_id": 4, "fiscal_year": _fiscal_year(d.closed_end), "category": "類型②",
         "prefecture": "長崎県", "body_name": "佐々町", "lg_code": "423912",
         **fact(3, results, "類型② 長崎県 佐々町", 1)},
        {"id": 3, "program_id": 4, "fiscal_year": _fiscal_year(d.closed_end), "category": "類型③",
         "prefecture": "沖縄県", "body_name": "伊平屋村", "lg_code": None,
         **fact(3, results, "類型③ 沖縄県 伊平屋村", 1)},
    ], pk="id")

    db["program_documents"].insert_all([
        {"program_id": 2, "document_id": 1, **_evidence(press, "『計画策定支援』の二次公募")},
        {"program_id": 3, "document_id": 2, "page": 1, **_evidence(youryou, "推進体制構築支援 事務局")},
    ], pk=("program_id", "document_id"))

    create_views(db)
    build_search_index(db)
    db.close()
    return d


CORPUS = ROOT / "corpus"


def build_real_db(path: Path) -> Path:
    """The real database built from the bundled corpus (as `make build` does) at `path`."""
    from pipeline.build import build

    build(CORPUS, Path(path))
    return Path(path)


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunningSite:
    """`koubo serve`'s Datasette command on a free local port, as a context manager.

    Polls the server until it answers (at most `timeout` seconds) and stops it on exit;
    its output goes to `log_path` so a failing test can show why.
    """

    def __init__(self, db_path: Path, log_path: Path, timeout: float = 60.0):
        self.db_path, self.log_path, self.timeout = Path(db_path), Path(log_path), timeout
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def __enter__(self) -> RunningSite:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in __exit__
        self.proc = subprocess.Popen(
            datasette_args(self.db_path, self.port), stdout=self._log, stderr=subprocess.STDOUT, env=env
        )
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.base + "/-/versions.json", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError(f"Datasette did not start; log:\n{self.log_path.read_text(errors='replace')}")

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log.close()


def http_get(site: RunningSite, path: str, **params) -> tuple[int, str, str]:
    """(status, content type, body) of a GET on the running site; HTTP errors included."""
    url = site.base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.headers.get("content-type", ""), r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("content-type", ""), e.read().decode("utf-8", "replace")


def json_rows(site: RunningSite, path: str, **params) -> list[dict]:
    """Every row of a table or canned query page as JSON objects."""
    status, _, body = http_get(site, path + ".json", _shape="array", _size="max", **params)
    assert status == 200, body[:500]
    return json.loads(body)


def running_real_site(workdir: Path) -> Iterator[RunningSite]:
    """The real build of the bundled corpus served by Datasette, with `.db` a read-only
    connection to the same database (for tests that compare pages with SQL)."""
    db_path = build_real_db(workdir / "koubo.db")
    with RunningSite(db_path, workdir / "datasette.log") as running:
        running.db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        running.db.row_factory = sqlite3.Row
        yield running
        running.db.close()
