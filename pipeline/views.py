"""SQL views the Datasette site, its canned queries and the notebook read.

Views, not tables: "open now" and "days left" are computed when a page is asked for
(in Japan time), so a database built last month still answers correctly today.
Dates in the database are ISO strings of mixed precision ('2025-03-21',
'2025-02-28T17:00+09:00'); the helpers below turn them into Julian days, taking a
bare date as the whole day in Japan time (a deadline on 3月21日 is open until 23:59).
"""
from __future__ import annotations

import sqlite_utils

NOW_JD = "julianday('now')"
TODAY_JST = "date('now', '+9 hours')"


def start_jd(col: str) -> str:
    """SQL: the first instant of an ISO date/datetime (Japan time), as a Julian day."""
    return (
        f"(case when {col} is null or {col} = '' then null"
        f" when length({col}) = 10 then julianday({col} || 'T00:00:00+09:00')"
        f" when length({col}) = 7 then julianday({col} || '-01T00:00:00+09:00')"
        f" when length({col}) = 4 then julianday({col} || '-01-01T00:00:00+09:00')"
        f" else julianday({col}) end)"
    )


def end_jd(col: str) -> str:
    """SQL: the last instant of an ISO date/datetime (Japan time), as a Julian day."""
    return (
        f"(case when {col} is null or {col} = '' then null"
        f" when length({col}) = 10 then julianday({col} || 'T23:59:59+09:00')"
        f" when length({col}) = 7 then julianday(date({col} || '-01', '+1 month', '-1 day') || 'T23:59:59+09:00')"
        f" when length({col}) = 4 then julianday({col} || '-12-31T23:59:59+09:00')"
        f" else julianday({col}) end)"
    )


def jst(jd: str) -> str:
    """SQL: a Julian day as 'YYYY-MM-DDTHH:MM:SS+09:00'."""
    return f"strftime('%Y-%m-%dT%H:%M:%S+09:00', {jd}, '+9 hours')"


def source_url(doc: str, page: str) -> str:
    """SQL: the original address of a fact's document, with #page=N for PDFs."""
    return (
        f"(case when {doc}.kind = 'pdf' and {page} is not null"
        f" then {doc}.url || '#page=' || {page} else {doc}.url end)"
    )


def _contact_line(c: str) -> str:
    parts = [f"{c}.organization", f"{c}.department", f"{c}.persons", f"{c}.phone", f"{c}.email"]
    joined = " || ' ' || ".join(f"coalesce({p}, '')" for p in parts)
    return f"trim(replace(replace({joined}, '  ', ' '), '  ', ' '))"


