from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_app.core.demand_import import (
    MAX_DEMAND_BYTES,
    DemandFileError,
    DemandImportResult,
    SiteMatcher,
    demand_fingerprint,
    parse_date,
    parse_demands,
)
from outreach_app.core.model import FollowUpStatus, Site

TODAY = date(2026, 11, 23)
SITES = [
    Site("红旗村村委会", region="甘肃省定西市安定区", id=1),
    Site("望京街道社区服务中心", region="北京市朝阳区", id=2),
    Site("克拉2气田中控室", region="新疆阿克苏地区拜城县", id=3),
    Site("酒仙桥社区", region="北京市朝阳区", id=4),
]


def parse(text: str | bytes, name: str = "board.csv") -> DemandImportResult:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_demands(data, file_name=name, sites=SITES, today=TODAY)


def reasons(text: str, name: str = "board.csv") -> list[tuple[int, str]]:
    return [(e.line, e.reason) for e in parse(text, name).errors]


GOOD_CSV = (
    "date,site,channel,text,category\n"
    "2026-11-03,红旗村村委会,Ask Politics,三组水压不足，早晚用水困难,基础设施\n"
    "2026/11/05,安定区,People's Voices,村道路灯坏了三盏,\n"
    '2026年11月6日,克拉2气田中控室,Consumer Rights,"职工食堂价格上涨,\n希望公示",民生保障\n'
)


def test_a_good_csv_gives_demands_matched_to_sites() -> None:
    result = parse(GOOD_CSV)
    assert result.ok, result.errors
    assert result.file_format == "csv"
    first, second, third = result.demands
    assert (first.line, first.site_id, first.received_on) == (2, 1, date(2026, 11, 3))
    assert first.category == "基础设施" and first.channel == "Ask Politics"
    # The area of a site's region matches the one site there; the file's words are kept.
    assert (second.site_id, second.area, second.category) == (1, "安定区", "")
    # A quoted text over two lines: the next record's line counts both.
    assert third.line == 4 and third.text == "职工食堂价格上涨,\n希望公示"


def test_chinese_headers_and_gb18030_with_a_bom_less_file() -> None:
    text = "日期,地区,栏目,诉求,类别\n2026-10-30,望京街道社区服务中心,问政,快递柜不够,基础设施\n"
    result = parse(text.encode("gb18030"))
    assert result.ok
    assert result.demands[0].site_name == "望京街道社区服务中心"
    assert result.demands[0].channel == "问政"


def test_utf8_with_bom_and_area_header() -> None:
    text = "\ufeffDate,Area,Channel,Text\n2026-11-01,拜城县,Ask Politics,Gas supply at night\n"
    result = parse(text)
    assert result.ok and result.demands[0].site_id == 3


def test_every_bad_row_is_reported_with_its_line_and_reason() -> None:
    text = (
        "date,site,channel,text\n"
        "2026-11-03,红旗村村委会,Ask Politics,fine\n"  # 2 fine
        "2026-02-30,红旗村村委会,Ask Politics,x\n"  # 3 no such day
        "yesterday,红旗村村委会,Ask Politics,x\n"  # 4 not a date
        "2026-12-01,红旗村村委会,Ask Politics,x\n"  # 5 future
        "2026-11-03,上海,Ask Politics,x\n"  # 6 unknown area
        "2026-11-03,朝阳区,Ask Politics,x\n"  # 7 two sites there
        "2026-11-03,红旗村村委会,Ask Politics,\n"  # 8 no text
        "2026-11-03,红旗村村委会,,x\n"  # 9 no channel
        "2026-11-03,,Ask Politics,x\n"  # 10 no site
        "2026-11-03,红旗村村委会,Ask Politics," + "长" * 2001 + "\n"  # 11 too long
        "2026-11-03,红旗村村委会,Ask Politics\n"  # 12 a field short
    )
    found = reasons(text)
    assert [line for line, _ in found] == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    by_line = dict(found)
    assert "“2026-02-30” is not a valid date" in by_line[3]
    assert "write it like 2026-11-03" in by_line[4]
    assert "2026-12-01 is in the future" in by_line[5]
    assert "no site is called “上海”" in by_line[6]
    assert "fits several sites (望京街道社区服务中心、酒仙桥社区)" in by_line[7]
    assert "no text" in by_line[8]
    assert "no channel" in by_line[9]
    assert "no site or area" in by_line[10]
    assert "field text is longer than 2000 characters" in by_line[11]
    assert "has 3 fields, the header has 4" in by_line[12]
    assert not parse(text).ok


def test_the_column_name_in_a_message_is_the_files_own() -> None:
    text = "日期,站点,渠道,内容\n2026-11-03,红旗村村委会,问政," + "长" * 2001 + "\n"
    assert "field 内容 is longer" in reasons(text)[0][1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("date,site,channel,text\n", "header but no demands"),
        ("date,site,text\n2026-11-03,x,y\n", "missing required column “channel”"),
        ("date,site,channel,text,mood\n", "unknown column(s): mood"),
        ("date,site,channel,text,内容\n", "a column appears twice"),
    ],
)
def test_file_level_problems_are_on_line_one_or_two(text: str, expected: str) -> None:
    found = reasons(text)
    assert found and expected in found[0][1]
    assert found[0][0] in (1, 2)


