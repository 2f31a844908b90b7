"""The corpus: append-only WARC files. The only module that knows WARC.

Layout: `<corpus>/warc/koubo-<crawl id>-<session>.warc.gz` for crawls (one new file per
crawl session, so a resumed crawl never appends after a member a kill may have cut),
`<corpus>/warc/import-<time>.warc.gz` for imports. Readers take every *.warc.gz / *.warc
under the corpus directory, so WARC files dropped anywhere in it count too.

Records (WARC/1.1, each its own gzip member, written with warcio's WARCWriter):
- `response` + `request` (WARC-Concurrent-To) for every HTTP response, redirects and
  errors included; the body is stored as sent, except that chunked transfer coding is
  already undone by the HTTP client, so `Transfer-Encoding` is kept under the name
  `X-Archive-Orig-Transfer-Encoding` (pywb's convention) to keep the record readable.
- `revisit` (profile server-not-modified, WARC-Refers-To the capture whose validators
  were sent) + `request` for a 304 answer to a conditional request: no body is stored.
- a body cut at the size cap carries `WARC-Truncated: length`.
koubo's own WARC fields: `WARC-Koubo-Crawl-Id` (the crawl run), `WARC-Koubo-Reconstructed:
true` (captured from a local mirror rebuilt from published text, not from the live
site) and `WARC-Koubo-Note` (free text, e.g. the mirror it came from).

Reading tolerates a file cut short by a kill: a trailing record whose bytes are missing is
skipped with a `CorruptWarcWarning`, and the complete records before it are used.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import secrets
import uuid
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader, ChunkedDataReader, DecompressingBufferedReader
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.settings import USER_AGENT

H_CRAWL_ID = "WARC-Koubo-Crawl-Id"
H_RECONSTRUCTED = "WARC-Koubo-Reconstructed"
H_NOTE = "WARC-Koubo-Note"
REVISIT_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
CAPTURE_TYPES = ("response", "resource")

HeaderPairs = Mapping[str, str] | Sequence[tuple[str, str]]


class CorruptWarcWarning(UserWarning):
    """A WARC file holds bytes that are not a complete record (e.g. cut by a kill)."""


class Headers(dict):
    """A dict of HTTP headers (original spelling kept) whose lookups ignore case."""

    def _key(self, name: str) -> str | None:
        if dict.__contains__(self, name):
            return name
        lower = name.lower()
        return next((k for k in self if k.lower() == lower), None)

    def __getitem__(self, name: str) -> str:
        key = self._key(name)
        if key is None:
            raise KeyError(name)
        return dict.__getitem__(self, key)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._key(name) is not None

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        key = self._key(name)
        return default if key is None else dict.__getitem__(self, key)


@dataclass
class Capture:
    """One stored HTTP response (or resource / revisit record) as the rest of koubo sees it."""

    url: str
    fetched_at: str  # WARC-Date, ISO 8601 UTC, e.g. 2025-06-09T01:02:03.456789Z
    status: int
    headers: Headers
    body: bytes  # the entity body, content coding undone; b"" for a revisit
    content_type: str  # the HTTP Content-Type as sent ("" if none)
    record_id: str
    warc_file: str
    reconstructed: bool = False
    record_type: str = "response"
    crawl_id: str | None = None
    truncated: str | None = None  # WARC-Truncated reason ("length", "time", ...)
    refers_to: str | None = None  # revisit: the record id it refers to
    note: str | None = None
    payload_digest: str | None = None
    _order: tuple = field(default=(), repr=False, compare=False)

    def header(self, name: str, default: str | None = None) -> str | None:
        """An HTTP response header, case-insensitively."""
        return self.headers.get(name, default)

    @property
    def media_type(self) -> str:
        """`text/html; charset=Shift_JIS` → `text/html`."""
        return self.content_type.split(";", 1)[0].strip().lower()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def iter_warc_files(corpus_dir: str | Path) -> list[Path]:
    """Every *.warc.gz / *.warc under `corpus_dir`, recursively, sorted by path."""
    root = Path(corpus_dir)
    if not root.exists():
        return []
    found = [p for p in root.rglob("*") if p.is_file() and p.name.endswith((".warc.gz", ".warc"))]
    return sorted(found)


def _utc_now_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _parse_date(value: str | None) -> datetime:
    try:
        return datetime.fromisoformat((value or "").replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)


def _sha1_digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def _decode_payload(raw: bytes, http_headers: StatusAndHeaders | None) -> bytes:
    """Undo chunking and content coding as warcio's content_stream() does, on bytes."""
    if not http_headers:
        return raw
    encoding = (http_headers.get_header("content-encoding") or "").strip().lower() or None
    if encoding not in BufferedReader.get_supported_decompressors():
        encoding = None
    if (http_headers.get_header("transfer-encoding") or "").lower() == "chunked":
        return ChunkedDataReader(io.BytesIO(raw), decomp_type=encoding).read()
    if encoding:
        return DecompressingBufferedReader(io.BytesIO(raw), decomp_type=encoding).read()
    return raw


