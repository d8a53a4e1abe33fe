from dossier import dedup

ARTICLE = " ".join(
    f"On day {i} the ministers met in town {i * 7} to discuss railway section {i * 13} and its cost."
    for i in range(40)
)


def test_signature_round_trips_through_bytes():
    sig = dedup.signature(ARTICLE)
    again = dedup.from_bytes(dedup.to_bytes(sig))
    assert sig.jaccard(again) == 1.0


def test_near_duplicate_found_despite_a_different_footer():
    index = dedup.DuplicateIndex()
    index.add("a.txt", dedup.signature(ARTICLE + "Copyright 2020 Site A. All rights reserved."))
    assert index.find("b.txt", dedup.signature(ARTICLE + "Reposted by Site B")) == "a.txt"


def test_different_articles_are_not_duplicates():
    index = dedup.DuplicateIndex()
    index.add("a.txt", dedup.signature(ARTICLE))
    other = "A completely different story about gas prices, the weather and football results. " * 5
    assert index.find("b.txt", dedup.signature(other)) is None


def test_a_document_is_not_its_own_duplicate():
    index = dedup.DuplicateIndex()
    sig = dedup.signature(ARTICLE)
    index.add("a.txt", sig)
    assert index.find("a.txt", sig) is None
    index.add("a.txt", sig)  # re-adding the same name replaces, not duplicates
    assert index.find("b.txt", sig) == "a.txt"


def test_equally_similar_originals_are_chosen_the_same_way_every_run():
    """The index answers with a set; among equally similar documents the first name wins, whatever the
    process's string hashing."""
    import subprocess
    import sys

    code = ("from dossier import dedup; ix = dedup.DuplicateIndex(); "
            "text = ' '.join(f'word{i} of the report on Baku and Ankara' for i in range(60)); "
            "[ix.add(n, dedup.signature(text)) for n in ('m.txt', 'b.txt', 'z.txt', 'a.txt', 'k.txt')]; "
            "print(ix.find('new.txt', dedup.signature(text)))")
    found = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout.strip() for seed in range(6)}
    assert found == {"a.txt"}
