"""``pacte sessions list|export|purge``: the live sessions kept in the store, from the command line.

* ``list``: every session, newest first, with its state and counts;
* ``export CODE``: its answers as CSV into a file or stdout, or as Excel when
  the file ends with ``.xlsx``;
* ``purge``: delete the sessions ended more than ``--older-than`` days ago
  (30 by default), after a confirmation (or ``--yes``); an open session is
  never purged.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from pacte.course.fmt import NBSP
from pacte.live.store.retention import DEFAULT_RETENTION_DAYS

YES = ("o", "oui", "y", "yes")


def _store(args: argparse.Namespace):
    from pacte.course.paths import course_root
    from pacte.startup import open_store_or_explain

    data_dir = Path(args.data_dir or os.environ.get("PACTE_DATA_DIR") or course_root() / "var")
    url = args.database_url or os.environ.get("PACTE_DATABASE_URL") or None
    return open_store_or_explain(url, data_dir)


def _find(store, key: str):
    """The session whose join code or id is ``key`` (codes: the newest such session), else None."""
    for session in store.list_sessions():
        if session.id == key or session.code == key.strip().upper():
            return session
    return None


def _list(store, args: argparse.Namespace) -> int:
    from pacte.live.sessions_report import session_lines

    lines = session_lines(store, time.time())
    print("\n".join(lines) if lines else "Aucune séance enregistrée.")
    return 0


def _export(store, args: argparse.Namespace) -> int:
    from pacte.live.answers_export import export_csv, export_xlsx

    session = _find(store, args.session)
    if session is None:
        print(f"pacte sessions export{NBSP}: séance «{NBSP}{args.session}{NBSP}» introuvable.", file=sys.stderr)
        return 2
    if args.output and args.output.lower().endswith(".xlsx"):
        Path(args.output).write_bytes(export_xlsx(store, session.id))
    elif args.output in (None, "-"):
        sys.stdout.write("\ufeff" + export_csv(store, session.id))
        return 0
    else:
        Path(args.output).write_text("\ufeff" + export_csv(store, session.id), encoding="utf-8", newline="")
    print(f"pacte sessions export{NBSP}: séance {session.code} écrite dans {args.output}", file=sys.stderr)
    return 0


def _purge(store, args: argparse.Namespace) -> int:
    from pacte.live.sessions_report import session_state

    if args.older_than < 0:
        print(f"pacte sessions purge{NBSP}: --older-than doit être positif.", file=sys.stderr)
        return 2
    now = time.time()
    store.close_expired_sessions(now)
    old = store.past_retention(args.older_than, now)
    if not old:
        print(f"Aucune séance terminée depuis plus de {args.older_than:g}{NBSP}jours.")
        return 0
    for session in old:
        print(f"{session.code}  «{NBSP}{session.title}{NBSP}»  {session_state(session, now)}")
    question = f"Supprimer ces {len(old)} séance(s) et toutes leurs réponses{NBSP}? C’est définitif. [o/N] "
    if not args.yes:
        try:
            answer = input(question)
        except EOFError:
            answer = ""
        if answer.strip().lower() not in YES:
            print("Rien n’a été supprimé.")
            return 1
    deleted = store.purge_sessions(s.id for s in old)
    print(f"{deleted} séance(s) supprimée(s) avec leurs réponses.")
    return 0


def _run(args: argparse.Namespace) -> int:
    from pacte.startup import StartupError

    try:
        store = _store(args)
    except StartupError as exc:
        print(f"pacte sessions{NBSP}: {exc}", file=sys.stderr)
        return 2
    try:
        return args.action(store, args)
    finally:
        store.close()


def add_sessions_parser(sub) -> None:
    """Register ``pacte sessions`` and its three actions on the ``pacte`` sub-parsers."""
    parser = sub.add_parser("sessions", help="lister, exporter ou purger les séances en direct enregistrées")
    actions = parser.add_subparsers(dest="sessions_command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database-url", help="adresse PostgreSQL (par défaut SQLite dans --data-dir)")
    common.add_argument("--data-dir", help="dossier de la base SQLite (par défaut ./var)")
    p_list = actions.add_parser("list", parents=[common], help="toutes les séances, de la plus récente")
    p_list.set_defaults(func=_run, action=_list)
    p_export = actions.add_parser("export", parents=[common], help="les réponses d’une séance en CSV")
    p_export.add_argument("session", help="code de la séance (ou son identifiant)")
    p_export.add_argument(
        "-o",
        "--output",
        help="fichier à écrire, CSV ou Excel s’il se termine par .xlsx (par défaut\u00a0: CSV sur la sortie standard)",
    )
    p_export.set_defaults(func=_run, action=_export)
    p_purge = actions.add_parser("purge", parents=[common], help="supprimer les séances terminées depuis longtemps")
    p_purge.add_argument(
        "--older-than",
        type=float,
        default=DEFAULT_RETENTION_DAYS,
        metavar="JOURS",
        help=f"terminées depuis plus de JOURS jours (par défaut {DEFAULT_RETENTION_DAYS:g})",
    )
    p_purge.add_argument("--yes", action="store_true", help="sans demander de confirmation")
    p_purge.set_defaults(func=_run, action=_purge)
