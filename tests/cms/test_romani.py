"""cms.romani: Romani words in Bulgarian text as <span lang="rom">, from the editor's "rom"
button (rich text) and from [rom]…[/rom] in plain-text fields."""

from django.template import Context, Template
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from cms.romani import romani_html, romani_plain


def test_plain_text_marks_become_spans_and_the_rest_is_escaped():
    html = romani_html("<b>Празник</b> [rom]Ederlezi[/rom] и [rom]Bango Vasili[/rom]")
    assert html == (
        '&lt;b&gt;Празник&lt;/b&gt; <span lang="rom">Ederlezi</span> и '
        '<span lang="rom">Bango Vasili</span>'
    )
    assert romani_html('[rom]"x"[/rom]') == '<span lang="rom">&quot;x&quot;</span>'
    assert romani_plain("Празник [rom]Ederlezi[/rom]") == "Празник Ederlezi"
    assert romani_html("") == "" and romani_plain(None) == ""


def test_filters_keep_line_breaks_and_paragraphs():
    template = Template("{% load drom_tags %}{{ a|romani }}|{{ b|romani_paragraphs }}")
    text = template.render(
        Context({"a": "ред\n[rom]lav[/rom]", "b": "[rom]Herdelezi,\navel[/rom]\n\nПревод"})
    )
    assert text == (
        'ред<br><span lang="rom">lav</span>|'
        '<p><span lang="rom">Herdelezi,<br>avel</span></p><p>Превод</p>'
    )


def test_the_editor_keeps_a_romani_span_through_a_round_trip(db):
    converter = ContentstateConverter(features=["bold", "rom"])
    stored = '<p data-block-key="a1">Празник <span lang="rom">Ederlezi</span></p>'
    contentstate = converter.from_database_format(stored)
    assert '"style": "ROMANI"' in contentstate
    assert converter.to_database_format(contentstate) == stored
