"""The PACTE course application: course data, site build, live sessions, server and the ``pacte`` command."""

import sys

# jsonschema imports rfc3987_syntax, when it is installed (Jupyter's jupyter-events asks for it), to check the
# "iri" format, and that module builds a Lark parser as it is imported: about 3 s of CPU in every process that
# imports jsonschema (each `pacte` command, each Voilà or build kernel through `widgets`). No schema of the
# course, and nothing `pacte serve` runs, checks that format: the module is not loaded (`None` in sys.modules
# makes its import fail, which jsonschema expects and skips).
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
