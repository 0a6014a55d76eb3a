"""Settings, read from environment variables through small typed helpers.

SQLite in a data folder by default, so a fresh checkout just runs; one variable
(DATABASE_URL) switches to PostgreSQL.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: str = "False") -> bool:
    return os.getenv(name, default).strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    return int(os.getenv(name, str(default)))


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.getenv("PTDV_DATA_DIR", BASE_DIR.parent / "data")).resolve()
# Personal data lives here (the SQLite file, the secret key): private to the service user.
DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
DATA_DIR.chmod(0o700)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else generated once into the data folder."""
    if os.getenv("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = envbool("DEBUG")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "ptdv.admin_apps.PTDVAdminConfig",
    # Before django.contrib.auth so that `ptdv createsuperuser` is PTĐV's (a national admin).
    "ptdv.accounts",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "treebeard",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "ptdv.org",
    "ptdv.people",
    "ptdv.cases",
    "ptdv.training",
    "ptdv.plans",
    "ptdv.reports",
    "ptdv.audit",
    "ptdv.notices",
    "ptdv.paperwork",
    "ptdv.exchange",
    "ptdv.web",
    "ptdv.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ptdv.headers.PrivacyHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ptdv.accounts.two_factor_gate.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ptdv.web.errors.MethodNotAllowedMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "ptdv.accounts.middleware.SessionLimitMiddleware",
    "ptdv.accounts.middleware.PasswordChangeRequiredMiddleware",
]

ROOT_URLCONF = "ptdv.urls"
WSGI_APPLICATION = "ptdv.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Overrides of third-party templates (the admin's base_site.html), found before the apps'.
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", f"sqlite:///{DATA_DIR / 'ptdv.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 0),
    )
}


def _private_file(path: Path) -> None:
    """Create the SQLite file 0600 before SQLite does (it would use 0644); SQLite gives its
    -wal and -shm files the database file's mode, so they stay private too."""
    if str(path) != ":memory:" and not str(path).startswith("file:"):
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        path.chmod(0o600)


if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _private_file(Path(DATABASES["default"]["NAME"]))
    # WAL lets readers work while one writer writes; IMMEDIATE + timeout makes a
    # second writer wait instead of failing with "database is locked". A province's lists
    # and exports read more than SQLite's default 2 MB page cache holds: 64 MB a connection,
    # and the file mapped for reading (a province's member export: 0.80 → 0.59 s of SQL).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Vietnamese rules and messages (ptdv.accounts.passwords).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "ptdv.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "ptdv.accounts.passwords.CommonPasswordValidator"},
    {"NAME": "ptdv.accounts.passwords.PersonalInfoValidator"},
    {"NAME": "ptdv.accounts.passwords.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
# Lock the username-and-IP pair, never a name or an address alone (ptdv.accounts.lockout):
# PTDV_LOCKOUT_MINUTES after AXES_FAILURE_LIMIT failures, doubled for each further lockout
# of the same pair within a day, at most PTDV_LOCKOUT_MAX_MINUTES.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = "ptdv.accounts.lockout.cool_off"
AXES_LOCKOUT_CALLABLE = "ptdv.accounts.lockout.locked_out_response"
AXES_USE_ATTEMPT_EXPIRATION = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
PTDV_LOCKOUT_MINUTES = envint("PTDV_LOCKOUT_MINUTES", 5)
PTDV_LOCKOUT_MAX_MINUTES = envint("PTDV_LOCKOUT_MAX_MINUTES", 24 * 60)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"
# An expired form gets a Vietnamese page in the product's layout, not Django's English one.
CSRF_FAILURE_VIEW = "ptdv.web.errors.csrf_failure"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or envbool("PTDV_TESTING")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
# Pages send the CSRF token in the page itself (base.html), so no script needs the cookie.
CSRF_COOKIE_HTTPONLY = True
# Idle timeout: activity pushes the expiry on; PTDV_SESSION_MAX_HOURS since login at most
# (ptdv.accounts.sessions, ptdv.accounts.middleware.SessionLimitMiddleware).
SESSION_COOKIE_AGE = envint("PTDV_SESSION_IDLE_MINUTES", 30) * 60
PTDV_SESSION_MAX_HOURS = envint("PTDV_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", "False")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "False")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_HTTPS_PROXY") else None
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# No inline scripts or styles anywhere (templates use static files and classes only).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "ptdv.accounts.two_factor_gate.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "ptdv.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "ptdv.api.pagination.Cursor",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "ptdv.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "ptdv.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PTĐV API",
    "DESCRIPTION": "Quản lý công tác phát triển đảng viên",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {
        "MemberStatusEnum": "ptdv.people.choices.MemberStatus",
        "StageEnum": "ptdv.cases.models.STAGE_CHOICES",
        "UnitKindEnum": "ptdv.org.models.UnitKind",
        "VillageKindEnum": "ptdv.org.models.VillageKind",
        "DocumentKindEnum": "ptdv.cases.models.DocumentKind",
    },
}

