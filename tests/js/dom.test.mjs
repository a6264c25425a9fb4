// Unit tests of widgets/static/dom.js that need no DOM (run by tests/test_js_gates.py: node --test).
import assert from "node:assert/strict";
import { test } from "node:test";
import { errorText, frenchText } from "../../widgets/static/dom.js";

test("errorText: an Error's message, anything else as text", () => {
  assert.equal(errorText(new Error("Séance fermée.")), "Séance fermée.");
  assert.equal(errorText("texte"), "texte");
  assert.equal(errorText(undefined), "undefined");
});

test("frenchText: no-break spaces before : and inside « », none inside a URL", () => {
  assert.equal(frenchText("Note : « oui »"), "Note\u00a0: «\u00a0oui\u00a0»");
  assert.equal(frenchText("Voir https://exemple.fr/a:b ?"), "Voir https://exemple.fr/a:b\u202f?");
  assert.equal(frenchText(""), "");
  assert.equal(frenchText(null), null);
});
