// @ts-check
// The room led by the trainer, inside the « Séance en direct » box: follows the
// session's stage over Server-Sent Events (GET events), draws the pushed
// activity with its answer form (pure logic in live_room_logic.js), posts the
// answer with sendAnswer (live_client.js), then shows the closed state and the
// reveal (right answer, explanation, source, the room's results). Each new stage is
// also announced to the page's widgets (publishStage: the STAGE_EVENT of live_client.js).

import { h } from "./dom.js";
import { apiBase, publishStage, sendAnswer } from "./live_client.js";
import {
  activityKey,
  buildAnswer,
  counter,
  emptyValues,
  moveItem,
  needsRender,
  roomView,
  scaleSteps,
  TEXT,
  valuesFromAnswer,
} from "./live_room_logic.js";
import { mountQuestions } from "./live_room_questions.js";
import { drawResults } from "./live_room_results.js";
import { countdown } from "./live_room_timer.js";

const ENDED = [403, 404, 410];
const RETRY_MS = 3000;

function sentStoreKey(code) {
  return `pacte-live-sent:${code}`;
}

function readSent(code) {
  try {
    return JSON.parse(sessionStorage.getItem(sentStoreKey(code)) || "{}") || {};
  } catch {
    return {};
  }
}

/**
 * Follow the session's stage inside ``host``; ``onEnded(message)`` is called when the
 * server says the session or the participant is gone. Returns ``{ close() }``.
 * @param {HTMLElement} host
 * @param {{ code: string, participant: string }} session
 * @param {{ onEnded?: (message: string) => void }} [options]
 */
