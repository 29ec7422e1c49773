"""The questions of a course evaluation form, composed by editors as StreamField blocks: ratings
from 1 to 5 and free text. Answers refer to the block ids, which stay put across edits."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class RatingQuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("question"), max_length=300)

    class Meta:
        icon = "pick"
        label = _("Rating (1–5)")
        template = "courses/blocks/evaluation_question.html"
        preview_value = {"text": "Доколко обучението ще ви бъде полезно в час?"}
        description = _("A question answered on a scale from 1 (not at all) to 5 (very much).")


class TextQuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("question"), max_length=300)
    required = blocks.BooleanBlock(label=_("answer required"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Free text")
        template = "courses/blocks/evaluation_question.html"
        preview_value = {"text": "Какво бихте променили?", "required": False}
        description = _("A question answered in the teacher's own words.")


class EvaluationStreamBlock(blocks.StreamBlock):
    rating = RatingQuestionBlock()
    text = TextQuestionBlock()


RATINGS = range(1, 6)


def questions(stream) -> list[dict]:
    """The form's questions as plain dicts: id, kind, text, required."""
    return [
        {
            "id": block.id,
            "kind": block.block_type,
            "text": block.value["text"],
            "required": block.block_type == "rating" or bool(block.value.get("required")),
        }
        for block in stream
    ]


def clean_answers(items: list[dict], data) -> tuple[dict, dict]:
    """The answers from a POST (a QueryDict) for `items`, and the errors by question id."""
    answers, errors = {}, {}
    for item in items:
        raw = data.get(f"q-{item['id']}", "").strip()
        if item["kind"] == "rating":
            if raw not in {str(n) for n in RATINGS}:
                errors[item["id"]] = _("Choose a rating from 1 to 5.")
                continue
            answers[item["id"]] = int(raw)
        else:
            if len(raw) > 3000:
                errors[item["id"]] = _("At most 3,000 characters, please.")
            elif item["required"] and not raw:
                errors[item["id"]] = _("Please answer this question.")
            answers[item["id"]] = raw
    return answers, errors
