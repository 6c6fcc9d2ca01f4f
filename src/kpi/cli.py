"""The ``kpi`` command: argument handling only; the work is done by the packages it calls.

Exit codes: 0 done; 2 bad input (one line on standard error, Thai then English); 1 a bug.
"""

import argparse
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kpi.bilingual import both, describe, thai

DESCRIPTION = both(
    "ระบบตัวชี้วัดสำนักงานพัฒนาชุมชนจังหวัด: อ่าน นำเข้า และคำนวณคะแนนตัวชี้วัดจากหนังสือเวียน",
    "KPI system for provincial Community Development offices: read, import and score circulars",
)
EPILOG = """\
ตัวอย่าง / examples:
  kpi parse circular.txt > circular.json
  kpi score circular.txt --indicator individual/8 --size medium --value 75
  kpi score circular.txt --indicator team/5 --steps 1,2,4,5
  kpi score circular.txt --indicator individual/8 --size medium --done 40 --planned 50
  kpi import circular.docx --province อบ
  kpi remind --days 3
  kpi parse circular.txt | kpi notice - -o notice.pdf
  kpi notice circular.json -o notice.docx --arabic-digits
"""


class UsageError(Exception):
    """A wrong option value, explained in Thai and English."""

    def __init__(self, thai_text: str, english_text: str) -> None:
        super().__init__(english_text)
        self.text = both(thai_text, english_text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    from kpi.circulars import CircularError
    from kpi.documents.writing.errors import NoticeError
    from kpi.scoring import ScoringError

    try:
        return int(args.handler(args))
    except (CircularError, ScoringError, NoticeError) as error:
        print(f"kpi: {_describe(error)}{_hint(error)}", file=sys.stderr)
    except UsageError as error:
        print(f"kpi: {error.text}", file=sys.stderr)
    except OSError as error:
        reason = both("อ่านหรือเขียนไฟล์ไม่ได้", "cannot read or write the file")
        print(f"kpi: {reason}: {error.filename or ''} ({error.strerror})", file=sys.stderr)
    return 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kpi",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(title=both("คำสั่ง", "commands"), metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help=both("อ่านหนังสือเวียนเป็น JSON (kpi-circular/1)", "read a circular into JSON"),
        description=both(
            "อ่านหนังสือเวียนตัวชี้วัด (ข้อความ, HTML หรือ DOCX) แล้วพิมพ์ JSON ตามสัญญา kpi-circular/1",
            "read a KPI circular (text, HTML or DOCX) and print the kpi-circular/1 JSON",
        ),
    )
    parse.add_argument("file", type=Path, help=both("ไฟล์หนังสือเวียน", "the circular file"))
    parse.set_defaults(handler=run_parse)

    score = commands.add_parser(
        "score",
        help=both("คำนวณระดับคะแนนของตัวชี้วัด", "score a value against an indicator"),
        description=both(
            "คำนวณระดับคะแนนจากเกณฑ์ในหนังสือเวียน และบอกสิ่งที่ต้องทำเพื่อให้ได้ระดับถัดไป",
            "score a value against a circular's criteria and say what the next level needs",
        ),
    )
    score.add_argument("file", type=Path, help=both("ไฟล์หนังสือเวียน", "the circular file"))
    score.add_argument(
        "--indicator",
        required=True,
        metavar="KIND/N",
        help=both("ตัวชี้วัด เช่น individual/8 หรือ team/5", "e.g. individual/8 or team/5"),
    )
    score.add_argument(
        "--status",
        choices=["original", "revised", "current"],
        help=both("ฉบับของเกณฑ์ (ค่าเริ่มต้น: ฉบับที่ใช้อยู่)", "criteria version (default: in force)"),
    )
    score.add_argument(
        "--size",
        choices=["large", "medium", "small"],
        help=both("ขนาดอำเภอ", "district size"),
    )
    measure = score.add_mutually_exclusive_group(required=True)
    measure.add_argument("--value", help=both("ค่าที่วัดได้ เช่น 75", "the measured value"))
    measure.add_argument("--steps", help=both("ขั้นตอนที่ทำแล้ว เช่น 1,2,4", "steps done, e.g. 1,2,4"))
    measure.add_argument("--done", help=both("จำนวนที่ทำได้ (ตัวตั้ง)", "items done (numerator)"))
    score.add_argument("--planned", help=both("จำนวนทั้งหมด (ตัวหาร)", "items planned (denominator)"))
    score.set_defaults(handler=run_score)

    load = commands.add_parser(
        "import",
        help=both("นำเข้าหนังสือเวียนลงฐานข้อมูล", "import a circular into the database"),
        description=both(
            "เก็บหนังสือเวียนและตัวชี้วัดลงฐานข้อมูล (นำเข้าซ้ำไม่เปลี่ยนอะไร)",
            "store a circular and its indicators in the database (importing twice changes nothing)",
        ),
    )
    load.add_argument("file", type=Path, help=both("ไฟล์หนังสือเวียน", "the circular file"))
    load.add_argument(
        "--province",
        help=both("อักษรย่อจังหวัด เช่น อบ", "province letter prefix, e.g. อบ"),
    )
    load.add_argument(
        "--create-round",
        action="store_true",
        help=both(
            "สร้างรอบการประเมินเมื่อยังไม่มี (สำหรับหนังสือแจ้งแก้ไข)",
            "create the round when a revision notice's round does not exist yet",
        ),
    )
    load.set_defaults(handler=run_import)

    remind = commands.add_parser(
        "remind",
        help=both("ส่งการแจ้งเตือน (สำหรับ cron)", "send reminders (for cron)"),
        description=both(
            "เตือนผู้ที่ยังไม่ส่งรายงานผลก่อนถึงกำหนด และหน่วยงานเจ้าของตัวชี้วัดที่มีผลรอตรวจสอบ"
            " ทางอีเมล รายการแจ้งเตือนในระบบ และ LINE (เมื่อตั้งค่าไว้)",
            "remind people of unsubmitted results before the deadline, and owners of results"
            " awaiting verification, by e-mail, in-app notifications and LINE (when configured)",
        ),
    )
    remind.add_argument(
        "--days",
        type=int,
        default=7,
        help=both("เตือนเมื่อเหลือเวลาถึงกำหนดส่งไม่เกินกี่วัน", "days before the deadline"),
    )
    remind.add_argument(
        "--dry-run", action="store_true", help=both("แสดงเท่านั้น ไม่ส่งจริง", "only show")
    )
    remind.set_defaults(handler=run_remind)

    notice = commands.add_parser(
        "notice",
        help=both("เขียนหนังสือเวียนจาก JSON เป็น DOCX หรือ PDF", "write a circular as DOCX or PDF"),
        description=both(
            "เขียนหนังสือเวียนและเอกสารแนบ (ตารางตัวชี้วัด) จาก JSON ตามสัญญา kpi-circular/1"
            " เป็น DOCX หรือ PDF ตามนามสกุลของไฟล์ผลลัพธ์",
            "write the official circular and its attachment (the indicator tables) from"
            " kpi-circular/1 JSON, as DOCX or PDF by the output's extension",
        ),
    )
    notice.add_argument(
        "file",
        type=Path,
        help=both("ไฟล์ JSON (- อ่านจากอินพุตมาตรฐาน)", "the JSON file (- reads standard input)"),
    )
    notice.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT.docx|OUT.pdf",
        help=both("ไฟล์ผลลัพธ์ .docx หรือ .pdf", "the .docx or .pdf file to write"),
    )
    notice.add_argument(
        "--arabic-digits",
        action="store_true",
        help=both("ใช้เลขอารบิกแทนเลขไทย", "print Arabic digits instead of Thai digits"),
    )
    notice.set_defaults(handler=run_notice)
    return parser


