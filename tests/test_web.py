"""The web app through FastAPI's test client: every route, the error shape, paging, hostile parameters."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dossier.store import open_store
from dossier.web.app import create_app
from web_kb import build_kb

PAGES = ["/", "/timeline", "/timeline?type=visit&entity=Anna+Vark", "/entities", "/entities?type=country",
         "/entity/Aland", "/entity/Anna%20Vark", "/indicators", "/indicator/trade_volume", "/network", "/flags",
         "/search", "/search?q=trade", "/search?ask=How+much+trade", "/documents", "/doc/trade.txt",
         "/doc/trade.txt?start=0&end=5", "/doc/hostile.html"]
API = ["/api/documents", "/api/documents/trade.txt", "/api/entities", "/api/entities/Aland", "/api/facts",
       "/api/events", "/api/timeline", "/api/indicators", "/api/series/trade_volume", "/api/flags",
       "/api/contradictions",
       "/api/network", "/api/search?q=trade", "/api/ask?q=trade", "/api/openapi.json"]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return build_kb(str(tmp_path_factory.mktemp("web") / "kb.db"))


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db), raise_server_exceptions=False)


def error_of(r) -> dict:
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return body["error"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_security_headers(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text and "onerror=" not in r.text.replace("onerror=&#34;", "")


@pytest.mark.parametrize("url", API)
def test_every_api_route_answers_json(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    assert isinstance(r.json(), dict)


def test_overview_shows_counts_figures_and_contradictions(client):
    html = client.get("/").text
    assert "3</span> documents" in html
    assert "Anna Vark" in html and "12 bn USD" in html and "9 billion dollars" in html


def test_timeline_filters_by_type_and_entity(client):
    assert "Anna Vark" in client.get("/timeline?entity=Anna+Vark").text
    html = client.get("/timeline?entity=Gascorp").text
    assert "No events match" in html
    assert client.get("/api/events?type=visit&entity=Anna+Vark").json()["total"] == 1
    assert client.get("/api/events?type=meeting").json()["total"] == 0
    assert client.get("/api/events?start=2023").json()["total"] == 1
    assert [i["date"] for i in client.get("/api/timeline?start=2023").json()["items"]] == ["2023", "2023-02-01",
                                                                                            "2025"]


def test_entity_page_has_aliases_posts_facts_and_mentions(client):
    html = client.get("/entity/Anna%20Vark").text
    assert "Vark" in html and "position" in html and "trade.txt" in html
    assert client.get("/entity/Vark").status_code == 200  # an alias finds the entity
    data = client.get("/api/entities/Aland").json()
    assert data["name"] == "Aland" and data["mentions"] and data["figures"]


def test_series_has_actual_and_target_with_sources(client):
    items = client.get("/api/series/trade_volume").json()["items"]
    assert [(p["period"], p["modality"]) for p in items] == [("2021", "actual"), ("2023", "actual"),
                                                              ("2025", "target")]
    assert all(p["sources"] for p in items)
    assert 'data-href="/doc/trade.txt?start=' in client.get("/indicator/trade_volume").text


def test_network_is_laid_out_on_the_server(client):
    net = client.get("/api/network").json()
    names = {n["name"] for n in net["nodes"]}
    assert {"Northern Pipeline", "Gascorp", "Aland", "Borduria"} <= names
    assert all(0 <= n["x"] <= net["width"] and 0 <= n["y"] <= net["height"] for n in net["nodes"])
    html = client.get("/network").text
    assert "<svg" in html and html.count("<circle") == len(net["nodes"]) and "operator" in html


def test_flags_show_both_sides(client):
    html = client.get("/flags").text
    assert "reached 12 billion dollars in 2021" in html and "put 2021 trade at 9 billion dollars" in html
    assert client.get("/api/contradictions").json()["total"] == 1


def test_reader_highlights_the_span_and_shows_what_cleaning_removed(client):
    doc = client.get("/api/documents/trade.txt").json()
    start = doc["text"].index("operated by Gascorp")
    html = client.get(f"/doc/trade.txt?start={start}&end={start + 19}").text
    assert '<mark id="hl">operated by Gascorp</mark>' in html
    assert "Share this article" in html and "boilerplate" in html
    # an impossible span shows the text without a highlight
    assert "<mark" not in client.get("/doc/trade.txt?start=50&end=10").text
    assert "<mark" not in client.get("/doc/trade.txt?start=0&end=99999").text


def test_untrusted_text_is_escaped(client):
    html = client.get("/doc/hostile.html").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "<img src=x" not in html and "<script>window" not in html
    assert "<script>window" not in client.get("/timeline").text
    assert "<img src=x" not in client.get("/entities").text


def test_search_and_ask(client):
    hits = client.get("/api/search?q=pipeline").json()["items"]
    assert [h["doc"] for h in hits] == ["trade.txt"]
    question = "What was the trade volume between Aland and Borduria in 2021?"
    ans = client.get("/api/ask", params={"q": question}).json()
    assert ans["engine"] == "ask" and ans["hits"]
    assert "12" in ans["answer"]["answer"] and ans["answer"]["sources"][0]["doc"] == "trade.txt"
    html = client.get("/search", params={"ask": question}).text
    assert 'id="answer"' in html and "12 bn" in html and "/doc/trade.txt?start=" in html


def test_ask_degrades_to_search_without_the_answer_engine(client, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "dossier.ask", None)  # makes importing dossier.ask fail
    ans = client.get("/api/ask", params={"q": "pipeline"}).json()
    assert ans["engine"] == "search" and ans["answer"] is None and ans["hits"][0]["doc"] == "trade.txt"
    assert "No answer engine" in client.get("/search", params={"ask": "pipeline"}).text
    assert "trade.txt" in client.get("/search?q=pipeline").text


def test_paging_and_filters(client):
    first = client.get("/api/facts?limit=2").json()
    assert first["total"] == 9 and len(first["items"]) == 2 and first["limit"] == 2
    rest = client.get("/api/facts?limit=200&offset=2").json()
    assert len(rest["items"]) == 7
    assert client.get("/api/facts?kind=quantity").json()["total"] == 3
    assert client.get("/api/facts?predicate=operator").json()["total"] == 1
    assert client.get("/api/facts?entity=Gascorp").json()["total"] == 1
    assert client.get("/api/entities?type=person&q=vark").json()["items"][0]["name"] == "Anna Vark"
    assert client.get("/api/documents?publisher=Daily+Test").json()["total"] == 1
    assert client.get("/api/facts?offset=1000000").json()["items"] == []


def test_list_items_cite_their_first_sources_and_count_all(client, monkeypatch):
    from dossier.web import api

    full = client.get("/api/timeline").json()["items"]
    assert all(i["sources_total"] == len(i["sources"]) for i in full)
    many = max(full, key=lambda i: i["sources_total"])
    monkeypatch.setattr(api, "SOURCES_IN_LIST", 0)
    cut = {(i["date"], i["text"]): i for i in client.get("/api/timeline").json()["items"]}
    item = cut[(many["date"], many["text"])]
    assert item["sources"] == [] and item["sources_total"] == many["sources_total"] >= 1
    monkeypatch.setattr(api, "DOCS_IN_LIST", 1)
    aland = next(e for e in client.get("/api/entities?q=Aland").json()["items"] if e["name"] == "Aland")
    assert len(aland["docs"]) == 1 and aland["documents"] >= 2


@pytest.mark.parametrize("url", ["/api/facts?limit=201", "/api/facts?limit=0", "/api/facts?limit=abc",
                                 "/api/facts?offset=-1", "/api/facts?offset=99999999999999999999",
                                 "/api/facts?kind=x';DROP TABLE facts;--", "/api/events?start=yesterday",
                                 "/api/search", "/api/search?q=", "/api/search?limit=1e9&q=a"])
def test_bad_parameters_give_422_in_one_shape(client, url):
    r = client.get(url)
    assert r.status_code == 422
    assert error_of(r)["code"] == "invalid_parameter"


@pytest.mark.parametrize("url", ["/api/documents/nope.txt", "/api/entities/Nobody", "/api/series/nothing",
                                 "/api/no-such-route"])
def test_missing_things_give_404_in_one_shape(client, url):
    r = client.get(url)
    assert r.status_code == 404 and error_of(r)["code"] == "not_found"


def test_missing_pages_are_html_404(client):
    for url in ["/entity/Nobody", "/doc/nope.txt", "/indicator/nothing", "/no-such-page"]:
        r = client.get(url)
        assert r.status_code == 404 and "Error 404" in r.text


@pytest.mark.parametrize("q", ["'; DROP TABLE documents; --", "\" OR 1=1 --", "NEAR(", "*", "a AND", "^~(){}"])
def test_hostile_search_strings_are_only_words(client, db, q):
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200 and isinstance(r.json()["items"], list)
    assert client.get("/api/entities", params={"q": q}).status_code == 200
    assert client.get("/search", params={"q": q}).status_code == 200
    store = open_store(db, create=False)
    try:
        assert len(store.documents()) == 3
    finally:
        store.close()


def test_server_errors_use_the_same_shape(db):
    app = create_app(db)
    app.state.open_store = lambda: (_ for _ in ()).throw(RuntimeError("boom"))
    r = TestClient(app, raise_server_exceptions=False).get("/api/documents")
    assert r.status_code == 500 and error_of(r) == {"code": "internal_error", "message": "internal error"}


def test_writes_are_refused_without_the_token(db):
    body = {"name": "new.txt", "text": "Aland and Borduria signed a treaty."}
    assert error_of(TestClient(create_app(db)).post("/api/ingest", json=body))["code"] == "forbidden"
    guarded = TestClient(create_app(db, token="s3cret", extract=False))
    assert guarded.post("/api/ingest", json=body).status_code == 401
    r = guarded.post("/api/ingest", json=body, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 201 and r.json()["added"]
    assert guarded.get("/api/documents/new.txt").json()["text"].startswith("Aland and Borduria")
    assert guarded.post("/api/ingest", json={"name": "../etc/passwd", "text": "x"},
                        headers={"Authorization": "Bearer s3cret"}).status_code == 422
    store = open_store(db, create=False)
    try:
        store.delete_document("new.txt")
    finally:
        store.close()


def test_openapi_documents_the_error_shape(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/facts" in schema["paths"] and "/api/ingest" in schema["paths"]
    responses = schema["paths"]["/api/facts"]["get"]["responses"]
    assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert not any(p.startswith("/entity") for p in schema["paths"])  # pages stay out of the API schema


def test_static_files_are_served(client):
    assert "timelineChart" in client.get("/static/app.js").text
    assert client.get("/static/app.css").status_code == 200


def test_serve_refuses_a_missing_knowledge_base(tmp_path):
    from typer.testing import CliRunner

    from dossier.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no knowledge base" in " ".join(result.output.split())


def test_serve_binds_localhost_and_reads_the_token_from_the_environment(db, monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from dossier.cli import app

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, host, port, **kw: seen.update(
        host=host, port=port, token=application.state.token))
    result = CliRunner().invoke(app, ["serve", "--db", db], env={"DOSSIER_TOKEN": "t0k"})
    assert result.exit_code == 0, result.output
    assert seen == {"host": "127.0.0.1", "port": 8000, "token": "t0k"}
    assert "http://127.0.0.1:8000/" in result.output


@pytest.mark.parametrize("url", ["/doc/trade.txt?start=abc&end=5", "/doc/trade.txt?start=-1&end=5",
                                 "/doc/trade.txt?start=0&end=999999999999999999999"])
def test_bad_page_parameters_give_an_html_422(client, url):
    r = client.get(url)
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html") and "Error 422" in r.text


@pytest.mark.parametrize("value", ["'; DROP TABLE facts; --", "<script>alert(1)</script>", "%00", "Aland' OR '1'='1"])
def test_hostile_filters_find_nothing_and_break_nothing(client, value):
    assert client.get("/api/facts", params={"entity": value}).json()["total"] == 0
    assert client.get("/api/timeline", params={"entity": value}).status_code == 200
    r = client.get("/timeline", params={"entity": value})
    assert r.status_code == 200 and "<script>alert" not in r.text
    assert client.get("/entity/" + value).status_code in (200, 404)
    assert client.get("/api/documents").json()["total"] == 3
