"""The import page: who may use it, preview without writing, save on confirmation, errors
beside the file with nothing saved and the form kept.

Personas (built here on an empty database, so the seed can be imported for the first time):
- ``as_admin``: province_admin of the provincial office of Ubon: may import.
- ``as_head``: district_head of 3401, and an evaluator of the provincial office: may not (403).
- anonymous: sent to the login page.
"""

import hashlib

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kpi import access
from kpi.accounts.actions import create_account
from kpi.documents import staging
from kpi.documents.models import SourceDocument
from kpi.org.audit import save_audited
from kpi.org.models import District, Person, Province
from kpi.rounds.models import Indicator, IndicatorVersion, Round
from tests.rounds.fixtures import SEED_NAME, row_counts

pytestmark = pytest.mark.django_db

URL = "/documents/import/"
LETTER = (
    "ที่ อบ 0019/ว 100\nสำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี\n"
    "เรื่อง ขอเชิญประชุมประจำเดือน\nเรียน พัฒนาการอำเภอทุกอำเภอ\n"
    "ด้วยสำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานีกำหนดประชุมประจำเดือน จึงเรียนมาเพื่อโปรดทราบ\n"
)


def account(province: Province, username: str, role: str, district: District | None = None):
    person = Person(province=province, district=district, first_name=username, last_name="ทดสอบ")
    save_audited(person, by=None, reason="test")
    return create_account(
        username, password="x-test-pass", by=None, reason="test", roles=[role], person=person
    )


@pytest.fixture
def as_admin(ubon: Province) -> Client:
    client = Client()
    client.force_login(account(ubon, "padmin", access.PROVINCE_ADMIN))
    return client


@pytest.fixture
def as_head(ubon: Province) -> Client:
    district = District.objects.create(province=ubon, dopa_code="3401", name="เมืองอุบลราชธานี")
    client = Client()
    client.force_login(account(ubon, "head", access.DISTRICT_HEAD, district))
    return client


def upload(client: Client, data: bytes, name: str = SEED_NAME, **fields):
    payload = {"action": "preview", "file": SimpleUploadedFile(name, data), **fields}
    return client.post(URL, payload)


def preview_seed(client: Client, seed_bytes: bytes, ubon: Province):
    return upload(client, seed_bytes, province=ubon.pk, create_missing="on")


def confirm(client: Client, data: bytes):
    return client.post(URL, {"action": "confirm", "staged": hashlib.sha256(data).hexdigest()})


# --- who may use it ----------------------------------------------------------------------------


def test_it_sends_anonymous_users_to_the_login_page(ubon: Province) -> None:
    response = Client().get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_refuses_a_district_head(as_head: Client, seed_bytes: bytes) -> None:
    assert as_head.get(URL).status_code == 403
    assert upload(as_head, seed_bytes).status_code == 403
    assert confirm(as_head, seed_bytes).status_code == 403


def test_it_refuses_a_provincial_officer_who_is_not_an_administrator(
    ubon: Province, seed_bytes: bytes
) -> None:
    client = Client()
    client.force_login(account(ubon, "evaluator1", access.EVALUATOR))

    assert client.get(URL).status_code == 403
    assert upload(client, seed_bytes, province=ubon.pk).status_code == 403


def test_it_offers_the_administrator_their_province(as_admin: Client, ubon: Province) -> None:
    response = as_admin.get(reverse("import"))

    assert response.status_code == 200
    assert list(response.context["form"].fields["province"].queryset) == [ubon]
    assert 'enctype="multipart/form-data"' in response.content.decode()


# --- preview and confirmation ------------------------------------------------------------------


def test_the_preview_shows_the_seed_and_writes_nothing(
    as_admin: Client, ubon: Province, seed_bytes: bytes
) -> None:
    before = row_counts()

    response = preview_seed(as_admin, seed_bytes, ubon)

    assert response.status_code == 200
    assert row_counts() == before
    html = response.content.decode()
    assert "อบ 0019/ว 536" in html
    assert "ผลสำเร็จของการขับเคลื่อนองค์กรคุณธรรมของหน่วยงาน" in html
    assert "ความสำเร็จการส่งข่าวประชาสัมพันธ์" in html
    assert "อำเภอขนาดกลาง" in html and "ร้อยละ 71 – 80" in html
    assert "รอบที่ 2/2567" in html and "จะสร้างใหม่" in html
    preview = response.context["preview"]
    assert [(i.number, i.outcome) for i in preview["indicators"]] == [(5, "new"), (8, "new")]
    assert dict(preview["result"].created)["versions"] == 4
    assert 'value="confirm"' in html


def test_confirming_imports_the_previewed_file_and_goes_to_its_round(
    as_admin: Client, ubon: Province, seed_bytes: bytes
) -> None:
    preview_seed(as_admin, seed_bytes, ubon)

    response = confirm(as_admin, seed_bytes)

    round = Round.objects.get(province=ubon, fiscal_year=2567, number=2)
    assert response.status_code == 302
    assert response["Location"] == reverse("round", args=[round.pk])
    assert Indicator.objects.filter(round=round).count() == 2
    assert IndicatorVersion.objects.filter(indicator__round=round).count() == 4
    document = SourceDocument.objects.get()
    assert document.number == "อบ 0019/ว 536" and document.original_filename == SEED_NAME
    assert document.imported_by.username == "padmin"
    [message] = get_messages(response.wsgi_request)
    assert "อบ 0019/ว 536" in str(message) and message.level_tag == "success"
    assert not as_admin.session.get(staging.SESSION_KEY)


