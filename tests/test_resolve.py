"""One entity per real thing: names of one document mapped onto the knowledge base's."""

from __future__ import annotations

from dossier.records import Document, Entity, Mention
from dossier.resolve import resolve, same_person, variant_of


def doc_with(*entities: Entity) -> Document:
    text = " ".join(e.name for e in entities)
    doc = Document(path="d.txt", name="d.txt", text=text)
    pos = 0
    for e in entities:
        doc.mentions.append(Mention(e.name, pos, pos + len(e.name), e.type, e.name, "name"))
        pos += len(e.name) + 1
    doc.entities = list(entities)
    return doc


def test_resolve_joins_spelling_variants_of_one_person():
    known = [Entity("Recep Tayyip Erdoğan", "person", ["Erdoğan"], ["a.txt"])]
    doc = resolve(doc_with(Entity("Recep Tayyip Erdogan", "person", [], ["d.txt"])), known)
    assert [e.name for e in doc.entities] == ["Recep Tayyip Erdoğan"]


def test_resolve_never_joins_two_people_through_a_shared_surname():
    # the knowledge base already holds "Aliyev" as an alias of Ilham Aliyev
    known = [Entity("Ilham Aliyev", "person", ["Aliyev"], ["a.txt", "b.txt"])]
    doc = resolve(doc_with(Entity("Heydar Aliyev", "person", ["Aliyev"], ["d.txt"])), known)
    assert [e.name for e in doc.entities] == ["Heydar Aliyev"]


def test_resolve_gives_a_lone_surname_to_the_one_known_bearer():
    known = [Entity("Nikol Pashinyan", "person", [], ["a.txt"])]
    doc = resolve(doc_with(Entity("Pashinyan", "person", [], ["d.txt"])), known)
    assert [e.name for e in doc.entities] == ["Nikol Pashinyan"]


def test_resolve_joins_transliterations():
    assert same_person("Sakhib Mamedov", "Sahib Mammadov")
    assert not same_person("Heydar Aliyev", "Ilham Aliyev")
    known = [Entity("Fatih Dönmez", "person", [], ["a.txt"])]
    assert variant_of("Fatikh Dönmez", known) is known[0]
    assert variant_of("Fatih Dönmez", known) is None   # the same spelling is no variant


def test_resolve_joins_an_acronym_to_its_known_name():
    known = [Entity("Trans-Anatolian Natural Gas Pipeline", "infrastructure", ["TANAP"], ["a.txt"])]
    doc = resolve(doc_with(Entity("TANAP", "infrastructure", [], ["d.txt"])), known)
    assert [e.name for e in doc.entities] == ["Trans-Anatolian Natural Gas Pipeline"]
    assert doc.mentions[0].entity == "Trans-Anatolian Natural Gas Pipeline"
