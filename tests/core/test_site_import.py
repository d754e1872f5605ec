from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach_app.core.model import Contact
from outreach_app.core.site_import import (
    ContactError,
    decode_csv_bytes,
    parse_contacts,
    parse_sites_csv,
)


def reasons(text: str, existing: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    return [(e.line, e.reason) for e in parse_sites_csv(text, existing).errors]


def test_good_file_with_contacts_and_tags() -> None:
    result = parse_sites_csv(
        "name,region,contacts,tags\n"
        '红旗村,甘肃,"张德明:13909321234; 马秀兰：0932-1234567",乡村振兴、马铃薯;扶贫\n'
    )
    assert result.ok
    site = result.sites[0]
    assert site.contacts == [Contact("张德明", "13909321234"), Contact("马秀兰", "0932-1234567")]
    assert site.tags == ["乡村振兴", "马铃薯", "扶贫"]


def test_chinese_headers_are_understood() -> None:
    result = parse_sites_csv(
        "名称,地区,地址,联系人,备注,标签\n望京,北京,阜通东大街,刘洋:010-64701234,,社区\n"
    )
    assert result.ok and result.sites[0].address == "阜通东大街"


def test_every_bad_row_is_reported_with_its_line() -> None:
    text = (
        "name,region,contacts\n"
        "甲,,\n"  # 2 fine
        ",北京,\n"  # 3 no name
        "乙,,李四:abc\n"  # 4 bad phone
        "甲,,\n"  # 5 duplicate in file
        "丙,北京\n"  # 6 wrong field count
        "丁,,:13900000000\n"  # 7 contact without a name
        "已有,,\n"  # 8 exists already
    )
    found = reasons(text, existing=("已有",))
    assert [line for line, _ in found] == [3, 4, 5, 6, 7, 8]
    assert "no name" in found[0][1]
    assert "not valid" in found[1][1]
    assert "also on line 2" in found[2][1]
    assert "2 fields" in found[3][1]
    assert "has no name" in found[4][1]
    assert "already exists" in found[5][1]
    assert parse_sites_csv(text, ("已有",)).sites[0].name == "甲"  # parsed, but not importable


def test_line_numbers_count_multi_line_fields() -> None:
    text = 'name,connection_notes\n甲,"第一行\n第二行"\n,x\n'
    assert [line for line, _ in reasons(text)] == [4]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_a_line_break_in_a_quoted_field_is_one_newline(newline: str) -> None:
    text = f'name,connection_notes\r\n甲,"第一行{newline}第二行"\r\n乙,x\r\n'
    result = parse_sites_csv(text)
    assert result.ok, result.errors
    assert [s.connection_notes for s in result.sites] == ["第一行\n第二行", "x"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("name,region\n", "header but no sites"),
        ("region,address\n甘肃,x\n", "missing required column"),
        ("name,colour\n甲,红\n", "unknown column(s): colour"),
        ("name,name\n甲,乙\n", "a column appears twice"),
    ],
)
def test_file_level_problems(text: str, expected: str) -> None:
    found = reasons(text)
    assert found and expected in found[0][1]


def test_too_long_field_is_refused() -> None:
    assert "longer than 2000" in reasons("name,address\n甲," + "长" * 2001 + "\n")[0][1]


def test_duplicate_names_ignore_case() -> None:
    assert "already exists" in reasons("name\nGas Field\n", existing=("gas field",))[0][1]


def test_decoding_utf8_bom_and_gb18030() -> None:
    assert decode_csv_bytes("\ufeffname\n甲\n".encode()) == "name\n甲\n"
    assert decode_csv_bytes("name\n红旗村\n".encode("gb18030")) == "name\n红旗村\n"


def test_contact_parser_reports_the_bad_phone() -> None:
    with pytest.raises(ContactError) as raised:
        parse_contacts("王五:12")
    assert raised.value.params == {"phone": "12", "name": "王五"}


@given(st.text(max_size=300))
def test_any_text_gives_sites_or_errors_never_an_exception(text: str) -> None:
    result = parse_sites_csv(text)
    assert result.ok or result.errors
    assert all(e.line >= 1 for e in result.errors)
