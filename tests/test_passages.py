"""Passage retrieval: sentence splitting, BM25 ranking, and the fallback without the model."""

from __future__ import annotations

from dossier import passages
from dossier.passages import PassageIndex, split_passages

TEXTS = {
    "a.txt": "The pipeline carries oil from Baku to Ceyhan. It was opened in 2006 after long talks. "
             "The railway links Baku and Kars across Georgia.",
    "b.txt": "Trade between the two countries reached USD 2.2 bn in 2020. Officials hope for more trade soon.",
}


def test_split_passages_keeps_decimals_and_spans():
    text = "Turnover was 4.3 thousand companies in all. Short. Then a longer closing sentence here."
    ps = split_passages("d.txt", text)
    assert ps[0].text == "Turnover was 4.3 thousand companies in all."
    assert all(text[p.start:p.end] == p.text for p in ps)
    assert ps[1].text.startswith("Short.")  # a very short sentence joins the next one


def test_bm25_ranks_the_passage_sharing_the_words_first():
    index = PassageIndex(TEXTS, use_model=False)
    hits = index.search("Which railway links Kars?", limit=2)
    assert hits[0].doc == "a.txt" and "railway" in hits[0].text
    assert len(hits) == 1  # passages sharing no word with the query are not returned


def test_context_lets_a_pronoun_sentence_be_found_by_its_referent():
    index = PassageIndex(TEXTS, use_model=False)
    hits = index.search("pipeline opened", limit=1)
    assert hits[0].text.startswith("It was opened in 2006")


def test_without_the_model_ranking_is_bm25_only_with_a_warning(monkeypatch, capsys):
    passages._model.cache_clear()

    def broken(*args, **kwargs):
        raise OSError("no model here")

    monkeypatch.setattr("sentence_transformers.SentenceTransformer", broken)
    try:
        index = PassageIndex(TEXTS)
        assert index.model is None
        assert "BM25 only" in capsys.readouterr().err
        assert index.search("trade 2020", limit=1)[0].doc == "b.txt"
    finally:
        passages._model.cache_clear()


def test_no_texts_no_hits():
    assert PassageIndex({}, use_model=False).search("anything") == []


def test_embeddings_are_computed_once_and_kept_on_disk(monkeypatch, tmp_path):
    import numpy as np

    from dossier import passages

    monkeypatch.setenv("DOSSIER_CACHE", str(tmp_path))
    monkeypatch.setattr(passages, "_EMBEDDINGS", {})
    calls = []

    class Model:
        def encode(self, texts, **_):
            calls.append(len(texts))
            return np.ones((len(texts), 3), dtype="float32")

    ps = passages.split_passages("d.txt", "The first sentence is here. The second sentence is here too.")
    first = passages._embed(Model(), "d.txt", "", ps)
    passages._EMBEDDINGS.clear()                     # a new process: only the disk remains
    again = passages._embed(Model(), "d.txt", "", ps)
    assert calls == [2] and (again == first).all()
    assert len(list((tmp_path / "embeddings").glob("*.npy"))) == 1
