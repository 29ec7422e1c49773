"""StreamField blocks of course lessons and quizzes.

Quiz questions are StreamField blocks so that editors compose them in Wagtail; their block ids
(and the ids of their choices) are stable across edits and translations, which is what answers
refer to. Question blocks have no front-end template on purpose: the quiz page renders questions
from a public view (see `courses.grading.public_questions`) that never carries correctness data.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from cms.blocks import CalloutBlock, CaptionedImageBlock, HeadingBlock, ParagraphBlock


class MediaBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)
    transcript = blocks.TextBlock(
        label=_("transcript"),
        required=False,
        help_text=_("A text version for people who cannot listen or watch."),
    )


class AudioBlock(MediaBlock):
    media = AudioChooserBlock(label=_("audio"))

    class Meta:
        icon = "wagtailmedia-audio"
        label = _("Audio")
        template = "courses/blocks/audio_block.html"
        description = _("A recording from the resource library, with an optional transcript.")


class VideoBlock(MediaBlock):
    media = VideoChooserBlock(label=_("video"))

    class Meta:
        icon = "wagtailmedia-video"
        label = _("Video")
        template = "courses/blocks/video_block.html"
        description = _("A video from the resource library, with an optional transcript.")


class LessonPlanCardBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("lesson plan"), page_type="curriculum.LessonPlanPage")
    note = blocks.CharBlock(label=_("why this lesson plan"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Lesson plan card")
        template = "courses/blocks/lesson_plan_card_block.html"
        description = _("A card linking to a lesson plan from the library.")


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    callout = CalloutBlock()
    audio = AudioBlock()
    video = VideoBlock()
    lesson_plan = LessonPlanCardBlock()


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)

    class Meta:
        icon = "radio-full"
        label = _("Choice")


ROMANI_HELP = _("Mark Romani words so that they are read as Romani: [rom]Ederlezi[/rom].")


class QuestionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("question"), help_text=ROMANI_HELP)
    points = blocks.IntegerBlock(label=_("points"), default=1, min_value=1, max_value=10)
    feedback = blocks.TextBlock(
        label=_("feedback"),
        required=False,
        help_text=_(
            "Explanation shown when the review policy allows it. Romani words: [rom]…[/rom]."
        ),
    )


class ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(ChoiceBlock(), label=_("choices"), min_num=2, max_num=8)

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        message = self.validate_correct_count(correct)
        if message:
            raise StructBlockValidationError(block_errors={"choices": ValidationError(message)})
        return value

    def validate_correct_count(self, correct: int):
        raise NotImplementedError


class SingleChoiceBlock(ChoiceQuestionBlock):
    def validate_correct_count(self, correct: int):
        if correct != 1:
            return _("Mark exactly one choice as correct.")
        return None

    class Meta:
        icon = "radio-full"
        label = _("Single choice")
        description = _("One correct answer among several choices.")


class MultipleChoiceBlock(ChoiceQuestionBlock):
    def validate_correct_count(self, correct: int):
        if correct < 1:
            return _("Mark at least one choice as correct.")
        return None

    class Meta:
        icon = "list-ul"
        label = _("Multiple choice")
        description = _(
            "Several correct answers. Partial credit: (correct choices ticked − wrong choices "
            "ticked) ÷ number of correct choices, never below zero."
        )


class TrueFalseBlock(QuestionBlock):
    correct = blocks.BooleanBlock(label=_("the statement is true"), required=False, default=False)

    class Meta:
        icon = "tick"
        label = _("True or false")
        description = _("A statement the teacher marks as true or false.")


class ShortAnswerBlock(QuestionBlock):
    accepted = blocks.ListBlock(
        blocks.CharBlock(max_length=200), label=_("accepted answers"), min_num=1
    )

    class Meta:
        icon = "edit"
        label = _("Short answer")
        description = _(
            "A word or short phrase, compared ignoring case, spaces and Latin letters that look "
            "like Cyrillic ones."
        )


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    short_answer = ShortAnswerBlock()


class ProgrammeModuleBlock(blocks.StructBlock):
    """A module of an approved programme with its academic hours (printed in the certificate's
    appendix)."""

    title = blocks.CharBlock(label=_("module"), max_length=255)
    hours = blocks.IntegerBlock(label=_("academic hours"), min_value=1, max_value=500)

    class Meta:
        icon = "list-ol"
        label = _("Module")
        template = "courses/blocks/programme_module_block.html"
        description = _("A module of the programme and its academic hours.")
        preview_value = {"title": "Ромската история и култура в училище", "hours": 8}


class ProgrammeModulesBlock(blocks.StreamBlock):
    module = ProgrammeModuleBlock()
