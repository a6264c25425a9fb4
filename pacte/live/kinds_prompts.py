"""The live kinds of ``datasets/live/prompts.live_prompts.yaml``: open question, word cloud, scale, ranking."""

from __future__ import annotations

from pacte.live.catalogue import prompt_reveal, prompt_view
from pacte.live.kinds import describe_ranking, describe_scale, free_text_describer
from pacte.live.live_kind import LiveKind
from pacte.live.panels import prompt_words_panel, ranking_panel, scale_panel
from pacte.live.validation import validate_ranking, validate_scale, validate_text, validate_wordcloud

TEXT = LiveKind(
    name="text",
    label="Question ouverte",
    title="Question ouverte",
    help="Une courte phrase suffit. N’écrivez ni nom ni information permettant d’identifier une personne.",
    describe=free_text_describer("text"),
    validate=validate_text,
    panel=lambda ref, question, counts, hidden, approved: prompt_words_panel(ref, "text", counts, hidden, approved),
    view=lambda ref, question: prompt_view("text", ref, question),
    reveal=lambda ref, question: prompt_reveal("text", ref),
    moderated=True,
)

WORDCLOUD = LiveKind(
    name="wordcloud",
    label="Nuage de mots",
    title="Nuage de mots",
    help="Un mot ou une expression courte (60 caractères au plus). Ni nom ni information personnelle.",
    describe=free_text_describer("wordcloud"),
    validate=validate_wordcloud,
    panel=lambda ref, question, counts, hidden, approved: prompt_words_panel(
        ref, "wordcloud", counts, hidden, approved
    ),
    view=lambda ref, question: prompt_view("wordcloud", ref, question),
    reveal=lambda ref, question: prompt_reveal("wordcloud", ref),
    moderated=True,
)

SCALE = LiveKind(
    name="scale",
    label="Échelle",
    title="Échelle d’accord",
    help="Choisissez la valeur qui correspond le mieux à votre avis.",
    describe=describe_scale,
    validate=validate_scale,
    panel=lambda ref, question, counts, hidden, approved: scale_panel(ref, counts),
    view=lambda ref, question: prompt_view("scale", ref, question),
    reveal=lambda ref, question: prompt_reveal("scale", ref),
)

RANKING = LiveKind(
    name="ranking",
    label="Classement",
    title="Classement",
    help="Classez tous les éléments, du plus prioritaire au moins prioritaire.",
    describe=describe_ranking,
    validate=validate_ranking,
    panel=lambda ref, question, counts, hidden, approved: ranking_panel(ref, counts),
    view=lambda ref, question: prompt_view("ranking", ref, question),
    reveal=lambda ref, question: prompt_reveal("ranking", ref),
)
