"""Security helpers without a server: trainer paths, tokens, CSV export, blank text, URL redaction, CSP."""

from __future__ import annotations

import csv
import io

import pytest

from pacte.security import (
    cookie_matches,
    csv_safe,
    is_blank_text,
    is_trainer_path,
    redact_url,
    token_matches,
    trainer_cookie_value,
)
from pacte.site.headers import page_policy_for_html

TRAINER_SPELLINGS = [
    "formateur/tableau-de-bord.ipynb",
    "%66ormateur/tableau-de-bord.ipynb",
    "formateur%2ftableau-de-bord.ipynb",
    "formateur%2Ftableau-de-bord.ipynb",
    "./formateur/tableau-de-bord.ipynb",
    "/formateur/tableau-de-bord.ipynb",
    "//formateur/tableau-de-bord.ipynb",
    "modules/../formateur/tableau-de-bord.ipynb",
    "modules/%2e%2e/formateur/tableau-de-bord.ipynb",
    "%2e%2e/voila/formateur/tableau-de-bord.ipynb",
    "%2566ormateur/tableau-de-bord.ipynb",  # double encoding
    "%252566ormateur/tableau-de-bord.ipynb",  # triple encoding
    "formateur\\tableau-de-bord.ipynb",  # back slash
    "formateur%5Ctableau-de-bord.ipynb",
    "FORMATEUR/tableau-de-bord.ipynb",
    "Formateur/Tableau-De-Bord.ipynb",
    "formateur;jsessionid=1/tableau-de-bord.ipynb",
    "formateur./tableau-de-bord.ipynb",
    "formateur../tableau-de-bord.ipynb",
    "formateur%20/tableau-de-bord.ipynb",
    "formateur/tableau-de-bord.ipynb/",
    "formateur/tableau-de-bord.ipynb.",
    "formateur/./tableau-de-bord.ipynb",
    "formateur",
    "formateur/",
    "ｆｏｒｍａｔｅｕｒ/tableau-de-bord.ipynb",  # full-width letters (NFKC)
    "formateur%00/tableau-de-bord.ipynb",
]


@pytest.mark.parametrize("path", TRAINER_SPELLINGS)
def test_every_spelling_of_the_trainer_folder_is_recognised(path, tmp_path):
    (tmp_path / "formateur").mkdir()
    assert is_trainer_path(path, tmp_path)


def test_a_symbolic_link_to_the_trainer_folder_is_recognised(tmp_path):
    (tmp_path / "formateur").mkdir()
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "raccourci").symlink_to(tmp_path / "formateur")
    assert is_trainer_path("modules/raccourci/tableau-de-bord.ipynb", tmp_path)


@pytest.mark.parametrize(
    "path",
    [
        "modules/metier/qui-sont-les-coordinateurs.ipynb",
        "index.ipynb",
        "book/mode-emploi/formateur.ipynb",
        "modules/formation/x.ipynb",
    ],
)
def test_trainee_pages_are_not_trainer_paths(path, tmp_path):
    (tmp_path / "formateur").mkdir()
    assert not is_trainer_path(path, tmp_path)


@pytest.mark.parametrize("given", [None, "", "é", "\udcff", "tok\x00", "TOK", "tok ", 12, b"tok"])
def test_odd_tokens_never_match_and_never_raise(given):
    assert token_matches(given, "tok") is False
    assert cookie_matches(given, "tok") is False


def test_the_cookie_holds_a_derived_value_not_the_token():
    value = trainer_cookie_value("secret-token")
    assert "secret-token" not in value and cookie_matches(value, "secret-token")
    assert not cookie_matches(value, "other-token") and token_matches("secret-token", "secret-token")


