"""The Markdown layouts: built-in templates, or the user's own from the config directory.

Templates are `string.Template` text with `$variables` (documented in
TEMPLATES.md beside this file). A user template that cannot be used (unknown
or malformed `$variable`, unreadable, not UTF-8) is set aside with a warning
and the built-in one is used instead: an export never fails on a template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template
from typing import Literal

from newsdesk import paths

__all__ = [
    "ARTICLE_VARIABLES",
    "DIGEST_VARIABLES",
    "TEMPLATE_FILES",
    "LoadedTemplate",
    "TemplateName",
    "builtin_template_text",
    "fill",
    "load_template",
]

TemplateName = Literal["digest", "article"]

TEMPLATE_FILES: dict[TemplateName, str] = {
    "digest": "digest.md.tmpl",
    "article": "article.md.tmpl",
}

#: Variables the digest template may use (all pre-rendered Markdown).
DIGEST_VARIABLES: frozenset[str] = frozenset(
    {"title", "generated", "query", "count", "count_label", "stories", "toc", "articles"}
)

#: Variables the article template may use (all pre-rendered Markdown).
ARTICLE_VARIABLES: frozenset[str] = frozenset(
    {
        "level",
        "title",
        "meta",
        "byline",
        "source",
        "dateline",
        "published",
        "dek",
        "quotes",
        "tags",
        "note",
        "body",
        "url",
        "link",
        "id",
        "starred",
    }
)

_ALLOWED: dict[TemplateName, frozenset[str]] = {
    "digest": DIGEST_VARIABLES,
    "article": ARTICLE_VARIABLES,
}

# What a template must contain to be of any use; missing, it is still used, with a warning.
_EXPECTED: dict[TemplateName, str] = {"digest": "articles", "article": "title"}

_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")


@dataclass(frozen=True)
class LoadedTemplate:
    """A template ready to fill, and where it came from (a path, or "built-in")."""

    template: Template
    origin: str


def builtin_template_text(name: TemplateName) -> str:
    """The packaged template text (also a starting point for a user's own)."""
    files = resources.files("newsdesk.export").joinpath("templates", TEMPLATE_FILES[name])
    return files.read_text(encoding="utf-8")


def _problem(template: Template, allowed: frozenset[str]) -> str | None:
    if not template.is_valid():
        return "it has a malformed $placeholder (write $$ for a literal dollar sign)"
    unknown = sorted(set(template.get_identifiers()) - allowed)
    if unknown:
        return "unknown variable(s) " + ", ".join(f"${name}" for name in unknown)
    return None


def load_template(
    name: TemplateName, templates_dir: Path | None, warnings: list[str]
) -> LoadedTemplate:
    """The user's template when present and usable, else the built-in one.

    `templates_dir` None means the config directory's templates folder.
    Problems are appended to `warnings` as sentences for the user.
    """
    directory = templates_dir if templates_dir is not None else paths.resolve().templates_dir
    user_file = directory / TEMPLATE_FILES[name]
    builtin = LoadedTemplate(Template(builtin_template_text(name)), "built-in")
    try:
        text = user_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return builtin
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        warnings.append(
            f"Template {user_file} could not be read ({reason}); using the built-in one."
        )
        return builtin
    template = Template(text)
    problem = _problem(template, _ALLOWED[name])
    if problem:
        warnings.append(f"Template {user_file} not used: {problem}; using the built-in one.")
        return builtin
    if _EXPECTED[name] not in template.get_identifiers():
        warnings.append(f"Template {user_file} does not use ${_EXPECTED[name]}.")
    return LoadedTemplate(template, str(user_file))


def fill(template: Template, values: dict[str, str]) -> str:
    """Substitute, then tidy: empty blocks leave no runs of blank lines.

    Blank-line runs are collapsed to one everywhere; the built-in layouts and
    escaped article text never rely on two blank lines in a row.
    """
    text = template.safe_substitute(values)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip() + "\n"
