"""The ``pacte`` command: build, check and serve the course."""

from __future__ import annotations

import argparse
import json
import sys


def _cmd_build(args) -> int:
    from pacte.site.build import build_book

    return build_book(strict=not args.no_strict, quiet=args.quiet)


def _cmd_check(args) -> int:
    from pacte.course.inventory import check_course, format_inventory
    from pacte.live.sequences import check_sequence_files

    inventory, errors = check_course()
    if not errors:  # the sequences name activities of the course data: checked once that data is sound
        errors = check_sequence_files()
    if args.json:
        print(
            json.dumps(
                {"ok": not errors, "errors": [str(e) for e in errors], **inventory}, ensure_ascii=False, indent=2
            )
        )
    else:
        print(format_inventory(inventory))
        for err in errors:
            print(f"ERREUR {err}", file=sys.stderr)
        print("pacte check\u00a0: " + ("ok" if not errors else f"{len(errors)} erreur(s)"), file=sys.stderr)
    return 1 if errors else 0


def _cmd_typo(args) -> int:
    from pathlib import Path

    from pacte.course.typocheck import fix_file, markdown_problems, yaml_problems

    status = 0
    if args.grammar:
        status = _grammar(args.grammar)
    for name in args.paths:
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.suffix in (".md", ".yaml", ".yml")) if path.is_dir() else [path]
        for file in files:
            if args.fix:
                if fix_file(file):
                    print(f"corrigé : {file}")
            problems = markdown_problems(file) if file.suffix == ".md" else yaml_problems(file)
            for err in problems:
                print(f"ERREUR {err}", file=sys.stderr)
                status = 1
    return status


def _grammar(built: str) -> int:
    """Grammalecte over the built book ``built``: findings, then counts by rule."""
    from pathlib import Path

    from pacte.site.grammar import check_book, grammalecte_available, summary

    if not grammalecte_available():
        print("ERREUR grammalecte-cli n’est pas installé (apt-get install grammalecte-cli)", file=sys.stderr)
        return 1
    findings = check_book(Path(built))
    for finding in findings:
        print(f"ERREUR {finding}", file=sys.stderr)
    if findings:
        print(summary(findings), file=sys.stderr)
    print(f"grammalecte\u00a0: {len(findings)} remarque(s) dans {built}", file=sys.stderr)
    return 1 if findings else 0


def _cmd_notebooks(args) -> int:
    from pacte.site.build import export_voila_notebooks

    paths = export_voila_notebooks()
    print(f"pacte notebooks\u00a0: {len(paths)} carnets écrits")
    return 0


def _cmd_serve(args) -> int:
    from pathlib import Path

    from pacte.server import ServeOptions, serve

    return serve(
        ServeOptions(
            host=args.host,
            port=args.port,
            pool_size=args.pool_size,
            preheat=dict(args.preheat or []),
            max_kernels=args.max_kernels,
            kernel_idle=args.kernel_idle,
            database_url=args.database_url,
            trainer_token=args.trainer_token,
            data_dir=Path(args.data_dir) if args.data_dir else None,
            public_url=args.public_url,
            behind_proxy=args.behind_proxy,
            session_hours=args.session_hours,
            retention_days=args.retention_days,
        )
    )


