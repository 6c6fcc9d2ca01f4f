from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kpi.results.reminders import DEFAULT_DAYS, send_reminders


class Command(BaseCommand):
    help = (
        "เตือนผู้ที่ยังไม่ส่งรายงานผลก่อนถึงกำหนด และหน่วยงานเจ้าของตัวชี้วัดที่มีผลรอตรวจสอบ"
        " / remind people of unsubmitted results and owners of results awaiting verification"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help="เตือนเมื่อเหลือเวลาถึงกำหนดส่งไม่เกินกี่วัน / days before the deadline",
        )
        parser.add_argument("--today", help="วันที่ที่ใช้แทนวันนี้ (YYYY-MM-DD) / date to use")
        parser.add_argument("--dry-run", action="store_true", help="แสดงเท่านั้น ไม่ส่งจริง / only show")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(
                    f"--today ต้องเป็นวันที่ YYYY-MM-DD / must be YYYY-MM-DD: {options['today']!r}"
                ) from None
        if options["days"] < 0:
            raise CommandError("--days ต้องไม่ติดลบ / must not be negative")
        summary = send_reminders(today=today, days=options["days"], dry_run=options["dry_run"])
        self.stdout.write(summary.text())
