"""Question banks in Moodle XML, beside their GIFT files (``pacte export moodle``).

The questions, weights, ranges and feedback are the GIFT ones
(:mod:`pacte.export.gift`); Moodle XML carries in addition what GIFT cannot say:

* the choices in the bank's order (``<shuffleanswers>0``): some choices refer
  to the others' place, and GIFT imports always take Moodle's default (shuffled);
* no « a. b. c. » numbering (``<answernumbering>none``), as in the course;
* the unit of a numeric answer as a Moodle unit (``<units>``), entered in the
  answer box and optional (``<showunits>0`` = UNITINPUT, ``<unitgradingtype>0``
  = not graded), so that Moodle accepts « 14000 », « 14 000 € » and
  « 20 personnes »; ``<showunits>3`` (UNITNONE) would make Moodle refuse any
  answer carrying a unit. GIFT can only write the unit in the question text;
* a category per module and page (``PACTE/<module>/<page>``), the page that
  shows the question in the course; a question no page shows stays under
  ``PACTE/<bank title>``;
* the id of every question (``<idnumber>bank/question</idnumber>``), so that a
  trainer finds a question of the course in Moodle's bank.
"""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape as xml_escape

from pacte.course.citations import citation_labels
from pacte.course.paths import course_root
from pacte.course.prompts import module_titles
from pacte.course.typography import french_state
from pacte.export.gift import choice_weights, fold, general_feedback, number, numeric_answers, percent
from pacte.live.pages import module_of, quiz_page

#: Moodle's qtype_numerical: the unit is typed in the answer box (UNITINPUT) and is optional (not graded).
UNIT_INPUT = 0
UNIT_OPTIONAL = 0


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
            f"    <unitgradingtype>{UNIT_OPTIONAL}</unitgradingtype>\n    <unitpenalty>0</unitpenalty>\n"
            f"    <showunits>{UNIT_INPUT}</showunits>\n    <unitsleft>0</unitsleft>\n"
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


@lru_cache(maxsize=64)
def page_heading(page: str) -> str:
    """The title of a course page (its first ``# `` line), from its path under the course root."""
    path = course_root() / page
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return next((line[2:].strip() for line in lines if line.startswith("# ")), page)


def category_path(bank: dict, question_id: str) -> list[str]:
    """The Moodle category of a question: PACTE, its module and the page showing it (else the bank's title)."""
    page = quiz_page(bank["id"], question_id)
    module = module_of(page)
    if not module:
        return ["PACTE", bank["title"]]
    return ["PACTE", module_titles().get(module, module), page_heading(page)]


def _category(path: list[str]) -> str:
    text = "$course$/top/" + "/".join(fold(part).replace("/", "//") for part in path)
    return f'  <question type="category">\n    <category><text>{xml_escape(text)}</text></category>\n  </question>\n'


def bank_xml(bank: dict) -> str:
    """A whole bank as a Moodle XML ``<quiz>``, each question under its module and page category."""
    bank = french_state(bank)
    labels = citation_labels()
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f"<!-- Banque « {xml_escape(bank['title'])} » du cours PACTE soins primaires (EHESP),"
        f" produite par « pacte export moodle » à partir de datasets/quiz/{bank['id']}.yaml -->\n",
        "<quiz>\n",
    ]
    groups: dict[tuple[str, ...], list[dict]] = {}
    for question in bank["questions"]:
        groups.setdefault(tuple(category_path(bank, question["id"])), []).append(question)
    for path, questions in groups.items():
        out.append(_category(list(path)))
        out += [question_xml(bank["id"], q, labels) for q in questions]
    out.append("</quiz>\n")
    return "".join(out)
