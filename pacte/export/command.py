"""``pacte export {moodle,scorm,pdf}``: the subcommand, registered by :mod:`pacte.cli`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pacte.course.errors import DataError
from pacte.course.typography import NBSP


def _moodle(args: argparse.Namespace) -> int:
    from pacte.export.moodle import export_moodle, load_banks, report

    banks = load_banks()
    output = Path(args.output)
    issues = export_moodle(output, banks)
    report(issues, len(banks), output)
    return 0


def _scorm(args: argparse.Namespace) -> int:
    from pacte.export.scorm import export_scorm

    site = Path(args.site) if args.site else None
    mastery = {} if args.mastery_score is None else {"mastery": args.mastery_score}
    summary = export_scorm(Path(args.output), site=site, **mastery)
    print(summary)
    return 0


def _pdf(args: argparse.Namespace) -> int:
    from pacte.export.pdf import export_pdf

    site = Path(args.site) if args.site else None
    files = export_pdf(
        Path(args.output),
        site=site,
        trainer=args.trainer,
        modules=args.module or None,
        whole=not args.no_course,
        base_url=args.base_url,
    )
    version = "formateur" if args.trainer else "apprenant"
    print(f"pacte export pdf{NBSP}: {len(files)} fichier(s) PDF (version {version}) dans {args.output}")
    for path in files:
        print(f"  {path}")
    return 0


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.export_func(args))
    except (DataError, FileNotFoundError, RuntimeError) as exc:
        print(f"ERREUR pacte export {args.target}{NBSP}: {exc}", file=sys.stderr)
        return 1


def add_export_parser(sub: argparse._SubParsersAction) -> None:
    """Register ``pacte export`` and its three targets on the ``pacte`` command's subparsers."""
    p_export = sub.add_parser(
        "export", help="exporter le cours hors du site\u00a0: Moodle (GIFT et XML), paquet SCORM 1.2, polycopiés PDF"
    )
    targets = p_export.add_subparsers(dest="target", required=True)
    p_moodle = targets.add_parser("moodle", help="une banque de questions Moodle (GIFT et Moodle XML) par quiz")
    p_moodle.add_argument("--output", required=True, help="dossier où écrire les fichiers .gift et .xml")
    p_moodle.set_defaults(func=_run, export_func=_moodle)
    p_scorm = targets.add_parser(
        "scorm", help="un paquet SCORM 1.2 (zip) du livre construit, un SCO par page d’apprentissage"
    )
    p_scorm.add_argument("--output", required=True, help="fichier .zip à écrire")
    p_scorm.add_argument(
        "--mastery-score",
        type=int,
        default=None,
        help="score de maîtrise des pages à quiz, de 0 à 100 (par défaut\u00a0: la note de réussite du cours, 70)",
    )
    p_scorm.add_argument("--site", help="livre construit à empaqueter (par défaut\u00a0: _build/html)")
    p_scorm.set_defaults(func=_run, export_func=_scorm)
    p_pdf = targets.add_parser("pdf", help="polycopiés PDF (un par module et un pour le cours) imprimés par Chromium")
    p_pdf.add_argument("--output", required=True, help="dossier où écrire les PDF")
    p_pdf.add_argument(
        "--trainer",
        action="store_true",
        help="version formateur\u00a0: réponses, explications et notes pour le formateur",
    )
    p_pdf.add_argument("--site", help="livre construit à imprimer (par défaut\u00a0: _build/html)")
    p_pdf.add_argument("--module", action="append", help="seulement ce module (dossier sous modules/, répétable)")
    p_pdf.add_argument("--no-course", action="store_true", help="sans le PDF du cours entier")
    p_pdf.add_argument(
        "--base-url",
        help="adresse publique du livre en ligne, vers laquelle pointent les liens (sans elle, ils sont du texte)",
    )
    p_pdf.set_defaults(func=_run, export_func=_pdf)
