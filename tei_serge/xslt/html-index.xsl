<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-index.xsl: the index of names built from the register (included by tei-to-html.xsl):
  persons, places, organisations, works and events, each entry with its name, dates, a one-line
  identification and numbered links back to every mention (the numbering table of
  tei-to-html.xsl, key html-mention).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- The register entries, wherever they are (standOff, back, the header's particDesc). -->
  <xsl:variable name="html-persons" select="//tei:person | //tei:personGrp"/>
  <xsl:variable name="html-places" select="//tei:place"/>
  <xsl:variable name="html-orgs" select="//tei:org"/>
  <xsl:variable name="html-works" select="//tei:standOff//tei:listBibl/tei:bibl | //tei:standOff//tei:listBibl/tei:biblStruct"/>
  <xsl:variable name="html-events" select="//tei:listEvent//tei:event"/>

  <!-- ====================================================================== index -->

  <xsl:template name="html-index">
    <xsl:if test="$html-persons | $html-places | $html-orgs | $html-works | $html-events">
      <section class="index" id="s:index" aria-labelledby="s:index-h">
        <h2 id="s:index-h"><xsl:value-of select="$label-index"/></h2>
        <xsl:call-template name="html-index-part">
          <xsl:with-param name="entries" select="$html-persons"/>
          <xsl:with-param name="key" select="'persons'"/>
          <xsl:with-param name="label" select="'Persons'"/>
        </xsl:call-template>
        <xsl:call-template name="html-index-part">
          <xsl:with-param name="entries" select="$html-places"/>
          <xsl:with-param name="key" select="'places'"/>
          <xsl:with-param name="label" select="'Places'"/>
        </xsl:call-template>
        <xsl:call-template name="html-index-part">
          <xsl:with-param name="entries" select="$html-orgs"/>
          <xsl:with-param name="key" select="'organisations'"/>
          <xsl:with-param name="label" select="'Organisations'"/>
        </xsl:call-template>
        <xsl:call-template name="html-index-part">
          <xsl:with-param name="entries" select="$html-works"/>
          <xsl:with-param name="key" select="'works'"/>
          <xsl:with-param name="label" select="'Works'"/>
        </xsl:call-template>
        <xsl:call-template name="html-index-part">
          <xsl:with-param name="entries" select="$html-events"/>
          <xsl:with-param name="key" select="'events'"/>
          <xsl:with-param name="label" select="'Events'"/>
        </xsl:call-template>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="html-index-part">
    <xsl:param name="entries"/>
    <xsl:param name="key"/>
    <xsl:param name="label"/>
    <xsl:if test="$entries">
      <section class="index-part" id="s:index-{$key}" aria-labelledby="s:index-{$key}-h">
        <h3 id="s:index-{$key}-h"><xsl:value-of select="$label"/></h3>
        <ul class="index-list">
          <xsl:apply-templates select="$entries" mode="index"/>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One register entry: name, dates, one-line identification, links back to every mention. -->
  <xsl:template match="*" mode="index">
    <xsl:variable name="id" select="@xml:id"/>
    <li>
      <xsl:call-template name="html-atts">
        <xsl:with-param name="class" select="'index-entry'"/>
      </xsl:call-template>
      <span class="index-name"><xsl:call-template name="html-entry-name"/></span>
      <xsl:call-template name="html-entry-dates"/>
      <xsl:variable name="ident" select="(tei:note | tei:occupation | tei:desc | tei:state | tei:trait)[normalize-space()][1]"/>
      <xsl:if test="$ident">
        <xsl:text> </xsl:text>
        <span class="index-ident"><xsl:value-of select="normalize-space($ident)"/></span>
      </xsl:if>
      <xsl:if test="$id">
        <xsl:variable name="name"><xsl:call-template name="html-entry-name"/></xsl:variable>
        <xsl:for-each select="$html-numbers">
          <xsl:variable name="mentions" select="key('html-mention', $id)"/>
          <xsl:if test="$mentions">
            <xsl:text> </xsl:text>
            <span class="index-mentions">
              <xsl:for-each select="$mentions">
                <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
                <a href="#{@a}" aria-label="{$name}, mention {position()}"><xsl:value-of select="position()"/></a>
              </xsl:for-each>
            </span>
          </xsl:if>
        </xsl:for-each>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- (birth–death) as years, or the date of a work. -->
  <xsl:template name="html-entry-dates">
    <xsl:variable name="birth" select="(tei:birth | tei:floruit)[1]"/>
    <xsl:variable name="death" select="tei:death[1]"/>
    <xsl:variable name="date" select="tei:date[1] | tei:monogr/tei:imprint/tei:date[1]"/>
    <xsl:choose>
      <xsl:when test="$birth or $death">
        <xsl:text> </xsl:text>
        <span class="index-dates">
          <xsl:text>(</xsl:text>
          <xsl:if test="not($death)">b. </xsl:if>
          <xsl:if test="not($birth)">d. </xsl:if>
          <xsl:for-each select="$birth"><xsl:call-template name="html-year"/></xsl:for-each>
          <xsl:if test="$birth and $death">–</xsl:if>
          <xsl:for-each select="$death"><xsl:call-template name="html-year"/></xsl:for-each>
          <xsl:text>)</xsl:text>
        </span>
      </xsl:when>
      <xsl:when test="$date">
        <xsl:text> </xsl:text>
        <span class="index-dates">
          <xsl:text>(</xsl:text>
          <xsl:for-each select="$date[1]"><xsl:call-template name="html-year"/></xsl:for-each>
          <xsl:text>)</xsl:text>
        </span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The year of a dated element (birth, death, date) as a time element; else the text of its
       date, else its own text without the places and coordinates a birth may hold. -->
  <xsl:template name="html-year">
    <xsl:variable name="when" select="(@when | @notBefore | @from | @notAfter | @to
        | tei:date/@when | tei:date/@notBefore | tei:date/@from | tei:date/@notAfter | tei:date/@to)[1]"/>
    <xsl:variable name="shape" select="translate($when, '0123456789', '9999999999')"/>
    <xsl:choose>
      <xsl:when test="$shape = '9999' or $shape = '9999-99' or $shape = '9999-99-99'">
        <time datetime="{$when}"><xsl:value-of select="substring($when, 1, 4)"/></time>
      </xsl:when>
      <xsl:when test="normalize-space(tei:date)">
        <xsl:value-of select="normalize-space(tei:date[1])"/>
      </xsl:when>
      <xsl:when test="$when"><xsl:value-of select="$when"/></xsl:when>
      <xsl:when test="normalize-space(text())">
        <xsl:value-of select="normalize-space(text()[normalize-space()][1])"/>
      </xsl:when>
      <xsl:otherwise>?</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
