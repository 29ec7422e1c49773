"""The admin's page form as the browser posts it, for Wagtail's page assertions.

``wagtail.test.utils.form_data.querydict_from_html`` reads the fields the server renders.
StreamFields are drawn by JavaScript, so their part of the POST is made here from the page's own
content, block by block, in the format Wagtail's StreamField widget reads back
(``body-count``, ``body-0-type``, ``body-0-value-title``…).
"""

from django.http import QueryDict
from django.urls import reverse
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.test.utils.form_data import querydict_from_html


def block_form_data(block, value, prefix: str, data: QueryDict) -> None:
    if isinstance(block, blocks.StreamBlock):
        children = list(value or [])
        data[f"{prefix}-count"] = str(len(children))
        for i, child in enumerate(children):
            data[f"{prefix}-{i}-type"] = child.block_type
            _item(child.block, child.value, child.id, i, f"{prefix}-{i}", data)
    elif isinstance(block, blocks.ListBlock):
        children = list(value.bound_blocks) if value is not None else []
        data[f"{prefix}-count"] = str(len(children))
        for i, child in enumerate(children):
            _item(block.child_block, child.value, child.id, i, f"{prefix}-{i}", data)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(block, ImageBlock) and value is not None:
            value = block._image_to_struct_value(value)  # an image with its alt text
        for name, child in block.child_blocks.items():
            block_form_data(child, value.get(name) if value else None, f"{prefix}-{name}", data)
    else:
        state = block.get_form_state(value)
        if isinstance(state, dict):  # choosers: {"id": …, "title": …}
            state = state["id"]
        if state is True:
            data[prefix] = "on"
        elif isinstance(state, list):
            data.setlist(prefix, [str(item) for item in state])
        elif state not in (None, False):
            data[prefix] = str(state)


def _item(block, value, block_id, index, prefix, data):
    data[f"{prefix}-id"] = block_id or ""
    data[f"{prefix}-deleted"] = ""
    data[f"{prefix}-order"] = str(index)
    block_form_data(block, value, f"{prefix}-value", data)


def page_form_data(client, page) -> QueryDict:
    """What the edit form of ``page`` posts unchanged, for the user ``client`` is logged in as."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    content = page.get_latest_revision_as_object()
    for field in type(page)._meta.get_fields():
        if isinstance(field, StreamField):
            block_form_data(field.stream_block, getattr(content, field.name), field.name, data)
    return data
