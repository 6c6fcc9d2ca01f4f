"""Files the benchmarks read."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the revision notice อบ 0019/ว 536 (byte for byte the demo's ``ubon-2567-2-revision.txt``)
SEED = ROOT / "tests" / "seeds" / "000_83c347e598ee7ce5.txt"
