"""Where the application keeps its files. No Qt here: the command line and the server use it too."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Outreach"
APP_ID = "outreach"
ORGANIZATION = "Outreach"
# The demo must never touch the user's real data: it has its own file.
DEMO_DB_NAME = "demo.db"
DB_NAME = "outreach.db"


def data_dir() -> Path:
    override = os.environ.get("OUTREACH_DATA_DIR")
    if override:
        return Path(override)
    return platformdirs.user_data_path(APP_ID, ORGANIZATION)


def config_dir() -> Path:
    override = os.environ.get("OUTREACH_CONFIG_DIR")
    if override:
        return Path(override)
    return platformdirs.user_config_path(APP_ID, ORGANIZATION)


def default_db_path() -> Path:
    return data_dir() / DB_NAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_NAME


def resources_dir() -> Path:
    """resources/ beside the package in a checkout, or inside a frozen bundle."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"
