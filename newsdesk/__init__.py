"""newsdesk: triage a news queue in the terminal.

The package root stays light on purpose: importing it loads nothing heavy,
so the CLI and the TUI start fast (heavy modules are imported where used).
"""

__version__ = "0.1.0"
