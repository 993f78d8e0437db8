"""The `newsdesk` command: no arguments opens the app; subcommands script every verb."""

from newsdesk.cli.main import main

__all__ = ["main"]
