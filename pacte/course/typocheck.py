"""French typography in the sources: the `pacte check` rule and the `pacte typo --fix` fixer.

Pages (MyST Markdown) and YAML data files are checked where a reader will see
their text: the prose of a page (not its code cells, front matter, directive
options, inline code, role targets, link targets or URLs) and the string values
of a YAML file (not identifiers, references, locators or expressions: see
:data:`pacte.course.typography.SKIP_KEYS`). The build applies the same
typography anyway (:mod:`pacte.site.typography` and the widget helper); the
rule makes authors write it in the sources too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pacte.course.errors import DataError
from pacte.course.typography import SKIP_KEYS, french, problems

# Spans of a Markdown line that are not reader prose.
_MD_PROTECT = re.compile(
    r"`[^`]*`"  # inline code and role contents ({cite}`key`)
    r"|\{[a-z:-]+\}"  # role names
    r"|\]\([^)]*\)"  # link targets
    r"|<[^>\n]*>"  # inline HTML tags, <url>
    r"|\$[^$\n]+\$"  # inline math
    r"|https?://\S+"
)
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,}|:{3,})(.*)$")


def _front_matter_end(lines: list[str]) -> int:
    """Number of lines of the front matter (0 when there is none)."""
    if not (lines and lines[0].strip() == "---"):
        return 0
    end = next((j for j in range(1, len(lines)) if lines[j].strip() == "---"), 0)
    return end + 1


def _closes_code_fence(m: re.Match | None, code_fence: str) -> bool:
    return bool(m and m.group(2)[0] == code_fence[0] and len(m.group(2)) >= len(code_fence) and not m.group(3).strip())


def _open_or_close_fence(m: re.Match, directives: list[str]) -> str | None:
    """Update the open directives for a fence line outside code; return the code fence it opens, if any."""
    fence, info = m.group(2), m.group(3).strip()
    if not info and directives and directives[-1][0] == fence[0] and len(fence) >= len(directives[-1]):
        directives.pop()  # end of a directive
    elif info.startswith("{") and not info.startswith(
        ("{code", "{math", "{raw", "{bibliography", "{toctree", "{glossary")
    ):
        directives.append(fence)
    elif fence[0] == ":" and info:
        directives.append(fence)
    elif info.startswith("{glossary"):
        directives.append(fence)
    else:
        return fence
    return None


def _markdown_lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """Yield (line number, line, is_prose) for a MyST page."""
    lines = text.split("\n")
    i = _front_matter_end(lines)
    for j in range(i):
        yield j + 1, lines[j], False
    code_fence: str | None = None
    directives: list[str] = []  # open directive fences (admonition, dropdown...): their body is prose
    for j in range(i, len(lines)):
        line = lines[j]
        m = _FENCE.match(line)
        if code_fence is not None:
            if _closes_code_fence(m, code_fence):
                code_fence = None
            yield j + 1, line, False
        elif m:
            code_fence = _open_or_close_fence(m, directives)
            yield j + 1, line, False
        else:
            yield j + 1, line, not re.match(r"^(:[\w-]+:|\([\w-]+\)=|<!--|%|\+\+\+)", line.strip())


def _protected(line: str, pattern: re.Pattern, fix) -> str:
    out, last = [], 0
    for m in pattern.finditer(line):
        out.append(fix(line[last : m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(fix(line[last:]))
    return "".join(out)


def _mask(line: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: "x" * len(m.group(0)), line)


_DIRECTIVE_TITLE = re.compile(
    r"^(\s*(?:`{3,}|:{3,})\{(?:admonition|dropdown|note|tip|warning|important|caution|attention|hint|seealso)\}\s*)(.+)$"
)
_ROLE_APOSTROPHE = re.compile(r"(?<=[A-Za-zÀ-ÿ])'(?=\{[a-z])")


def fix_markdown(text: str) -> str:
    """Return a page with French typography in its prose (l'{term}`X` included)."""
    lines = text.split("\n")
    for number, line, prose in _markdown_lines(text):
        title = _DIRECTIVE_TITLE.match(line)
        if title:  # the title of an admonition or dropdown is read
            lines[number - 1] = title.group(1) + _protected(title.group(2), _MD_PROTECT, french)
        elif prose:
            line = _ROLE_APOSTROPHE.sub("\u2019", line)
            lines[number - 1] = _protected(line, _MD_PROTECT, french)
    return "\n".join(lines)


def markdown_problems(path: Path, text: str | None = None) -> list[DataError]:
    """Typography faults in the prose of a page, as ``file:line [typographie]`` errors."""
    text = path.read_text(encoding="utf-8") if text is None else text
    errors = []
    for number, line, prose in _markdown_lines(text):
        title = _DIRECTIVE_TITLE.match(line)
        if title:
            line = " " * len(title.group(1)) + title.group(2)
        elif not prose:
            continue
        for _, message, excerpt in problems(_mask(line, _MD_PROTECT)):
            errors.append(
                DataError(
                    path,
                    f"{message}: …{excerpt.strip()}… (run `pacte typo --fix {path.name}`)",
                    line=number,
                    field="typographie",
                )
            )
    return errors


# YAML: a key, then a value; values of SKIP_KEYS are kept as they are.
_SKIP_NAMES = "|".join(re.escape(k) for k in sorted(SKIP_KEYS, key=len, reverse=True))
_YAML_SKIP = re.compile(
    r"(?:^|(?<=[{,]))\s*-?\s*(?:(?:" + _SKIP_NAMES + r")\s*:\s*"
    r"(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^,}\n]*)"  # identifiers, locators, expressions: kept
    r"|[\w$-]+\s*:(?=\s|$))"  # other keys
    r"|^\s*#.*$"  # comments
)


# Quote delimiters of single-quoted YAML scalars (not apostrophes) and the '' escape between letters.
_YAML_QUOTE = re.compile(r"(?<=:\s)'|(?<=^-\s)'|(?<=\s-\s)'|(?<=[\[{,]\s)'|'(?=\s*(?:$|[,}\]]))|^\s*'")
_YAML_DOUBLED = re.compile(r"(?<=[A-Za-zÀ-ÿ])''(?=[A-Za-zÀ-ÿ0-9])")


def _french_yaml_value(segment: str) -> str:
    return french(_YAML_DOUBLED.sub("\u2019", segment))


def fix_yaml(text: str) -> str:
    """Return a YAML data file with French typography in its text values."""
    return "\n".join(_protected(line, _YAML_SKIP, _french_yaml_value) for line in text.split("\n"))


def yaml_problems(path: Path, text: str | None = None) -> list[DataError]:
    """Typography faults in the text values of a YAML data file."""
    text = path.read_text(encoding="utf-8") if text is None else text
    errors = []
    for number, line in enumerate(text.split("\n"), 1):
        chars = list(_mask(line, _YAML_SKIP))
        for m in _YAML_QUOTE.finditer(line):
            chars[m.end() - 1] = '"'
        masked = "".join(chars)
        key = re.match(r"^\s*-?\s*([\w$-]+)\s*:", line)
        for _, message, excerpt in problems(masked):
            errors.append(
                DataError(
                    path,
                    f"{message}: …{excerpt.strip()}… (run `pacte typo --fix {path.name}`)",
                    line=number,
                    field=key.group(1) if key else "typographie",
                )
            )
    return errors


def source_files(root: Path) -> list[Path]:
    """The pages of the table of contents and the YAML data files."""
    from pacte.course.checks import all_data_files
    from pacte.course.toc import page_source, toc_files

    files = []
    for doc in toc_files(root):
        try:
            files.append(page_source(doc, root))
        except FileNotFoundError:
            continue
    return files + list(all_data_files())


def check_sources(root: Path) -> list[DataError]:
    """The `pacte check` rule: French typography in pages and YAML data files."""
    errors: list[DataError] = []
    for path in source_files(root):
        try:
            if path.suffix == ".md":
                errors.extend(markdown_problems(path))
            elif path.suffix in (".yaml", ".yml"):
                errors.extend(yaml_problems(path))
        except UnicodeDecodeError:
            continue  # a bad UTF-8 byte is reported (with its line) by the data check
    return errors


def fix_file(path: Path) -> bool:
    """Fix a page (.md) or YAML file in place; return True when it changed."""
    text = path.read_text(encoding="utf-8")
    fixed = fix_markdown(text) if path.suffix == ".md" else fix_yaml(text) if path.suffix in (".yaml", ".yml") else text
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")
        return True
    return False
