""" "Report a problem": the form under every public fact, rate-limited per client so that it
does not become a spam inbox (DRF's throttle, at ``CORRECTIONS_RATE``)."""

from __future__ import annotations

import datetime as dt
import ipaddress

from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from rest_framework.throttling import SimpleRateThrottle

from sanctuary.api.throttles import CacheOutagePolicy
from stances.models import EnforcementEvent, Evidence, PolicyAction, Statement
from stances.services.corrections import correction_create

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
        label=_("What is wrong?"),
        help_text=_("What the page gets wrong and, if you can, where the right information is."),
    )
    contact = forms.CharField(
        required=False,
        max_length=200,
        label=_("Your email or name (optional)"),
        help_text=_("Only if you want an editor to be able to reply. It is never published."),
    )


class CorrectionsThrottle(CacheOutagePolicy, SimpleRateThrottle):
    """Reports stored per client and period (``CORRECTIONS_RATE``, "5/hour"), counted in the
    shared cache. The client is DRF's (``REMOTE_ADDR``, or behind ``NUM_PROXIES`` trusted proxies
    the address they report); an IPv6 client usually holds a whole /64, so it counts as one. The
    key is an HMAC, so the cache holds no addresses."""

    scope = "corrections"

    def get_rate(self) -> str:
        return settings.CORRECTIONS_RATE

    def parse_rate(self, rate: str) -> tuple[int, int]:
        """ "5/hour" -> (5, 3600), as the API's throttle rates read; a malformed rate is a
        configuration error that names the setting."""
        try:
            return super().parse_rate(rate)
        except (ValueError, KeyError, IndexError):
            raise ImproperlyConfigured(
                f'CORRECTIONS_RATE must look like "5/hour", not {rate!r}.'
            ) from None

    def get_cache_key(self, request, view) -> str:
        address = self.get_ident(request)
        try:
            ip = ipaddress.ip_address(address)
            if ip.version == 6:
                address = str(ipaddress.ip_network(f"{ip}/64", strict=False))
        except ValueError:
            pass
        ident = salted_hmac("stances.corrections.rate", address).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": ident}


def _fact(kind: str, pk: int) -> Evidence:
    if kind not in FACT_QUERYSETS:
        raise Http404("No such kind of fact.")
    fact = FACT_QUERYSETS[kind]().visible().filter(pk=pk).first()
    if fact is None:
        raise Http404("No such fact.")
    return fact


@require_http_methods(["GET", "HEAD", "POST"])
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
    throttle = CorrectionsThrottle()
    if not throttle.allow_request(request, None):
        context["message"] = form.cleaned_data["message"]
        return _limited(request, context, seconds=max(1, int(throttle.wait() or 1)))
    correction_create(fact=fact, **form.cleaned_data)
    return redirect(f"{request.path}?sent=1")


def _limited(request, context: dict, *, seconds: int):
    retry_at = timezone.now() + dt.timedelta(seconds=seconds)
    response = render(
        request, "stances/report_limited.html", {**context, "retry_at": retry_at}, status=429
    )
    response["Retry-After"] = str(seconds)
    return response