# Parameters DOMAIN.md marks "not confirmed by the texts": settings, not code.
PTDV_VERIFICATION_VALID_MONTHS = envint("PTDV_VERIFICATION_VALID_MONTHS", 12)
PTDV_INTRODUCTION_VALID_MONTHS = envint("PTDV_INTRODUCTION_VALID_MONTHS", 6)
PTDV_YOUTH_UNION_AGE = tuple(int(a) for a in envlist("PTDV_YOUTH_UNION_AGE", "16,30"))
# "Chi bộ ít đảng viên" in the structure report: fewer official members than this (the
# charter's minimum of 3 is reported apart).
PTDV_FEW_MEMBERS = envint("PTDV_FEW_MEMBERS", 5)
# Achievement counts admissions by ceremony date ("ceremony") or by decision date ("decision").
PTDV_ACHIEVEMENT_BASIS = os.getenv("PTDV_ACHIEVEMENT_BASIS", "ceremony")

# The ages a person may have when entered (ptdv/people/models.py, Person.clean).
PTDV_PERSON_MIN_AGE = envint("PTDV_PERSON_MIN_AGE", 14)
PTDV_PERSON_MAX_AGE = envint("PTDV_PERSON_MAX_AGE", 110)

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Scanned attachments (ptdv/paperwork/attachments.py): kept under the data directory, outside the
# web root, served only by a scoped view; PTDV_SCAN_MAX_MB per file.
PTDV_SCAN_DIR = DATA_DIR / "scans"
PTDV_SCAN_MAX_MB = envint("PTDV_SCAN_MAX_MB", 10)
# PDF copies of the forms through LibreOffice, when `soffice` is installed (ptdv/paperwork/pdf.py).
PTDV_SOFFICE = os.getenv("PTDV_SOFFICE", "soffice")
PTDV_PDF_TIMEOUT_SECONDS = envint("PTDV_PDF_TIMEOUT_SECONDS", 60)
# Excel/CSV imports (ptdv/exchange): uploads kept under the data directory until done;
# PTDV_IMPORT_MAX_MB per file (50,000 rows of persons are about 4 MB).
PTDV_IMPORT_DIR = DATA_DIR / "imports"
PTDV_IMPORT_MAX_MB = envint("PTDV_IMPORT_MAX_MB", 20)

# Two-factor login (ptdv/accounts/two_factor.py): the name authenticator apps show.
OTP_TOTP_ISSUER = "PTĐV"

# API tokens: only a hash is stored; a token lives PTDV_TOKEN_DAYS days unless chosen otherwise.
KNOX_TOKEN_MODEL = "accounts.ApiToken"
# knox ships a migration for its own token table even when KNOX_TOKEN_MODEL swaps it out; that
# orphan table (a foreign key to users) stops transactional tests from flushing the PostgreSQL
# test database. Our token model is accounts.ApiToken, so knox needs no migrations of its own.
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=envint("PTDV_TOKEN_DAYS", 90)),
    "AUTH_HEADER_PREFIX": "Token",
    "TOKEN_PREFIX": "ptdv_",
}

# Mail (deadline reminders, password reset links): sent only when EMAIL_HOST is set.
EMAIL_HOST = os.getenv("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "True")
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "PTĐV <ptdv@localhost>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "WARNING")},
}
