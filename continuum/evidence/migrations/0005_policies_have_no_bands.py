"""Grading policies stop carrying status bands: each proficiency scale has its own now."""

from django.db import migrations

BAND_KEYS = ("bands", "evidence_bands")


def drop_bands(apps, schema_editor) -> None:
    records = apps.get_model("evidence", "GradingPolicyRecord").objects.all()
    for record in records:
        if any(key in record.body for key in BAND_KEYS):
            record.body = {k: v for k, v in record.body.items() if k not in BAND_KEYS}
            record.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("evidence", "0004_drop_status_labels")]

    operations = [migrations.RunPython(drop_bands, migrations.RunPython.noop)]
