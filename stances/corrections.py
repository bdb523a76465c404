"""Corrections from readers: the form under every public fact, the services that store and close
a request, and the rate limit that keeps the form from becoming a spam inbox.

A request is tied to its fact (a statement, an enforcement event or a policy action) through a
generic relation; editors read and close them in the admin (``stances.corrections_admin``).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.views.decorators.http import require_http_methods

from .models import (
    CorrectionRequest,
    CorrectionStatus,
    EnforcementEvent,
    Evidence,
    PolicyAction,
    ReviewStatus,
    Statement,
)

# The URL's kind of fact, and how to read one with what its page shows.
FACT_QUERYSETS = {
    "statement": lambda: Statement.objects.select_related("article", "speaker", "jurisdiction"),
    "event": lambda: EnforcementEvent.objects.select_related("article", "jurisdiction"),
    "policy": lambda: PolicyAction.objects.select_related("article", "jurisdiction"),
}


class CorrectionForm(forms.Form):
    # CharField strips surrounding whitespace before the length checks.
    message = forms.CharField(
        min_length=10,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        label="What is wrong?",
        help_text="What the page gets wrong and, if you can, where the right information is.",
    )
    contact = forms.CharField(
        required=False,
        max_length=200,
        label="Your email or name (optional)",
        help_text="Only if you want an editor to be able to reply. It is never published.",
    )


# Services


def correction_create(*, fact: Evidence, message: str, contact: str = "") -> CorrectionRequest:
    """An open request about a public fact; a rejected fact is not public, so not reportable."""
    if fact.review_status == ReviewStatus.REJECTED:
        raise ValidationError("This fact is not published.")
    correction = CorrectionRequest(fact=fact, message=message.strip(), contact=contact.strip())
    with transaction.atomic():
        correction.full_clean()
        correction.save()
    return correction


def correction_close(
    *, correction: CorrectionRequest, user: AbstractBaseUser, note: str = ""
) -> CorrectionRequest:
    """Close an open request, recording who closed it, when, and (if given) the editor's note."""
    with transaction.atomic():
        # Locked and re-read, so two editors closing at once cannot both record the closing.
        locked = CorrectionRequest.objects.select_for_update().get(pk=correction.pk)
        if locked.status == CorrectionStatus.CLOSED:
            raise ValidationError("This request is already closed.")
        locked.status = CorrectionStatus.CLOSED
        locked.closed_at = timezone.now()
        locked.closed_by = user
        if note.strip():
            locked.editor_note = note.strip()
        locked.full_clean()
        locked.save()
    return locked


# Rate limit: a fixed window per client address, counted in Django's cache.

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Limit:
    allowed: bool
    retry_at: dt.datetime


def parse_rate(rate: str) -> tuple[int, int]:
    """ "5/hour" -> (5, 3600). The same notation as the API's throttle rates."""
    try:
        count, period = rate.split("/")
        return int(count), PERIODS[period.strip()[0].lower()]
    except (ValueError, KeyError, IndexError):
        raise ImproperlyConfigured(
            f'CORRECTIONS_RATE must look like "5/hour", not {rate!r}.'
        ) from None


def _client_key(address: str) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client says. An IPv6 client usually holds
    # a whole /64, so it counts as one. The key is an HMAC, so the cache holds no addresses.
    try:
        ip = ipaddress.ip_address(address)
        if ip.version == 6:
            address = str(ipaddress.ip_network(f"{ip}/64", strict=False))
    except ValueError:
        pass
    return salted_hmac("stances.corrections.rate", address).hexdigest()


def rate_limit_hit(address: str) -> Limit:
    """Count one request from this address; allowed while the window's count is within the rate.

    A fixed window (the current hour for "5/hour"): its end is the time to tell the reader, and
    the key expires with it. incr is atomic on Redis; on the database cache it is a read then a
    write, so two simultaneous requests may count once, which a form for humans can afford.
    """
    allowed, period = parse_rate(settings.CORRECTIONS_RATE)
    window = int(time.time() // period)
    key = f"corrections:{_client_key(address)}:{window}"
    cache.add(key, 0, timeout=period)  # a no-op when the window already has a count
    count = cache.incr(key)
    retry_at = dt.datetime.fromtimestamp((window + 1) * period, tz=dt.UTC)
    return Limit(allowed=count <= allowed, retry_at=retry_at)


# The view


def _fact(kind: str, pk: int) -> Evidence:
    if kind not in FACT_QUERYSETS:
        raise Http404("No such kind of fact.")
    fact = FACT_QUERYSETS[kind]().visible().filter(pk=pk).first()
    if fact is None:
        raise Http404("No such fact.")
    return fact


@require_http_methods(["GET", "POST"])
def report(request, kind: str, pk: int):
    """GET: the fact and the form. POST: store the request, then redirect to the thanks (PRG)."""
    fact = _fact(kind, pk)
    context = {"fact": fact, "kind": kind}
    if request.method == "GET":
        template = "stances/report_thanks.html" if "sent" in request.GET else "stances/report.html"
        return render(request, template, {**context, "form": CorrectionForm()})
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        return render(request, "stances/report.html", {**context, "form": form}, status=400)
    limit = rate_limit_hit(request.META.get("REMOTE_ADDR", ""))
    if not limit.allowed:
        return _limited(request, {**context, "message": form.cleaned_data["message"]}, limit)
    correction_create(fact=fact, **form.cleaned_data)
    return redirect(f"{request.path}?sent=1")


def _limited(request, context: dict, limit: Limit):
    seconds = max(1, int((limit.retry_at - timezone.now()).total_seconds()))
    response = render(
        request,
        "stances/report_limited.html",
        {**context, "retry_at": limit.retry_at},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
