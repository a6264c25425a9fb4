// @ts-check
// The countdown of a pushed activity, shown on the phones (live_room.js) and the
// trainer's dashboard and projection. The server's clock is authoritative: the
// stage carries `timer.remaining_ms` as of when it was sent, and each screen
// counts down from the moment it received it. The text is always there (not only
// a bar); screen readers hear it politely at a few moments, not every second.
import { h } from "./dom.js";

const ANNOUNCE_AT = [60, 30, 10, 0];

/**
 * « 1 min 05 s », « 42 s ».
 * @param {number} ms
 * @returns {string}
 */
export function durationText(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const min = Math.floor(s / 60);
  const sec = s % 60;
  return min ? `${min}\u00a0min ${String(sec).padStart(2, "0")}\u00a0s` : `${sec}\u00a0s`;
}

/**
 * The line a screen shows for a countdown.
 * @param {number} ms  remaining time
 * @param {boolean} closes  whether answers close at zero
 * @returns {string}
 */
function countdownText(ms, closes) {
  if (ms <= 0) return closes ? "Temps écoulé\u00a0: les réponses sont closes." : "Temps écoulé.";
  return `Temps restant\u00a0: ${durationText(ms)}`;
}

/**
 * A countdown element following the stages it is given: `{ nodes, update(stage), stop() }`.
 * @param {string} className
 */
export function countdown(className = "pacte-live-timer") {
  const text = h("p", { class: className, hidden: true, "aria-hidden": "false" });
  const bar = h("span", { class: `${className}-bar`, "aria-hidden": "true" });
  const said = h("p", { class: "pacte-sr-only", "aria-live": "polite" });
  let endAt = null,
    total = 0,
    closes = false,
    key = "",
    tick = null,
    lastSaid = null;

  function draw() {
    if (endAt === null) return;
    const ms = endAt - Date.now();
    text.textContent = countdownText(ms, closes);
    text.append(bar);
    bar.style.width = `${Math.max(0, Math.min(100, (100 * ms) / total))}%`;
    text.dataset.remaining = String(Math.max(0, Math.ceil(ms / 1000)));
    const s = Math.max(0, Math.ceil(ms / 1000));
    const mark = ANNOUNCE_AT.find((m) => s <= m && (lastSaid === null || m < lastSaid));
    if (mark !== undefined) {
      lastSaid = mark;
      said.textContent = countdownText(ms, closes);
    }
    if (ms <= 0) {
      clearInterval(tick);
      tick = null;
    }
  }

  function update(stage) {
    const timer = stage && stage.activity && stage.state !== "idle" ? stage.timer : null;
    if (!timer && endAt !== null && closes && stage && stage.state === "closed") {
      endAt = Math.min(endAt, Date.now()); // the server closed it at zero: this screen's count may lag a little
      draw();
      return;
    }
    if (!timer) {
      endAt = null;
      key = "";
      text.hidden = true;
      clearInterval(tick);
      tick = null;
      return;
    }
    const next = `${stage.seq}|${timer.deadline_ms}`;
    if (next === key) return;
    key = next;
    endAt = Date.now() + timer.remaining_ms;
    total = Math.max(1000, timer.remaining_ms, timer.seconds * 1000);
    closes = Boolean(timer.close_at_zero);
    lastSaid = null;
    text.hidden = false;
    draw();
    if (!tick) tick = setInterval(draw, 250);
  }

  return { nodes: [text, said], update, stop: () => clearInterval(tick) };
}
