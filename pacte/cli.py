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

    inventory, errors = check_course()
    if args.json:
        print(json.dumps({"ok": not errors, "errors": [str(e) for e in errors], **inventory},
                         ensure_ascii=False, indent=2))
    else:
        print(format_inventory(inventory))
        for err in errors:
            print(f"ERROR {err}", file=sys.stderr)
        print("pacte check: " + ("ok" if not errors else f"{len(errors)} error(s)"), file=sys.stderr)
    return 1 if errors else 0


def _cmd_notebooks(args) -> int:
    from pacte.site.build import export_voila_notebooks

    paths = export_voila_notebooks()
    print(f"pacte notebooks: {len(paths)} notebooks written")
    return 0


def _cmd_serve(args) -> int:
    from pathlib import Path

    from pacte.server import ServeOptions, serve

    return serve(ServeOptions(host=args.host, port=args.port, pool_size=args.pool_size,
                              database_url=args.database_url, trainer_token=args.trainer_token,
                              data_dir=Path(args.data_dir) if args.data_dir else None, public_url=args.public_url))


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``pacte`` command."""
    parser = argparse.ArgumentParser(prog="pacte", description="Build, check and serve the PACTE course.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="build the book (strict: -n -W --keep-going) and the Voilà notebooks")
    p_build.add_argument("--no-strict", action="store_true", help="do not turn warnings into errors")
    p_build.add_argument("--quiet", action="store_true", help="only print warnings and the summary")
    p_build.set_defaults(func=_cmd_build)
    p_check = sub.add_parser("check", help="validate datasets and question banks and print the inventory")
    p_check.add_argument("--json", action="store_true", help="machine-readable output")
    p_check.set_defaults(func=_cmd_check)
    p_nb = sub.add_parser("notebooks", help="write the Voilà/Binder notebooks only (no book build)")
    p_nb.set_defaults(func=_cmd_notebooks)
    p_serve = sub.add_parser("serve", help="serve the built book at / and Voilà views at /voila/render/")
    p_serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p_serve.add_argument("--port", type=int, default=8866)
    p_serve.add_argument("--pool-size", type=int, default=1, help="preheated kernels per page (0: start a kernel on each visit)")
    p_serve.add_argument("--database-url", help="PostgreSQL URL for live sessions (default: SQLite in --data-dir; "
                         "env PACTE_DATABASE_URL)")
    p_serve.add_argument("--data-dir", help="folder of the SQLite store (default: ./var; env PACTE_DATA_DIR)")
    p_serve.add_argument("--trainer-token", help="secret of the trainer dashboard (default: random; "
                         "env PACTE_TRAINER_TOKEN)")
    p_serve.add_argument("--public-url", help="address trainees use, for the join link and QR code")
    p_serve.set_defaults(func=_cmd_serve)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
