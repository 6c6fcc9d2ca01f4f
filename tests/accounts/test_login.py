from django.urls import reverse

from kpi.accounts.demo import DEMO_PASSWORD
from kpi.org.models import Province
from tests.base import add_districts

LOGIN = reverse("login")


def test_the_login_page_lists_the_demo_accounts_and_their_password(anonymous, world):
    response = anonymous.get(LOGIN)
    html = response.content.decode()
    demo = response.context["demo"]
    assert [a.username for a in demo.main] == [
        "admin",
        "province",
        "evaluator",
        "info",
        "strategy",
        "promotion",
        "coordination",
        "admin-unit",
        "viewer",
        "s3401",
    ]
    assert len(demo.heads) == 25
    assert (demo.heads[0].username, demo.heads[-1].username) == ("d3401", "d3433")
    assert DEMO_PASSWORD in html
    province = demo.main[1]
    assert province.role == "ผู้ดูแลระบบระดับจังหวัด"
    assert "กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน" in province.office
    strategy = demo.main[4]
    assert strategy.role == "หน่วยงานเจ้าของตัวชี้วัด"
    assert "กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน" in strategy.office
    assert demo.main[-1].office == "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี"
    assert demo.heads[0].office == "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี"
    assert "<code>d3401</code>" in html and "พัฒนาการอำเภอ" in html
    assert "<code>viewer</code>" in html and "<code>admin-unit</code>" in html


def test_the_login_page_lists_no_account_without_demo_data(anonymous, world):
    Province.objects.update(is_demo=False)
    response = anonymous.get(LOGIN)
    assert response.context["demo"] is None
    assert DEMO_PASSWORD not in response.content.decode()


def test_a_demo_user_signs_in_with_the_demo_password(anonymous, world):
    response = anonymous.post(LOGIN, {"username": "d3401", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    home = anonymous.get(reverse("home")).content.decode()
    assert "นายสมศักดิ์ ใจงาม" in home  # the header names the person


def test_it_returns_to_the_page_asked_for(anonymous, world):
    target = reverse("round", args=[world.round])
    response = anonymous.post(
        LOGIN, {"username": "info", "password": DEMO_PASSWORD, "next": target}
    )
    assert response["Location"] == target


def test_a_wrong_password_is_refused_with_a_message_and_the_username_kept(anonymous, world):
    response = anonymous.post(LOGIN, {"username": "province", "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert 'value="province"' in html
    assert "_auth_user_id" not in anonymous.session


def test_a_signed_in_user_is_sent_home(as_province, world):
    response = as_province.get(LOGIN)
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_logout_refuses_get(as_province, world):
    assert as_province.get(reverse("logout")).status_code == 405
    assert as_province.get(reverse("home")).status_code == 200


def test_logout_by_post_signs_out(as_province, world):
    response = as_province.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == LOGIN
    assert as_province.get(reverse("home")).status_code == 302


def test_the_login_page_query_count_does_not_grow_with_districts(
    anonymous, ubon, world, django_assert_num_queries
):
    # demo province, accounts with their people, their groups, demo flag of the header
    with django_assert_num_queries(4):
        anonymous.get(LOGIN)
    add_districts(ubon, 250)
    with django_assert_num_queries(4):
        anonymous.get(LOGIN)
