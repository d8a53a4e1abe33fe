"""Ingest against a real PostgreSQL: two ingest processes at once, and readers during a write."""

import subprocess
import sys
import threading

import pytest

from dossier import export
from dossier.store import open_store

pytestmark = pytest.mark.postgres

TEXTS = [
    "Turkey and Greece met in Athens on 3 March 2021. Ankara said 40 ships patrolled the Aegean.",
    "Greece accused Turkey of sending 12 jets over Lesbos in April 2022. Athens protested to NATO.",
    "Armenia said Azerbaijan attacked Stepanakert on 27 September 2020, killing 16 civilians.",
    "Russia and Turkey agreed a ceasefire in Idlib on 5 March 2020 after talks in Moscow.",
]


def _corpus(folder, n):
    folder.mkdir()
    for i in range(n):
        text = TEXTS[i % len(TEXTS)].replace("2020", str(1990 + i)).replace("March", "May" if i % 2 else "March")
        (folder / f"d{i:03d}.txt").write_text(f"Dispatch {i}, filed from desk {i * 17}. {text}", encoding="utf-8")


def _ingest(url, corpus, *extra):
    return subprocess.Popen([sys.executable, "-m", "dossier.cli", "ingest", "--db", url, str(corpus), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _no_duplicates(store):
    names = [d.name for d in store.documents()]
    assert len(names) == len(set(names))
    rows = [repr(sorted(r.items())) for r in export.records(store)]
    assert len(rows) == len(set(rows))
    return names


@pytest.mark.model
@pytest.mark.slow
def test_two_ingests_of_the_same_folder_at_once_store_each_document_once(pg_kb_url, tmp_path):
    corpus = tmp_path / "corpus"
    _corpus(corpus, 12)
    procs = [_ingest(pg_kb_url, corpus), _ingest(pg_kb_url, corpus, "--workers", "2")]
    for p in procs:
        _, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stderr
    with open_store(pg_kb_url) as store:
        assert store.check() == []
        assert len(_no_duplicates(store)) == 12
        facts = [f for f in export.records(store) if f.get("kind") not in (None, "document", "entity")]
        assert facts


def test_readers_see_a_sound_knowledge_base_while_an_ingest_writes(pg_kb_url, tmp_path):
    corpus = tmp_path / "corpus"
    _corpus(corpus, 200)
    writer = _ingest(pg_kb_url, corpus, "--no-extract")
    seen: list[int] = []
    errors: list[BaseException] = []

    def read_while_writing() -> None:
        try:
            with open_store(pg_kb_url) as store:
                while writer.poll() is None:
                    assert store.check() == []
                    for info in store.documents():
                        assert len(store.get_document(info.name).text) == info.chars
                    seen.append(len(_no_duplicates(store)))
        except BaseException as exc:  # handed to the test
            errors.append(exc)

    readers = [threading.Thread(target=read_while_writing) for _ in range(2)]
    for t in readers:
        t.start()
    _, stderr = writer.communicate(timeout=300)
    for t in readers:
        t.join()
    assert writer.returncode == 0, stderr
    assert errors == []
    with open_store(pg_kb_url) as store:
        assert len(_no_duplicates(store)) == 200
