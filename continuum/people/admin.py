from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from continuum.people import models


@admin.register(models.User)
class ContinuumUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "first_name", "last_name", "role", "organization")
    list_filter = ("role", "organization")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Continuum", {"fields": ("role", "organization", "preferred_language")}),
    )


admin.site.register(models.Organization)
admin.site.register(models.Section)
admin.site.register(models.Enrollment)
admin.site.register(models.GuardianLink)
admin.site.register(models.CaseloadAssignment)
admin.site.register(models.Placement)
