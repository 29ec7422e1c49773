"""Reports → E-mail problems: e-mails to the coordinator's people that failed or are retrying.

Everything Drom mails (invitations, reminders, weekly reports) goes through the outbox (ops);
when a mail server refuses a message it is retried, and after the last attempt it is marked
failed. Coordinators see the problems of the people in their regions (and of the e-mails they
sent themselves), can fix an address elsewhere and send a message again from here.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from ops.mail import enqueue_delivery
from ops.models import OutgoingEmail

from ..selectors import problems_visible_to
from .base import CoordinatorViewMixin, require_coordinator


class StatusColumn(Column):
    def get_value(self, instance):
        if instance.status == OutgoingEmail.Status.FAILED:
            return _("Failed")
        return _("Retrying at %(time)s") % {
            "time": timezone.localtime(instance.next_attempt_at).strftime("%d.%m.%Y %H:%M")
        }


class RetryColumn(Column):
    cell_template_name = "reports/cells/retry_button.html"

    def get_value(self, instance):
        return instance


class DeliveryProblemsView(CoordinatorViewMixin, ReportView):
    template_name = "reports/delivery_problems.html"
    page_title = gettext_lazy("E-mail problems")
    header_icon = "warning"
    paginate_by = 50
    index_url_name = "drom_reports:deliveries"
    model = OutgoingEmail
    columns = [
        Column("created_at", label=gettext_lazy("Queued at")),
        Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
        Column("to_email", label=gettext_lazy("Address")),
        Column("subject", label=gettext_lazy("Subject")),
        StatusColumn("status", label=gettext_lazy("Status")),
        Column("attempts", label=gettext_lazy("Attempts")),
        Column("last_error", label=gettext_lazy("Last error")),
        RetryColumn("retry", label=gettext_lazy("Action")),
    ]

    def get_queryset(self):
        return problems_visible_to(self.request.user).order_by("-created_at", "-pk")


@never_cache
@require_POST
def delivery_retry(request, pk: int):
    """Send a failed e-mail again (with its retries), if it is one the coordinator may see."""
    require_coordinator(request.user)
    updated = (
        problems_visible_to(request.user)
        .filter(pk=pk, status=OutgoingEmail.Status.FAILED)
        .update(
            status=OutgoingEmail.Status.PENDING,
            attempts=0,
            next_attempt_at=timezone.now(),
        )
    )
    if updated:
        enqueue_delivery([pk])
        messages.success(request, _("The e-mail is being sent again."))
    else:
        messages.error(request, _("This e-mail cannot be sent again."))
    return HttpResponseRedirect(reverse("drom_reports:deliveries"))
