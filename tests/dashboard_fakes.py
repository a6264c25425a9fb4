"""A fake trainer API for the dashboard's browser tests: the page's files served by Playwright routes,
the trainer endpoints answered from memory, and an EventSource the test drives (``window.__emitSummary``)."""

from __future__ import annotations

import copy
import json
import mimetypes
from pathlib import Path
from urllib.parse import urlparse

from pacte.live.join_address import loopback_warning

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD_DIR = ROOT / "pacte" / "live" / "dashboard"
STATIC_DIR = ROOT / "widgets" / "static"
BASE = "http://127.0.0.1:9/"  # nothing listens there: every request is answered by a route

MSP_STRUCTURES = [{"id": "MSP", "label": "MSP"}, {"id": "CDS", "label": "CDS"}, {"id": "CPTS", "label": "CPTS"}]
CATALOGUE = [
    {
        "kind": "quiz",
        "ref": "profils-coordination",
        "question": "structure-plus-recente",
        "module": "Le métier de coordinateur",
        "page": "metier/qui-sont-les-coordinateurs",
        "title": "Profils de la coordination",
        "prompt": "Quelle est la structure la plus récente\u00a0?",
    },
    {
        "kind": "wordcloud",
        "ref": "mot-equipe",
        "question": "answer",
        "module": "Le métier de coordinateur",
        "page": "metier/qui-sont-les-coordinateurs",
        "title": "Un mot pour votre équipe",
        "prompt": "Donnez un mot qui décrit votre équipe.",
    },
    {
        "kind": "scale",
        "ref": "accord-coordination",
        "question": "answer",
        "module": "Le métier de coordinateur",
        "page": "metier/autre-page",
        "title": "La coordination est reconnue",
        "prompt": "Êtes-vous d’accord\u00a0?",
    },
    {
        "kind": "ranking",
        "ref": "priorites",
        "question": "order",
        "module": "Dynamiques d’équipe",
        "page": "dynamiques/cohesion",
        "title": "Vos priorités",
        "prompt": "Classez ces missions.",
    },
    {
        "kind": "survey",
        "ref": "cohesion",
        "question": "MSP",
        "module": "Dynamiques d’équipe",
        "page": "dynamiques/cohesion",
        "title": "Cohésion de l’équipe (MSP)",
        "prompt": "Votre équipe est-elle soudée\u00a0?",
    },
    {
        "kind": "quiz",
        "ref": "territoires",
        "question": "cpts-missions",
        "module": "Territoires",
        "page": "territoires/cpts",
        "title": "Les missions des CPTS",
        "prompt": "Quelle mission est socle\u00a0?",
    },
]


def _view(activity: dict) -> dict:
    return {**{k: activity[k] for k in ("kind", "ref", "question", "title", "prompt")}, "help": "", "input": {}}


PANELS = {
    "quiz": {
        "type": "bars",
        "respondents": 3,
        "rows": [
            {"id": "msp", "label": "MSP", "count": 1, "percent": 33.3, "correct": False},
            {"id": "cpts", "label": "CPTS", "count": 2, "percent": 66.7, "correct": True},
        ],
    },
    "wordcloud": {
        "type": "words",
        "words": [
            {"text": "soudée", "count": 4, "hidden": False},
            {"text": "<script>alert(1)</script>", "count": 1, "hidden": False},
            {"text": "bavarde", "count": 2, "hidden": True},
        ],
    },
    "scale": {
        "type": "scale",
        "respondents": 4,
        "rows": [
            {"value": v, "label": "", "count": c, "percent": 25.0 * c}
            for v, c in [(1, 0), (2, 1), (3, 0), (4, 2), (5, 1)]
        ],
        "mean": 3.75,
    },
    "ranking": {
        "type": "ranking",
        "respondents": 3,
        "rows": [
            {"id": "projet", "label": "Le projet de santé", "mean_rank": 1.33, "first": 2},
            {"id": "rh", "label": "Les ressources humaines", "mean_rank": 2.67, "first": 0},
            {"id": "qualite", "label": "La qualité", "mean_rank": 2.0, "first": 1},
        ],
    },
    "survey": {
        "type": "room_vs_survey",
        "respondents": 4,
        "survey_n": 214,
        "survey_note": "Enquête PACTE 2022-2024, apprenants en MSP.",
        "rows": [
            {"id": "close_knit", "label": "Vraiment soudée", "room_percent": 75.0, "survey_percent": 41.6},
            {"id": "forming", "label": "En train de se construire", "room_percent": 25.0, "survey_percent": 48.1},
        ],
    },
}


def summary(state: str = "open", current: int = 0, session: dict | None = None) -> dict:
    """A SUMMARY as the server sends it, the ``current`` catalogue item pushed in ``state``."""
    session = session or {"id": "s1", "code": "K7M2QX34", "title": "Promotion 12", "open": True}
    activity = _view(CATALOGUE[current]) if state != "idle" else None
    return {
        "session": session,
        "join_url": f"{BASE}direct.html?seance={session['code']}",
        "participants": 5,
        "connected": 3,
        "stage": {"seq": 4, "session": session, "state": state, "activity": activity, "reveal": None},
        "activities": [
            {**_view(a), "answers": PANELS[a["kind"]].get("respondents", 7), "panel": copy.deepcopy(PANELS[a["kind"]])}
            for a in CATALOGUE
        ],
    }


