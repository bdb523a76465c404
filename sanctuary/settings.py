"""Sanctuary's one settings module.

Everything that differs between deployments comes from the environment (django-environ):
``DATABASE_URL``, ``SECRET_KEY``, ``DEBUG``, ``ALLOWED_HOSTS``. With nothing set, the project
runs on an embedded SQLite file under ``var/``; production points ``DATABASE_URL`` at PostgreSQL.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from sanctuary.release import code_release

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

# A development key is only acceptable while DEBUG is on; a deployment must bring its own.
_DEV_SECRET_KEY = "django-insecure-sanctuary-development-only"
SECRET_KEY = env.str("SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment when DEBUG is off.")

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Served over HTTPS whenever DEBUG is off: HTTP is redirected, cookies are sent over HTTPS only,
# and browsers are told to remember that (HSTS). HTTPS=0 turns all of it off for plain-HTTP runs
# on loopback (the test suite, the benchmark). Behind a proxy that terminates TLS, set
# SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO so Django knows the request was HTTPS.
HTTPS = env.bool("HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
if env.str("SECURE_PROXY_SSL_HEADER", default=""):
    SECURE_PROXY_SSL_HEADER = (env.str("SECURE_PROXY_SSL_HEADER"), "https")
SECURE_CONTENT_TYPE_NOSNIFF = True  # X-Content-Type-Options: nosniff
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # and frame-ancestors 'none' in the CSP below
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp): scripts only from our own static files, never inline,
# never eval; nothing fetched from another host. Styles allow inline because plotly.js sets
# style attributes and injects its own stylesheet; no script can run through a style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "csp",
    "axes",
    "articles",
    "stances",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # A URL over MAX_URL_LENGTH is a 414, an API body over DATA_UPLOAD_MAX_MEMORY_SIZE a 413.
    "sanctuary.web.limits.RequestLimitsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous GETs answered from the shared cache, once per data version.
    "sanctuary.web.reader_cache.ReaderCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the URL: /es/... is Spanish, everything else English.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag on every non-streamed response, and 304 when the client already has it.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the history tables (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Locks out a client address after too many failed logins (django-axes); keep it last.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins from a locked-out address first
    "django.contrib.auth.backends.ModelBackend",
]
# Failed logins (the admin's login form) allowed per client address before it is locked out
# for LOGIN_COOLOFF_MINUTES; a successful login resets the count. The address is REMOTE_ADDR
# only: a client cannot escape the limit by sending a made-up X-Forwarded-For.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=60))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
if env.int("NUM_PROXIES", default=0):  # behind N trusted proxies: the client is in X-Forwarded-For
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    AXES_IPWARE_PROXY_COUNT = env.int("NUM_PROXIES")
AXES_VERBOSE = False

ROOT_URLCONF = "sanctuary.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
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

WSGI_APPLICATION = "sanctuary.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'sanctuary.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
else:
    # Reuse connections between requests, and check them before use so a restarted
    # PostgreSQL server does not surface as errors on the first request after it.
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every web process (never a process's own memory, which another process
# could make stale): the database cache table by default, Redis when CACHE_URL says so
# (e.g. redis://127.0.0.1:6379/1, served by django-redis, which keeps one client per
# connection pool). `manage.py createcachetable` creates the table.
# The table holds up to 100,000 entries (Django's default of 300 would cull a third of the
# cached responses every few hundred distinct requests).
CACHES = {
    "default": env.cache_url(
        "CACHE_URL", default="dbcache://sanctuary_cache?max_entries=100000&cull_frequency=10"
    )
}
# Every key carries the release (sanctuary.release): a new deploy never serves what old code made.
RELEASE = code_release(BASE_DIR)
CACHES["default"]["KEY_PREFIX"] = f"{CACHES['default'].get('KEY_PREFIX') or 'sanctuary'}-{RELEASE}"
# Redis degrades instead of failing (sanctuary.cache): a call it cannot answer in
# CACHE_SOCKET_TIMEOUT seconds is a miss, and readers are served from the database.
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    CACHES["default"]["BACKEND"] = "sanctuary.cache.ResilientRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        SOCKET_CONNECT_TIMEOUT=env.float("CACHE_SOCKET_TIMEOUT", default=0.5),
        SOCKET_TIMEOUT=env.float("CACHE_SOCKET_TIMEOUT", default=0.5),
    )
# While the shared cache is down the throttles cannot count: "open" lets requests through
# (readers keep their pages, as the rest of the site does), "closed" refuses anonymous API
# requests and correction reports with a 429 until it is back.
THROTTLE_WITHOUT_CACHE = env.str("THROTTLE_WITHOUT_CACHE", default="open")
if THROTTLE_WITHOUT_CACHE not in ("open", "closed"):
    raise ImproperlyConfigured('THROTTLE_WITHOUT_CACHE must be "open" or "closed".')
# The dependencies /api/health/ answers 503 without (both by default; a load balancer that
# should keep serving from the database while Redis is down checks with HEALTH_REQUIRED=database).
HEALTH_REQUIRED = env.list("HEALTH_REQUIRED", default=["database", "cache"])

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Readers' pages in English (at the root) and Spanish (under /es/), from the gettext catalogs
# in locale/ (`make messages` updates and compiles them). The API, CSV and feeds keep stable
# English field names and values.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "sanctuary.web.staticfiles.PlotlyJsFinder",  # plotly.js from the installed plotly package
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_THROTTLE_CLASSES": ["sanctuary.api.throttles.AnonThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env.str("API_ANON_RATE", default="300/minute")},
    # The anonymous throttle counts per REMOTE_ADDR; with NUM_PROXIES unset DRF would trust a
    # client's own X-Forwarded-For, so rotating that header would escape the limit.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
    "DEFAULT_PARSER_CLASSES": [
        "sanctuary.api.parsers.LimitedJSONParser",  # within a size and a nesting depth
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "sanctuary.api.pagination.Pagination",
    "PAGE_SIZE": 50,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Sanctuary API",
    "DESCRIPTION": "Where US jurisdictions stand on cooperating with ICE, and the evidence.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and Redoc from our own static files (drf-spectacular-sidecar): no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Swagger UI would ask validator.swagger.io to check the schema: another host.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    # Several models have a "kind" or "stance": name each choice set after its domain.
    "ENUM_NAME_OVERRIDES": {
        "JurisdictionKindEnum": "stances.models.JurisdictionKind",
        "SpeakerKindEnum": "stances.models.SpeakerKind",
        "EventKindEnum": "stances.models.EventKind",
        "PolicyKindEnum": "stances.models.PolicyKind",
        "StatementStanceEnum": "stances.models.StatementStance",
        "JurisdictionStanceEnum": "stances.models.Stance",
        "ReviewStatusEnum": "stances.models.ReviewStatus",
        "DatePrecisionEnum": "stances.models.DatePrecision",
        "DateSourceEnum": "stances.models.DateSource",
        "PolicyStatusEnum": "stances.models.PolicyStatus",
        "SpeakerLevelEnum": "stances.models.SpeakerLevel",
        "SourceKindEnum": "articles.models.SourceKind",
        "AgreementModelEnum": "stances.models.AgreementModel",
        "HealthStateEnum": "sanctuary.api.health.STATES",
        "GovernmentLayerEnum": "stances.rules.layers.LEVELS",
    },
}

# CSV downloads of whole lists, written once per data version for anonymous readers and sent
# from these files (sanctuary.api.downloads.stored_export); at most EXPORTS_MAX_BYTES are kept.
# Each web process may have its own folder: a file is named after the shared data version, so
# none is ever served after a write.
EXPORTS_DIR = env.path("EXPORTS_DIR", default=VAR_DIR / "exports")
EXPORTS_MAX_BYTES = env.int("EXPORTS_MAX_BYTES", default=2_000_000_000)
# Seconds a stored download is sent before it is written again, as a cached answer expires: what
# a bulk update no signal announced reaches downloads within this time at the latest.
EXPORTS_MAX_AGE = env.int("EXPORTS_MAX_AGE", default=3600)

# The longest URL (path and query) answered; a longer one gets a 414 (sanctuary.web.limits).
MAX_URL_LENGTH = env.int("MAX_URL_LENGTH", default=16_384)

# Ingestion: the largest article body accepted, in bytes.
ARTICLE_MAX_BYTES = env.int("ARTICLE_MAX_BYTES", default=2_000_000)

# The task queue (sanctuary.celery): the admin's "add article" is ingested by a worker, so no
# request waits on the pipeline. Without a broker (make run) tasks run at once, in the request.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_IGNORE_RESULT = True  # a job's outcome is kept in its IngestionJob row
CELERY_TASK_ACKS_LATE = True  # a worker that dies mid-task leaves it for another
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A broker that does not answer fails the enqueue within seconds (the job is marked failed and
# the editor told), instead of holding the editor's request.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}

# Pages one client may have made per period when no stored answer serves them (a stored answer
# is free): the rest get a 429 until the period ends. Counted in the cache.
PAGE_MISS_RATE = env.str("PAGE_MISS_RATE", default="120/minute")
# Stored answers for anonymous readers (sanctuary.web.reader_cache). Off, every answer is made by
# its view: what a reader gets whose URL nobody asked for since the last write (the benchmark's
# "uncached" column runs a server with it off).
READER_CACHE = env.bool("READER_CACHE", default=True)
# Off: a place's own pages follow the data version like every other answer (the benchmark's
# comparison of scoped and whole invalidation).
READER_CACHE_SCOPED = env.bool("READER_CACHE_SCOPED", default=True)

# Readers' correction requests stored per client address (REMOTE_ADDR) and period, counted in
# the cache: "5/hour", "20/day". Same notation as API_ANON_RATE.
CORRECTIONS_RATE = env.str("CORRECTIONS_RATE", default="5/hour")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
