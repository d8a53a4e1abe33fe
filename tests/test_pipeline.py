import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier import pipeline
from dossier.pipeline import IngestOptions
from dossier.store import open_store

NO_NLP = IngestOptions(extract=False)


def article(topic: str, n: int = 12) -> str:
    """A small made-up article whose sentences all differ (so it is not a near-duplicate of another topic)."""
    return "\n\n".join(
        f"In paragraph {i}, the report on {topic} says that delegation {i * 3} discussed item {i * 11} "
        f"of the {topic} agenda with officials from region {i * 5}." for i in range(n))


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "kb.db"))
    yield s
    s.close()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ingest_adds_then_skips_unchanged_files(tmp_path, store):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "a.txt", article("railways"))
    write(corpus, "b.md", "---\ntitle: Pipelines\n---\n" + article("pipelines"))
    first = pipeline.ingest(store, [str(corpus)], NO_NLP)
    assert sorted(first.added) == ["a.txt", "b.md"] and not first.failed
    again = pipeline.ingest(store, [str(corpus)], NO_NLP)
    assert sorted(again.skipped) == ["a.txt", "b.md"] and not again.added
    assert [d.name for d in store.documents()] == ["a.txt", "b.md"]


def test_changed_file_replaces_its_old_version(tmp_path, store):
    path = write(tmp_path, "a.txt", article("railways"))
    pipeline.ingest(store, [str(path)], NO_NLP)
    path.write_text(article("harbours"), encoding="utf-8")
    summary = pipeline.ingest(store, [str(path)], NO_NLP)
    assert summary.replaced == ["a.txt"]
    assert len(store.documents()) == 1
    assert "harbours" in store.get_document("a.txt").text


def test_near_duplicate_is_recorded_as_a_copy(tmp_path, store):
    write(tmp_path, "a.txt", article("railways") + "\n\nCopyright Site A")
    write(tmp_path, "b.txt", article("railways") + "\n\nReposted from elsewhere")
    summary = pipeline.ingest(store, [str(tmp_path)], NO_NLP)
    assert summary.added == ["a.txt"] and summary.duplicates == ["b.txt"]
    assert store.get_document("b.txt").duplicate_of == "a.txt"


def test_bad_inputs_fail_alone_and_the_rest_is_stored(tmp_path, store):
    good = write(tmp_path, "good.txt", article("railways"))
    empty = write(tmp_path, "empty.txt", "")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    summary = pipeline.ingest(store, [str(good), str(empty), str(binary), str(tmp_path / "missing.txt")], NO_NLP)
    assert summary.added == ["good.txt"]
    failed = dict(summary.failed)
    assert set(failed) == {str(empty), str(binary), str(tmp_path / "missing.txt")}
    for path, message in failed.items():
        assert path in message and "\n" not in message


def test_file_vanishing_mid_run_is_reported_and_the_rest_goes_on(tmp_path, store):
    first = write(tmp_path, "a.txt", article("railways"))
    write(tmp_path, "b.txt", article("harbours"))
    files = pipeline.plan([str(tmp_path)])
    first.unlink()
    summary = pipeline.ingest(store, [str(tmp_path)], NO_NLP, files=files)
    assert summary.added == ["b.txt"]
    assert [p for p, _ in summary.failed] == [str(first)]


def test_nothing_stored_before_is_lost_when_a_later_run_fails(tmp_path, store):
    write(tmp_path, "a.txt", article("railways"))
    pipeline.ingest(store, [str(tmp_path)], NO_NLP)
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    summary = pipeline.ingest(store, [str(tmp_path)], NO_NLP)
    assert summary.skipped == ["a.txt"] and len(summary.failed) == 1
    assert [d.name for d in store.documents()] == ["a.txt"]


