import pytest
from django.core.management import CommandError, call_command


def test_serve_refuses_fewer_than_one_web_worker_before_touching_anything():
    with pytest.raises(CommandError, match="--workers must be at least 1, not 0"):
        call_command("serve", "--workers=0")
