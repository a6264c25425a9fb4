// @ts-check
// Opens and closes the seed passage of a citation ({cite-passage}, pacte/site/evidence_role.py).
// The passage is already in the page; the button only toggles its region.
function toggle(button) {
  const region = document.getElementById(button.getAttribute("aria-controls"));
  if (!region) return;
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  region.hidden = !open;
}

document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("button[data-pacte-evidence]") : null;
  if (button) toggle(button);
});
