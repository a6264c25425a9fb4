"""The trainer dashboard's pure logic (pacte/live/dashboard/dashboard_logic.js) run by Node: catalogue
grouping and search, next activity, stage controls, French formats, panel drawing models, QR code."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import segno
from conftest import _missing
from node_runner import call_js

LOGIC = Path(__file__).resolve().parents[1] / "pacte" / "live" / "dashboard" / "dashboard_logic.js"
NBSP = "\u00a0"


def dash(function: str, calls: list[list[Any]]) -> list[Any]:
    """``[dashboard_logic.function(*args) for args in calls]`` computed by Node."""
    setup = f"const dash = await import({json.dumps(LOGIC.as_uri())});\nconst {function} = dash.{function};"
    return call_js("numbers", function, calls, setup=setup)


CATALOGUE = [
    {
        "kind": "quiz",
        "ref": "b1",
        "question": "q1",
        "module": "Métier",
        "page": "p1",
        "title": "Qui coordonne ?",
        "prompt": "Choisir",
    },
    {
        "kind": "wordcloud",
        "ref": "mots",
        "question": "answer",
        "module": "Métier",
        "page": "p1",
        "title": "Un mot",
        "prompt": "Équipe",
    },
    {
        "kind": "scale",
        "ref": "accord",
        "question": "answer",
        "module": "Territoires",
        "page": "t1",
        "title": "Accord",
        "prompt": "",
    },
    {
        "kind": "quiz",
        "ref": "b1",
        "question": "q2",
        "module": "Métier",
        "page": "p2",
        "title": "Autre page",
        "prompt": "",
    },
    {
        "kind": "survey",
        "ref": "cohesion",
        "question": "MSP",
        "module": "",
        "page": "",
        "title": "Cohésion",
        "prompt": "",
    },
    {
        "kind": "quiz",
        "ref": "b1",
        "question": "q3",
        "module": "Métier",
        "page": "p1",
        "title": "Dernière",
        "prompt": "",
    },
]


def test_catalogue_is_grouped_by_module_in_catalogue_order_and_searchable():
    (groups, found, accents, none) = dash(
        "groupCatalogue", [[CATALOGUE, ""], [CATALOGUE, "mot equipe"], [CATALOGUE, "ÉCHELLE"], [CATALOGUE, "zzz"]]
    )
    assert [(g["label"], [i["question"] for i in g["items"]]) for g in groups] == [
        ("Métier", ["q1", "answer", "q2", "q3"]),
        ("Territoires", ["answer"]),
        ("Autres activités", ["MSP"]),
    ]
    assert groups[0]["items"][0]["key"] == "quiz:b1|q1"
    assert [i["ref"] for g in found for i in g["items"]] == ["mots"]
    assert [i["ref"] for g in accents for i in g["items"]] == ["accord"]  # kind label « Échelle », accents ignored
    assert none == []


def test_modules_are_headed_by_their_title_when_the_catalogue_gives_it():
    titled = [{**a, "module_title": "Le métier"} if a["module"] == "Métier" else a for a in CATALOGUE]
    (groups,) = dash("groupCatalogue", [[titled, "le metier"]])
    assert [(g["module"], g["label"], len(g["items"])) for g in groups] == [("Métier", "Le métier", 4)]


def test_next_activity_stays_on_the_same_module_and_page():
    first, second, last, alone, unknown = dash(
        "nextActivity",
        [
            [CATALOGUE, CATALOGUE[0]],
            [CATALOGUE, CATALOGUE[1]],
            [CATALOGUE, CATALOGUE[5]],
            [CATALOGUE, CATALOGUE[2]],
            [CATALOGUE, {"kind": "quiz", "ref": "x", "question": "y"}],
        ],
    )
    assert first["ref"] == "mots"
    assert second["question"] == "q3"  # q2 is on another page
    assert last is None and alone is None and unknown is None


def test_stage_controls_follow_the_state():
    act = {"kind": "quiz", "ref": "b1", "question": "q1"}
    idle, opened, closed, revealed, last = dash(
        "stageControls",
        [
            [{"state": "idle", "activity": None}, True],
            [{"state": "open", "activity": act}, True],
            [{"state": "closed", "activity": act}, True],
            [{"state": "revealed", "activity": act}, True],
            [{"state": "open", "activity": act}, False],
        ],
    )
    assert not any(idle[k] for k in ("open", "close", "reveal", "next", "clear"))
    assert opened["close"] and opened["reveal"] and opened["next"] and not opened["open"]
    assert closed["open"] and closed["reveal"] and not closed["close"]
    assert revealed["open"] and not revealed["reveal"] and revealed["text"].startswith("Résultats")
    assert last["next"] is False


def test_the_state_line_says_what_each_kind_reveals_and_when_the_session_is_closed():
    def revealed(kind: str, correct: list[str], open_: bool = True) -> dict:
        act = {"kind": kind, "ref": "r", "question": "q"}
        reveal = {"correct": correct, "explanation": "", "source": ""}
        return {"state": "revealed", "activity": act, "reveal": reveal, "session": {"open": open_}}

    stages = [revealed("quiz", ["a"]), *(revealed(k, []) for k in ("ranking", "scale", "wordcloud", "text", "survey"))]
    stages += [revealed("case", []), revealed("quiz", ["a"], open_=False)]
    quiz, *without, case, closed = dash("stateText", [[s] for s in stages])
    assert quiz == "Résultats et bonne réponse révélés"
    assert without == ["Résultats révélés"] * 5
    assert case == "Résultats et conséquences révélés" and closed == "Séance fermée"


def test_french_number_formats():
    assert dash("formatNumber", [[1320], [12.5], [0.25], [1234567.89], [None]]) == [
        f"1{NBSP}320",
        "12,5",
        "0,3",
        f"1{NBSP}234{NBSP}567,9",
        "–",
    ]
    assert dash("formatPercent", [[66.66666], [100]]) == [f"66,7{NBSP}%", f"100{NBSP}%"]
    assert dash("countLabel", [[0, "réponse"], [1, "réponse"], [2, "réponse"], [1500, "participant"]]) == [
        f"0{NBSP}réponse",
        f"1{NBSP}réponse",
        f"2{NBSP}réponses",
        f"1{NBSP}500{NBSP}participants",
    ]
    summary = {"participants": 12, "connected": 1}
    assert dash("participantsText", [[summary]]) == [f"1{NBSP}connecté sur 12{NBSP}participants"]


def test_bars_model_marks_the_right_answer_only_when_asked():
    panel = {
        "type": "bars",
        "respondents": 3,
        "rows": [
            {"id": "a", "label": "Oui", "count": 2, "percent": 66.7, "correct": True},
            {"id": "b", "label": "Non", "count": 1, "percent": 33.3, "correct": False},
        ],
    }
    shown, hidden = dash("panelModel", [[panel], [panel, {"showCorrect": False}]])
    assert shown["type"] == "bars" and [r["correct"] for r in shown["rows"]] == [True, False]
    assert shown["rows"][0]["value"] == f"2 (66,7{NBSP}%)" and shown["rows"][0]["width"] == 66.7
    assert [r["correct"] for r in hidden["rows"]] == [False, False]


def test_word_cloud_sizes_follow_counts_and_keep_hidden_words():
    panel = {
        "type": "words",
        "words": [
            {"text": "soudée", "count": 1, "hidden": False},
            {"text": "<script>", "count": 5, "hidden": True},
            {"text": "confiance", "count": 3, "hidden": False},
        ],
    }
    (model,) = dash("panelModel", [[panel]])
    assert [w["text"] for w in model["words"]] == ["<script>", "confiance", "soudée"]
    sizes = [w["size"] for w in model["words"]]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1]
    assert model["words"][0]["hidden"] is True and model["respondents"] == 9


def test_scale_ranking_and_room_versus_survey_models():
    scale = {
        "type": "scale",
        "rows": [
            {"value": 1, "label": "Pas du tout d’accord", "count": 1},
            {"value": 3, "label": "3", "count": 0},
            {"value": 5, "count": 3},
        ],
        "mean": 4,
    }
    ranking = {
        "type": "ranking",
        "rows": [
            {"id": "b", "label": "B", "mean_rank": 2.5, "first": 0},
            {"id": "a", "label": "A", "mean_rank": 1.25, "first": 3},
        ],
    }
    unranked = {"type": "ranking", "rows": [{"id": "a", "label": "A", "mean_rank": None, "first": 0}]}
    survey = {
        "type": "room_vs_survey",
        "respondents": 4,
        "survey_n": 521,
        "survey_note": "Enquête PACTE, 521 apprenants",
        "rows": [{"id": "x", "label": "Vraiment soudée", "room_percent": 75.0, "survey_percent": 25.5}],
        "structures": [
            {
                "id": "MSP",
                "label": "MSP",
                "respondents": 2,
                "survey_n": 300,
                "rows": [{"id": "x", "label": "Vraiment soudée", "room_percent": 50, "survey_percent": 30}],
            },
            {"id": "CDS", "label": "Centres de santé", "respondents": 0, "survey_n": 80, "rows": []},
        ],
        "multiple": True,
    }
    s, r, u, v, msp, empty, odd = dash(
        "panelModel",
        [
            [scale],
            [ranking],
            [unranked],
            [survey, {"question": "all"}],
            [survey, {"question": "MSP"}],
            [None],
            [{"type": "nope"}],
        ],
    )
    assert [row["label"] for row in s["rows"]] == ["1 – Pas du tout d’accord", "3", "5"]
    assert s["respondents"] == 4 and s["meanText"] == f"Moyenne{NBSP}: 4"
    assert [row["id"] for row in r["rows"]] == ["a", "b"] and r["rows"][0]["value"] == "rang moyen 1,3"
    assert u["rows"][0]["value"] == "pas encore classé" and u["rows"][0]["width"] == 0
    assert [g["label"] for g in v["groups"]] == ["Toutes structures", "MSP"]  # CDS: no answer from the room
    assert [g["label"] for g in msp["groups"]] == ["MSP"]
    assert "dépassent 100" in v["note"]
    row = v["groups"][0]["rows"][0]
    assert (row["roomText"], row["surveyText"]) == (f"75{NBSP}%", f"25,5{NBSP}%")
    assert v["groups"][0]["surveyText"] == f"Enquête{NBSP}: 521{NBSP}répondants" and v["note"].startswith("Enquête")
    assert empty == {"type": "empty"} and odd == {"type": "unknown"}


def test_a_profile_panel_is_drawn_beside_the_survey_under_its_structure():
    """« Mon profil » answers: the panel pacte.live.panels builds, drawn as one group named by the structure."""
    from pacte.live.kind_registry import panel

    drawn = panel("profile", "mon-profil", "CPTS-working-time", {"part-time": 1, "full-time": 3})
    (model,) = dash("panelModel", [[drawn, {"question": "CPTS-working-time"}]])
    assert model["type"] == "room_vs_survey" and model["respondents"] == 4
    (group,) = model["groups"]
    assert group["label"] == "Communauté professionnelle territoriale de santé (CPTS)"
    assert [(r["label"], r["roomText"], r["surveyText"]) for r in group["rows"]] == [
        ("Temps partiel", f"25{NBSP}%", f"26{NBSP}%"),
        ("Temps plein", f"75{NBSP}%", f"55{NBSP}%"),
    ]


JOIN_URLS = [
    "http://127.0.0.1:8866/direct.html?seance=K7M2QX",
    "https://formation.example.org/pacte/cours/direct.html?seance=ABCDEF",
    "http://salle.local/direct.html?seance=ÉTÉ123",
]
# Format information of error correction level M, masks 0 to 7 (ISO/IEC 18004, table C.1).
FORMAT_M = [
    "101010000010010",
    "101000100100101",
    "101111001111100",
    "101101101001011",
    "100010111111001",
    "100000011001110",
    "100111110010111",
    "100101010100000",
]
FINDER = ["1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111"]


@pytest.mark.parametrize("text", JOIN_URLS)
def test_qr_matrix_has_the_size_finders_timing_and_format_of_a_level_m_code(text):
    (matrix,) = dash("qrMatrix", [[text]])
    rows, n = matrix["rows"], matrix["size"]
    # Smallest version holding the UTF-8 bytes at level M, as segno (another encoder) chooses it.
    reference = segno.make(text.encode(), error="m", mode="byte", boost_error=False, micro=False)
    assert n == reference.symbol_size(border=0)[0] == 4 * reference.version + 17
    assert len(rows) == n and {len(r) for r in rows} == {n}
    for top, left in [(0, 0), (0, n - 7), (n - 7, 0)]:
        assert [r[left : left + 7] for r in rows[top : top + 7]] == FINDER
    assert rows[6][8 : n - 8] == ("10" * n)[: n - 16] and "".join(r[6] for r in rows[8 : n - 8]) == ("10" * n)[: n - 16]
    fmt = rows[8][0:6] + rows[8][7] + rows[8][8] + rows[7][8] + "".join(rows[i][8] for i in (5, 4, 3, 2, 1, 0))
    assert fmt in FORMAT_M


@pytest.mark.parametrize("text", JOIN_URLS)
def test_qr_matrix_decodes_to_the_join_url(text, tmp_path):
    """A QR reader (zbarimg) reads back the URL from the matrix drawn as an image."""
    if not shutil.which("zbarimg"):
        _missing("zbarimg is not installed (apt-get install zbar-tools, or scripts/install.sh --test)")
    (matrix,) = dash("qrMatrix", [[text]])
    quiet, scale = 4, 6
    blank = "0" * (matrix["size"] + 2 * quiet)
    rows = [blank] * quiet + ["0" * quiet + r + "0" * quiet for r in matrix["rows"]] + [blank] * quiet
    big = ["".join(c * scale for c in r) for r in rows for _ in range(scale)]
    image = tmp_path / "qr.pbm"
    image.write_text(f"P1\n{len(big[0])} {len(big)}\n" + "\n".join(" ".join(r) for r in big) + "\n")
    out = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, timeout=60)
    assert out.stdout.decode().strip() == text


def test_qr_path_has_a_quiet_zone_and_one_run_per_dark_stretch():
    (matrix,) = dash("qrMatrix", [["http://127.0.0.1:8866/direct.html?seance=K7M2QX"]])
    (path,) = dash("qrPath", [[matrix]])
    assert path["size"] == matrix["size"] + 8
    assert path["d"].startswith("M4 4h7v1h-7z")  # the top-left finder pattern's first row
    dark = sum(r.count("1") for r in matrix["rows"])
    drawn = sum(int(part.split("h")[1].split("v")[0]) for part in path["d"].split("M")[1:])
    assert drawn == dark


def test_printed_date_in_french():
    setup = f"const dash = await import({json.dumps(LOGIC.as_uri())});\nconst printedAt = (...a) => dash.printedText(new Date(...a));"
    first, other = call_js("numbers", "printedAt", [[2026, 11, 1, 14, 5], [2027, 0, 23, 9, 30]], setup=setup)
    assert first == f"Résumé imprimé le 1er{NBSP}décembre{NBSP}2026{NBSP}à{NBSP}14:05"
    assert other == f"Résumé imprimé le 23{NBSP}janvier{NBSP}2027{NBSP}à{NBSP}09:30"


def test_projection_is_asked_by_the_address():
    assert dash("isProjection", [["?projection=1"], ["?projection=0"], [""], ["?a=1&projection=1"]]) == [
        True,
        False,
        False,
        True,
    ]