def test_a_repeated_row_is_marked_not_refused() -> None:
    text = (
        "date,site,channel,text\n"
        "2026-11-03,红旗村村委会,Ask Politics,路灯坏了\n"
        "2026-11-03,红旗村村委会,Ask  Politics,路灯坏了 \n"
    )
    result = parse(text)
    assert result.ok
    assert [d.duplicate_of for d in result.demands] == [None, 2]
    assert [d.line for d in result.new_demands] == [2]


def test_fingerprint_ignores_spacing_and_case_but_not_the_date() -> None:
    one = demand_fingerprint(date(2026, 11, 3), "Ask Politics", "安定区", "Lights out")
    assert one == demand_fingerprint(date(2026, 11, 3), "ask politics ", "安定区", "lights  out")
    assert one != demand_fingerprint(date(2026, 11, 4), "Ask Politics", "安定区", "Lights out")


def test_json_list_of_objects_with_line_numbers() -> None:
    records = [
        {"date": "2026-11-03", "site": "红旗村村委会", "channel": "问政", "text": "水压不足"},
        {"日期": "2026-11-04 08:30", "地区": "朝阳区", "栏目": "百姓呼声", "诉求": "停车难"},
        {"date": "2026-11-05", "site": "克拉2气田中控室", "channel": "消费维权", "text": 5},
        ["not", "an", "object"],
        {"date": "2026-11-05", "site": "克拉2气田中控室", "text": "x"},
        {
            "date": "2026-11-05",
            "site": "克拉2气田中控室",
            "channel": "问政",
            "text": "x",
            "mood": 7,
        },
        {
            "date": "2026-11-05T09:00:00+08:00",
            "site": "克拉2气田中控室",
            "channel": "问政",
            "text": "夜间供气",
            "category": None,
        },
    ]
    text = json.dumps(records, ensure_ascii=False, indent=2)
    result = parse(text, "board.json")
    assert result.file_format == "json"
    lines = [e.line for e in result.errors]
    # Each record's line is where its opening bracket is (indent=2: one record spans several).
    starts = [i + 1 for i, line in enumerate(text.splitlines()) if line in ("  {", "  [")]
    assert lines == [starts[1], starts[2], starts[3], starts[4], starts[5]]
    assert [d.line for d in result.demands] == [starts[0], starts[6]]
    reasons_ = [e.reason for e in result.errors]
    assert "fits several sites" in reasons_[0]
    assert "field text must be text in quotes" in reasons_[1]
    assert "must be an object" in reasons_[2]
    assert "missing required column “channel”" in reasons_[3]
    assert "unknown column(s): mood" in reasons_[4]
    assert result.demands[1].received_on == date(2026, 11, 5)


@pytest.mark.parametrize(
    ("text", "expected", "line"),
    [
        ('[\n  {"date": "2026-11-03",\n  "site": }\n]', "not valid JSON", 3),
        ('{"date": "2026-11-03"}', "must hold a list", 1),
        ("[]", "holds no demands", 1),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON", 1),
    ],
)
def test_malformed_json_is_reported_with_its_line(text: str, expected: str, line: int) -> None:
    found = reasons(text, "board.json")
    assert found[0][0] == line
    assert expected in found[0][1]


def test_json_is_recognised_without_its_suffix() -> None:
    text = '[{"date": "2026-11-03", "site": "红旗村村委会", "channel": "问政", "text": "x"}]'
    assert parse(text, "export.txt").file_format == "json"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"PK\x03\x04\x00\x00rest of a zip", "not a text file"),
        ("日期,地区".encode("utf-16"), "not a text file"),
        (b"date,site\n\xff\xfe\xfa\x80\x81", "neither UTF-8 nor GB18030"),
        (b"x" * (MAX_DEMAND_BYTES + 1), "larger than 5 MB"),
    ],
)
def test_unreadable_files_raise_the_parsers_own_error(data: bytes, expected: str) -> None:
    with pytest.raises(DemandFileError) as raised:
        parse(data)
    assert expected in str(raised.value)
    assert raised.value.params["file"] == "board.csv"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-03", date(2026, 11, 3)),
        ("2026/1/5", date(2026, 1, 5)),
        ("2026.01.05", date(2026, 1, 5)),
        ("2026年1月5日", date(2026, 1, 5)),
        ("2026-11-03 14:22", date(2026, 11, 3)),
        ("2026-11-03T14:22:05.123Z", date(2026, 11, 3)),
    ],
)
def test_dates_as_boards_write_them(value: str, expected: date) -> None:
    assert parse_date(value, TODAY) == expected


@pytest.mark.parametrize("value", ["1999-12-31", "03/11/2026", "2026-11-03 lunch", "2026-13-01"])
def test_dates_that_are_refused(value: str) -> None:
    assert not isinstance(parse_date(value, TODAY), date)


