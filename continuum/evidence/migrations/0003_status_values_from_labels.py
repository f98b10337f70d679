"""Each estimate's status value, from its English label (on the history table too, so
past versions read the same)."""

from django.db import migrations

LABELS = {"not started": 0, "not yet": 1, "approaching": 2, "proficient": 3, "advanced": 4}
MODELS = ("Estimate", "HistoricalEstimate")


def labels_to_values(apps, schema_editor) -> None:
    for name in MODELS:
        rows = apps.get_model("evidence", name).objects
        for label, value in LABELS.items():
            rows.filter(status_label=label).update(status=value)
            rows.filter(override_status_label=label).update(override_status=value)


def values_to_labels(apps, schema_editor) -> None:
    for name in MODELS:
        rows = apps.get_model("evidence", name).objects
        for label, value in LABELS.items():
            rows.filter(status=value).update(status_label=label)
            rows.filter(override_status=value).update(override_status_label=label)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0002_statuses_as_values")]

    operations = [migrations.RunPython(labels_to_values, values_to_labels)]
