"""`koubo serve`: Datasette on the built database with the project's metadata and plugins.

The database is opened immutable (`-i`): read-only, and Datasette may cache counts.
SQL has a time limit, so a heavy query from a visitor cannot hold the server.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB_DIR = ROOT / "db"

# Datasette settings (name -> value), one place for every knob of the site.
SETTINGS: dict[str, str] = {
    "sql_time_limit_ms": "3000",
    "facet_time_limit_ms": "400",
    "default_facet_size": "20",
    "max_returned_rows": "2000",
    "truncate_cells_html": "400",
    "default_page_size": "50",
    "allow_download": "on",
}


def datasette_executable() -> str:
    """The `datasette` next to this Python (the venv's), else the one on PATH."""
    here = Path(sys.executable).parent / "datasette"
    return str(here) if here.exists() else "datasette"


def datasette_args(db_path: str | os.PathLike, port: int, host: str = "127.0.0.1") -> list[str]:
    """The full command line that serves `db_path` as the koubo site."""
    args = [
        datasette_executable(), "serve", "-i", str(db_path),
        "--host", host, "--port", str(port),
        "--metadata", str(DB_DIR / "metadata.yml"),
        "--plugins-dir", str(DB_DIR / "plugins"),
    ]
    if (DB_DIR / "static").is_dir():
        args += ["--static", f"assets:{DB_DIR / 'static'}"]
    templates = DB_DIR / "templates"
    if templates.is_dir() and any(templates.glob("*.html")):
        args += ["--template-dir", str(templates)]
    for name, value in SETTINGS.items():
        args += ["--setting", name, value]
    return args


def serve(db_path: str | os.PathLike = DB_DIR / "koubo.db", port: int = 8001, open_browser: bool = False) -> int:
    """Run Datasette in the foreground until it stops; returns its exit code."""
    if not Path(db_path).exists():
        raise FileNotFoundError(f"{db_path} does not exist: run `koubo build` first")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    args = datasette_args(db_path, port) + (["--open"] if open_browser else [])
    return subprocess.call(args, env=env)
