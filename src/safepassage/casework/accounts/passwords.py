"""How hard a password is to guess, by zxcvbn's estimate (AUTH_PASSWORD_VALIDATORS).

Length alone lets "aaaaaaaaaaaa" through, and a list of common passwords misses "worker-worker-1"
for the account "worker". zxcvbn estimates the guesses an attacker needs, with dictionaries,
keyboard patterns, repeats, dates and the account's own name; score 3 means at least 10^8
guesses, which with argon2 and the lockout is out of reach online and slow offline.
"""

from __future__ import annotations

import threading
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from zxcvbn import zxcvbn

# zxcvbn keeps the caller's user inputs in a module-level dictionary while it estimates, so two
# threads estimating at once could see each other's; one estimate at a time.
_estimating = threading.Lock()
ESTIMATED_LENGTH = 72  # zxcvbn refuses longer input; a longer password is at least this strong


class GuessabilityValidator:
    def __init__(self, min_score: int = 3) -> None:
        self.min_score = min_score

    def validate(self, password: str, user: Any = None) -> None:
        inputs = [str(getattr(user, "username", "") or "")]
        with _estimating:
            score = int(zxcvbn(password[:ESTIMATED_LENGTH], user_inputs=inputs)["score"])
        if score < self.min_score:
            raise ValidationError(
                _("This password is too easy to guess. Use a phrase of several unrelated words, or add some."),
                code="password_too_guessable",
            )

    def get_help_text(self) -> str:
        return _("Your password must be hard to guess: a phrase of several unrelated words works well.")
