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

  <!-- A longer table of contents than this many entries is folded (details/summary) so the text is near. -->
  <xsl:param name="toc-open-max" select="60"/>

  <!-- 'yes': build the index of names from the register (listPerson, listPlace, listOrg, standOff listBibl). -->
  <xsl:param name="show-index" select="'yes'"/>

  <!-- The page's language when the TEI root has no xml:lang: that of the interface labels below (BCP 47). -->
  <xsl:param name="default-lang" select="'en'"/>

  <!-- Primary language subtags written right to left, space separated, with a space at both ends. -->
  <xsl:param name="rtl-languages" select="' ar arc ckb dv fa he iw ji jpr jrb ks ku-arab lad-hebr mid nqo ps sam sd syc syr ug ur yi '"/>

  <!-- Script subtags written right to left (for tags like 'ms-Arab'), same format. -->
  <xsl:param name="rtl-scripts" select="' adlm arab hebr mand mend nkoo rohg samr syrc thaa '"/>

  <!-- Heading of the table of contents (the interface is in English; translate these labels freely). -->
  <xsl:param name="label-contents" select="'Contents'"/>
  <!-- Heading given to a preface or introduction that has none. -->
  <xsl:param name="label-introduction" select="'Introduction'"/>
  <!-- Heading of the notes section (and the word in a note marker's accessible name is 'Note'). -->
  <xsl:param name="label-notes" select="'Notes'"/>
  <!-- Heading of the critical apparatus section. -->
  <xsl:param name="label-apparatus" select="'Apparatus'"/>
  <!-- Heading of the index of names built from the register. -->
  <xsl:param name="label-index" select="'Index'"/>
  <!-- Text of the skip link that leads past the title page and contents to the text. -->
  <xsl:param name="label-skip" select="'Skip to the text'"/>
  <!-- Tooltip of the back links from notes and apparatus entries to their markers. -->
  <xsl:param name="label-back" select="'Back to the text'"/>

  <!-- The line in the page footer that names the tool; empty for none (never a date: output is reproducible). -->
  <xsl:param name="generator" select="'HTML edition generated from TEI by tei-serge.'"/>

</xsl:stylesheet>
