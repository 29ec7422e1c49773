"""Erasure rules for the account itself, its sign-in traces and the Wagtail records around it
(see ops.erasure for how rules are declared and run)."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.contenttypes.models import ContentType
from wagtail.admin.models import EditingSession, FormState
from wagtail.models import APIToken, ModelLogEntry, Page, PageSubscription
from wagtail.users.models import UserProfile

from ops.erasure import Identity, delete_files_on_commit, rule

from .models import User


@rule(
    "schools.User",
    how="Name and e-mail address replaced, password made unusable, sign-in closed, regions "
    "cleared; the row stays with school and position so that learning records still count.",
)
def erase_account(*, user, identity: Identity) -> None:
    """Done by schools.services.user_anonymise itself, which runs the other rules."""


@rule(
    "schools.SchoolChange",
    how="Kept: which school the anonymised account moved between, for the school's counts.",
)
def keep_school_changes(*, user, identity: Identity) -> None:
    pass


@rule(
    "axes.AccessAttempt",
    "axes.AccessLog",
    "axes.AccessFailureLog",
    how="Sign-in attempts and logs under the person's e-mail address are deleted.",
)
def erase_sign_in_traces(*, user, identity: Identity) -> None:
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__iexact=identity.email).delete()


@rule(
    "wagtailusers.UserProfile",
    "wagtailadmin.EditingSession",
    "wagtailadmin.FormState",
    "wagtailcore.PageSubscription",
    "wagtailcore.APIToken",
    how="The admin profile (with its avatar), open editing sessions, saved form states, page "
    "subscriptions and API tokens are deleted.",
)
def erase_admin_traces(*, user, identity: Identity) -> None:
    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None:
        delete_files_on_commit([profile.avatar])
        profile.delete()
    EditingSession.objects.filter(user=user).delete()
    FormState.objects.filter(user=user).delete()
    PageSubscription.objects.filter(user=user).delete()
    APIToken.objects.filter(user=user).delete()


@rule(
    "wagtailcore.ModelLogEntry",
    "wagtailcore.PageLogEntry",
    "wagtailcore.Page",
    how="Log entries about the account get the anonymised name as their label; pages the "
    "person had locked are unlocked; entries and pages the person made keep pointing at the "
    "anonymised account.",
)
def erase_log_labels(*, user, identity: Identity) -> None:
    content_type = ContentType.objects.get_for_model(User)
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(user.pk)).update(
        label=identity.erased_name, data={}
    )
    Page.objects.filter(locked_by=user).update(locked=False, locked_by=None, locked_at=None)


@rule(
    "wagtailcore.Revision",
    "wagtailcore.WorkflowState",
    "wagtailcore.TaskState",
    "wagtailcore.Comment",
    "wagtailcore.CommentReply",
    "wagtailcore.UploadedFile",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailmedia.Media",
    "wagtail_localize.StringTranslation",
    "wagtail_localize.SegmentOverride",
    how="Kept: editorial history (revisions, reviews, comments, uploads, translations) points "
    "at the anonymised account and holds no personal data of its own.",
)
def keep_editorial_history(*, user, identity: Identity) -> None:
    pass


@rule(
    "wagtailsearch.IndexEntry",
    how="Holds pages, images, documents and media only: no model with personal data is "
    "indexed (tests/schools/test_erasure.py checks).",
)
def search_index_holds_no_people(*, user, identity: Identity) -> None:
    pass
