<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-lists.xsl: lists (ul, ol, dl), register lists, tables and figures (included by
  tei-to-html.xsl). An HTML list holds only items, a table only rows and cells: anything else
  the TEI puts there gets an item or a cell of its own, or stands before the table.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- ===================================================================== lists -->

  <xsl:template match="tei:list | tei:listBibl | tei:listWit">
    <xsl:variable name="gloss" select="tei:label and (@type = 'gloss' or count(tei:label) = count(tei:item))"/>
    <div>
      <xsl:call-template name="html-atts"/>
      <xsl:for-each select="tei:head">
        <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'p'"/></xsl:call-template></xsl:variable>
        <xsl:element name="{$element}">
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="$gloss">
          <dl>
            <xsl:apply-templates select="node()[not(self::tei:head)][not(self::text()) or normalize-space()]" mode="gloss"/>
          </dl>
        </xsl:when>
        <xsl:when test="@type = 'ordered' or @type = 'numbered' or contains(@rend, 'numbered') or contains(@rend, 'ordered')">
          <ol>
            <xsl:apply-templates select="node()[not(self::tei:head)]" mode="list-member"/>
          </ol>
        </xsl:when>
        <xsl:otherwise>
          <ul>
            <xsl:apply-templates select="node()[not(self::tei:head)]" mode="list-member"/>
          </ul>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- Members of a list: items are li; anything else a list holds (a pb, a note, a label, text)
       is rendered as usual inside an li of its own, since a ul holds nothing but li. -->
  <xsl:template match="tei:item | tei:listBibl/tei:bibl | tei:listBibl/tei:biblStruct | tei:listBibl/tei:msDesc
      | tei:listWit/tei:witness | tei:castItem | tei:castGroup" mode="list-member">
    <xsl:apply-templates select="."/>
  </xsl:template>
  <xsl:template match="*" mode="list-member">
    <li class="list-extra">
      <xsl:apply-templates select="."/>
    </li>
  </xsl:template>
  <xsl:template match="text()" mode="list-member">
    <xsl:if test="normalize-space()">
      <li class="list-extra"><xsl:value-of select="."/></li>
    </xsl:if>
  </xsl:template>
  <xsl:template match="processing-instruction() | comment()" mode="list-member"/>

  <xsl:template match="tei:item | tei:listBibl/tei:bibl | tei:listBibl/tei:biblStruct | tei:listBibl/tei:msDesc
      | tei:listWit/tei:witness" priority="1">
    <li>
      <xsl:call-template name="html-atts"/>
      <xsl:if test="@n">
        <xsl:attribute name="data-n"><xsl:value-of select="@n"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <!-- A gloss list: labels are dt, items dd, anything else a dd of its own. -->
  <xsl:template match="tei:label" mode="gloss">
    <dt>
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </dt>
  </xsl:template>
  <xsl:template match="tei:item" mode="gloss">
    <dd>
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </dd>
  </xsl:template>
  <xsl:template match="text()" mode="gloss">
    <dd class="list-extra"><xsl:value-of select="."/></dd>
  </xsl:template>
  <xsl:template match="*" mode="gloss">
    <dd class="list-extra">
      <xsl:apply-templates select="."/>
    </dd>
  </xsl:template>

  <!-- Register lists in the text are rendered in the index, not in place. -->
  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent | tei:listRelation | tei:listNym">
    <xsl:if test="$show-index != 'yes'">
      <div>
        <xsl:call-template name="html-atts"/>
        <xsl:apply-templates/>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- ==================================================================== tables -->

  <xsl:template match="tei:table">
    <xsl:apply-templates select="node()[not(self::tei:row or self::tei:head)][not(self::text()) or normalize-space()]"/>
    <div class="table-wrap">
      <table>
        <xsl:call-template name="html-atts"/>
        <xsl:if test="tei:head">
          <caption>
            <xsl:for-each select="tei:head">
              <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
              <xsl:apply-templates/>
            </xsl:for-each>
          </caption>
        </xsl:if>
        <tbody>
          <xsl:apply-templates select="tei:row"/>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="tei:row">
    <tr>
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates select="tei:cell"/>
      <xsl:if test="*[not(self::tei:cell)] | text()[normalize-space()]">
        <td class="row-extra">
          <xsl:apply-templates select="node()[not(self::tei:cell)][not(self::text()) or normalize-space()]"/>
        </td>
      </xsl:if>
    </tr>
  </xsl:template>

  <xsl:template match="tei:cell">
    <xsl:variable name="element">
      <xsl:choose>
        <xsl:when test="@role = 'label' or ../@role = 'label'">th</xsl:when>
        <xsl:otherwise>td</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:if test="number(@cols) &gt; 1">
        <xsl:attribute name="colspan"><xsl:value-of select="number(@cols)"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="number(@rows) &gt; 1">
        <xsl:attribute name="rowspan"><xsl:value-of select="number(@rows)"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- =================================================================== figures -->

  <xsl:template match="tei:figure">
    <xsl:variable name="block"><xsl:call-template name="html-is-block"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$block = 'yes' or parent::tei:p or parent::tei:ab">
        <figure>
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates select="*[not(self::tei:head)] | text()"/>
          <xsl:if test="tei:head">
            <figcaption>
              <xsl:for-each select="tei:head">
                <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
                <xsl:apply-templates/>
              </xsl:for-each>
            </figcaption>
          </xsl:if>
        </figure>
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

  <!-- A graphic is a placeholder naming its file unless show-graphics = 'yes'. -->
  <xsl:template match="tei:graphic">
    <xsl:variable name="alt" select="normalize-space((../tei:figDesc | tei:desc)[1])"/>
    <xsl:choose>
      <xsl:when test="$show-graphics = 'yes' and @url">
        <img src="{@url}" alt="{$alt}" loading="lazy">
          <xsl:call-template name="html-atts"/>
        </img>
      </xsl:when>
      <xsl:otherwise>
        <span role="img" aria-label="{$alt}{substring('Image', 1, 5 * ($alt = ''))}">
          <xsl:call-template name="html-atts"/>
          <xsl:text>[</xsl:text>
          <xsl:value-of select="@url"/>
          <xsl:text>]</xsl:text>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:figDesc">
    <xsl:variable name="element"><xsl:call-template name="html-phrase"><xsl:with-param name="name" select="'span'"/></xsl:call-template></xsl:variable>
    <xsl:element name="{$element}">
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
