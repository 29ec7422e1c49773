"""The teacher's own account: sign-up with e-mail confirmation, the account page and the profile.

Log in, out and passwords use Django's views (see schools/urls.py). The profile views act on
request.user only, so there is no other person's data to reach by URL.
"""

import json
from functools import wraps

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from ops.addresses import base_url
from schools import selectors, services
from schools.models import District

from .forms import (
    EMAIL_TAKEN,
    DistrictChoiceForm,
    PasswordConfirmForm,
    ProfileForm,
    SchoolChangeForm,
    SignupForm,
)
from .tokens import BadToken, signup_token_read


@never_cache
@login_required
def account(request):
    user = request.user
    school = user.school
    if school is not None:
        # One query for the school and the places above it, instead of one per level.
        school = (
            type(school).objects.select_related("municipality__district__region").get(pk=school.pk)
        )
    return render(request, "registration/account.html", {"account_user": user, "school": school})


# ----------------------------------------------------------------------------- sign-up

# Each sign-up sends an e-mail; this keeps the form from being used to flood mailboxes. Generous,
# because a whole school's staff may sign up from one address during a training day.
SIGNUPS_PER_ADDRESS_PER_HOUR = 30


def _too_many_signups(request) -> bool:
    # The same client address the login lockout (django-axes) uses, proxies considered.
    key = f"schools:signup:{get_client_ip_address(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        return cache.incr(key) > SIGNUPS_PER_ADDRESS_PER_HOUR
    except ValueError:  # the key expired between add and incr
        return False


def chosen_district(request) -> District | None:
    """The district picked in step one (?district=…), carried on in the POST as a hidden field."""
    value = request.POST.get("district") or request.GET.get("district")
    if not value or not str(value).isdigit():
        return None
    return District.objects.filter(pk=value).first()


@never_cache
@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("account")
    district = chosen_district(request)
    if request.method == "POST" and "show_schools" in request.POST:
        # Step one without JavaScript: the district's schools, and everything typed so far kept
        # (the passwords are never sent back into a page).
        typed = {k: v for k, v in request.POST.items() if not k.startswith("password")}
        form = SignupForm(initial=typed, district=district)
    elif request.method == "POST":
        form = SignupForm(request.POST, district=district)
        if _too_many_signups(request):
            form.add_error(
                None, _("Too many sign-ups from your network this hour. Please try again later.")
            )
        elif form.has_error("email", "unconfirmed"):
            user = services.unconfirmed_account(request.POST.get("email", ""))
            services.signup_confirmation_send(user=user, confirm_url_base=base_url(request))
        elif form.is_valid():
            data = form.cleaned_data
            try:
                user = services.user_signup(
                    email=data["email"],
                    first_name=data["first_name"],
                    father_name=data["father_name"],
                    last_name=data["last_name"],
                    position=data["position"],
                    school=data["school"],
                    password=data["password1"],
                )
            except services.EmailTaken:
                # Two sign-ups with one address racing each other: the second one lands here.
                form.add_error("email", EMAIL_TAKEN)
            else:
                services.signup_confirmation_send(user=user, confirm_url_base=base_url(request))
                request.session["signup_email"] = user.email
                return redirect("signup_sent")
    else:
        form = SignupForm(district=district)
    district_form = DistrictChoiceForm(initial={"district": district})
    return render(
        request,
        "schools/signup.html",
        {"form": form, "district_form": district_form, "district": district},
    )


@never_cache
def signup_sent(request):
    return render(
        request, "schools/signup_sent.html", {"email": request.session.get("signup_email")}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def signup_confirm(request, token):
    """GET shows a button; only the POST activates, so a mail scanner's prefetch changes nothing."""
    if request.method == "POST":
        try:
            services.user_confirm_email(token=token)
        except BadToken:
            return render(request, "schools/signup_confirm.html", {"invalid": True}, status=400)
        messages.success(request, _("Your e-mail address is confirmed. You can log in now."))
        return redirect("login")
    try:
        signup_token_read(token)
    except BadToken:
        return render(request, "schools/signup_confirm.html", {"invalid": True}, status=400)
    return render(request, "schools/signup_confirm.html", {"invalid": False})


# ----------------------------------------------------------------------------- profile


def _school_with_place(user):
    if user.school_id is None:
        return None
    return type(user.school).objects.select_related("municipality__district").get(pk=user.school_id)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        services.user_profile_update(user=user, **form.cleaned_data)
        messages.success(request, _("Your details are saved."))
        return redirect("profile")
    return render(
        request,
        "schools/profile.html",
        {
            "form": form,
            "school": _school_with_place(user),
            "changes": selectors.school_changes_for(user=user),
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile_school(request):
    user = request.user
    district = chosen_district(request)
    form = SchoolChangeForm(request.POST or None, district=district)
    if request.method == "POST" and form.is_valid():
        change = services.user_school_change(user=user, school=form.cleaned_data["school"])
        if change is None:
            messages.info(request, _("That is already your school; nothing changed."))
        else:
            messages.success(request, _("Your school is changed."))
        return redirect("profile")
    return render(
        request,
        "schools/profile_school.html",
        {
            "form": form,
            "district": district,
            "district_form": DistrictChoiceForm(initial={"district": district}),
            "school": _school_with_place(user),
        },
    )


@never_cache
@login_required
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def profile_data(request):
    form = PasswordConfirmForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = selectors.user_data_export(user=request.user)
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        filename = f"drom-my-data-{timezone.localdate().isoformat()}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return render(request, "schools/profile_data.html", {"form": form})


# A teacher on a shared school computer or a colleague's phone: on logout the browser drops its
# cached pages and the site's storage (offline copies, a service worker's caches), so the next
# person finds nothing of hers. Cookies are not cleared: the logout has ended the session, and
# the language choice stays.
CLEAR_SITE_DATA = '"cache", "storage"'


def clearing_site_data(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not request.user.is_authenticated and response.status_code in (200, 302):
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response

    return wrapped


@never_cache
@login_required
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def profile_delete(request):
    form = PasswordConfirmForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_anonymise(user=request.user)
        logout(request)
        messages.success(request, _("Your account is deleted. Thank you for having been with us."))
        response = redirect("/")
        response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response
    return render(request, "schools/profile_delete.html", {"form": form})
