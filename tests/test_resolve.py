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


def test_a_surname_spelt_otherwise_in_the_same_text_is_one_person_and_the_odd_spelling_is_flagged():
    full = Entity("Eduard Shevarnadze", "person", [], ["d.txt"])
    lone = Entity("Shevardnadze", "person", [], ["d.txt"])
    doc = doc_with(full, lone, Entity("Shevardnadze", "person", [], ["d.txt"]))
    doc.entities = [full, lone]
    doc = resolve(doc, [])
    assert [e.name for e in doc.entities] == ["Eduard Shevardnadze"]
    assert {m.entity for m in doc.mentions} == {"Eduard Shevardnadze"}
    assert [(f.type, f.sources[0].quote) for f in doc.flags] == [("misspelled_name", "Eduard Shevarnadze")]


def test_a_lone_surname_close_to_two_people_stays_apart():
    doc = doc_with(Entity("Ilham Aliyev", "person", [], ["d.txt"]), Entity("Heydar Aliev", "person", [], ["d.txt"]),
                   Entity("Aliyeva", "person", [], ["d.txt"]))
    doc = resolve(doc, [])
    assert "Aliyeva" in [e.name for e in doc.entities]


def _pool(names, typ):
    """Known entities of one type with their name index, as ``resolve`` prepares them."""
    from dossier.resolve import _Candidates, _known, _NameIndex

    pool = _Candidates(_known(Entity(n, typ)) for n in names)
    pool.index = _NameIndex()
    pool.index.sync(pool)
    return pool


def test_the_name_index_keeps_every_entity_a_name_could_be():
    """Matching narrows the known entities with an index; it must never leave out one that the full
    comparison would join (exact keys, transliterations, cores, routes either way, near spellings)."""
    from dossier.resolve import _same_thing

    names = ["Baku-Tbilisi-Ceyhan pipeline", "Ceyhan-Tbilisi-Baku", "Trans-Anatolian Natural Gas Pipeline",
             "Trans Anatolian Natural Gas Pipline", "Shah Deniz field", "Shah-Deniz", "Port of Alat",
             "Alat port", "Southern Gas Corridor", "Middle Corridor", "Kars", "Nakhchivan", "Nakhichevan"]
    for typ in ("infrastructure", "place", "organization"):
        pool = _pool(names, typ)
        for query in names + ["Baku–Tbilisi–Ceyhan", "Southern Gaz Corridor", "Tbilisi"]:
            full = [k for k in pool if _same_thing(query, k.entity.name, typ)]
            narrowed = pool.could_be((query,), typ)
            assert [k for k in narrowed if _same_thing(query, k.entity.name, typ)] == full
            assert len(narrowed) < len(pool)


def test_the_surname_index_keeps_every_person_a_name_could_be():
    """Persons are narrowed by surname (near spellings, same consonants) before ``same_person`` decides."""
    from dossier.resolve import _tokens

    people = ["Ilham Aliyev", "Heydar Aliyev", "Ilham Aliev", "Elmar Mammadyarov", "Elmar Mamedyarov",
              "Recep Tayyip Erdoğan", "Recep Erdogan", "Mevlüt Çavuşoğlu", "Mevlut Cavusoglu", "Aliyev",
              "Nikol Pashinyan", "Ararat Mirzoyan", "Jeyhun Bayramov", "Ceyhun Bayramov"]
    pool = _pool(people, "person")
    for query in people + ["Fatikh Donmez", "Mamedov", "Elmar Mammadyarof", "Mammadyarof"]:
        toks = _tokens(query)
        full = len(toks) >= 2
        if full:
            brute = [k for k in pool if any(same_person(query, b) for b in k.full)]
        else:
            from rapidfuzz import fuzz
            brute = [k for k in pool if any(_tokens(b)[-1:] and fuzz.ratio(_tokens(b)[-1], toks[-1]) >= 95
                                            for b in k.names)]
        near = pool.could_be_person([toks[-1]], full=full)
        checked = [k for k in near if (any(same_person(query, b) for b in k.full) if full else True)]
        assert [k for k in brute if k in checked] == brute


def test_resolve_gives_a_lone_surname_shared_by_two_known_people_to_neither_unless_one_dominates():
    even = [Entity("Haider Aliyev", "person", ["Aliyev"], ["a.txt"]), Entity("Ilham Aliyev", "person", ["Aliyev"],
                                                                           ["b.txt"])]
    doc = resolve(doc_with(Entity("Aliyev", "person", [], ["d.txt"])), even)
    assert [e.name for e in doc.entities] == ["Aliyev"]
    mostly = [even[0], Entity("Ilham Aliyev", "person", ["Aliyev"], ["b.txt", "c.txt", "e.txt"])]
    doc = resolve(doc_with(Entity("Aliyev", "person", [], ["d.txt"])), mostly)
    assert [e.name for e in doc.entities] == ["Ilham Aliyev"]


def test_resolve_reads_given_names_romanised_with_other_vowel_pairs_as_one():
    assert same_person("Haider Aliyev", "Heydar Aliyev")
    assert not same_person("Hasan Aliyev", "Huseyn Aliyev")


def test_resolve_joins_the_spellings_and_plural_of_one_model_in_a_document_and_across():
    doc = resolve(doc_with(Entity("Prut PX2", "product", [], ["d.txt"]), Entity("PX-2", "product", [], ["d.txt"]),
                           Entity("MiG-31s", "product", [], ["d.txt"])),
                  [Entity("MiG-31", "product", [], ["a.txt"])])
    assert sorted((e.name, tuple(e.aliases)) for e in doc.entities) == [
        ("MiG-31", ("MiG-31s",)), ("Prut PX2", ("PX-2",))]


def test_resolve_keeps_two_models_of_one_family_apart():
    doc = resolve(doc_with(Entity("S-300PMU-2", "product", [], ["d.txt"])), [Entity("S-300", "product", [], ["a.txt"])])
    assert [e.name for e in doc.entities] == ["S-300PMU-2"]



def test_resolve_keeps_a_port_named_after_its_town_apart_from_the_town():
    known = [Entity("Vestra", "place", [], ["a.txt"])]
    doc = resolve(doc_with(Entity("Vestra International Sea Port", "place", [], ["d.txt"])), known)
    assert [e.name for e in doc.entities] == ["Vestra International Sea Port"]


def test_resolve_keeps_a_pipeline_and_a_route_of_one_short_name_apart_but_joins_a_route_told_by_two_heads():
    known = [Entity("Trans-Prut International Transport Route", "infrastructure", [], ["a.txt"]),
             Entity("Iasi–Ungheni–Chisinau railway", "infrastructure", [], ["a.txt"])]
    doc = resolve(doc_with(Entity("Trans-Prut Gas Pipeline", "infrastructure", [], ["d.txt"]),
                           Entity("Iasi-Ungheni-Chisinau gas pipeline", "infrastructure", [], ["d.txt"])), known)
    assert [e.name for e in doc.entities] == ["Trans-Prut Gas Pipeline", "Iasi–Ungheni–Chisinau railway"]
