"""Unit tests of the ACI MSP and CPTS simulators (widgets/financement/), on cases computed by hand.

Default rules (datasets/financement/aci_msp.aci_rules.yaml), 13 professionals,
every criterion met at its maximum:

* fixed points: horaires 800 + coordination 1 000 + SI standard (500 + 13 × 200 = 3 100)
  + diversité (2 × 300 = 600) + stagiaires (2 × 450 = 900) + SI avancé 100 = 6 500
* variable points (for 4 000 patients): coordination 1 700 + protocoles (8 × 100 = 800)
  + RCP 1 000 + second recours 300 + santé publique (2 × 350 = 700) + coordination
  externe 200 + qualité 100 + coopération (2 × 100 = 200) = 5 000
"""

from __future__ import annotations

import pytest

from pacte.course.fmt import euros
from widgets.financement import (
    SimulatorInputError,
    aci_result,
    compute_aci,
    compute_cpts,
    cpts_result,
    default_aci_inputs,
    load_aci_rules,
    load_cpts_rules,
)


@pytest.fixture(scope="module")
def rules():
    return load_aci_rules()


@pytest.fixture(scope="module")
def cpts_rules():
    return load_cpts_rules()


def inputs(rules, **changes):
    base = default_aci_inputs(rules)
    criteria = dict(base["criteria"], **changes.pop("criteria", {}))
    base.update(changes)
    base["criteria"] = criteria
    return base


def test_defaults_typical_msp_after_avenant_1(rules):
    r = compute_aci(rules, inputs(rules))
    # (6 500 fixed + 5 000 variable) points × 7 € = 11 500 × 7 = 80 500 €
    assert r["status"] == "ok"
    assert r["points_fixed"] == 6500 and r["points_variable"] == 5000
    assert r["amount"] == 80500
    assert r["amount_fixed"] == 45500  # 6 500 × 7
    assert r["amount_variable"] == 35000  # 5 000 × 7
    assert r["advance"] == 48300  # 60 % × 80 500
    assert r["balance"] == 32200  # 80 500 − 48 300
    axes = {a["id"]: a for a in r["by_axis"]}
    # accès : fixed 800 + 600 = 1 400 → 9 800 € ; variable 300 + 700 = 1 000 → 7 000 €
    assert (axes["acces"]["amount_fixed"], axes["acces"]["amount_variable"]) == (9800, 7000)
    # équipe : fixed 1 000 + 900 = 1 900 → 13 300 € ; variable 1 700 + 800 + 1 000 + 200 + 100 + 200 = 4 000 → 28 000 €
    assert (axes["equipe"]["amount_fixed"], axes["equipe"]["amount_variable"]) == (13300, 28000)
    # SI : fixed 3 100 + 100 = 3 200 → 22 400 €
    assert axes["si"]["amount"] == 22400
    assert sum(a["amount"] for a in r["by_axis"]) == r["amount"]
    assert r["warnings"] == [] and r["indicatif"] is True
    assert euros(r["amount"]) == "80\u00a0500\u00a0€"


def test_variant_2017_gives_the_cnam_figure(rules):
    # coordination 1 000 + 700 instead of 1 000 + 1 700: 11 500 − 1 000 = 10 500 points × 7 = 73 500 €
    r = compute_aci(rules, inputs(rules, variant="aci_2017"))
    assert r["amount"] == 73500


def test_bigger_msp_with_precarity(rules):
    # 6 000 patients → factor 1,5 ; 10 % precarity × coefficient 1 → uplift 0,10 ; variable × 1,5 × 1,1 = × 1,65
    # 20 professionals: SI standard = 500 + 16 × 200 + 4 × 150 = 4 300 fixed points
    # fixed = 800 + 1 000 + 4 300 + 600 + 900 + 100 = 7 700 ; variable = 5 000 × 1,65 = 8 250
    # (7 700 + 8 250) × 7 = 111 650 € ; advance 66 990 € ; balance 44 660 €
    r = compute_aci(rules, inputs(rules, patientele=6000, professionals=20, precarity_share=10))
    assert r["points_fixed"] == 7700
    assert r["points_variable"] == 8250
    assert r["amount"] == 111650
    assert (r["advance"], r["balance"]) == (66990, 44660)
    assert r["uplift"] == 0.1 and r["patientele_factor"] == 1.5


def test_precarity_uplift_is_capped_at_25_percent(rules):
    # 40 % precarity → 0,40 capped at 0,25 ; variable 5 000 × 1,25 = 6 250 ; (6 500 + 6 250) × 7 = 89 250 €
    r = compute_aci(rules, inputs(rules, precarity_share=40))
    assert r["uplift"] == 0.25
    assert r["amount"] == 89250
    assert any("plafonnée à 25\u00a0%" in w for w in r["warnings"])


