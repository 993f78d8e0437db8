"""The commands' path operands: an empty one is refused before anything is done.

`Path("")` is `.`, the shell's folder: `newsdesk import "$DIR"` with DIR unset imported
the folder the script ran in, and `watch ""` watched it. An empty word names no file,
as `--data-dir ""` names no folder (`main._data_dir`)."""

from __future__ import annotations

import argparse
from pathlib import Path

#: What an empty input path is told: as a path that is not there.
EMPTY_INPUT = "no such file or folder: ''"
#: What an empty output path is told (a file to write need not exist yet).
EMPTY_OUTPUT = "an empty path names no file to write: ''"


def input_path(text: str) -> Path:
    """An argparse type: a file or folder to read (an empty word refused)."""
    if text == "":
        raise argparse.ArgumentTypeError(EMPTY_INPUT)
    return Path(text)


def output_path(text: str) -> str:
    """An argparse type: where to write, as given ('-' is standard output; an empty word
    refused: it was taken for no `-o` and the export went to the terminal)."""
    if text == "":
        raise argparse.ArgumentTypeError(EMPTY_OUTPUT)
    return text