@dataclass
class _RawRecord:
    """A complete WARC record read from a file: parsed headers plus raw payload bytes."""

    rec_type: str
    rec_headers: StatusAndHeaders
    http_headers: StatusAndHeaders | None
    raw_payload: bytes
    path: Path
    index: int


def _iter_raw_records(path: Path) -> Iterator[_RawRecord]:
    """Complete records of one file; stops with a warning at a cut or corrupt tail."""
    size = path.stat().st_size
    end = 0
    index = 0
    with open(path, "rb") as fh:
        iterator = ArchiveIterator(fh, arc2warc=True)
        try:
            for record in iterator:
                if not record.rec_type or not hasattr(record.raw_stream, "limit"):
                    break  # headers cut off: no record here; reported below as trailing bytes
                raw = record.raw_stream.read()
                missing = record.raw_stream.limit
                if missing:
                    warnings.warn(
                        f"{path}: record at byte {iterator.get_record_offset()} is cut short "
                        f"({missing} bytes missing); ignored",
                        CorruptWarcWarning,
                        stacklevel=2,
                    )
                    return
                iterator.read_to_end(record)
                end = iterator.get_record_offset() + iterator.get_record_length()
                yield _RawRecord(record.rec_type, record.rec_headers, record.http_headers, raw, path, index)
                index += 1
        except Exception as exc:  # warcio raises assorted errors on a damaged tail
            warnings.warn(
                f"{path}: unreadable data after byte {end} ({type(exc).__name__}: {exc}); ignored",
                CorruptWarcWarning,
                stacklevel=2,
            )
            return
    if end < size:
        warnings.warn(
            f"{path}: {size - end} trailing bytes after the last complete record "
            "(a record cut by an interrupted write?); ignored",
            CorruptWarcWarning,
            stacklevel=2,
        )


def _capture_from(raw: _RawRecord) -> Capture:
    rh = raw.rec_headers
    http = raw.http_headers
    if http is not None and raw.rec_type in ("response", "revisit"):
        try:
            status = int(http.get_statuscode() or 0)
        except ValueError:
            status = 0
        headers = Headers()
        for name, value in http.headers:
            headers[name] = f"{dict.__getitem__(headers, name)}, {value}" if dict.__contains__(headers, name) else value
        content_type = headers.get("Content-Type") or ""
    else:  # resource record: the block is the document itself
        status = 200
        content_type = rh.get_header("Content-Type") or ""
        headers = Headers({"Content-Type": content_type}) if content_type else Headers()
    truncated = rh.get_header("WARC-Truncated")
    try:
        body = _decode_payload(raw.raw_payload, http)
    except Exception as exc:
        if not truncated:
            warnings.warn(
                f"{raw.path}: cannot undo the coding of {rh.get_header('WARC-Target-URI')} ({exc}); raw bytes kept",
                CorruptWarcWarning,
                stacklevel=2,
            )
        body = raw.raw_payload
    date = rh.get_header("WARC-Date") or ""
    return Capture(
        url=rh.get_header("WARC-Target-URI") or "",
        fetched_at=date,
        status=status,
        headers=headers,
        body=body,
        content_type=content_type,
        record_id=rh.get_header("WARC-Record-ID") or "",
        warc_file=str(raw.path),
        reconstructed=(rh.get_header(H_RECONSTRUCTED) or "").lower() == "true",
        record_type=raw.rec_type,
        crawl_id=rh.get_header(H_CRAWL_ID),
        truncated=truncated,
        refers_to=rh.get_header("WARC-Refers-To"),
        note=rh.get_header(H_NOTE),
        payload_digest=rh.get_header("WARC-Payload-Digest"),
        _order=(_parse_date(date), str(raw.path), raw.index),
    )


def iter_captures(paths: Iterable[str | Path], *, include_revisits: bool = False) -> Iterator[Capture]:
    """Response and resource records (plus revisit records if asked) of the given files,
    in file order. Damaged tails are skipped with a CorruptWarcWarning."""
    wanted = CAPTURE_TYPES + (("revisit",) if include_revisits else ())
    for path in paths:
        for raw in _iter_raw_records(Path(path)):
            if raw.rec_type in wanted:
                yield _capture_from(raw)


