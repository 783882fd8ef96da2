<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-blocks.xsl: block-level TEI (included by tei-to-html.xsl): text structure, divs,
  paragraphs, verse, drama, letters, separators. Lists, tables and figures are in html-lists.xsl.
  One template per element; elements whose kind depends on context ask html-is-block.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- ============================================================ text structure -->

  <!-- The text; when neither it nor its TEI says its language, the header's langUsage may,
       when it names exactly one. -->
  <xsl:template match="tei:text">
    <div>
      <xsl:variable name="usage" select="ancestor::tei:TEI[1]/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident"/>
      <xsl:if test="not(ancestor-or-self::*/@xml:lang) and count($usage) = 1">
        <xsl:attribute name="lang"><xsl:value-of select="$usage"/></xsl:attribute>
        <xsl:variable name="dir">
          <xsl:call-template name="html-rtl">
            <xsl:with-param name="lang" select="$usage"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="$dir = 'rtl'">
          <xsl:attribute name="dir">rtl</xsl:attribute>
        </xsl:if>
      </xsl:if>
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- A front holding nothing but the title page shown in the banner leaves no empty div. -->
  <xsl:template match="tei:front | tei:body | tei:back | tei:group">
    <xsl:if test="not(self::tei:front) or not($html-title-page)
        or node()[not(self::text()) or normalize-space()][count(. | $html-title-page) != 1]">
      <div>
        <xsl:call-template name="html-atts"/>
        <xsl:apply-templates/>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The banner's title page is not repeated in main; any other title page renders in place. -->
  <xsl:template match="tei:titlePage">
    <xsl:if test="not($html-title-page) or count(. | $html-title-page) != 1">
      <div>
        <xsl:call-template name="html-atts"/>
        <xsl:apply-templates/>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:titlePage/tei:docTitle">
    <xsl:choose>
      <xsl:when test="$html-title-page and count(.. | $html-title-page) = 1 and not(preceding-sibling::tei:docTitle)">
        <xsl:call-template name="html-heading">
          <xsl:with-param name="level" select="1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'p'"/></xsl:call-template></xsl:variable>
        <xsl:element name="{$element}">
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:docTitle">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'p'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:titlePart">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
    <xsl:if test="following-sibling::tei:titlePart"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:titlePage/tei:docAuthor | tei:titlePage/tei:docImprint | tei:titlePage/tei:byline
      | tei:titlePage/tei:docDate | tei:titlePage/tei:docEdition | tei:titlePage/tei:titlePart
      | tei:titlePage/tei:imprimatur">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'p'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ====================================================================== divs -->

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <xsl:variable name="id"><xsl:call-template name="html-div-id"/></xsl:variable>
    <section id="{$id}">
      <xsl:call-template name="html-atts">
        <xsl:with-param name="id" select="false()"/>
      </xsl:call-template>
      <xsl:if test="@n">
        <xsl:attribute name="data-n"><xsl:value-of select="@n"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="not(tei:head) and not(tei:dateline | tei:opener) and (@type = 'preface' or @type = 'introduction')">
        <xsl:variable name="level"><xsl:call-template name="html-heading-level"/></xsl:variable>
        <xsl:element name="h{$level}">
          <xsl:attribute name="class">generated-head</xsl:attribute>
          <xsl:value-of select="$label-introduction"/>
        </xsl:element>
      </xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <!-- A div's heading is h2..h6 by depth; other heads (lists, verse, figures, tables) are captions. -->
  <xsl:template match="tei:head">
    <xsl:choose>
      <xsl:when test="parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3
          or parent::tei:div4 or parent::tei:div5 or parent::tei:div6 or parent::tei:div7">
        <xsl:variable name="level">
          <xsl:for-each select="..">
            <xsl:call-template name="html-heading-level"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:call-template name="html-heading">
          <xsl:with-param name="level" select="$level"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="parent::tei:figure or parent::tei:table or parent::tei:list"/>
      <xsl:otherwise>
        <xsl:variable name="block"><xsl:call-template name="html-is-block"/></xsl:variable>
        <xsl:choose>
          <xsl:when test="$block = 'yes'">
            <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'p'"/></xsl:call-template></xsl:variable>
            <xsl:element name="{$element}">
              <xsl:call-template name="html-atts"/>
              <xsl:apply-templates/>
            </xsl:element>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="element-2"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
            <xsl:element name="{$element-2}">
              <xsl:call-template name="html-atts"/>
              <xsl:apply-templates/>
            </xsl:element>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- h1..h6 for a heading; a div with the heading role when it holds blocks (which no h may). -->
  <xsl:template name="html-heading">
    <xsl:param name="level"/>
    <xsl:variable name="has-block"><xsl:call-template name="html-has-block"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$has-block = 'yes'">
        <div role="heading" aria-level="{$level}">
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="h{$level}">
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== paragraphs -->

  <!-- p is an HTML p unless it holds blocks (lists, tables, verse), which a p cannot. A dateline
       just before it is run in at its start, unless it is a line of its own (rend="block");
       see docs/encoding.md. -->
  <xsl:template match="tei:p | tei:ab">
    <xsl:variable name="has-block"><xsl:call-template name="html-has-block"/></xsl:variable>
    <xsl:variable name="element">
      <xsl:choose>
        <xsl:when test="$has-block = 'yes'">div</xsl:when>
        <xsl:when test="self::tei:ab and not(parent::tei:div or parent::tei:body or parent::tei:front
            or parent::tei:back or parent::tei:div1 or parent::tei:div2 or parent::tei:div3
            or parent::tei:sp or parent::tei:lg or parent::tei:item or parent::tei:note or parent::tei:cell)">span</xsl:when>
        <xsl:when test="parent::tei:p or parent::tei:ab or parent::tei:hi or parent::tei:l or parent::tei:head
            or parent::tei:seg or parent::tei:q or parent::tei:said or parent::tei:quote
            or parent::tei:persName or parent::tei:foreign">span</xsl:when>
        <xsl:otherwise>p</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:for-each select="preceding-sibling::*[1][self::tei:dateline][not(@rend = 'block')][not(parent::tei:opener or parent::tei:closer)]">
        <xsl:variable name="run-in"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
        <xsl:element name="{$run-in}">
          <xsl:call-template name="html-atts">
            <xsl:with-param name="class" select="'run-in'"/>
          </xsl:call-template>
          <xsl:apply-templates/>
        </xsl:element>
        <xsl:text> </xsl:text>
      </xsl:for-each>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ===================================================================== verse -->

  <xsl:template match="tei:lg">
    <div>
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:lg/tei:head">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'p'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A line of verse, with its number (@n) in the margin where the encoding gives one. -->
  <xsl:template match="tei:l">
    <div>
      <xsl:call-template name="html-atts"/>
      <xsl:if test="normalize-space(@n)">
        <span class="line-n" aria-hidden="true"><xsl:value-of select="normalize-space(@n)"/></span>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:call-template name="html-app-markers"/>
    </div>
  </xsl:template>

  <!-- ====================================================================== drama -->

  <xsl:template match="tei:sp">
    <div>
      <xsl:call-template name="html-atts"/>
      <xsl:call-template name="html-mention-id"/>
      <xsl:if test="@who">
        <xsl:attribute name="data-who"><xsl:value-of select="@who"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'p'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:stage | tei:move">
    <xsl:variable name="block"><xsl:call-template name="html-is-block"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$block = 'yes'">
        <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'p'"/></xsl:call-template></xsl:variable>
        <xsl:element name="{$element}">
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="element-2"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
        <xsl:element name="{$element-2}">
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:castList">
    <div>
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates select="tei:head"/>
      <ul>
        <xsl:apply-templates select="node()[not(self::tei:head)]" mode="list-member"/>
      </ul>
    </div>
  </xsl:template>

  <xsl:template match="tei:castList/tei:head | tei:castGroup/tei:head">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'p'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:castItem">
    <li>
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <xsl:template match="tei:castGroup">
    <li>
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates select="tei:head"/>
      <ul>
        <xsl:apply-templates select="node()[not(self::tei:head)]" mode="list-member"/>
      </ul>
    </li>
  </xsl:template>

  <!-- ==================================================================== letters -->

  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:epigraph | tei:argument
      | tei:trailer | tei:floatingText | tei:byline[not(parent::tei:titlePage)]">
    <xsl:variable name="block"><xsl:call-template name="html-is-block"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$block = 'yes' or self::tei:opener or self::tei:closer or self::tei:postscript
          or self::tei:floatingText or self::tei:epigraph or self::tei:argument">
        <div>
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
        <xsl:element name="{$element}">
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- dateline, salute, signed: lines of their own in a letter, phrases inside running text. A
       dateline directly before a p is run in by the p's template. -->
  <xsl:template match="tei:dateline | tei:salute | tei:signed | tei:address | tei:docAuthor
      | tei:docImprint | tei:docDate | tei:docEdition | tei:bibl | tei:biblStruct | tei:cit">
    <xsl:choose>
      <xsl:when test="self::tei:dateline and not(@rend = 'block') and following-sibling::*[1][self::tei:p]
          and not(parent::tei:opener or parent::tei:closer)"/>
      <xsl:otherwise>
        <xsl:variable name="block"><xsl:call-template name="html-is-block"/></xsl:variable>
        <xsl:choose>
          <xsl:when test="$block = 'yes'">
            <xsl:variable name="has-block"><xsl:call-template name="html-has-block"/></xsl:variable>
            <xsl:element name="{substring('pdiv', 1 + ($has-block = 'yes'), 1 + 2 * ($has-block = 'yes'))}">
              <xsl:call-template name="html-atts"/>
              <xsl:apply-templates/>
            </xsl:element>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
            <xsl:element name="{$element}">
              <xsl:call-template name="html-atts"/>
              <xsl:apply-templates/>
            </xsl:element>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:addrLine">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ============================================================ separators, code -->

  <!-- A milestone between blocks is a separator (its @rend, e.g. "* * *", drawn by the CSS);
       inside running text a small marker. -->
  <xsl:template match="tei:milestone">
    <xsl:variable name="block"><xsl:call-template name="html-is-block"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$block = 'yes'">
        <hr>
          <xsl:call-template name="html-atts"/>
        </hr>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
        <xsl:element name="{$element}">
          <xsl:call-template name="html-atts"/>
          <xsl:if test="@unit">
            <xsl:attribute name="data-unit"><xsl:value-of select="@unit"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="@n">
            <xsl:attribute name="data-n"><xsl:value-of select="@n"/></xsl:attribute>
          </xsl:if>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- egXML (TEI examples) shown as XML source. -->
  <xsl:template match="*[local-name() = 'egXML']">
    <pre>
      <xsl:call-template name="html-atts"/>
      <code><xsl:apply-templates mode="xml-code"/></code>
    </pre>
  </xsl:template>

  <xsl:template match="tei:eg">
    <pre>
      <xsl:call-template name="html-atts"/>
      <code><xsl:apply-templates/></code>
    </pre>
  </xsl:template>

</xsl:stylesheet>