export function mountRoom(host, session, options = {}) {
  const connection = h("p", { class: "pacte-live-connection", role: "status", hidden: true });
  const content = h("div", { class: "pacte-live-activity" });
  const announcer = h("p", { class: "pacte-sr-only", "aria-live": "polite" });
  const questions = mountQuestions(session);
  const timer = countdown();
  host.replaceChildren(connection, ...timer.nodes, content, questions.node, announcer);
  const memory = { sent: readSent(session.code), structure: "" };
  let lastSeq = null,
    lastKey = null,
    lastStage = null,
    values = null,
    lastState = null;
  let source = null,
    closed = false,
    checking = false,
    retry = null,
    lastError = "",
    sending = false;
  const query = `code=${encodeURIComponent(session.code)}`;
  const onError = (event) => {
    lastError = event.detail && event.detail.message ? event.detail.message : "";
  };
  document.addEventListener("pacte:live-error", onError);

  function setLost(lost) {
    connection.hidden = !lost;
    connection.textContent = lost ? TEXT.lost : "";
    host.dataset.connection = lost ? "lost" : "open";
  }

  function end(message) {
    if (closed) return;
    close();
    if (options.onEnded) options.onEnded(message || TEXT.ended);
  }

  function handle(stage) {
    if (closed) return;
    // A closed session keeps its seq: the server sends it once more, then ends the stream.
    if (stage && stage.session && stage.session.open === false) return end(TEXT.ended);
    if (stage) questions.update(stage.room_questions);
    timer.update(stage); // added time keeps the seq: the countdown follows every stage
    if (!needsRender(lastSeq, stage)) return;
    lastStage = stage;
    draw();
    publishStage(stage);
  }

  function draw() {
    const stage = lastStage;
    const view = roomView(stage, memory);
    if (view.key !== lastKey) {
      values = view.input ? valuesFromAnswer(view.input, view.sent) : emptyValues(null);
      if (view.input && view.input.type === "survey" && !values.structure) values.structure = memory.structure;
      if (view.key) {
        announcer.textContent = `Nouvelle activité\u00a0: ${view.title || view.prompt}`;
        bringIntoView();
      }
    } else if (view.state !== "open" && view.status) {
      announcer.textContent = view.status;
    }
    // On reveal, the verdict and the explanation come into view (on a phone they are below the fold).
    if (view.reveal && lastState !== "revealed") revealIntoView();
    lastState = view.state;
    lastSeq = view.seq;
    lastKey = view.key;
    if (view.sent) host.dataset.sent = view.key;
    else delete host.dataset.sent; // a new round: nothing sent yet
    host.dataset.state = view.state;
    host.dataset.seq = String(view.seq);
    content.replaceChildren(...drawView(view));
  }

  function revealIntoView() {
    requestAnimationFrame(() => {
      const reveal = content.querySelector(".pacte-live-reveal");
      if (!reveal) return;
      const box = reveal.getBoundingClientRect();
      if (box.top < 0 || box.top > window.innerHeight * 0.7) reveal.scrollIntoView({ block: "start" });
    });
  }

  // A new activity out of sight: the page « Séance en direct » scrolls to it; a module page,
  // where the trainee may be reading, shows a button that leads to it.
  function bringIntoView() {
    requestAnimationFrame(() => {
      const top = content.getBoundingClientRect().top;
      if (top >= 0 && top <= window.innerHeight * 0.6) return;
      if (host.closest(".pacte-live-page")) content.scrollIntoView({ block: "start", behavior: "smooth" });
      else showNotice();
    });
  }

  let notice = null,
    seen = null;
  function showNotice() {
    if (notice) return;
    if (typeof IntersectionObserver === "function") {
      seen = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) hideNotice();
      });
      seen.observe(content);
    }
    notice = h("button", { type: "button", class: "pacte-button pacte-live-notice" }, "Voir la nouvelle activité");
    notice.addEventListener("click", () => {
      hideNotice();
      content.scrollIntoView({ block: "start" });
      const first = content.querySelector("input, textarea, button");
      if (first) first.focus({ preventScroll: true });
    });
    document.body.append(notice);
  }
  function hideNotice() {
    if (seen) seen.disconnect();
    if (notice) notice.remove();
    notice = seen = null;
  }

  function drawView(view) {
    const status = h("p", { class: "pacte-live-room-status", role: "status" }, view.status || "");
    if (view.state === "idle" || view.state === "ended") return [status];
    const nodes = [];
    if (view.title) nodes.push(h("h3", { class: "pacte-live-title" }, view.title));
    if (view.prompt) nodes.push(h("p", { class: "pacte-live-prompt" }, view.prompt));
    if (view.help) nodes.push(h("p", { class: "pacte-live-help" }, view.help));
    if (view.input) nodes.push(drawForm(view, status));
    else nodes.push(status);
    if (view.reveal) nodes.push(drawReveal(view));
    return nodes;
  }

  function drawForm(view, status) {
    const a = lastStage.activity;
    const form = h("form", { class: "pacte-live-answer", "data-type": view.input.type, novalidate: true });
    const fields = h("fieldset", { class: "pacte-live-fields", disabled: !view.canAnswer });
    fields.append(...drawInput(view.input, view.reveal ? view.reveal.correct : [], a));
    const button = h(
      "button",
      { type: "submit", class: "pacte-button pacte-live-send", hidden: !view.canAnswer },
      view.sent ? "Modifier ma réponse" : "Envoyer ma réponse",
    );
    form.append(fields, button, status);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const built = buildAnswer(a, values);
      status.classList.toggle("pacte-live-error", !built.ok);
      if (built.ok === false) {
        status.textContent = built.error;
        return;
      }
      button.disabled = true;
      status.textContent = "Envoi…";
      lastError = "";
      sending = true;
      const ok = await sendAnswer(built.activity, built.question, built.answer);
      sending = false;
      if (closed) return;
      button.disabled = false;
      if (ok) {
        memory.sent[view.key] = { question: built.question, answer: built.answer };
        if (a.input.type === "survey") memory.structure = built.question;
        try {
          sessionStorage.setItem(sentStoreKey(session.code), JSON.stringify(memory.sent));
        } catch {
          /* private mode */
        }
        button.textContent = "Modifier ma réponse";
        status.textContent = TEXT.sent;
        host.dataset.sent = view.key;
      } else {
        status.classList.add("pacte-live-error");
        status.textContent = lastError || "Réponse non transmise.";
      }
    });
    return form;
  }

  function option(type, name, id, label, checked, onChange, extra) {
    const input = h("input", { type, name, value: id, checked });
    input.addEventListener("change", () => onChange(input));
    return h("label", { class: `pacte-live-option${extra ? ` ${extra}` : ""}` }, input, h("span", {}, label));
  }

  function drawChoices(input, correct, legend) {
    const type = input.multiple ? "checkbox" : "radio";
    const set = h("fieldset", { class: "pacte-live-choices" }, h("legend", {}, legend));
    for (const c of input.choices) {
      const right = correct.includes(c.id);
      const opt = option(
        type,
        `pacte-live-choice-${lastSeq}`,
        c.id,
        c.label,
        values.choices.includes(c.id),
        (el) => {
          if (input.multiple)
            values.choices = el.checked ? [...values.choices, c.id] : values.choices.filter((x) => x !== c.id);
          else values.choices = [c.id];
        },
        right ? "pacte-live-correct" : "",
      );
      if (right) opt.append(h("strong", { class: "pacte-live-mark" }, "Bonne réponse"));
      set.append(opt);
    }
    return set;
  }

  function drawInput(input, correct, a) {
    if (input.type === "choice")
      return [
        drawChoices(input, correct, input.multiple ? "Cochez une ou plusieurs réponses" : "Choisissez une réponse"),
      ];
    if (input.type === "survey") {
      const where = h(
        "fieldset",
        { class: "pacte-live-choices pacte-live-structures" },
        h("legend", {}, "Vous exercez en\u00a0:"),
      );
      for (const s of input.structures) {
        where.append(
          option("radio", `pacte-live-structure-${lastSeq}`, s.id, s.label, values.structure === s.id, () => {
            values.structure = s.id;
          }),
        );
      }
      return [
        where,
        drawChoices(input, correct, input.multiple ? "Votre réponse (une ou plusieurs)" : "Votre réponse"),
      ];
    }
    if (input.type === "text") return drawText(input, a);
    if (input.type === "scale") return [drawScale(input)];
    if (input.type === "ranking") return [drawRanking(input, correct)];
    return [];
  }

  function drawText(input, a) {
    const id = `pacte-live-text-${lastSeq}`;
    const long = input.max_length > 80;
    const field = h(long ? "textarea" : "input", {
      id,
      name: "text",
      maxlength: String(input.max_length),
      rows: long ? "4" : null,
      type: long ? null : "text",
      autocomplete: "off",
      "aria-describedby": `${id}-count`,
    });
    field.value = values.text;
    const count = h("p", { id: `${id}-count`, class: "pacte-live-counter" });
    const update = () => {
      values.text = field.value;
      const c = counter(field.value, input.max_length);
      count.textContent = c.text;
      count.classList.toggle("pacte-live-error", c.over);
    };
    field.addEventListener("input", update);
    update();
    const label = a.kind === "wordcloud" ? "Votre réponse (quelques mots)" : "Votre réponse";
    return [h("label", { for: id, class: "pacte-live-label" }, label), field, count];
  }

  function drawScale(input) {
    const set = h("fieldset", { class: "pacte-live-scale" }, h("legend", {}, "Votre degré d’accord"));
    const steps = scaleSteps(input);
    const row = h("div", {
      class: `pacte-live-scale-steps${steps.some((s) => s.label) ? " pacte-live-scale-labelled" : ""}`,
    });
    // Up to 6 values on one row (phone width); a longer scale wraps.
    row.style.setProperty("--pacte-steps", String(Math.min(steps.length, 6)));
    for (const step of steps) {
      const radio = h("input", {
        type: "radio",
        name: `pacte-live-scale-${lastSeq}`,
        value: String(step.value),
        checked: values.value === step.value,
      });
      radio.addEventListener("change", () => {
        values.value = step.value;
      });
      row.append(
        h(
          "label",
          { class: "pacte-live-step" },
          radio,
          h("span", { class: "pacte-live-step-value" }, String(step.value)),
          step.label ? h("span", { class: "pacte-live-step-label" }, step.label) : null,
        ),
      );
    }
    set.append(row);
    return set;
  }

  function drawRanking(input, correct) {
    const label = Object.fromEntries(input.items.map((i) => [i.id, i.label]));
    const set = h("fieldset", { class: "pacte-live-ranking" }, h("legend", {}, "Classez du premier au dernier"));
    const list = h("ol", { class: "pacte-live-rank-list" });
    const said = h("p", { class: "pacte-sr-only", "aria-live": "assertive" });
    const fill = (focus) => {
      list.replaceChildren();
      values.order.forEach((id, index) => {
        const up = h(
          "button",
          {
            type: "button",
            class: "pacte-live-move",
            "aria-label": `Monter «\u00a0${label[id]}\u00a0»`,
            disabled: index === 0,
            "data-move": "up",
          },
          "↑",
        );
        const down = h(
          "button",
          {
            type: "button",
            class: "pacte-live-move",
            "aria-label": `Descendre «\u00a0${label[id]}\u00a0»`,
            disabled: index === values.order.length - 1,
            "data-move": "down",
          },
          "↓",
        );
        const move = (delta, which) => {
          values.order = moveItem(values.order, index, delta);
          said.textContent = `« ${label[id]} » en position ${index + delta + 1} sur ${values.order.length}.`;
          fill({ id, which });
        };
        up.addEventListener("click", () => move(-1, "up"));
        down.addEventListener("click", () => move(1, "down"));
        const li = h(
          "li",
          { class: "pacte-live-rank-item", "data-id": id },
          h("span", { class: "pacte-live-rank-label" }, label[id]),
          h("span", { class: "pacte-live-rank-buttons" }, up, down),
        );
        list.append(li);
        if (focus && focus.id === id) {
          const target = focus.which === "up" && !up.disabled ? up : !down.disabled ? down : up;
          target.focus();
        }
      });
    };
    fill(null);
    set.append(list, said);
    if (correct.length) {
      set.append(
        h("p", { class: "pacte-live-expected" }, "Classement attendu\u00a0:"),
        h("ol", { class: "pacte-live-expected-list" }, ...correct.map((id) => h("li", {}, label[id] || id))),
      );
    }
    return set;
  }

  function drawReveal(view) {
    const r = view.reveal;
    const box = h("div", { class: "pacte-live-reveal" });
    if (r.verdict) box.append(h("p", { class: `pacte-live-verdict${r.right ? " pacte-live-right" : ""}` }, r.verdict));
    if (r.consequences.length) box.append(drawConsequences(r.consequences));
    else if (r.explanation) box.append(h("p", { class: "pacte-live-explanation" }, r.explanation));
    if (r.source) box.append(h("p", { class: "pacte-live-source" }, `Source\u00a0: ${r.source}`));
    if (r.panel) box.append(drawResults(r.panel));
    return box;
  }

  // A case: each choice's consequence as a list, the trainee's own choice first in sight and marked.
  function drawConsequences(items) {
    return h(
      "section",
      { class: "pacte-live-consequences", "aria-label": "Conséquences de chaque choix" },
      h("h4", {}, "Conséquences de chaque choix"),
      h(
        "ul",
        {},
        ...items.map((c) =>
          h(
            "li",
            { class: c.own ? "pacte-live-own" : null, "data-id": c.id },
            c.own ? h("strong", { class: "pacte-live-mark" }, "Votre choix : ") : null,
            h("strong", {}, c.choice),
            " ",
            c.text,
          ),
        ),
      ),
    );
  }

  async function check() {
    if (checking || closed) return;
    checking = true;
    try {
      const response = await fetch(`${apiBase()}stage?${query}`, { credentials: "omit" });
      if (ENDED.includes(response.status)) return end(TEXT.ended);
      if (response.ok) {
        const data = await response.json();
        // Only a newer stage: an event may have arrived while this answer was on its way.
        if (data && data.stage && (lastSeq === null || data.stage.seq > lastSeq)) handle(data.stage);
      }
      if (source && source.readyState === 2 && !closed) {
        // The stream gave up (an HTTP error): is the participant still known?
        const probe = new AbortController();
        const events = await fetch(eventsUrl(), { credentials: "omit", signal: probe.signal });
        probe.abort();
        if (ENDED.includes(events.status)) return end(TEXT.ended);
        scheduleReconnect();
      }
    } catch {
      if (source && source.readyState === 2) scheduleReconnect();
    } finally {
      checking = false;
    }
  }

  function eventsUrl() {
    return `${apiBase()}events?${query}&participant=${encodeURIComponent(session.participant)}`;
  }

  function scheduleReconnect() {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      if (!closed) connect();
    }, RETRY_MS);
  }

  function connect() {
    if (source) source.close();
    source = new EventSource(eventsUrl());
    source.addEventListener("stage", (event) => {
      setLost(false);
      try {
        handle(JSON.parse(event.data));
      } catch (err) {
        console.warn("pacte live: unreadable stage", err);
      }
    });
    source.addEventListener("open", () => setLost(false));
    source.addEventListener("error", () => {
      if (closed) return;
      setLost(true);
      check();
    });
  }

  function close() {
    closed = true;
    timer.stop();
    hideNotice();
    if (retry) clearTimeout(retry);
    if (source) source.close();
    document.removeEventListener("pacte:live-error", onError);
  }

  content.append(h("p", { class: "pacte-live-room-status", role: "status" }, "Connexion à la séance…"));
  connect();
  return {
    close,
    get sending() {
      return sending;
    },
    get key() {
      return activityKey(lastStage);
    },
  };
}