def latest_captures(corpus_dir: str | Path) -> dict[str, Capture]:
    """The latest complete 2xx capture of each address. Revisits (304), errors and
    bodies cut at the size cap never replace an earlier good body."""
    latest: dict[str, Capture] = {}
    for capture in iter_captures(iter_warc_files(corpus_dir)):
        if not 200 <= capture.status < 300 or capture.truncated:
            continue
        current = latest.get(capture.url)
        if current is None or capture._order >= current._order:
            latest[capture.url] = capture
    return latest


def captures_of_crawl(corpus_dir: str | Path, crawl_id: str) -> dict[str, Capture]:
    """Every address a crawl run recorded (any status, revisits included): what a
    resumed crawl must not fetch again."""
    done: dict[str, Capture] = {}
    for capture in iter_captures(iter_warc_files(corpus_dir), include_revisits=True):
        if capture.crawl_id == crawl_id:
            done[capture.url] = capture
    return done


def _pairs(headers: HeaderPairs | None) -> list[tuple[str, str]]:
    if headers is None:
        return []
    items = headers.items() if isinstance(headers, Mapping) else headers
    return [(str(k), str(v)) for k, v in items]


class CorpusWriter:
    """Appends one crawl session's records to a new WARC file in the corpus.

    The file is created on the first write (a crawl that fetches nothing leaves the
    corpus untouched) and each record pair is flushed and fsynced at once, so a kill
    loses at most the exchange being written.
    """

    def __init__(self, corpus_dir: str | Path, crawl_id: str, *, subdir: str = "warc",
                 software: str = USER_AGENT, prefix: str = "koubo") -> None:
        self.corpus_dir = Path(corpus_dir)
        self.crawl_id = crawl_id
        self.path = self.corpus_dir / subdir / f"{prefix}-{crawl_id}-{_utc_now_stamp()}.warc.gz"
        self.software = software
        self._fh: io.BufferedWriter | None = None
        self._writer: WARCWriter | None = None
        self.records_written = 0

    def __enter__(self) -> CorpusWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            self._writer = None

    def _open(self) -> WARCWriter:
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, "ab")  # noqa: SIM115 - lives until close(), across writes
            self._writer = WARCWriter(self._fh, gzip=True, warc_version="1.1")
            info = self._writer.create_warcinfo_record(
                self.path.name,
                {"software": self.software, "format": "WARC File Format 1.1",
                 "koubo-crawl-id": self.crawl_id},
            )
            self._write([info])
        return self._writer

    def _write(self, records: list) -> None:
        assert self._writer is not None and self._fh is not None
        for record in records:
            self._writer.write_record(record)
            self.records_written += 1
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def _koubo_headers(self, reconstructed: bool, note: str | None) -> dict[str, str]:
        headers = {H_CRAWL_ID: self.crawl_id}
        if reconstructed:
            headers[H_RECONSTRUCTED] = "true"
        if note:
            headers[H_NOTE] = " ".join(note.split())
        return headers

    @staticmethod
    def _request_headers(url: str, request_headers: HeaderPairs | None, method: str,
                         http_version: str) -> StatusAndHeaders:
        parts = urlsplit(url)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        pairs = [(k, v) for k, v in _pairs(request_headers) if k.lower() != "host"]
        return StatusAndHeaders(f"{method} {target} {http_version}", [("Host", parts.netloc)] + pairs,
                                is_http_request=True)

    @staticmethod
    def _response_headers(status: int, reason: str, response_headers: HeaderPairs | None,
                          http_version: str) -> StatusAndHeaders:
        pairs = []
        for name, value in _pairs(response_headers):
            if name.lower() == "transfer-encoding":
                name = "X-Archive-Orig-Transfer-Encoding"
            pairs.append((name, value))
        return StatusAndHeaders(f"{status} {reason}".strip(), pairs, protocol=http_version)

    def _request_record(self, url: str, request_headers: HeaderPairs | None, method: str,
                        http_version: str, concurrent_to: str, extra: dict[str, str]):
        return self._writer.create_warc_record(  # type: ignore[union-attr]
            url, "request", payload=io.BytesIO(b""),
            http_headers=self._request_headers(url, request_headers, method, http_version),
            warc_headers_dict={"WARC-Concurrent-To": concurrent_to, **extra},
        )

    def write_exchange(self, url: str, request_headers: HeaderPairs | None, status: int, reason: str,
                       response_headers: HeaderPairs | None, body: bytes, *, reconstructed: bool = False,
                       note: str | None = None, truncated: str | None = None, method: str = "GET",
                       http_version: str = "HTTP/1.1") -> str:
        """Record one HTTP exchange (response + request record); returns the response's
        WARC-Record-ID. `truncated` (e.g. "length") marks a body cut by the crawler."""
        writer = self._open()
        extra = self._koubo_headers(reconstructed, note)
        warc_headers = dict(extra)
        if truncated:
            warc_headers["WARC-Truncated"] = truncated
        return self._write_pair(writer, url, "response", body, status, reason, response_headers, warc_headers,
                                request_headers, method, http_version, extra)

    def write_not_modified(self, url: str, request_headers: HeaderPairs | None, status: int, reason: str,
                           response_headers: HeaderPairs | None, refers_to: Capture, *,
                           reconstructed: bool = False, note: str | None = None, method: str = "GET",
                           http_version: str = "HTTP/1.1") -> str:
        """Record a 304 answer as a revisit record pointing at the capture whose
        validators were sent (no body is stored); returns its WARC-Record-ID."""
        writer = self._open()
        extra = self._koubo_headers(reconstructed, note)
        warc_headers = {
            "WARC-Profile": REVISIT_NOT_MODIFIED,
            "WARC-Refers-To": refers_to.record_id,
            "WARC-Refers-To-Target-URI": refers_to.url,
            "WARC-Refers-To-Date": refers_to.fetched_at,
            **extra,
        }
        return self._write_pair(writer, url, "revisit", b"", status, reason, response_headers, warc_headers,
                                request_headers, method, http_version, extra)

    def _write_pair(self, writer, url: str, record_type: str, body: bytes, status: int, reason: str,
                    response_headers: HeaderPairs | None, warc_headers: dict, request_headers: HeaderPairs | None,
                    method: str, http_version: str, extra: dict) -> str:
        """Write a response (or revisit) record and the request that led to it, as one
        flushed unit; returns the response's WARC-Record-ID."""
        record = writer.create_warc_record(
            url, record_type, payload=io.BytesIO(body),
            http_headers=self._response_headers(status, reason, response_headers, http_version),
            warc_headers_dict=warc_headers,
        )
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        request = self._request_record(url, request_headers, method, http_version, record_id, extra)
        self._write([record, request])
        return record_id


