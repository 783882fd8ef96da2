<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: shared templates for tei-to-html.xsl and tei-to-text.xsl (XSLT 1.0).
  Owned by the text-export colleague. This minimal shell was created by the HTML exporter so that
  tei-to-html.xsl can import it; replace or extend it freely.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
</xsl:stylesheet>
