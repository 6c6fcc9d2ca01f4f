"""The role groups of ``kpi.access`` exist in every database, so an administrator can assign
them from the first day. Names are frozen here: a migration must not follow later renames."""

from django.db import migrations

ROLES = (
    "province_admin",
    "evaluator",
    "indicator_owner",
    "district_head",
    "district_staff",
    "viewer",
)


def create_groups(apps, schema_editor):
    group = apps.get_model("auth", "Group")
    for name in ROLES:
        group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