def test_missing_prerequisite_pays_nothing(rules):
    r = compute_aci(rules, inputs(rules, criteria={"coordination": False}))
    assert r["status"] == "blocked"
    assert (r["amount"], r["advance"], r["balance"]) == (0, 0, 0)
    assert all(a["amount"] == 0 for a in r["by_axis"])
    assert r["missing_prerequisites"] == ["coordination"]
    assert "Prérequis non rempli\u00a0: Fonction de coordination" in r["warnings"][0]
    # what it would be: (6 500 − 1 000) + (5 000 − 1 700) = 8 800 points × 7 = 61 600 €
    assert r["potential_amount"] == 61600


def test_missing_socle_criterion_only_loses_its_points(rules):
    # RCP (socle, not a prerequisite) not met: 11 500 − 1 000 = 10 500 points × 7 = 73 500 €
    r = compute_aci(rules, inputs(rules, criteria={"rcp": False}))
    assert r["status"] == "ok" and r["amount"] == 73500
    assert r["missing_socle"] == ["rcp"]
    assert "Critère socle non rempli\u00a0: Concertation pluriprofessionnelle (RCP)" in r["warnings"][0]


def test_socle_criteria_only(rules):
    # fixed 800 + 1 000 + 3 100 = 4 900 ; variable 1 700 + 800 + 1 000 = 3 500 ; 8 400 × 7 = 58 800 €
    off = {c["id"]: (0 if "count" in c else False) for c in rules["criteria"] if c["level"] == "optionnel"}
    r = compute_aci(rules, inputs(rules, criteria=off))
    assert r["amount"] == 58800


def test_trainee_can_edit_indicative_points(rules):
    # horaires 800 → 1 000 fixed points (given as French text): +200 points × 7 = +1 400 € → 81 900 €
    r = compute_aci(rules, inputs(rules, points={"horaires": {"fixed": "1 000"}}))
    assert r["amount"] == 81900
    # precarity coefficient 2 and 10 % → uplift 0,20 ; variable 5 000 × 1,2 = 6 000 ; 12 500 × 7 = 87 500 €
    r = compute_aci(rules, inputs(rules, precarity_share="10", parameters={"precarity_coefficient": "2"}))
    assert r["amount"] == 87500


def test_text_inputs_in_french_notation(rules):
    r = compute_aci(rules, inputs(rules, patientele="4\u00a0000", professionals="13", precarity_share="0,0"))
    assert r["amount"] == 80500


@pytest.mark.parametrize(
    "field, value, expected",
    [
        ("patientele", -5, "Patientèle\u00a0: la valeur doit être comprise entre 100 et 60\u00a0000\u00a0patients."),
        ("patientele", 10**9, "Patientèle\u00a0: la valeur doit être comprise entre 100 et 60\u00a0000\u00a0patients."),
        ("patientele", "quatre mille", "Patientèle\u00a0: saisissez un nombre (par exemple 4\u00a0000)."),
        ("patientele", "", "Patientèle\u00a0: saisissez un nombre (par exemple 4\u00a0000)."),
        ("patientele", None, "Patientèle\u00a0: saisissez un nombre (par exemple 4\u00a0000)."),
        ("patientele", 4000.5, "Patientèle\u00a0: saisissez un nombre entier."),
        ("professionals", "abc", "Professionnels associés\u00a0: saisissez un nombre (par exemple 13)."),
        (
            "professionals",
            2,
            "Professionnels associés\u00a0: la valeur doit être comprise entre 3 et 100\u00a0professionnels.",
        ),
        (
            "precarity_share",
            120,
            "Part de patients précaires\u00a0: la valeur doit être comprise entre 0 et 100\u00a0%.",
        ),
        ("precarity_share", True, "Part de patients précaires\u00a0: saisissez un nombre (par exemple 0)."),
    ],
)
def test_bad_numbers_give_a_french_message_naming_the_field(rules, field, value, expected):
    bad = inputs(rules, **{field: value})
    r = aci_result(rules, bad)
    assert r == {"ok": False, "status": "error", "errors": [{"field": field, "message": expected}]}
    with pytest.raises(ValueError) as exc:
        compute_aci(rules, bad)
    assert isinstance(exc.value, SimulatorInputError)
    assert f"[{field}]" in str(exc.value) and expected in str(exc.value)


