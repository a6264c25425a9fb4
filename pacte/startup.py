"""Why ``pacte serve`` cannot start, in one French line: store, data folder, PostgreSQL, port, trainer token."""

from __future__ import annotations

import errno
from pathlib import Path

from pacte.course.fmt import NBSP


class StartupError(Exception):
    """A reason ``pacte serve`` cannot start: one French line saying what is wrong and what to do."""


def _scrub(text: str, url: str | None) -> str:
    """``text`` without the password of ``url`` (psycopg messages never hold it; belt and braces)."""
    from urllib.parse import unquote, urlsplit

    from pacte.security import mask_secrets

    if url:
        try:
            password = urlsplit(url).password
        except ValueError:
            password = None
        for secret in filter(None, {password, unquote(password or "")}):
            text = text.replace(secret, "***")
    return " ".join(mask_secrets(text).split())


def _check_data_dir(data_dir: Path) -> None:
    """Refuse a data folder that cannot be a folder (a file, or under a file)."""
    for parent in [data_dir, *data_dir.parents]:
        if parent.exists():
            if not parent.is_dir():
                raise StartupError(
                    f"le dossier de données « {data_dir} » ne peut pas être créé{NBSP}: « {parent} » est un fichier. "
                    f"Choisissez un autre dossier avec --data-dir (ou PACTE_DATA_DIR)."
                )
            break


def _probe_postgres(url: str) -> None:
    """One direct connection, to tell why PostgreSQL refuses (the pool only says « timeout »)."""
    from pacte.security import redact_url

    try:
        import psycopg
    except ImportError:
        raise StartupError(
            "psycopg n’est pas installé\u00a0: installez le cours avec "
            "`pip install -e .[postgres]` ou utilisez SQLite (sans --database-url)."
        ) from None
    where = redact_url(url)
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except psycopg.OperationalError as exc:
        msg = str(exc).lower()
        if "password" in msg or "authentication" in msg:
            why = "identifiant ou mot de passe refusé"
            todo = "vérifiez l’utilisateur et le mot de passe de --database-url"
        elif "does not exist" in msg and "database" in msg:
            why = "cette base n’existe pas sur le serveur"
            todo = "créez-la (createdb) ou corrigez son nom dans --database-url"
        else:
            why = "serveur injoignable (arrêté, mauvaise adresse ou mauvais port)"
            todo = "démarrez PostgreSQL ou corrigez --database-url"
        raise StartupError(
            f"impossible de se connecter à PostgreSQL ({where}){NBSP}: {why}. "
            f"Que faire{NBSP}? {todo[0].upper() + todo[1:]}."
        ) from None
    except psycopg.Error as exc:
        raise StartupError(
            f"PostgreSQL refuse la connexion ({where}){NBSP}: {_scrub(str(exc), url)[:200]}. Vérifiez --database-url."
        ) from None


def _check_url_and_folder(url: str | None, data_dir: Path) -> None:
    """Refuse an unknown scheme, an unusable SQLite folder or an unreachable PostgreSQL before opening."""
    if url and not url.startswith(("sqlite://", "postgresql://", "postgres://")):
        scheme = url.split(":", 1)[0][:20] if ":" in url else "?"
        raise StartupError(
            f"adresse de base de données non prise en charge («{NBSP}{scheme}{NBSP}»){NBSP}: "
            f"utilisez postgresql://utilisateur:motdepasse@hôte:5432/base, "
            f"sqlite:////chemin/live.sqlite3, ou rien (SQLite dans --data-dir)."
        )
    if url and url.startswith("sqlite:///"):
        _check_data_dir(Path(url[len("sqlite://") :]).parent)
    elif not url:
        _check_data_dir(data_dir)
    if url and url.startswith(("postgresql://", "postgres://")):
        _probe_postgres(url)


