"""Question banks in Moodle XML, beside their GIFT files (``pacte export moodle``).

The questions, weights, ranges and feedback are the GIFT ones
(:mod:`pacte.export.gift`); Moodle XML carries in addition what GIFT cannot say:

* the choices in the bank's order (``<shuffleanswers>0``): some choices refer
  to the others' place, and GIFT imports always take Moodle's default (shuffled);
* no « a. b. c. » numbering (``<answernumbering>none``), as in the course;
* the unit of a numeric answer as a Moodle unit (``<units>``), so that
  « 14 000 € » is accepted; GIFT can only write it in the question text;
* the id of every question (``<idnumber>bank/question</idnumber>``), so that a
  trainer finds a question of the course in Moodle's bank.
"""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from pacte.course.citations import citation_labels
from pacte.course.typography import french_state
from pacte.export.gift import choice_weights, fold, general_feedback, number, numeric_answers, percent


def _text(tag: str, value: str, indent: str = "    ", fmt: str = "html") -> str:
    return f'{indent}<{tag} format="{fmt}"><text>{xml_escape(fold(value))}</text></{tag}>\n'


def _answer(fraction: float, text: str, feedback: str) -> str:
    return (
        f'    <answer fraction="{percent(fraction)}" format="html">\n'
        f"      <text>{xml_escape(text)}</text>\n"
        f'      <feedback format="html"><text>{xml_escape(fold(feedback))}</text></feedback>\n'
        "    </answer>\n"
    )


def _choices(question: dict) -> str:
    if question["type"] == "single":
        weights = {c["id"]: (100.0 if c.get("correct") else 0.0) for c in question["choices"]}
    else:
        weights, _ = choice_weights(question)
    out = [
        f"    <single>{'true' if question['type'] == 'single' else 'false'}</single>\n",
        "    <shuffleanswers>0</shuffleanswers>\n",
        "    <answernumbering>none</answernumbering>\n",
    ]
    out += [_answer(weights[c["id"]], fold(c["text"]), c["feedback"]) for c in question["choices"]]
    return "".join(out)


def _numeric(question: dict) -> str:
    answers, _ = numeric_answers(question)
    out = []
    for a in answers:
        if a.value is not None:
            value, tol = a.value, a.tolerance
        else:
            low, high = a.low or 0.0, a.high or 0.0
            value, tol = (low + high) / 2, (high - low) / 2
        out.append(
            _answer(a.fraction, number(value), a.feedback).replace(
                "    </answer>\n", f"      <tolerance>{number(tol)}</tolerance>\n    </answer>\n"
            )
        )
    unit = question.get("unit")
    if unit:
        out.append(
            "    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0</unitpenalty>\n"
            "    <showunits>3</showunits>\n    <unitsleft>0</unitsleft>\n"
            f"    <units><unit><multiplier>1</multiplier><unit_name>{xml_escape(unit)}</unit_name></unit>"
            "</units>\n"
        )
    return "".join(out)


def question_xml(bank_id: str, question: dict, labels: dict[str, str]) -> str:
    """One ``<question>`` element (multichoice or numerical)."""
    kind = "numerical" if question["type"] == "numeric" else "multichoice"
    text = question["prompt"]
    head = (
        f'  <question type="{kind}">\n'
        f"    <name><text>{xml_escape(question['id'])}</text></name>\n"
        + _text("questiontext", text)
        + _text("generalfeedback", general_feedback(question, labels))
        + "    <defaultgrade>1</defaultgrade>\n    <penalty>0</penalty>\n    <hidden>0</hidden>\n"
        f"    <idnumber>{xml_escape(bank_id)}/{xml_escape(question['id'])}</idnumber>\n"
    )
    body = _numeric(question) if kind == "numerical" else _choices(question)
    return head + body + "  </question>\n"


def bank_xml(bank: dict) -> str:
    """A whole bank as a Moodle XML ``<quiz>`` with its category."""
    bank = french_state(bank)
    labels = citation_labels()
    category = "$course$/top/PACTE/" + fold(bank["title"]).replace("/", "//")
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f"<!-- Banque « {xml_escape(bank['title'])} » du cours PACTE soins primaires (EHESP),"
        f" produite par « pacte export moodle » à partir de datasets/quiz/{bank['id']}.yaml -->\n",
        "<quiz>\n",
        f'  <question type="category">\n    <category><text>{xml_escape(category)}</text></category>\n  </question>\n',
    ]
    out += [question_xml(bank["id"], q, labels) for q in bank["questions"]]
    out.append("</quiz>\n")
    return "".join(out)