def run_parse(args: argparse.Namespace) -> int:
    from kpi.circulars import dumps, parse_path

    sys.stdout.write(dumps(parse_path(args.file)) + "\n")
    return 0


def run_score(args: argparse.Namespace) -> int:
    from kpi.circulars import dumps, parse_path
    from kpi.scoring.circular import score_indicator

    # Through JSON with Decimal numbers: the engine takes exactly what `kpi parse` prints.
    document = json.loads(dumps(parse_path(args.file)), parse_float=Decimal)
    kind, number = _indicator_key(args.indicator)
    if args.planned is not None and args.done is None:
        raise UsageError("--planned ใช้คู่กับ --done", "--planned goes with --done")
    if args.done is not None and args.planned is None:
        raise UsageError("--done ใช้คู่กับ --planned", "--done goes with --planned")
    result = score_indicator(
        document,
        kind=kind,
        number=number,
        status=args.status,
        size=args.size,
        value=_decimal(args.value, "--value") if args.value is not None else None,
        steps=_steps(args.steps) if args.steps is not None else None,
        done=_decimal(args.done, "--done") if args.done is not None else None,
        planned=_decimal(args.planned, "--planned") if args.planned is not None else None,
        gettext=thai(),
    )
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2, default=_number) + "\n")
    return 0


