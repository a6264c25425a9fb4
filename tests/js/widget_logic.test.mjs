// The widgets' small pure helpers that no Python twin covers (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";
import { nodeIndex } from "../../widgets/static/branching_case_logic.js";
import { ruleApplies } from "../../widgets/static/cpts_project_logic.js";
import { makeRecord, PREFIX, parseRecord, recordKey } from "../../widgets/static/progress_logic.js";
import { memoryStorage, timespan } from "../../widgets/static/scorm_logic.js";
import { questionsFor } from "../../widgets/static/team_compare_logic.js";

test("nodeIndex maps each node of a case by its id", () => {
  const nodes = [{ id: "start" }, { id: "end" }];
  const index = nodeIndex({ nodes });
  assert.equal(index.get("end"), nodes[1]);
  assert.equal(index.size, 2);
});

test("ruleApplies: min, max, any, all, none and missing conditions", () => {
  const m = ["acces", "parcours"];
  const p = ["mairie"];
  assert.equal(ruleApplies({}, m, p), true);
  assert.equal(ruleApplies({ missions_min: 2, partners_max: 1 }, m, p), true);
  assert.equal(ruleApplies({ missions_min: 3 }, m, p), false);
  assert.equal(ruleApplies({ missions_any: ["acces", "crise"] }, m, p), true);
  assert.equal(ruleApplies({ missions_all: ["acces", "crise"] }, m, p), false);
  assert.equal(ruleApplies({ partners_none: ["mairie"] }, m, p), false);
  assert.equal(ruleApplies({ partners_missing: ["mairie", "hopital"] }, m, p), true);
  assert.equal(ruleApplies({ partners_missing: ["mairie"] }, m, p), false);
});

test("progress records: keyed by kind and ref, and read back as written", () => {
  assert.equal(recordKey("quiz", "bank@page"), `${PREFIX}quiz:bank@page`);
  const rec = makeRecord({
    kind: "quiz",
    ref: "b",
    page: "p",
    fingerprint: "f",
    answers: { q: "a" },
    now: "2026-12-07T08:00:00Z",
  });
  assert.deepEqual(parseRecord(JSON.stringify(rec)), rec);
  assert.equal(rec.dropped, undefined);
  assert.equal(
    makeRecord({ kind: "quiz", ref: "b", page: "p", fingerprint: "f", answers: {}, now: "t", dropped: 2 }).dropped,
    2,
  );
});

test("SCORM: timespans as HHHH:MM:SS, and the in-memory storage reports its answers", () => {
  assert.equal(timespan(0), "0000:00:00");
  assert.equal(timespan(3_723_400), "0001:02:03");
  assert.equal(timespan(-5), "0000:00:00");
  const seen = [];
  const store = memoryStorage({ "quiz:b@p": { q: "a" } }, (answers) => seen.push(answers), "2026-12-07T08:00:00Z");
  assert.equal(store.length, 1);
  const key = store.key(0);
  assert.equal(key, `${PREFIX}quiz:b@p`);
  assert.deepEqual(parseRecord(store.getItem(key)).answers, { q: "a" });
  store.removeItem(key);
  assert.equal(store.length, 0);
  assert.deepEqual(seen.at(-1), {});
});

test("questionsFor keeps the questions asked of a structure", () => {
  const spec = {
    questions: [
      { id: "a", structures: ["msp"] },
      { id: "b", structures: ["cpts", "msp"] },
      { id: "c", structures: ["cpts"] },
    ],
  };
  assert.deepEqual(
    questionsFor(spec, "msp").map((q) => q.id),
    ["a", "b"],
  );
  assert.deepEqual(questionsFor(spec, "esp"), []);
});
