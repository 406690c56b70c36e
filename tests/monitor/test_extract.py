"""Article text, encodings, language and the keys that recognise the same article twice."""

from __future__ import annotations

from pathlib import Path

from safepassage.monitor.extract import (
    canonical_url,
    content_hash,
    decode,
    from_html,
    from_text,
    language,
    searchable,
)

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


def test_a_windows_1251_page_is_decoded_from_its_meta_tag_and_its_text_extracted() -> None:
    article = from_html(decode((ARTICLES / "ru-detained.html").read_bytes()), "https://news.example/a")
    assert article.title == "Задержание в Алматы"
    assert "Аминат Досхоеву" in article.text and "Главная" not in article.text
    assert article.language == "ru"


def test_bad_bytes_and_unknown_charsets_never_raise() -> None:
    assert decode(b"caf\xe9 \xff\xfe", "no-such-charset").startswith("caf")
    assert decode("Привет".encode("koi8-r"), "koi8-r") == "Привет"
    assert from_html("<html><body></body></html>").text == ""


def test_languages_are_detected_offline() -> None:
    assert language("Полиция задержала женщину по заявлению её родственников в Алматы.") == "ru"
    assert language("Police detained a woman after her relatives reported her missing.") == "en"
    assert language("أفادت تقارير بأن السلطات أوقفت امرأة في المطار قبل صعودها إلى الطائرة") == "ar"
    assert language("ok") == "und"


def test_a_name_only_in_the_headline_is_searched_too() -> None:
    article = from_html("<html><head><title>Аминат Досхоеву задержали</title></head><body><article>"
                        + "<p>" + "Полиция сообщила подробности задержания. " * 20 + "</p></article></body></html>")
    assert "Аминат" not in article.text and "Аминат Досхоеву" in searchable(article)
    plain = from_text("Заголовок\nТекст")
    assert searchable(plain) == plain.text  # the first line is already the title


def test_text_files_take_their_first_line_as_title() -> None:
    article = from_text((ARTICLES / "ar-dubai.txt").read_text())
    assert article.title == "توقيف امرأة في المطار" and article.language == "ar"


def test_the_same_article_under_other_urls_has_one_canonical_url() -> None:
    canonical = "https://news.example/2025/02/07/detained.html?id=5"
    for variant in (
        "HTTPS://News.Example:443/2025/02/07/detained.html?utm_source=rss&id=5#comments",
        "https://news.example//2025/02/07/detained.html?id=5&fbclid=abc",
    ):
        assert canonical_url(variant) == canonical
    assert canonical_url("https://news.example/a?b=2&a=1") == "https://news.example/a?a=1&b=2"


def test_republished_text_has_the_same_hash() -> None:
    assert content_hash("Police  detained\nAminat") == content_hash("police detained aminat")
    assert content_hash("Police detained Aminat") != content_hash("Police released Aminat")
