"""Forms of the teacher's account: log in by e-mail, sign up, profile, change of school."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from schools.codes import normalise_code
from schools.models import District, School, User
from schools.services import email_is_taken, unconfirmed_account


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form, asking for the e-mail address the account was made with."""

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            # Django says only "wrong e-mail or password" for an inactive account; someone who
            # knows the password deserves to hear that the e-mail is not confirmed yet.
            user = unconfirmed_account(self.cleaned_data.get("username") or "")
            password = self.cleaned_data.get("password") or ""
            if user is not None and user.check_password(password):
                raise forms.ValidationError(
                    self.error_messages["unconfirmed"], code="unconfirmed"
                ) from None
            raise

    error_messages = {
        **AuthenticationForm.error_messages,
        "unconfirmed": _(
            "Your e-mail address is not confirmed yet. Open the link in the message we sent "
            "you; if it has expired, sign up again with the same address to get a new one."
        ),
        "invalid_login": _(
            "The e-mail address or the password is not right. Both are case-sensitive "
            "except the e-mail address; check the keyboard language and try again."
        ),
    }


class DistrictChoiceForm(forms.Form):
    """Step one of picking a school without JavaScript: choose the district (a GET form)."""

    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.all(),
        empty_label=_("— choose a district —"),
        required=False,
    )


class SchoolChoiceMixin(forms.Form):
    """A school picked from the chosen district's list, or typed as its institution code."""

    school = forms.ModelChoiceField(
        label=_("School"),
        queryset=School.objects.none(),
        required=False,
        empty_label=_("— choose a school —"),
    )
    school_code = forms.CharField(
        label=_("…or the institution code (NEISPUO)"),
        max_length=10,
        required=False,
        help_text=_("The 6- or 7-digit code of the school or kindergarten, if you know it."),
    )

    def setup_schools(self, district):
        self.district = district
        if district is None:
            # No district chosen yet: the code is the only way to name the school.
            del self.fields["school"]
        else:
            self.fields["school"].queryset = School.objects.filter(
                active=True, municipality__district=district
            ).order_by("name", "settlement")

    def clean_school_code(self):
        return normalise_code(self.cleaned_data.get("school_code") or "")

    def clean(self):
        cleaned = super().clean()
        school = cleaned.get("school")
        code = cleaned.get("school_code")
        if code:
            by_code = School.objects.filter(code=code, active=True).first()
            if by_code is None:
                self.add_error(
                    "school_code", _("There is no school with the code %(code)s.") % {"code": code}
                )
            elif school is not None and school != by_code:
                self.add_error(
                    "school_code", _("The code belongs to another school than the one chosen.")
                )
            else:
                cleaned["school"] = by_code
        elif school is None:
            # On the field itself (the list, or the code when there is no list), so the error
            # summary links to where the school is chosen.
            self.add_error(
                "school" if "school" in self.fields else "school_code",
                forms.ValidationError(
                    _("Choose your school from the list or type its institution code."),
                    code="no_school",
                ),
            )
        return cleaned


class SignupForm(SchoolChoiceMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    father_name = forms.CharField(
        label=_("Father's name"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "additional-name"}),
    )
    last_name = forms.CharField(
        label=_("Family name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    position = forms.ChoiceField(label=_("Position"), choices=User.Position.choices)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits; not too close to your name."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    # The school step (district, list, code) comes first in the page; these follow it.
    field_order = [
        "school",
        "school_code",
        "email",
        "first_name",
        "father_name",
        "last_name",
        "position",
        "password1",
        "password2",
    ]

    def __init__(self, *args, district=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_schools(district)

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"].strip()).lower()
        if unconfirmed_account(email) is not None:
            # The view sends the confirmation link again for this code.
            raise forms.ValidationError(EMAIL_UNCONFIRMED, code="unconfirmed")
        if email_is_taken(email):
            raise forms.ValidationError(EMAIL_TAKEN, code="email_taken")
        return email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif password1:
            candidate = User(
                email=cleaned.get("email") or "",
                first_name=cleaned.get("first_name") or "",
                last_name=cleaned.get("last_name") or "",
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


EMAIL_UNCONFIRMED = _(
    "You have already signed up with this e-mail address but not confirmed it. We have sent "
    "the confirmation link again: open it from your inbox."
)
EMAIL_TAKEN = _(
    "An account with this e-mail address already exists. Log in, or use “Forgotten your "
    "password?” if you do not remember the password."
)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "father_name", "last_name", "position"]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "father_name": forms.TextInput(attrs={"autocomplete": "additional-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }


class SchoolChangeForm(SchoolChoiceMixin, forms.Form):
    def __init__(self, *args, district=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_schools(district)


class PasswordConfirmForm(forms.Form):
    """Asks for the password again before something that cannot be undone or leaks data."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right."), code="password_incorrect")
        return password
