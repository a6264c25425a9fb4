"""What every process pays to start: a Voilà or build kernel imports ``widgets``, a command ``pacte``.

Neither builds the Lark grammar of ``rfc3987_syntax`` (about 3 s of CPU) that jsonschema would load for a
format no course schema checks. The CPU time of the import is printed (a figure, not an assertion)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

PROBE = """
import json, sys, time
start = time.process_time()
import widgets, pacte.cli, pacte.course.schema, jsonschema
print(json.dumps({"cpu": time.process_time() - start, "loaded": [m for m in ("lark", "rfc3987_syntax") if sys.modules.get(m)]}))
"""


def test_widgets_and_the_command_load_no_iri_grammar():
    proc = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"import widgets + pacte.cli: {result['cpu']:.2f} s of CPU")
    assert result["loaded"] == []
