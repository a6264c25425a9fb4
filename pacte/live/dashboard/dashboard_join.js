// @ts-check
// The join address of the session's link and QR code: which one the server
// chose, the others the trainer may pick (the room's Wi-Fi, a cable…), and the
// server's French warning when the address is a loopback one no phone can open.
import { errorText, h } from "../../pacte/static/dom.js";

/** @type {(id: string) => PageElement} */
const $ = (id) => /** @type {PageElement} */ (document.getElementById(id));

function draw(data, api, changed) {
  const warning = $("join-warning");
  warning.textContent = data.warning || "";
  warning.hidden = !data.warning;
  const choices = data.choices || [];
  const line = $("join-address");
  line.hidden = choices.length < 2;
  const select = $("join-choice");
  select.replaceChildren(
    ...choices.map((c) => {
      const label = `${c.url}${c.interface ? ` (${c.interface})` : ""}${c.loopback ? " — cet ordinateur seulement" : ""}`;
      return h("option", { value: c.url }, label);
    }),
  );
  select.value = data.url;
  select.onchange = async () => {
    try {
      draw(await api("join-address", { method: "POST", body: { url: select.value } }), api, changed);
      changed();
    } catch (err) {
      warning.textContent = errorText(err);
      warning.hidden = false;
    }
  };
}

// Read the join address from the server and draw its line; ``changed`` redraws the session's link and QR code.
export async function setupJoin(api, changed) {
  draw(await api("join-address"), api, changed);
}
