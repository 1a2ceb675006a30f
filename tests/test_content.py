"""The shipped content: complete, cross-checked, sourced and in plain language."""

from __future__ import annotations

from pathlib import Path

import textstat

from tui.core.content import default_library
from tui.core.models import BlockKind


def _topic_text(topic_id: str) -> str:
    topic = default_library().topic(topic_id)
    parts = [topic.title, topic.summary, *(b.text for b in topic.blocks)]
    parts += [c.sentence() for c in topic.contacts]
    return "\n".join(parts)


def test_every_topic_the_issue_asks_for_is_there() -> None:
    titles = {t.id: t.title for t in default_library().topics}
    assert set(titles) >= {
        "what-is-spms",
        "emotional-support",
        "patient-information",
        "care-team",
        "talking-to-your-team",
        "friends-and-family",
        "counselors",
        "social-workers",
        "support-groups",
        "financial-help",
        "support-network",
    }


def test_the_facts_of_both_seed_articles_are_covered() -> None:
    facts = {
        "what-is-spms": ["relapsing-remitting", "silent progression", "worse"],
        "emotional-support": [
            "866-673-7436",
            "National Multiple Sclerosis Society",
            "Multiple Sclerosis Association of America",
            "psychologist",
            "discussion boards",
            "Facebook",
        ],
        "care-team": [
            "neurologist",
            "urologist",
            "physiatrist",
            "physical therapist",
            "occupational therapist",
            "psychologist",
            "social worker",
            "Nurses",
        ],
        "talking-to-your-team": ["questions", "worries", "hard for you and your family", "feel"],
        "friends-and-family": ["meals", "pets", "getting around", "smile", "do not need"],
        "counselors": ["spiritual or religious advisor", "stress", "decisions", "family"],
        "social-workers": ["health care system", "pay less", "services"],
        "support-groups": ["online", "in person", "share", "social worker"],
        "financial-help": [
            "insurance",
            "financial counselor",
            "Tell your doctor",
            "discounts, subsidies or rebates",
            "Financial Resources and Financial Assistance",
        ],
    }
    for topic_id, needles in facts.items():
        text = _topic_text(topic_id)
        for needle in needles:
            assert needle in text, f"{topic_id} is missing {needle!r}"


def test_every_topic_names_its_sources_and_review_date() -> None:
    library = default_library()
    for topic in library.topics:
        assert library.topic_sources(topic), topic.id
        assert topic.last_reviewed
        assert topic.blocks[0].kind is BlockKind.HEADING


def test_checklist_covers_each_kind_of_support() -> None:
    library = default_library()
    groups = {g.id for g in library.groups}
    assert groups == {"care-team", "practical", "emotional", "professional", "peer", "financial"}
    used = {i.group_id for i in library.checklist}
    assert used == groups
    assert len(library.checklist) >= 15


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_plain_language_well_below_the_seeds_reading_level() -> None:
    """The seeds read at about US grade 8.5 to 10; ours must be far easier (Flesch-Kincaid)."""
    library = default_library()
    grades = {t.id: textstat.flesch_kincaid_grade(_topic_text(t.id)) for t in library.topics}
    overall = textstat.flesch_kincaid_grade("\n".join(_topic_text(t.id) for t in library.topics))
    assert overall <= 6.0, grades
    assert max(grades.values()) <= 7.5, grades
    for seed in sorted(SEEDS.glob("*.txt")):  # the same measure on the source articles
        assert textstat.flesch_kincaid_grade(seed.read_text("utf-8")) >= overall + 4
