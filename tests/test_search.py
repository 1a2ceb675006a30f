"""Finding anything: the core search over topics and the checklist, as a front end calls it."""

from __future__ import annotations

from tui.core.content import default_library
from tui.core.search import HitKind, Place, query_words


def test_a_word_finds_the_topic_and_the_sentence_that_holds_it() -> None:
    hits = default_library().search("respite")
    assert hits, "respite should be found"
    carers = next(h for h in hits if h.id == "carers")
    assert carers.kind is HitKind.TOPIC and carers.title == "Care partners and carers"
    assert "respite" in carers.sentence.lower()
    assert carers.line().startswith("Topic: Care partners and carers. ")


def test_a_common_word_is_found_in_several_topics_and_the_checklist() -> None:
    hits = default_library().search("helpline")
    topics = {h.id for h in hits if h.kind is HitKind.TOPIC}
    assert {"emotional-support", "outside-the-us", "money-and-work"} <= topics
    items = [h for h in hits if h.kind is HitKind.CHECKLIST]
    assert [h.id for h in items] == ["peer-helpline"]
    assert items[0].line() == "Checklist: Call an MS helpline"


def test_title_hits_come_first_then_summaries_then_text() -> None:
    hits = default_library().search("care team")
    places = [h.place for h in hits]
    assert places == sorted(places) and places[0] is Place.TITLE
    titles = [h.title for h in hits if h.place is Place.TITLE]
    assert titles[:2] == ["Your care team", "What to tell your care team"]
    assert any(h.place is Place.TEXT for h in hits)  # and the rest still follow


def test_every_word_must_match_in_any_case() -> None:
    library = default_library()
    both = library.search("RESPITE Helpline")
    assert [h.id for h in both] == ["carers"]
    assert library.search("respite zebra") == []
    assert library.search("") == [] and library.search("  ,. ") == []
    assert [h.id for h in library.search("Respite")] == [h.id for h in library.search("respite")]


def test_a_word_matches_the_start_of_longer_words_and_numbers_are_found() -> None:
    library = default_library()
    assert "carers" in {h.id for h in library.search("carer")}  # finds "carers"
    assert "outside-the-us" in {h.id for h in library.search("116 123")}
    assert query_words("Silent  PROGRESSION, silent") == ["silent", "progression"]
    slow = library.search("silent progression")
    assert slow[0].id == "what-is-spms" and slow[0].place is Place.SUMMARY
    assert "noticing-slow-change" in {h.id for h in slow}


#: The words people use for what the day-to-day topics cover (issue 21), and the topic
#: each must find.
EVERYDAY_WORDS = {
    "tired": "symptoms",
    "bladder": "symptoms",
    "walking stick": "equipment-and-getting-around",
    "wheelchair": "equipment-and-getting-around",
    "driving": "equipment-and-getting-around",
    "job": "work-and-your-rights",
    "lawyer": "planning-ahead",
    "will": "planning-ahead",
    "relapse": "sudden-worsening",
    "neurologist": "treatment",
    "exercise": "rehabilitation",
}


def test_the_words_people_use_find_the_day_to_day_topics() -> None:
    library = default_library()
    for words, topic_id in EVERYDAY_WORDS.items():
        found = [h.id for h in library.search(words) if h.kind is HitKind.TOPIC]
        assert topic_id in found, (words, found)
    palette = library.app.palette["Topics"]
    for words in ["tired", "bladder", "walking stick", "wheelchair", "job", "lawyer", "will"]:
        assert words in palette, words  # the palette takes them to Topics, where Find is
