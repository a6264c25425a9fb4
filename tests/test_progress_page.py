"""« Mon parcours »: the course plan the widget receives, the page in the table of contents and the guide."""

from __future__ import annotations

from pathlib import Path

from pacte.course.toc import toc_files
from widgets import ProgressPage
from widgets.progress_page import course_plan, module_names, page_title

ROOT = Path(__file__).resolve().parents[1]


def test_course_plan_lists_every_module_page_in_order_with_its_title():
    plan = course_plan()
    pages = [p["page"] for m in plan["modules"] for p in m["pages"]]
    assert pages == [f for f in toc_files() if f.startswith("modules/")]
    titles = {m["id"]: m["title"] for m in plan["modules"]}
    # named by the home page's module map, not after their first page
    assert (
        titles["panorama"] == "Panorama de l’exercice coordonné"
        and titles["financement"] == "Les modèles de financement"
    )
    for module in plan["modules"]:
        assert module["title"] and module["title"] in module_names().values(), module
        for p in module["pages"]:
            assert p["title"] and "{" not in p["title"] and "`" not in p["title"], p


def test_page_title_strips_myst_markup(tmp_path, monkeypatch):
    (tmp_path / "modules" / "x").mkdir(parents=True)
    (tmp_path / "modules" / "x" / "p.md").write_text(
        "---\njupytext: {}\n---\n\n(x)=\n# Le rôle de l’{term}`ARS` et **des** `CPTS`\n\nTexte.\n", encoding="utf-8"
    )
    monkeypatch.setenv("PACTE_ROOT", str(tmp_path))
    assert page_title("modules/x/p") == "Le rôle de l’ARS et des CPTS"
    assert page_title("modules/x/absent") == "modules/x/absent"


def test_widget_state_is_the_plan_only():
    state = ProgressPage().static_state()
    assert set(state) >= {"course"} and "answers" not in state
    assert state["course"]["modules"]


def test_page_is_in_the_book_linked_from_home_and_guide():
    assert "book/mon-parcours" in toc_files()
    page = (ROOT / "book" / "mon-parcours.md").read_text(encoding="utf-8")
    assert "(mon-parcours)=" in page and "ProgressPage()" in page and ":tags: [remove-input]" in page
    assert "ce n’est pas une attestation" in page
    assert "<mon-parcours>`" in (ROOT / "book" / "intro.md").read_text(encoding="utf-8")
    guide = (ROOT / "book" / "mode-emploi" / "en-ligne.md").read_text(encoding="utf-8")
    assert "(mode-en-ligne-progression)=" in guide and "pacte:v1:" in guide and "Binder" in guide


def test_every_answering_widget_remembers_and_is_counted_on_its_page():
    import re

    static = ROOT / "widgets" / "static"
    listed = re.search(r"ACTIVITY_MODULES = \[([^\]]*)\]", (static / "progress_logic.js").read_text(encoding="utf-8"))
    counted = set(re.findall(r'"([a-z_]+)"', listed.group(1)))
    remembering = {
        p.stem
        for p in static.glob("*.js")
        if not p.stem.startswith("progress")
        and re.search(r"\bremember\(model,\s*\{\s*kind", p.read_text(encoding="utf-8"))
    }
    assert remembering == counted
