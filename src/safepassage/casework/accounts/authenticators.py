"""The second factor: a TOTP authenticator app, with its seed sealed outside the database's reach.

Security: django-otp's own TOTP device keeps the seed in a clear column, so a copy of the
database (a stolen backup, a hosting provider's snapshot) would hand over every account's second
factor. Here the seed is sealed with AES-256-GCM under a key derived from the master key (the
vault's, never in the database) and bound to its user, so a seed copied onto another account does
not open. Verification is django-otp's: its TOTP arithmetic, its replay guard (`last_t`) and
its exponential throttling of wrong codes, which only someone who passed the password check can
trigger (accounts/views.py).
"""

from __future__ import annotations

import os
import time
from base64 import b32encode
from typing import Any
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import models
from django_otp.models import Device, ThrottlingMixin
from django_otp.oath import TOTP

from safepassage.casework.vault.keys import open_under, seal_under

SEED_BYTES = 20  # 160 bits, as RFC 4226 recommends and authenticator apps expect


class Authenticator(ThrottlingMixin, Device):  # type: ignore[misc]  # django-otp has no type hints
    sealed_seed: models.BinaryField[bytes, bytes] = models.BinaryField()
    drift: models.SmallIntegerField[int, int] = models.SmallIntegerField(default=0)  # steps the phone's clock is off by
    last_t: models.BigIntegerField[int, int] = models.BigIntegerField(default=-1)  # the step of the last code accepted: no replays

    # fixed, as every authenticator app supports them
    step = 30
    digits = 6
    tolerance = 1  # the codes of the step before and after are accepted too

    class Meta(Device.Meta):  # type: ignore[misc]
        verbose_name = "authenticator"

    def _place(self) -> bytes:
        return f"accounts.authenticator:{self.user_id}".encode()

    def set_seed(self, seed: bytes) -> None:
        self.sealed_seed = seal_under("totp-seed", seed, self._place())

    @property
    def bin_key(self) -> bytes:
        """The seed (django-otp's name for it)."""
        return open_under("totp-seed", bytes(self.sealed_seed), self._place())

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.sealed_seed:
            self.set_seed(os.urandom(SEED_BYTES))
        super().save(*args, **kwargs)

    def verify_token(self, token: object) -> bool:
        allowed, _reason = self.verify_is_allowed()
        if not allowed:
            return False
        try:
            code = int(str(token))
        except ValueError:
            verified = False
        else:
            totp = TOTP(self.bin_key, self.step, 0, self.digits, self.drift)
            totp.time = time.time()
            verified = bool(totp.verify(code, self.tolerance, self.last_t + 1))
            if verified:
                self.last_t = totp.t()
                self.drift = totp.drift
                self.throttle_reset(commit=False)
                self.save()
        if not verified:
            self.throttle_increment(commit=True)
        return verified

    def get_throttle_factor(self) -> int:
        return 1  # waits of 1, 2, 4, 8 ... seconds after successive wrong codes

    @property
    def config_url(self) -> str:
        """The otpauth:// URL an authenticator app reads from the QR code."""
        issuer = str(settings.OTP_TOTP_ISSUER).replace(":", "")
        label = f"{issuer}:{self.user.get_username()}"
        params = urlencode({"secret": b32encode(self.bin_key), "algorithm": "SHA1", "digits": self.digits, "period": self.step})
        return f"otpauth://totp/{quote(label)}?{params}&issuer={quote(issuer)}"
