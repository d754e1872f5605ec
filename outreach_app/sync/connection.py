"""Reaching the team server: its address, TLS trust, and signing in.

A team server's certificate may be from a public authority or the office's own; an office's own
certificate is trusted by giving its file (`TeamAddress.certificate`). Whatever fails while
reaching the server is told in plain words (`TeamServerError.kind` says what to show).
"""

from __future__ import annotations

import enum
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

import aiohttp

from outreach_app.core.model import Role

CONNECT_SECONDS: Final = 10.0


class Problem(enum.StrEnum):
    WRONG_PASSWORD = "wrong_password"
    THROTTLED = "throttled"
    UNREACHABLE = "unreachable"
    CERTIFICATE = "certificate"
    NOT_A_SERVER = "not_a_server"
    BAD_ADDRESS = "bad_address"


class TeamServerError(Exception):
    def __init__(self, problem: Problem, detail: str = "", retry_after: int = 0) -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail
        self.retry_after = retry_after


@dataclass(frozen=True)
class TeamAddress:
    """`url`: https://host[:port] (http only for this computer itself)."""

    url: str
    certificate: Path | None = None

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise TeamServerError(
                Problem.BAD_ADDRESS, "an address such as https://team.example.org"
            )
        if parts.scheme == "http" and parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise TeamServerError(
                Problem.BAD_ADDRESS, "a team server on another computer is reached over https"
            )

    @property
    def base(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def sync_url(self) -> str:
        return self.base.replace("http", "ws", 1) + "/team/sync"

    def ssl_context(self) -> ssl.SSLContext | None:
        if not self.base.startswith("https"):
            return None
        context = ssl.create_default_context()
        if self.certificate is not None:
            try:
                context.load_verify_locations(cafile=str(self.certificate))
            except (OSError, ssl.SSLError) as exc:
                raise TeamServerError(Problem.CERTIFICATE, f"{self.certificate}: {exc}") from exc
        return context


@dataclass(frozen=True)
class Credentials:
    """What signing in gives: the token, and who the server says this person is."""

    token: str
    expires_at: float
    account: str
    display_name: str
    role: Role
    record: str
    office: str


def explain(error: BaseException) -> TeamServerError:
    """A connection failure as something a person can act on."""
    if isinstance(error, TeamServerError):
        return error
    if isinstance(error, aiohttp.ClientConnectorCertificateError | ssl.SSLCertVerificationError):
        return TeamServerError(Problem.CERTIFICATE, str(error))
    if isinstance(error, aiohttp.ClientSSLError | ssl.SSLError):
        return TeamServerError(Problem.CERTIFICATE, str(error))
    return TeamServerError(Problem.UNREACHABLE, str(error) or type(error).__name__)


async def sign_in(address: TeamAddress, name: str, password: str, device: str) -> Credentials:
    timeout = aiohttp.ClientTimeout(total=CONNECT_SECONDS * 2, connect=CONNECT_SECONDS)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.post(
                address.base + "/team/sign-in",
                json={"name": name, "password": password, "device": device},
                ssl=address.ssl_context() or True,
            ) as response,
        ):
            body = await response.json(content_type=None) if response.content_length != 0 else {}
            status = response.status
    except (aiohttp.ClientError, OSError, TimeoutError, ssl.SSLError) as exc:
        raise explain(exc) from exc
    except ValueError as exc:
        raise TeamServerError(Problem.NOT_A_SERVER, "the answer is not JSON") from exc
    if status == 401:
        raise TeamServerError(Problem.WRONG_PASSWORD)
    if status == 429:
        retry = body.get("retry_after", 60) if isinstance(body, dict) else 60
        raise TeamServerError(Problem.THROTTLED, retry_after=int(retry))
    if status != 200 or not isinstance(body, dict):
        raise TeamServerError(Problem.NOT_A_SERVER, f"HTTP {status}")
    try:
        return Credentials(
            token=str(body["token"]),
            expires_at=float(body["expires_at"]),
            account=str(body["account"]),
            display_name=str(body["display_name"]),
            role=Role(str(body["role"])),
            record=str(body["record"]),
            office=str(body["office"]),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise TeamServerError(Problem.NOT_A_SERVER, "the answer is incomplete") from exc


async def sign_out(address: TeamAddress, token: str) -> None:
    """Revoke `token` on the server; a server out of reach is not an error (the token still
    expires by itself, and the local copy is what signing out protects)."""
    timeout = aiohttp.ClientTimeout(total=CONNECT_SECONDS)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.post(
                address.base + "/team/sign-out",
                headers={"Authorization": f"Bearer {token}"},
                ssl=address.ssl_context() or True,
            ),
        ):
            pass
    except (aiohttp.ClientError, OSError, TimeoutError, ssl.SSLError):
        pass