def test_bad_criteria_and_overrides(rules):
    r = aci_result(
        rules,
        inputs(
            rules,
            criteria={"inconnu": True, "protocoles": 9, "rcp": "oui"},
            points={"coordination": {"fixed": 1}, "horaires": {"fixed": -3, "bonus": 1}},
            variant="aci_1999",
        ),
    )
    assert not r["ok"]
    messages = {e["field"]: e["message"] for e in r["errors"]}
    assert messages["criteria.inconnu"] == "Critère inconnu\u00a0: «\u00a0inconnu\u00a0»."
    assert (
        messages["criteria.protocoles"]
        == "«\u00a0Protocoles pluriprofessionnels\u00a0»\u00a0: indiquez un nombre entier entre 0 et 8."
    )
    assert (
        messages["criteria.rcp"] == "«\u00a0Concertation pluriprofessionnelle (RCP)\u00a0»\u00a0: indiquez oui ou non."
    )
    assert messages["variant"] == "Variante inconnue\u00a0: «\u00a0aci_1999\u00a0»."
    assert "ces points sont confirmés par les sources et ne sont pas modifiables" in messages["points.coordination"]
    assert messages["points.horaires.fixed"].endswith(
        "les points fixes doivent être un nombre entre 0 et 100\u00a0000."
    )
    assert "type de points inconnu «\u00a0bonus\u00a0»" in messages["points.horaires.bonus"]


def test_non_dict_input(rules):
    assert aci_result(rules, "4000")["errors"][0]["field"] == "inputs"
    assert aci_result(rules, dict(inputs(rules), criteria=[1, 2]))["errors"][0]["field"] == "criteria"
    r = aci_result(rules, inputs(rules, parameters={"point_value": 8}))
    assert "n’est pas modifiable" in r["errors"][0]["message"]


def test_missing_criteria_count_as_not_met(rules):
    r = compute_aci(rules, {"patientele": 4000, "professionals": 13, "precarity_share": 0})
    assert r["status"] == "blocked" and r["amount"] == 0
    assert set(r["missing_prerequisites"]) == {"horaires", "coordination", "si_standard"}


@pytest.mark.parametrize(
    "population, band, before, after",
    [
        (1000, "T1", 50000, 87500),
        (39999, "T1", 50000, 87500),
        (40000, "T2", 60000, 105000),  # 60 000 × 1,75 = 105 000
        (79999, "T2", 60000, 105000),
        (80000, "T3", 75000, 131250),  # 75 000 × 1,75 = 131 250
        (175000, "T3", 75000, 131250),  # « > 175 000 » for T4: 175 000 stays in T3
        (175001, "T4", 90000, 157500),  # 90 000 × 1,75 = 157 500
        ("200 000", "T4", 90000, 157500),
    ],
)
def test_cpts_bands(cpts_rules, population, band, before, after):
    r = compute_cpts(cpts_rules, {"population": population})
    assert (r["band"], r["before"], r["after"], r["increase"]) == (band, before, after, after - before)


def test_cpts_per_inhabitant(cpts_rules):
    # 60 000 inhabitants (T2): 60 000 / 60 000 = 1,00 € then 105 000 / 60 000 = 1,75 €
    r = compute_cpts(cpts_rules, {"population": 60000})
    assert (r["per_inhabitant_before"], r["per_inhabitant_after"]) == (1.0, 1.75)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", "Population\u00a0: saisissez un nombre (par exemple 60\u00a0000)."),
        ("deux mille", "Population\u00a0: saisissez un nombre (par exemple 60\u00a0000)."),
        (0, "Population\u00a0: la valeur doit être comprise entre 1\u00a0000 et 2\u00a0000\u00a0000\u00a0habitants."),
        (
            -40000,
            "Population\u00a0: la valeur doit être comprise entre 1\u00a0000 et 2\u00a0000\u00a0000\u00a0habitants.",
        ),
        (45000.5, "Population\u00a0: saisissez un nombre entier."),
    ],
)
def test_cpts_bad_input(cpts_rules, value, expected):
    assert cpts_result(cpts_rules, {"population": value})["errors"] == [{"field": "population", "message": expected}]
    with pytest.raises(ValueError, match="population"):
        compute_cpts(cpts_rules, {"population": value})


def test_widgets_recompute_in_python():
    from widgets.financement import AciSimulator, CptsFunding

    w = AciSimulator()
    assert w.kernel_result == {}
    w.inputs = dict(w.inputs, patientele="6000")
    # 6 000 patients: fixed 6 500 + variable 5 000 × 1,5 = 7 500 → 14 000 × 7 = 98 000 €
    assert w.kernel_result["amount"] == 98000
    w.inputs = dict(w.inputs, patientele="-1")
    assert w.kernel_result["ok"] is False and w.kernel_result["errors"][0]["field"] == "patientele"
    c = CptsFunding()
    c.inputs = {"population": "200000"}
    assert c.kernel_result["band"] == "T4" and c.kernel_result["after"] == 157500
    assert 'data-pacte-module="aci_simulator"' in w.static_html()
    assert "80\u00a0500\u00a0€" in AciSimulator().fallback_text()
