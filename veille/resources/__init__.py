"""Language knowledge as data files: loaded on demand, strictly (a missing or malformed file is an error)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from veille.errors import ResourceError


@cache
def load_yaml(relative_path: str) -> Any:
    """Load `veille/resources/<relative_path>` (YAML); read-only data, so caching it per process is safe."""
    ref = resources.files("veille.resources").joinpath(relative_path)
    try:
        text = ref.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing resource file: {relative_path}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ResourceError(f"malformed YAML in {relative_path}: {exc}") from exc
    if data is None:
        raise ResourceError(f"empty resource file: {relative_path}")
    return data


def resource_path(relative_path: str):
    """A Traversable for a file or folder under veille/resources."""
    return resources.files("veille.resources").joinpath(relative_path)
