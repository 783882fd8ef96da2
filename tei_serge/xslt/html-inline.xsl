<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-inline.xsl: phrase-level TEI (included by tei-to-html.xsl): names linked to the index,
  speech with its speaker on hover and focus, foreign phrases, choice and app, note markers,
  pointers, dates, page and line breaks, ruby, editorial marks.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- ===================================================================== names -->

  <!-- A name: span.tei-persName data-ref, its content linked to the index entry when the pointer
       resolves (and the name holds no link of its own), plain otherwise. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs | tei:name | tei:geogName
      | tei:settlement | tei:region | tei:country | tei:bloc | tei:district | tei:title[@ref or @corresp]">
    <xsl:variable name="target"><xsl:call-template name="html-register-target"/></xsl:variable>
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:call-template name="html-mention-id"/>
      <xsl:if test="@ref or @corresp">
        <xsl:attribute name="data-ref"><xsl:value-of select="(@ref | @corresp)[1]"/></xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$target != '' and $element = 'span' and not(.//tei:note | .//tei:app | .//tei:ref | .//tei:ptr
            | .//*[@ref or @corresp] | .//*[@xml:id and key('html-app-from', @xml:id)])">
          <a class="name-link" href="#{$target}"><xsl:apply-templates/></a>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="html-app-markers"/>
    </xsl:element>
  </xsl:template>

  <!-- The id m:N of a mention that has no xml:id of its own (the index links back to it). -->
  <xsl:template name="html-mention-id">
    <xsl:variable name="a"><xsl:call-template name="html-number">
      <xsl:with-param name="what" select="'a'"/>
    </xsl:call-template></xsl:variable>
    <xsl:if test="starts-with($a, 'm:')">
      <xsl:attribute name="id"><xsl:value-of select="$a"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:title">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'cite'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ==================================================================== speech -->

  <!-- Direct speech: q.tei-said data-who, the speaker's name in title (hover) and data-speaker
       (shown on keyboard focus by the CSS; tabindex makes it focusable). -->
  <xsl:template match="tei:said | tei:q | tei:quote | tei:soCalled">
    <xsl:variable name="has-block"><xsl:call-template name="html-has-block"/></xsl:variable>
    <xsl:variable name="speaker">
      <xsl:if test="@who">
        <xsl:variable name="target"><xsl:call-template name="html-register-target"/></xsl:variable>
        <xsl:choose>
          <xsl:when test="$target != ''">
            <xsl:for-each select="key('html-id', $target)[1]">
              <xsl:call-template name="html-entry-name"/>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="translate(normalize-space(@who), '#', '')"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="element">
      <xsl:choose>
        <xsl:when test="$has-block = 'yes' and self::tei:quote">blockquote</xsl:when>
        <xsl:when test="$has-block = 'yes'">div</xsl:when>
        <xsl:when test="self::tei:soCalled">span</xsl:when>
        <xsl:otherwise>q</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:call-template name="html-mention-id"/>
      <xsl:if test="@who">
        <xsl:attribute name="data-who"><xsl:value-of select="@who"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="normalize-space($speaker) != ''">
        <xsl:attribute name="title"><xsl:value-of select="normalize-space($speaker)"/></xsl:attribute>
        <xsl:attribute name="data-speaker"><xsl:value-of select="normalize-space($speaker)"/></xsl:attribute>
        <xsl:attribute name="tabindex">0</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- =========================================================== phrase emphasis -->

  <xsl:template match="tei:foreign">
    <xsl:variable name="has-block"><xsl:call-template name="html-has-block"/></xsl:variable>
    <xsl:element name="{substring('idiv', 1 + ($has-block = 'yes'), 1 + 2 * ($has-block = 'yes'))}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:emph">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'em'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:code | tei:gi | tei:att | tei:val | tei:tag | tei:ident">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'code'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:del">
    <xsl:variable name="has-block"><xsl:call-template name="html-has-block"/></xsl:variable>
    <xsl:element name="{substring('deldiv', 1 + 3 * ($has-block = 'yes'), 3)}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ======================================================== choice and apparatus -->

  <!-- choice: the corrected, regularised or expanded branch in the text, the other on hover. -->
  <xsl:template match="tei:choice">
    <xsl:variable name="shown" select="((tei:corr | tei:reg | tei:expan)[1]
        | *[not(../tei:corr | ../tei:reg | ../tei:expan)][1])[1]"/>
    <xsl:variable name="other">
      <xsl:for-each select="*[count(. | $shown) != 1]">
        <xsl:if test="position() &gt; 1"> | </xsl:if>
        <xsl:value-of select="local-name()"/>
        <xsl:text>: </xsl:text>
        <xsl:apply-templates select="." mode="alternative"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:if test="normalize-space($other) != ''">
        <xsl:attribute name="title"><xsl:value-of select="normalize-space($other)"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="$shown"/>
    </xsl:element>
  </xsl:template>

  <!-- app: the lemma (or, inline without one, the first reading: the rule of common.xsl) in the
       text and a marker to the apparatus. A location-referenced app (@from, @to, @loc) shows no
       words here: its marker stands after the element @from points at when that is rendered,
       else here. -->
  <xsl:template match="tei:app">
    <xsl:variable name="target"><xsl:call-template name="html-app-target"/></xsl:variable>
    <xsl:variable name="shown" select="(tei:lem | tei:rdgGrp/tei:lem)[1]
        | (self::tei:app[not(tei:lem | tei:rdgGrp/tei:lem)][not(@from | @to | @loc)]/tei:rdg
           | self::tei:app[not(tei:lem | tei:rdgGrp/tei:lem)][not(@from | @to | @loc)]/tei:rdgGrp/tei:rdg)[1]"/>
    <xsl:if test="$target = ''">
      <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
      <xsl:element name="{$element}">
        <xsl:call-template name="html-atts"/>
        <xsl:for-each select="$shown">
          <xsl:variable name="element-2"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
          <xsl:element name="{$element-2}">
            <xsl:call-template name="html-atts"/>
            <xsl:apply-templates/>
          </xsl:element>
        </xsl:for-each>
        <xsl:call-template name="html-app-marker"/>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <xsl:template name="html-app-marker">
    <xsl:variable name="n"><xsl:call-template name="html-number"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$n != ''">
        <xsl:variable name="label"><xsl:number value="$n" format="a"/></xsl:variable>
        <a class="app-ref" id="appref:{$n}" href="#app:{$n}" aria-label="{$label-apparatus} {$label}">
          <sup><xsl:value-of select="$label"/></sup>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="app-inline">
          <xsl:text> [</xsl:text>
          <xsl:for-each select="tei:rdg[count(. | ../*[1]) != 1] | tei:rdgGrp/tei:rdg">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <xsl:apply-templates select="."/>
          </xsl:for-each>
          <xsl:text>]</xsl:text>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:rdg | tei:lem">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
    <xsl:call-template name="html-wit"/>
  </xsl:template>

  <!-- ===================================================================== notes -->

  <!-- A note leaves a numbered link at its anchor; its text is in the notes section, which links
       back. A note outside the numbering (never expected) is shown in place, in brackets. -->
  <xsl:template match="tei:note">
    <xsl:variable name="seq"><xsl:call-template name="tei-note-seq"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$seq != '' and @xml:id and key('tei-note-ptr', @xml:id)[ancestor::tei:text]"/>
      <xsl:when test="$seq != '' and (not(ancestor::tei:listPerson or ancestor::tei:listPlace or ancestor::tei:listOrg
          or ancestor::tei:listEvent or ancestor::tei:listRelation or ancestor::tei:listNym) or $show-index != 'yes')">
        <xsl:call-template name="html-note-marker">
          <xsl:with-param name="seq" select="$seq"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="html-atts">
            <xsl:with-param name="class" select="'note-inline'"/>
          </xsl:call-template>
          <xsl:text>[</xsl:text>
          <xsl:apply-templates/>
          <xsl:text>]</xsl:text>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The numbered link to a note (context: the note), with the id its back link points at. -->
  <xsl:template name="html-note-marker">
    <xsl:param name="seq"/>
    <xsl:param name="with-id" select="true()"/>
    <xsl:variable name="label"><xsl:call-template name="tei-note-label"/></xsl:variable>
    <a class="note-ref">
      <xsl:if test="$with-id">
        <xsl:attribute name="id">fnref:<xsl:value-of select="$seq"/></xsl:attribute>
      </xsl:if>
      <xsl:attribute name="href">#fn:<xsl:value-of select="$seq"/></xsl:attribute>
      <xsl:attribute name="role">doc-noteref</xsl:attribute>
      <xsl:attribute name="aria-label">Note <xsl:value-of select="$label"/></xsl:attribute>
      <sup><xsl:value-of select="$label"/></sup>
    </a>
  </xsl:template>

  <!-- A ptr to a note (our converter before its notes pass: ptr type="noteAnchor") is the note's
       marker; the note itself, written elsewhere, leaves none. -->
  <xsl:template match="tei:ptr[starts-with(normalize-space(@target), '#')]
      [key('html-id', substring-after(normalize-space(@target), '#'))[1][self::tei:note]]">
    <xsl:variable name="ptr" select="."/>
    <xsl:for-each select="key('html-id', substring-after(normalize-space(@target), '#'))[1]">
      <xsl:variable name="seq"><xsl:call-template name="tei-note-seq"/></xsl:variable>
      <xsl:choose>
        <xsl:when test="$seq != ''">
          <xsl:call-template name="html-note-marker">
            <xsl:with-param name="seq" select="$seq"/>
            <xsl:with-param name="with-id"
                select="count(key('tei-note-ptr', @xml:id)[ancestor::tei:text][1] | $ptr) = 1"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$ptr">
            <span>
              <xsl:call-template name="html-atts"/>
              <xsl:value-of select="@n"/>
            </span>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================== pointers -->

  <xsl:template match="tei:ref | tei:ptr">
    <xsl:variable name="local">
      <xsl:call-template name="html-local-target">
        <xsl:with-param name="target" select="@target"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="url" select="normalize-space(@target)"/>
    <xsl:variable name="href">
      <xsl:choose>
        <xsl:when test=".//tei:note | .//tei:app | .//tei:ref | .//tei:ptr | .//*[@ref or @corresp]
            | .//*[@xml:id and key('html-app-from', @xml:id)] | .//tei:p | .//tei:ab | .//tei:lg | .//tei:l | .//tei:list | .//tei:table | .//tei:div"/>
        <xsl:when test="$local != ''">#<xsl:value-of select="$local"/></xsl:when>
        <xsl:when test="not(contains($url, ' ')) and (starts-with($url, 'http://') or starts-with($url, 'https://')
            or starts-with($url, 'mailto:'))"><xsl:value-of select="$url"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="content">
      <xsl:choose>
        <xsl:when test="self::tei:ptr or not(node())">
          <xsl:choose>
            <xsl:when test="@n"><xsl:value-of select="@n"/></xsl:when>
            <xsl:when test="$url != ''"><xsl:value-of select="$url"/></xsl:when>
            <xsl:otherwise>→</xsl:otherwise>
          </xsl:choose>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$href != ''">
        <a href="{$href}">
          <xsl:call-template name="html-atts"/>
          <xsl:value-of select="$content"/>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
        <xsl:element name="{$element}">
          <xsl:call-template name="html-atts"/>
          <xsl:if test="@target">
            <xsl:attribute name="data-target"><xsl:value-of select="@target"/></xsl:attribute>
          </xsl:if>
          <xsl:value-of select="$content"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================================= dates -->

  <xsl:template match="tei:date | tei:time">
    <xsl:variable name="when" select="normalize-space(@when)"/>
    <xsl:variable name="shape" select="translate($when, '0123456789', '9999999999')"/>
    <xsl:variable name="has-block"><xsl:call-template name="html-has-block"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$has-block = 'no' and ($shape = '9999' or $shape = '9999-99' or $shape = '9999-99-99' or $shape = '99:99:99' or $shape = '99:99')">
        <time datetime="{$when}">
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
        <xsl:element name="{$element}">
          <xsl:call-template name="html-atts"/>
          <xsl:for-each select="@when | @notBefore | @notAfter | @from | @to">
            <xsl:attribute name="data-{translate(local-name(), 'ABFNT', 'abfnt')}"><xsl:value-of select="."/></xsl:attribute>
          </xsl:for-each>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ========================================================== pages and lines -->

  <!-- lb: a visible break only in diplomatic display; otherwise the words run on (a space, or
       nothing inside a word: break="no" or type="hyphenInWord"). -->
  <xsl:template match="tei:lb">
    <xsl:choose>
      <xsl:when test="$diplomatic = 'yes'">
        <br>
          <xsl:call-template name="html-atts"/>
        </br>
      </xsl:when>
      <xsl:when test="@xml:id">
        <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
        <xsl:element name="{$element}">
          <xsl:call-template name="html-atts"/>
        </xsl:element>
        <xsl:if test="not(@break = 'no' or @type = 'hyphenInWord')"><xsl:text> </xsl:text></xsl:if>
      </xsl:when>
      <xsl:when test="not(@break = 'no' or @type = 'hyphenInWord')"><xsl:text> </xsl:text></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- pb: the page number, set in the margin on wide screens (see the CSS). -->
  <xsl:template match="tei:pb">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:if test="normalize-space(@n)">
        <xsl:attribute name="title">page <xsl:value-of select="normalize-space(@n)"/></xsl:attribute>
      </xsl:if>
      <xsl:value-of select="normalize-space(@n)"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:cb">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:if test="@n">
        <xsl:attribute name="data-n"><xsl:value-of select="@n"/></xsl:attribute>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:fw">
    <xsl:variable name="block"><xsl:call-template name="html-is-block"/></xsl:variable>
    <xsl:element name="{substring('spandiv', 1 + 4 * ($block = 'yes'), 4 - ($block = 'yes'))}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ================================================================= editorial -->

  <xsl:template match="tei:gap">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:variable name="why" select="normalize-space(concat(@reason, ' ', @quantity, ' ', @unit, ' ', @extent))"/>
      <xsl:if test="$why != ''">
        <xsl:attribute name="title">gap: <xsl:value-of select="$why"/></xsl:attribute>
      </xsl:if>
      <xsl:text>[…]</xsl:text>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:space">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:text> </xsl:text>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:anchor">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
    </xsl:element>
  </xsl:template>

  <!-- ====================================================================== ruby -->

  <xsl:template match="tei:ruby">
    <ruby>
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </ruby>
  </xsl:template>

  <xsl:template match="tei:ruby/tei:rb">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:ruby/tei:rt">
    <rp>(</rp>
    <rt>
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </rt>
    <rp>)</rp>
  </xsl:template>

</xsl:stylesheet>
