"""Datasette plugin: foreign keys shown by name on row pages too.

Datasette 0.65 labels foreign keys (label_column in metadata.yml) on table pages but
shows bare ids on a row page. This renders such a cell as the linked label followed by
the id, the way table pages do, so a deadline's page names its programme and document.
"""
from __future__ import annotations

from datasette import hookimpl
from markupsafe import Markup

_fks: dict[tuple[str, str], dict[str, str]] = {}  # (database, table) -> column -> other table
_labels: dict[tuple[str, str, object], str | None] = {}  # immutable DB: caching is safe


async def _foreign_keys(db, database: str, table: str) -> dict[str, str]:
    if (database, table) not in _fks:
        fks = await db.foreign_keys_for_table(table)
        _fks[(database, table)] = {fk["column"]: fk["other_table"] for fk in fks
                                   if fk["other_column"] in ("id", "lg_code")}
    return _fks[(database, table)]


async def _label(db, database: str, other: str, value) -> str | None:
    key = (database, other, value)
    if key not in _labels:
        label_column = await db.label_column_for_table(other)
        pks = await db.primary_keys(other)
        _labels[key] = None
        if label_column and len(pks) == 1:
            result = await db.execute(
                f"select [{label_column}] from [{other}] where [{pks[0]}] = ?", [value]
            )
            row = result.first()
            _labels[key] = row[0] if row and row[0] is not None else None
    return _labels[key]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if table is None or value is None or isinstance(value, dict) or not isinstance(value, int | str):
        return None

    async def inner():
        db = datasette.get_database(database)
        other = (await _foreign_keys(db, database, table)).get(column)
        if not other:
            return None
        label = await _label(db, database, other, value)
        if not label:
            return None
        href = datasette.urls.row(database, other, str(value))
        return Markup('<a href="{}">{}</a>&nbsp;<em>{}</em>').format(href, label, value)

    return inner
