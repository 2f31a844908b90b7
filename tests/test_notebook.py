"""The analysts' notebook runs top to bottom (nbclient) on the real database built from
the bundled corpus, and on the site's fixture database, where calls are open.

The database comes from KOUBO_DB. The executed notebooks are saved to test-artifacts/
for a person to look at (analyst.executed.ipynb is the real one).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.site_fixture import build_fixture_db, build_real_db

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "analyst.ipynb"


def _text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return data.get("text/html", "") + data.get("text/markdown", "") + data.get("text/plain", "")


def run_notebook(db: Path, saved_as: str):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    mp = pytest.MonkeyPatch()
    mp.setenv("KOUBO_DB", str(db))
    mp.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    try:
        NotebookClient(nb, timeout=180, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    finally:
        mp.undo()
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    nbformat.write(nb, ROOT / "test-artifacts" / saved_as)
    return nb


def outputs(nb) -> str:
    return "".join(_text(o) for c in nb.cells if c.cell_type == "code" for o in c.outputs)


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    return build_real_db(tmp_path_factory.mktemp("nb-real") / "koubo.db")


@pytest.fixture(scope="module")
def executed(real_db):
    return run_notebook(real_db, "analyst.executed.ipynb")


def test_notebook_runs_without_errors(executed):
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert code and all(c.get("execution_count") for c in code)
    for cell in code:
        assert not [o for o in cell.outputs if o.output_type == "error"]


def test_notebook_reads_the_real_database_by_default():
    """Without KOUBO_DB the notebook reads db/koubo.db (building it when missing)."""
    setup = next(c.source for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "code")
    assert 'os.environ.get("KOUBO_DB") or ROOT / "db" / "koubo.db"' in setup
    assert "build(ROOT / \"corpus\", DB)" in setup


def test_notebook_says_nothing_is_open_on_the_bundled_corpus(executed, real_db):
    text = outputs(executed)
    assert "No call is open or announced on" in text
    con = sqlite3.connect(real_db)
    latest = con.execute("""select program from deadline_windows where kind = 'application_period'
                            order by end_jd desc limit 1""").fetchone()[0]
    assert f"The latest call to close was *{latest}*" in text
    assert "Nothing closes in the next 30 days." in text


def test_notebook_names_the_prefectures_of_the_selected_bodies(executed, real_db):
    text = outputs(executed)
    con = sqlite3.connect(real_db)
    for prefecture, n in con.execute("select prefecture, count(*) from awards group by 1"):
        assert f"{prefecture} ({n})" in text
    assert "selected bodies are in: 山形県 (7)、北海道 (6)、長崎県 (1)、沖縄県 (1)" in text


def test_notebook_finds_the_contacts_serving_several_programmes(executed, real_db):
    text = outputs(executed)
    con = sqlite3.connect(real_db)
    shared = [r[0] for r in con.execute("""
        select email from contacts where email is not null and program_id is not null
        group by email having count(distinct program_id) > 1""")]
    assert shared
    for email in shared:
        assert email in text
    assert "quote is not the exact text at their offsets: none" in text


def test_notebook_draws_charts(executed):
    images = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs
              if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # the application periods over the year, the awards per prefecture


def test_notebook_lists_open_calls_when_there_are_some(tmp_path):
    """On the fixture database one call is open and one opens soon."""
    db = tmp_path / "koubo.db"
    build_fixture_db(db)
    text = outputs(run_notebook(db, "analyst.fixture.executed.ipynb"))
    assert "1 call(s) open now, 1 opening soon" in text
    assert "計画策定支援(二次公募)" in text and "推進体制構築支援" in text
    assert "dx_plan@ml.soumu.go.jp" in text
