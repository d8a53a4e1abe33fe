"""Time expressions: absolute dates, ranges, relative ones and the year of a dated article."""

from __future__ import annotations

import pytest

from dossier.extract import times
from dossier.extract.context import Context
from dossier.records import Document

pytestmark = pytest.mark.model


def values(nlp_model, text: str, published: str | None = None) -> dict[str, str]:
    doc = Document(path="t.txt", name="t.txt", text=text, published=published)
    return {t.text: t.iso for t in times.find_times(Context(doc=doc, sp=nlp_model(text)))}


@pytest.mark.parametrize("text, surface, iso", [
    ("The declaration was signed on 15 June 2021 in Shusha.", "15 June 2021", "2021-06-15"),
    ("The forum took place on 26-28 May 2022.", "26-28 May 2022", "2022-05-26/2022-05-28"),
    ("Trade grew in January – November 2021.", "January – November 2021", "2021-01/2021-11"),
    ("The railway opened in October 2017.", "October 2017", "2017-10"),
    ("Between 2019 and 2023 Azerbaijan chaired it.", "Between 2019 and 2023", "2019/2023"),
    ("From 26 to 28 May 2022 they met.", "From 26 to 28 May 2022", "2022-05-26/2022-05-28"),
])
def test_times_reads_absolute_dates_and_ranges(nlp_model, text, surface, iso):
    assert values(nlp_model, text)[surface] == iso


def test_times_keeps_an_unknown_year_unknown(nlp_model):
    assert values(nlp_model, "The ministers met on June 10 in Ankara.")["June 10"] == "XXXX-06-10"


@pytest.mark.parametrize("text, published, iso", [
    ("Fighting broke out on September 27 along the line.", "2020-09-28", "2020-09-27"),   # the day before
    ("Fighting broke out on September 27 along the line.", "2021-01-05", "2020-09-27"),   # months before
    # a few weeks ahead: a scheduled date of the same year (told in the past, the year before)
    ("The talks will open on September 27 in Geneva.", "2020-08-01", "2020-09-27"),
    ("Fighting broke out on September 27 along the line.", "2020-08-01", "2019-09-27"),
])
def test_times_takes_the_year_of_a_dated_article(nlp_model, text, published, iso):
    assert values(nlp_model, text, published)["September 27"] == iso


def test_times_resolves_last_year_against_the_publication_date(nlp_model):
    got = values(nlp_model, "Turnover reached $4 billion last year.", "2022-06-09")
    assert got["last year"] == "2021"


@pytest.mark.parametrize("text, surface, iso", [
    ("Moldova and Romania conducted joint naval exercises in the Black Sea in June.", "June", "2023-06"),
    ("The exercises will be held in June.", "June", "2024-06"),
    ("The ministers met on 20 December.", "20 December", "2023-12-20"),
])
def test_a_bare_month_told_in_the_past_is_the_last_one_before_the_report(nlp_model, text, surface, iso):
    assert values(nlp_model, text, "2024-05-10")[surface] == iso


@pytest.mark.parametrize("text, surface, iso", [
    ("The two premiers will meet again in Chisinau in February.", "February", "2025-02"),
    ("The summit will take place in Iasi on 2 May.", "2 May", "2025-05-02"),
    ("The exhibition will open in May.", "May", "2024-05"),   # the month of the report is not over
    ("The summit will take place in Iasi on 20 November.", "20 November", "2024-11-20"),
])
def test_a_bare_month_told_in_the_future_is_the_next_one_from_the_report(nlp_model, text, surface, iso):
    assert values(nlp_model, text, "2024-05-10")[surface] == iso