def _other_open_error(exc: Exception, where: str, url: str | None) -> StartupError:
    from pacte.live.store import StoreError

    name = type(exc).__name__
    text = str(exc).lower()
    if "read-only" in text or "read only" in text or name in ("ReadOnlySqlTransaction", "InsufficientPrivilege"):
        return StartupError(
            f"la base {where} est en lecture seule ou sans droit d’écriture pour cet utilisateur"
            f"{NBSP}: donnez-lui le droit de créer des tables et d’écrire, "
            f"ou choisissez une autre base."
        )
    if isinstance(exc, StoreError) and "cannot connect" in text:
        return StartupError(
            f"impossible de se connecter à PostgreSQL ({where}){NBSP}: démarrez PostgreSQL ou corrigez --database-url."
        )
    return StartupError(
        f"impossible d’ouvrir la base des séances {where} ({name}{NBSP}: "
        f"{_scrub(str(exc), url)[:200]}){NBSP}: vérifiez --database-url ou --data-dir."
    )


def _open_error(exc: Exception, where: str, url: str | None) -> StartupError:
    """The French explanation of an exception raised while opening the store."""
    import sqlite3

    if isinstance(exc, (PermissionError, sqlite3.OperationalError)):
        if "locked" in str(exc).lower():
            return StartupError(
                f"la base {where} est verrouillée par un autre programme{NBSP}: "
                f"arrêtez l’autre « pacte serve » ou choisissez un autre --data-dir."
            )
        return StartupError(
            f"la base {where} est en lecture seule ou inaccessible{NBSP}: donnez le droit d’écriture "
            f"sur ce fichier et son dossier, ou choisissez un autre --data-dir."
        )
    if isinstance(exc, (FileExistsError, NotADirectoryError, IsADirectoryError)):
        return StartupError(
            f"le dossier de données de {where} est inutilisable ({exc.strerror}){NBSP}: choisissez un autre --data-dir."
        )
    if isinstance(exc, OSError) and exc.errno == errno.EROFS:
        return StartupError(
            f"la base {where} est sur un disque en lecture seule{NBSP}: choisissez un --data-dir "
            f"sur un disque où l’on peut écrire."
        )
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return StartupError(
            f"le disque de {where} est plein{NBSP}: libérez de la place ou choisissez un autre --data-dir."
        )
    if isinstance(exc, OSError):
        return StartupError(
            f"impossible d’écrire la base {where} ({exc.strerror}){NBSP}: "
            f"vérifiez le dossier --data-dir (droits, place disque)."
        )
    return _other_open_error(exc, where, url)


def open_store_or_explain(url: str | None, data_dir: Path):
    """Open the live store, or raise :class:`StartupError` with a French explanation (never a password)."""
    from pacte.live.store import open_store
    from pacte.security import redact_url

    _check_url_and_folder(url, data_dir)
    where = redact_url(url) if url else str(Path(data_dir) / "live.sqlite3")
    try:
        return open_store(url, data_dir)
    except Exception as exc:
        raise _open_error(exc, where, url) from None


def check_trainer_token(token: str | None) -> None:
    """Refuse a trainer token given by hand that is too easy to guess (None: one will be drawn at random)."""
    from pacte.security import weak_token

    why = weak_token(token) if token is not None else None
    if why:
        raise StartupError(
            f"{why}{NBSP}: choisissez-en un plus long pour --trainer-token (ou PACTE_TRAINER_TOKEN), "
            f"ou n’en donnez pas et pacte serve en tirera un au hasard."
        )


def check_port(host: str, port: int) -> None:
    """Refuse, in French, a port another program holds or this user may not open (before Voilà says it in English)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise StartupError(
                    f"le port {port} est déjà utilisé sur {host} (un autre « pacte serve »{NBSP}?)"
                    f"{NBSP}: arrêtez l’autre programme ou choisissez un autre port avec --port."
                ) from None
            if exc.errno == errno.EACCES:
                raise StartupError(
                    f"ce compte n’a pas le droit d’ouvrir le port {port}{NBSP}: choisissez un port "
                    f"au-dessus de 1024 avec --port (8866 par défaut)."
                ) from None
            raise StartupError(
                f"impossible d’écouter sur {host}:{port} ({exc.strerror}){NBSP}: vérifiez --host et --port."
            ) from None
