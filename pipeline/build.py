"""Build the SQLite database from the corpus: decode, extract, link, write, swap.

`build()` is what `koubo build` calls and what a notebook can call. It writes a new
database next to the old one and renames it into place only when it is complete and
passes its checks, so a failed build leaves the old database untouched. Documents whose
bytes and extractor version are unchanged are taken from the old database's extraction
cache instead of being decoded and extracted again.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from extractors import awards, contacts, deadlines, programs, requirements
from extractors.dates import fiscal_year_in
from extractors.model import Document, Evidence, Program
from extractors.places import municipality_rows
from pipeline import cache
from pipeline import documents as decoding
from pipeline.corpus import Capture, latest_captures
from pipeline.crawl_log import crawl_log_rows
from pipeline.documents import DecodeError, decode_document, document_kind
from pipeline.schema import create_schema

log = logging.getLogger(__name__)

BUILD_FORMAT = "1"  # bump when build.py itself changes what it writes per document
EXTRACTORS = {
    "programs": programs,
    "deadlines": deadlines,
    "contacts": contacts,
    "requirements": requirements,
    "awards": awards,
}
FACT_TABLES = ("deadlines", "contacts", "requirements", "awards")
DEFAULT_CORPUS = Path("corpus")
DEFAULT_DB = Path("db/koubo.db")
JST = dt.timezone(dt.timedelta(hours=9))


def extractor_version() -> str:
    """One string that changes whenever decoding, any extractor or the build format changes."""
    parts = [f"build={BUILD_FORMAT}", f"decode={decoding.VERSION}"]
    parts += [f"{name}={mod.VERSION}" for name, mod in EXTRACTORS.items()]
    return ";".join(parts)


@dataclass
class BuildReport:
    db_path: Path
    documents: int = 0
    reused: int = 0
    extracted: int = 0
    failed: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self.facts.items())
        return (f"built {self.db_path}: {self.documents} documents ({self.extracted} extracted, "
                f"{self.reused} unchanged, {self.failed} failed); {counts}; {len(self.warnings)} warnings")


class _Collect(logging.Handler):
    """Collects warnings logged by decoders and extractors while one document is processed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append((record.levelname.lower(), record.getMessage()))


@dataclass
class _Processed:
    """One document after decoding and extraction (fresh or from the cache)."""

    capture: Capture
    sha256: str
    document: dict
    facts: dict[str, list]
    messages: list[tuple[str, str]]
    reused: bool
    cacheable: bool = True  # False when an extractor crashed: the next build must try again


# ------------------------------------------------------------------ per document


def _extract_all(doc: Document) -> tuple[dict[str, list], bool]:
    """Every extractor's facts, and whether all of them ran without an exception."""
    facts: dict[str, list] = {}
    ok = True
    for name, module in EXTRACTORS.items():
        try:
            facts[name] = module.extract(doc)
        except Exception as exc:  # one broken extractor must not lose the other facts
            log.warning("%s extractor failed on %s: %s: %s", name, doc.url, type(exc).__name__, exc)
            facts[name] = []
            ok = False
    return facts, ok


def _process(capture: Capture, sha256: str) -> tuple[dict, dict[str, list], bool]:
    """Decode and extract one capture; a decoding failure gives a document row with `error`."""
    row = {
        "url": capture.url, "fetched_at": capture.fetched_at, "sha256": sha256,
        "content_type": capture.content_type, "status": capture.status, "bytes": len(capture.body),
        "reconstructed": int(bool(capture.reconstructed)), "warc_record_id": capture.record_id,
    }
    try:
        doc = decode_document(capture.url, capture.body, capture.content_type, capture.fetched_at)
    except DecodeError as exc:
        log.warning("cannot decode %s: %s", capture.url, exc)
        row.update(kind=None, title=None, publisher=None, text="", error=str(exc))
        return row, {name: [] for name in EXTRACTORS}, True  # the same bytes fail the same way
    row.update(kind=doc.kind, title=doc.title, publisher=doc.publisher, text=doc.text, error=None)
    facts, ok = _extract_all(doc)
    return row, facts, ok


