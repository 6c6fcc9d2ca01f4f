"""One settings module; every knob comes from the environment with a safe default.

DATABASE_URL  SQLite file ``db.sqlite3`` in the project directory unless set
              (``postgres://postgres@127.0.0.1:5432/test`` for PostgreSQL).
SECRET_KEY    required to serve (kpi.wsgi / kpi.asgi) unless DEBUG is on or KPI_ALLOW_DEV_KEY=1;
              manage.py, the tests and the ``kpi`` command fall back to a public development
              key (KPI_ALLOW_DEV_KEY=0 refuses that everywhere).
DEBUG         off unless ``1``/``true``/``yes``.
ALLOWED_HOSTS comma-separated; ``127.0.0.1,localhost`` by default.
"""

import os
from pathlib import Path

import dj_database_url
import fontpkg_sarabun
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("KPI_PROJECT_DIR", BASE_DIR.parent.parent))


def envbool(name: str, default: str = "0") -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from exc


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG")
#: Public (it is in the source): anyone could forge sessions and password-reset links signed
#: with it. kpi.wsgi and kpi.asgi refuse to serve with it (kpi.serving).
DEVELOPMENT_SECRET_KEY = "dev-only-not-secret-kpi-cdd-2567"
#: KPI_ALLOW_DEV_KEY as set: True/False, or None when unset (then only serving refuses the key)
KPI_ALLOW_DEV_KEY = envbool("KPI_ALLOW_DEV_KEY") if "KPI_ALLOW_DEV_KEY" in os.environ else None
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and KPI_ALLOW_DEV_KEY is False:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    # manage.py, the tests and the kpi command run without a key; serving does not.
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "simple_history",
    "kpi.org",
    "kpi.rounds",
    "kpi.documents",
    "kpi.accounts",
    "kpi.demo",
    "kpi.scores",
    "kpi.agreements",
    "kpi.results",
    "kpi.notices",
    "ninja",  # serves Swagger UI for /api/docs from its own static files, not a CDN
    "kpi.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kpi.accounts.middleware.ThaiFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "kpi.urls"
WSGI_APPLICATION = "kpi.wsgi.application"

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
                "kpi.accounts.context.nav",
                "kpi.results.context.notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{PROJECT_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Thai first; English through the i18n catalogue.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Sarabun comes from the fontpkg-sarabun package, served by the app itself (never a CDN).
STATICFILES_DIRS = [BASE_DIR / "static", ("fonts", fontpkg_sarabun.ROOT / "files")]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "staticfiles"))
# Uploaded circulars and evidence live outside the static root and are served only by views
# that check access.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", PROJECT_DIR / "media"))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

UPLOAD_MAX_BYTES = envint("KPI_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kpi@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS")
# Reminders (`kpi remind`) may also push to LINE groups through the Messaging API; off while
# the token is empty.
KPI_LINE_CHANNEL_TOKEN = os.environ.get("KPI_LINE_CHANNEL_TOKEN", "")
KPI_LINE_API_URL = os.environ.get("KPI_LINE_API_URL", "https://api.line.me/v2/bot/message/push")

SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", "0")
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", "0")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Reasons are what people typed (a return comment, a revision note): no length limit.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
