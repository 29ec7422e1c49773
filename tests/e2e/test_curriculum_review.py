"""Authoring in the Wagtail admin: an author submits a lesson plan to "Methodological review", a
methodologist approves it, the Roma community reviewer approves it, and the change goes live."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

NEW_SUMMARY = "Учениците откриват ритъма 9/8 с пляскане, тъпан и стъпки в кръг."


def approve(page, edit_url):
    page.goto(edit_url)
    page.locator("footer .w-dropdown__toggle").click()
    # "Approve" straight away (the other approve button first asks for a comment).
    page.locator(
        "footer [data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    ).click()
    expect(page.locator(".messages")).to_contain_text(re.compile("одобрен|обновен", re.I))


def test_author_submits_methodologist_and_reviewer_approve_and_it_is_published(browser, live_url):
    def session():
        context = browser.new_context(base_url=live_url, locale="bg-BG")
        context.set_default_timeout(20_000)
        return context, context.new_page()

    author_context, author = session()
    login(author, "author@drom.test")
    plan = author.request.get("/api/v2/lesson-plans/?slug=kyuchek&fields=summary").json()
    plan_id = plan["items"][0]["id"]
    edit_url = f"/admin/pages/{plan_id}/edit/"
    author.goto(edit_url)
    author.locator("#id_summary").fill(NEW_SUMMARY)
    author.locator("footer .w-dropdown__toggle").click()
    author.get_by_role("button", name=re.compile("Изпрати за „Методически преглед“")).click()
    expect(author.locator(".messages")).to_contain_text(re.compile("изпратен", re.I))
    # Submitted but not yet published: the public page still shows the old summary.
    author.goto("/library/kyuchek/")
    expect(author.get_by_text(NEW_SUMMARY)).to_have_count(0)
    # The author cannot approve their own submission.
    author.goto(edit_url)
    expect(author.locator("[data-workflow-action-name=approve]")).to_have_count(0)
    author_context.close()

    methodologist_context, methodologist = session()
    login(methodologist, "methodologist@drom.test")
    approve(methodologist, edit_url)
    methodologist_context.close()

    reviewer_context, reviewer = session()
    login(reviewer, "reviewer@drom.test")
    approve(reviewer, edit_url)
    reviewer.goto("/library/kyuchek/")
    expect(reviewer.get_by_text(NEW_SUMMARY).first).to_be_visible()
    reviewer_context.close()
