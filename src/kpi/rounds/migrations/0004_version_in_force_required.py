"""The "at least one" half of "exactly one version in force per indicator", on PostgreSQL.

The partial unique index ``one_version_in_force_per_indicator`` (0001) refuses a second
version in force. This constraint trigger refuses the opposite: an indicator that has versions
but none in force. It is DEFERRABLE INITIALLY DEFERRED because every flip takes two writes (the
old version out of force, then the new one in, see ``kpi.rounds.actions``): the check runs at
COMMIT, when both are done, and rolls the whole transaction back otherwise. An indicator with
no versions at all (just created by ``create_indicator``) is allowed.

SQLite has no deferred triggers (and no constraint triggers): an immediate trigger there would
refuse the first of the two writes of every flip. So on SQLite (development and the default
test run) only the "at most one" half is the database's; ``kpi.rounds.actions`` keeps the other.
"""

from django.db import migrations

FUNCTION = "rounds_version_in_force_required"
TRIGGER = "version_in_force_required"

CREATE = f"""
CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    targets bigint[];
    target bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        targets := ARRAY[NEW.indicator_id];
    ELSIF TG_OP = 'DELETE' THEN
        targets := ARRAY[OLD.indicator_id];
    ELSE
        -- A version moved to another indicator leaves the first one to check too.
        targets := ARRAY[OLD.indicator_id, NEW.indicator_id];
    END IF;
    FOREACH target IN ARRAY targets LOOP
        IF EXISTS (SELECT 1 FROM rounds_indicatorversion WHERE indicator_id = target)
           AND NOT EXISTS (
               SELECT 1 FROM rounds_indicatorversion WHERE indicator_id = target AND in_force
           ) THEN
            RAISE EXCEPTION 'indicator % has versions but none in force', target
                USING ERRCODE = 'integrity_constraint_violation',
                      CONSTRAINT = '{TRIGGER}',
                      HINT = 'put one of its versions in force in the same transaction';
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER {TRIGGER}
    AFTER INSERT OR DELETE OR UPDATE OF in_force, indicator_id ON rounds_indicatorversion
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION {FUNCTION}();
"""

DROP = f"""
DROP TRIGGER IF EXISTS {TRIGGER} ON rounds_indicatorversion;
DROP FUNCTION IF EXISTS {FUNCTION}();
"""


class PostgreSQLOnly(migrations.RunSQL):
    """``RunSQL`` that runs on PostgreSQL only and is skipped elsewhere (see the docstring:
    SQLite cannot defer a trigger to the commit)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("rounds", "0003_change_reason_text"),
    ]

    operations = [PostgreSQLOnly(CREATE, DROP, elidable=False)]
