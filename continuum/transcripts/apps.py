from django.apps import AppConfig


class TranscriptsConfig(AppConfig):
    name = "continuum.transcripts"
    verbose_name = "Mastery transcripts"
