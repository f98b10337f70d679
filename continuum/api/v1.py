"""Continuum's versioned JSON API (django-ninja). OpenAPI at /api/v1/openapi.json.

Routers call the same services and selectors as the HTML views; none holds logic.
"""

from functools import partial

from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from continuum.api.evidence import estimates_router
from continuum.api.evidence import router as evidence_router
from continuum.api.frameworks import router as frameworks_router
from continuum.api.limits import (
    BoundedParser,
    FiniteJSONRenderer,
    http_error_response,
    validation_error_response,
)

api = NinjaAPI(
    title="Continuum API",
    version="1",
    urls_namespace="api-v1",
    description="Competency frameworks, learners' progress and evidence.",
    parser=BoundedParser(),
    renderer=FiniteJSONRenderer(),
)
api.add_router("/frameworks", frameworks_router)
api.add_router("/evidence", evidence_router)
api.add_router("/estimates", estimates_router)
api.add_exception_handler(HttpError, partial(http_error_response, api))
api.add_exception_handler(ValidationError, partial(validation_error_response, api))
