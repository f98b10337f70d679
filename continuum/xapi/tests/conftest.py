import base64
import json

import pytest

from continuum.frameworks.tests.factories import sample_framework
from continuum.xapi.services import xapi_client_issue

TEMPLATES = ("xapi", "adlnet_lrs_conformance_templates_v1_0_3")
VERSION = {"X-Experience-API-Version": "1.0.3"}


@pytest.fixture
def sample(world):
    """Riverside's sample framework (four levels, 1–4); Lena has an e-mail address."""
    world["lena"].email = "lena.ortiz@maplegrove.example"
    world["lena"].save()
    return sample_framework(owner=world["district"])


@pytest.fixture
def lms(world):
    """Riverside's LMS client, recording as Erin (who teaches Lena, not Omar)."""
    client, secret = xapi_client_issue(by=world["ada"], name="Moodle", scorer=world["erin"])
    return client, basic(client.key, secret)


def basic(key: str, secret: str) -> dict[str, str]:
    token = base64.b64encode(f"{key}:{secret}".encode()).decode()
    return {"Authorization": f"Basic {token}", **VERSION}


@pytest.fixture
def template(shared_data):
    """``template("statements/default.json")``: one of ADL's conformance templates."""

    def load(name: str) -> dict:
        return json.loads((shared_data.joinpath(*TEMPLATES) / name).read_text())

    return load
