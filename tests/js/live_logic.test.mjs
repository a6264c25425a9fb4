// The live room's and the trainer's dashboard's small pure helpers that no Python twin covers (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";
import { currentEntry, kindLabel, sameActivity, sessionLabel } from "../../pacte/live/dashboard/dashboard_logic.js";
import { LIVE_KINDS } from "../../widgets/static/live_kinds.js";
import { panelView, scaleSteps } from "../../widgets/static/live_room_logic.js";
import { formatNumber, panelModel } from "../../widgets/static/panel_model.js";

test("scaleSteps: every value from min to max, with its label or none", () => {
  assert.deepEqual(scaleSteps({ min: 1, max: 3, labels: { 1: "Pas du tout", 3: "Tout à fait" } }), [
    { value: 1, label: "Pas du tout" },
    { value: 2, label: "" },
    { value: 3, label: "Tout à fait" },
  ]);
  assert.deepEqual(scaleSteps({ min: 0, max: 1 }), [
    { value: 0, label: "" },
    { value: 1, label: "" },
  ]);
});

test("sameActivity compares kind, ref and question; currentEntry finds the staged one", () => {
  const a = { kind: "quiz", ref: "bank", question: "q1" };
  assert.equal(sameActivity(a, { ...a }), true);
  assert.equal(sameActivity(a, { ...a, question: "q2" }), false);
  assert.equal(sameActivity(a, null), false);
  const entry = { ...a, answers: 3 };
  assert.equal(currentEntry({ stage: { activity: a }, activities: [{ ...a, ref: "x" }, entry] }), entry);
  assert.equal(currentEntry({ stage: {}, activities: [entry] }), null);
  assert.equal(currentEntry(null), null);
});

test("kindLabel: every kind's French label, the raw id for an unknown kind", () => {
  for (const kind of LIVE_KINDS.kinds) {
    assert.equal(kindLabel(kind), LIVE_KINDS.labels[kind]);
    assert.notEqual(kindLabel(kind), kind);
  }
  assert.equal(kindLabel("inconnu"), "inconnu");
});

test("sessionLabel: code, title, and « (fermée) » once closed", () => {
  assert.equal(sessionLabel({ code: "ABC123", title: "Mardi" }), "ABC123 — Mardi");
  assert.equal(sessionLabel({ code: "ABC123", title: "Mardi", open: false }), "ABC123 — Mardi (fermée)");
});

test("panel model: an item nobody ranked yet comes after the ranked ones, on the dashboard and in the room", () => {
  const panel = {
    type: "ranking",
    respondents: 2,
    rows: [
      { id: "z", label: "Z", mean_rank: null, first: 0 },
      { id: "b", label: "B", mean_rank: 2, first: 0 },
      { id: "a", label: "A", mean_rank: 1.5, first: 2 },
    ],
  };
  assert.deepEqual(
    panelModel(panel).rows.map((r) => [r.id, r.position, r.value]),
    [
      ["a", 1, "rang moyen 1,5"],
      ["b", 2, "rang moyen 2"],
      ["z", 3, "pas encore classé"],
    ],
  );
  assert.deepEqual(
    panelView(panel).rows.map((r) => r.label),
    ["A", "B", "Z"],
  );
});

test("panel model: the room shows the dashboard's percentages and widths, hidden words left out", () => {
  const bars = {
    type: "bars",
    respondents: 3,
    rows: [
      { id: "a", label: "A", count: 2 },
      { id: "b", label: "B", count: 1 },
    ],
  };
  const model = panelModel(bars);
  const view = panelView(bars);
  assert.deepEqual(
    view.rows.map((r) => [r.width, r.percent]),
    model.rows.map((r) => [r.width, `${formatNumber(r.percent)}\u00a0%`]),
  );
  assert.deepEqual(
    view.rows.map((r) => r.width),
    [66.7, 33.3],
  );
  const words = {
    type: "words",
    words: [
      { text: "zut", count: 9, hidden: true },
      { text: "soudée", count: 4 },
    ],
  };
  assert.deepEqual(
    panelModel(words).words.map((w) => w.text),
    ["zut", "soudée"],
  );
  assert.deepEqual(
    panelView(words).words.map((w) => w.text),
    ["soudée"],
  );
});
