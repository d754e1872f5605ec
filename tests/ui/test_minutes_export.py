"""Exporting minutes from the review page: PDF (Qt) and Word, read back by outside tools.

The pages these tests render (pdftoppm) were looked at by a person for layout and Chinese
glyphs; the checks here keep what was seen: text, page numbers, page size, embedded CJK font.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from outreach_app.core.minutes_document import (
    Column,
    MinutesDocument,
    Paragraph,
    Section,
    Table,
    build_minutes_document,
)
from outreach_app.core.model import ReviewState, Role, User
from outreach_app.core.topics import Topic
from outreach_app.ui.context import UiContext
from outreach_app.ui.exports.minutes_pdf import write_minutes_pdf
from outreach_app.ui.exports.runner import ExportTask
from outreach_app.ui.exports.vocabulary import minutes_vocabulary
from outreach_app.ui.fonts import document_cjk_family
from outreach_app.ui.review.page import build_page
from outreach_app.ui.review.view import ReviewView
from tests.exports import seed
from tests.exports.tools import has_cjk_font, pages_as_png, pdf_pages, pdf_text, squash, tool
from tests.ui.conftest import Repo, until


@pytest.fixture
def user() -> User:
    return User(seed.REVIEWER, Role.REVIEWER)


@pytest.fixture
def session_id(repo: Repo) -> int:
    return int(repo(seed.seed_minutes))


async def open_view(context: UiContext, qtbot: QtBot, session_id: int) -> ReviewView:
    view = ReviewView(context)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    await until(
        lambda: view.presenter.record is not None and view.presenter.record.session_id == session_id
    )
    return view


async def finished(view: ReviewView) -> None:
    await until(lambda: view.export_task is None, timeout=30)
    await view.presenter.wait_idle()


def test_qt_pdf_has_the_record_page_numbers_a4_and_chinese_glyphs(
    repo: Repo,
    session_id: int,
    tmp_path: Path,
    use_language: Callable[[str], QLocale],
) -> None:
    use_language("zh_CN")
    minutes = repo(lambda r: r.review.minutes(session_id))
    document = build_minutes_document(minutes, words=minutes_vocabulary())
    target = tmp_path / "纪要.pdf"
    write_minutes_pdf(document, target, font_family=document_cjk_family())

    text = squash(pdf_text(target))
    for expected in (
        seed.TITLE,
        "2026年11月23日",
        "一、",
        seed.SITES[0],
        seed.QUESTION,
        seed.ANSWER,
        seed.SPEAKER,
        seed.COMMITMENT,
        seed.OWNER,
        "2026/12/5",
        "第14项回答：已逐户走访，煤改电补贴按时发放。",
        seed.RETURN_COMMENT,
        seed.REVIEWER,
    ):
        assert squash(expected) in text, expected
    pages = pdf_pages(target)
    assert pages >= 2
    for page in range(1, pages + 1):
        assert f"{page}of{pages}" in text or f"第{page}页" in text
    assert has_cjk_font(target)
    info = subprocess.run(
        [tool("pdfinfo"), str(target)], capture_output=True, text=True, check=True
    ).stdout
    assert "(A4)" in info
    images = pages_as_png(target, tmp_path / "page")
    assert len(images) == pages and all(image.stat().st_size > 10_000 for image in images)


def test_a_table_row_is_never_cut_by_a_page(qtbot: QtBot, tmp_path: Path) -> None:
    # Rows of seven lines in a table that runs over several pages: QTextDocument alone would
    # cut some of them between two pages. Each row's first and last words must be read back
    # from the same page, and every page after a cut starts with the header row again.
    long_answer = "\n".join(f"line {line} of the answer" for line in range(2, 7))
    rows = tuple(
        (str(number), f"FIRST{number:02d}", f"{long_answer}\nLAST{number:02d}")
        for number in range(1, 31)
    )
    table = Table(
        "Questions and answers",
        (Column("No.", 0.1, centred=True), Column("Question", 0.3), Column("Answer", 0.6)),
        rows,
    )
    document = MinutesDocument(
        title="Minutes",
        subtitle="2026-11-23",
        fields=(("Official", "Wang"),),
        sections=(Section("1. A site", (Paragraph("Time box: 09:00–10:00"), table)),),
        signatures=(("Approved by:", ""),),
        page_footer="Page %1 of %2",
        review_state=ReviewState.PENDING,
    )
    target = tmp_path / "long.pdf"
    write_minutes_pdf(document, target)

    pages = pdf_text(target).split("\f")
    assert pdf_pages(target) >= 3
    for number in range(1, 31):
        first = next(i for i, page in enumerate(pages) if f"FIRST{number:02d}" in page)
        assert f"LAST{number:02d}" in pages[first], f"row {number} cut by page {first + 1}"
    for page in pages[1 : pdf_pages(target)]:
        assert "Question" in page.split("FIRST")[0], "a continued table repeats its header"


async def test_exporting_pdf_from_the_review_page(
    context: UiContext, qtbot: QtBot, session_id: int, tmp_path: Path
) -> None:
    view = await open_view(context, qtbot, session_id)
    assert view.minutes.export_button.isEnabled()
    target = tmp_path / "exports" / "minutes.pdf"
    target.parent.mkdir()
    task = view.export_minutes_to(target)
    assert isinstance(task, ExportTask)
    await finished(view)
    assert target.is_file()
    assert "Minutesof安全生产调度" in squash(pdf_text(target))
    assert view.messages.isVisible() and str(target) in view.messages.label.text()
    assert sorted(p.name for p in target.parent.iterdir()) == ["minutes.pdf"]


async def test_exporting_word_from_the_review_page(
    context: UiContext, qtbot: QtBot, session_id: int, tmp_path: Path
) -> None:
    view = await open_view(context, qtbot, session_id)
    target = tmp_path / "minutes.docx"
    view.export_minutes_to(target)
    await finished(view)
    opened = docx.Document(str(target))
    cells = [cell.text for table in opened.tables for row in table.rows for cell in row.cells]
    assert seed.QUESTION in "\n".join(cells)
    assert opened.core_properties.author == seed.REVIEWER


@pytest.mark.parametrize(("language", "mark"), [("en", "DRAFT"), ("zh_CN", "草稿")])
async def test_minutes_not_approved_export_marked_as_a_draft_on_every_page(
    context: UiContext,
    qtbot: QtBot,
    session_id: int,
    repo: Repo,
    tmp_path: Path,
    use_language: Callable[[str], QLocale],
    language: str,
    mark: str,
) -> None:
    use_language(language)
    view = await open_view(context, qtbot, session_id)
    approved = tmp_path / "approved.pdf"
    view.export_minutes_to(approved)
    await finished(view)
    assert mark not in pdf_text(approved)

    repo(lambda r: r.review.set_review(session_id, ReviewState.RETURNED, "请核对数字"))
    context.bus.announce(Topic.REVIEWS)
    await until(
        lambda: (
            view.presenter.record is not None
            and view.presenter.record.minutes.review_state is ReviewState.RETURNED
        )
    )
    target = tmp_path / "draft.pdf"
    view.export_minutes_to(target)
    await finished(view)
    pages = pdf_text(target).split("\f")[: pdf_pages(target)]
    assert len(pages) >= 2 and all(mark in page for page in pages)
    assert pages_as_png(target, tmp_path / "draft-page")

    word = tmp_path / "draft.docx"
    view.export_minutes_to(word)
    await finished(view)
    opened = docx.Document(str(word))
    assert mark in opened.paragraphs[0].text
    assert mark in opened.sections[0].header.paragraphs[0].text


async def test_cancelling_leaves_no_file(
    context: UiContext, qtbot: QtBot, session_id: int, tmp_path: Path
) -> None:
    view = await open_view(context, qtbot, session_id)
    target = tmp_path / "exports" / "minutes.pdf"
    target.parent.mkdir()
    task = view.export_minutes_to(target)
    assert task is not None
    cancel = task.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    await finished(view)
    assert list(target.parent.iterdir()) == []
    assert "cancelled" in view.messages.label.text()


async def test_an_unwritable_place_gives_a_message_not_a_crash(
    context: UiContext, qtbot: QtBot, session_id: int, tmp_path: Path
) -> None:
    view = await open_view(context, qtbot, session_id)
    for target, words in (
        (tmp_path / "no such folder" / "minutes.pdf", "does not exist"),
        (Path("/sys/minutes.docx"), "You may not write"),
    ):
        view.export_minutes_to(target)
        await finished(view)
        assert view.messages.isVisible()
        assert words in view.messages.label.text() and str(target) in view.messages.label.text()
        assert not target.exists()


async def test_the_file_dialog_offers_a_dated_name_and_remembers_the_folder(
    context: UiContext,
    qtbot: QtBot,
    session_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context.settings.set_export_folder(str(tmp_path))
    view = await open_view(context, qtbot, session_id)
    offered: list[tuple[str, str]] = []
    chosen_folder = tmp_path / "out"
    chosen_folder.mkdir()

    def save_file_name(
        parent: QWidget, caption: str, directory: str, filters: str, selected: str
    ) -> tuple[str, str]:
        offered.append((directory, filters))
        # No extension typed, the Word filter chosen.
        return str(chosen_folder / "纪要"), filters.split(";;")[1]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file_name))
    view.export_minutes()
    await finished(view)
    directory, filters = offered[0]
    assert Path(directory) == tmp_path / "2026-11-23 安全生产调度 minutes.pdf"
    assert filters == "PDF document (*.pdf);;Word document (*.docx)"
    assert (chosen_folder / "纪要.docx").is_file()
    assert context.settings.export_folder() == str(chosen_folder)


async def test_ctrl_e_is_the_export_action_of_the_page(
    context: UiContext, qtbot: QtBot, session_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = build_page(context)
    view = page.widget
    assert isinstance(view, ReviewView)
    qtbot.addWidget(view)
    export = next(a for a in page.actions if a.shortcut().toString() == "Ctrl+E")
    asked: list[str] = []

    def ask(_parent: object, caption: str, *_rest: object) -> tuple[str, str]:
        asked.append(caption)
        return ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    await until(lambda: view.presenter.record is not None)
    export.trigger()
    assert asked == ["Export minutes"]
    assert view.export_task is None
    await view.presenter.wait_idle()
