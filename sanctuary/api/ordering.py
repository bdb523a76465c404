"""``?ordering=``: any offered order, made stable, with empty values last."""

from django.db.models import F
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter


class StableOrderingFilter(OrderingFilter):
    """Any requested order, then id, so pages never overlap or skip rows on ties."""

    def remove_invalid_fields(self, queryset, fields, view, request):
        """An ordering the view does not offer is a 400, not silently the default order."""
        valid = super().remove_invalid_fields(queryset, fields, view, request)
        invalid = [term for term in fields if term not in valid]
        if invalid:
            offered = ", ".join(view.ordering_fields)
            message = f"Cannot order by {', '.join(invalid)!r}: one of {offered}, or -one."
            raise ValidationError({self.ordering_param: [message]})
        return valid

    def get_schema_operation_parameters(self, view):
        (parameter,) = super().get_schema_operation_parameters(view)
        names = "|".join(view.ordering_fields)
        parameter["description"] = (
            f"Comma-separated, each optionally prefixed with - (descending): "
            f"{', '.join(view.ordering_fields)}."
        )
        parameter["schema"]["pattern"] = f"^-?({names})(,-?({names}))*$"
        return [parameter]

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if ordering and not any(field.lstrip("-") == "id" for field in ordering):
            ordering = [*ordering, "-id" if ordering[0].startswith("-") else "id"]
        return ordering

    def filter_queryset(self, request, queryset, view):
        # Empty values (an undated fact) last in either direction, as in the default orders:
        # PostgreSQL and SQLite would otherwise put them at opposite ends.
        ordering = self.get_ordering(request, queryset, view)
        if not ordering:
            return queryset
        return queryset.order_by(
            *(
                F(name[1:]).desc(nulls_last=True)
                if name.startswith("-")
                else F(name).asc(nulls_last=True)
                for name in ordering
            )
        )
