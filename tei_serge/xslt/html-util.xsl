<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-util.xsl: helpers shared by the HTML templates (included by tei-to-html.xsl).
  Named templates: html-atts, html-lang-atts, html-inherited-lang, html-rtl, html-phrase,
  html-is-block, html-has-block, html-number, html-register-target, html-local-target,
  html-entry-name, html-div-id, html-heading-level, html-app-markers. Modes: 'plain' (text only,
  for labels and repeats), 'alternative' (every word of a hidden choice branch, for its title)
  and 'xml-code' (an element shown as XML source, for egXML).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="tei exsl">

  <!-- ================================================================ attributes -->

  <!-- class="tei-NAME [tei-NAME-TYPE]", the xml:id as id (first holder only), lang/dir, data-n. -->
  <xsl:template name="html-atts">
    <xsl:param name="class" select="''"/>
    <xsl:param name="id" select="true()"/>
    <xsl:attribute name="class">
      <xsl:choose>
        <xsl:when test="namespace-uri() = 'http://www.tei-c.org/ns/1.0'">tei-</xsl:when>
        <xsl:otherwise>x-</xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="local-name()"/>
      <xsl:if test="@type and not(contains(@type, ' '))">
        <xsl:text> tei-</xsl:text>
        <xsl:value-of select="local-name()"/>
        <xsl:text>-</xsl:text>
        <xsl:value-of select="translate(@type, '#:/.', '----')"/>
      </xsl:if>
      <xsl:if test="$class != ''">
        <xsl:text> </xsl:text>
        <xsl:value-of select="$class"/>
      </xsl:if>
    </xsl:attribute>
    <xsl:if test="$id and @xml:id and count(key('html-id', @xml:id)[1] | .) = 1">
      <xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="@rend or @rendition">
      <xsl:attribute name="data-rend">
        <xsl:value-of select="normalize-space(concat(@rend, ' ', translate(@rendition, '#', '')))"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:call-template name="html-lang-atts"/>
  </xsl:template>

  <!-- lang from xml:lang; dir="rtl" for right-to-left languages, dir="ltr" back inside them. -->
  <xsl:template name="html-lang-atts">
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
      <xsl:variable name="here">
        <xsl:call-template name="html-rtl">
          <xsl:with-param name="lang" select="@xml:lang"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="outer">
        <xsl:call-template name="html-rtl">
          <xsl:with-param name="lang" select="ancestor::*[@xml:lang][1]/@xml:lang"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$here = 'rtl'">
          <xsl:attribute name="dir">rtl</xsl:attribute>
        </xsl:when>
        <xsl:when test="$outer = 'rtl'">
          <xsl:attribute name="dir">ltr</xsl:attribute>
        </xsl:when>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- For content moved out of its place (notes, apparatus): the language it had there. -->
  <xsl:template name="html-inherited-lang">
    <xsl:variable name="lang" select="ancestor-or-self::*[@xml:lang][1]/@xml:lang"/>
    <xsl:if test="$lang">
      <xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute>
      <xsl:variable name="dir">
        <xsl:call-template name="html-rtl">
          <xsl:with-param name="lang" select="$lang"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:attribute name="dir"><xsl:value-of select="$dir"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="html-rtl">
    <xsl:param name="lang"/>
    <xsl:variable name="l" select="translate($lang, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-')"/>
    <xsl:variable name="primary" select="substring-before(concat($l, '-'), '-')"/>
    <xsl:variable name="script" select="substring-before(concat(substring-after($l, '-'), '-'), '-')"/>
    <xsl:choose>
      <xsl:when test="$l = ''">ltr</xsl:when>
      <xsl:when test="string-length($script) = 4 and contains($rtl-scripts, concat(' ', $script, ' '))">rtl</xsl:when>
      <xsl:when test="string-length($script) = 4">ltr</xsl:when>
      <xsl:when test="contains($rtl-languages, concat(' ', $primary, ' '))">rtl</xsl:when>
      <xsl:otherwise>ltr</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ block or inline -->

  <!-- 'yes' when the element contains block-level material (not counting what sits inside notes,
       which stay behind as markers), so it cannot be rendered as a phrase (a p, a span, a q). -->
  <xsl:template name="html-has-block">
    <xsl:variable name="depth" select="count(ancestor-or-self::tei:note)"/>
    <xsl:choose>
      <xsl:when test=".//*[self::tei:p or self::tei:ab or self::tei:div or self::tei:lg or self::tei:l
          or self::tei:list or self::tei:listBibl or self::tei:table or self::tei:figure or self::tei:sp
          or self::tei:castList or self::tei:floatingText or self::tei:opener or self::tei:closer
          or self::tei:postscript or self::tei:epigraph or self::tei:trailer or self::tei:titlePage
          or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:argument or self::tei:byline
          or self::tei:text or self::tei:address
          or self::*[local-name() = 'egXML']]
          [count(ancestor::tei:note) = $depth]">yes</xsl:when>
      <xsl:otherwise>no</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The HTML element for a phrase-like TEI element: $name (span, p, cite, ...), or div when the
       element holds blocks, which no phrase may (a name holding a paragraph, a table in a date). -->
  <xsl:template name="html-phrase">
    <xsl:param name="name" select="'span'"/>
    <xsl:variable name="has-block"><xsl:call-template name="html-has-block"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$has-block = 'yes'">div</xsl:when>
      <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 'yes' when an element whose kind depends on context stands as a block: it holds blocks, or it
       sits directly in a container of blocks without running text beside it. -->
  <xsl:template name="html-is-block">
    <xsl:variable name="has-block">
      <xsl:call-template name="html-has-block"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$has-block = 'yes'">yes</xsl:when>
      <xsl:when test="(parent::tei:body or parent::tei:front or parent::tei:back or parent::tei:div
          or parent::tei:div1 or parent::tei:div2 or parent::tei:div3 or parent::tei:div4 or parent::tei:div5
          or parent::tei:div6 or parent::tei:div7 or parent::tei:text or parent::tei:group or parent::tei:sp
          or parent::tei:lg or parent::tei:opener or parent::tei:closer or parent::tei:postscript
          or parent::tei:titlePage or parent::tei:figure or parent::tei:castList or parent::tei:floatingText
          or parent::tei:epigraph or parent::tei:argument or parent::tei:listBibl or parent::tei:TEI)
          and not(../text()[normalize-space()])">yes</xsl:when>
      <xsl:otherwise>no</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ numbering -->

  <!-- The number ('n') or anchor ('a') of the current node in the numbering table; '' if none. -->
  <xsl:template name="html-number">
    <xsl:param name="what" select="'n'"/>
    <xsl:variable name="g" select="generate-id()"/>
    <xsl:for-each select="$html-numbers">
      <xsl:value-of select="key('html-num', $g)/@*[name() = $what]"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================== pointers -->

  <!-- The id of the register entry the current element points at (@ref, else @corresp, else
       @who; first pointer only; '#id' or a bare id), or '' when it does not resolve to one. -->
  <xsl:template name="html-register-target">
    <xsl:variable name="raw">
      <xsl:choose>
        <xsl:when test="@ref"><xsl:value-of select="@ref"/></xsl:when>
        <xsl:when test="@corresp"><xsl:value-of select="@corresp"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@who"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="first" select="substring-before(concat(normalize-space($raw), ' '), ' ')"/>
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="starts-with($first, '#')"><xsl:value-of select="substring($first, 2)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$first"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$id != ''">
      <xsl:for-each select="key('html-id', $id)[1]">
        <xsl:variable name="register">
          <xsl:call-template name="html-register-target-self"/>
        </xsl:variable>
        <xsl:if test="$register = 'yes'">
          <xsl:value-of select="$id"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- For a pointer value '#id': the id, when an element rendered with that id exists; else ''. -->
  <xsl:template name="html-local-target">
    <xsl:param name="target"/>
    <xsl:variable name="first" select="substring-before(concat(normalize-space($target), ' '), ' ')"/>
    <xsl:if test="starts-with($first, '#')">
      <xsl:variable name="id" select="substring($first, 2)"/>
      <xsl:for-each select="key('html-id', $id)[1]">
        <xsl:variable name="register">
          <xsl:call-template name="html-register-target-self"/>
        </xsl:variable>
        <xsl:if test="$register = 'yes' or (ancestor::tei:text and not(ancestor::tei:teiHeader)
            and not(ancestor-or-self::tei:listPerson or ancestor-or-self::tei:listPlace
              or ancestor-or-self::tei:listOrg or ancestor-or-self::tei:listEvent
              or ancestor-or-self::tei:listRelation or ancestor-or-self::tei:listNym)
            and not(ancestor::*[key('html-hidden-branch', generate-id())])
            and not(self::tei:app[@from]))">
          <xsl:value-of select="$id"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template name="html-register-target-self">
    <xsl:if test="$show-index = 'yes' and (self::tei:person or self::tei:personGrp or self::tei:place or self::tei:org
        or self::tei:event or self::tei:nym or ((self::tei:bibl or self::tei:biblStruct) and ancestor::tei:standOff))">yes</xsl:if>
  </xsl:template>

  <!-- The display name of a register entry (the current node), as plain text. -->
  <xsl:template name="html-entry-name">
    <xsl:variable name="name" select="(tei:persName | tei:placeName | tei:orgName | tei:name | tei:title
        | tei:label | tei:head | tei:monogr/tei:title | tei:analytic/tei:title)[1]"/>
    <xsl:choose>
      <xsl:when test="$name">
        <xsl:value-of select="normalize-space($name)"/>
      </xsl:when>
      <xsl:when test="normalize-space(tei:desc)">
        <xsl:value-of select="normalize-space(tei:desc[1])"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="@xml:id"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================== sections -->

  <!-- The id of a div-like element: its xml:id, else 'd:' and its number among the sections. -->
  <xsl:template name="html-div-id">
    <xsl:choose>
      <xsl:when test="@xml:id and count(key('html-id', @xml:id)[1] | .) = 1">
        <xsl:value-of select="@xml:id"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>d:</xsl:text>
        <xsl:call-template name="html-number"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- h2 for a top-level div; one more for each enclosing div or nested text; at most 6. -->
  <xsl:template name="html-heading-level">
    <xsl:variable name="level" select="2 + count(ancestor::tei:div | ancestor::tei:div1 | ancestor::tei:div2
        | ancestor::tei:div3 | ancestor::tei:div4 | ancestor::tei:div5 | ancestor::tei:div6)
        + count(ancestor::tei:text[parent::tei:group]) + count(ancestor::tei:TEI[parent::tei:teiCorpus])"/>
    <xsl:choose>
      <xsl:when test="$level &gt; 6">6</xsl:when>
      <xsl:otherwise><xsl:value-of select="$level"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Markers of apparatus entries whose app/@from points at the current element. -->
  <xsl:template name="html-app-markers">
    <xsl:if test="@xml:id and count(key('html-id', @xml:id)[1] | .) = 1">
      <xsl:for-each select="key('html-app-from', @xml:id)">
        <xsl:call-template name="html-app-marker"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ mode plain -->

  <!-- Text only, for labels (contents), attributes (title) and repeats (apparatus lemma):
       no ids, no notes, no apparatus readings, the shown branch of a choice. -->
  <xsl:template match="*" mode="plain">
    <xsl:apply-templates mode="plain"/>
  </xsl:template>
  <xsl:template match="tei:note | tei:rdg | tei:fw | tei:pb | tei:cb | tei:app[@from]
      | processing-instruction() | comment()" mode="plain"/>
  <xsl:template match="tei:lb" mode="plain">
    <xsl:if test="not(@break = 'no' or @type = 'hyphenInWord')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="tei:choice" mode="plain">
    <xsl:apply-templates select="((tei:corr | tei:reg | tei:expan)[1] | *[not(../tei:corr | ../tei:reg | ../tei:expan)][1])[1]" mode="plain"/>
  </xsl:template>
  <xsl:template match="tei:app" mode="plain">
    <xsl:apply-templates select="(tei:lem | tei:rdg)[1]/node()" mode="plain"/>
  </xsl:template>

  <!-- ========================================================= mode alternative -->

  <!-- The hidden branch of a choice, for its title: every word (it is shown nowhere else), notes
       in brackets, readings of an apparatus in it after its lemma. -->
  <xsl:template match="*" mode="alternative">
    <xsl:apply-templates mode="alternative"/>
  </xsl:template>
  <xsl:template match="tei:note" mode="alternative">
    <xsl:text> [</xsl:text>
    <xsl:apply-templates mode="alternative"/>
    <xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="tei:rdg | tei:lem" mode="alternative">
    <xsl:text> </xsl:text>
    <xsl:apply-templates mode="alternative"/>
  </xsl:template>
  <xsl:template match="tei:lb" mode="alternative">
    <xsl:if test="not(@break = 'no' or @type = 'hyphenInWord')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="processing-instruction() | comment()" mode="alternative"/>

  <!-- ============================================================= mode xml-code -->

  <!-- An element shown as its XML source (egXML examples): tags, attributes and text. -->
  <xsl:template match="*" mode="xml-code">
    <xsl:text>&lt;</xsl:text>
    <xsl:value-of select="name()"/>
    <xsl:for-each select="@*">
      <xsl:text> </xsl:text>
      <xsl:value-of select="name()"/>
      <xsl:text>="</xsl:text>
      <xsl:value-of select="."/>
      <xsl:text>"</xsl:text>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="node()">
        <xsl:text>&gt;</xsl:text>
        <xsl:apply-templates mode="xml-code"/>
        <xsl:text>&lt;/</xsl:text>
        <xsl:value-of select="name()"/>
        <xsl:text>&gt;</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:text>/&gt;</xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="comment()" mode="xml-code">
    <xsl:text>&lt;!--</xsl:text><xsl:value-of select="."/><xsl:text>--&gt;</xsl:text>
  </xsl:template>
  <xsl:template match="processing-instruction()" mode="xml-code"/>

</xsl:stylesheet>
