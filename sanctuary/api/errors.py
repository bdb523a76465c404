"""Errors every API view answers the same way: JSON, documented in the schema."""

from rest_framework.renderers import JSONRenderer

from .negotiation import FormatNegotiation
from .schema import ApiSchema


class JSONErrorsMixin:
    """Errors are JSON whatever format was asked for: a CSV download that fails names the field
    that made it fail, in a body a client can parse. An unknown format and a malformed page
    parameter are such errors too, and the schema documents every error status (``ApiSchema``)."""

    content_negotiation_class = FormatNegotiation
    schema = ApiSchema()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if self.action == "list" and self.paginator is not None:
            self.paginator.check_parameters(request)

    def handle_exception(self, exc):
        renderer = getattr(self.request, "accepted_renderer", None)
        if renderer is not None and renderer.format in ("csv", "geojson"):
            self.request.accepted_renderer = JSONRenderer()
            self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)
