"""the lockout must also hold on the password re-check of the user's own page."""

from __future__ import annotations

from django.conf import settings

from safepassage.casework.accounts.models import ApiToken

from .conftest import PASSWORD, World, verified_client


def test_locked_account_cannot_mint_an_api_token_with_password_guesses(world: World) -> None:
    # accounts/views.py me(): wrong passwords are counted, but the lock is never checked, so a
    # stolen session can guess the password without limit and turn it into a 30-day API token.
    client = verified_client(world.caseworker)
    for i in range(settings.AXES_FAILURE_LIMIT + 3):
        client.post("/me/", {"action": "new-token", "password": f"guess number {i} wrong"})
    client.post("/me/", {"action": "new-token", "password": PASSWORD})
    assert not ApiToken.objects.filter(user=world.caseworker).exists()
