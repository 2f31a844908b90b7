"""Yen amounts and subsidy rates as calls for applications write them."""
import pytest

from extractors.budget import amounts, figures, normalize_rate, parse_yen, subsidy_rates
from extractors.normalize import normalize


@pytest.mark.parametrize(
    ("written", "yen"),
    [
        ("5億", 500_000_000),
        ("5,000万", 50_000_000),
        ("3億5,000万", 350_000_000),
        ("1,000千", 1_000_000),
        ("1.5億", 150_000_000),
        ("二千万", 20_000_000),
        ("十五万", 150_000),
        ("100,000", 100_000),
        ("1兆2,000億", 1_200_000_000_000),
    ],
)
def test_parse_yen(written, yen):
    assert parse_yen(written) == yen


def test_amounts_keep_offsets_and_approximation():
    text = normalize("・全体予算\n５億円程度")
    [amount] = amounts(text)
    assert amount.yen == 500_000_000
    assert amount.approximate
    assert text[amount.start:amount.end] == amount.text == "5億円程度"


@pytest.mark.parametrize(
    ("text", "kind", "yen"),
    [
        ("全体予算 5億円程度", "budget", 500_000_000),
        ("事業規模 上限1億円", "cap", 100_000_000),
        ("※過去に支援地域として選定された都道府県については上限5,000万円。", "cap", 50_000_000),
        ("1件あたり500万円以内", "cap", 5_000_000),
        ("令和7年度予算額 12億円", "budget", 1_200_000_000),
        ("最大 3,000万円", "cap", 30_000_000),
        ("謝金として1万円を支払います", "amount", 10_000),
    ],
)
def test_figures_say_what_an_amount_is(text, kind, yen):
    [figure] = figures(normalize(text))
    assert (figure.kind, figure.yen) == (kind, yen)


def test_a_label_from_the_line_above_gives_the_meaning():
    [figure] = figures("5億円程度", label="全体予算")
    assert figure.kind == "budget"


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("補助率 1/2", "1/2"),
        ("補助率：２分の１以内", "1/2以内"),
        ("補助率は二分の一", "1/2"),
        ("補助率：定額", "定額"),
        ("国費率 10/10", "10/10"),
        ("補助率 ５０％", "50%"),
    ],
)
def test_subsidy_rates(text, rate):
    [found] = subsidy_rates(normalize(text))
    assert found.rate == rate


def test_no_rate_without_a_label():
    assert subsidy_rates("令和7年1月28日〜令和7年3月6日 1/2ページ") == []


@pytest.mark.parametrize(
    ("text", "label", "rate"),
    [("定額(上限5,000万円)", "補助率", "定額"), ("2分の1以内", "【補助率】", "1/2以内"), ("1/3", "国費率", "1/3")],
)
def test_a_bare_rate_under_a_rate_label(text, label, rate):
    [found] = subsidy_rates(text, label)
    assert found.rate == rate
    assert text[found.start:found.end] == found.text


def test_a_bare_fraction_without_a_rate_label_is_no_rate():
    assert subsidy_rates("1/2", "事業規模") == []
    assert subsidy_rates("1/2", None) == []


def test_normalize_rate_forms():
    assert normalize_rate("2 分の 1") == "1/2"
    assert normalize_rate("1 / 3") == "1/3"


def test_dates_and_phone_numbers_are_not_amounts():
    assert amounts("令和8年3月4日(水)〜同年3月26日(木)午後5時 電話:03-5213-4242") == []
