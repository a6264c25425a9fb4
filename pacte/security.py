"""Small security helpers of ``pacte serve``, kept free of Tornado so they are easy to test.

* :func:`is_trainer_path`: does a request path name something in the trainer's
  folder, however it is spelled (percent-encoding, double encoding, ``.``/``..``
  segments, doubled or back slashes, ``;`` parameters, case, trailing dots)?
  Deny by default: when in doubt, the answer is yes.
* :func:`token_matches` / :func:`trainer_cookie_value`: constant-time checks of
  the trainer token that never raise on odd input (non-ASCII, empty, None).
* :func:`csv_safe`: neutralise spreadsheet formulas in exported cells.
* :func:`is_blank_text`: free text made only of invisible or control characters.
* :func:`redact_url`: a database URL without its password, for messages.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

TRAINER_DIR = "formateur"
TRAINER_COOKIE = "pacte_trainer"  # the trainer token, once given, lives in this HttpOnly cookie

# -- trainer paths -----------------------------------------------------------------


def _fully_unquoted(text: str, rounds: int = 6) -> str:
    """Percent-decode until nothing changes (``%2566`` → ``%66`` → ``f``)."""
    for _ in range(rounds):
        decoded = unquote(text, errors="replace")
        if decoded == text:
            return decoded
        text = decoded
    return text


def path_segments(path: str) -> list[str]:
    """The segments of a request path as a file system or a browser might understand it.

    Decoded (repeatedly), back slashes as separators, ``;params`` dropped,
    trailing dots and spaces dropped (Windows), Unicode-compatibility folded and
    case-folded, ``.`` and ``..`` resolved without leaving the root.
    """
    text = _fully_unquoted(path or "").replace("\\", "/").replace("\x00", "")
    out: list[str] = []
    for raw in text.split("/"):
        seg = raw.split(";", 1)[0].strip()
        if seg in ("", "."):
            continue
        if seg == "..":
            if out:
                out.pop()
            continue
        seg = unicodedata.normalize("NFKC", seg).casefold().rstrip(". ")
        if seg in ("", "."):
            continue
        out.append(seg)
    return out


def is_trainer_path(path: str, root: Path | str | None = None) -> bool:
    """True when ``path`` (relative to ``root``, as given in a URL) may reach the trainer's folder.

    Two independent checks, either is enough: a normalised segment that is the
    trainer folder (any segment ``formateur``, or a first segment such as
    ``formateur.ipynb``), or the real path of ``root/path`` (symbolic links
    resolved) inside ``root/formateur``.
    """
    segments = path_segments(path)
    if TRAINER_DIR in segments or (segments and segments[0].startswith(TRAINER_DIR)):
        return True
    if root is not None:
        root_real = os.path.realpath(root)
        trainer_real = os.path.realpath(os.path.join(root_real, TRAINER_DIR))
        for candidate in {path or "", unquote(path or "")}:
            target = os.path.realpath(os.path.join(root_real, candidate.lstrip("/")))
            if target == trainer_real or target.startswith(trainer_real + os.sep):
                return True
    return False


# -- trainer token -------------------------------------------------------------------


def _as_bytes(value: object) -> bytes | None:
    if not isinstance(value, str) or not value:
        return None
    return value.encode("utf-8", "surrogatepass")


def token_matches(given: object, token: str) -> bool:
    """Constant-time comparison of ``given`` with the trainer token; False on any odd input."""
    a, b = _as_bytes(given), _as_bytes(token)
    if a is None or b is None:
        return False
    return hmac.compare_digest(a, b)


def trainer_cookie_value(token: str) -> str:
    """What the trainer's cookie holds: derived from the token, so the cookie never shows it."""
    return hmac.new(token.encode("utf-8"), b"pacte-trainer-cookie-v1", hashlib.sha256).hexdigest()


def cookie_matches(cookie: object, token: str) -> bool:
    """True when a cookie value is the one :func:`trainer_cookie_value` gives for ``token``."""
    return token_matches(cookie, trainer_cookie_value(token))


# -- CSV export -------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$")


def csv_safe(value: object) -> object:
    """A cell value that a spreadsheet will not run as a formula (OWASP « CSV injection »).

    Text starting with ``= + - @``, a tab, a carriage return (or their
    full-width forms) gets a leading apostrophe; plain numbers (``-3``,
    ``+2.5``) are left as they are.
    """
    if not isinstance(value, str) or not value:
        return value
    if value.lstrip(" ").startswith(FORMULA_START) and not _PLAIN_NUMBER.match(value.strip()):
        return "'" + value
    return value


# -- free text --------------------------------------------------------------------------

# Letters and symbols that show nothing (Hangul fillers, braille blank, combining grapheme joiner…).
_BLANK_LOOKING = set("\u115f\u1160\u3164\uffa0\u2800\u034f\u180e\u17b4\u17b5")


def is_blank_text(text: str) -> bool:
    """True when ``text`` has no visible character: spaces, controls, format and bidi characters only."""
    for ch in text:
        if ch in _BLANK_LOOKING:
            continue
        if unicodedata.category(ch)[0] in "LNPS":
            return False
    return True


# -- messages -------------------------------------------------------------------------


def redact_url(url: str) -> str:
    """A connection URL with its password replaced by ``***`` (and any ``password=`` parameter)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(adresse illisible)"
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}:***@{hostport}" if ":" in userinfo else f"{user}@{hostport}"
    query = re.sub(r"(?i)(password=)[^&]*", r"\1***", parts.query)
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))
