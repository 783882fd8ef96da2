"""Where a finding is: line and readable path of the node a validator names.

Schematron's SVRL gives each finding the *location* of its node as an XPath in the ISO
skeleton's "full path" notation (``/*[local-name()='TEI' and namespace-uri()='…']/…[3]/@ref``);
libxml2's RELAX NG errors give ``/*/*[3]/*[1]``. Both are turned into the line of the node and a
path people read (``/TEI/text/body/div[3]/p[2]/@ref``).
"""

from __future__ import annotations

import re

from lxml import etree

from .xmlio import TEI_NS, XML_NS


def locate(
    tree: etree._ElementTree, location: str, paths: PathNamer
) -> tuple[int | None, str | None]:
    """Line and readable path of the node an SVRL location names."""
    if not location:
        return None, None
    found = follow(tree, location) or xpath_node(tree, location)
    if found is None:
        return None, location
    element, attribute = found
    suffix = f"/@{_local(attribute)}" if attribute else ""
    return element.sourceline, paths.path(element) + suffix


def xpath_node(tree: etree._ElementTree, location: str) -> tuple[etree._Element, str] | None:
    try:
        nodes = tree.xpath(location)
    except etree.XPathError:
        return None
    node = nodes[0] if isinstance(nodes, list) and nodes else None
    if isinstance(node, etree._Element):
        return node, ""
    parent = getattr(node, "getparent", lambda: None)()
    if isinstance(node, str) and isinstance(parent, etree._Element):  # an attribute value
        return parent, str(getattr(node, "attrname", "") or "")
    return None


# One step of the skeleton's full path: an element by namespace and local name (with its position
# among same-named siblings when it has any), an element without namespace, or an attribute.
_STEP = re.compile(
    r"/(?:\*\[local-name\(\)='(?P<local>[^']+)' and namespace-uri\(\)='(?P<ns>[^']*)'\]"
    r"|(?P<plain>[\w.-]+)"
    r"|@\*\[local-name\(\)='(?P<alocal>[^']+)' and namespace-uri\(\)='(?P<ans>[^']*)'\]"
    r"|@(?P<aplain>[\w.-]+))(?:\[(?P<n>\d+)\])?"
)


def follow(tree: etree._ElementTree, location: str) -> tuple[etree._Element, str] | None:
    """The element (and attribute name) a skeleton full path names, found by walking children:
    much faster than XPath over thousands of findings. None when the path has another shape."""
    node: etree._Element | None = None
    position = 0
    for step in _STEP.finditer(location):
        if step.start() != position:
            return None
        position = step.end()
        if step["alocal"] or step["aplain"]:
            attribute = step["aplain"] or _clark(step["ans"], step["alocal"])
            ok = node is not None and position == len(location) and attribute in node.attrib
            return (node, attribute) if ok and node is not None else None
        tag = step["plain"] or _clark(step["ns"], step["local"])
        index = int(step["n"] or 1) - 1
        if node is None:
            root = tree.getroot()
            node = root if root.tag == tag and index == 0 else None
        else:
            same = [child for child in node if child.tag == tag]
            node = same[index] if index < len(same) else None
        if node is None:
            return None
    return (node, "") if node is not None and position == len(location) else None


def _clark(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}" if namespace else local


class PathNamer:
    """Readable paths (``/TEI/text/body/div[3]/p[2]``), with the position of each element among
    its same-named siblings computed once per parent (a report may name thousands of nodes)."""

    def __init__(self) -> None:
        self._positions: dict[etree._Element, dict[etree._Element, tuple[int, int]]] = {}

    def path(self, element: etree._Element) -> str:
        steps = []
        node: etree._Element | None = element
        while node is not None:
            parent = node.getparent()
            name = _local(node.tag) if isinstance(node.tag, str) else "node()"
            if parent is None:
                steps.append(name)
            else:
                position, count = self._position(parent, node)
                steps.append(f"{name}[{position}]" if count > 1 else name)
            node = parent
        return "/" + "/".join(reversed(steps))

    def _position(self, parent: etree._Element, child: etree._Element) -> tuple[int, int]:
        positions = self._positions.get(parent)
        if positions is None:
            counts: dict[object, int] = {}
            numbered: list[tuple[etree._Element, int]] = []
            for sibling in parent:
                counts[sibling.tag] = counts.get(sibling.tag, 0) + 1
                numbered.append((sibling, counts[sibling.tag]))
            positions = {sibling: (n, counts[sibling.tag]) for sibling, n in numbered}
            self._positions[parent] = positions
        return positions[child]


def _local(name: str) -> str:
    if name.startswith(f"{{{TEI_NS}}}"):
        return name[len(TEI_NS) + 2 :]
    if name.startswith(f"{{{XML_NS}}}"):
        return "xml:" + name.rsplit("}", 1)[1]
    return name


def readable_path(tree: etree._ElementTree, path: str) -> str:
    """libxml2's ``/*/*[3]/*[1]`` as ``/TEI/text/body/div[3]`` (local names)."""
    try:
        nodes = tree.xpath(path)
    except etree.XPathError:
        return path
    if isinstance(nodes, list) and nodes and isinstance(nodes[0], etree._Element):
        return PathNamer().path(nodes[0])
    return path


__all__ = ["PathNamer", "follow", "locate", "readable_path", "xpath_node"]
