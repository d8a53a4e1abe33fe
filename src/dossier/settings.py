"""Settings, declared once: (name, default, help).  CLI options and docs derive from this table."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    """One setting: its name, default, help text and the environment variable that overrides it."""

    name: str
    default: str | int
    help: str

    @property
    def env(self) -> str:
        """Environment variable overriding the default, e.g. DOSSIER_MAX_BYTES."""
        return "DOSSIER_" + self.name.upper()

    def value(self) -> str | int:
        """The effective default: the environment variable if set, else the declared default."""
        raw = os.environ.get(self.env)
        if raw is None:
            return self.default
        return int(raw) if isinstance(self.default, int) else raw


SETTINGS = {
    s.name: s
    for s in [
        Setting("db", "dossier.db", "knowledge base: a SQLite file path"),
        Setting("max_bytes", 50_000_000, "refuse input files larger than this many bytes"),
    ]
}


def get(name: str) -> str | int:
    """Effective value of a setting."""
    return SETTINGS[name].value()
