""" "I taught this" (Преподавах това): the teacher's form, the writes with rules (give or edit,
moderate) and the reads (what the plan page shows, what authors see per plan).

Teachers give one feedback per plan; a methodologist approves it before it shows on the plan.
An edit sends it back for moderation. The plan page lists approved feedback without names (a
rating, a comment and the month), so nobody can be recognised by it.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Avg, Count, Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.caching import content_changed
from ops import audit

from .caching import private
from .models.feedback import COMMENT_MAX, LessonPlanFeedback

Status = LessonPlanFeedback.Status
RATINGS = [(n, str(n)) for n in range(1, 6)]


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How did the lesson go? (1 = poorly, 5 = very well)"),
        choices=RATINGS,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a rating from 1 to 5."),
            "invalid_choice": _("Choose a rating from 1 to 5."),
        },
    )
    comment = forms.CharField(
        label=_("What worked, what would you change? (optional)"),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _("The comment may have at most %(limit_value)d characters.")
        },
    )


# Who may do what, as permissions the groups get in migration 0008 (the library does not import
# schools; its roles reach it as Django permissions, like Wagtail's own).


def may_give(user) -> bool:
    """Teachers say "I taught this"."""
    return bool(
        getattr(user, "is_active", False)
        and not user.is_superuser
        and user.has_perm("curriculum.add_lessonplanfeedback")
    )


def may_moderate(user) -> bool:
    """Methodologists approve or reject it."""
    return bool(
        getattr(user, "is_active", False) and user.has_perm("curriculum.change_lessonplanfeedback")
    )


def may_read(user) -> bool:
    """Authors, methodologists and national coordinators read it in the admin, without names."""
    return bool(
        getattr(user, "is_active", False) and user.has_perm("curriculum.view_lessonplanfeedback")
    )


def canonical_plan(plan):
    """The plan in the default language (its own if it has no Bulgarian original)."""
    default = Locale.get_default()
    if plan.locale_id == default.pk:
        return plan
    return plan.get_translation_or_none(default) or plan


@transaction.atomic
def plan_feedback_give(*, teacher, plan, rating: int, comment: str) -> LessonPlanFeedback:
    """Give or change the teacher's feedback on `plan`; either way it awaits moderation."""
    if not may_give(teacher):
        raise PermissionDenied
    if rating not in range(1, 6) or len(comment) > COMMENT_MAX:
        raise ValueError("rating or comment out of range")
    plan = canonical_plan(plan)
    feedback, _created = LessonPlanFeedback.objects.select_for_update().get_or_create(
        teacher=teacher, plan=plan, defaults={"rating": rating, "comment": comment}
    )
    was_shown = feedback.status == Status.APPROVED
    feedback.rating, feedback.comment = rating, comment.strip()
    feedback.status, feedback.moderated_at, feedback.moderated_by = Status.PENDING, None, None
    feedback.save()
    if was_shown:
        content_changed()  # the plan page no longer shows it
    return feedback


@transaction.atomic
def plan_feedback_moderate(
    *, feedback: LessonPlanFeedback, moderator, approve: bool
) -> LessonPlanFeedback:
    """A methodologist approves (it shows on the plan) or rejects a teacher's feedback."""
    if not may_moderate(moderator):
        raise PermissionDenied
    feedback = LessonPlanFeedback.objects.select_for_update().get(pk=feedback.pk)
    feedback.status = Status.APPROVED if approve else Status.REJECTED
    feedback.moderated_at, feedback.moderated_by = timezone.now(), moderator
    feedback.save(update_fields=["status", "moderated_at", "moderated_by"])
    audit.record(
        instance=feedback,
        action=audit.FEEDBACK_APPROVE if approve else audit.FEEDBACK_REJECT,
        user=moderator,
    )
    content_changed()
    return feedback


# --- reads -----------------------------------------------------------------------------------


@dataclass
class PlanFeedback:
    approved: list[LessonPlanFeedback]
    average: float | None
    mine: LessonPlanFeedback | None
    may_give: bool


def plan_feedback(*, plan, user) -> PlanFeedback:
    """What the plan page shows: approved feedback (one query) and, for a teacher, her own (one
    more)."""
    plan = canonical_plan(plan)
    approved = list(
        LessonPlanFeedback.objects.filter(plan=plan, status=Status.APPROVED)
        .only("rating", "comment", "updated_at")
        .order_by("-updated_at", "-pk")
    )
    giving = may_give(user)
    mine = None
    if giving:
        mine = LessonPlanFeedback.objects.filter(plan=plan, teacher=user).first()
    average = round(statistics.fmean(f.rating for f in approved), 1) if approved else None
    return PlanFeedback(approved=approved, average=average, mine=mine, may_give=giving)


def feedback_per_plan():
    """For authors: each plan with feedback, its counts by status and average approved rating
    (one grouped query, no names)."""
    approved = Q(status=Status.APPROVED)
    return (
        LessonPlanFeedback.objects.values("plan_id", "plan__title")
        .annotate(
            approved=Count("pk", filter=approved),
            pending=Count("pk", filter=Q(status=Status.PENDING)),
            average=Avg("rating", filter=approved),
        )
        .order_by("plan__title", "plan_id")
    )


def feedback_rows(*, plan=None, status: str | None = None):
    """Feedback for the moderation and author screens, without the teacher (one query)."""
    rows = LessonPlanFeedback.objects.select_related("plan").defer("plan__search_terms")
    if plan is not None:
        rows = rows.filter(plan=plan)
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("status", "-updated_at", "-pk")


# --- the plan page's form (no JavaScript: a POST, then back to the plan) ----------------------


def feedback_context(*, plan, request, form: FeedbackForm | None = None) -> dict:
    shown = plan_feedback(plan=plan, user=request.user)
    if form is None and shown.may_give:
        initial = {"rating": shown.mine.rating, "comment": shown.mine.comment} if shown.mine else {}
        form = FeedbackForm(initial=initial)
    return {"feedback": shown, "feedback_form": form}


def feedback_post(*, plan, request):
    """Handle the "I taught this" form; on error the plan is shown again with what was typed."""
    if not request.user.is_authenticated:
        return private(redirect_to_login(plan.get_url(request)))
    if not may_give(request.user):
        raise PermissionDenied
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        response = plan.render(
            request, context_overrides=feedback_context(plan=plan, request=request, form=form)
        )
        response.status_code = 400
        return private(response)
    plan_feedback_give(
        teacher=request.user,
        plan=plan,
        rating=form.cleaned_data["rating"],
        comment=form.cleaned_data["comment"],
    )
    messages.success(
        request,
        _("Thank you! Your feedback will show on the plan once a methodologist has approved it."),
    )
    return private(redirect(plan.get_url(request) + "#i-taught-this"))
