"""What a real reader says at each screen change, every word (settled, not stopped).

    python -m tests.readers.screen_costs --reader fenrir t ctrl+g c ctrl+g
    python -m tests.readers.screen_costs --reader orca --data-file lived-in.json n ctrl+g

Prints, per key, the characters said and their start. The data file is copied first
(with its journal and copies), so the one given is left as it was. The before/after
tables of docs/screen-readers.md ("A speech budget for every screen") come from it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from tests.readers import reader_session


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reader", default="fenrir", choices=["orca", "fenrir", "yasr"])
    parser.add_argument("--data-file", type=Path, help="start from a copy of this file")
    parser.add_argument("keys", nargs="+", help="keys as the harness names them")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        home.mkdir()
        data_file = Path(folder) / "navigator.json"
        if args.data_file:
            for part in args.data_file.parent.glob(f"{args.data_file.name}*"):
                if part.is_file():
                    shutil.copy(
                        part, Path(folder) / part.name.replace(args.data_file.name, data_file.name)
                    )
        with reader_session(args.reader, data_file, env={"HOME": str(home)}) as session:
            session.wait_until_ready()
            for key in args.keys:
                heard = session.press(key)
                print(f"{key:8} {heard.chars:6} {heard.spoken[:90]!r}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