@pytest.mark.slow
def test_folder_of_ten_thousand_small_files(tmp_path, store):
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(10_000):
        (corpus / f"n{i:05d}.txt").write_text(
            f"Note {i}: the committee number {i} met on day {i % 28 + 1} and approved budget line {i * 7}.",
            encoding="utf-8")
    summary = pipeline.ingest(store, [str(corpus)], NO_NLP)
    assert len(summary.added) + len(summary.duplicates) == 10_000
    assert not summary.failed


def _ingest_command(tmp_path, *extra: str) -> list[str]:
    """`dossier ingest --no-extract` of 400 articles (enough to run for seconds) into tmp_path/kb.db."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(400):
        write(corpus, f"d{i:03d}.txt", article(f"topic {i}", n=6))
    return [sys.executable, "-m", "dossier.cli", "ingest", "--no-extract", *extra,
            "--db", str(tmp_path / "kb.db"), str(corpus)]


@pytest.mark.slow
def test_killing_ingest_midway_leaves_a_consistent_database(tmp_path):
    db = tmp_path / "kb.db"
    cmd = _ingest_command(tmp_path)
    for delay in (0.8, 1.5):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        con = sqlite3.connect(db)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
        store = open_store(str(db))
        for info in store.documents():  # every stored document is whole
            doc = store.get_document(info.name)
            assert doc.text and len(doc.text) == info.chars
        store.close()
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    store = open_store(str(db))
    assert len(store.documents()) == 400
    store.close()


@pytest.mark.slow
def test_workers_leave_when_ingest_is_killed(tmp_path):
    """SIGKILL reaches only the parent: its workers and their fork server must not linger."""
    import psutil

    proc = subprocess.Popen(_ingest_command(tmp_path, "--workers", "2"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(proc.pid)

    def forked():   # the fork server and the workers forked from it
        found = []
        for p in parent.children(recursive=True):
            try:
                if "forkserver" in " ".join(p.cmdline()):
                    found.append(p)
            except (psutil.NoSuchProcess, psutil.ZombieProcess):   # (one that ended while we looked)
                continue
        return found

    deadline = time.monotonic() + 60
    while len(forked()) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(forked()) >= 3
    helpers = parent.children(recursive=True)   # and the resource tracker
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    _, alive = psutil.wait_procs(helpers, timeout=15)
    for p in alive:
        p.kill()
    assert alive == []


def test_runs_worth_it_use_every_core_by_default(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    small, large = tmp_path / "small", tmp_path / "large"
    small.mkdir()
    large.mkdir()
    for i in range(3):
        (small / f"{i}.txt").write_text("Ankara and Baku. " * 100, encoding="utf-8")
        (large / f"{i}.txt").write_text("Ankara and Baku. " * 6000, encoding="utf-8")   # ~100 KB each
    assert pipeline.auto_workers(pipeline.plan([str(small)])) == 1       # start-up would cost more
    assert pipeline.auto_workers(pipeline.plan([str(large)])) == 2
    one_big = tmp_path / "one"
    one_big.mkdir()
    (one_big / "a.txt").write_text("Ankara and Baku. " * 20000, encoding="utf-8")
    assert pipeline.auto_workers(pipeline.plan([str(one_big)])) == 1     # one file: nothing to share
    assert pipeline.auto_workers(pipeline.plan([str(tmp_path / "missing")])) == 1


def test_a_fault_of_ours_on_one_document_fails_it_alone(tmp_path, store, monkeypatch):
    good = write(tmp_path, "good.txt", article("railways"))
    bad = write(tmp_path, "bad.txt", article("harbours"))
    real_clean = pipeline.clean.clean

    def clean(doc):
        if doc.name == "bad.txt":
            raise KeyError("a bug")
        return real_clean(doc)

    monkeypatch.setattr(pipeline.clean, "clean", clean)
    summary = pipeline.ingest(store, [str(bad), str(good)], NO_NLP)
    assert summary.added == ["good.txt"]
    [(path, message)] = summary.failed
    assert path == str(bad) and "internal error" in message and "KeyError" in message and "\n" not in message
    assert [d.name for d in store.documents()] == ["good.txt"]
