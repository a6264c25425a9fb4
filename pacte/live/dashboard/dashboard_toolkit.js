// @ts-check
// The trainer's toolkit on the dashboard: run a sequence (ready-made or saved) step
// by step — « Suivante », → or Page Down (a presenter remote), ← or Page Up to go
// back —, edit it (drag and drop, or the ↑ ↓ buttons), save it for the next group,
// type a question on the spot, and run a countdown on the pushed activity.
import { h } from "../../pacte/static/dom.js";
import { activityId } from "../../pacte/static/live_protocol.js";
import { countdown, durationText } from "../../pacte/static/live_room_timer.js";
import { kindLabel } from "./dashboard_logic.js";

const SPOT_KINDS = {
  choice: "Question à choix (une réponse)",
  wordcloud: "Nuage de mots",
  scale: "Échelle",
  text: "Question ouverte",
};
const TIMERS = [0, 10, 30, 60, 90, 120, 180, 300];
/** @type {(id: string) => PageElement} */
const $ = (id) => /** @type {PageElement} */ (document.getElementById(id));

function timerOptions(id, selected = 0) {
  return h(
    "select",
    { id },
    TIMERS.map((s) =>
      h("option", { value: String(s), selected: s === selected }, s ? durationText(s * 1000) : "sans minuteur"),
    ),
  );
}