def _payload_key(raw: _RawRecord) -> tuple[str, str] | None:
    if raw.rec_type not in CAPTURE_TYPES:
        return None
    digest = raw.rec_headers.get_header("WARC-Payload-Digest") or _sha1_digest(raw.raw_payload)
    return (raw.rec_headers.get_header("WARC-Target-URI") or "", digest)


def import_warc(src_paths: Iterable[str | Path], corpus_dir: str | Path, *, subdir: str = "warc") -> int:
    """Copy the records of other WARC files into the corpus as one new file.

    A record is skipped if its WARC-Record-ID is already in the corpus, or (response /
    resource) if the same address with the same payload digest is; request records go
    with their response. Headers and payload bytes are copied unchanged. Returns the
    number of captures added (response, resource and revisit records).
    """
    corpus_dir = Path(corpus_dir)
    seen_ids: set[str] = set()
    seen_payloads: set[tuple[str, str]] = set()
    for path in iter_warc_files(corpus_dir):
        for raw in _iter_raw_records(path):
            seen_ids.add(raw.rec_headers.get_header("WARC-Record-ID") or "")
            key = _payload_key(raw)
            if key:
                seen_payloads.add(key)

    to_copy: list[_RawRecord] = []
    skipped_ids: set[str] = set()
    for src in src_paths:
        for raw in _iter_raw_records(Path(src)):
            record_id = raw.rec_headers.get_header("WARC-Record-ID") or f"<urn:uuid:{uuid.uuid4()}>"
            key = _payload_key(raw)
            concurrent = raw.rec_headers.get_header("WARC-Concurrent-To")
            if record_id in seen_ids or (key and key in seen_payloads) or concurrent in skipped_ids:
                skipped_ids.add(record_id)
                continue
            seen_ids.add(record_id)
            if key:
                seen_payloads.add(key)
            to_copy.append(raw)
    if not to_copy:
        return 0

    target = corpus_dir / subdir / f"import-{_utc_now_stamp()}-{secrets.token_hex(2)}.warc.gz"
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "ab") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="1.1")
        for raw in to_copy:
            rec_headers = StatusAndHeaders(raw.rec_headers.statusline, list(raw.rec_headers.headers),
                                           protocol=raw.rec_headers.protocol)
            rec_headers.remove_header("Content-Length")
            record = writer.create_warc_record(
                rec_headers.get_header("WARC-Target-URI") or "", raw.rec_type,
                payload=io.BytesIO(raw.raw_payload), http_headers=raw.http_headers,
                warc_headers=rec_headers,
            )
            writer.write_record(record)
        fh.flush()
        os.fsync(fh.fileno())
    return sum(1 for raw in to_copy if raw.rec_type in CAPTURE_TYPES + ("revisit",))
