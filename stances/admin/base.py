"""What every admin of facts and places shares: history with reverts that are changes, saving
through the form's service, deleting through the deletion service, and a fact's words shown in
their paragraph."""

from django.contrib.admin.options import ModelAdmin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from stances.services.deletion import records_delete


class HistoryAdmin(SimpleHistoryAdmin):
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history saves a revert for anyone who may view the history; a revert is a change.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class ServiceAdmin(HistoryAdmin):
    """Saves through the form's service (``forms.ServiceForm.write``), deletes through
    ``records_delete``. These admins have no inline formsets, so save_form is reached only once
    everything is valid."""

    def save_form(self, request, form, change):
        return form.write(user=request.user)

    def save_model(self, request, obj, form, change):
        """Already saved by save_form's service call."""

    def delete_model(self, request, obj):
        records_delete([obj])

    def delete_queryset(self, request, queryset):
        records_delete(list(queryset))


def deletes_through_service(admin_class: type[ModelAdmin]) -> type[ModelAdmin]:
    """For admins that save with Django's own forms: deletions still go through the service."""
    admin_class.delete_model = ServiceAdmin.delete_model
    admin_class.delete_queryset = ServiceAdmin.delete_queryset
    return admin_class