export function setupToolkit(ctx) {
  const { api, attempt, say, state } = ctx;
  const run = { sequences: { ready: [], saved: [] }, steps: [], index: -1, title: "", id: null, module: "" };
  const stageTimer = countdown("stage-timer");
  const projectionTimer = countdown("projection-timer");
  const remember = () =>
    state.sessionId &&
    localStorage.setItem(`pacte-sequence-${state.sessionId}`, JSON.stringify({ ...run, sequences: undefined }));

  const box = h(
    "section",
    { id: "toolkit", class: "toolkit", "aria-labelledby": "toolkit-title" },
    h("h2", { id: "toolkit-title" }, "Séquence et questions sur le vif"),
    h(
      "p",
      {},
      h("label", { for: "sequence-choice" }, "Séquence"),
      " ",
      h("select", { id: "sequence-choice" }),
      " ",
      h("button", { type: "button", class: "button small", id: "sequence-load" }, "Charger"),
      " ",
      h("button", { type: "button", class: "button small danger", id: "sequence-delete" }, "Supprimer"),
    ),
    h(
      "div",
      { class: "sequence-run" },
      h("p", { id: "sequence-current", class: "stage-title" }),
      h("p", { id: "sequence-next", class: "hint" }),
      h("p", { id: "sequence-note", class: "hint" }),
      h(
        "p",
        { class: "toolkit-actions" },
        h("button", { type: "button", class: "button", id: "sequence-prev" }, "Précédente"),
        h(
          "button",
          { type: "button", class: "button", id: "sequence-next-button", "aria-keyshortcuts": "ArrowRight PageDown" },
          "Suivante",
        ),
        h("span", { class: "hint" }, " → ou Page suivante, ← ou Page précédente"),
      ),
    ),
    h("ol", { id: "sequence-steps", class: "sequence-steps" }),
    h(
      "p",
      {},
      h("label", { for: "sequence-add-search" }, "Ajouter une activité"),
      " ",
      h("input", { id: "sequence-add-search", type: "search", autocomplete: "off", placeholder: "mot du titre…" }),
    ),
    h("ul", { id: "sequence-add-results", class: "items" }),
    h(
      "p",
      {},
      h("label", { for: "sequence-name" }, "Nom de la séquence"),
      " ",
      h("input", { id: "sequence-name", type: "text", maxlength: "200" }),
      " ",
      h("button", { type: "button", class: "button small", id: "sequence-save" }, "Enregistrer la séquence"),
    ),
    h(
      "div",
      { class: "timer-tools" },
      ...stageTimer.nodes,
      h(
        "p",
        {},
        h("label", { for: "timer-seconds" }, "Minuteur"),
        " ",
        timerOptions("timer-seconds", 60),
        " ",
        h("label", {}, h("input", { type: "checkbox", id: "timer-close", checked: true }), " clore à zéro"),
        " ",
        h("button", { type: "button", class: "button small", id: "timer-start" }, "Lancer"),
        " ",
        h("button", { type: "button", class: "button small", id: "timer-add30" }, "+30\u00a0s"),
        " ",
        h("button", { type: "button", class: "button small", id: "timer-add60" }, "+1\u00a0min"),
      ),
    ),
    h(
      "form",
      { id: "spot-form", class: "spot" },
      h("h3", {}, "Question sur le vif"),
      h(
        "p",
        {},
        h("label", { for: "spot-kind" }, "Type"),
        " ",
        h(
          "select",
          { id: "spot-kind" },
          Object.entries(SPOT_KINDS).map(([k, v]) => h("option", { value: k }, v)),
        ),
      ),
      h(
        "p",
        {},
        h("label", { for: "spot-prompt" }, "Question"),
        h("textarea", { id: "spot-prompt", rows: "2", maxlength: "300" }),
      ),
      h(
        "p",
        { id: "spot-choices-line" },
        h("label", { for: "spot-choices" }, "Choix (un par ligne)"),
        h("textarea", { id: "spot-choices", rows: "3" }),
      ),
      h(
        "p",
        {},
        h("label", { for: "spot-timer" }, "Minuteur"),
        " ",
        timerOptions("spot-timer"),
        " ",
        h("label", {}, h("input", { type: "checkbox", id: "spot-close" }), " clore à zéro"),
      ),
      h(
        "p",
        {},
        h("button", { type: "submit", class: "button" }, "Poser maintenant"),
        " ",
        h(
          "button",
          { type: "button", class: "button secondary", id: "spot-keep", disabled: true },
          "Ajouter à la séquence",
        ),
      ),
    ),
  );
  document.querySelector("main .catalogue")?.before(box);
  $("projection")?.append(...projectionTimer.nodes);

  // -- the sequence being run or edited ---------------------------------------------------
  const stepLabel = (s) =>
    `${s.kind ? kindLabel(s.kind) : "Activité"} · ${s.title || s.activity}${s.prompt ? `\u00a0: ${s.prompt.slice(0, 70)}` : ""}`;

  function move(i, to) {
    if (to < 0 || to >= run.steps.length || i === to) return;
    const [step] = run.steps.splice(i, 1);
    run.steps.splice(to, 0, step);
    if (run.index === i) run.index = to;
    else if (run.index > i && run.index <= to) run.index -= 1;
    else if (run.index < i && run.index >= to) run.index += 1;
    remember();
    drawSteps();
    $("sequence-steps")
      .querySelectorAll("li")
      [to]?.querySelector(to < i ? ".step-up" : ".step-down")
      ?.focus();
  }

  function drawSteps() {
    let dragged = null;
    $("sequence-steps").replaceChildren(
      ...run.steps.map((s, i) => {
        const li = h(
          "li",
          {
            class: `sequence-step${i === run.index ? " is-current" : ""}${s.skip ? " is-skipped" : ""}`,
            draggable: "true",
            "aria-current": i === run.index ? "step" : null,
          },
          h(
            "span",
            { class: "item-text" },
            stepLabel(s),
            s.page ? h("span", { class: "hint" }, ` — ${s.page.split("/").pop()}`) : null,
            s.timer ? h("span", { class: "badge" }, durationText(s.timer * 1000)) : null,
            s.skip ? h("span", { class: "badge" }, "passée") : null,
          ),
          h("button", { type: "button", class: "button small step-up", "aria-label": `Monter l’étape ${i + 1}` }, "↑"),
          h(
            "button",
            { type: "button", class: "button small step-down", "aria-label": `Descendre l’étape ${i + 1}` },
            "↓",
          ),
          h(
            "button",
            { type: "button", class: "button small step-skip", "aria-pressed": String(Boolean(s.skip)) },
            "Passer",
          ),
          h(
            "button",
            { type: "button", class: "button small step-remove", "aria-label": `Retirer l’étape ${i + 1}` },
            "Retirer",
          ),
        );
        li.querySelector(".step-up").addEventListener("click", () => move(i, i - 1));
        li.querySelector(".step-down").addEventListener("click", () => move(i, i + 1));
        li.querySelector(".step-skip").addEventListener("click", () => {
          s.skip = !s.skip;
          remember();
          drawSteps();
        });
        li.querySelector(".step-remove").addEventListener("click", () => {
          if (!window.confirm(`Retirer l’étape ${i + 1} de la séquence\u00a0?`)) return;
          run.steps.splice(i, 1);
          if (run.index >= i) run.index -= 1;
          remember();
          drawSteps();
        });
        li.addEventListener("dragstart", (e) => {
          dragged = i;
          e.dataTransfer.effectAllowed = "move";
          e.dataTransfer.setData("text/plain", String(i));
        });
        li.addEventListener("dragover", (e) => e.preventDefault());
        li.addEventListener("drop", (e) => {
          e.preventDefault();
          move(dragged ?? Number(e.dataTransfer.getData("text/plain")), i);
        });
        return li;
      }),
    );
    const cur = run.steps[run.index];
    const next = nextIndex(1);
    $("sequence-current").textContent = cur
      ? `Étape ${run.index + 1} sur ${run.steps.length}\u00a0: ${stepLabel(cur)}`
      : run.steps.length
        ? `Séquence «\u00a0${run.title}\u00a0» prête (${run.steps.length}\u00a0étapes)\u00a0: «\u00a0Suivante\u00a0» lance la première.`
        : "Aucune séquence chargée.";
    $("sequence-next").textContent =
      next >= 0 ? `À suivre\u00a0: ${stepLabel(run.steps[next])}` : run.steps.length ? "Fin de la séquence." : "";
    $("sequence-note").textContent = cur?.note ? `Note\u00a0: ${cur.note}` : "";
    $("sequence-name").value ||= run.title;
    $("sequence-prev").disabled = nextIndex(-1) < 0 || !state.sessionId;
    $("sequence-next-button").disabled = next < 0 || !state.sessionId;
  }

  function nextIndex(direction) {
    for (let i = run.index + direction; i >= 0 && i < run.steps.length; i += direction)
      if (!run.steps[i].skip) return i;
    return -1;
  }

  async function goTo(i) {
    const step = run.steps[i];
    if (!step || !state.sessionId) return;
    await attempt(async () => {
      let data;
      if (step.spot)
        data = await api(ctx.sessionPath("/spot"), {
          method: "POST",
          body: { ...step.spot, timer: step.timer || 0, close_at_zero: Boolean(step.close_at_zero) },
        });
      else
        data = await api(ctx.sessionPath("/stage"), {
          method: "POST",
          body: { kind: step.kind, ref: step.ref, question: step.question, state: "open" },
        });
      if (step.timer && !step.spot)
        data = await api(ctx.sessionPath("/timer"), {
          method: "POST",
          body: { seconds: step.timer, close_at_zero: Boolean(step.close_at_zero) },
        });
      run.index = i;
      remember();
      drawSteps();
      if (state.summary) state.summary = { ...state.summary, stage: data.stage };
      ctx.redraw();
      say(`Étape ${i + 1}\u00a0: ${step.title || step.activity} poussée.`);
    });
  }

  const step = (direction) => {
    const i = nextIndex(direction);
    return i >= 0 ? goTo(i) : undefined;
  };

  function load(sequence) {
    Object.assign(run, {
      steps: sequence.steps.map((s) => ({ ...s })),
      index: -1,
      title: sequence.title,
      id: sequence.source === "saved" ? sequence.id : null,
      module: sequence.module || "",
    });
    $("sequence-name").value = sequence.title;
    remember();
    drawSteps();
    say(`Séquence «\u00a0${sequence.title}\u00a0» chargée (${sequence.steps.length}\u00a0étapes).`);
  }

  async function loadSequences() {
    run.sequences = await api("sequences");
    const all = [...run.sequences.ready, ...run.sequences.saved];
    $("sequence-choice").replaceChildren(
      h(
        "optgroup",
        { label: "Toutes prêtes" },
        run.sequences.ready.map((s) =>
          h("option", { value: `ready:${s.id}` }, `${s.title} (${s.steps.length}\u00a0étapes)`),
        ),
      ),
      h(
        "optgroup",
        { label: "Enregistrées" },
        run.sequences.saved.map((s) =>
          h("option", { value: `saved:${s.id}` }, `${s.title} (${s.steps.length}\u00a0étapes)`),
        ),
      ),
    );
    return all;
  }
  const chosen = () => {
    const [source, id] = $("sequence-choice").value.split(/:(.*)/s);
    return (run.sequences[source] || []).find((s) => s.id === id);
  };

  // -- wiring ------------------------------------------------------------------------------
  $("sequence-load").addEventListener("click", () => {
    const s = chosen();
    if (s) load(s);
  });
  $("sequence-delete").addEventListener("click", () =>
    attempt(async () => {
      const s = chosen();
      if (!s || s.source !== "saved") return say("Seules les séquences enregistrées peuvent être supprimées.", true);
      if (!window.confirm(`Supprimer la séquence «\u00a0${s.title}\u00a0»\u00a0? C’est définitif.`)) return;
      await api(`sequences/${encodeURIComponent(s.id)}`, { method: "DELETE" });
      await loadSequences();
      say("Séquence supprimée.");
    }),
  );
  $("sequence-prev").addEventListener("click", () => step(-1));
  $("sequence-next-button").addEventListener("click", () => step(1));
  $("sequence-save").addEventListener("click", () =>
    attempt(async () => {
      const title = $("sequence-name").value.trim();
      const body = {
        title,
        module: run.module,
        steps: run.steps.map(({ activity, question, timer, close_at_zero, note, spot, kind, ref }) => ({
          ...(spot ? { spot } : { activity: activity || activityId(kind, ref), question }),
          ...(timer ? { timer, close_at_zero } : {}),
          ...(note ? { note } : {}),
        })),
      };
      const sameName = run.id && run.title === title;
      const data = await api(sameName ? `sequences/${encodeURIComponent(run.id)}` : "sequences", {
        method: sameName ? "PUT" : "POST",
        body,
      });
      Object.assign(run, { id: data.sequence.id, title });
      remember();
      await loadSequences();
      say(`Séquence «\u00a0${title}\u00a0» enregistrée pour les prochains groupes.`);
    }),
  );
  $("sequence-add-search").addEventListener("input", (e) => {
    const q = /** @type {HTMLInputElement} */ (e.target).value.trim().toLowerCase();
    const found =
      q.length < 2
        ? []
        : state.catalogue.filter((a) => `${a.title} ${a.prompt} ${a.page}`.toLowerCase().includes(q)).slice(0, 6);
    $("sequence-add-results").replaceChildren(
      ...found.map((a) => {
        const add = h("button", { type: "button", class: "button small" }, "Ajouter");
        add.addEventListener("click", () => {
          run.steps.push({ ...a, activity: activityId(a.kind, a.ref) });
          remember();
          drawSteps();
          say(`Ajoutée à la séquence\u00a0: ${a.title}.`);
        });
        return h(
          "li",
          { class: "item" },
          h(
            "span",
            { class: "item-text" },
            `${kindLabel(a.kind)} · ${a.title}\u00a0: ${(a.prompt || "").slice(0, 70)}`,
          ),
          add,
        );
      }),
    );
  });
  const timerCall = (body, done) =>
    attempt(async () => {
      const data = await api(ctx.sessionPath("/timer"), { method: "POST", body });
      if (state.summary) state.summary = { ...state.summary, stage: data.stage };
      ctx.redraw();
      say(done);
    });
  $("timer-start").addEventListener("click", () => {
    const seconds = Number($("timer-seconds").value);
    if (seconds)
      timerCall(
        { seconds, close_at_zero: $("timer-close").checked },
        `Minuteur lancé\u00a0: ${durationText(seconds * 1000)}.`,
      );
  });
  $("timer-add30").addEventListener("click", () => timerCall({ add: 30 }, "30\u00a0s ajoutées."));
  $("timer-add60").addEventListener("click", () => timerCall({ add: 60 }, "1\u00a0min ajoutée."));
  let lastSpot = null;
  $("spot-kind").addEventListener("change", () => {
    $("spot-choices-line").hidden = $("spot-kind").value !== "choice";
  });
  $("spot-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const spot = { kind: $("spot-kind").value, prompt: $("spot-prompt").value };
    if (spot.kind === "choice")
      spot.choices = $("spot-choices")
        .value.split("\n")
        .map((c) => c.trim())
        .filter(Boolean);
    const timer = Number($("spot-timer").value);
    attempt(async () => {
      const data = await api(ctx.sessionPath("/spot"), {
        method: "POST",
        body: { ...spot, timer, close_at_zero: $("spot-close").checked },
      });
      lastSpot = {
        spot: data.activity.spot,
        kind: "spot",
        title: "Question sur le vif",
        prompt: data.activity.spot.prompt,
        ...(timer ? { timer, close_at_zero: $("spot-close").checked } : {}),
      };
      $("spot-keep").disabled = false;
      if (state.summary) state.summary = { ...state.summary, stage: data.stage };
      ctx.redraw();
      say(`Question posée à la salle\u00a0: ${spot.prompt}`);
    });
  });
  $("spot-keep").addEventListener("click", () => {
    if (!lastSpot) return;
    run.steps.splice(run.index + 1, 0, lastSpot);
    lastSpot = null;
    $("spot-keep").disabled = true;
    remember();
    drawSteps();
    say("Question ajoutée à la séquence, après l’étape en cours.");
  });
  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return; // a projected page was turned
    if (/** @type {Element} */ (e.target).closest?.("input, textarea, select, [contenteditable]")) return;
    const direction = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 }[e.key];
    if (!direction || !run.steps.length || !state.sessionId) return;
    e.preventDefault();
    step(direction);
  });

  function sessionChanged() {
    const saved = state.sessionId && localStorage.getItem(`pacte-sequence-${state.sessionId}`);
    if (saved) {
      try {
        Object.assign(run, JSON.parse(saved), { sequences: run.sequences });
      } catch {
        /* a stale entry: ignore */
      }
    }
    drawSteps();
  }

  let lastSession = null;
  attempt(loadSequences);
  drawSteps();
  return {
    draw() {
      if (state.sessionId !== lastSession) {
        lastSession = state.sessionId;
        sessionChanged();
      }
      stageTimer.update(state.summary?.stage);
      projectionTimer.update(state.summary?.stage);
      $("sequence-prev").disabled = nextIndex(-1) < 0 || !state.sessionId;
      $("sequence-next-button").disabled = nextIndex(1) < 0 || !state.sessionId;
    },
  };
}
