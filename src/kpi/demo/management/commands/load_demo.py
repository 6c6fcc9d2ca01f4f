from typing import Any

from django.core.management.base import BaseCommand

from kpi.demo.loading import ADMIN_PASSWORD, ADMIN_USERNAME, load_demo


class Command(BaseCommand):
    help = (
        "โหลดข้อมูลสาธิต (จังหวัดอุบลราชธานี รอบที่ 1/2567 อนุมัติแล้ว และรอบที่ 2/2567 ระหว่างรายงานผล);"
        " เรียกซ้ำได้โดยไม่เปลี่ยนข้อมูล"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        summary = load_demo()
        if not summary.changed:
            self.stdout.write("ข้อมูลสาธิตมีอยู่แล้ว ไม่มีการเปลี่ยนแปลง / demo data already loaded")
            return
        for name, count in sorted(summary.created.items()):
            self.stdout.write(f"  {name}: +{count}")
        for result in summary.imports:
            if not result.already_imported:
                self.stdout.write(result.summary())
        self.stdout.write(
            self.style.SUCCESS(
                f"โหลดข้อมูลสาธิตแล้ว / demo data loaded"
                f" (admin: {ADMIN_USERNAME} / {ADMIN_PASSWORD} if newly created)"
            )
        )