def _cached(old: sqlite_utils.Database | None, url: str, sha256: str, version: str):
    if old is None or cache.TABLE not in old.table_names():
        return None
    rows = list(old.query(
        f"select document_json, facts_json, messages_json from [{cache.TABLE}] "
        "where url = ? and sha256 = ? and extractor_version = ?", [url, sha256, version]))
    if not rows:
        return None
    row = rows[0]
    messages = [tuple(m) for m in json.loads(row["messages_json"] or "[]")]
    return json.loads(row["document_json"]), cache.load_facts(row["facts_json"]), messages


def process_captures(captures: Iterable[Capture], old: sqlite_utils.Database | None, version: str,
                     progress: Callable[[str], None] | None = None, use_cache: bool = True) -> list[_Processed]:
    out: list[_Processed] = []
    root = logging.getLogger()
    for capture in captures:
        if document_kind(capture.url, capture.content_type, capture.body) is None:
            # images, style sheets, scripts… of an imported WARC are not documents
            if progress:
                progress(f"{capture.url} (skipped: {capture.content_type or 'no type'} is neither HTML nor PDF)")
            continue
        sha256 = hashlib.sha256(capture.body).hexdigest()
        hit = _cached(old, capture.url, sha256, version) if use_cache else None
        collector = _Collect()
        root.addHandler(collector)
        try:
            cacheable = True
            if hit is not None:
                row, facts, cached_messages = hit
                collector.messages.extend(cached_messages)
                reused = True
            else:
                row, facts, cacheable = _process(capture, sha256)
                reused = False
        finally:
            root.removeHandler(collector)
        out.append(_Processed(capture, sha256, row, facts, collector.messages, reused, cacheable))
        if progress:
            state = "unchanged" if reused else ("FAILED: " + row["error"] if row.get("error") else "extracted")
            progress(f"{capture.url} ({state})")
    return out


# ------------------------------------------------------------------ linking


def _evidence_columns(ev: Evidence) -> dict:
    return {"quote": ev.quote, "page": ev.page, "char_start": ev.char_start, "char_end": ev.char_end}


def _fact_row(table: str, fact, document_id: int, program_id: int | None, document_fy: int | None) -> dict:
    base = {"document_id": document_id, "program_id": program_id, **_evidence_columns(fact.evidence)}
    if table == "deadlines":
        when = fact.ends_at or fact.starts_at
        return {**base, "fiscal_year": document_fy or (_fiscal_year(when) if when else None), "kind": fact.kind, "label": fact.label, "starts_at": fact.starts_at,
                "ends_at": fact.ends_at, "precision": fact.precision, "approximate": int(fact.approximate),
                "weekday_mismatch": int(fact.weekday_mismatch), "event_tzid": "Asia/Tokyo"}
    if table == "contacts":
        return {**base, "role": fact.role, "organization": fact.organization, "department": fact.department,
                "persons": fact.persons, "phone": fact.phone, "phone_label": fact.phone_label,
                "email": fact.email, "address": fact.address}
    if table == "requirements":
        return {**base, "kind": fact.kind, "ordinal": fact.ordinal, "group_label": fact.group_label,
                "text": fact.text, "applicant_types": json.dumps(fact.applicant_types, ensure_ascii=False)}
    if table == "awards":
        return {**base, "fiscal_year": fact.fiscal_year, "category": fact.category,
                "prefecture": fact.prefecture, "body_name": fact.body_name, "lg_code": fact.lg_code,
                "group_label": fact.group_label, "partner": fact.partner}
    raise ValueError(table)


_DEDUPE_KEYS = {
    # the same contact stated twice for one programme of one document is one contact
    "contacts": ("document_id", "program_id", "role", "email", "phone"),
}


def _call_status(starts_at: str | None, ends_at: str | None, today: dt.date) -> str:
    """upcoming / open / closed from an application period and the build date."""
    if not ends_at and not starts_at:
        return "unknown"
    if ends_at and ends_at[:10] < today.isoformat():
        return "closed"
    if starts_at and starts_at[:10] > today.isoformat():
        return "upcoming"
    return "open"


