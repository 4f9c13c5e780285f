"""The refresh guard: a build does not replace the served warehouse with one that lost documents or most rows of a
mart unless told to (--allow-shrink, ALLOW_SHRINK=1), and never publishes a warehouse without documents."""

import shutil

import duckdb

from tests.conftest import run_pipeline
from tests.dq_corpus import clean_corpus

SERVED_DOCUMENTS = ["bureau_disclosure.txt", "city_projects.txt"]  # the clean corpus


def _documents(db) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [name for (name,) in con.execute("select source_file from marts.dim_document order by 1").fetchall()]


def _state(db) -> tuple[bytes, int]:
    return db.read_bytes(), db.stat().st_mtime_ns


def _serve_copy(clean_warehouse, folder):
    """The clean warehouse served from a folder of this test's own (the guard compares with the served file)."""
    folder.mkdir(parents=True)
    return shutil.copy2(clean_warehouse, folder / "budget.duckdb")


def _empty_corpus(folder):
    folder.mkdir(parents=True)
    (folder / "scan.txt").write_bytes(b"")  # a file, but no document in it
    return folder


def test_an_empty_corpus_never_replaces_the_served_warehouse(tmp_path, clean_warehouse):
    db = _serve_copy(clean_warehouse, tmp_path / "w")
    before = _state(db)
    raw = _empty_corpus(tmp_path / "raw")

    for extra in ([], ["--allow-shrink"]):  # not even when told that a smaller warehouse is fine
        proc = run_pipeline("build", db, *extra, raw_dir=raw)
        assert proc.returncode == 4, proc.stdout + proc.stderr
        assert "build REFUSED: no document was loaded" in proc.stderr
        assert "never published, even with ALLOW_SHRINK=1" in proc.stderr
        # What would have been lost, by name, and that the served file stays.
        assert "2 of the 2 served documents would be lost" in proc.stderr
        assert all(name in proc.stderr for name in SERVED_DOCUMENTS)
        assert f"served warehouse (unchanged): {db}" in proc.stderr
        assert "dbt build" not in proc.stdout  # refused before dbt: nothing is built
        assert _state(db) == before and _documents(db) == SERVED_DOCUMENTS


def test_a_first_build_without_documents_writes_nothing(tmp_path):
    db = tmp_path / "w" / "budget.duckdb"
    proc = run_pipeline("build", db, "--allow-shrink", raw_dir=_empty_corpus(tmp_path / "raw"))
    assert proc.returncode == 4 and f"no warehouse was written: {db}" in proc.stderr
    assert not db.exists()


def test_a_corpus_that_lost_documents_is_refused_until_the_loss_is_allowed(tmp_path):
    full, half = tmp_path / "full", tmp_path / "half"
    clean_corpus(full)
    clean_corpus(half)
    (half / "bureau_disclosure.txt").unlink()  # the budget disclosure went missing from the folder
    db = tmp_path / "w" / "budget.duckdb"
    served = run_pipeline("build", db, raw_dir=full)
    assert served.returncode == 0, served.stdout + served.stderr
    before = _state(db)
    # What the served file was built from: a rebuild from exactly that skips dbt (tests/e2e/test_serving.py).
    stamp = tmp_path / "w" / ".budget.duckdb.build" / "served.json"
    built_from = stamp.read_text()

    refused = run_pipeline("build", db, raw_dir=half)
    assert refused.returncode == 4, refused.stdout + refused.stderr
    message = refused.stderr
    assert "build REFUSED: the new warehouse has less than the served one" in message
    assert "1 of the 2 served documents would be lost:\n    bureau_disclosure.txt\n" in message
    assert "fct_budget_line       17 ->        0  less than half" in message  # its budget lines went with it
    assert "make build ALLOW_SHRINK=1" in message and "DUCKDB=" in message
    assert _state(db) == before and _documents(db) == SERVED_DOCUMENTS
    kept = tmp_path / "w" / ".budget.duckdb.build" / "next-budget.duckdb"
    assert f"kept for inspection until the next build): {kept}" in message
    assert _documents(kept) == ["city_projects.txt"]

    # dbt by hand would rebuild the served file from the refused corpus's Parquet: it says so instead.
    by_hand = run_pipeline("dbt", db)
    assert by_hand.returncode == 2 and "the last build was refused or failed" in by_hand.stderr

    # The refused build leaves the record of what the served file was built from as it was, so that the served
    # corpus built again skips dbt rather than rebuilding what is served.
    assert stamp.read_text() == built_from

    allowed = run_pipeline("build", db, "--allow-shrink", raw_dir=half)
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert "shrink allowed" in allowed.stdout and "bureau_disclosure.txt" in allowed.stdout
    assert _documents(db) == ["city_projects.txt"]
