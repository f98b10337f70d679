from django.conf import settings
from django.core.management.base import BaseCommand

from continuum.lti.services.platforms import key_rotate


class Command(BaseCommand):
    help = (
        "Add a new LTI signing key (published at /lti/jwks.json and used from now on); the "
        "previous key stays published for CONTINUUM_LTI_KEY_GRACE_DAYS."
    )

    def handle(self, *args, **options) -> None:
        rotation = key_rotate()
        self.stdout.write(
            f"New LTI signing key {rotation.new_kid}; {rotation.retired} key(s) older than "
            f"the {settings.CONTINUUM_LTI_KEY_GRACE_DAYS}-day grace left the key set."
        )
