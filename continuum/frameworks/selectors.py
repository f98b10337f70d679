"""Reads of the learning continuum."""

from django.db.models import QuerySet

from continuum.frameworks.models import Framework


def framework_list() -> QuerySet[Framework]:
    return Framework.objects.prefetch_related("versions").order_by("title")