def write_database(db: sqlite_utils.Database, processed: list[_Processed], version: str,
                   today: dt.date, corpus_dir: Path) -> dict[str, int]:
    """Insert documents, programmes and facts, linking each fact to its programme."""
    create_schema(db)
    db["municipalities"].insert_all(municipality_rows(), pk="lg_code")
    counts = {name: 0 for name in ("programs", *FACT_TABLES)}
    program_ids: dict[str, int] = {}
    parent_keys: dict[str, str | None] = {}
    fact_rows: dict[str, list[dict]] = {name: [] for name in FACT_TABLES}
    seen: dict[str, set] = {name: set() for name in _DEDUPE_KEYS}
    cache_rows = []
    for item in sorted(processed, key=lambda p: p.capture.url):
        doc_row = dict(item.document)
        doc_row["extractor_version"] = version
        document_id = db["documents"].insert(doc_row).last_pk
        if item.cacheable:
            cache_rows.append({"url": item.capture.url, "sha256": item.sha256, "extractor_version": version,
                               "document_json": json.dumps(item.document, ensure_ascii=False),
                               "facts_json": cache.dump_facts(item.facts),
                               "messages_json": json.dumps(item.messages, ensure_ascii=False)})
        for level, message in item.messages:
            db["build_log"].insert({"level": level, "document_id": document_id, "url": item.capture.url,
                                    "message": message})
        doc_programs: list[Program] = item.facts.get("programs", [])
        # a call's fiscal year is the one its document's title names (令和8年度 公募要領,
        # published in March 2026 for FY2026), else the year its dates fall in
        document_fy = fiscal_year_in(item.document.get("title") or "")
        for prog in doc_programs:
            if prog.key not in program_ids:
                program_ids[prog.key] = db["programs"].insert({
                    "key": prog.key, "name": prog.name, "ministry": prog.ministry,
                    "fiscal_year": prog.fiscal_year, "document_id": document_id, "round": prog.round,
                    "budget_yen": prog.budget_yen, "cap_yen": prog.cap_yen, "subsidy_rate": prog.subsidy_rate,
                }).last_pk
                counts["programs"] += 1
            else:
                _fill_missing(db, program_ids[prog.key], prog)
            parent_keys.setdefault(prog.key, prog.parent_key)
            if parent_keys[prog.key] is None and prog.parent_key:
                parent_keys[prog.key] = prog.parent_key
            db["program_documents"].insert(
                {"program_id": program_ids[prog.key], "document_id": document_id,
                 **_evidence_columns(prog.evidence)}, ignore=True)
        for table in FACT_TABLES:
            for fact in item.facts.get(table, []):
                prog = programs.program_at(doc_programs, fact.evidence.char_start)
                row = _fact_row(table, fact, document_id, program_ids[prog.key] if prog else None, document_fy)
                if table in _DEDUPE_KEYS:
                    key = tuple(row[k] for k in _DEDUPE_KEYS[table])
                    if key in seen[table]:
                        continue
                    seen[table].add(key)
                fact_rows[table].append(row)
    for key, parent in parent_keys.items():
        if parent and parent in program_ids and parent != key:
            db["programs"].update(program_ids[key], {"parent_id": program_ids[parent]})
    for table, rows in fact_rows.items():
        db[table].insert_all(rows)
        counts[table] = len(rows)
    _set_call_periods(db, today)
    db["crawl_log"].insert_all(crawl_log_rows(corpus_dir))
    db[cache.TABLE].insert_all(cache_rows, pk=("url", "sha256", "extractor_version"), replace=True)
    db["build_info"].insert_all([
        {"key": "built_at", "value": dt.datetime.now(JST).isoformat(timespec="seconds")},
        {"key": "status_date", "value": today.isoformat()},
        {"key": "extractor_version", "value": version},
    ], pk="key", replace=True)
    return counts


def _fill_missing(db: sqlite_utils.Database, program_id: int, prog: Program) -> None:
    """A programme seen again in another document fills the fields still unknown."""
    current = db["programs"].get(program_id)
    updates = {k: v for k, v in {
        "ministry": prog.ministry, "fiscal_year": prog.fiscal_year, "round": prog.round,
        "budget_yen": prog.budget_yen, "cap_yen": prog.cap_yen, "subsidy_rate": prog.subsidy_rate,
    }.items() if v is not None and current.get(k) is None}
    if updates:
        db["programs"].update(program_id, updates)


