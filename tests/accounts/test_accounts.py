import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group

from kpi import access
from kpi.accounts.actions import create_account
from kpi.accounts.demo import DEMO_PASSWORD, ensure_demo_accounts
from kpi.accounts.models import AccountEvent
from kpi.org.models import Person
from tests.base import user

User = get_user_model()


def test_the_role_groups_exist_after_migrating(db):
    assert set(Group.objects.values_list("name", flat=True)) >= set(access.ROLES)


def test_every_role_has_a_thai_label():
    assert set(access.ROLE_LABELS) == set(access.ROLES)


def test_the_demo_accounts_have_their_roles_and_people(world, db):
    province = user("province")
    assert province.groups.get().name == access.PROVINCE_ADMIN
    assert province.person.unit.name == "กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน"
    assert province.person.district is None
    evaluator = user("evaluator")
    assert evaluator.groups.get().name == access.EVALUATOR
    assert evaluator.person.position == "พัฒนาการจังหวัดอุบลราชธานี"
    info = user("info")
    assert info.groups.get().name == access.INDICATOR_OWNER
    assert info.person.first_name == "สภาวุฒิชัย"
    heads = User.objects.filter(username__regex=r"^d\d{4}$").select_related("person__district")
    assert len(heads) == 25
    for head in heads:
        assert head.person.district.dopa_code == head.username[1:]
        assert head.person.position.startswith("พัฒนาการอำเภอ")
        assert list(head.groups.values_list("name", flat=True)) == [access.DISTRICT_HEAD]
    assert user("admin").is_superuser and user("admin").is_staff


def test_every_demo_account_signs_in_with_the_demo_password(world, db):
    for username in ("admin", "province", "evaluator", "info", "d3401", "d3433"):
        assert authenticate(username=username, password=DEMO_PASSWORD) is not None, username


def test_the_province_admin_may_import_and_a_district_head_may_not(world, db):
    assert access.can_import(user("province"))
    assert not access.can_import(user("evaluator"))
    assert not access.can_import(user("d3401"))


def test_creating_the_demo_accounts_again_changes_nothing(world, ubon):
    users, events = User.objects.count(), AccountEvent.objects.count()
    assert ensure_demo_accounts(ubon, by=user("admin")) == 0
    assert (User.objects.count(), AccountEvent.objects.count()) == (users, events)


def test_each_demo_account_creation_is_audited(world, db):
    event = AccountEvent.objects.get(user=user("d3402"))
    assert event.kind == "created"
    assert event.acting_user == user("admin")
    assert event.extra["roles"] == [access.DISTRICT_HEAD]
    assert event.extra["person"] == user("d3402").person.pk
    assert event.reason
    # linking the person is in the person's own history, by the same actor
    linked = user("d3402").person.history.first()
    assert linked.history_user == user("admin") and linked.user_id == user("d3402").pk


def test_create_account_refuses_an_unknown_role(db):
    with pytest.raises(ValueError, match="unknown roles"):
        create_account("x", password="x-pass-123", by=None, reason="t", roles=["boss"])
    assert not User.objects.filter(username="x").exists()


def test_create_account_refuses_a_taken_username(world, db):
    with pytest.raises(ValueError, match="taken"):
        create_account("province", password="x-pass-123", by=None, reason="t")


def test_create_account_refuses_a_person_who_has_an_account(world, db):
    person = Person.objects.get(user__username="info")
    with pytest.raises(ValueError, match="already has an account"):
        create_account("info2", password="x-pass-123", by=None, reason="t", person=person)
    assert not User.objects.filter(username="info2").exists()


def test_create_account_needs_exactly_one_password(db):
    with pytest.raises(ValueError, match="either password or password_hash"):
        create_account("x", by=None, reason="t")
    with pytest.raises(ValueError, match="either password or password_hash"):
        create_account("x", password="a", password_hash="b", by=None, reason="t")
