"""StreamField blocks shared by every app's pages.

Each block carries an icon, a template, a preview value and a description so that editors see
what it is for in the block picker and its preview.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock as WagtailImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "rom", "ol", "ul", "link", "document-link"]


class ImageBlock(WagtailImageBlock):
    """Wagtail's ImageBlock, with a translatable label on its chooser.

    Wagtail 8 names the chooser after its field ("Image"), a label gettext never sees. It still
    deconstructs as Wagtail's ImageBlock (its own deconstruct), so no migration changes.
    """

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        self.child_blocks["image"].label = _("Image")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Рома фолклор в класната стая"}
        description = _("A section heading (level 2) that also appears in the page outline.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/paragraph_block.html"
        preview_value = (
            "<p>Песните, приказките и празниците на ромите са част от общото ни културно "
            "наследство.</p>"
        )
        description = _("Formatted text with headings, lists and links.")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/captioned_image_block.html"
        description = _("An image with alternative text and an optional caption.")


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "blocks/callout_block.html"
        preview_value = {
            "title": "Знаете ли, че…",
            "text": "<p>8 април е Международният ден на ромите.</p>",
        }
        description = _("A highlighted box that draws attention to one idea.")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    callout = CalloutBlock()