@pytest.mark.parametrize("text, surface, iso", [
    ("In the first quarter, Moldova's exports rose.", "the first quarter", "2024-01/2024-03"),
    ("In the first half of the year, Moldova's exports rose.", "the first half", "2023-01/2023-06"),
    ("In the first half of last year, Moldova's exports rose.", "the first half of last year", "2023-01/2023-06"),
    ("In the first seven months, Moldova's exports rose.", "the first seven months", "2023-01/2023-07"),
    ("Moldova's exports will rise in the second half.", "the second half", "2024-07/2024-12"),
])
def test_a_period_of_months_without_a_year_is_the_last_one_over_or_told_ahead_the_next(nlp_model, text, surface,
                                                                                        iso):
    assert values(nlp_model, text, "2024-05-10")[surface] == iso


def test_a_half_of_a_century_is_no_period_of_the_report_s_year(nlp_model):
    assert "the first half" not in values(nlp_model, "In the first half of the 19th century it grew.", "2024-05-10")


@pytest.mark.parametrize("text, surface, iso", [
    ("Vestra will sell gas to Moldova from April next year.", "April next year", "2025-04"),
    ("Deliveries began in March of last year.", "March of last year", "2023-03"),
    ("The two ministers met on 5 May last year.", "5 May last year", "2023-05-05"),
])
def test_times_reads_a_month_of_a_year_told_relative_to_the_report(nlp_model, text, surface, iso):
    assert values(nlp_model, text, "2024-12-10")[surface] == iso


@pytest.mark.parametrize("text, year", [
    ("Peace has held since the signing of the 1555 Westphalian accord.", "1555"),
    ("The 1699 Treaty of Karlowitz ended the war.", "1699"),
])
def test_times_reads_an_old_year_dating_a_named_treaty(nlp_model, text, year):
    assert year in values(nlp_model, text).values()


@pytest.mark.parametrize("text, surface, iso", [
    ("It followed the First Transnistria War (1990–92) and the truce.", "1990–92", "1990/1992"),
    ("The Second Karabakh War (2020) ended in November.", "2020", "2020"),
])
def test_times_reads_the_years_in_parentheses_after_a_name(nlp_model, text, surface, iso):
    assert values(nlp_model, text)[surface] == iso


def test_times_still_reads_no_year_a_name_carries(nlp_model):
    assert values(nlp_model, "The plan is called Vision 2030.") == {}


def test_times_does_not_read_an_old_count_as_a_year(nlp_model):
    assert values(nlp_model, "The 1500 volunteers arrived at the border.") == {}


@pytest.mark.parametrize("text, surface, iso", [
    ("Erdogan last night discussed the border with Johnson.", "last night", "2020-09-30"),
    ("The ministers will speak again tonight.", "tonight", "2020-10-01"),
    ("Shelling resumed this morning near the town.", "this morning", "2020-10-01"),
])
def test_times_reads_parts_of_the_day_against_the_publication_date(nlp_model, text, surface, iso):
    assert values(nlp_model, text, "2020-10-01")[surface] == iso


@pytest.mark.parametrize("text, surface, iso", [
    # a written date of the same paragraph dates a bare month, not the publication
    ("On 2 May 2019, the ban widened. It followed a first ban imposed in April.", "April", "2019-04"),
    # a bare year is often a label: it does not anchor
    ("It topped the 2019 export list. The deal was signed on May 14.", "May 14", "2021-05-14"),
    # a year of the sentence itself, even in a name, keeps the sentence before from dating it
    ("The fair was held in Iasi in March 2019. The Vestra 2021 fair opened on 24 May.", "24 May", "2021-05-24"),
    # another paragraph does not anchor
    ("On 2 May 2019, the ban widened.\n\nA first ban was imposed in April.", "April", "2021-04"),
    # the other end of the range gives the year
    ("He served from March to 9 October 1995 as chief of staff.", "March", "1995-03"),
])
def test_times_dates_a_bare_month_by_its_passage(nlp_model, text, surface, iso):
    assert values(nlp_model, text, "2021-06-30")[surface] == iso


