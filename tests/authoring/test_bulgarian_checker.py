"""The checker of the Bulgarian admin tests finds interface English, not content."""

from tests.authoring.bulgarian import english_in, visible_texts


def test_the_checker_sees_english_interface_text_but_not_content():
    html = (
        '<nav aria-label="Actions"><a href="/admin/">Табло</a></nav>'
        "<p>More actions</p><p>Справки</p><h2>Happy Vasilitsa</h2>"
        '<input type="submit" value="Search"><p hidden>None</p><p>PDF, 2 MB</p>'
    )
    found = english_in(visible_texts(html), content=["Happy Vasilitsa"])
    assert found == ["Actions", "More actions", "Search"]
