"""Per-document extraction cache, so an unchanged document is not decoded or
extracted again: keyed by (url, sha256 of the captured bytes, extractor version).

The cache lives in a hidden table of the database itself (`_extraction_cache`), so it
travels with the database and a new build reads it from the old one.
"""
from __future__ import annotations

import dataclasses
import json
from typing import Any

from extractors.model import Award, Contact, Deadline, Evidence, Program, Requirement

TABLE = "_extraction_cache"
FACT_TYPES = {"programs": Program, "deadlines": Deadline, "contacts": Contact,
              "requirements": Requirement, "awards": Award}


def dump_facts(facts: dict[str, list]) -> str:
    """Serialise {table: [fact dataclass, …]} to JSON."""
    return json.dumps({name: [dataclasses.asdict(f) for f in items] for name, items in facts.items()},
                      ensure_ascii=False)


def _load_one(cls: type, data: dict[str, Any]):
    data = dict(data)
    data["evidence"] = Evidence(**data["evidence"])
    if cls is Program:
        data["span"] = tuple(data["span"])
    known = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in known})


def load_facts(payload: str) -> dict[str, list]:
    """Inverse of dump_facts."""
    raw = json.loads(payload)
    return {name: [_load_one(FACT_TYPES[name], d) for d in raw.get(name, [])] for name in FACT_TYPES}
