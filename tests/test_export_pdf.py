"""``pacte export pdf``: handouts printed by headless Chromium from the built book, read back with pypdf."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from conftest import offline_context

from pacte.cli import main
from pacte.course.toc import effective_toc
from pacte.export.pdf import course_modules, export_pdf, french_date
from pacte.export.print_dom import DRAW_ALL, PREPARE_PAGE, READY

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.browser

ENGLISH = ("Toggle", "Contents", "Copyright", "previous", "next")
MODULE = "panorama"  # the smallest module with a chart, a sorting and an ordering exercise
PUBLIC = "https://cours.example.org/pacte/"


def pdf_text(path: Path) -> tuple[int, str]:
    reader = pypdf.PdfReader(str(path))
    return len(reader.pages), "\n".join(page.extract_text() or "" for page in reader.pages)


def norm(text: str) -> str:
    """Spaces folded, ligatures (« ﬀ ») undone: NFKC, as the PDF's text comes out."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def module(built_book: Path):
    modules = {m.name: m for m in course_modules(built_book, effective_toc())}
    if MODULE not in modules:
        pytest.skip(f"module {MODULE} not in the built book")
    return modules[MODULE]


@pytest.fixture(scope="module")
def handouts(built_book: Path, module, browser, tmp_path_factory) -> dict[str, Path]:
    # the shared test browser (a second Playwright cannot start inside the first one's event loop)
    out = tmp_path_factory.mktemp("pdf")
    files = [
        export_pdf(out, site=built_book, trainer=t, modules=[MODULE], browser=browser, base_url=PUBLIC if t else None)
        for t in (False, True)
    ]
    assert files == [[out / f"{MODULE}.pdf"], [out / f"{MODULE}-formateur.pdf"]]
    return {"learner": out / f"{MODULE}.pdf", "trainer": out / f"{MODULE}-formateur.pdf"}


def test_handouts_exist_with_a_sensible_page_count(handouts, module) -> None:
    learner, trainer = pdf_text(handouts["learner"]), pdf_text(handouts["trainer"])
    # a title page, then each page of the module over a few sheets
    assert len(module.pages) + 1 <= learner[0] <= 15 * len(module.pages)
    assert learner[0] < trainer[0] <= 25 * len(module.pages), "the trainer's version adds answers and notes"


def test_title_page_page_numbers_and_page_titles(handouts, built_book: Path, module) -> None:
    from pacte.export.scorm import page_title

    count, text = pdf_text(handouts["learner"])
    flat = norm(text)
    first = norm(pypdf.PdfReader(str(handouts["learner"])).pages[0].extract_text())
    assert "PACTE soins primaires" in first and "Version apprenant" in first and "Sommaire" in first
    assert french_date(date.today()).replace("\u00a0", " ") in first
    for doc in module.pages:
        assert norm(page_title(built_book / f"{doc}.html")) in flat
    assert f"Page 1 sur {count}" in flat and f"Page {count} sur {count}" in flat


def test_no_english_theme_strings_and_french_typography(handouts) -> None:
    for path in handouts.values():
        _, text = pdf_text(path)
        for word in ENGLISH:
            assert not re.search(rf"\b{word}\b", text), f"{path.name}: « {word} »"
        assert "’" in text and "Sur papier\u00a0:" in text  # the exporter's own labels: French spaces


def test_learner_version_has_questions_without_answers(handouts) -> None:
    _, text = pdf_text(handouts["learner"])
    flat = norm(text)
    assert "Question 1." in flat
    assert "Données du graphique" in flat, "charts come with their data table"
    for hidden in (
        "Réponse attendue",
        "Explication :",
        "Notes pour le formateur",
        "Valider",
        "Recommencer le quiz",
        "Corrigé",
    ):
        assert hidden not in flat


def test_trainer_version_has_answers_explanations_and_notes(handouts) -> None:
    _, text = pdf_text(handouts["trainer"])
    flat = norm(text)
    assert "Version formateur" in flat
    assert "Réponse attendue\u00a0:" in text or "Réponses attendues\u00a0:" in text
    assert "Question 1." in flat and "Réponse attendue" in flat and "Explication :" in flat and "Source :" in flat
    assert "Notes pour le formateur" in flat and "Version apprenant" not in flat


