"""No function in bot/ or handlers/ reaches 60 lines (issue 19, must-show 5): a long one is
split into named helpers by what its parts mean. Nested functions count on their own, and
inside their parent."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 60


def function_lengths(folder: Path) -> list[tuple[int, str]]:
    """(lines, "path:line name") for every function and method below ``folder``."""
    found: list[tuple[int, str]] = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                where = f"{path.relative_to(folder.parent)}:{node.lineno} {node.name}"
                found.append((node.end_lineno - node.lineno + 1, where))
    return found


def test_the_walk_measures_nested_functions_too(tmp_path: Path) -> None:
    inner = "\n".join(f"        x{i} = {i}" for i in range(3))
    (tmp_path / "m.py").write_text(f"def outer():\n    def inner():\n{inner}\n    return 1\n")
    lengths = sorted(n for n, _ in function_lengths(tmp_path))
    assert lengths == [4, 6]


def test_no_function_in_bot_or_handlers_is_60_lines_or_longer() -> None:
    too_long = [
        f"{where}: {n} lines"
        for folder in ("bot", "handlers")
        for n, where in function_lengths(ROOT / folder)
        if n >= LIMIT
    ]
    assert not too_long, "split these by meaning:\n" + "\n".join(sorted(too_long))
