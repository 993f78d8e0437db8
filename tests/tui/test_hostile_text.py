"""Article text with markup, escapes and control characters renders as plain text."""

from __future__ import annotations

from rich.text import Text

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.paths import Paths
from tests.tui.conftest import FIXED_NOW, AppFactory
from tests.tui.helpers import SIZE, main_screen, settle

HOSTILE_TITLE = "[bold red]ALERT[/] [link=https://evil.example]click[/link] \x1b[31mred\x07"
HOSTILE_BODY = "Body [b]not bold[/b] and \x1b]52;c;ZXZpbA==\x07 clipboard and [@click=app.quit]x[/]"


async def test_markup_and_escapes_render_literally(make_app: AppFactory, paths: Paths) -> None:
    with Desk(paths) as desk:
        desk.add_extracted(
            [
                Extracted(
                    title=HOSTILE_TITLE,
                    source="[i]Evil[/i] Wire",
                    authors=["[red]Mallory[/red]"],
                    published=FIXED_NOW.isoformat(),
                    body=HOSTILE_BODY,
                    quotes=[],
                )
            ],
            "hostile",
        )
    app = make_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        line = screen.inbox.render_line(0).text
        assert "[bold red]ALERT[/] [link=https://evil." in line
        assert "\x1b" not in line and "\x07" not in line
        assert "[i]Evil[/i]" in line or "[i]Evil" in line
        content = screen.detail.text
        assert isinstance(content, Text)
        plain = content.plain
        assert "[bold red]ALERT[/]" in plain
        assert "[red]Mallory[/red]" in plain
        assert "[b]not bold[/b]" in plain
        assert "[@click=app.quit]x[/]" in plain
        assert "\x1b" not in plain and "\x07" not in plain
        # No span styles came from the article's own brackets.
        assert not any("link" in str(span.style) for span in content.spans)
        drawn = "".join(screen.detail.render_line(y).text for y in range(screen.detail.size.height))
        assert "[bold red]ALERT[/]" in drawn and "\x1b" not in drawn
        # The app is still running: the [@click=app.quit] text did nothing.
        assert app.is_running