@pytest.mark.parametrize("target", ["pdf", "scorm"])
def test_unbuilt_book_is_a_french_error(tmp_path: Path, capsys, target: str) -> None:
    out = tmp_path / ("out" if target == "pdf" else "out.zip")
    assert main(["export", target, "--site", str(tmp_path), "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"ERREUR pacte export {target}" in err and "pacte build" in err
    assert not out.exists()


def test_unknown_module_is_named(built_book: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", "pdf", "--site", str(built_book), "--output", str(tmp_path), "--module", "inconnu"]) == 1
    assert "inconnu" in capsys.readouterr().err


def test_title_page_lists_the_pages_in_french() -> None:
    from pacte.export.pdf import PrintedPage, assemble

    pages = [
        PrintedPage("modules/x/a", "Première page", "<h1>Première page</h1>"),
        PrintedPage("modules/x/b", "Seconde", ""),
    ]
    doc = assemble("Module X", "Sous-titre", pages, True, date(2026, 12, 1))
    assert "<li>Première page</li><li>Seconde</li>" in doc
    assert "Version formateur" in doc and 'class="pacte-print pacte-print-trainer"' in doc and 'lang="fr"' in doc
    assert "1er\u00a0décembre 2026" in doc and french_date(date(2026, 3, 9)) == "9\u00a0mars 2026"


def _link_targets(path: Path) -> list[str]:
    out = []
    for page in pypdf.PdfReader(str(path)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                out.append(str(action["/URI"]))
    return out


def test_links_never_lead_to_the_exports_local_server(handouts) -> None:
    """Without --base-url the course's own links are plain text; with it they lead to the public book."""
    learner, trainer = _link_targets(handouts["learner"]), _link_targets(handouts["trainer"])
    for uri in learner + trainer:
        assert not re.match(r"https?://(127\.0\.0\.1|localhost|\[::1\])", uri), uri
    inside = [u for u in trainer if u.startswith(PUBLIC)]
    assert inside, "the trainer's handout (exported with a base URL) links to the public book"
    assert all(u.startswith(PUBLIC) or not u.startswith("http://") for u in trainer)


# Tables wider than the article, or whose content runs past its right edge.
WIDE_TABLES = """() => {
  const art = document.querySelector("article.bd-article") || document.body;
  const right = art.getBoundingClientRect().right + 1;
  return [...art.querySelectorAll("table")]
    .filter((t) => t.getBoundingClientRect().right > right || t.scrollWidth > art.clientWidth + 1)
    .map((t) => `${t.className || "table"} ${Math.round(t.getBoundingClientRect().width)} px`);
}"""


def test_tables_fit_the_printed_page(browser, book_url: str, built_book: Path) -> None:
    """On A4 paper (178 mm between the margins, 673 CSS px), no table of any module page, nor any chart's
    data table the exporter adds, runs past the right margin."""
    context, page = offline_context(browser, width=673, height=1000)
    wide = {}
    try:
        page.emulate_media(media="print")
        page.add_init_script(DRAW_ALL)  # every chart drawn at once, as the exporter has them
        for module in course_modules(built_book, effective_toc()):
            for doc in module.pages:
                page.goto(f"{book_url}{doc}.html", wait_until="load")
                page.wait_for_function(READY, timeout=30_000)
                page.evaluate(PREPARE_PAGE, True)
                found = page.evaluate(WIDE_TABLES)
                if found:
                    wide[doc] = found
    finally:
        context.close()
    assert wide == {}


def _pages(path: Path) -> list[str]:
    return [norm(page.extract_text() or "") for page in pypdf.PdfReader(str(path)).pages]


def test_exercises_print_as_paper_exercises(handouts) -> None:
    """Boxes to tick for the sorting and the quiz, a rank to write in front of each step to order;
    no form control's text (« position 1 » for each of the sixteen steps)."""
    for path in handouts.values():
        _, text = pdf_text(path)
        flat = norm(text)
        assert "position 1" not in flat and "Vérifier mon ordre" not in flat
        assert flat.count("Rang :") == 16, "each step of the ordering exercise has its rank to write"
        assert flat.count("☐ MSP") >= 8, "each situation of the sorting exercise has one box per category"
        assert "Sur papier : cochez une case par situation." in flat


def test_trainer_version_has_the_answer_keys(handouts) -> None:
    flat = norm(pdf_text(handouts["trainer"])[1])
    assert "Corrigé : la catégorie attendue" in flat and "Corrigé : l’ordre attendu" in flat
    key = flat[flat.index("Corrigé : l’ordre attendu") :]
    # the oldest step first, with its date and the letter it has in the exercise
    assert re.search(r"1\. \([A-P]\) années 1970", key), key[:300]
    assert "Corrigé" not in norm(pdf_text(handouts["learner"])[1])


def test_each_chart_data_table_printed_once(handouts) -> None:
    for path in handouts.values():
        flat = norm(pdf_text(path)[1])
        assert flat.count("Données du graphique") == 1, path.name  # the module has one chart


def test_outline_tags_and_contents_with_page_numbers(handouts, module) -> None:
    """Bookmarks for every page, a tagged PDF (screen readers), and the contents give the sheet where
    each page starts."""
    for path in handouts.values():
        reader = pypdf.PdfReader(str(path))
        marks = [m for m in reader.outline if not isinstance(m, list)]
        assert len(marks) >= len(module.pages) + 1, "the title page and each page are bookmarked"
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
        first = norm(reader.pages[0].extract_text())
        for mark in marks[1:]:
            start = reader.get_destination_page_number(mark) + 1
            title = norm(mark.title).replace(" ", "")
            assert title in norm(reader.pages[start - 1].extract_text()).replace(" ", "")
            # the contents line of that page ends with its sheet
            assert f"page {start}" in first, (mark.title, start, first)


def test_wide_table_keeps_its_last_column(handouts) -> None:
    """The chart's data table has seven columns: its last one (« Pourquoi ce chiffre diffère ») prints,
    with whole words in its short columns rather than letters stacked one per line."""
    flat = norm(pdf_text(handouts["learner"])[1])
    assert "Pourquoi ce chiffre diffère" in flat
    assert "recensement" in flat and " ens em ent" not in flat
