"""`outreach-server`: clear command-line errors, the secret file, and a real TLS start."""

from __future__ import annotations

import datetime
import ipaddress
import json
import os
import signal
import ssl
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from outreach_app.core.invitations import issue_site_token
from outreach_app.server.__main__ import main
from outreach_app.server.app import load_or_create_secret

ROOT = Path(__file__).resolve().parents[2]


def usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--port", "70000"], "port 70000 is out of range"),
        (["--port", "-1"], "port -1 is out of range"),
        (["--port", "http"], "'http' is not a port number"),
        (["--key", "server.key"], "--key needs --cert"),
        (["--cert", "/nonexistent/server.pem"], "--cert /nonexistent/server.pem: no such file"),
    ],
)
def test_bad_arguments_are_explained(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert message in usage_error(argv, capsys)


def test_a_missing_key_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cert = tmp_path / "server.pem"
    cert.write_text("not really a certificate")

    error = usage_error(["--cert", str(cert), "--key", str(tmp_path / "gone.key")], capsys)

    assert "--key" in error and "gone.key: no such file" in error


def test_a_certificate_that_does_not_load_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cert = tmp_path / "server.pem"
    cert.write_text("-----BEGIN CERTIFICATE-----\nnonsense\n-----END CERTIFICATE-----\n")

    assert "cannot load the TLS certificate and key" in usage_error(["--cert", str(cert)], capsys)


def test_a_folder_as_secret_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "is a folder" in usage_error(["--secret-file", str(tmp_path)], capsys)


def test_a_secret_file_with_nonsense_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret_file = tmp_path / "secret"
    secret_file.write_text("c2hvcnQ=\n")

    assert "shorter than 16 bytes" in usage_error(["--secret-file", str(secret_file)], capsys)


def test_the_secret_file_is_created_private_and_then_reused(tmp_path: Path) -> None:
    secret_file = tmp_path / "secret"

    secret = load_or_create_secret(secret_file)

    assert len(secret) == 32
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert load_or_create_secret(secret_file) == secret


def write_self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.mark.slow
def test_the_standalone_server_serves_https_and_accepts_tokens_signed_with_its_secret(
    tmp_path: Path,
) -> None:
    cert, key = write_self_signed_certificate(tmp_path)
    secret_file = tmp_path / "secret"
    argv = [
        "--port",
        "0",
        "--cert",
        str(cert),
        "--key",
        str(key),
        "--secret-file",
        str(secret_file),
    ]
    server = subprocess.Popen(
        [sys.executable, "-m", "outreach_app.server", *argv],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert line.startswith("Outreach signaling server listening on https://127.0.0.1:"), line
        url = line.rsplit(" ", 1)[1].strip()
        context = ssl.create_default_context(cafile=str(cert))
        with urllib.request.urlopen(f"{url}/health", context=context, timeout=5) as response:
            assert json.load(response) == {"status": "ok", "rooms": 0, "connections": 0}
        token = issue_site_token(load_or_create_secret(secret_file), 1, 1, int(time.time()) + 60)
        with urllib.request.urlopen(f"{url}/join/{token}", context=context, timeout=5) as page:
            assert page.status == 200
    finally:
        server.send_signal(signal.SIGTERM)
        _, stderr = server.communicate(timeout=10)
    assert server.returncode == 0, stderr
