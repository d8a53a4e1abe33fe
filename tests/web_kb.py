"""A small hand-written knowledge base for the web tests (no NLP model: facts are written by hand)."""

from __future__ import annotations

from dossier.records import Document, Entity, Event, Flag, Mention, Quantity, Relation, Repair, Source
from dossier.store import open_store

TRADE = ("Trade between Aland and Borduria reached 12 billion dollars in 2021. "
         "The two governments set a target of 20 billion dollars for 2025. "
         "On 3 May 2022 the Aland president Anna Vark visited Borduria. "
         "The Northern Pipeline runs from Aland to Borduria; it is operated by Gascorp.")
TRADE2 = ("Trade between Aland and Borduria reached 15 billion dollars in 2023, officials said. "
          "Another account put 2021 trade at 9 billion dollars.")
HOSTILE = ("Breaking news <script>window.__pwned=1</script> and <img src=x onerror=\"window.__pwned=1\"> "
           "were in this article about Aland.")


def src(doc: Document, needle: str) -> Source:
    """A source citing the first occurrence of ``needle`` in the document's text."""
    start = doc.text.index(needle)
    return doc.source(start, start + len(needle))


def documents() -> list[Document]:
    """Three documents with entities, facts, a contradiction and a hostile one."""
    a = Document(path="trade.txt", name="trade.txt", sha256="a" * 64, size=len(TRADE), encoding="utf-8",
                 original=TRADE.replace("dollars", "dollars&nbsp;", 1) + "\nShare this article",
                 text=TRADE, title="Aland and Borduria trade", published="2022-05-04", publisher="Daily Test",
                 language="en")
    a.repairs = [Repair(kind="boilerplate", quote="Share this article", start=len(TRADE) + 1,
                        end=len(TRADE) + 19, note="sharing widget")]
    a.entities = [Entity("Aland", "country", ["Aland", "Alandic"], ["trade.txt"]),
                  Entity("Borduria", "country", ["Borduria"], ["trade.txt"]),
                  Entity("Anna Vark", "person", ["Anna Vark", "Vark"], ["trade.txt"]),
                  Entity("Northern Pipeline", "infrastructure", ["Northern Pipeline"], ["trade.txt"]),
                  Entity("Gascorp", "organization", ["Gascorp"], ["trade.txt"])]
    a.mentions = [Mention(n, a.text.index(n), a.text.index(n) + len(n), t, n)
                  for n, t in [("Aland", "country"), ("Borduria", "country"), ("Anna Vark", "person"),
                               ("Northern Pipeline", "infrastructure"), ("Gascorp", "organization")]]
    a.facts = [
        Quantity("trade_volume", ["Aland", "Borduria"], 12e9, "USD", [src(a, "reached 12 billion dollars in 2021")],
                 time="2021"),
        Quantity("trade_volume", ["Aland", "Borduria"], 20e9, "USD", [src(a, "target of 20 billion dollars for 2025")],
                 time="2025", modality="target"),
        Event("visit", [src(a, "On 3 May 2022 the Aland president Anna Vark visited Borduria")], date="2022-05-03",
              participants=["Anna Vark", "Borduria"], place="Borduria"),
        Relation("position", "Anna Vark", "Aland", [src(a, "the Aland president Anna Vark")],
                 qualifiers={"role": "president"}),
        Relation("operator", "Northern Pipeline", "Gascorp", [src(a, "operated by Gascorp")]),
        Relation("connects", "Northern Pipeline", "Borduria", [src(a, "runs from Aland to Borduria")]),
        Relation("connects", "Northern Pipeline", "Aland", [src(a, "runs from Aland to Borduria")]),
    ]
    b = Document(path="trade2.txt", name="trade2.txt", sha256="b" * 64, size=len(TRADE2), encoding="utf-8",
                 original=TRADE2, text=TRADE2, title="Trade grows", published="2024-01-10", language="en")
    b.entities = [Entity("Aland", "country", ["Aland"], ["trade2.txt"]),
                  Entity("Borduria", "country", ["Borduria"], ["trade2.txt"])]
    b.mentions = [Mention("Aland", b.text.index("Aland"), b.text.index("Aland") + 5, "country", "Aland")]
    b.facts = [Quantity("trade_volume", ["Aland", "Borduria"], 15e9, "USD",
                        [src(b, "reached 15 billion dollars in 2023")], time="2023")]
    b.flags = [Flag("contradiction", "trade_volume", "2021 trade: 12 bn USD in one source, 9 bn USD in another",
                    [src(a, "reached 12 billion dollars in 2021"), src(b, "put 2021 trade at 9 billion dollars")])]
    c = Document(path="hostile.html", name="hostile.html", sha256="c" * 64, size=len(HOSTILE), encoding="utf-8",
                 original=HOSTILE, text=HOSTILE, title="<script>window.__pwned=1</script>Hostile", language="en")
    c.entities = [Entity("Aland", "country", ["Aland"], ["hostile.html"]),
                  Entity("<img src=x onerror=\"window.__pwned=1\">", "person",
                         ["<img src=x onerror=\"window.__pwned=1\">"], ["hostile.html"])]
    c.facts = [Event("visit", [src(c, "<img src=x onerror=\"window.__pwned=1\">")], date="2023-02-01",
                     name="<script>window.__pwned=1</script>",
                     participants=["<img src=x onerror=\"window.__pwned=1\">"])]
    return [a, b, c]


def build_kb(path: str) -> str:
    """Write the knowledge base to the SQLite file ``path``; returns the path."""
    store = open_store(path)
    try:
        for doc in documents():
            store.put_document(doc)
    finally:
        store.close()
    return path
