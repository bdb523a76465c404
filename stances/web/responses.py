"""Answers the pages share."""

from django.shortcuts import render


def invalid_filters(request, template: str, context: dict, *forms):
    """400, with every error listed at the top (some fields have no place of their own)."""
    errors = [
        (name if name != "__all__" else "", message)
        for form in forms
        for name, messages in form.errors.items()
        for message in messages
    ]
    return render(
        request, template, {**context, "invalid": True, "filter_errors": errors}, status=400
    )
