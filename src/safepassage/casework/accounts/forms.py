from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from safepassage.casework.accounts.models import Role, Team, User


class LoginForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class EnrolForm(forms.Form):
    new_password = forms.CharField(label=_("Choose your own password"), widget=forms.PasswordInput, required=False)
    new_password_again = forms.CharField(label=_("The same password again"), widget=forms.PasswordInput, required=False)
    code = forms.CharField(label=_("Code from your authenticator app"), max_length=8)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.must_set_password = user.must_set_password
        if not self.must_set_password:
            del self.fields["new_password"]
            del self.fields["new_password_again"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.must_set_password:
            password = data.get("new_password") or ""
            if password != data.get("new_password_again"):
                raise forms.ValidationError(_("The two passwords differ."))
            if self.user.check_password(password):
                raise forms.ValidationError(_("Choose a password different from the one you were given."))
            validate_password(password, self.user)
        return data


class NewAccountForm(forms.Form):
    username = forms.SlugField(label=_("Username"), max_length=150)
    # A new account is a caseworker unless its creator chooses otherwise: the least access.
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.CASEWORKER)

    def __init__(self, *args: Any, roles: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(value, label) for value, label in Role.choices if value in roles]  # type: ignore[attr-defined]


class AccessForm(forms.Form):
    """A coordinator decides a person's teams and whether they coordinate."""

    role = forms.ChoiceField(label=_("Role"), choices=[(Role.CASEWORKER, _("caseworker")), (Role.COORDINATOR, _("coordinator"))])
    teams = forms.ModelMultipleChoiceField(label=_("Teams"), queryset=Team.objects.none(), required=False, widget=forms.CheckboxSelectMultiple)


class PasswordCheckForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=[("en", "English"), ("ru", "Русский")])
