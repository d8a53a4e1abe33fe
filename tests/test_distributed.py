"""``--engine dask`` on a local cluster of 2 worker processes equals the single-process result."""

import pytest

from dossier import export
from dossier.pipeline import IngestOptions, ingest
from dossier.store import open_store

pytest.importorskip("dask.distributed")

TEXTS = {
    "a.txt": "Turkey and Greece met in Athens on 3 March 2021. Ankara said 40 ships patrolled the Aegean.",
    "b.txt": "Armenia said Azerbaijan attacked Stepanakert on 27 September 2020, killing 16 civilians.",
    "c.txt": "Turkey and Greece met in Athens on 3 March 2021. Ankara said 40 ships patrolled the Aegean.",
}


def _export(tmp_path, corpus, name, options):
    store = open_store(str(tmp_path / name))
    ingest(store, [str(corpus)], options)
    rows = sorted(export.records(store), key=repr)
    assert store.check() == []
    store.close()
    return rows


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.filterwarnings("ignore")  # distributed warns about ports and closing comms on shutdown
def test_local_cluster_equals_single_process(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in TEXTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    one = _export(tmp_path, corpus, "one.db", IngestOptions())
    two = _export(tmp_path, corpus, "dask.db", IngestOptions(engine="dask", workers=2))
    assert len(one) > len(TEXTS)
    assert one == two
