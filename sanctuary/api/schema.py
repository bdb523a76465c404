"""What the OpenAPI schema (drf-spectacular) cannot read from DRF alone: the errors each operation
answers with, the reads anyone may make, and that an empty query parameter means "not given"."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import permissions

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
INVALID = {
    "type": "object",
    "description": 'Each wrong parameter or field with what is wrong, e.g. {"from": ["Enter a '
    'valid date."]}; nested for a nested field of a request body.',
    "additionalProperties": {},
}
CSV = {
    "type": "string",
    "description": "A header row, then a row per object; nested fields as parent_child columns.",
}


class ApiSchema(AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        parameters = operation.get("parameters", [])
        for parameter in parameters:
            if parameter["in"] == "query" and not parameter.get("required"):
                parameter["allowEmptyValue"] = True  # "?to=" is the same as no "to"
        for response in operation["responses"].values():
            if "text/csv" in response.get("content", {}):
                response["content"]["text/csv"]["schema"] = CSV
        for code, response in self.error_responses(operation).items():
            operation["responses"].setdefault(code, response)
        if self.method == "GET":  # ConditionalGetMiddleware
            operation["responses"]["304"] = {"description": "Not modified: If-None-Match matched."}
        return operation

    def error_responses(self, operation: dict) -> dict[str, dict]:
        parameters = operation.get("parameters", [])
        locations = {parameter["in"] for parameter in parameters}
        errors = {}
        if "query" in locations or "requestBody" in operation:
            errors["400"] = ("A parameter or field is wrong.", "ValidationErrors", INVALID)
        if "requestBody" in operation:
            # DRF's parsers answer a body they cannot read as its declared media type with a 415.
            errors["415"] = ("The body is not JSON, a form or multipart data.", "Error", ERROR)
            errors["413"] = ("The body is larger than the API reads.", "Error", ERROR)
        if self.view.get_authenticators():
            # 403, not 401: session authentication comes first, and it sends no challenge.
            errors["403"] = ("Bad credentials, or no permission to write.", "Error", ERROR)
        if "path" in locations or any(parameter["name"] == "page" for parameter in parameters):
            errors["404"] = ("No such object, or a page past the last.", "Error", ERROR)
        if self.view.get_throttles():
            errors["429"] = ("Too many anonymous requests: see Retry-After.", "Error", ERROR)
        errors["414"] = ("The URL is longer than the server accepts.", "Error", ERROR)
        errors["503"] = ("The database is unavailable: see Retry-After.", "Error", ERROR)
        return {
            code: {
                "description": description,
                "content": {"application/json": {"schema": self.component(name, schema)}},
            }
            for code, (description, name, schema) in errors.items()
        }

    def component(self, name: str, schema: dict) -> dict:
        component = ResolvedComponent(
            name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema
        )
        self.registry.register_on_missing(component)
        return component.ref

    def get_auth(self):
        """DRF's schema knows that IsAuthenticatedOrReadOnly lets anyone read; so does
        DjangoModelPermissionsOrAnonReadOnly."""
        auths = super().get_auth()
        anyone_reads = any(
            isinstance(permission, permissions.DjangoModelPermissionsOrAnonReadOnly)
            for permission in self.view.get_permissions()
        )
        if anyone_reads and self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths
