"""Settings for the test run: the real settings, with the instance folder (master key, case-key
store, audit anchor) in a fresh temporary directory. DATABASE_URL picks PostgreSQL when set."""

import os
import tempfile

os.environ["SAFEPASSAGE_HOME"] = tempfile.mkdtemp(prefix="safepassage-test-")
os.environ.setdefault("SAFEPASSAGE_QUICK_EXIT_URL", "about:blank")

from safepassage.casework.settings import *  # noqa: F403

# Fast hashing in tests only; the argon2 configuration itself is tested in test_login.py.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, as in production: an in-memory database shares one cache with table-level locks,
    # which behaves differently under concurrent writers.
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(os.environ["SAFEPASSAGE_HOME"], "test.sqlite3")}  # noqa: F405
