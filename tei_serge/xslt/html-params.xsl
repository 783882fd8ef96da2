<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-params.xsl: every parameter of tei-to-html.xsl, in one place, each with one line saying
  what it does. Pass them from lxml as XSLT.strparam(...) or from xsltproc with stringparam.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- 'yes': every lb is a visible line break (diplomatic display); 'no': lb joins the words as a reading text. -->
  <xsl:param name="diplomatic" select="'no'"/>

  <!-- 'yes': graphic becomes an img loading its @url; 'no': a text placeholder naming the file (no fetch). -->
  <xsl:param name="show-graphics" select="'no'"/>

  <!-- How many levels of div the table of contents shows (1 or more). -->
  <xsl:param name="toc-depth" select="2"/>

  <!-- 'yes': build the index of names from the register (listPerson, listPlace, listOrg, standOff listBibl). -->
  <xsl:param name="show-index" select="'yes'"/>

  <!-- The page's language when the TEI root has no xml:lang: that of the interface labels below (BCP 47). -->
  <xsl:param name="default-lang" select="'en'"/>

  <!-- Primary language subtags written right to left, space separated, with a space at both ends. -->
  <xsl:param name="rtl-languages" select="' ar arc ckb dv fa he iw ji jpr jrb ks ku-arab lad-hebr mid nqo ps sam sd syc syr ug ur yi '"/>

  <!-- Script subtags written right to left (for tags like 'ms-Arab'), same format. -->
  <xsl:param name="rtl-scripts" select="' adlm arab hebr mand mend nkoo rohg samr syrc thaa '"/>

  <!-- Labels of the generated parts of the page (the interface is in English). -->
  <xsl:param name="label-contents" select="'Contents'"/>
  <xsl:param name="label-introduction" select="'Introduction'"/>
  <xsl:param name="label-notes" select="'Notes'"/>
  <xsl:param name="label-apparatus" select="'Apparatus'"/>
  <xsl:param name="label-index" select="'Index'"/>
  <xsl:param name="label-skip" select="'Skip to the text'"/>
  <xsl:param name="label-back" select="'Back to the text'"/>

  <!-- The line in the page footer that names the tool; empty for none (never a date: output is reproducible). -->
  <xsl:param name="generator" select="'HTML edition generated from TEI by tei-serge.'"/>

</xsl:stylesheet>