def test_site_matcher_prefers_the_exact_name() -> None:
    sites = [Site("朝阳", region="辽宁省", id=1), Site("望京", region="北京市朝阳区", id=2)]
    matched = SiteMatcher(sites).match("朝阳")
    assert isinstance(matched, Site) and matched.id == 1


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_give_demands_errors_or_the_parsers_own_error(data: bytes) -> None:
    for name in ("board.csv", "board.json", "board.txt"):
        try:
            result = parse(data, name)
        except DemandFileError:
            continue
        assert result.ok or result.errors
        assert all(e.line >= 1 for e in result.errors)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "date": st.one_of(st.text(max_size=12), st.integers(), st.none()),
                "site": st.sampled_from(["红旗村村委会", "朝阳区", "", "x"]),
                "channel": st.text(max_size=5),
                "text": st.one_of(st.text(max_size=20), st.lists(st.integers(), max_size=2)),
            }
        ),
        max_size=5,
    )
)
def test_arbitrary_json_records_never_raise(records: list[dict[str, object]]) -> None:
    result = parse(json.dumps(records), "board.json")
    assert result.ok or result.errors


BOARD_CSV = (
    "留言编号,留言日期,地区,栏目,留言内容,办理状态,认领时间,认领人,回复时间,回复内容,办结时间,"
    "责任单位\n"
    "A-1001,2026-11-03,红旗村村委会,问政,三组水压不足,已办结,2026-11-04 09:30,张书记,"
    '2026-11-06 15:00,"已派人检修,\n下周换泵",2026-11-10 17:45,安定区水务局\n'
    "A-1002,2026-11-05,安定区,百姓呼声,村道路灯坏了,待认领,,,,,,\n"
    "A-1003,2026-11-05,克拉2气田中控室,问政,食堂价格上涨,,,,2026-11-07 10:00,已公示价格,,\n"
)


def test_a_boards_export_brings_ids_status_times_and_unit() -> None:
    result = parse(BOARD_CSV)
    assert result.ok, result.errors
    solved, waiting, answered = result.demands
    assert solved.message_id == "A-1001" and solved.status is FollowUpStatus.SOLVED
    assert solved.board_steps == [
        (FollowUpStatus.CLAIMED, datetime(2026, 11, 4, 9, 30), "张书记"),
        (FollowUpStatus.RESPONDED, datetime(2026, 11, 6, 15, 0), "已派人检修,\n下周换泵"),
        (FollowUpStatus.SOLVED, datetime(2026, 11, 10, 17, 45), ""),
    ]
    assert solved.unit == "安定区水务局"
    assert waiting.board_status is FollowUpStatus.OPEN and waiting.board_steps == []
    # No status column value: the times say where it stands; answered without a claim time.
    assert answered.status is None and answered.board_status is FollowUpStatus.RESPONDED


def test_english_headers_and_json_with_numeric_ids() -> None:
    records = [
        {
            "Message ID": 88,
            "date": "2026-11-03",
            "site": "红旗村村委会",
            "channel": "Ask Politics",
            "text": "Water pressure",
            "Status": "claimed",
            "Claimed at": "2026-11-04T08:00:00+08:00",
            "Claimed by": "Secretary Zhang",
            "Responsible unit": "Water bureau",
        }
    ]
    result = parse(json.dumps(records), "board.json")
    assert result.ok, result.errors
    (demand,) = result.demands
    assert (demand.message_id, demand.status, demand.claimed_by, demand.unit) == (
        "88",
        FollowUpStatus.CLAIMED,
        "Secretary Zhang",
        "Water bureau",
    )
    assert demand.claimed_at == datetime(2026, 11, 4, 8, 0)


@pytest.mark.parametrize(
    ("columns", "values", "expected"),
    [
        ("status", "已办结", "the status “已办结” needs solved_at"),
        ("status,claimed_at", "open,2026-11-04", "the status is “open” but claimed_at is given"),
        ("status", "maybe", "“maybe” is not a status"),
        ("claimed_at,solved_at", "2026-11-08,2026-11-05", "must run in order"),
        ("claimed_at", "2026-11-01", "claimed_at (2026-11-01) is before the demand was received"),
        ("claimed_at", "2026-12-01", "is in the future"),
        ("claimed_by", "张书记", "claimed_by is given without claimed_at"),
        ("response", "已处理", "response is given without responded_at"),
        ("solved_at", "yesterday", "is not a date"),
    ],
)
def test_progress_that_does_not_add_up_is_refused(columns: str, values: str, expected: str) -> None:
    text = f"date,site,channel,text,{columns}\n2026-11-03,红旗村村委会,问政,x,{values}\n"
    found = reasons(text)
    assert len(found) == 1 and found[0][0] == 2
    assert expected in found[0][1]


def test_a_message_id_twice_in_the_file_is_refused() -> None:
    text = (
        "id,date,site,channel,text\n"
        "7,2026-11-03,红旗村村委会,问政,x\n"
        "7,2026-11-04,红旗村村委会,问政,y\n"
    )
    assert reasons(text) == [(3, "message 7 is also on line 2")]
