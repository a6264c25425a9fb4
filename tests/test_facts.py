"""Recurring facts: no two pages (or data files) give different dates, counts or attributions for one fact.

The facts file gives, per fact, the values the seeds give (``claims``); every page and
data file is searched for each claim's pattern, and each value found must be one of
them. Planted disagreements, in a page and in a question bank, must be caught.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pacte.course.facts import (
    check_fact_consistency,
    checked_text,
    claimed_values,
    data_fact_errors,
    data_files,
    data_text,
    expand_facts,
    load_facts,
    norm_value,
    page_fact_errors,
    text_fact_errors,
)
from pacte.course.paths import build_dir, course_root, prose_pages

FACTS = load_facts()
ROOT = course_root()


def _values_by_page(paths: list[Path]) -> dict[tuple[str, str], dict[str, set[str]]]:
    """For each (fact, claim pattern): the pages giving each value, values compared without spaces."""
    found: dict[tuple[str, str], dict[str, set[str]]] = {}
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        text = checked_text(raw, FACTS) if path.suffix == ".md" else data_text(path)
        for fact, claim, value, pos in claimed_values(text, FACTS):
            where = f"{path.relative_to(path.parents[2]) if len(path.parents) > 2 else path}:{text.count(chr(10), 0, pos) + 1}"
            found.setdefault((fact.id, claim["pattern"]), {}).setdefault(norm_value(value), set()).add(where)
    return found


def _disagreements(paths: list[Path]) -> list[str]:
    """Claims for which some page gives a value the seeds do not: one message per value, naming its pages."""
    claims = {(f.id, c["pattern"]): c for f in FACTS.values() for c in f.claims}
    messages = []
    for key, by_value in sorted(_values_by_page(paths).items()):
        allowed = {norm_value(v) for v in claims[key]["values"]}
        for value, pages in sorted(by_value.items()):
            if value not in allowed:
                others = sorted(p for v, ps in by_value.items() if v in allowed for p in ps)[:3]
                messages.append(f"{key[0]}: {claims[key]['why']}: {value} in {sorted(pages)}, seeds' value at {others}")
    return messages


def _course_files() -> list[Path]:
    return prose_pages(ROOT) + data_files(ROOT)


def test_every_page_and_data_file_agrees_with_the_facts():
    assert [str(e) for e in check_fact_consistency(ROOT)] == []


def test_no_two_pages_give_different_values_for_a_fact():
    assert _disagreements(_course_files()) == []


def test_every_claim_pattern_finds_the_fact_somewhere_in_the_course():
    """A claim that matches nothing guards nothing: each pattern must find at least one statement."""
    found = _values_by_page(_course_files())
    silent = [f"{f.id}: {c['why']}" for f in FACTS.values() for c in f.claims if (f.id, c["pattern"]) not in found]
    assert silent == []


def test_every_fact_is_drawn_on_by_a_page():
    used = {m for p in prose_pages(ROOT) for m in re.findall(r"\{fact\}`([^`]+)`", p.read_text(encoding="utf-8"))}
    assert sorted(set(FACTS) - used) == []


# A sentence a page might write, and the fact it contradicts.
PLANTED = [
    ("Les ENMR (2011-2014) étaient gérées par les ARS.", "enmr-dates"),
    ("Le règlement arbitral de 2016 reprend les financements.", "enmr-dates"),
    ("L’ACI des MSP de 2018 rend la coordination obligatoire.", "enmr-dates"),
    ("L’ACI des CPTS du 20 juin 2020 finance leurs missions.", "enmr-dates"),
    ("Le règlement arbitral pérennise les ENMR.", "enmr-dates"),
    ("L’article 51 de 2019 ouvre des financements dérogatoires.", "article-51-2018"),
    ("La loi HPST de 2007 crée les ARS.", "article-51-2018"),
    ("Le plan Ma santé 2022 crée l’article 51.", "article-51-2018"),
    ("Le programme « Pacte » déployé par l’EHESP forme les équipes.", "deux-pacte"),
    ("La formation construite par des leaders de MSP et la HAS.", "deux-pacte"),
    ("Les DAC, créés en 2021, regroupent les PTA.", "dac-2019"),
    ("Depuis 2020, les DAC regroupent les PTA.", "dac-2019"),
    ("En 2025, on compte 850 CPTS.", "structures-2025"),
    ("On compte 2 600 MSP selon AVECsanté.", "structures-2025"),
    ("Le plan « 5 000 MSP » est affiché.", "structures-2025"),
    ("Il y a 1 300 centres de santé médicaux et polyvalents.", "structures-2025"),
    ("En CPTS, 52 % des répondants jugent la dynamique « en progression ».", "cpts-en-progression"),
    ("Les équipes de soins primaires (ESP) sont introduites en 2016.", "esp-definition"),
    ("En Allemagne, un district excédentaire est fermé à toute installation.", "allemagne-regulation"),
]


@pytest.mark.parametrize(("sentence", "fact"), PLANTED)
def test_a_planted_disagreement_in_one_page_is_caught(tmp_path, sentence, fact):
    page = tmp_path / "modules" / "panorama" / "plante.md"
    page.parent.mkdir(parents=True)
    page.write_text(f"# Titre\n\nUn paragraphe.\n\n{sentence}\n", encoding="utf-8")
    errors = page_fact_errors(page, FACTS)
    assert errors and all(e.line == 5 for e in errors), [str(e) for e in errors]
    assert any(f"'{fact}'" in str(e) for e in errors)


def test_a_planted_page_makes_two_pages_disagree_and_is_named(tmp_path):
    source = ROOT / "modules" / "panorama" / "histoire-des-reformes.md"
    planted = tmp_path / "modules" / "panorama" / source.name
    planted.parent.mkdir(parents=True)
    planted.write_text(
        source.read_text(encoding="utf-8") + "\nLes ENMR (2008-2014) financent les équipes.\n", encoding="utf-8"
    )
    pages = [planted if p == source else p for p in _course_files()]
    messages = _disagreements(pages)
    assert len(messages) == 1 and "2008" in messages[0] and "histoire-des-reformes.md" in messages[0]
    assert "2010" not in messages[0].split(" in ")[1].split("]")[0]


def test_a_planted_disagreement_in_a_question_bank_is_caught_but_not_a_seed_locator(tmp_path):
    bank = tmp_path / "bank.yaml"
    shutil.copy(ROOT / "datasets" / "quiz" / "financement.yaml", bank)
    assert data_fact_errors(bank, FACTS) == []
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text + '\n# explanation: "Les ENMR (2012-2014) sont gérées par les ARS."\n', encoding="utf-8")
    errors = data_fact_errors(bank, FACTS)
    assert [e.line for e in errors] == [text.count("\n") + 2]
    bank.write_text(text + '\n    source: {ref: x, locator: "Les ENMR (2012-2014) sont gérées"}\n', encoding="utf-8")
    assert data_fact_errors(bank, FACTS) == []


def test_hors_sources_marks_and_seed_phrases_of_citations_are_not_the_pages_claims(tmp_path):
    page = tmp_path / "p.md"
    page.write_text(
        "{hors-sources}`Les ENMR (2011-2014) selon un site.` Un passage "
        "{cite-passage}`En 2025, on compte 850 CPTS <schweyer2025>`.\n",
        encoding="utf-8",
    )
    assert page_fact_errors(page, FACTS) == []


def test_a_fact_opening_a_sentence_takes_a_capital_and_not_after_a_colon():
    assert expand_facts("Titre.\n\n{fact}`dac-2019`.").split("\n\n")[1].startswith("Depuis 2019")
    assert expand_facts("Le DAC :\n{fact}`dac-2019`.").split("\n")[1].startswith("depuis 2019")
    assert expand_facts("- {fact}`esp-definition`").startswith("- La notion")


class _Text(HTMLParser):
    """The text a reader sees in a built page, without the cited passages (seed text) and hors-sources marks."""

    SKIP = ("pacte-evidence-passage", "pacte-hors-sources", "headerlink")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0  # > 0 inside a skipped element

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if self.depth or tag in ("script", "style") or any(c in classes for c in self.SKIP):
            if tag not in ("br", "img", "input", "meta", "link", "hr"):
                self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def test_the_built_pages_agree_on_every_fact():
    built = build_dir() / "html"
    if not (built / "modules").exists():
        pytest.skip("the book is not built: run `pacte build` first")
    errors = []
    for page in sorted(built.glob("modules/*/*.html")) + sorted(built.glob("book/*.html")):
        html = page.read_text(encoding="utf-8")
        body = html[html.find('<article class="bd-article"') :] if '<article class="bd-article"' in html else html
        parser = _Text()
        parser.feed(body)
        errors += [str(e) for e in text_fact_errors(page, "".join(parser.parts), FACTS, prose=False)]
    assert errors == []
