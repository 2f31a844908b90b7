"""The `koubo` command: help for every subcommand, import, build, and a refresh with
the sites unreachable (a closed port on 127.0.0.1 stands in for the missing network)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from pipeline.cli import main
from pipeline.corpus import iter_warc_files

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = iter_warc_files(ROOT / "corpus")


@pytest.mark.parametrize("command", ["crawl", "import", "build", "refresh", "serve"])
def test_every_subcommand_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: koubo " + command in capsys.readouterr().out


def test_python_dash_m_pipeline_is_the_same_command():
    out = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, check=True).stdout
    for command in ("crawl", "import", "build", "refresh", "serve"):
        assert command in out


def test_import_then_build_from_the_bundled_corpus(tmp_path, capsys):
    assert BUNDLED, "the bundled corpus has WARC files"
    corpus = tmp_path / "corpus"
    assert main(["import", *map(str, BUNDLED), "--corpus", str(corpus)]) == 0
    assert "imported" in capsys.readouterr().out
    assert main(["import", *map(str, BUNDLED), "--corpus", str(corpus)]) == 0
    assert "imported 0 captures" in capsys.readouterr().out  # nothing twice
    db_path = tmp_path / "koubo.db"
    assert main(["build", "--corpus", str(corpus), "--db", str(db_path)]) == 0
    captured = capsys.readouterr()
    assert "[1] https://" in captured.err  # a count per document
    assert "built " in captured.out
    assert sqlite_utils.Database(db_path)["documents"].count >= 5


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_refresh_with_sites_unreachable_keeps_the_corpus_and_rebuilds(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    (corpus / "warc").mkdir(parents=True)
    for path in BUNDLED:
        shutil.copy(path, corpus / "warc" / path.name)
    before = sorted((p.name, p.read_bytes()) for p in (corpus / "warc").iterdir())
    port = _closed_port()
    sources = tmp_path / "sources.toml"
    sources.write_text(f"""
[crawl]
delay_seconds = 0.0
retries = 0
connect_retries = 0
connect_timeout = 2.0
read_timeout = 2.0

[[source]]
name = "soumu"
start = ["http://127.0.0.1:{port}/menu_seisaku/index.html"]
allow = ["http://127.0.0.1:{port}/"]
""", encoding="utf-8")
    db_path = tmp_path / "koubo.db"
    assert main(["refresh", "--sources", str(sources), "--corpus", str(corpus), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    unreachable = [line for line in out.splitlines() if "unreachable" in line]
    assert len(unreachable) == 1 and "soumu" in unreachable[0]
    assert sorted((p.name, p.read_bytes()) for p in (corpus / "warc").iterdir()) == before
    assert sqlite_utils.Database(db_path)["documents"].count >= 5
