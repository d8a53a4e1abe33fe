"""Parallel ingest (``workers=2``) gives exactly the single-process knowledge base."""

import shutil

import pytest

from dossier import export
from dossier.pipeline import IngestOptions, ingest
from dossier.store import open_store

TEXTS = {
    "a.txt": "Turkey and Greece met in Athens on 3 March 2021. Ankara said 40 ships patrolled the Aegean.",
    "b.txt": "Greece accused Turkey of sending 12 jets over Lesbos in April 2022. Athens protested to NATO.",
    "c.txt": "Armenia said Azerbaijan attacked Stepanakert on 27 September 2020, killing 16 civilians.",
    "d.txt": "Russia and Turkey agreed a ceasefire in Idlib on 5 March 2020 after talks in Moscow.",
    "e.txt": "Turkey and Greece met in Athens on 3 March 2021. Ankara said 40 ships patrolled the Aegean.",
}


def _corpus(folder):
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    shutil.copytree("demo/corpus", folder / "demo")
    return folder


def _export(tmp_path, corpus, name, options):
    store = open_store(str(tmp_path / name))
    summary = ingest(store, [str(corpus)], options)
    rows = sorted(export.records(store), key=repr)
    assert store.check() == []
    store.close()
    return summary, rows


def test_two_workers_equal_one_without_nlp(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    s1, one = _export(tmp_path, corpus, "one.db", IngestOptions(extract=False))
    s2, two = _export(tmp_path, corpus, "two.db", IngestOptions(extract=False, workers=2))
    assert one and one == two
    assert (s1.added, s1.duplicates) == (s2.added, s2.duplicates)
    assert len(s2.duplicates) == 1


@pytest.mark.model
@pytest.mark.slow
def test_two_workers_equal_one_with_extraction(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    _, one = _export(tmp_path, corpus, "one.db", IngestOptions())
    _, two = _export(tmp_path, corpus, "two.db", IngestOptions(workers=2))
    assert any(r.get("kind") != "document" for r in one) or len(one) > len(TEXTS)
    assert one == two


def test_unreadable_file_fails_alone(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    (corpus / "bad.pdf").write_bytes(b"not a pdf")
    summary, rows = _export(tmp_path, corpus, "two.db", IngestOptions(extract=False, workers=2))
    assert [p for p, _ in summary.failed] == [str(corpus / "bad.pdf")]
    assert len(summary.added) == len(TEXTS) - 1 + 2


# --- the writer's loop, driven by threads so that what it hands out can be watched --------------

def _drive_with_threads(store, folder, workers=1):
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    from dossier import dedup
    from dossier.pipeline import _drive, plan, prepare
    from dossier.store import RunSummary

    handed: list[str] = []
    written: list[str] = []
    summary = RunSummary()
    options = IngestOptions(extract=False)

    def submit(doc):
        handed.append(doc.name)
        return pool.submit(prepare, doc, False)

    with ThreadPoolExecutor(workers) as pool:
        _drive(submit, lambda fs: wait(fs, return_when=FIRST_COMPLETED), store, plan([str(folder)]),
               options, dedup.DuplicateIndex(), summary, lambda path, outcome, _: written.append(outcome),
               workers=workers)
    return handed, written, summary


def test_largest_documents_go_to_workers_first_and_results_are_written_in_order(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    for name, n in [("a.txt", 20), ("b.txt", 400), ("c.txt", 100), ("d.txt", 5)]:   # distinct texts
        text = " ".join(f"Report {name} line {i}: {i * 7 + len(name)} ships." for i in range(n))
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(str(tmp_path / "kb.db"))
    handed, written, summary = _drive_with_threads(store, folder)
    assert handed == ["b.txt", "c.txt", "a.txt", "d.txt"]       # longest first
    assert summary.added == ["a.txt", "b.txt", "c.txt", "d.txt"]  # stored in input order
    assert written == ["added"] * 4


def test_unchanged_files_are_not_handed_to_workers_again(tmp_path):
    corpus = _corpus(tmp_path / "c")
    store = open_store(str(tmp_path / "kb.db"))
    first, _, _ = _drive_with_threads(store, corpus, workers=2)
    assert sorted(first) == sorted(p.name for p in corpus.rglob("*") if p.is_file())
    (corpus / "d.txt").write_text("Russia and Turkey agreed a ceasefire in Idlib.", encoding="utf-8")
    second, _, summary = _drive_with_threads(store, corpus, workers=2)
    assert second == ["d.txt"]                       # only the changed file is cleaned again
    assert summary.replaced == ["d.txt"] and len(summary.skipped) == len(first) - 1
    store.close()


def test_the_writer_does_not_import_spacy():
    """The parent resolves and stores; spaCy (and the torch it pulls in) loads only in workers."""
    import subprocess
    import sys

    code = ("import sys; import dossier.pipeline, dossier.resolve, dossier.store, dossier.flags; "
            "print('spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_the_fork_server_preload_warms_cleaning_and_extraction():
    """Workers forked from the server start with the model and what extraction builds on first use."""
    import subprocess
    import sys

    code = ("import sys; import dossier.extract.preload; from dossier.extract import nlp; "
            "from dossier import gazetteer; print(nlp.load.cache_info().currsize, "
            "gazetteer.load.cache_info().currsize, gazetteer.load()._pattern is not None, sys.modules.get('torch'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1", "1", "True", "None"]
