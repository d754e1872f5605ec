"""Every message the core and the store raise for users can be translated."""

from __future__ import annotations

import ast
from pathlib import Path

from outreach_app.ui.message_catalog import MESSAGE_TEMPLATES

PACKAGE = Path(__file__).resolve().parents[2] / "outreach_app"
MESSAGE_ERRORS = {
    "RowError": 1,  # RowError(line, template, ...)
    "ContactError": 0,
    "StoreError": 0,
    "DatabaseRefusedError": 1,  # DatabaseRefusedError(kind, template, ...)
    "NotFoundError": 0,
    "SiteInUseError": 0,
    "DemoRefusedError": 0,
    "ImportFileError": 0,
    "SettingError": 0,
    "BackupError": 0,
    "EncryptionError": 0,
    "KeyRequiredError": 0,
    "WrongKeyError": 0,
    "FollowUpRuleError": 0,
    "RuleError": 0,
    "DemandFileError": 0,
    "RowErrorTemplate": 0,
}


def raised_templates() -> set[str]:
    templates: set[str] = set()
    for path in [
        *PACKAGE.glob("core/*.py"),
        *PACKAGE.glob("storage/*.py"),
        *PACKAGE.glob("ui/**/*.py"),
    ]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            position = MESSAGE_ERRORS.get(name)
            if position is None or len(node.args) <= position:
                continue
            argument = node.args[position]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                templates.add(argument.value)
    return templates


def test_every_raised_template_is_in_the_catalog() -> None:
    raised = raised_templates()
    assert len(raised) > 30
    assert raised - set(MESSAGE_TEMPLATES) == set()


def test_the_catalog_has_nothing_that_is_no_longer_raised() -> None:
    assert set(MESSAGE_TEMPLATES) - raised_templates() == set()
