"""Small security helpers of ``pacte serve``, kept free of Tornado so they are easy to test.

* :func:`is_trainer_path`: does a request path name something in the trainer's
  folder, however it is spelled (percent-encoding, double encoding, ``.``/``..``
  segments, doubled or back slashes, ``;`` parameters, case, trailing dots)?
  Deny by default: when in doubt, the answer is yes.
* :func:`token_matches` / :func:`trainer_cookie_value`: constant-time checks of
  the trainer token that never raise on odd input (non-ASCII, empty, None).
* :func:`csv_safe`: neutralise spreadsheet formulas in exported cells.
* :func:`is_blank_text`: free text made only of invisible or control characters;
  :func:`has_letter_or_digit`: free text that says something; :func:`fold_text`:
  the key under which a hidden word-cloud entry is hidden in all its spellings.
* :func:`redact_url` / :func:`mask_secrets`: a database URL (or any message) without its password.
* :func:`client_key`: the key per-address limits count under (an IPv6 client by its /64).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import ipaddress
import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any
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


MIN_TOKEN_CHARS = 20
MIN_TOKEN_DISTINCT = 10
_TOKEN_IN_QUERY = re.compile(r"(?i)([?&;]token=)[^&#\s]*")


def weak_token(token: str) -> str | None:
    """Why a trainer token given on the command line is too easy to guess (French), or None when it will do.

    At least :data:`MIN_TOKEN_CHARS` characters, :data:`MIN_TOKEN_DISTINCT` of them different, printable ASCII:
    a token typed by hand that a few thousand tries would find is refused at startup.
    """
    if len(token) < MIN_TOKEN_CHARS or len(set(token)) < MIN_TOKEN_DISTINCT:
        return (
            f"le jeton du formateur doit compter au moins {MIN_TOKEN_CHARS}\u00a0caractères, dont "
            f"{MIN_TOKEN_DISTINCT}\u00a0différents"
        )
    if not all(33 <= ord(ch) < 127 for ch in token):
        return "le jeton du formateur ne doit contenir que des lettres, chiffres et signes ASCII, sans espace"
    return None


def redact_token(uri: str) -> str:
    """A request URI (or any text) with the value of every ``token=`` query parameter replaced by ``***``."""
    return _TOKEN_IN_QUERY.sub(r"\1***", uri)


def redacting_log_function(original: Callable[[Any], None] | None) -> Callable[[Any], None]:
    """A Tornado ``log_function`` that logs through ``original`` (or Tornado's own) with ``token=`` masked."""

    def log_request(handler: Any) -> None:
        request = handler.request
        uri, path = request.uri, request.path
        request.uri, request.path = redact_token(uri or ""), redact_token(path or "")
        try:
            if original is not None:
                original(handler)
            else:
                type(handler.application).log_request(_without_log_function(handler.application), handler)
        finally:
            request.uri, request.path = uri, path

    return log_request


class _without_log_function:
    def __init__(self, application: Any) -> None:
        self.settings = {k: v for k, v in application.settings.items() if k != "log_function"}


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


def has_letter_or_digit(text: str) -> bool:
    """True when ``text`` (NFKC-folded) holds a visible letter or digit: a free-text answer says something."""
    return any(
        unicodedata.category(ch)[0] in "LN" and ch not in _BLANK_LOOKING for ch in unicodedata.normalize("NFKC", text)
    )


# Latin look-alikes from Cyrillic and Greek (the letters a word can be spelled with to dodge a filter).
_CONFUSABLES = str.maketrans(
    "аеорсухіјѕԁһԛԝкмтвнАВЕКМНОРСТХУІЈЅαορεντικυΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdhqwkmtbhABEKMHOPCTXYIJSaopevtikuABEZHIKMNOPTYX",
)


def fold_text(text: str) -> str:
    """The key two free-text answers share when a reader would take them for the same word.

    NFKC (full-width and compatibility forms), Cyrillic and Greek look-alikes
    as Latin letters, accents dropped, case folded, and every character that is
    not a letter or digit removed (spaces between letters, zero-width and
    blank-looking characters, punctuation). Used to group a word cloud and to
    hide an entry in all its spellings; ``""`` for text with no letter or digit.
    """
    if text.isascii():  # most answers: no compatibility form, look-alike or accent to fold
        return _NOT_ASCII_ALNUM.sub("", text).lower()
    return _fold_unicode(text)


_NOT_ASCII_ALNUM = re.compile(r"[^0-9A-Za-z]+")


@functools.lru_cache(maxsize=65536)
def _fold_unicode(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_CONFUSABLES)
    text = unicodedata.normalize("NFKD", text)
    kept = (ch for ch in text if unicodedata.category(ch)[0] in "LN" and ch not in _BLANK_LOOKING)
    return "".join(kept).casefold()


# -- messages -------------------------------------------------------------------------


_USERINFO = re.compile(r"(?<=[:/@])([^\s:/@\"'\[\]]*):[^\s\"']*@")
_PASSWORD_PARAM = re.compile(r"(?i)(password\s*=\s*)('[^']*'|\"[^\"]*\"|[^&\s\"']*)")


def mask_secrets(text: str) -> str:
    """``text`` with every ``user:password@`` and ``password=…`` masked (``***``), however malformed the URL."""
    return _PASSWORD_PARAM.sub(r"\1***", _USERINFO.sub(r"\1:***@", text))


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
    return mask_secrets(urlunsplit((parts.scheme, netloc, parts.path, query, "")))


# -- client addresses -------------------------------------------------------------------

LOOPBACK = frozenset({"127.0.0.1", "::1"})  # the server's own machine: the trainer, or a proxy on the same host


def client_key(address: str | None) -> str:
    """The key per-address limits count under: an IPv4 address as is, an IPv6 client by its /64 network.

    One IPv6 client usually holds a whole /64 (2^64 addresses): counting each
    address apart would give it no limit at all. IPv4-mapped IPv6 addresses
    count as their IPv4 address; anything unreadable as itself.
    """
    text = (address or "?").strip()
    try:
        parsed = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return text[:64]
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        if parsed.is_loopback:
            return str(parsed)
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)
