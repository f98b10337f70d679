"""How a view reports what a service did: a refusal (``ValidationError``) lands on the
form or in a message instead of a server error, and a success says what happened."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm


def submitted(request, form: BaseForm, save: Callable[[], object], done: str) -> bool:
    """Validate a POSTed form, then call the service; a refusal lands on the form."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        save()
    except ValidationError as error:
        form.add_error(None, error)
        return False
    messages.success(request, done)
    return True


def attempted(request, action: Callable[[], object], done: str) -> bool:
    """Run a one-button action; a refusal becomes an error message, not a 500."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, done)
    return True
