from types import SimpleNamespace

from continuum.lib.per_request import per_request


def test_an_object_is_loaded_once_per_request_and_key():
    loads = []
    request = SimpleNamespace()

    def load():
        loads.append(1)
        return object()

    first = per_request(request, "_thing_1", load)
    assert per_request(request, "_thing_1", load) is first
    assert per_request(request, "_thing_2", load) is not first
    assert len(loads) == 2
    assert per_request(SimpleNamespace(), "_thing_1", load) is not first
