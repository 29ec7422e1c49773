"""Account screens: the teacher's own account page. Log in, out and passwords use Django's views."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache


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