def _preheat(value: str) -> tuple[str, int]:
    page, _, size = value.partition("=")
    try:
        return page, int(size or 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«\u00a0{value}\u00a0»\u00a0: attendu PAGE ou PAGE=N") from None


def _add_kernel_options(p_serve: argparse.ArgumentParser) -> None:
    from pacte.kernel_cap import DEFAULT_MAX_KERNELS
    from pacte.kernels import DEFAULT_IDLE_SECONDS

    p_serve.add_argument(
        "--pool-size",
        type=int,
        default=0,
        help="noyaux préchauffés pour chaque page (par défaut 0\u00a0: un noyau démarré à l’ouverture d’une vue Voilà)",
    )
    p_serve.add_argument(
        "--preheat",
        action="append",
        type=_preheat,
        metavar="PAGE[=N]",
        help="garder N noyaux prêts (1 par défaut) pour cette page seulement, "
        "par exemple modules/metier/qui-sont-les-coordinateurs (option répétable)",
    )
    p_serve.add_argument(
        "--max-kernels",
        type=int,
        default=DEFAULT_MAX_KERNELS,
        help=f"vues Voilà ouvertes en même temps au plus, en plus des noyaux préchauffés "
        f"(par défaut {DEFAULT_MAX_KERNELS}\u00a0; 0\u00a0: sans limite)",
    )
    p_serve.add_argument(
        "--kernel-idle",
        type=int,
        default=DEFAULT_IDLE_SECONDS,
        help=f"secondes d’inactivité avant l’arrêt d’un noyau, onglet ouvert ou non (par défaut {DEFAULT_IDLE_SECONDS})",
    )


def _non_negative(value: str) -> float:
    try:
        hours = float(value.replace(",", "."))
    except ValueError:
        hours = -1
    if hours < 0:
        raise argparse.ArgumentTypeError(f"«\u00a0{value}\u00a0»\u00a0: attendu un nombre positif ou nul")
    return hours


def _add_session_options(p_serve: argparse.ArgumentParser) -> None:
    from pacte.live.store.retention import DEFAULT_RETENTION_DAYS, DEFAULT_SESSION_HOURS

    p_serve.add_argument(
        "--session-hours",
        type=_non_negative,
        default=DEFAULT_SESSION_HOURS,
        help=f"heures pendant lesquelles une nouvelle séance accepte des réponses, sauf fermeture "
        f"(par défaut {DEFAULT_SESSION_HOURS:g}\u00a0; 0\u00a0: jusqu’à sa fermeture par le formateur)",
    )
    p_serve.add_argument(
        "--retention-days",
        type=_non_negative,
        default=DEFAULT_RETENTION_DAYS,
        help=f"jours pendant lesquels une séance terminée et ses réponses sont gardées avant que "
        f"«\u00a0pacte sessions purge\u00a0» ne les propose à la suppression (par défaut {DEFAULT_RETENTION_DAYS:g})",
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``pacte`` command."""
    parser = argparse.ArgumentParser(prog="pacte", description="Construire, vérifier et servir le cours PACTE.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser(
        "build", help="construire le livre (strict\u00a0: -n -W --keep-going) et les carnets Voilà"
    )
    p_build.add_argument("--no-strict", action="store_true", help="ne pas traiter les avertissements comme des erreurs")
    p_build.add_argument("--quiet", action="store_true", help="n’afficher que les avertissements et le bilan")
    p_build.set_defaults(func=_cmd_build)
    p_check = sub.add_parser("check", help="valider les données et les banques de questions, afficher l’inventaire")
    p_check.add_argument("--json", action="store_true", help="sortie lisible par une machine (JSON)")
    p_check.set_defaults(func=_cmd_check)
    p_typo = sub.add_parser(
        "typo", help="vérifier (ou corriger avec --fix) la typographie française des pages (.md) et des fichiers YAML"
    )
    p_typo.add_argument("paths", nargs="*", help="fichiers ou dossiers")
    p_typo.add_argument(
        "--grammar",
        nargs="?",
        const="_build/html",
        metavar="LIVRE",
        help="relire aussi le livre construit avec grammalecte-cli (par défaut _build/html)",
    )
    p_typo.add_argument(
        "--fix",
        action="store_true",
        help="réécrire les fichiers avec les espaces insécables et les apostrophes françaises",
    )
    p_typo.set_defaults(func=_cmd_typo)
    p_nb = sub.add_parser("notebooks", help="écrire seulement les carnets Voilà/Binder (sans construire le livre)")
    p_nb.set_defaults(func=_cmd_notebooks)
    p_serve = sub.add_parser("serve", help="servir le livre construit sur / et les vues Voilà sur /voila/render/")
    p_serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="adresse d’écoute (par défaut 127.0.0.1\u00a0; 0.0.0.0 pour le réseau de la salle)",
    )
    p_serve.add_argument("--port", type=int, default=8866, help="port (par défaut 8866)")
    _add_kernel_options(p_serve)
    p_serve.add_argument(
        "--database-url",
        help="adresse PostgreSQL des séances en direct (par défaut\u00a0: SQLite "
        "dans --data-dir\u00a0; variable PACTE_DATABASE_URL)",
    )
    p_serve.add_argument(
        "--data-dir", help="dossier de la base SQLite (par défaut\u00a0: ./var\u00a0; variable PACTE_DATA_DIR)"
    )
    p_serve.add_argument(
        "--trainer-token",
        help="secret du tableau de bord du formateur (par défaut\u00a0: "
        "tiré au hasard\u00a0; variable PACTE_TRAINER_TOKEN)",
    )
    p_serve.add_argument("--public-url", help="adresse que tapent les apprenants (lien et QR code de la séance)")
    p_serve.add_argument(
        "--behind-proxy",
        action="store_true",
        help="derrière nginx ou Caddy (deploy/)\u00a0: lire l’adresse du client dans X-Real-IP et le protocole "
        "dans X-Forwarded-Proto (jamais sans répartiteur devant\u00a0: ces en-têtes se falsifient)",
    )
    _add_session_options(p_serve)
    p_serve.set_defaults(func=_cmd_serve)
    from pacte.export.command import add_export_parser
    from pacte.live.sessions_cli import add_sessions_parser

    add_export_parser(sub)  # pacte export {moodle,scorm,pdf}
    add_sessions_parser(sub)  # pacte sessions {list,export,purge}
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
