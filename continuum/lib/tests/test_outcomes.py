"""A view's form or button reports a service's refusal on the page, and a success once."""

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from continuum.lib.outcomes import attempted, submitted


class NoteForm(forms.Form):
    text = forms.CharField()


def _request(method: str = "post"):
    request = getattr(RequestFactory(), method)("/", {"text": "hello"})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _refuse():
    raise ValidationError("Not now.")


def test_a_refused_form_keeps_the_reason_on_the_form():
    request = _request()
    form = NoteForm(request.POST)
    assert not submitted(request, form, _refuse, "Saved.")
    assert form.non_field_errors() == ["Not now."]
    assert not list(get_messages(request))


def test_a_saved_form_says_so_once():
    request = _request()
    calls = []
    assert submitted(request, NoteForm(request.POST), lambda: calls.append(1), "Saved.")
    assert calls == [1]
    assert [str(m) for m in get_messages(request)] == ["Saved."]


def test_a_get_never_calls_the_service():
    request = _request("get")
    assert not submitted(request, NoteForm(), _refuse, "Saved.")


def test_a_refused_action_becomes_an_error_message():
    request = _request()
    assert not attempted(request, _refuse, "Done.")
    assert [(m.level_tag, str(m)) for m in get_messages(request)] == [("error", "Not now.")]