def test_a_confirmation_without_a_preview_in_this_session_writes_nothing(
    as_admin: Client, ubon: Province, seed_bytes: bytes
) -> None:
    before = row_counts()

    response = confirm(as_admin, seed_bytes)

    assert response.status_code == 302 and response["Location"] == reverse("import")
    assert row_counts() == before


def test_another_sessions_preview_cannot_be_confirmed(
    as_admin: Client, ubon: Province, seed_bytes: bytes
) -> None:
    preview_seed(as_admin, seed_bytes, ubon)
    other = Client()
    other.force_login(account(ubon, "padmin2", access.PROVINCE_ADMIN))
    before = row_counts()

    confirm(other, seed_bytes)

    assert row_counts() == before


def test_a_staged_file_changed_on_disk_is_not_imported(
    as_admin: Client, ubon: Province, seed_bytes: bytes, media
) -> None:
    preview_seed(as_admin, seed_bytes, ubon)
    [stored] = [path for path in (media / staging.FOLDER).rglob("*") if path.is_file()]
    stored.write_bytes(seed_bytes + b"\n")
    before = row_counts()

    confirm(as_admin, seed_bytes)

    assert row_counts() == before


def test_importing_the_same_file_again_says_it_is_already_imported(
    as_admin: Client, ubon: Province, seed_bytes: bytes
) -> None:
    preview_seed(as_admin, seed_bytes, ubon)
    confirm(as_admin, seed_bytes)
    before = row_counts()

    response = preview_seed(as_admin, seed_bytes, ubon)

    assert row_counts() == before
    assert response.context["already"].already_imported
    html = response.content.decode()
    assert "หนังสือนี้นำเข้าไว้แล้ว" in html
    assert 'value="confirm"' not in html


# --- refusals ------------------------------------------------------------------------------------


def test_a_revision_of_a_round_that_does_not_exist_is_refused_with_an_offer_to_create_it(
    as_admin: Client, ubon: Province, seed_bytes: bytes
) -> None:
    before = row_counts()

    response = upload(as_admin, seed_bytes, province=ubon.pk)

    assert row_counts() == before
    html = response.content.decode()
    assert response.context["refusal"]["text"].startswith("ยังไม่มีรอบการประเมินที่ 2/2567")
    assert "Round 2/2567 of อุบลราชธานี does not exist" in html
    assert response.context["offer_create"]
    assert 'class="field checkbox offered"' in html
    # The file stays on the server: ticking the box is enough to try again.
    sha256 = hashlib.sha256(seed_bytes).hexdigest()
    assert f'name="staged" value="{sha256}"' in html
    retry = as_admin.post(
        URL, {"action": "preview", "province": ubon.pk, "create_missing": "on", "staged": sha256}
    )
    assert [i.number for i in retry.context["preview"]["indicators"]] == [5, 8]
    assert row_counts() == before


@pytest.mark.parametrize(
    ("name", "data", "english"),
    [
        ("damaged.docx", b"PK\x03\x04 this is not a zip archive", "The DOCX file is damaged"),
        ("empty.txt", b"", "The file is empty"),
        ("letter.txt", LETTER.encode(), "No indicator table found"),
    ],
)
def test_an_unreadable_file_is_explained_beside_the_file_and_nothing_is_saved(
    as_admin: Client, ubon: Province, name: str, data: bytes, english: str
) -> None:
    before = row_counts()

    response = upload(as_admin, data, name, province=ubon.pk, create_missing="on")

    assert response.status_code == 200
    assert row_counts() == before
    html = response.content.decode()
    error = html[html.index('<div id="file-error"') : html.index('id="help-create"')]
    assert "ไฟล์นี้ไม่ใช่หนังสือตัวชี้วัดที่อ่านได้" in error
    assert english in error
    assert 'aria-invalid="true"' in html
    # The form keeps what was chosen.
    assert f'<option value="{ubon.pk}" selected>' in html
    assert (
        'name="create_missing" id="id_create_missing" aria-describedby="help-create" checked'
        in html
    )
    assert "preview" not in response.context
    assert not as_admin.session.get(staging.SESSION_KEY)


def test_a_file_over_the_size_limit_is_refused_beside_the_file(
    as_admin: Client, ubon: Province, seed_bytes: bytes, settings
) -> None:
    settings.UPLOAD_MAX_BYTES = 1000

    response = upload(as_admin, seed_bytes, province=ubon.pk)

    assert response.context["form"].has_error("file", "too_large")
    assert "เกินขนาดที่รับได้" in response.content.decode()
    assert "preview" not in response.context


def test_a_post_without_a_file_asks_for_one(as_admin: Client, ubon: Province) -> None:
    response = as_admin.post(URL, {"action": "preview", "province": ubon.pk})

    assert response.context["form"].has_error("file")
    assert "เลือกไฟล์หนังสือเวียน" in response.content.decode()
