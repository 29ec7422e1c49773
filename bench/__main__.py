"""Run every benchmark in this folder (`make bench`), each in its own process, and print figures."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(p for p in HERE.glob("*.py") if not p.name.startswith("_"))
    failed = 0
    for script in scripts:
        print(f"\n### {script.stem}", flush=True)
        result = subprocess.run([sys.executable, "-m", f"bench.{script.stem}", *sys.argv[1:]])  # noqa: S603
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