@pytest.mark.parametrize("text, iso", [
    ("The Council met on Tuesday.", "2024-11-26"),
    ("The Council will meet behind closed doors on Tuesday.", "2024-12-03"),
    ("'The world will hear our roar,' he said on Tuesday.", "2024-11-26"),
    # a weekday opening its sentence takes the tense told after it
    ("On Tuesday, the Commissioner will co-chair the council in Chisinau.", "2024-12-03"),
    ("On Tuesday, the minister said the talks will continue.", "2024-11-26"),
])
def test_a_weekday_in_a_future_clause_is_the_coming_one(nlp_model, text, iso):
    # published on Sunday 1 December 2024
    assert [v for k, v in values(nlp_model, text, "2024-12-01").items() if "Tuesday" in k] == [iso]


@pytest.mark.parametrize("text, surface, iso", [
    ("Moldova applied in 2000. The following year, it joined the body.", "The following year", "2001"),
    ("Moldova applied in 2000 and joined the body the next year.", "the next year", "2001"),
    ("Trade reached $2.5 billion in 2022, up from $1.9 billion a year earlier.", "a year earlier", "2021"),
    ("Moldova applied in 2000; a year later it joined the body.", "a year later", "2001"),
    ("In 2022 exports grew; the year before they fell.", "the year before", "2021"),
])
def test_a_year_told_from_the_one_before_counts_from_it(nlp_model, text, surface, iso):
    assert values(nlp_model, text, "2024-12-01")[surface] == iso


@pytest.mark.parametrize("text, surface, iso", [
    ("The talks opened in Iasi on 5 May 2024. The previous day, the minister had visited Ungheni.",
     "The previous day", "2024-05-04"),
    ("The talks opened in Iasi on 5 May 2024. The next day, the delegates toured the port.", "The next day",
     "2024-05-06"),
    ("The talks opened in Iasi on 5 May. A day later, the delegates toured the port.", "A day later", "2024-05-06"),
    # a date set off in a clause about a thing recalled is not the day the story goes on with
    ("The prime minister opened the talks in Iasi on 12 March. He recalled that the treaty, signed on 3 April "
     "1997, set the border. Later that day, he toured the port.", "that day", "2024-03-12"),
])
def test_a_day_told_from_the_one_before_counts_from_it(nlp_model, text, surface, iso):
    assert values(nlp_model, text, "2024-12-01")[surface] == iso


def test_a_timeline_entry_s_year_dates_the_days_and_months_of_its_line(nlp_model):
    text = ("Timeline\n\n- 2017 – The Iasi railway opens on 30 October.\n- 2018 – The Prut pipeline opens on 12 June; "
            "the Giurgiulesti terminal opens in October.\n2020: The Vestra line starts operating on 31 December.")
    found = values(nlp_model, text, "2024-03-03")
    assert [found[k] for k in ("30 October", "12 June", "October", "31 December")] == [
        "2017-10-30", "2018-06-12", "2018-10", "2020-12-31"]


@pytest.mark.parametrize("text, dated", [
    ("Chisinau, 14 March 2024 — The prime minister received a delegation led by the Romanian minister on 13 "
     "March.", {"13 March": "2024-03-13"}),
    ("ASTANA, Sept 4, 2023 (Kazpress) -- The two armies began a drill on Monday.", {"on Monday": "2024-03-11"}),
])
def test_a_dateline_dates_the_page_not_what_its_paragraph_tells(nlp_model, text, dated):
    assert values(nlp_model, text, "2024-03-14") == dated


def test_a_day_told_from_a_month_before_is_no_time(nlp_model):
    found = values(nlp_model, "The talks opened in May 2024. The next day, they ended.", "2024-12-01")
    assert "The next day" not in found


def test_a_year_before_something_named_is_no_time_of_its_own(nlp_model):
    found = values(nlp_model, "Trade fell in 2020, the year before the accord.", "2024-12-01")
    assert found == {"2020": "2020"}


