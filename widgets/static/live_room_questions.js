// @ts-check
// Questions from the room, trainee side, below the pushed activity: ask a question
// (anonymous) at any time, vote for the others' (one vote each, withdrawable). The
// list, most voted first, comes with every stage the server pushes (stage.room_questions,
// see pacte/live/stage.py); the votes this browser gave are remembered for the session.

import { h } from "./dom.js";
import { apiBase } from "./live_client.js";
import { counter } from "./live_room_logic.js";
import { plural } from "./numbers.js";

const MAX = 280;
const NBSP = "\u00a0";

function votesKey(code) {
  return `pacte-live-votes:${code}`;
}

function readVotes(code) {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(votesKey(code)) || "[]"));
  } catch {
    return new Set();
  }
}

async function post(path, body) {
  try {
    const response = await fetch(apiBase() + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
    });
    const data = await response.json().catch(() => ({}));
    return { ok: response.ok, data };
  } catch {
    return { ok: false, data: { error: "Serveur injoignable." } };
  }
}

/**
 * The « Questions de la salle » box of ``session``: ``{ node, update(list) }``.
 * @param {{ code: string, participant: string }} session
 */
export function mountQuestions(session) {
  const voted = readVotes(session.code);
  const field = h("textarea", {
    id: "pacte-live-ask",
    class: "pacte-live-ask-text",
    maxlength: String(MAX),
    rows: "2",
    autocomplete: "off",
    "aria-describedby": "pacte-live-ask-count",
  });
  const count = h("p", { id: "pacte-live-ask-count", class: "pacte-live-ask-counter" });
  const status = h("p", { class: "pacte-live-ask-status", role: "status" });
  const send = h("button", { type: "submit", class: "pacte-button pacte-live-ask-send" }, "Envoyer la question");
  const list = h("ol", { class: "pacte-live-question-list" });
  const empty = h("p", { class: "pacte-live-help" }, "Pas encore de question de la salle.");
  const form = h(
    "form",
    { class: "pacte-live-ask", novalidate: true },
    h("label", { for: "pacte-live-ask", class: "pacte-live-label" }, "Votre question au formateur (anonyme)"),
    field,
    count,
    send,
    status,
  );
  // Folded by default: the compact bar of a joined trainee stays one line until they open it.
  const title = h("summary", { class: "pacte-live-questions-title" }, "Questions de la salle");
  const node = h("details", { class: "pacte-live-questions" }, title, form, empty, list);
  const showCount = () => {
    const c = counter(field.value, MAX);
    count.textContent = c.text;
    count.classList.toggle("pacte-live-error", c.over);
  };
  field.addEventListener("input", showCount);
  showCount();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = field.value.trim();
    if (!text) {
      status.textContent = "Écrivez votre question.";
      return;
    }
    send.disabled = true;
    const { ok, data } = await post("ask", { code: session.code, participant: session.participant, text });
    send.disabled = false;
    status.classList.toggle("pacte-live-error", !ok);
    if (!ok) {
      status.textContent = data.error || "Question non transmise.";
      return;
    }
    field.value = "";
    showCount();
    status.textContent =
      data.question && data.question.status === "pending"
        ? "Question envoyée\u00a0: elle s’affichera quand le formateur l’aura validée."
        : "Question envoyée.";
  });

  async function toggle(q, button) {
    const vote = !voted.has(q.id);
    button.disabled = true;
    const { ok, data } = await post("vote", {
      code: session.code,
      participant: session.participant,
      question: q.id,
      vote,
    });
    button.disabled = false;
    if (!ok) {
      status.textContent = data.error || "Vote non transmis.";
      return;
    }
    if (vote) voted.add(q.id);
    else voted.delete(q.id);
    try {
      sessionStorage.setItem(votesKey(session.code), JSON.stringify([...voted]));
    } catch {
      /* private mode */
    }
    draw(last.map((x) => (x.id === q.id ? { ...x, votes: data.votes } : x)));
  }

  let last = [];
  function draw(questions) {
    last = questions;
    empty.hidden = questions.length > 0;
    const focused =
      document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.vote : null;
    list.replaceChildren(
      ...questions.map((q) => {
        const mine = voted.has(q.id);
        const button = h(
          "button",
          {
            type: "button",
            class: "pacte-live-vote",
            "aria-pressed": String(mine),
            "data-vote": String(q.id),
            "aria-label": `${mine ? "Retirer mon vote pour" : "Voter pour"} «${NBSP}${q.text}${NBSP}» (${plural(q.votes, "vote")})`,
          },
          `▲ ${q.votes}`,
        );
        button.addEventListener("click", () => toggle(q, button));
        return h(
          "li",
          {
            class: `pacte-live-question${q.answered ? " is-answered" : ""}`,
            "data-id": String(q.id),
            "data-votes": String(q.votes),
          },
          button,
          h("span", { class: "pacte-live-question-text" }, q.text),
          q.answered ? h("span", { class: "pacte-live-question-done" }, "Répondue") : null,
        );
      }),
    );
    if (focused) {
      const again = list.querySelector(`[data-vote="${focused}"]`);
      if (again) again.focus();
    }
  }

  return {
    node,
    /** @param {Array<{id: number, text: string, votes: number, answered: boolean}> | undefined} questions */
    update(questions) {
      if (!Array.isArray(questions)) return;
      if (JSON.stringify(questions) !== JSON.stringify(last)) draw(questions);
      title.textContent = questions.length ? `Questions de la salle (${questions.length})` : "Questions de la salle";
    },
  };
}
