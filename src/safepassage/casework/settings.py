"""Django settings, read from the environment so one code base serves a laptop demo (SQLite in
the instance folder) and a team server (PostgreSQL through DATABASE_URL).

Security decisions are stated where they are made; docs/threat-model.md explains the why.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from safepassage.casework.environment import SettingError, address, flag, number
from safepassage.casework.instance import instance_dir, secret_key

BASE_DIR = Path(__file__).resolve().parent
HOME = instance_dir()

SECRET_KEY = os.environ.get("SAFEPASSAGE_SECRET_KEY") or secret_key(HOME)
# Never DEBUG in a deployment: the debug page prints request data and settings.
DEBUG = flag("SAFEPASSAGE_DEBUG")
ALLOWED_HOSTS = os.environ.get("SAFEPASSAGE_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
HTTPS = flag("SAFEPASSAGE_HTTPS")
# The TLS proxy whose X-Forwarded-Proto and X-Forwarded-For `safepassage serve` believes
# (waitress's trusted_proxy; from any other sender these headers are removed). With HTTPS on it
# defaults to a proxy on this machine; without HTTPS no proxy header is believed at all.
TRUSTED_PROXY = address("SAFEPASSAGE_TRUSTED_PROXY", "127.0.0.1" if HTTPS else None)
if TRUSTED_PROXY is not None and not HTTPS:
    raise SettingError("SAFEPASSAGE_TRUSTED_PROXY: only used with SAFEPASSAGE_HTTPS=1 (TLS at that proxy)")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "axes",
    "safepassage.casework.security",
    "safepassage.casework.vault",
    "safepassage.casework.audit",
    "safepassage.casework.accounts",
    "safepassage.casework.cases",
    "safepassage.casework.assessments",
    "safepassage.casework.api",
    "safepassage.casework.monitoring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "safepassage.casework.security.middleware.no_store_and_headers",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "safepassage.casework.accounts.middleware.user_language",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "safepassage.casework.urls"
WSGI_APPLICATION = "safepassage.casework.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "/"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "safepassage.casework.security.context.quick_exit",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{HOME / 'casework.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # IMMEDIATE takes the write lock at BEGIN, so two requests cannot both read the audit
    # chain's head and then collide; WAL lets readers go on meanwhile. secure_delete zeroes
    # deleted rows in the file instead of leaving them in free pages (an erased case's rows).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# argon2 first: new and upgraded passwords are stored with it.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# At least 12 characters, and hard to guess by zxcvbn's estimate (which also covers common
# passwords and the account's own name): accounts/passwords.py.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "safepassage.casework.accounts.passwords.GuessabilityValidator", "OPTIONS": {"min_score": 3}},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Lockout (accounts/lockout.py): 5 failed passwords or codes for one name at one address lock
# that pair for a minute, each further failure doubles the wait (up to a day). Our handler
# keeps only keyed hashes: no name as typed, no address, no form data, no user agent.
AXES_HANDLER = "safepassage.casework.accounts.lockout.LockoutHandler"
AXES_LOCKOUT_CALLABLE = "safepassage.casework.accounts.lockout.lockout_response"
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # what the handler counts by
AXES_DISABLE_ACCESS_LOG = True  # logins are in the audit log, which is pruned (audit/retention.py)
AXES_VERBOSE = False
# axes logs some events with a description of the client, including the username as typed
# (people type passwords there): log a constant instead.
AXES_CLIENT_STR_CALLABLE = "safepassage.casework.security.logs.no_client_details"

# Sessions in the database under an HMAC of the cookie, their data sealed to that row: a copy of
# django_session is no login (security/sessions.py).
SESSION_ENGINE = "safepassage.casework.security.sessions"
# Short sessions: a phone left unlocked in a shelter office should not stay logged in.
SESSION_COOKIE_AGE = number("SAFEPASSAGE_SESSION_SECONDS", 1800)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
# No SECURE_PROXY_SSL_HEADER: Django cannot tell who sent a header, so it would believe an
# "X-Forwarded-Proto: https" from anyone. waitress believes it only from TRUSTED_PROXY and then
# sets the request's scheme itself (cli/web_commands.py, serve).
if HTTPS:
    CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on form posts,
# which CSRF protection rightly refuses. Links to sources (other sites) still get no referrer,
# so no case URL ever reaches another site.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
OTP_TOTP_ISSUER = "Safe Passage"

# Content security policy: only our own scripts, styles and images; no third party at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],  # the nonce admits only the per-report map colours
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True  # serve from the package, no collectstatic step for the demo
WHITENOISE_AUTOREFRESH = DEBUG

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024  # form fields other than files
# Attachments never touch the disk unencrypted, and stop at the size limit for anyone:
FILE_UPLOAD_HANDLERS = ["safepassage.casework.security.uploads.MemoryOnlyUploadHandler"]
FILE_UPLOAD_MAX_MEMORY_SIZE = ATTACHMENT_MAX_BYTES

# Where the user is sent by the quick-exit control: a neutral, common page.
QUICK_EXIT_URL = os.environ.get("SAFEPASSAGE_QUICK_EXIT_URL", "https://www.bbc.com/weather")

# Keys (docs/threat-model.md): the master key lives in a file outside the database; case keys,
# wrapped by it, live in a key store outside the database and outside every backup.
SAFEPASSAGE_KEY_PROVIDER = os.environ.get(
    "SAFEPASSAGE_KEY_PROVIDER", "safepassage.casework.vault.keys.FileKeyProvider"
)
SAFEPASSAGE_MASTER_KEY_FILE = Path(os.environ.get("SAFEPASSAGE_MASTER_KEY_FILE", HOME / "master.key"))
SAFEPASSAGE_CASE_KEY_DIR = Path(os.environ.get("SAFEPASSAGE_CASE_KEY_DIR", HOME / "case-keys"))
SAFEPASSAGE_AUDIT_ANCHOR = Path(os.environ.get("SAFEPASSAGE_AUDIT_ANCHOR", HOME / "audit-anchor.json"))
# Audit entries older than this many days are deleted (audit/retention.py): who read which case
# when is itself sensitive, and an insider investigation rarely reaches further back.
SAFEPASSAGE_RETENTION_DAYS = number("SAFEPASSAGE_RETENTION_DAYS", 180)
# The news monitor's finished and failed jobs are deleted after this many days, by the same
# pruning (monitoring/jobs.py): the queue is for work to do, not a record of what was read.
SAFEPASSAGE_MONITOR_JOB_DAYS = number("SAFEPASSAGE_MONITOR_JOB_DAYS", 7)

# Logging: one line per request (method, route, status), never query strings, bodies, or
# exception reports with request data; the scrubbing filter enforces it on every handler.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub": {"()": "safepassage.casework.security.logs.ScrubFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["scrub"], "formatter": "plain"}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("SAFEPASSAGE_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's request logger would attach the request object (with POST data) to records.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
ADMINS: list[tuple[str, str]] = []  # no e-mailed error reports: they would carry request data
