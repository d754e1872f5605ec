from __future__ import annotations

import pytest

from outreach_app.core.text_search import (
    SearchPlan,
    highlight_html,
    is_cjk,
    plan_search,
    split_cjk,
)


def test_split_cjk_isolates_each_chinese_character_and_keeps_latin_words_whole() -> None:
    assert split_cjk("燃气ok 2号").split() == ["燃", "气", "ok", "2", "号"]
    assert split_cjk("") == "" and split_cjk(None) == ""
    assert split_cjk("gas supply") == "gas supply"


def test_is_cjk_knows_ideographs_kana_and_hangul_but_not_latin_or_punctuation() -> None:
    assert all(is_cjk(c) for c in "气㐀あア한")
    assert not any(is_cjk(c) for c in "aZ9？，,")


@pytest.mark.parametrize(
    ("query", "plan"),
    [
        ("水", SearchPlan(None, '"水"')),
        ("燃气", SearchPlan(None, '"燃 气"')),
        ("天然气", SearchPlan('"天然气"', None)),
        ("AI", SearchPlan(None, '"AI"*')),
        ("gas", SearchPlan('"gas"', None)),
        ("燃气 AI", SearchPlan(None, '"燃 气" AND "AI"*')),
        ("休息 安全生产 gas", SearchPlan('"安全生产" AND "gas"', '"休 息"')),
    ],
)
def test_plan_sends_three_or_more_characters_to_trigram_and_shorter_terms_to_unigram(
    query: str, plan: SearchPlan
) -> None:
    assert plan_search(query) == plan


def test_quotes_are_doubled_so_that_they_stay_literal() -> None:
    assert plan_search('say "hi"') == SearchPlan('"say" AND """hi"""', None)
    assert plan_search('a"b').trigram_match == '"a""b"'


@pytest.mark.parametrize("query", ["", "   ", '"', "**", "()"])
def test_queries_without_words_plan_nothing(query: str) -> None:
    assert plan_search(query).is_empty


def test_fts_operators_typed_by_the_user_are_quoted_as_plain_words() -> None:
    plan = plan_search("gas AND NEAR(x)")
    assert plan.trigram_match == '"gas" AND "AND" AND "NEAR(x)"'


def test_highlight_escapes_markup_in_the_text_and_in_the_query() -> None:
    marked = highlight_html("<script>alert(1)</script> 燃气", "燃气 <script>")
    assert "<script>" not in marked.replace("<mark>&lt;script&gt;</mark>", "")
    assert marked == "<mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt; <mark>燃气</mark>"


def test_highlight_ignores_case_and_keeps_the_original_spelling() -> None:
    assert (
        highlight_html("Gas GAS gas", "gAs") == "<mark>Gas</mark> <mark>GAS</mark> <mark>gas</mark>"
    )


def test_highlight_prefers_the_longest_term_and_leaves_text_alone_without_a_query() -> None:
    assert highlight_html("天然气管道", "天然 天然气") == "<mark>天然气</mark>管道"
    assert highlight_html("a < b", "") == "a &lt; b"
    assert highlight_html("供暖", "气", tag="b") == "供暖"
