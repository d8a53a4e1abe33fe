"""Turkish articles: names marked by their head noun or acronym, dates, and events read from trigger
stems (made-up sentences)."""

from __future__ import annotations

import pytest

from dossier.extract import turkish
from dossier.extract.run import extract
from dossier.records import Document, Event


def test_names_end_at_the_suffix_apostrophe_and_take_their_kind_from_the_head_noun():
    text = ("Tiflis-Poti (TPH) Demiryolu Hattı 2009 yılında açıldı. TPH ve Kuzey Koridoru'nun yükü arttı. "
            "Karadeniz Ticaret Konsorsiyumu kuruldu.")
    got = {(text[n.start:n.end], n.type, n.form) for n in turkish.names(text)}
    assert ("Tiflis-Poti (TPH) Demiryolu Hattı", "infrastructure", "name") in got
    assert ("Kuzey Koridoru", "infrastructure", "name") in got
    assert ("Karadeniz Ticaret Konsorsiyumu", "organization", "name") in got
    assert ("TPH", "organization", "acronym") in got


@pytest.mark.parametrize("text, value, end", [
    ("Anlaşma 15 Haziran 2021 tarihinde imzalandı.", "2021-06-15", None),
    ("Proje Mart 2019 ayında başladı.", "2019-03", None),
    ("Savaş (1991-1994) uzun sürdü.", "1991", "1994"),
    ("Hat 2017 yılında faaliyete geçti.", "2017", None),
    ("Hat 2017'de açıldı.", "2017", None),
])
def test_dates(text, value, end):
    [(_, _, got, got_end)] = turkish.dates(text)
    assert (got, got_end) == (value, end)


def test_a_number_that_is_no_year_is_no_date():
    assert turkish.dates("Hat 7000 kilometre uzunluğundadır ve 1500 vagon taşır.") == []


def test_a_participle_qualifies_the_noun_after_it():
    assert turkish.participle("kurulan", "TITR")
    assert turkish.participle("bağımsızlığını yeniden kazanan", "Gürcistan")
    assert not turkish.participle("bağımsızlığını yeniden ilan", "etmesi")
    assert turkish.participle("bağımsızlığını ilan", "eden")


@pytest.mark.model
def test_events_of_a_turkish_article(nlp_model):
    text = ("Gürcistan'ın Bağımsızlığı\n\n"
            "1991 yılında Sovyetler Birliği'nin dağılmasıyla Gürcistan'ın bağımsızlığını yeniden ilan etmesi "
            "bölge için bir dönüm noktasıdır. Romanya, Gürcistan'ı ilk tanıyan devletlerden biri olmuştur. "
            "2008 yılında yaşanan Beş Gün Savaşı bölgeyi sarstı. "
            "Tiflis-Poti (TPH) Demiryolu Hattı 2009 yılında faaliyete geçmiştir. "
            "Bu zirve noktası değildir.")
    doc = extract(Document(path="t.md", name="t.md", text=text, language="tr"), nlp_model)
    got = {(f.type, f.name, tuple(f.participants), f.date) for f in doc.facts if isinstance(f, Event)}
    assert got == {
        ("independence", None, ("Georgia",), "1991"),
        ("recognition", None, ("Romania", "Georgia"), "1991"),
        ("war", "Beş Gün Savaşı", (), "2008"),
        ("opening", "Tiflis-Poti Demiryolu Hattı", (), "2009"),
    }
