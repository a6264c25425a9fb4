"""French spell check of the course prose with hunspell (Debian ``hunspell`` + ``hunspell-fr``).

The prose is what a reader sees in the pages of the table of contents (not
code, roles, links or directive options) and the text values of the YAML data
files (strings with a space, outside identifiers, references and locators).
Words hunspell does not know must be in the project word list
``pacte/course/mots_du_cours.txt`` (one word per line: names, acronyms,
technical terms); anything else is reported with its file and line.

Run it with ``python -m pacte.course.spelling`` (add ``--words`` to print the
unknown words only, e.g. to review them before adding them to the list).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from pacte.course.errors import DataError
from pacte.course.paths import course_root

WORD_LIST = Path(__file__).with_name("mots_du_cours.txt")
DICTIONARY = "fr_FR"
_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'", re.I)
_SPLIT = re.compile(r"[^\w'\-]+")
# Keys whose values are not French prose: identifiers, references, locators, and the English notes and
# patterns the checks read (`why`, `pattern`, `mentions`).
_KEEP_OUT = {
    "detail",
    "source_detail",
    "locator",
    "ref",
    "id",
    "url",
    "href",
    "src",
    "module",
    "key",
    "why",
    "pattern",
    "mentions",
}


def hunspell_available() -> bool:
    """True when hunspell and its French dictionary are installed."""
    if not shutil.which("hunspell"):
        return False
    out = subprocess.run(["hunspell", "-D"], input="", capture_output=True, text=True)
    return any(line.strip().endswith(DICTIONARY) for line in (out.stdout + out.stderr).splitlines())


def words_of(text: str) -> list[str]:
    """Words of a French text: elided articles removed, numbers and codes dropped."""
    out = []
    text = re.sub(r"[·•]\w+", "", text.replace("’", "'"))  # inclusive endings: coordinateur·rice·s
    for token in _SPLIT.split(text):
        token = token.strip("'-_")
        token = _ELISION.sub("", token)
        if len(token) < 2 or any(c.isdigit() for c in token) or "_" in token:
            continue
        out.append(token)
    return out


def _page_prose(root: Path) -> list[tuple[Path, int, str]]:
    from pacte.course.toc import page_source, toc_files
    from pacte.course.typocheck import _MD_PROTECT, _markdown_lines

    out: list[tuple[Path, int, str]] = []
    for doc in toc_files(root):
        try:
            path = Path(page_source(doc, root))
        except FileNotFoundError:
            continue
        for number, line, prose in _markdown_lines(path.read_text(encoding="utf-8")):
            if prose:
                out.append((path, number, _MD_PROTECT.sub(" ", line)))
    return out


def _walk_yaml_prose(value, where: tuple, path: Path, lines, out: list[tuple[Path, int, str]]) -> None:
    """Append (file, line, text) for every text value with a space, outside the keys of ``_KEEP_OUT``."""
    if where and where[-1] in _KEEP_OUT:
        return
    if isinstance(value, str) and " " in value.strip():
        out.append((path, lines.line_of(where) or 1, value))
    elif isinstance(value, dict):
        for k, v in value.items():
            _walk_yaml_prose(v, where + (k,), path, lines, out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _walk_yaml_prose(v, where + (i,), path, lines, out)


def _data_prose() -> list[tuple[Path, int, str]]:
    from pacte.course.checks import all_data_files
    from pacte.course.locators import load_yaml_lines_fast

    out: list[tuple[Path, int, str]] = []
    for path in all_data_files():
        try:
            data, lines = load_yaml_lines_fast(path)
        except DataError:
            continue
        _walk_yaml_prose(data, (), path, lines, out)
    return out


def prose_of(root: Path) -> list[tuple[Path, int, str]]:
    """(file, line, text) of the reader prose of the pages and YAML data files."""
    return _page_prose(root) + _data_prose()


def unknown_words(words: list[str], word_list: Path = WORD_LIST) -> set[str]:
    """The words hunspell (French dictionary + project word list) does not know."""
    unique = sorted(set(words))
    if not unique:
        return set()
    proc = subprocess.run(
        ["hunspell", "-d", DICTIONARY, "-p", str(word_list), "-l"],
        input="\n".join(unique) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    return {w for w in proc.stdout.split("\n") if w}


def check_spelling(root: Path | None = None) -> list[DataError]:
    """One error per unknown word, at its first place in the course."""
    root = root or course_root()
    places: dict[str, tuple[Path, int]] = {}
    for path, line, text in prose_of(root):
        for word in words_of(text):
            places.setdefault(word, (path, line))
    return [
        DataError(
            places[w][0],
            f"unknown word « {w} »: fix it, or add it to {WORD_LIST.name} if it is right",
            line=places[w][1],
            field="orthographe",
        )
        for w in sorted(unknown_words(list(places)), key=lambda w: (str(places[w][0]), places[w][1]))
    ]


def main(argv: list[str] | None = None) -> int:
    """Print the unknown words of the course (``--words``: the words only, one per line)."""
    argv = sys.argv[1:] if argv is None else argv
    errors = check_spelling()
    for err in errors:
        print(err.message.split("« ")[1].split(" »")[0] if "--words" in argv else err)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
