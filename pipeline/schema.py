"""The database schema: one declaration of every table, its columns and keys.

The contract columns of ../shared/ARCHITECTURE.md are here first in each table; the
rest are koubo's additions. `create_schema` makes empty tables so a database built
from an empty corpus still has every table the site and the checks read.
"""
from __future__ import annotations

import sqlite_utils

EVIDENCE = {"quote": str, "page": int, "char_start": int, "char_end": int}

TABLES: dict[str, dict] = {
    "documents": {
        "columns": {
            "id": int, "url": str, "title": str, "publisher": str, "kind": str, "fetched_at": str,
            "sha256": str, "text": str,
            "content_type": str, "status": int, "bytes": int, "reconstructed": int,
            "warc_record_id": str, "extractor_version": str, "error": str,
        },
        "pk": "id",
    },
    "programs": {
        "columns": {
            "id": int, "name": str, "parent_id": int, "ministry": str, "fiscal_year": int, "document_id": int,
            "key": str, "round": str, "budget_yen": int, "cap_yen": int, "subsidy_rate": str,
            "application_starts_at": str, "application_ends_at": str, "status": str,
        },
        "pk": "id",
        "foreign_keys": [("parent_id", "programs", "id"), ("document_id", "documents", "id")],
    },
    "program_documents": {
        "columns": {"program_id": int, "document_id": int, **EVIDENCE},
        "pk": ("program_id", "document_id"),
        "foreign_keys": [("program_id", "programs", "id"), ("document_id", "documents", "id")],
    },
    "deadlines": {
        "columns": {
            "id": int, "document_id": int, "program_id": int, "kind": str, "label": str,
            "starts_at": str, "ends_at": str, "precision": str, "approximate": int, **EVIDENCE,
            "weekday_mismatch": int, "event_tzid": str, "fiscal_year": int,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id"), ("program_id", "programs", "id")],
    },
    "contacts": {
        "columns": {
            "id": int, "document_id": int, "program_id": int, "role": str, "organization": str,
            "department": str, "persons": str, "phone": str, "email": str, "address": str, **EVIDENCE,
            "phone_label": str,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id"), ("program_id", "programs", "id")],
    },
    "requirements": {
        "columns": {
            "id": int, "document_id": int, "program_id": int, "kind": str, "text": str, **EVIDENCE,
            "ordinal": int, "group_label": str, "applicant_types": str,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id"), ("program_id", "programs", "id")],
    },
    "awards": {
        "columns": {
            "id": int, "document_id": int, "program_id": int, "fiscal_year": int, "category": str,
            "prefecture": str, "body_name": str, "lg_code": str, **EVIDENCE,
            "group_label": str, "partner": str,
        },
        "pk": "id",
        "foreign_keys": [
            ("document_id", "documents", "id"), ("program_id", "programs", "id"),
            ("lg_code", "municipalities", "lg_code"),
        ],
    },
    "municipalities": {
        "columns": {
            "lg_code": str, "prefecture": str, "name": str, "kana": str, "kind": str,
            "latitude": float, "longitude": float,
        },
        "pk": "lg_code",
    },
    "crawl_log": {
        "columns": {
            "id": int, "crawl_id": str, "source": str, "url": str, "status": int, "error": str,
            "fetched_at": str, "bytes": int, "elapsed_ms": int, "note": str,
        },
        "pk": "id",
    },
    "build_log": {
        "columns": {"id": int, "level": str, "document_id": int, "url": str, "message": str},
        "pk": "id",
    },
}

# Create order respects foreign keys.
ORDER = [
    "documents", "municipalities", "programs", "program_documents", "deadlines", "contacts",
    "requirements", "awards", "crawl_log", "build_log",
]


def create_schema(db: sqlite_utils.Database) -> None:
    """Create every table (empty) with its keys."""
    for name in ORDER:
        spec = TABLES[name]
        db[name].create(
            spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"), if_not_exists=True
        )
