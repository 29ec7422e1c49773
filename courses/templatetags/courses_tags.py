"""Course pieces shown on other pages: the teacher's "continue" card on the home page."""

from django import template

from courses.models import Enrollment

register = template.Library()


@register.inclusion_tag("courses/continue_card.html", takes_context=True)
def continue_card(context) -> dict:
    """The course the teacher worked on last and is not done with (one query), or nothing."""
    request = context.get("request")
    user = getattr(request, "user", None)
    enrollment = None
    if user is not None and user.is_authenticated:
        enrollment = (
            Enrollment.objects.filter(teacher=user, completed_at__isnull=True)
            .select_related("course")
            .order_by("-last_activity", "-enrolled_at")
            .first()
        )
    return {"request": request, "enrollment": enrollment}
