from django.contrib import admin

from continuum.sso.models import SignInAttempt, SignInProvider, SignInSettings


@admin.register(SignInSettings)
class SignInSettingsAdmin(admin.ModelAdmin):
    list_display = ["district", "passwords_enabled", "staff_mfa_required"]


@admin.register(SignInProvider)
class SignInProviderAdmin(admin.ModelAdmin):
    list_display = ["label", "district", "kind", "key", "enabled"]
    exclude = ["secret_encrypted"]  # the district's page sets it; it is never shown


@admin.register(SignInAttempt)
class SignInAttemptAdmin(admin.ModelAdmin):
    list_display = ["at", "district", "provider", "outcome", "subject", "email", "person"]
    list_filter = ["outcome"]
