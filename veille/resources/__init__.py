"""Language knowledge as data files: loaded on demand, strictly (a missing or malformed file is an error).

`load_yaml` parses one file; `load_data` parses and validates it against its schema (`schemas.py`). Nothing is
cached here: `veille.extract.knowledge.load_knowledge()` loads every file once and hands the compiled tables
to the layers.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from veille.errors import ResourceError

# libyaml's parser when installed: the actor files are the largest resources, and the pure-Python parser
# spent ~2 s on them.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Schema = TypeVar("Schema", bound=BaseModel)


def load_yaml(relative_path: str) -> Any:
    """Parse `veille/resources/<relative_path>` (YAML): missing, malformed or empty is a ResourceError."""
    try:
        text = resource_path(relative_path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing resource file: {relative_path}") from exc
    try:
        data = yaml.load(text, Loader=YAML_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise ResourceError(f"malformed YAML in {relative_path}: {exc}") from exc
    if data is None:
        raise ResourceError(f"empty resource file: {relative_path}")
    return data


def validate(data: Any, schema: type[Schema], name: str) -> Schema:
    """Data checked against a file's schema; a mismatch is a ResourceError naming the file and the key."""
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise ResourceError(f"invalid {name}: {exc}") from exc


def load_data(relative_path: str, schema: type[Schema]) -> Schema:
    """Load one resource file and validate it against its schema."""
    return validate(load_yaml(relative_path), schema, relative_path)


def resource_path(relative_path: str) -> Traversable:
    """A Traversable for a file or folder under veille/resources."""
    return resources.files("veille.resources").joinpath(relative_path)
