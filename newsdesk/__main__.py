"""`python -m newsdesk` runs the same entry point as the `newsdesk` command."""

from newsdesk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
