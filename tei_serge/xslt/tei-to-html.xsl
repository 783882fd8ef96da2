<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-html.xsl: a TEI P5 document (TEI or teiCorpus) as one self-contained HTML5 page.

  XSLT 1.0 plus exsl:node-set (libxslt has it under lxml and xsltproc alike). The page is:
  header (title page) / nav (contents) / main (front, body, back, apparatus, notes, index) / footer.

  The rules live in a few files, one template per TEI element, variants on predicates:
    html-params.xsl  every parameter, with a line each
    html-css.xsl     the embedded stylesheet (screen, phone, print, dark scheme)
    html-page.xsl    page skeleton: title page, contents, notes, apparatus, footer
    html-index.xsl   the index of names built from the register
    html-blocks.xsl  block-level elements: div, p, lg/l, sp, letters, milestones
    html-lists.xsl   lists, tables, figures
    html-inline.xsl  phrase-level elements: names, speech, foreign, choice, app, note markers, pb/lb
    html-util.xsl    shared helpers: attributes, ids, targets, modes 'plain' and 'xml-code'
  The generic fallback for elements nobody knows is at the end of this file.

  Generated ids contain a colon (fn:3, m:12, d:1.2), which an xml:id (an NCName) never does, so
  they can never collide with the document's own ids. Output is deterministic: generate-id() is
  used only to look things up, never written out.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="tei exsl">

  <xsl:import href="common.xsl"/>

  <xsl:include href="html-params.xsl"/>
  <xsl:include href="html-css.xsl"/>
  <xsl:include href="html-util.xsl"/>
  <xsl:include href="html-page.xsl"/>
  <xsl:include href="html-index.xsl"/>
  <xsl:include href="html-blocks.xsl"/>
  <xsl:include href="html-lists.xsl"/>
  <xsl:include href="html-inline.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:strip-space elements="tei:TEI tei:teiCorpus tei:text tei:group tei:front tei:body tei:back
      tei:div tei:div1 tei:div2 tei:div3 tei:div4 tei:div5 tei:div6 tei:div7 tei:lg tei:sp
      tei:list tei:table tei:row tei:figure tei:castList tei:castGroup tei:opener tei:closer
      tei:titlePage tei:docTitle tei:listBibl tei:listWit tei:app tei:choice tei:standOff
      tei:listPerson tei:listPlace tei:listOrg tei:person tei:place tei:org"/>

  <!-- ===================================================================== keys -->

  <!-- every element with an xml:id, by id -->
  <xsl:key name="html-id" match="*[@xml:id]" use="@xml:id"/>
  <!-- location-referenced apparatus entries without a lemma, by the id of the word they point at -->
  <xsl:key name="html-app-from" match="tei:app[@from][not(tei:lem | tei:rdgGrp/tei:lem)]"
      use="substring-after(normalize-space(@from), '#')"/>
  <!-- the branches of a choice a reader does not see at once (the rule of common.xsl: the first
       corr, reg or expan, else the first child, is shown); they live only in the choice's title -->
  <xsl:key name="html-hidden-branch" use="generate-id()"
      match="tei:choice/*[((../tei:corr | ../tei:reg | ../tei:expan)
          and count(. | (../tei:corr | ../tei:reg | ../tei:expan)[1]) != 1)
        or (not(../tei:corr | ../tei:reg | ../tei:expan) and preceding-sibling::*)]"/>
  <!-- in the numbering table (a result tree fragment): apparatus entries and mentions by generate-id -->
  <xsl:key name="html-num" match="num" use="@g"/>
  <!-- in the numbering table: mentions by the id of the register entry they point at -->
  <xsl:key name="html-mention" match="num[@k = 'm']" use="@t"/>

  <!-- ============================================================ what is numbered -->

  <!-- Notes are numbered by common.xsl (its note map: tei-note-seq, tei-note-label,
       tei-gather-notes), so the HTML and the plain text label them alike. -->

  <xsl:variable name="html-apps" select="//tei:text//tei:app[not(ancestor::tei:teiHeader)]
      [not(ancestor::*[key('html-hidden-branch', generate-id())])]"/>

  <!-- Mentions: names, speeches and speakers in the text whose pointer resolves to a register entry. -->
  <xsl:variable name="html-mentions-rtf">
    <xsl:for-each select="//tei:text//*[@ref or @corresp or @who]
        [self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:rs or self::tei:name
         or self::tei:title or self::tei:geogName or self::tei:settlement or self::tei:region
         or self::tei:country or self::tei:said or self::tei:sp or self::tei:q]
        [not(ancestor::tei:teiHeader)]
        [not(ancestor::*[key('html-hidden-branch', generate-id())])]
        [not(ancestor::tei:listPerson or ancestor::tei:listPlace or ancestor::tei:listOrg
            or ancestor::tei:listEvent or ancestor::tei:listRelation or ancestor::tei:listNym)]">
      <xsl:variable name="t">
        <xsl:call-template name="html-register-target"/>
      </xsl:variable>
      <xsl:if test="string($t) != ''">
        <m g="{generate-id()}" t="{$t}">
          <xsl:if test="@xml:id and count(key('html-id', @xml:id)[1] | .) = 1">
            <xsl:attribute name="a"><xsl:value-of select="@xml:id"/></xsl:attribute>
          </xsl:if>
        </m>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>

  <!-- The numbering table: one 'num' per apparatus entry (k='a'), mention (k='m') and section
       (k='d': divs, texts of a group, documents of a corpus; their ids d:N when they have no
       xml:id of their own). -->
  <xsl:variable name="html-numbers-rtf">
    <xsl:for-each select="//*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3
        or self::tei:div4 or self::tei:div5 or self::tei:div6 or self::tei:div7
        or self::tei:text[parent::tei:group] or self::tei:TEI[parent::tei:teiCorpus]
        or self::tei:teiCorpus[parent::tei:teiCorpus]]">
      <num k="d" g="{generate-id()}" n="{position()}"/>
    </xsl:for-each>
    <xsl:for-each select="$html-apps">
      <num k="a" g="{generate-id()}" n="{position()}"/>
    </xsl:for-each>
    <xsl:for-each select="exsl:node-set($html-mentions-rtf)/m">
      <num k="m" g="{@g}" t="{@t}" n="{position()}">
        <xsl:choose>
          <xsl:when test="@a"><xsl:attribute name="a"><xsl:value-of select="@a"/></xsl:attribute></xsl:when>
          <xsl:otherwise><xsl:attribute name="a">m:<xsl:value-of select="position()"/></xsl:attribute></xsl:otherwise>
        </xsl:choose>
      </num>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="html-numbers" select="exsl:node-set($html-numbers-rtf)"/>

  <!-- ====================================================== generic fallback -->

  <!-- An element no template knows: its content is kept, as a div in block context, else a span. -->
  <xsl:template match="*">
    <xsl:variable name="block">
      <xsl:call-template name="html-is-block"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$block = 'yes'">
        <div>
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates/>
          <xsl:call-template name="html-app-markers"/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates/>
          <xsl:call-template name="html-app-markers"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Processing instructions and comments of the source are not part of the edition. -->
  <xsl:template match="processing-instruction() | comment()"/>

</xsl:stylesheet>
