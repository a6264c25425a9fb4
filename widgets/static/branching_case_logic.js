// @ts-check
// Walking a branching case in the browser: the JavaScript twin of walk() in
// widgets/cases.py. tests/test_dynamiques_logic.py runs the same walks through both.

export function nodeIndex(caseGraph) {
  return new Map(caseGraph.nodes.map((n) => [n.id, n]));
}

// Follow a list of choice ids from the start. Returns
// { ok: true, node, path, steps, finished, outcome } or
// { ok: false, index, message } where message is French, for the learner.
export function walk(caseGraph, choices) {
  if (!Array.isArray(choices)) {
    return { ok: false, index: null, message: "Parcours illisible\u00a0: une liste de choix est attendue." };
  }
  const nodes = nodeIndex(caseGraph);
  let node = nodes.get(caseGraph.start);
  const path = [node.id];
  for (let i = 0; i < choices.length; i += 1) {
    const choiceId = choices[i];
    if (node.kind === "debrief") {
      return { ok: false, index: i, message: "Le cas est terminé\u00a0: aucun autre choix n’est possible." };
    }
    const choice = node.choices.find((c) => c.id === choiceId);
    if (typeof choiceId !== "string" || !choice) {
      return {
        ok: false,
        index: i,
        message: `Choix non prévu à cette étape («\u00a0${String(choiceId)}\u00a0»)\u00a0: choisissez l’une des options proposées.`,
      };
    }
    node = nodes.get(choice.next);
    path.push(node.id);
  }
  const finished = node.kind === "debrief";
  return { ok: true, node: node.id, path, steps: choices.length, finished, outcome: finished ? node.outcome : null };
}

export const OUTCOME_LABELS = {
  favorable: "Issue favorable",
  mitige: "Issue mitigée",
  defavorable: "Issue défavorable",
};
