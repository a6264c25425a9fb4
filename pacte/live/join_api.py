"""``/api/live/trainer/join-address``: the join address of the link and QR code, and the trainer's choice.

* ``GET`` → ``{"url", "choices": [{"url", "interface", "loopback"}], "warning"}``
  (``warning``: French text when the join address is a loopback one, else null);
* ``POST {url}`` picks one of ``choices`` for every dashboard of this server
  (until it restarts); anything else → 422, nothing changed.
"""

from __future__ import annotations

from pacte.live.join_address import loopback_warning
from pacte.live.trainer_auth import TrainerAuth, join_base


class JoinAddressHandler(TrainerAuth):
    """``GET`` the join address and its alternatives, ``POST {url}`` another one."""

    def _state(self) -> dict:
        url = join_base(self)
        return {"url": url, "choices": self.live.join_choices, "warning": loopback_warning(url)}

    def get(self) -> None:
        self.ok(self._state())

    def post(self) -> None:
        data = self.json_body()
        if data is None:
            return
        url = data.get("url")
        if not any(choice["url"] == url for choice in self.live.join_choices):
            return self.fail(422, "Adresse inconnue de ce serveur (choisissez-en une de la liste).")
        self.live.public_url = url
        self.ok(self._state())