VIEWS: dict[str, str] = {
    # Every deadline with its programme, its source and where it stands today.
    "deadline_windows": f"""
select
  d.id as deadline_id,
  d.program_id,
  p.name as program,
  p.ministry,
  coalesce(d.fiscal_year, p.fiscal_year) as fiscal_year,
  d.kind,
  d.label,
  d.starts_at,
  d.ends_at,
  d.precision,
  d.approximate,
  case
    when coalesce({end_jd('d.ends_at')}, {end_jd('d.starts_at')}) < {NOW_JD} then 'closed'
    when {start_jd('d.starts_at')} > {NOW_JD} then 'upcoming'
    when coalesce({end_jd('d.ends_at')}, {start_jd('d.starts_at')}) is not null then 'open'
    else 'unknown'
  end as state_now,
  cast(julianday(date(coalesce({end_jd('d.ends_at')}, {end_jd('d.starts_at')}), '+9 hours'))
       - julianday({TODAY_JST}) as integer) as days_left,
  cast(julianday(date({start_jd('d.starts_at')}, '+9 hours'))
       - julianday({TODAY_JST}) as integer) as days_to_start,
  {start_jd('d.starts_at')} as start_jd,
  coalesce({end_jd('d.ends_at')}, {end_jd('d.starts_at')}) as end_jd,
  d.quote,
  d.page,
  d.document_id,
  doc.title as document_title,
  {source_url('doc', 'd.page')} as source_url
from deadlines d
left join programs p on p.id = d.program_id
left join documents doc on doc.id = d.document_id
""",
    # Who may apply to each programme, from requirements.applicant_types (JSON arrays).
    "program_applicants": """
select program_id, group_concat(applicant_type, '、') as applicants
from (
  select distinct r.program_id, j.value as applicant_type
  from requirements r,
       json_each(case when json_valid(r.applicant_types) then r.applicant_types else '[]' end) j
  where r.program_id is not null and j.type = 'text'
)
group by program_id
""",
    # One line per programme (or per document) listing its contacts.
    "program_contact_lines": f"""
select program_id, document_id, group_concat(line, ' / ') as contact
from (select distinct c.program_id, c.document_id, {_contact_line('c')} as line from contacts c)
where line != ''
group by program_id, document_id
""",
    # Calls for applications open now or not open yet.
    "open_calls": """
select
  case w.state_now when 'open' then '募集中 open' else '公募予定 upcoming' end as status,
  w.program,
  w.ministry,
  w.fiscal_year,
  w.label,
  w.starts_at,
  w.ends_at,
  w.days_left,
  case when w.state_now = 'upcoming' then w.days_to_start end as days_to_open,
  w.approximate,
  a.applicants,
  coalesce(
    (select group_concat(pc.contact, ' / ') from program_contact_lines pc
      where pc.program_id = w.program_id),
    (select group_concat(pc.contact, ' / ') from program_contact_lines pc
      where pc.document_id = w.document_id)
  ) as contact,
  w.source_url,
  w.quote,
  w.deadline_id,
  w.program_id
from deadline_windows w
left join program_applicants a on a.program_id = w.program_id
where w.kind = 'application_period' and w.state_now in ('open', 'upcoming')
""",
    # Every dated event (all kinds) that has not ended yet.
    "upcoming_deadlines": """
select
  w.days_left,
  w.kind,
  w.label,
  w.program,
  w.ministry,
  w.starts_at,
  w.ends_at,
  w.state_now,
  w.approximate,
  w.source_url,
  w.quote,
  w.deadline_id,
  w.program_id
from deadline_windows w
where w.state_now in ('open', 'upcoming')
""",
    # Contacts with their programme and how many programmes the same address serves.
    "contacts_directory": f"""
select
  c.id as contact_id,
  c.role,
  c.organization,
  c.department,
  c.persons,
  c.phone,
  c.email,
  c.address,
  p.name as program,
  p.ministry,
  case when c.email is null and c.phone is null then (c.program_id is not null)
    else (select count(distinct c2.program_id) from contacts c2
          where (c.email is not null and c2.email = c.email)
             or (c.email is null and c2.phone = c.phone)) end as programs_served,
  c.quote,
  {source_url('doc', 'c.page')} as source_url,
  c.document_id,
  c.program_id
from contacts c
left join programs p on p.id = c.program_id
left join documents doc on doc.id = c.document_id
""",
    # Awarded bodies with the place they are in (coordinates when the gazetteer has them).
    "awards_by_place": f"""
select
  a.prefecture,
  a.body_name,
  a.lg_code,
  a.fiscal_year,
  a.category,
  a.group_label,
  a.partner,
  p.name as program,
  p.ministry,
  coalesce(m.latitude, mn.latitude) as latitude,
  coalesce(m.longitude, mn.longitude) as longitude,
  a.quote,
  {source_url('doc', 'a.page')} as source_url,
  a.id as award_id,
  a.program_id,
  a.document_id
from awards a
left join programs p on p.id = a.program_id
left join documents doc on doc.id = a.document_id
left join municipalities m on m.lg_code = a.lg_code
left join municipalities mn on a.lg_code is null and mn.prefecture = a.prefecture
  and mn.name = a.body_name
""",
    # The programme hierarchy, parents first, with what each programme holds.
    "program_tree": """
with recursive tree(id, depth, path, sort_key) as (
  select id, 0, name, printf('%08d', id) from programs
  where parent_id is null or parent_id not in (select id from programs)
  union all
  select p.id, t.depth + 1, t.path || ' › ' || p.name, t.sort_key || '/' || printf('%08d', p.id)
  from programs p join tree t on p.parent_id = t.id
  where t.depth < 10
)
select
  t.path,
  t.depth,
  substr('　　　　　　　　　　', 1, t.depth) || p.name as program,
  p.ministry,
  p.fiscal_year,
  p.round,
  p.status as status_at_build,
  (select case
     when sum(w.state_now = 'open') > 0 then 'open'
     when sum(w.state_now = 'upcoming') > 0 then 'upcoming'
     when count(*) > 0 then 'closed' else 'unknown' end
   from deadline_windows w where w.program_id = p.id and w.kind = 'application_period') as status_now,
  (select count(*) from deadlines d where d.program_id = p.id) as deadlines,
  (select count(*) from requirements r where r.program_id = p.id) as requirements,
  (select count(*) from contacts c where c.program_id = p.id) as contacts,
  (select count(*) from awards a where a.program_id = p.id) as awards,
  doc.url as source_url,
  p.id as program_id,
  p.parent_id
from tree t
join programs p on p.id = t.id
left join documents doc on doc.id = p.document_id
order by t.sort_key
""",
    # datasette-ics: one event per dated deadline, in Japan time with its TZID. A deadline
    # is an event at its closing moment (the whole day when only the date is known);
    # a briefing or support period runs from its start to its end.
    "calendar_events": f"""
with e as (
  select w.*,
    w.kind in ('application_period', 'briefing_registration', 'report') as is_deadline,
    coalesce(w.ends_at, w.starts_at) as moment
  from deadline_windows w
  where w.end_jd is not null
)
select
  case when e.is_deadline then '締切 ' else '' end
    || coalesce(e.program, e.document_title, '')
    || case when e.label is not null and e.label != '' then ' — ' || e.label else '' end
    || case when e.approximate then '（頃）' else '' end as event_name,
  {jst("case when e.is_deadline and length(e.moment) <= 10 then " + start_jd("e.moment")
       + " when e.is_deadline then e.end_jd else coalesce(min(e.start_jd, e.end_jd), e.end_jd) end")}
    as event_dtstart,
  {jst("e.end_jd")} as event_dtend,
  'Asia/Tokyo' as event_tzid,
  coalesce(e.quote, '') || char(10) || '出典 source: ' || coalesce(e.source_url, '') as event_description,
  'koubo-deadline-' || coalesce(e.document_id, '') || '-' || e.deadline_id || '@koubo' as event_uid,
  e.kind,
  e.state_now,
  e.source_url,
  e.deadline_id
from e
""",
    # datasette-atom: open and upcoming calls, newest source first; never empty. When nothing
    # is open, one stable entry says so (dated by the latest capture, so a reader does not
    # see it as new on every fetch) and links to every call (feedgen refuses a null link).
    "calls_feed": """
select
  'koubo:call:' || o.deadline_id as atom_id,
  o.status || ' ' || coalesce(o.program, '') || coalesce(' ' || o.label, '')
    || coalesce(' 〆' || o.ends_at, '') as atom_title,
  coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', doc.fetched_at), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    as atom_updated,
  coalesce(o.quote, '') || char(10) || '対象 applicants: ' || coalesce(o.applicants, '-')
    || char(10) || '問合せ contact: ' || coalesce(o.contact, '-') as atom_content,
  o.source_url as atom_link,
  o.ministry as atom_author_name
from open_calls o
left join deadlines d on d.id = o.deadline_id
left join documents doc on doc.id = d.document_id
union all
select 'koubo:no-open-calls', '現在募集中の公募はありません (no open calls)',
  coalesce((select strftime('%Y-%m-%dT%H:%M:%SZ', max(fetched_at)) from documents),
           strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  '現在募集中・公募予定の公募はありません。終了分を含むすべての公募は all_calls にあります。'
    || char(10) || 'No call is open or announced right now; every call, closed ones included, is listed at all_calls.',
  '/koubo/all_calls', 'koubo'
where not exists (select 1 from open_calls)
""",
}


def create_views(db: sqlite_utils.Database) -> None:
    """(Re)create every view in VIEWS, dependencies first (dict order)."""
    for name in reversed(list(VIEWS)):
        db.execute(f"drop view if exists [{name}]")
    for name, sql in VIEWS.items():
        db.execute(f"create view [{name}] as {sql.strip()}")
