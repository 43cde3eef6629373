"""Print the import cycles among veille's modules: imports at module level and, with --lazy, inside functions
and under `if TYPE_CHECKING:` too (a cycle hidden in a function or in type hints is still two modules that
need each other).

Run from the repository root:  python scripts/import_cycles.py [--lazy] [PACKAGE ...]   (default: veille)
Exits 1 when a cycle touches one of the packages, listing each group of modules and the imports inside it.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(path: Path, modules: set[str], lazy: bool = False) -> set[str]:
    """The veille modules a module imports at import time (or anywhere, with `lazy`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found: set[str] = set()
    body = list(tree.body)
    while body:
        node = body.pop(0)
        if isinstance(node, ast.If) and (lazy or not is_type_checking(node)):
            body.extend(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            body.extend(node.body + node.orelse + node.finalbody)
        elif lazy and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.With
                                 | ast.For | ast.While):
            body.extend(node.body)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {m for m in found if m in modules}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def main() -> int:
    lazy = "--lazy" in sys.argv
    packages = [a for a in sys.argv[1:] if a != "--lazy"] or ["veille"]
    paths = sorted(p for p in (ROOT / "veille").rglob("*.py") if "migrations" not in p.parts)
    modules = {module_name(p) for p in paths}
    graph = {module_name(p): imports_of(p, modules, lazy) for p in paths}
    found = [g for g in cycles(graph) if any(m == p or m.startswith(p + ".") for m in g for p in packages)]
    for group in found:
        print("cycle: " + ", ".join(group))
        for module in group:
            inside = sorted(graph[module] & set(group))
            print(f"  {module} imports {', '.join(inside)}")
    print(f"{len(found)} import cycle(s) among {len(modules)} modules")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