@pytest.mark.parametrize("text, iso", [
    ("In 2023, the fair opened in Chisinau on 5 May.", "2023-05-05"),
    ("The 2023 export list was published on 5 May.", "2024-05-05"),   # a year in a label dates nothing
    ("In 2023 trade grew. On 5 May the fair opened.", "2024-05-05"),   # another sentence's bare year
])
def test_a_sentence_dated_in_a_year_gives_its_day_the_year(nlp_model, text, iso):
    assert values(nlp_model, text, "2024-12-01")["5 May"] == iso


@pytest.mark.parametrize("text, surface, iso", [
    ("Romania sold weapons to Moldova between 2015 and 2020.", "between 2015 and 2020", "2015/2020"),
    ("Trade with Moldova from 2015 to 2020 grew.", "from 2015 to 2020", "2015/2020"),
])
def test_a_range_of_years_after_a_name_is_a_range(nlp_model, text, surface, iso):
    assert values(nlp_model, text)[surface] == iso


def test_a_name_that_carries_a_year_is_still_no_time(nlp_model):
    assert "2030" not in values(nlp_model, "They launched Vision 2030 in May.")


@pytest.mark.parametrize("text, surface, published, iso", [
    ("Rusu paid an official visit to Romania on 8-9 April.", "8-9 April", "2025-04-10", "2025-04-08/2025-04-09"),
    ("The forum is held on April 8–9 in Chisinau.", "April 8–9", "2025-04-10", "2025-04-08/2025-04-09"),
    ("Rusu paid an official visit to Romania on 8-9 April.", "8-9 April", None, "XXXX-04-08/XXXX-04-09"),
])
def test_a_day_range_without_its_year_takes_the_articles(nlp_model, text, surface, published, iso):
    assert values(nlp_model, text, published)[surface] == iso


@pytest.mark.parametrize("text, key, expected", [
    ("They met on 3 and 4 May 2023.", "3 and 4 May 2023", ("2023-05-03", "2023-05-04")),   # two days running
    ("Trade grew in 2020 and 2021.", "2020", ("2020", None)),                               # two years, no span
])
def test_two_days_running_joined_by_and_are_one_span(nlp_model, text, key, expected):
    from dossier.extract import times
    from dossier.extract.context import Context
    from dossier.records import Document
    ctx = Context(doc=Document(path="t.txt", name="t.txt", text=text, published="2024-12-01"), sp=nlp_model(text))
    found = {t.text: (t.value, t.end_value) for t in times.find_times(ctx)}
    assert found[key] == expected


def test_the_same_period_of_last_year_is_those_months_a_year_before(nlp_model):
    text = ("In January–September 2024 trade rose 9% from the same period of last year. Over the same period, "
            "investment grew. In 2023 exports fell 4% against the same period of the previous year.")
    got = values(nlp_model, text, published="2024-10-18")
    assert got == {"January–September 2024": "2024-01/2024-09", "the same period of last year": "2023-01/2023-09",
                   "Over the same period": "2024-01/2024-09", "2023": "2023",
                   "the same period of the previous year": "2022"}


def test_the_same_day_is_not_a_day_long_past_that_a_participle_recalls(nlp_model):
    text = ("The sides discussed the agreement on defence signed in Chisinau on 21 February 2023. On the same day, "
            "the ministers met. The delegation led by X arrived on 10 March. On the same day, they met Y.")
    doc = Document(path="t.txt", name="t.txt", text=text, published="2024-03-12")
    got = [(t.text, t.iso) for t in times.find_times(Context(doc=doc, sp=nlp_model(text)))]
    assert got == [("21 February 2023", "2023-02-21"), ("10 March", "2024-03-10"), ("the same day", "2024-03-10")]


@pytest.mark.parametrize("text, surface, iso", [
    ("The pipeline carried 15.5 million tons of oil in Jan.-June.", "Jan.-June", "2024-01/2024-06"),
    ("Exports fell in March–May, the ministry said.", "March–May", "2024-03/2024-05")])
def test_a_range_of_months_without_a_year_is_the_reports(nlp_model, text, surface, iso):
    assert values(nlp_model, text, "2024-09-18")[surface] == iso