FAKE_EVENT_SOURCE = """
(() => {
  const sources = [];
  class FakeEventSource extends EventTarget {
    constructor(url) { super(); this.url = url; this.readyState = 1; sources.push(this);
      setTimeout(() => this.dispatchEvent(new Event('open')), 0); }
    close() { this.readyState = 2; }
  }
  FakeEventSource.CONNECTING = 0; FakeEventSource.OPEN = 1; FakeEventSource.CLOSED = 2;
  window.EventSource = FakeEventSource;
  window.__sources = sources;
  window.__emitSummary = (s) => {
    const live = sources.filter((x) => x.readyState !== 2);
    for (const x of live) x.dispatchEvent(new MessageEvent('summary', { data: JSON.stringify(s) }));
    return live.map((x) => x.url);
  };
})();
"""


class FakeTrainerApi:
    """Serves the dashboard's files and answers the trainer API from memory, recording each call."""

    def __init__(self) -> None:
        self.sessions = [
            {"id": "s1", "code": "K7M2QX34", "title": "Promotion 12", "open": True, "participants": 5, "created_at": 1},
            {
                "id": "s0",
                "code": "ABCDEFGH",
                "title": "Ancienne séance",
                "open": False,
                "participants": 0,
                "created_at": 0,
            },
        ]
        self.calls: list[tuple[str, str, dict | None]] = []
        self.summary = summary()
        # The server bound to 127.0.0.1 only, as by default: the join address is loopback (warned).
        self.join = "http://127.0.0.1:9/"
        self.join_choices = [
            {"url": "http://127.0.0.1:9/", "interface": "lo", "loopback": True},
            {"url": "http://192.168.1.23:9/", "interface": "wlan0", "loopback": False},
        ]

    def install(self, page) -> None:
        page.add_init_script(FAKE_EVENT_SOURCE)
        page.route(f"{BASE}**", self.handle)

    def _file(self, route, path: Path) -> None:
        ctype = "text/javascript" if path.suffix in (".js", ".mjs") else mimetypes.guess_type(path.name)[0]
        route.fulfill(status=200, body=path.read_bytes(), content_type=f"{ctype}; charset=utf-8")

    def _json(self, route, status: int, data: dict) -> None:
        route.fulfill(status=status, body=json.dumps({"ok": status < 400, **data}), content_type="application/json")

    def handle(self, route) -> None:
        request = route.request
        path = urlparse(request.url).path
        if path in ("/formateur/", "/formateur/index.html"):
            return self._file(route, DASHBOARD_DIR / "index.html")
        if path.startswith("/formateur/static/"):
            return self._file(route, DASHBOARD_DIR / path.removeprefix("/formateur/static/"))
        if path.startswith("/pacte/static/"):
            return self._file(route, STATIC_DIR / path.removeprefix("/pacte/static/"))
        if path.startswith("/api/live/trainer/"):
            body = json.loads(request.post_data) if request.post_data else None
            self.calls.append((request.method, path.removeprefix("/api/live/trainer/"), body))
            return self.api(route, request.method, path.removeprefix("/api/live/trainer/"), body)
        return route.fulfill(status=404, body="introuvable")

    def api(self, route, method: str, path: str, body: dict | None) -> None:
        """The trainer endpoints of the contract, from memory."""
        parts = path.split("/")
        if path == "catalogue":
            return self._json(route, 200, {"activities": CATALOGUE})
        if path == "join-address":
            return self.join_address(route, method, body)
        if path == "sequences" and method == "GET":  # the toolkit's ready-made and saved sequences: none here
            return self._json(route, 200, {"ready": [], "saved": []})
        if path == "sessions" and method == "GET":
            return self._json(route, 200, {"sessions": self.sessions})
        if path == "sessions" and method == "POST":
            new = {
                "id": "s2",
                "code": "NEW23456",
                "title": body["title"],
                "open": True,
                "participants": 0,
                "created_at": 2,
            }
            self.sessions.insert(0, new)
            return self._json(route, 201, {"session": new})
        return self.session_api(route, method, parts[1], "/".join(parts[2:]), body)

    def join_address(self, route, method: str, body: dict | None) -> None:
        """``join-address``: the join address, its alternatives and the server's loopback warning."""
        if method == "POST":
            if body is None or body.get("url") not in [c["url"] for c in self.join_choices]:
                return self._json(route, 422, {"error": "Adresse inconnue de ce serveur."})
            self.join = body["url"]
            self.summary["join_url"] = f"{self.join}book/direct.html?seance=K7M2QX"
        state = {"url": self.join, "choices": self.join_choices, "warning": loopback_warning(self.join)}
        return self._json(route, 200, state)

    def session_api(self, route, method: str, sid: str, tail: str, body: dict | None) -> None:
        """The endpoints under ``sessions/<id>/``."""
        if tail == "summary":
            found = next(x for x in self.sessions if x["id"] == sid)
            return self._json(route, 200, {"summary": self.summary if sid == "s1" else summary("idle", session=found)})
        if tail == "stage":
            return self.stage(route, body or {})
        if tail == "hide":
            return self._json(route, 200, {})
        if tail == "close":
            next(x for x in self.sessions if x["id"] == sid)["open"] = False
            return self._json(route, 200, {})
        if tail == "" and method == "DELETE":
            self.sessions = [x for x in self.sessions if x["id"] != sid]
            return self._json(route, 200, {})
        return self._json(route, 404, {"error": "Introuvable."})

    def stage(self, route, body: dict) -> None:
        """``POST sessions/<id>/stage``: the new stage, 422 for an activity not in the catalogue."""
        if body.get("state") == "idle":
            return self._json(route, 200, {"stage": {"seq": 5, "state": "idle", "activity": None, "reveal": None}})
        ids = (body.get("kind"), body.get("ref"), body.get("question"))
        found = next((a for a in CATALOGUE if (a["kind"], a["ref"], a["question"]) == ids), None)
        if found is None:
            return self._json(route, 422, {"error": "Activité inconnue."})
        stage = {"seq": 5, "state": body["state"], "activity": _view(found), "reveal": None}
        return self._json(route, 200, {"stage": stage})
