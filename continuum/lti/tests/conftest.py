import pytest
from lti_tool.models import Key

from continuum.lti.services.platforms import PlatformDetails, platform_register
from continuum.lti.tests.platform import Platform, serve, tool_key_create
from continuum.rostering.models import RosterKind, RosterRecord


@pytest.fixture
def tool_key(db) -> Key:
    """The tool's signing key, generated once for the run (half a second each)."""
    return tool_key_create()


@pytest.fixture
def lms(tool_key, world, monkeypatch, client):
    """Riverside's Canvas, registered by Ada, answering the tool's HTTP calls. Lena is in
    Riverside's roster as ``stu-lena`` and Math 6A (Erin's) as ``class-math6a``; Erin has an
    e-mail address. Lara, of Lakeside, is in Lakeside's roster as ``stu-lara``."""
    platform = Platform()
    details = {**platform.details, "deployment_ids": (platform.details["deployment_ids"],)}
    platform.registered = platform_register(by=world["ada"], details=PlatformDetails(**details))
    platform.tool_jwks = client.get("/lti/jwks.json").json()
    serve(monkeypatch, platform)
    district, lakeside = world["district"], world["lakeside"]
    RosterRecord.objects.create(
        district=district, kind=RosterKind.USER, sourced_id="stu-lena", person=world["lena"]
    )
    RosterRecord.objects.create(
        district=district,
        kind=RosterKind.CLASS,
        sourced_id="class-math6a",
        object_id=world["math_a"].pk,
    )
    RosterRecord.objects.create(
        district=lakeside, kind=RosterKind.USER, sourced_id="stu-lara", person=world["lara"]
    )
    RosterRecord.objects.create(
        district=lakeside,
        kind=RosterKind.CLASS,
        sourced_id="class-birch7",
        object_id=world["birch_math"].pk,
    )
    for name in ("erin", "lara"):
        world[name].email = f"{name}@schools.example"
        world[name].save()
    return platform