def run_import(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpi.settings")
    import django

    django.setup()
    from kpi.rounds.importing import ImportRefused, import_circular

    try:
        result = import_circular(
            args.file.read_bytes(),
            args.file.name,
            by=None,
            province=_province(args.province),
            create_missing=args.create_round,
        )
    except ImportRefused as error:
        print(f"kpi: {describe(error)}", file=sys.stderr)
        return 2
    print(result.summary())
    return 0


def run_remind(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpi.settings")
    import django

    django.setup()
    from kpi.results.reminders import send_reminders

    if args.days < 0:
        raise UsageError("--days ต้องไม่ติดลบ", "--days must not be negative")
    print(send_reminders(days=args.days, dry_run=args.dry_run).text())
    return 0


def run_notice(args: argparse.Namespace) -> int:
    from kpi.documents.writing import NoticeOptions, notice_format, read_json, render_notice

    output_format = notice_format(args.output)
    data = sys.stdin.buffer.read() if str(args.file) == "-" else args.file.read_bytes()
    options = NoticeOptions(thai_digits=not args.arabic_digits)
    args.output.write_bytes(render_notice(read_json(data), output_format, options))
    return 0


def _describe(error: Any) -> str:
    """One line, Thai then English: the error's own Thai (``message_th``) where it has one, so
    its words read right without the compiled catalogue; the catalogue's otherwise."""
    thai_text = getattr(error, "message_th", None)
    if not thai_text:
        return describe(error)
    text = both(thai_text, error.message)
    return f"{text} [{error.where}]" if error.where else text


def _hint(error: Exception) -> str:
    """The option values that would do, for refusals a different option value fixes."""
    from kpi.scoring import SizeRequired
    from kpi.scoring.circular import IndicatorNotFound, VersionNotFound

    options: dict[type, tuple[str, str]] = {
        SizeRequired: ("--size", "sizes"),
        VersionNotFound: ("--status", "known"),
        IndicatorNotFound: ("--indicator", "known"),
    }
    option, param = options.get(type(error), ("", ""))
    if not option:
        return ""
    values = str(error.params[param]).replace(", ", "|")  # type: ignore[attr-defined]
    return " " + both(f"ระบุ {option} {values}", f"give {option} {values}")


def _province(prefix: str | None):  # type: ignore[no-untyped-def]
    if prefix is None:
        return None
    from kpi.org.models import Province

    province = Province.objects.filter(letter_prefix=prefix).first()
    if province is None:
        raise UsageError(
            f"ไม่พบจังหวัดที่มีอักษรย่อ {prefix}", f"no province with the letter prefix {prefix}"
        )
    return province


def _indicator_key(text: str) -> tuple[str, int]:
    kind, _, number = text.partition("/")
    if kind not in {"team", "individual"} or not number.isdigit():
        raise UsageError(
            f"--indicator ต้องเป็น team/N หรือ individual/N ไม่ใช่ {text!r}",
            f"--indicator must be team/N or individual/N, not {text!r}",
        )
    return kind, int(number)


def _number(value: object) -> int | float:
    """JSON numbers for the engine's Decimals: integral ones as ints, the rest as floats."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(str(value))
    raise TypeError(f"not JSON serialisable: {value!r}")


def _decimal(text: str, option: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", ""))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise UsageError(
            f"{option} ต้องเป็นตัวเลข ไม่ใช่ {text!r}", f"{option} must be a number, not {text!r}"
        )
    return value


def _steps(text: str) -> list[int]:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not all(part.isdigit() for part in parts):
        raise UsageError(
            f"--steps ต้องเป็นเลขขั้นตอนคั่นด้วยจุลภาค เช่น 1,2,4 ไม่ใช่ {text!r}",
            f"--steps must be step numbers separated by commas, e.g. 1,2,4, not {text!r}",
        )
    return [int(part) for part in parts]


if __name__ == "__main__":
    sys.exit(main())
