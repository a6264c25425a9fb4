"""French typography: the helper, the source rule of `pacte check`, the fixer, and every built page.

The built-page test reads the book built by `pacte build` (the `built_book`
fixture) and fails on any plain space before « : ; ! ? % € » or « » », after
« « », inside a number, or any straight apostrophe, in the text a reader sees
and in the JSON state of every widget.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from node_runner import call_js

from pacte.course.typocheck import fix_markdown, fix_yaml, markdown_problems, yaml_problems
from pacte.course.typography import NBSP, NNBSP, french, french_state, problems
from pacte.site.typography import french_html, page_problems

ROOT = Path(__file__).resolve().parents[1]


def test_french_spaces_and_apostrophes():
    text = french("Durée : 45 min ; quiz ! « Pacte » l'EHESP, 1 320 MSP, 56 % et 3,8 M€ ?")
    assert text == (
        f"Durée{NBSP}: 45{NBSP}min{NNBSP}; quiz{NNBSP}! «{NBSP}Pacte{NBSP}» l’EHESP, 1{NBSP}320 MSP, "
        f"56{NBSP}% et 3,8{NBSP}M€{NNBSP}?"
    )
    assert not list(problems(text))
    assert french(french("l'équipe : 1 000 €")) == french("l'équipe : 1 000 €")  # idempotent


def test_urls_times_and_expressions_are_kept():
    assert french("voir https://example.org/a?b=1 : fin") == f"voir https://example.org/a?b=1{NBSP}: fin"
    assert french("à 10:30") == "à 10:30"
    spec = {
        "title": "Vingt ans : réformes",
        "transform": [{"filter": "datum.kind == 'toutes' || x"}],
        "encoding": {"x": {"field": "part d'équipe", "title": "Part d'équipe"}},
        "answers": {"q": "a : b"},
    }
    out = french_state(spec)
    assert out["title"] == f"Vingt ans{NBSP}: réformes"
    assert out["transform"][0]["filter"] == spec["transform"][0]["filter"]
    assert out["encoding"]["x"] == {"field": "part d'équipe", "title": "Part d’équipe"}
    assert out["answers"] == spec["answers"]


def test_problems_name_each_fault():
    found = {m for _, m, _ in problems("a : b « c » l'x 12 %")}
    assert {
        "plain space before « : »",
        "plain space after « « »",
        "plain space before « » »",
        "straight apostrophe (use ’)",
        "plain space before « % » or « € »",
    } <= found


def test_markdown_fixer_keeps_code_roles_and_links():
    page = (
        "---\nkernelspec:\n  name: python3\n---\n(label)=\n# Titre : sous-titre\n\n"
        "Texte de l'{term}`EHESP` : voir [lien](https://a.b/c?d=1) et `x = 'a' ; y` {cite}`dehaas2018`.\n\n"
        "```{code-cell} ipython3\n:tags: [remove-input]\nprint('a : b')\n```\n\n"
        "```{admonition} En bref\n:class: tip\n**Durée** — 45 minutes ; quiz 10 min.\n```\n"
    )
    fixed = fix_markdown(page)
    assert f"# Titre{NBSP}: sous-titre" in fixed
    assert f"Texte de l’{{term}}`EHESP`{NBSP}: voir [lien](https://a.b/c?d=1) et `x = 'a' ; y`" in fixed
    assert "print('a : b')" in fixed and ":class: tip" in fixed and "(label)=" in fixed
    assert f"45{NBSP}minutes{NNBSP}; quiz" in fixed
    assert fix_markdown(fixed) == fixed
    assert not markdown_problems(Path("p.md"), fixed)
    errors = markdown_problems(Path("p.md"), page)
    assert errors and all(e.field == "typographie" for e in errors)
    assert {e.line for e in errors} == {6, 8, 17}


def test_yaml_fixer_keeps_ids_refs_and_locators():
    text = (
        'id: banque\ntitle: "Quiz : l\'équipe"\nquestions:\n  - id: q-1\n'
        "    prompt: 'Qu''est-ce qu''un « noyau actif » ?'\n"
        '    source: {ref: schweyer2025, detail: "« Dynamique »", locator: "l\'équipe : x"}\n'
    )
    fixed = fix_yaml(text)
    data, before = yaml.safe_load(fixed), yaml.safe_load(text)
    assert data["id"] == "banque" and data["questions"][0]["id"] == "q-1"
    assert data["questions"][0]["source"]["locator"] == "l'équipe : x"
    assert data["title"] == f"Quiz{NBSP}: l’équipe"
    assert data["questions"][0]["prompt"] == f"Qu’est-ce qu’un «{NBSP}noyau actif{NBSP}»{NNBSP}?"
    assert not yaml_problems(Path("b.yaml"), fixed)
    assert [(e.line, e.field) for e in yaml_problems(Path("b.yaml"), text)][:2] == [(2, "title"), (2, "title")]
    assert data["questions"][0]["source"] == before["questions"][0]["source"] | {"detail": f"«{NBSP}Dynamique{NBSP}»"}


def test_html_outputs_keep_tags_and_scripts():
    markup = (
        '<td title="a : b">Seuil d\'offre : 1 000 &amp; x</td><script type="application/json">{"a": "b : c"}</script>'
    )
    assert french_html(markup) == (
        '<td title="a : b">Seuil d’offre' + NBSP + ": 1" + NBSP + "000 &amp; x</td>"
        '<script type="application/json">{"a": "b : c"}</script>'
    )


def test_page_problems_reads_text_and_widget_state():
    page = (
        "<main><p>Bon\u00a0: oui</p><pre>code : libre</pre><p>l'erreur</p>"
        '<div class="pacte-widget"><script type="application/json">{"title": "Titre : x", "id": "a b", '
        '"spec": {"transform": [{"filter": "datum.a == \'b\'"}]}}</script></div></main>'
    )
    found = list(page_problems(page))
    assert [(w, m) for w, m, _ in found] == [
        ("texte", "straight apostrophe (use ’)"),
        ("état du widget [title]", "plain space before « : »"),
    ]


def test_sources_of_my_modules_are_clean():
    """Pages and YAML of the dimensions, financement and dynamiques modules pass the source rule."""
    from pacte.course.typocheck import check_sources

    mine = (
        "modules/dimensions",
        "modules/financement",
        "modules/dynamiques",
        "book/intro",
        "book/glossaire",
        "book/bibliographie",
        "quiz/dimensions",
        "quiz/dynamiques",
        "quiz/financement",
        "datasets/dimensions",
        "datasets/dynamiques",
        "datasets/financement",
        "datasets/live",
    )
    errors = [str(e) for e in check_sources(ROOT) if any(m in e.path for m in mine)]
    assert not errors, "\n".join(errors[:20])


def test_typo_command_fixes_a_file(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Titre : l'équipe\n", encoding="utf-8")
    run = [sys.executable, "-m", "pacte.cli", "typo", str(page)]
    assert subprocess.run(run, capture_output=True, text=True, cwd=ROOT).returncode == 1
    done = subprocess.run(run[:-1] + ["--fix", str(page)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert page.read_text(encoding="utf-8") == f"# Titre{NBSP}: l’équipe\n"


def _pages(built: Path) -> list[Path]:
    return sorted(p for p in built.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts)


def test_built_pages_have_french_typography(built_book):
    faults = []
    for page in _pages(built_book):
        for where, message, excerpt in page_problems(page.read_text(encoding="utf-8")):
            faults.append(f"{page.relative_to(built_book)} {where}: {message}: …{excerpt}…")
    assert not faults, f"{len(faults)} typography faults in the built book:\n" + "\n".join(faults[:60])


def test_built_footer_is_french(built_book):
    html = (built_book / "book" / "intro.html").read_text(encoding="utf-8")
    assert "Copyright" not in html
    assert "licence MIT" in html and "Programme PACTE soins primaires (EHESP)" in html


def test_no_smart_quote_before_a_role(built_book):
    for page in _pages(built_book):
        text = page.read_text(encoding="utf-8")
        assert "l”" not in text and "d”" not in text, page


def test_js_twin_agrees_with_python():
    """widgets/static/dom.js applies the same typography to every text its `h()` helper creates."""
    samples = [
        "Durée : 45 min ; quiz ! « Pacte » l'EHESP, 1 320 MSP, 56 % et 3,8 M€ ?",
        "voir https://example.org/a?b=1 : fin",
        "à 10:30",
        "l'**articulation** et l'« inférence »",
        "Simulateur : la rémunération ACI d'une MSP",
        "12 345 678 €",
        "«Vraiment soudée»",
        "Qu'est-ce ? Non !",
        "lecture 10 min, 40 ans, 1,5 heure, 3 s’il, au 1er janvier, la 1re fois",
    ]
    assert call_js("dom", "frenchText", [[s] for s in samples]) == [french(s) for s in samples]
