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
