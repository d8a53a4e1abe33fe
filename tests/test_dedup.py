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
