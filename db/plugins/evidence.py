"""Datasette plugin: every fact's quote shown with a link to where it came from.

In the fact tables (deadlines, contacts, requirements, awards, program_documents) the
`quote` cell is rendered as escaped text followed by a link to the source document's
original address, with `#page=N` for PDFs; on canned-query pages it is the escaped quote
alone (a long one is cut to a few lines by db/static/koubo.css, whole on hover and on the
fact's row page). The quote is always escaped: pages may
contain '<' and '>' (＜支援対象＞ after normalisation) and must never become HTML.
"""
from __future__ import annotations

from datasette import hookimpl
from markupsafe import Markup

FACT_TABLES = {"deadlines", "contacts", "requirements", "awards", "program_documents"}
_documents: dict[tuple[str, int], tuple[str, str] | None] = {}  # immutable DB: cache is safe


async def _document(datasette, database: str, document_id: int) -> tuple[str, str] | None:
    key = (database, document_id)
    if key not in _documents:
        result = await datasette.get_database(database).execute(
            "select url, kind from documents where id = ?", [document_id]
        )
        row = result.first()
        _documents[key] = (row["url"], row["kind"]) if row else None
    return _documents[key]


def source_href(url: str, kind: str | None, page: int | None) -> str:
    """The original address, pointing at the page when the document is a PDF."""
    if kind == "pdf" and page:
        return f"{url}#page={int(page)}"
    return url


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if column != "quote" or value is None:
        return None
    if table is None:  # a canned query: its source_url column carries the link (display.py)
        return Markup('<span class="koubo-quote" title="{}">{}</span>').format(str(value), str(value))
    if table not in FACT_TABLES:
        return None
    keys = row.keys() if hasattr(row, "keys") else []
    if "document_id" not in keys:
        return None

    async def inner():
        document_id = row["document_id"]
        if isinstance(document_id, dict):  # foreign keys come expanded as {value, label}
            document_id = document_id.get("value")
        doc = await _document(datasette, database, document_id) if document_id is not None else None
        text = Markup('<span class="koubo-quote">{}</span>').format(str(value))
        if not doc or not str(doc[0]).startswith(("https://", "http://")):
            return text
        page = row["page"] if "page" in keys else None
        page = page.get("value") if isinstance(page, dict) else page
        href = source_href(doc[0], doc[1], page)
        label = "出典 source" + (f" p.{int(page)}" if doc[1] == "pdf" and page else "")
        return text + Markup(' <a class="koubo-source" href="{}" rel="noopener">{} ↗</a>').format(
            href, label
        )

    return inner
