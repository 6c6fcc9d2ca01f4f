from django.urls import reverse


def nav(client):
    return client.get(reverse("home")).context["nav"]


def test_the_header_offers_import_to_the_province_admin_only(as_province, as_head_3401, world):
    assert nav(as_province).can_import is True
    assert nav(as_head_3401).can_import is False
    assert 'href="/documents/import/"' not in as_head_3401.get(reverse("home")).content.decode()


def test_the_header_names_the_person_and_marks_demo_data(as_evaluator, world):
    header = nav(as_evaluator)
    assert header.person_name == "นายวีระพงษ์ ศรีอุบลรัตน์"
    assert header.demo is True
    assert "ข้อมูลสาธิต" in as_evaluator.get(reverse("home")).content.decode()


def test_the_header_offers_both_languages_and_marks_the_current_one(as_info, world):
    html = as_info.get(reverse("home")).content.decode()
    assert 'value="th" lang="th" aria-current="true"' in html
    assert 'value="en" lang="en">English<' in html


def test_english_is_one_click_away(as_info, world):
    as_info.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = as_info.get(reverse("home")).content.decode()
    assert '<html lang="en">' in html
    assert "Appraisal rounds" in html
