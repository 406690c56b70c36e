from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from safepassage.casework.accounts.models import Role, Team


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
    code = forms.CharField(label=_("Code from your authenticator app"), max_length=8)


class NewAccountForm(forms.Form):
    username = forms.SlugField(label=_("Username"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    teams = forms.ModelMultipleChoiceField(label=_("Teams"), queryset=Team.objects.none(), required=False)
    password = forms.CharField(label=_("Initial password"), widget=forms.PasswordInput, min_length=12)


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=[("en", "English"), ("ru", "Русский")])
