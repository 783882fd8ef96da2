"""Hostile XML: validation reads nothing, expands nothing, fetches nothing, and reports an error.

A local file with a secret stands for any file an attacker would like to read; a TCP listener
on 127.0.0.1 stands for the network: every test asserts that nobody connected to it and that
the secret appears nowhere in the report. No traceback, through the library or the CLI.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import FIXTURES
from typer.testing import CliRunner

from tei_serge.cli import EXIT_FAILURE, app
from tei_serge.report import Severity
from tei_serge.validate import validate

runner = CliRunner()
SECRET = "SECRET-0f9a41c7"
TEI_OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">'
TEI_BOMB_OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en" n="&lol9;">'


@dataclass
class Listener:
    """A TCP server that only counts who connects."""

    port: int = 0
    connections: list[tuple[str, int]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.1)
    state = Listener(port=server.getsockname()[1])
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, address = server.accept()
            except (TimeoutError, OSError):
                continue
            state.connections.append(address)
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield state
    stop.set()
    thread.join(timeout=2)
    server.close()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n")
    return path


def _hostile_documents(secret: Path, url: str) -> dict[str, str]:
    lol = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    return {
        "xxe-local-file": (
            f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
            f"{TEI_OPEN}<p>&xxe;</p></TEI>\n"
        ),
        "xxe-parameter-entity": (
            f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY % pe SYSTEM "file://{secret}"> %pe;]>\n'
            f"{TEI_OPEN}<p>x</p></TEI>\n"
        ),
        "billion-laughs": (
            '<?xml version="1.0"?>\n<!DOCTYPE TEI [\n' + "\n".join(lol) + "\n]>\n"
            + TEI_BOMB_OPEN
            + "<p>&lol9;</p></TEI>\n"
        ),
        "external-dtd": (
            f'<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">\n{TEI_OPEN}<p>x</p></TEI>\n'
        ),
        "public-dtd": (
            '<?xml version="1.0"?>\n<!DOCTYPE TEI PUBLIC "-//TEI//DTD TEI P5//EN" '
            f'"{url}/tei.dtd">\n{TEI_OPEN}<p>x</p></TEI>\n'
        ),
        "network-entity": (
            f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY net SYSTEM "{url}/x.xml">]>\n'
            f"{TEI_OPEN}<p>&net;</p></TEI>\n"
        ),
        "network-parameter-entity": (
            f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY % net SYSTEM "{url}/x.dtd"> %net;]>\n'
            f"{TEI_OPEN}<p>x</p></TEI>\n"
        ),
    }


def test_the_listener_would_see_a_fetch(listener: Listener) -> None:
    """The control: without it, "nobody connected" would prove nothing."""
    import time

    socket.create_connection(("127.0.0.1", listener.port), timeout=2).close()
    deadline = time.monotonic() + 5
    while not listener.connections and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(listener.connections) == 1


HOSTILE = [
    "xxe-local-file",
    "xxe-parameter-entity",
    "billion-laughs",
    "external-dtd",
    "public-dtd",
    "network-entity",
    "network-parameter-entity",
]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_document_is_refused_with_one_error(
    kind: str, tmp_path: Path, secret: Path, listener: Listener
) -> None:
    path = tmp_path / f"{kind}.xml"
    path.write_text(_hostile_documents(secret, listener.url)[kind])
    report = validate(path)
    (finding,) = report.findings
    assert finding.rule_id == "SRG-XML-02"
    assert finding.severity == Severity.ERROR
    assert finding.file == str(path) and finding.line
    assert "refused" in finding.message
    assert SECRET not in report.to_json()
    assert listener.connections == []


@pytest.mark.timeout(60)
def test_hostile_documents_through_the_cli(tmp_path: Path, secret: Path, listener: Listener) -> None:
    paths = []
    for kind, text in _hostile_documents(secret, listener.url).items():
        path = tmp_path / f"{kind}.xml"
        path.write_text(text)
        paths.append(path)
    result = runner.invoke(app, ["validate", "--format", "json", *map(str, paths)])
    assert result.exit_code == EXIT_FAILURE
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    findings = json.loads(result.stdout)
    assert sorted(f["file"] for f in findings) == sorted(map(str, paths))
    assert {f["rule_id"] for f in findings} == {"SRG-XML-02"}
    assert SECRET not in result.output
    assert listener.connections == []


def test_xml_model_pointing_at_the_network_is_never_fetched(listener: Listener) -> None:
    text = (FIXTURES / "valid" / "sample.xml").read_text(encoding="utf-8")
    text = text.replace(
        "<TEI ",
        f'<?xml-model href="{listener.url}/schema.rng" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        f'<?xml-model href="{listener.url}/rules.sch" type="application/xml" '
        'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n<TEI ',
        1,
    )
    report = validate(text.encode("utf-8"))
    assert report.findings == []
    assert listener.connections == []


def test_xinclude_is_not_processed(secret: Path) -> None:
    data = (
        '<?xml version="1.0"?>\n'
        f'{TEI_OPEN[:-1]} xmlns:xi="http://www.w3.org/2001/XInclude">'
        f'<xi:include href="file://{secret}" parse="text"/></TEI>\n'
    ).encode()
    report = validate(data)
    assert report.errors  # not our TEI, and certainly not the secret
    assert SECRET not in report.to_json()


def test_schematron_stylesheet_cannot_read_files_or_the_network() -> None:
    from lxml import etree

    from tei_serge.validate import schematron_transform

    transform = schematron_transform(True)
    assert isinstance(transform, etree.XSLT)
    # the access control is part of the compiled transform: a document() call would fail
    probe = etree.XSLT(
        etree.XML(
            '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
            '<xsl:template match="/"><r><xsl:copy-of select="document(\'/etc/hostname\')"/></r>'
            "</xsl:template></xsl:stylesheet>"
        ),
        access_control=etree.XSLTAccessControl.DENY_ALL,
    )
    with pytest.raises(etree.XSLTApplyError):
        probe(etree.XML("<x/>"))


def test_not_well_formed_is_one_error_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(f'<?xml version="1.0"?>\n{TEI_OPEN}\n<p>open\n</TEI>\n')
    (finding,) = validate(path).findings
    assert finding.rule_id == "SRG-XML-01"
    assert finding.line == 4
    assert "column" in finding.message and "not well-formed" in finding.message


def test_empty_and_binary_files_are_findings(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.xml"
    binary.write_bytes(bytes(range(256)))
    report = validate(empty)
    assert [f.rule_id for f in report.findings] == ["SRG-XML-01"]
    report = validate(binary)
    assert [f.rule_id for f in report.findings] == ["SRG-XML-01"]


def test_a_custom_schema_including_a_url_fetches_nothing(tmp_path: Path, listener: Listener) -> None:
    from tei_serge.errors import SchemaError

    rng = tmp_path / "including.rng"
    rng.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
        f'<include href="{listener.url}/tei_all.rng"/>'
        '<start><element name="TEI"><empty/></element></start></grammar>'
    )
    with pytest.raises(SchemaError, match="not a usable RELAX NG schema"):
        validate(FIXTURES / "valid" / "sample.xml", schema=rng)
    assert listener.connections == []
