"""``continuum credential_key_rotate DISTRICT_ID``: a new signing key for a district."""

from django.core.management.base import BaseCommand, CommandError

from continuum.credentials.services.keys import issuer_key_rotate
from continuum.people.models import Organization


class Command(BaseCommand):
    help = (
        "Make a new Ed25519 signing key for a district's credentials and retire the active "
        "one (it stays published, so what it signed still verifies). A district gets its "
        "first key on its first award; run this after a suspected leak or on a schedule."
    )

    def add_arguments(self, parser):
        parser.add_argument("district", type=int, help="the district's id")

    def handle(self, *args, district: int, **options):
        found = Organization.objects.filter(pk=district, kind=Organization.Kind.DISTRICT).first()
        if found is None:
            raise CommandError(f"No district with id {district}.")
        key = issuer_key_rotate(district=found)
        self.stdout.write(f"{found.name}: signing with key {key.kid} from now on.")
