"""Exit 2, with a message naming both versions, if this interpreter is outside
the project's ``requires-python`` range (read from pyproject.toml).

Written for any Python 3 (no tomllib, no f-string features newer than 3.6) so
that an interpreter too old for the course can still explain itself.
"""

from __future__ import print_function

import re
import sys


def parse_bound(spec):
    """Return (operator, version tuple) for one clause such as '>=3.11'."""
    match = re.match(r"\s*(>=|<=|<|>|==|!=)\s*([0-9]+(?:\.[0-9]+)*)\s*$", spec)
    if not match:
        raise ValueError("unsupported requires-python clause: %r" % spec)
    return match.group(1), tuple(int(part) for part in match.group(2).split("."))


def satisfies(version, clauses):
    """True if the version tuple meets every (operator, bound) clause."""
    for operator, bound in clauses:
        here = version[: len(bound)]
        ok = {
            ">=": here >= bound,
            ">": here > bound,
            "<=": here <= bound,
            "<": here < bound,
            "==": here == bound,
            "!=": here != bound,
        }[operator]
        if not ok:
            return False
    return True


def main(pyproject_path):
    """Check sys.version_info against requires-python; print why if not."""
    with open(pyproject_path, encoding="utf-8") as handle:
        text = handle.read()
    match = re.search(r'^requires-python\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        print("install: no requires-python in %s" % pyproject_path, file=sys.stderr)
        return 2
    spec = match.group(1)
    clauses = [parse_bound(part) for part in spec.split(",")]
    found = "%d.%d.%d" % sys.version_info[:3]
    if satisfies(tuple(sys.version_info[:3]), clauses):
        return 0
    print(
        "install: Python %s found at %s, but the course needs Python %s "
        "(requires-python in pyproject.toml).\n"
        "install: point PYTHON= at a supported interpreter, for example:\n"
        "    PYTHON=python3.12 ./scripts/course.sh\n"
        "    PYTHON=/usr/bin/python3.11 ./scripts/test.sh" % (found, sys.executable, spec),
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml"))
