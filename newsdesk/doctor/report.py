"""What the doctor found: one `Finding` per check, gathered in a `DoctorReport`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["ok", "repaired", "problem", "skipped"]


@dataclass
class Finding:
    """The outcome of one check."""

    check: str
    status: Status
    message: str
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "status": self.status,
            "message": self.message,
            "details": self.details,
        }


@dataclass
class DoctorReport:
    """Every finding, in the order the checks ran."""

    data_dir: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        """True when no problem remains (things repaired count as healthy)."""
        return not any(f.status == "problem" for f in self.findings)

    def add(self, check: str, status: Status, message: str, **details: Any) -> Finding:
        finding = Finding(check, status, message, dict(details))
        self.findings.append(finding)
        return finding

    def as_dict(self) -> dict[str, Any]:
        return {
            "data_dir": self.data_dir,
            "healthy": self.healthy,
            "findings": [f.as_dict() for f in self.findings],
        }
