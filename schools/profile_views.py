"""The teacher's own profile: name and position, change of school, download data, close account.

Each view acts on request.user only, so there is no other person's data to reach by URL.
"""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .forms import DistrictChoiceForm, PasswordConfirmForm, ProfileForm, SchoolChangeForm
from .signup_views import chosen_district


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
        return redirect("/")
    return render(request, "schools/profile_delete.html", {"form": form})
