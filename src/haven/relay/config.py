"""Relay settings: a TOML file (stdlib `tomllib`) overridden by command-line flags.

host = "0.0.0.0"
port = 8765
db = "/var/lib/haven-relay/relay.db"   # or "postgresql://user@host/dbname"
log_level = "info"
log_format = "text"       # or "json"
tls_cert = "/etc/haven-relay/fullchain.pem"   # optional; or terminate TLS in a proxy
tls_key = "/etc/haven-relay/privkey.pem"
trust_proxy = false       # take the client address from X-Forwarded-For (proxy only)

[limits]
blob_max_bytes = 65536
...                       # every field of mailbox.Limits
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from haven.errors import InvalidInput
from haven.relay.mailbox import Limits

_TOP_LEVEL = {
    "host": str,
    "port": int,
    "db": str,
    "log_level": str,
    "log_format": str,
    "tls_cert": str,
    "tls_key": str,
    "trust_proxy": bool,
}
_LOG_LEVELS = {"debug", "info", "warning", "error"}
_LOG_FORMATS = {"text", "json"}
#: The database file's name inside systemd's StateDirectory (or a container's volume).
STATE_DB_NAME = "relay.db"


@dataclass(frozen=True)
class RelayConfig:
    host: str = "127.0.0.1"
    port: int = 8765
    db: str = ""  # a file path or a postgresql:// URL; see default_db()
    log_level: str = "info"
    log_format: str = "text"
    tls_cert: Path | None = None
    tls_key: Path | None = None
    trust_proxy: bool = False
    limits: Limits = field(default_factory=Limits)


def default_db(environ: Mapping[str, str]) -> str:
    """Without `db`: the state directory systemd (StateDirectory=) or the container image
    gives us, else nothing — the relay then refuses to start rather than pick a folder."""
    state = environ.get("STATE_DIRECTORY", "").split(":")[0]
    if not state:
        raise InvalidInput(
            "no database given: pass --db FILE (or a postgresql:// URL), "
            "or set STATE_DIRECTORY to the folder it should live in"
        )
    return str(Path(state) / STATE_DB_NAME)


def load(path: Path | None, flags: argparse.Namespace | None = None) -> RelayConfig:
    """Read `path` (if given), then apply any flag that was set. Raises InvalidInput."""
    values: dict[str, Any] = {}
    limit_values: dict[str, Any] = {}
    if path is not None:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InvalidInput(f"cannot read the config file: {exc.strerror}") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"the config file is not valid TOML: {exc}") from exc
        values, limit_values = _split(raw)
    if flags is not None:
        for name in ("host", "port", "db", "log_level", "log_format", "tls_cert", "tls_key"):
            value = getattr(flags, name, None)
            if value is not None:
                values[name] = str(value) if name == "db" else value
    return _build(values, limit_values)


def _split(raw: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    values: dict[str, Any] = {}
    limit_values: dict[str, Any] = {}
    limit_fields = {f.name: f.type for f in dataclasses.fields(Limits)}
    for key, value in raw.items():
        if key == "limits":
            if not isinstance(value, dict):
                raise InvalidInput("[limits] must be a table")
            for name, limit in value.items():
                if name not in limit_fields:
                    raise InvalidInput(f"unknown limit {name!r}")
                wants_float = limit_fields[name] in (float, "float")
                ok = isinstance(limit, int | float) if wants_float else isinstance(limit, int)
                if not ok or isinstance(limit, bool):
                    raise InvalidInput(f"limit {name!r} must be a number")
                limit_values[name] = float(limit) if wants_float else limit
        elif key in _TOP_LEVEL:
            if not isinstance(value, _TOP_LEVEL[key]) or (
                _TOP_LEVEL[key] is int and isinstance(value, bool)
            ):
                raise InvalidInput(f"setting {key!r} has the wrong type")
            values[key] = value
        else:
            raise InvalidInput(f"unknown setting {key!r}")
    return values, limit_values


def _build(values: dict[str, Any], limit_values: dict[str, Any]) -> RelayConfig:
    try:
        limits = Limits(**limit_values)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc
    port = values.get("port", RelayConfig.port)
    if not 0 <= port <= 65535:
        raise InvalidInput("port must be between 0 and 65535")
    level = str(values.get("log_level", "info")).lower()
    if level not in _LOG_LEVELS:
        raise InvalidInput(f"log_level must be one of {', '.join(sorted(_LOG_LEVELS))}")
    log_format = str(values.get("log_format", "text")).lower()
    if log_format not in _LOG_FORMATS:
        raise InvalidInput("log_format must be text or json")
    db = values.get("db") or default_db(os.environ)
    cert, key = values.get("tls_cert"), values.get("tls_key")
    if (cert is None) != (key is None):
        raise InvalidInput("tls_cert and tls_key must be given together")
    return RelayConfig(
        host=str(values.get("host", RelayConfig.host)),
        port=port,
        db=str(db),
        log_level=level,
        log_format=log_format,
        tls_cert=Path(cert) if cert is not None else None,
        tls_key=Path(key) if key is not None else None,
        trust_proxy=bool(values.get("trust_proxy", False)),
        limits=limits,
    )