def _set_call_periods(db: sqlite_utils.Database, today: dt.date) -> None:
    """Each programme's latest application period, its status at build time, and its
    fiscal year from that period where no document named one."""
    rows = db.query("""
        select program_id, starts_at, ends_at from deadlines
        where kind = 'application_period' and program_id is not null
        order by coalesce(ends_at, starts_at)""")
    latest: dict[int, tuple] = {}
    for r in rows:
        latest[r["program_id"]] = (r["starts_at"], r["ends_at"])
    for row in list(db.query("select id, fiscal_year from programs")):
        starts_at, ends_at = latest.get(row["id"], (None, None))
        updates = {"application_starts_at": starts_at, "application_ends_at": ends_at,
                   "status": _call_status(starts_at, ends_at, today)}
        if row["fiscal_year"] is None and (ends_at or starts_at):
            updates["fiscal_year"] = _fiscal_year(ends_at or starts_at)
        db["programs"].update(row["id"], updates)


def _fiscal_year(iso: str) -> int:
    """Japanese fiscal year (年度, April to March) of an ISO date: 2025-03-06 is FY2024."""
    year, month = int(iso[:4]), int(iso[5:7]) if len(iso) >= 7 else 4
    return year if month >= 4 else year - 1


# ------------------------------------------------------------------ checks and swap


class BuildError(RuntimeError):
    pass


def check_database(path: Path, expected_documents: int) -> None:
    """Refuse to swap in a database that is not whole."""
    con = sqlite3.connect(path)
    try:
        if con.execute("pragma integrity_check").fetchone()[0] != "ok":
            raise BuildError(f"{path}: integrity check failed")
        n = con.execute("select count(*) from documents").fetchone()[0]
        if n != expected_documents:
            raise BuildError(f"{path}: {n} documents written, {expected_documents} expected")
        for table in ("programs", "deadlines", "contacts", "requirements", "awards"):
            con.execute(f"select count(*) from {table}").fetchone()
    finally:
        con.close()


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def build(corpus_dir: Path | str = DEFAULT_CORPUS, db_path: Path | str = DEFAULT_DB, *,
          progress: Callable[[str], None] | None = None, today: dt.date | None = None,
          use_cache: bool = True) -> BuildReport:
    """Extract everything in the corpus into a fresh database at `db_path` (atomic swap).
    `use_cache=False` decodes and extracts every document again, whatever the old database holds."""
    from pipeline.search import build_search_index
    from pipeline.views import create_views

    corpus_dir, db_path = Path(corpus_dir), Path(db_path)
    today = today or dt.datetime.now(JST).date()
    version = extractor_version()
    captures = latest_captures(corpus_dir)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    old = sqlite_utils.Database(db_path) if db_path.exists() else None
    tmp_path = db_path.with_name(f"{db_path.name}.tmp-{os.getpid()}")
    tmp_path.unlink(missing_ok=True)
    try:
        processed = process_captures((captures[url] for url in sorted(captures)), old, version, progress,
                                     use_cache=use_cache)
        db = sqlite_utils.Database(tmp_path)
        # The file is private until the swap, so per-transaction syncs buy nothing: the
        # whole file is synced once, after it is complete and checked.
        db.execute("pragma journal_mode = memory")
        db.execute("pragma synchronous = off")
        counts = write_database(db, processed, version, today, corpus_dir)
        create_views(db)
        build_search_index(db, previous=old)
        if old is not None:
            old.close()
        db.close()
        check_database(tmp_path, len(processed))
        _fsync(tmp_path)
        os.replace(tmp_path, db_path)
    except BaseException:
        if old is not None:
            old.close()
        tmp_path.unlink(missing_ok=True)
        raise
    report = BuildReport(db_path, documents=len(processed), facts=counts)
    report.reused = sum(p.reused for p in processed)
    report.failed = sum(bool(p.document.get("error")) for p in processed)
    report.extracted = report.documents - report.reused
    report.warnings = [f"{p.capture.url}: {m}" for p in processed for _, m in p.messages]
    return report
