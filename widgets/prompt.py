"""Open prompt: a short free-text answer collected during live sessions."""

from __future__ import annotations

import traitlets as t

from pacte.course.prompts import text_prompts
from widgets._host import AnsweringWidget


class Prompt(AnsweringWidget):
    """A free-text question of ``datasets/live/prompts.live_prompts.yaml``.

    Outside a live session the text stays in the learner's browser; inside
    one it is sent to the trainer's dashboard (anonymously, length-limited).
    """

    _module = "prompt"
    prompt = t.Dict().tag(sync=True)

    @classmethod
    def from_id(cls, prompt_id: str) -> Prompt:
        """Build the prompt ``prompt_id`` from the course data."""
        prompts = text_prompts()
        if prompt_id not in prompts:
            raise KeyError(f"unknown live prompt '{prompt_id}'; known: {sorted(prompts)}")
        return cls(prompt=prompts[prompt_id])

    def evaluate(self, answers: dict) -> dict:
        """``{"status": "answered", "length": n}`` for a non-empty text, else ``{"status": "empty"}``."""
        text = " ".join(str(answers.get("text", "")).split())
        if not text:
            return {"status": "empty", "length": 0}
        return {"status": "answered", "length": len(text)}

    def fallback_text(self) -> str:
        return f"Question ouverte : {self.prompt.get('prompt', '')}"
