"""JS/Python parity of the financing simulators: static/aci_logic.js and static/cpts_logic.js run in
node on the same cases as widgets.financement.aci_result / cpts_result; results must be identical
(same numbers, same statuses, same French messages)."""

from __future__ import annotations

import json

from node_runner import call_js

from pacte.course.fmt import euros, number
from widgets.financement import aci_result, cpts_result, default_aci_inputs, load_aci_rules, load_cpts_rules


def aci_cases(rules: dict) -> list:
    base = default_aci_inputs(rules)
    all_off = {c["id"]: (0 if "count" in c else False) for c in rules["criteria"]}

    def with_(**kw):
        out = json.loads(json.dumps(base))
        crit = kw.pop("criteria", {})
        out.update(kw)
        out["criteria"].update(crit)
        return out

    return [
        base,
        with_(variant="aci_2017"),
        with_(patientele=6000, professionals=20, precarity_share=10),
        with_(patientele="2 345", professionals="7", precarity_share="12,5"),
        with_(patientele=5123, professionals=17, precarity_share=33.3),
        with_(patientele=100, professionals=3, precarity_share=100),
        with_(patientele=60000, professionals=100, precarity_share=24.9),
        with_(criteria={"coordination": False}),
        with_(criteria={"rcp": False, "protocoles": 3}),
        with_(criteria=all_off),
        with_(
            points={
                "horaires": {"fixed": "1 000"},
                "rcp": {"variable": 1234.5},
                "si_standard": {"per_professional": 150},
            }
        ),
        with_(parameters={"precarity_coefficient": "1,5"}, precarity_share=7),
        {"patientele": 4000, "professionals": 13, "precarity_share": 0},
        # bad input: every message must match word for word
        with_(patientele=-5),
        with_(patientele="quatre mille", professionals=2, precarity_share=120),
        with_(patientele=4000.5, professionals=None, precarity_share=True),
        with_(patientele=""),
        with_(criteria={"inconnu": True, "protocoles": 9, "rcp": "oui", "diversite": 1.5}),
        with_(points={"coordination": {"fixed": 1}, "horaires": {"fixed": -3, "bonus": 1}, "zz": {}}),
        with_(points={"horaires": 5}, parameters={"point_value": 8, "precarity_coefficient": 11, "x": 1}),
        with_(variant="aci_1999"),
        dict(base, criteria=[1, 2]),
        dict(base, points="beaucoup"),
        "4000",
        None,
    ]


def test_aci_parity():
    rules = load_aci_rules()
    cases = aci_cases(rules)
    js = call_js("aci_logic", "computeAci", [[rules, c] for c in cases])
    assert len(js) == len(cases)
    for case, got in zip(cases, js, strict=True):
        expected = json.loads(json.dumps(aci_result(rules, case)))
        assert got == expected, case
    assert {r["status"] for r in js} == {"ok", "blocked", "error"}


def test_cpts_parity():
    rules = load_cpts_rules()
    cases = [
        {"population": p}
        for p in (
            1000,
            39999,
            40000,
            "79 999",
            80000,
            123456,
            175000,
            175001,
            2000000,
            0,
            -1,
            45000.5,
            "",
            "deux mille",
            None,
            True,
            2000001,
        )
    ] + [None, {}]
    js = call_js("cpts_logic", "computeCpts", [[rules, c] for c in cases])
    for case, got in zip(cases, js, strict=True):
        assert got == json.loads(json.dumps(cpts_result(rules, case))), case


def test_french_formats_parity():
    values = [0, 7, 1000, 73500, 80500, 153500000, 1918]
    setup = "const both = (x) => ({ e: m.fmtEuros(x), n: m.fmtNumber(x) });"
    out = call_js("numbers", "both", [[v] for v in values], setup=setup)
    js = {"e": [o["e"] for o in out], "n": [o["n"] for o in out]}
    assert js["e"] == [euros(v) for v in values]
    assert js["n"] == [number(v) for v in values]
    assert "\u202f" not in "".join(js["e"])
