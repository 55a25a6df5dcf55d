"""The reader's data files under loaders/data/, read once."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def data_file(name: str) -> dict:
    return yaml.safe_load(resources.files("loaders").joinpath(f"data/{name}").read_text(encoding="utf-8")) or {}


def names_data() -> dict:
    return data_file("names.yaml")


def phrasings() -> dict:
    return data_file("phrasings.yaml")