@pytest.mark.parametrize(
    "cell,expected",
    [
        ('=HYPERLINK("http://x","clic")', '\'=HYPERLINK("http://x","clic")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("＝1+1", "'＝1+1"),
        ("-3", "-3"),
        ("+2.5", "+2.5"),
        ("48.5", "48.5"),
        ("Très soudée", "Très soudée"),
        ("", ""),
        (None, None),
        (3, 3),
    ],
)
def test_csv_cells_are_formula_safe(cell, expected):
    assert csv_safe(cell) == expected


def test_dashboard_csv_export_neutralises_formulas(tmp_path):
    from pacte.live.store import open_store
    from pacte.live.trainer_api import export_csv

    store = open_store(None, tmp_path)
    try:
        session = store.create_session("CSV")
        for text in ('=HYPERLINK("http://evil","x")', "@cmd"):
            store.record_answer(session.id, store.add_participant(session.id), "text:mot-equipe", "answer", text)
        rows = list(csv.DictReader(io.StringIO(export_csv(store, session.id)), delimiter=";"))
        assert sorted(r["Réponse (codes)"] for r in rows) == ['\'=HYPERLINK("http://evil","x")', "'@cmd"]
        assert all(not r[k].startswith(("=", "+", "-", "@")) for r in rows for k in ("Réponse", "Réponse (codes)"))
    finally:
        store.close()


def test_trainer_pages_without_code_make_no_voila_notebook(tmp_path, monkeypatch):
    """The dashboard's page only tells how to open /formateur/: no notebook, so no kernel, under formateur/."""
    from pacte.site import build

    monkeypatch.setattr(build, "notebook_pages", lambda root=None: [])  # the book's own pages are not the point

    (tmp_path / "book" / "formateur").mkdir(parents=True)
    (tmp_path / "book" / "formateur" / "tableau-de-bord.md").write_text("# Tableau de bord\n\nOuvrez /formateur/.\n")
    code = "---\njupytext:\n  formats: md:myst\nkernelspec:\n  name: python3\n---\n\n# Outil\n"
    (tmp_path / "book" / "formateur" / "outil.md").write_text(code)
    assert [doc for _, doc in build.voila_pages(tmp_path)] == ["formateur/outil"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\u200b",
        "\u202e\u202c",
        "\u2066\u2069",
        "\ufeff",
        "\u00a0\u2009",
        "\u3164",
        "\u2800",
        "\x00\x01",
        "\u200d\u200c\u200e\u200f",
        "\u180e",
    ],
)
def test_invisible_texts_are_blank(text):
    assert is_blank_text(text)


@pytest.mark.parametrize("text", ["a", "\u202eabc", "é", "1", "?", "🙂", "\u200bx"])
def test_visible_texts_are_not_blank(text):
    assert not is_blank_text(text)


def test_redacted_urls_hide_passwords():
    assert redact_url("postgresql://pacte:S3cr3t@db:5432/cours") == "postgresql://pacte:***@db:5432/cours"
    assert "S3cr3t" not in redact_url("postgresql://h/db?user=u&password=S3cr3t")
    assert redact_url("postgresql://h/db") == "postgresql://h/db"


def test_book_page_policy_lists_inline_scripts_and_handlers_by_hash():
    html = (
        '<html><head><script>var a = 1;</script><script type="application/json">{"x": 1}</script>'
        '<script src="x.js"></script></head><body><button onclick="go()">x</button></body></html>'
    )
    csp = page_policy_for_html(html)
    script_src = [d for d in csp.split("; ") if d.startswith("script-src")][0]
    assert "'unsafe-inline'" not in script_src and "'unsafe-hashes'" in script_src
    assert script_src.count("'sha256-") == 2  # the classic script and the onclick handler, not the JSON
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp


def test_the_published_openapi_description_matches_the_routes():
    import re

    import yaml
    from conftest import ROOT

    from pacte.live.api import live_handlers
    from pacte.live.protocol import KINDS

    doc = yaml.safe_load((ROOT / "docs" / "live-api.openapi.yaml").read_text(encoding="utf-8"))
    assert doc["openapi"].startswith("3.")
    # Route groups such as ``(?P<session_id>[A-Za-z0-9_-]{1,64})`` are OpenAPI's ``{session_id}``.
    routes = {re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", pattern) for pattern, *_ in live_handlers("/api/live", None)}
    assert set(doc["paths"]) == routes
    answer = doc["paths"]["/api/live/answer"]["post"]
    pattern = answer["requestBody"]["content"]["application/json"]["schema"]["properties"]["activity"]["pattern"]
    assert all(re.match(pattern, f"{kind}:exemple") for kind in KINDS)
    for path in doc["paths"].values():
        for op in path.values():
            assert all(int(code) < 500 or code == "503" for code in op["responses"])
