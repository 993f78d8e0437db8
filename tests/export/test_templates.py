"""User templates override the built-in ones; broken ones fall back with a warning."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from newsdesk import paths
from newsdesk.export import ExportOptions, render, render_files
from newsdesk.export.templates import (
    ARTICLE_VARIABLES,
    DIGEST_VARIABLES,
    TEMPLATE_FILES,
    builtin_template_text,
    load_template,
)
from newsdesk.model import Article

from .conftest import ArticleFactory

NOW = datetime(2026, 11, 23, 14, 5)
DOCS = Path(__file__).resolve().parents[2] / "newsdesk" / "export" / "TEMPLATES.md"


def user_templates() -> Path:
    directory = paths.resolve().templates_dir
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def md(articles: list[Article], **options: object) -> tuple[str, list[str]]:
    result = render(articles, ExportOptions(format="md", **options), now=NOW)  # type: ignore[arg-type]
    return result.text, result.warnings


def test_builtin_templates_use_only_known_variables() -> None:
    for name, allowed in (("digest", DIGEST_VARIABLES), ("article", ARTICLE_VARIABLES)):
        warnings: list[str] = []
        loaded = load_template(name, Path("/nonexistent"), warnings)  # type: ignore[arg-type]
        assert loaded.origin == "built-in" and warnings == []
        assert set(loaded.template.get_identifiers()) <= allowed


def test_every_variable_is_documented() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    for variable in DIGEST_VARIABLES | ARTICLE_VARIABLES:
        assert f"`${variable}`" in docs, variable
    for name in TEMPLATE_FILES.values():
        assert name in docs
    # The docs show the built-in templates verbatim.
    assert builtin_template_text("digest") in docs
    assert builtin_template_text("article") in docs


def test_user_templates_from_the_config_dir_are_used(rich_article: Article) -> None:
    directory = user_templates()
    (directory / "digest.md.tmpl").write_text("# $title ($count)\n\n$articles\n", encoding="utf-8")
    (directory / "article.md.tmpl").write_text(
        "$level $title $starred\n\nSource: $source\n\n[Read it]($link)\n", encoding="utf-8"
    )
    text, warnings = md([rich_article], title="Mine")
    assert warnings == []
    assert text.startswith("# Mine (1)\n")
    assert "## Zürich: floods hit the old town ★" in text
    assert "Source: The Valley Courier" in text
    assert "[Read it](https://example.com/news/floods)" in text
    assert "Contents" not in text


def test_user_article_template_is_used_for_files(rich_article: Article) -> None:
    (user_templates() / "article.md.tmpl").write_text("$level $title\n\nID $id\n", encoding="utf-8")
    result = render_files([rich_article], ExportOptions(format="md-files"))
    [(_name, text)] = result.files
    assert f"# Zürich: floods hit the old town\n\nID {rich_article.id}\n" in text
    assert text.startswith("---\n")  # front matter is not templated


@pytest.mark.parametrize(
    "content, problem",
    [
        ("$level $headline\n", "$headline"),
        ("$level $title costs $5\n", "malformed"),
        ("$level ${title\n", "malformed"),
    ],
)
def test_broken_user_template_falls_back_with_a_warning(
    rich_article: Article, content: str, problem: str
) -> None:
    (user_templates() / "article.md.tmpl").write_text(content, encoding="utf-8")
    text, warnings = md([rich_article])
    assert len(warnings) == 1
    assert problem in warnings[0] and "article.md.tmpl" in warnings[0]
    assert "built-in" in warnings[0]
    assert "By Jane Doe and John Roe" in text  # the built-in layout was used


def test_undecodable_template_falls_back(rich_article: Article) -> None:
    (user_templates() / "digest.md.tmpl").write_bytes(b"# \xff\xfe $title\n")
    text, warnings = md([rich_article])
    assert len(warnings) == 1 and "could not be read" in warnings[0]
    assert "## Contents" in text


def test_template_without_articles_is_used_with_a_warning(rich_article: Article) -> None:
    (user_templates() / "digest.md.tmpl").write_text("# $title\n", encoding="utf-8")
    text, warnings = md([rich_article], title="Only a title")
    assert text == "# Only a title\n"
    assert warnings and "$articles" in warnings[0]


def test_dollar_signs_in_templates_and_articles(make_article: ArticleFactory) -> None:
    (user_templates() / "article.md.tmpl").write_text("$level $title costs $$5\n", encoding="utf-8")
    article = make_article("Price of $title and ${body} stays literal")
    text, warnings = md([article])
    assert warnings == []
    assert "## Price of $title and ${body} stays literal costs $5" in text
