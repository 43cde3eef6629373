"""The documentation keeps up with the code: every CLI command has help with an example and is in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from veille.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def commands(group, prefix: str = "veille") -> list[tuple[str, object]]:
    """Every leaf command of the CLI with its full name ("veille gazetteer build"); a group is anything with
    sub-commands (Typer ships its own copy of click, so no class is checked)."""
    found = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix} {name}"
        if getattr(command, "commands", None):
            found += commands(command, full)
        else:
            found.append((full, command))
    return found


COMMANDS = commands(typer.main.get_command(app))


def test_the_cli_has_commands():
    assert len(COMMANDS) >= 10, [name for name, _ in COMMANDS]


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_has_help_with_an_example(name, command):
    help_text = command.help or ""
    assert help_text.strip(), f"{name} has no help"
    assert f"Example: {name}" in help_text, f"{name}: its help must end with 'Example: {name} ...'"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_is_in_the_readme(name, command):
    assert name in README, f"{name} is not documented in README.md"
