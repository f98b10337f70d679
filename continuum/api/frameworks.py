"""Frameworks in the JSON API."""

from ninja import Router, Schema
from ninja.security import django_auth

from continuum.frameworks import selectors

router = Router(tags=["frameworks"], auth=django_auth)


class FrameworkOut(Schema):
    id: int
    identifier: str
    title: str


@router.get("/", response=list[FrameworkOut], summary="List frameworks")
def list_frameworks(request):
    return selectors.framework_list()
