"""Editorial rules of `pacte check`: duplicate questions, durations, the `%` of the .bib, French citations."""

from __future__ import annotations

from pathlib import Path

from pacte.course.bibcheck import check_bib_percent
from pacte.course.editorial import editorial_errors
from pacte.course.questions import check_duplicates, check_durations, content_words, normalise, page_duration_errors

ROOT = Path(__file__).resolve().parents[1]
MINE = (
    "modules/dimensions",
    "modules/financement",
    "modules/dynamiques",
    "quiz/dimensions",
    "quiz/dynamiques",
    "quiz/financement",
    "references.bib",
)


def test_no_duplicate_or_near_duplicate_question():
    errors = [str(e) for e in check_duplicates()]
    assert not errors, "\n".join(errors)


def test_normalised_prompts_and_content_words():
    assert normalise("Qu’est-ce qu'un « noyau actif » ?") == "qu est ce qu un noyau actif"
    words = content_words(
        {
            "prompt": "Quelle fonction latente ?",
            "explanation": "Les réunions réitérées.",
            "choices": [{"text": "Échanger", "correct": True}, {"text": "Contrôler"}],
        }
    )
    assert words == {"fonction", "latente", "reunions", "reiterees", "echanger"}


def _bank(path: Path, bank: str, qid: str, prompt: str, explanation: str) -> None:
    path.write_text(
        f'id: {bank}\ntitle: Banque\nquestions:\n  - id: {qid}\n    type: single\n    prompt: "{prompt}"\n'
        '    choices:\n      - {id: a, text: "Oui", correct: true, feedback: "Oui."}\n'
        '      - {id: b, text: "Non", feedback: "Non."}\n'
        f'    explanation: "{explanation}"\n    source: {{ref: ehesp_pacte, detail: "page"}}\n',
        encoding="utf-8",
    )


def test_duplicates_are_reported_with_file_line_field(tmp_path, monkeypatch):
    quiz = tmp_path / "datasets" / "quiz"
    quiz.mkdir(parents=True)
    _bank(quiz / "a.yaml", "a", "latente", "Quelle fonction latente ont les réunions ?", "Elles font apprendre.")
    _bank(quiz / "b.yaml", "b", "latente", "Quelle fonction latente ont les réunions ?", "Elles font apprendre.")
    _bank(
        quiz / "c.yaml",
        "c",
        "autre",
        "Quelle fonction latente ont les réunions répétées ?",
        "Elles font apprendre les standards des autres.",
    )
    monkeypatch.setenv("PACTE_ROOT", str(tmp_path))
    errors = [(Path(e.path).name, e.line, e.field, e.message) for e in check_duplicates()]
    assert any(e[:3] == ("b.yaml", 4, "id") and "also used by question 'latente' of bank 'a'" in e[3] for e in errors)
    assert any(
        e[:3] == ("b.yaml", 4, "prompt") and "same prompt as question 'latente' of bank 'a'" in e[3] for e in errors
    )
    near = [e for e in errors if e[0] == "c.yaml" and "near-duplicate" in e[3]]
    assert near and all("question 'autre' of bank 'c' (c.yaml:4)" in e[3] for e in near)


def test_durations_of_my_pages_match_their_plans():
    errors = [str(e) for e in check_durations(ROOT) if any(m in e.path for m in MINE)]
    assert not errors, "\n".join(errors)


def test_duration_rule_reads_ranges_slots_and_titles(tmp_path):
    page = tmp_path / "p.md"
    head = "# Titre\n\n```{admonition} En bref\n**Durée** — 45 minutes (lecture 20 min).\n```\n\n"
    ranges = "## Notes pour le formateur\n\n````{dropdown} Déroulé\n**Déroulé (50 min)**\n- 0-10 min : a.\n- 10-50 min : b.\n````\n"
    errors = page_duration_errors(page, head + ranges)
    assert [(e.line, e.field) for e in errors] == [(4, "Durée")]
    assert "45 min but the session plan totals 50 min" in errors[0].message
    slots = "## Notes pour le formateur\n\n```{dropdown} Notes\n**Plan de séance (45 min)**\n- 5 min — a\n- 30 min — b\n```\n"
    errors = page_duration_errors(page, head + slots)
    assert [e.field for e in errors] == ["Notes pour le formateur"]
    assert "add up to 35 min" in errors[0].message
    ok = slots.replace("30 min — b", "40 min — b")
    assert page_duration_errors(page, head + ok) == []


def test_unescaped_percent_in_bib(tmp_path):
    bib = tmp_path / "r.bib"
    bib.write_text(
        "% comment: 50 % is fine here\n@misc{a,\n  title = {T},\n  note = {plafond de 25 % ; avance de 60 \\%}\n}\n",
        encoding="utf-8",
    )
    errors = check_bib_percent(bib)
    assert [(e.line, e.field) for e in errors] == [(4, "note")]
    assert check_bib_percent(ROOT / "book" / "references.bib") == []


def test_my_files_pass_every_editorial_rule():
    errors = [str(e) for e in editorial_errors(ROOT) if any(m in e.path for m in MINE)]
    assert not errors, "\n".join(errors[:30])


def test_citation_labels_are_french():
    from pybtex.database import parse_file

    from pacte.course.citations import short_label
    from pacte.site.bibstyle import FrenchStyle, register

    register()
    entries = parse_file(str(ROOT / "book" / "references.bib")).entries
    assert short_label(entries["dehaas2018"]) == "de Haas, 2018"
    assert short_label(entries["peyron_buttard2018"]) == "Peyron et Buttard, 2018"
    assert short_label(entries["coordination2025"]) == "Coordination des soins, 2025"
    formatted = {e.key: e for e in FrenchStyle().format_entries(entries.values())}
    text = formatted["peyron_buttard2018"].text.render_as("text")
    assert "Christine Peyron et Anne Buttard" in text and "Dans :" in text and "(dir.)" in text
    assert " and " not in text and "editors" not in text
    assert formatted["bergeron2018"].label == "Bergeron et Moyal, 2018"
    assert "25 %" in formatted["ameli2020"].text.render_as("text")


def test_built_citations_are_french(built_book):
    page = (built_book / "modules" / "financement" / "du-paiement-a-l-acte-aux-forfaits.html").read_text(
        encoding="utf-8"
    )
    assert "Haas, 2018" in page and "de\u00a0Haas" in page or "de Haas" in page
    bib = (built_book / "book" / "bibliographie.html").read_text(encoding="utf-8")
    assert " and " not in bib.split("<main")[1].split("</main>")[0]
    assert "Auteur non indiqué, 2025" not in bib and "Coordination des soins, 2025" in bib
