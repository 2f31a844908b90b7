"""Datasette plugin: the front page says where the calls stand now.

An officer opening the site first wants to know whether anything is open. The
`koubo_now` template variable (shown by db/templates/index.html) holds the calls open
now and opening soon, worked out by the views at the moment of the request (Japan
time); when there are none, the latest call that closed and the dates still ahead, so
the page points to every call and to what comes next instead of an empty table.
"""
from __future__ import annotations

from datasette import hookimpl

AHEAD_DAYS = 365  # "dates still ahead" on the front page: within this many days


async def _rows(db, sql: str) -> list[dict]:
    return [dict(r) for r in (await db.execute(sql)).rows]


async def koubo_now(datasette) -> dict | None:
    """Where the calls stand, from the first database that has the koubo views."""
    for name, db in datasette.databases.items():
        if "open_calls" not in await db.view_names():
            continue
        calls = await _rows(db, """
            select status, program, label, ends_at, days_left, days_to_open, deadline_id
            from open_calls
            order by status = '募集中 open' desc, days_left, days_to_open limit 5""")
        counts = (await _rows(db, """
            select sum(status like '募集中%') as open, sum(status like '公募予定%') as upcoming
            from open_calls"""))[0]
        latest = await _rows(db, """
            select program, label, ends_at, days_left, deadline_id from deadline_windows
            where kind = 'application_period' and state_now = 'closed'
            order by end_jd desc limit 1""")
        all_calls = (await _rows(db, """
            select count(*) as n from deadline_windows where kind = 'application_period'"""))[0]["n"]
        ahead = await _rows(db, f"""
            select kind, program, label, starts_at, ends_at, days_left, deadline_id
            from upcoming_deadlines where days_left <= {AHEAD_DAYS}
            order by days_left, ends_at limit 3""")
        ahead_count = (await _rows(db, f"""
            select count(*) as n from upcoming_deadlines where days_left <= {AHEAD_DAYS}"""))[0]["n"]
        return {
            "database": name, "calls": calls, "open": counts["open"] or 0,
            "upcoming": counts["upcoming"] or 0, "latest_closed": latest[0] if latest else None,
            "all_calls": all_calls, "ahead": ahead, "ahead_count": ahead_count, "ahead_days": AHEAD_DAYS,
        }
    return None


@hookimpl
def extra_template_vars(template, datasette):
    if template != "index.html":
        return {}

    async def inner():
        return {"koubo_now": await koubo_now(datasette)}

    return inner
