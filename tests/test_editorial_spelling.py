"""French spelling of the course prose (hunspell + hunspell-fr, installed by `scripts/install.sh --test`).

Words hunspell does not know must be listed in `pacte/course/mots_du_cours.txt`
(names, acronyms, technical terms); anything else is a misspelling, reported
with its file and line. Review the list with `python -m pacte.course.spelling --words`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import _missing

from pacte.course.spelling import WORD_LIST, check_spelling, hunspell_available, unknown_words, words_of

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def hunspell():
    if not hunspell_available():
        _missing("hunspell and hunspell-fr are not installed: run scripts/install.sh --test")


def test_words_of_french_text():
    assert words_of("L’équipe de l’EHESP : coordinateur·rice, 1 320 MSP jusqu’au 12/2020.") == [
        "équipe",
        "de",
        "EHESP",
        "coordinateur",
        "MSP",
        "au",
    ]


def test_misspellings_are_caught_and_the_word_list_is_used(hunspell, tmp_path):
    assert unknown_words(["coordination", "coordinnation", "Schweyer", "pluriprofessionnelle"]) == {"coordinnation"}
    empty = tmp_path / "vide.txt"
    empty.write_text("", encoding="utf-8")
    assert unknown_words(["Schweyer", "coordination"], empty) == {"Schweyer"}


def test_word_list_is_sorted_and_without_duplicates():
    words = WORD_LIST.read_text(encoding="utf-8").split("\n")
    words = [w for w in words if w]
    assert len(words) == len(set(words))
    assert all(" " not in w for w in words)


def test_course_prose_has_no_misspelling(hunspell):
    errors = [str(e) for e in check_spelling(ROOT)]
    assert not errors, f"{len(errors)} unknown words:\n" + "\n".join(errors[:80])
