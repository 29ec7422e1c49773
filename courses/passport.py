"""The credit passport: hours and credits earned in the current attestation period.

Bulgarian teachers need at least three qualification credits in each four-year attestation
period. Periods are counted in whole calendar years from COURSES_ATTESTATION_FIRST_YEAR.
"""

import csv
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.pdf import FONT, new_pdf
from ops.spreadsheets import csv_text

from .hours import hours_label
from .models import Enrollment

CREDITS_REQUIRED = 3
PERIOD_YEARS = 4


def attestation_period(today: date, *, first_year: int | None = None) -> tuple[date, date]:
    first_year = first_year or getattr(settings, "COURSES_ATTESTATION_FIRST_YEAR", 2024)
    start_year = first_year + ((today.year - first_year) // PERIOD_YEARS) * PERIOD_YEARS
    return date(start_year, 1, 1), date(start_year + PERIOD_YEARS - 1, 12, 31)


@dataclass
class Passport:
    start: date
    end: date
    rows: list
    hours: int
    credits: int
    in_person_hours: int = 0
    required: int = CREDITS_REQUIRED

    @property
    def hours_display(self) -> str:
        return hours_label(hours=self.hours, in_person=self.in_person_hours)

    @property
    def missing(self) -> int:
        return max(0, self.required - self.credits)


def passport_for(*, user, today: date | None = None) -> Passport:
    start, end = attestation_period(today or timezone.localdate())
    rows = list(
        Enrollment.objects.filter(
            teacher=user,
            status=Enrollment.Status.COMPLETED,
            completed_at__date__gte=start,
            completed_at__date__lte=end,
        )
        .select_related("course", "certificate")
        .order_by("completed_at")
    )
    rows = [r for r in rows if not (hasattr(r, "certificate") and r.certificate.is_revoked)]
    return Passport(
        start=start,
        end=end,
        rows=rows,
        hours=sum(r.hours_earned for r in rows),
        credits=sum(r.credits_earned for r in rows),
        in_person_hours=sum(r.in_person_hours for r in rows),
    )


def passport_csv_response(*, user) -> HttpResponse:
    passport = passport_for(user=user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="credit-passport.csv"'
    response.write("\ufeff")  # so that Excel opens the Cyrillic text as UTF-8
    # Every cell through ops.spreadsheets: no formula runs, dates and numbers read in Bulgarian.
    writer = _CellWriter(csv.writer(response, delimiter=";"))
    writer.writerow([_("Teacher"), user.get_full_name()])
    writer.writerow(
        [_("Attestation period"), f"{passport.start:%d.%m.%Y} – {passport.end:%d.%m.%Y}"]
    )
    writer.writerow([])
    writer.writerow(
        [
            _("Course"),
            _("Approved programme"),
            _("UIN"),
            _("Completed"),
            _("Academic hours"),
            _("Credits"),
            _("Certificate"),
        ]
    )
    for row in passport.rows:
        certificate = getattr(row, "certificate", None)
        writer.writerow(
            [
                row.course.title,
                row.course.programme_name,
                row.course.uin,
                timezone.localtime(row.completed_at).date(),
                row.hours_display,
                row.credits_earned,
                certificate.number if certificate else "",
            ]
        )
    writer.writerow([])
    writer.writerow([_("Total"), "", "", "", passport.hours_display, passport.credits, ""])
    writer.writerow([_("Credits required in the period"), passport.required])
    return response


class _CellWriter:
    def __init__(self, writer):
        self.writer = writer

    def writerow(self, values):
        return self.writer.writerow([csv_text(value) for value in values])


def passport_pdf_response(*, user) -> HttpResponse:
    """The same passport as a one-page PDF to print for the school's qualification file."""
    passport = passport_for(user=user)
    pdf = new_pdf(title=_("Credit passport"))
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.cell(0, 10, _("Credit passport"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 11)
    school = user.school
    lines = [
        f"{_('Teacher')}: {user.get_full_name()}",
        f"{_('School')}: {school.name} ({school.code})" if school else "",
        f"{_('Attestation period')}: {passport.start:%d.%m.%Y} – {passport.end:%d.%m.%Y}",
    ]
    for line in filter(None, lines):
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    widths = (70, 25, 22, 18, 45)
    headers = (_("Course"), _("Completed"), _("Academic hours"), _("Credits"), _("Certificate"))
    pdf.set_font(FONT, "B", 9)
    with pdf.table(col_widths=widths, text_align="LEFT") as table:
        row = table.row()
        for header in headers:
            row.cell(str(header))
        pdf.set_font(FONT, "", 9)
        for enrollment in passport.rows:
            certificate = getattr(enrollment, "certificate", None)
            row = table.row()
            title = enrollment.course.title
            if enrollment.course.uin:
                title += f" ({_('UIN')} {enrollment.course.uin})"
            row.cell(title)
            row.cell(f"{timezone.localtime(enrollment.completed_at):%d.%m.%Y}")
            row.cell(enrollment.hours_display)
            row.cell(str(enrollment.credits_earned))
            row.cell(certificate.number if certificate else "")
    pdf.ln(4)
    pdf.set_font(FONT, "B", 11)
    pdf.multi_cell(
        0,
        7,
        f"{_('Total')} — {_('Academic hours')}: {passport.hours_display}; "
        f"{_('Qualification credits')}: {passport.credits} "
        f"({_('Credits required in the period')}: {passport.required})",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    response = HttpResponse(bytes(pdf.output()), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="credit-passport.pdf"'
    return response
