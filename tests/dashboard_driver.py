"""Driving the trainer's dashboard (/formateur/) in Chromium as a trainer would: create, push, close, reveal."""

from __future__ import annotations

import re


def new_session(trainer, title: str) -> str:
    """Create a session from the dashboard and return its code once the page shows it (not an older one)."""
    trainer.fill("#create-title", title)
    trainer.get_by_role("button", name="Créer la séance").click()
    heading = trainer.locator("#session-heading")
    trainer.wait_for_function(
        "(t) => document.getElementById('session-heading').textContent.startsWith(t + ' — code ')", arg=title
    )
    return re.match(r"[A-Z0-9]+", heading.inner_text().split(" — code ")[1]).group(0)


def push(trainer, key: str) -> None:
    """Push the catalogue item ``key`` (``kind:ref|question``) and wait until the dashboard marks it current."""
    _kind, rest = key.split(":", 1)
    trainer.fill("#catalogue-search", rest.replace("|", " "))
    trainer.locator(f".catalogue .item[data-key='{key}']").get_by_role("button").click()
    trainer.locator(f"article.activity.is-current[data-key='{key}']").wait_for(timeout=15000)


def set_state(trainer, button: str, state: str) -> None:
    """Click a stage control (« Clore les réponses », « Révéler »…) and wait for the stage ``state``."""
    trainer.locator("#stage").get_by_role("button", name=button).click()
    trainer.wait_for_function(f"() => document.getElementById('stage').dataset.state === '{state}'", timeout=15000)
