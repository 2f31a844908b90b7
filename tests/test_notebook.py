"""The analysts' notebook runs top to bottom on a koubo database (nbclient).

The database comes from KOUBO_DB; this test points it at the site's fixture database.
The executed notebook is saved to test-artifacts/ for a person to look at.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.site_fixture import build_fixture_db

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "analyst.ipynb"


def _text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return data.get("text/html", "") + data.get("text/markdown", "") + data.get("text/plain", "")


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    db = tmp_path_factory.mktemp("nb") / "koubo.db"
    build_fixture_db(db)
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
    nbformat.write(nb, ROOT / "test-artifacts" / "analyst.executed.ipynb")
    return nb


def test_notebook_runs_without_errors(executed):
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert code and all(c.get("execution_count") for c in code)
    for cell in code:
        assert not [o for o in cell.outputs if o.output_type == "error"]


def test_notebook_answers_what_is_open_now(executed):
    outputs = "".join(_text(o) for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert "計画策定支援(二次公募)" in outputs  # open now
    assert "推進体制構築支援" in outputs  # opens soon
    assert "北海道" in outputs and "長崎県" in outputs  # prefectures with awards
    assert "dx_plan@ml.soumu.go.jp" in outputs  # the contact serving two programmes
    assert "quote is not the exact text at their offsets: none" in outputs


def test_notebook_draws_a_chart(executed):
    images = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs
              if "image/png" in o.get("data", {})]
    assert images
