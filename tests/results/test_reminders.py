"""kpi remind: e-mail and in-app reminders, and LINE pushes to a local stand-in server."""

import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest
from django.core.management import call_command

from kpi.results.actions import save_result, set_reporting_deadline, submit_result
from kpi.results.line import LineChannel
from kpi.results.models import LineGroup, Notification, Result
from kpi.results.reminders import send_reminders
from tests.agreements.builders import World

pytestmark = pytest.mark.django_db

TODAY = date(2024, 9, 10)
TOKEN = "test-channel-token"


class StandIn(BaseHTTPRequestHandler):
    """Answers like the Messaging API's push endpoint; remembers what it was sent."""

    received: ClassVar[list[dict]] = []
    status = 200

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append(
            {"path": self.path, "headers": dict(self.headers), "body": json.loads(body)}
        )
        self.send_response(type(self).status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def line_server(settings) -> Iterator[type[StandIn]]:  # type: ignore[no-untyped-def]
    handler = type("Handler", (StandIn,), {"received": [], "status": 200})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.KPI_LINE_CHANNEL_TOKEN = TOKEN
    settings.KPI_LINE_API_URL = f"http://127.0.0.1:{server.server_port}/v2/bot/message/push"
    try:
        yield handler
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def due(opened: World) -> World:
    """Deadline in five days; 3402 has sent individual 8, which waits for ก.ง.สารสนเทศ."""
    set_reporting_deadline(opened.round, date(2024, 9, 15), by=None)
    sent = Result.objects.get(item__indicator=opened.individual_8, district=opened.d3402)
    save_result(sent, by=None, expected_version=1, value="75")
    submit_result(sent, by=None)
    return opened


def test_it_reminds_people_with_unsubmitted_results_and_the_owners(
    due: World, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        summary = send_reminders(today=TODAY)

    to_submit = Notification.objects.filter(kind="remind_submit")
    counts = {n.person.user.username: n.params["count"] for n in to_submit}
    # 3401: team 5 and individual 8 for the head, team 5 for the staff; 3402: team 5.
    assert counts == {"d3401": 2, "s3401": 1, "d3402": 1}
    assert to_submit.get(person__user__username="d3401").params["deadline"] == "15 ก.ย. 2567"
    verify = Notification.objects.get(kind="remind_verify")
    assert (verify.person.user.username, verify.params["count"]) == ("info", 1)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "d3401@example.org",
        "d3402@example.org",
        "info@example.org",
        "s3401@example.org",
    ]
    assert all(m.subject.startswith("[ระบบตัวชี้วัด]") for m in mailoutbox)
    assert (summary.notifications, summary.emails, summary.line_pushes) == (4, 4, 0)


def test_it_does_not_remind_before_the_window_or_after_the_deadline(due: World, mailoutbox) -> None:
    send_reminders(today=date(2024, 9, 1), days=7)
    send_reminders(today=date(2024, 9, 16))

    assert not Notification.objects.filter(kind="remind_submit").exists()
    # Verification waits whatever the deadline.
    assert Notification.objects.filter(kind="remind_verify").count() == 2


def test_it_pushes_to_the_offices_line_groups(
    due: World, line_server, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    LineGroup.objects.create(province=due.province, district=due.d3401, name="3401", target="C3401")
    LineGroup.objects.create(province=due.province, name="จังหวัด", target="CPROV")

    with django_capture_on_commit_callbacks(execute=True):
        summary = send_reminders(today=TODAY)

    pushes = {request["body"]["to"]: request for request in line_server.received}
    assert set(pushes) == {"C3401", "CPROV"}
    district = pushes["C3401"]
    assert district["path"] == "/v2/bot/message/push"
    assert district["headers"]["Authorization"] == f"Bearer {TOKEN}"
    assert district["headers"]["Content-Type"] == "application/json"
    assert district["headers"]["X-Line-Retry-Key"]
    (message,) = district["body"]["messages"]
    assert message["type"] == "text"
    assert "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี" in message["text"]
    assert "2 รายการ" in message["text"] and "15 ก.ย. 2567" in message["text"]
    assert "รอการตรวจสอบ" in pushes["CPROV"]["body"]["messages"][0]["text"]
    assert (summary.line_pushes, summary.line_failures) == (2, 0)


def test_a_failing_line_server_does_not_stop_the_mail(
    due: World, line_server, mailoutbox, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    line_server.status = 500
    LineGroup.objects.create(province=due.province, district=due.d3401, name="3401", target="C3401")

    with django_capture_on_commit_callbacks(execute=True):
        summary = send_reminders(today=TODAY)

    assert (summary.line_pushes, summary.line_failures) == (0, 1)
    assert len(mailoutbox) == 4


def test_the_channel_posts_the_text(line_server) -> None:  # type: ignore[no-untyped-def]
    from django.conf import settings

    LineChannel(TOKEN, settings.KPI_LINE_API_URL).push("U1", "ทดสอบ" * 2000)

    (request,) = line_server.received
    assert request["body"]["to"] == "U1"
    assert len(request["body"]["messages"][0]["text"]) == 5000


def test_a_dry_run_writes_and_sends_nothing(due: World, mailoutbox) -> None:
    summary = send_reminders(today=TODAY, dry_run=True)

    assert summary.notifications == 4
    assert not Notification.objects.exists() and mailoutbox == []


def test_the_management_command_runs_them(due: World, capsys) -> None:  # type: ignore[no-untyped-def]
    call_command("remind", "--today", "2024-09-10", "--days", "5")

    assert Notification.objects.filter(kind="remind_submit").count() == 3
    assert "4 notifications" in capsys.readouterr().out


def test_the_cli_has_a_remind_command() -> None:
    from kpi.cli import build_parser

    args = build_parser().parse_args(["remind", "--days", "3", "--dry-run"])

    assert (args.days, args.dry_run, args.handler.__name__) == (3, True, "run_remind")


def test_kpi_remind_runs_after_setting_django_up(due: World, capsys) -> None:  # type: ignore[no-untyped-def]
    from kpi.cli import main

    assert main(["remind", "--dry-run"]) == 0
    assert "notifications" in capsys.readouterr().out
    assert main(["remind", "--days", "-1"]) == 2
