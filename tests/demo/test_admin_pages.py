"""Every admin page of every model opens for a superuser, in Thai."""

import pytest
from django.contrib import admin
from django.urls import reverse

from kpi.documents.models import SourceDocument
from kpi.org.models import District, DistrictSize, Person, Province, Unit
from kpi.rounds.importing import import_circular
from kpi.rounds.models import IndicatorVersion, Round
from tests.rounds.fixtures import OUR_APPS, SEED_NAME

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)
OURS = [model for model in REGISTERED if model._meta.app_label in OUR_APPS]


@pytest.fixture
def superuser_client(client, django_user_model, ubon: Province, seed_bytes, seed_dict):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw-root-2567")
    district = District.objects.create(province=ubon, dopa_code="3401", name="เมืองอุบลราชธานี")
    DistrictSize.objects.create(district=district, fiscal_year=2567, size="large")
    unit = Unit.objects.create(province=ubon, name="กลุ่มงานสารสนเทศการพัฒนาชุมชน")
    Person.objects.create(province=ubon, unit=unit, first_name="สภาวุฒิชัย", user=user)
    Person.objects.create(province=ubon, district=district, first_name="สมศักดิ์")
    import_circular(seed_bytes, SEED_NAME, by=user, parsed=seed_dict, create_missing=True)
    client.force_login(user)
    return client


def test_all_our_models_are_in_the_admin() -> None:
    assert len(OURS) == 11


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_the_changelist_opens(superuser_client, model) -> None:
    opts = model._meta
    response = superuser_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert response.status_code == 200
    if opts.app_label in OUR_APPS:
        assert str(opts.verbose_name_plural) in response.content.decode()


@pytest.mark.parametrize("model", OURS, ids=lambda model: model._meta.label)
def test_the_change_and_history_pages_open(superuser_client, model) -> None:
    opts = model._meta
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"no {opts.label} in the fixture"
    for page in ("change", "history"):
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=[obj.pk])
        assert superuser_client.get(url).status_code == 200, (page, url)


@pytest.mark.parametrize("model", OURS, ids=lambda model: model._meta.label)
def test_the_add_page_opens_except_for_imported_records(superuser_client, model) -> None:
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    # Rounds and documents come from imports (and actions), which derive dates and hashes.
    expected = 403 if model in (Round, SourceDocument) else 200
    assert superuser_client.get(url).status_code == expected


def test_putting_a_version_in_force_from_the_admin_uses_the_action(superuser_client) -> None:
    original = IndicatorVersion.objects.get(indicator__number=8, status="original")
    response = superuser_client.post(
        reverse("admin:rounds_indicatorversion_changelist"),
        {"action": "put_selected_in_force", "_selected_action": [original.pk]},
    )

    assert response.status_code == 302
    original.refresh_from_db()
    assert original.in_force
    assert IndicatorVersion.objects.in_force().filter(indicator__number=8).count() == 1
    latest = original.history.latest()
    assert latest.history_user.username == "root"


@pytest.mark.parametrize(
    "model",
    [m for m in OURS if admin.site._registry[m].search_fields],
    ids=lambda model: model._meta.label,
)
def test_the_changelist_search_works(superuser_client, model) -> None:
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert superuser_client.get(url, {"q": "สภาวุฒิชัย"}).status_code == 200
