"""StreamField blocks of a lesson plan: its steps, checks, vocabulary and related resources.

Every block has an icon, a template, a preview value and a description, so that authors see in
the block picker what each one is for.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from cms.blocks import RICH_TEXT_FEATURES, ImageBlock

T = "curriculum/blocks/"


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    minutes = blocks.IntegerBlock(label=_("minutes"), min_value=1, max_value=240)
    instructions = blocks.RichTextBlock(label=_("instructions"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "time"
        label = _("Activity")
        template = T + "activity_block.html"
        preview_value = {
            "title": "Разговор в кръг",
            "minutes": 10,
            "instructions": "<p>Учениците разказват как посрещат Новата година у дома.</p>",
        }
        description = _("One step of the lesson, with how many minutes it takes.")


class SongBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    lyrics_romani = blocks.TextBlock(label=_("lyrics in Romani"))
    lyrics_translation = blocks.TextBlock(label=_("Bulgarian translation"))
    recording = AudioChooserBlock(label=_("recording"), required=False)
    notes = blocks.RichTextBlock(
        label=_("notes for the teacher"), required=False, features=["bold", "italic", "link"]
    )

    class Meta:
        icon = "pick"
        label = _("Song")
        template = T + "song_block.html"
        preview_value = {
            "title": "Песен за Василица",
            "lyrics_romani": "Bahtalo Vasilica,\nbaxt te avel amenge!",
            "lyrics_translation": "Честита Василица,\nщастие да дойде при нас!",
        }
        description = _("A song: Romani lyrics beside the translation, with its recording.")


class TaleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)
    source = blocks.CharBlock(label=_("told by / source"), required=False, max_length=255)
    recording = AudioChooserBlock(label=_("recording"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Tale")
        template = T + "tale_block.html"
        preview_value = {
            "title": "Как ромите получили цигулката",
            "text": "<p>Имало едно време един ковач, който можел да накара желязото да пее…</p>",
            "source": "Разказана от баба Фатме, Сливен",
        }
        description = _("A tale or legend to read or tell aloud, with its source.")


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    images = blocks.ListBlock(ImageBlock(label=_("image")), label=_("images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Image gallery")
        template = T + "gallery_block.html"
        preview_value = {"title": "Занаяти", "images": []}
        description = _("Several images shown as a grid, each with alternative text.")


class VideoBlock(blocks.StructBlock):
    video = VideoChooserBlock(label=_("video"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Video")
        template = T + "video_block.html"
        preview_value = {"caption": "Танц от Херделези"}
        description = _("A video from the media library, with captions if it has them.")


class WorksheetBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("worksheet"))
    description = blocks.CharBlock(label=_("what pupils do"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Worksheet")
        template = T + "worksheet_block.html"
        preview_value = {"description": "Свържете думата на романи с картинката."}
        description = _("A worksheet to print, offered as a download with its size.")


class QuestionsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    questions = blocks.ListBlock(blocks.CharBlock(label=_("question")), label=_("questions"))

    class Meta:
        icon = "help"
        label = _("Discussion questions")
        template = T + "questions_block.html"
        preview_value = {
            "title": "Да поговорим",
            "questions": ["Кой празник е най-важен за вашето семейство?", "Защо?"],
        }
        description = _("Questions for a class discussion.")


class LessonStepsBlock(blocks.StreamBlock):
    activity = ActivityBlock()
    song = SongBlock()
    tale = TaleBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    worksheet = WorksheetBlock()
    questions = QuestionsBlock()


class PointBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 300)
        super().__init__(**kwargs)

    class Meta:
        icon = "tick"
        label = _("Point")
        template = T + "point_block.html"
        preview_value = "Василица е ромската Нова година, празнувана на 14 януари."
        description = _("One short statement.")


class CheckQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=300)
    answer = blocks.CharBlock(label=_("answer (shown to the teacher)"), max_length=500)

    class Meta:
        icon = "help"
        label = _("Question with answer")
        template = T + "check_question_block.html"
        preview_value = {"question": "Кога се празнува Херделези?", "answer": "На 6 май."}
        description = _("A quick check question; the answer is for the teacher.")


class MisconceptionBlock(blocks.StructBlock):
    misconception = blocks.CharBlock(label=_("misconception or stereotype"), max_length=300)
    response = blocks.TextBlock(label=_("how to answer it"))

    class Meta:
        icon = "warning"
        label = _("Misconception")
        template = T + "misconception_block.html"
        preview_value = {
            "misconception": "Всички роми живеят по един и същи начин.",
            "response": "Ромските общности са много и различни: по език, занаят и обичаи.",
        }
        description = _("A common misconception or stereotype and how to respond to it.")


class VocabularyBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Romani term"), max_length=100)
    gloss = blocks.CharBlock(label=_("Bulgarian gloss"), max_length=200)
    dialect = blocks.CharBlock(label=_("dialect"), required=False, max_length=100)

    class Meta:
        icon = "pilcrow"
        label = _("Word")
        template = T + "vocabulary_block.html"
        preview_value = {"term": "bah", "gloss": "щастие, късмет", "dialect": "ерлийски"}
        description = _("A Romani word with its Bulgarian meaning and dialect.")


class RelatedDocumentBlock(DocumentChooserBlock):
    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = T + "related_document_block.html"
        preview_value = None
        description = _("A document from the library.")


class RelatedAudioBlock(AudioChooserBlock):
    class Meta:
        icon = "media"
        label = _("Audio")
        template = T + "related_media_block.html"
        preview_value = None
        description = _("An audio recording from the library.")


class RelatedVideoBlock(VideoChooserBlock):
    class Meta:
        icon = "media"
        label = _("Video")
        template = T + "related_media_block.html"
        preview_value = None
        description = _("A video from the library.")


class RelatedPageBlock(blocks.PageChooserBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("page_type", "curriculum.LessonPlanPage")
        super().__init__(**kwargs)

    class Meta:
        icon = "doc-empty"
        label = _("Lesson plan")
        template = T + "related_page_block.html"
        preview_value = None
        description = _("Another lesson plan that goes well with this one.")


class RelatedResourcesBlock(blocks.StreamBlock):
    document = RelatedDocumentBlock()
    audio = RelatedAudioBlock()
    video = RelatedVideoBlock()
    lesson_plan = RelatedPageBlock()
