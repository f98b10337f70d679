"""Business transitions are announced by the services that make them (decision 0012), never
heard from a model's ``save()`` or ``delete()``: the only model-signal receivers left are
django-simple-history's, which write the audit."""

import pytest
from django.apps import apps
from django.db.models import signals

from continuum.evidence.models import Estimate, Evidence
from continuum.learning.models import Reassessment
from continuum.pathways.models import CheckIn

MODEL_SIGNALS = {
    name: getattr(signals, name)
    for name in (
        "pre_init",
        "post_init",
        "pre_save",
        "post_save",
        "pre_delete",
        "post_delete",
        "m2m_changed",
    )
}
AUDIT = "simple_history.models"


def _receivers(model) -> dict[str, list[str]]:
    """Each model signal's live receivers for ``model``, as "module.qualname"."""
    found = {}
    for name, signal in MODEL_SIGNALS.items():
        sync, asynchronous = signal._live_receivers(model)
        found[name] = [
            f"{getattr(r, '__module__', '')}.{getattr(r, '__qualname__', repr(r))}"
            for r in [*sync, *asynchronous]
        ]
    return found


@pytest.mark.parametrize("model", [Evidence, Estimate, Reassessment, CheckIn])
def test_no_receiver_hears_evidence_estimates_reassessments_or_check_ins_being_saved(model):
    heard = _receivers(model)
    assert not signals.pre_save.has_listeners(model)
    assert all(receiver.startswith(f"{AUDIT}.") for names in heard.values() for receiver in names)


def test_no_continuum_module_listens_to_any_model_signal():
    listening = {
        (model.__name__, name, receiver)
        for model in apps.get_models()
        for name, receivers in _receivers(model).items()
        for receiver in receivers
        if receiver.startswith("continuum.")
    }
    assert listening == set()
