from django.apps import AppConfig


class RosteringConfig(AppConfig):
    """A district's people, sections and enrollments from its student information system,
    through OneRoster 1.1 and 1.2 CSV packages (under /rostering/)."""

    name = "continuum.rostering"
    label = "rostering"
