"""The JSON API under schemathesis, against its own OpenAPI document (issue 9, Deliver 7).

Every operation gets generated requests, valid and invalid, as Erin (an educator with an
API token). Half the generated evidence bodies are pointed at Lena and a real target, so
the fuzzed level, weight and date reach the recording service rather than stopping at
"not your learner". Whatever comes in, the API answers
without a server error, in strict JSON (no bare Infinity or NaN), and in the shape its
document promises for the statuses it documents. Bounded so the whole run stays well
under a minute.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from continuum.evidence.services.recording import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.integrations.services.tokens import api_token_create
from continuum.wsgi import application

EXAMPLES_PER_OPERATION = 25


def strict_json(ctx, response, case) -> None:
    """A body that says it is JSON parses as strict JSON (RFC 8259 has no Infinity)."""
    if "json" in (response.headers.get("content-type") or [""])[0]:
        json.loads(response.content, parse_constant=lambda name: pytest.fail(f"bare {name}"))


@pytest.fixture
def in_process_app(world):
    """The WSGI application inside the test's transaction: like Django's test client, keep
    the start and end of each request from closing the connection that holds the
    transaction (on PostgreSQL a closed connection loses it)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield application
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_the_api_never_fails_whatever_it_is_sent(in_process_app, world):
    sample = sample_framework()
    evidence_record(
        learner=world["lena"],
        target=sample["N.1.a"],
        scorer=world["erin"],
        level=3,
        assessed_at=timezone.now(),
    )
    _token, secret = api_token_create(user=world["erin"], name="Fuzzing")
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", in_process_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 6  # frameworks (4), evidence (2), estimates (1)
    headers = {"Authorization": f"Bearer {secret}"}
    real = {"learner_id": world["lena"].pk, "target_id": sample["N.1.a"].pk}

    def aimed(pair):
        case, aim = pair
        if aim and isinstance(case.body, dict):
            case.body.update(real)
        return case

    for operation in operations:
        generated = st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        )

        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=st.tuples(generated, st.booleans()).map(aimed))
        def survives(case):
            case.call_and_validate(
                headers=headers,
                checks=[not_a_server_error, response_schema_conformance, strict_json],
            )

        survives()
