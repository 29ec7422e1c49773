"""Issuing and revoking certificates: numbered per year, with the holder's and the programme's
details copied as they are on the day of issue (services.py calls it when a course completes)."""

import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ops import audit

from .errors import CourseError
from .models import Certificate, CertificateCounter, CertificateIssuer, CoursePage, Enrollment


def _next_serial(year: int) -> int:
    counter, _created = CertificateCounter.objects.select_for_update().get_or_create(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _english(english: CoursePage | None, field: str, original: str) -> str:
    """The English translation's value of `field`, or "" where it was never translated."""
    value = getattr(english, field, "") if english else ""
    return value if value and value != original else ""


def _modules_snapshot(course: CoursePage, english: CoursePage | None) -> list[dict]:
    """The programme's modules with their English titles (matched by block id, which a
    translation keeps), as they are on the day of issue."""
    english_titles = {}
    if english is not None:
        english_titles = {block.id: block.value["title"] for block in english.modules}
    return [
        {
            "title": block.value["title"],
            "title_en": english_titles.get(block.id, ""),
            "hours": block.value["hours"],
        }
        for block in course.modules
    ]


@transaction.atomic
def certificate_issue(*, enrollment: Enrollment) -> Certificate:
    """Issue the certificate of a completed enrollment (once), numbered in the year's register."""
    existing = Certificate.objects.filter(enrollment=enrollment).first()
    if existing:
        return existing
    if enrollment.status != Enrollment.Status.COMPLETED:
        raise CourseError(_("A certificate is issued only for a completed course."))
    teacher = enrollment.teacher
    course = enrollment.course
    school = enrollment.school
    district = school.municipality.district if school else None
    now = timezone.now()
    year = timezone.localdate(now).year
    serial = _next_serial(year)
    english = course.get_translations().filter(locale__language_code="en").first()
    english = english.specific if english else None
    started_on = timezone.localdate(enrollment.enrolled_at)
    completed_on = max(timezone.localdate(enrollment.completed_at), started_on)
    certificate = Certificate.objects.create(
        enrollment=enrollment,
        number=f"{year}-{serial:06d}",
        year=year,
        serial=serial,
        code=secrets.token_urlsafe(18),
        issued_at=now,
        issued_on=max(timezone.localdate(now), completed_on),
        holder_name=teacher.get_full_name(),
        position=teacher.position,
        school_name=school.name if school else "",
        school_code=school.code if school else "",
        town=school.settlement if school else "",
        district=district.name if district else "",
        district_en=district.name_en if district else "",
        course_title=course.title,
        course_title_en=english.title if english else "",
        programme_name=course.programme_name if course.is_approved_programme else "",
        uin=course.uin if course.is_approved_programme else "",
        provider=course.provider,
        provider_en=_english(english, "provider", course.provider),
        programme_name_en=(
            _english(english, "programme_name", course.programme_name)
            if course.is_approved_programme
            else ""
        ),
        hours=enrollment.hours_earned,
        in_person_hours=enrollment.in_person_hours,
        credits=enrollment.credits_earned or None,
        started_on=started_on,
        completed_on=completed_on,
        training_form=course.training_form,
        modules=_modules_snapshot(course, english),
        issuer=CertificateIssuer.current().snapshot(provider=course.provider),
    )
    audit.record(instance=certificate, action=audit.CERTIFICATE_ISSUE)
    return certificate


@transaction.atomic
def certificate_revoke(
    *, certificate: Certificate, by: AbstractBaseUser, reason: str
) -> Certificate:
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at:
        return certificate
    reason = reason.strip()
    if not reason:
        raise CourseError(_("Give the reason for revoking the certificate."))
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revocation_reason = reason[:300]
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    audit.record(
        instance=certificate,
        action=audit.CERTIFICATE_REVOKE,
        user=by,
        data={"reason": certificate.revocation_reason},
    )
    return certificate
