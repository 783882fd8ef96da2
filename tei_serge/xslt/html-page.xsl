<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-page.xsl: the page around the text (included by tei-to-html.xsl): html/head/body, the title
  page as the banner, the contents (nav), main, the generated sections (apparatus, notes; the
  index is in html-index.xsl) and the footer. Landmarks: header, nav, main, footer; one h1.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="tei exsl">

  <!-- The title page shown as the page's banner (and so not again in main). -->
  <xsl:variable name="html-title-page" select="/tei:TEI/tei:text/tei:front/tei:titlePage[1]"/>

  <!-- ===================================================================== page -->

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="page"/>
  </xsl:template>

  <xsl:template match="*" mode="page">
    <xsl:variable name="lang" select="@xml:lang"/>
    <html>
      <xsl:attribute name="lang">
        <xsl:choose>
          <xsl:when test="$lang"><xsl:value-of select="$lang"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$default-lang"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:variable name="dir">
        <xsl:call-template name="html-rtl">
          <xsl:with-param name="lang" select="$lang"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="$dir = 'rtl'">
        <xsl:attribute name="dir">rtl</xsl:attribute>
      </xsl:if>
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:call-template name="html-doc-title"/></title>
        <style><xsl:call-template name="html-css"/></style>
      </head>
      <body>
        <a class="skip-link" href="#s:main"><xsl:value-of select="$label-skip"/></a>
        <header class="title-page">
          <xsl:call-template name="html-banner"/>
        </header>
        <xsl:variable name="toc-rtf">
          <xsl:choose>
            <xsl:when test="self::tei:teiCorpus">
              <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="toc-text"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="tei:text/*" mode="toc">
                <xsl:with-param name="depth" select="1"/>
              </xsl:apply-templates>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="html-toc-generated"/>
        </xsl:variable>
        <xsl:if test="exsl:node-set($toc-rtf)/*">
          <nav class="toc" id="s:contents" aria-labelledby="s:contents-h">
            <h2 id="s:contents-h"><xsl:value-of select="$label-contents"/></h2>
            <xsl:variable name="entries" select="count(exsl:node-set($toc-rtf)//li)"/>
            <xsl:choose>
              <xsl:when test="$entries &gt; $toc-open-max">
                <details>
                  <summary><xsl:value-of select="$entries"/> sections</summary>
                  <ul>
                    <xsl:copy-of select="$toc-rtf"/>
                  </ul>
                </details>
              </xsl:when>
              <xsl:otherwise>
                <ul>
                  <xsl:copy-of select="$toc-rtf"/>
                </ul>
              </xsl:otherwise>
            </xsl:choose>
          </nav>
        </xsl:if>
        <main id="s:main">
          <xsl:choose>
            <xsl:when test="self::tei:teiCorpus">
              <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="corpus-member"/>
            </xsl:when>
            <xsl:when test="self::tei:TEI">
              <xsl:apply-templates select="tei:text"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="."/>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="html-apparatus"/>
          <xsl:call-template name="html-notes"/>
          <xsl:if test="$show-index = 'yes'">
            <xsl:call-template name="html-index"/>
          </xsl:if>
        </main>
        <footer class="page-footer">
          <xsl:for-each select="tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:availability[normalize-space()][1]">
            <p class="availability"><xsl:value-of select="normalize-space()"/></p>
          </xsl:for-each>
          <xsl:if test="$generator != ''">
            <p class="generator"><xsl:value-of select="$generator"/></p>
          </xsl:if>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- The document's title as plain text (the head/title element, and the h1 when no title page). -->
  <xsl:template name="html-doc-title">
    <xsl:variable name="titles" select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:variable name="main" select="($titles[@type = 'main'] | $titles[not(@type)])[1]"/>
    <xsl:choose>
      <xsl:when test="$main and normalize-space($main)">
        <xsl:value-of select="normalize-space($main)"/>
      </xsl:when>
      <xsl:when test="normalize-space($titles[1])">
        <xsl:value-of select="normalize-space($titles[1])"/>
      </xsl:when>
      <xsl:when test="normalize-space(.//tei:docTitle[1])">
        <xsl:value-of select="normalize-space(.//tei:docTitle[1])"/>
      </xsl:when>
      <xsl:otherwise>Untitled</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The banner: the title page of the text when it has one, else the header's titles. -->
  <xsl:template name="html-banner">
    <xsl:variable name="tp" select="self::tei:TEI/tei:text/tei:front/tei:titlePage[1]"/>
    <xsl:if test="not($tp/tei:docTitle)">
      <h1><xsl:call-template name="html-doc-title"/></h1>
      <xsl:if test="not($tp)">
        <xsl:for-each select="tei:teiHeader/tei:fileDesc/tei:titleStmt">
          <xsl:for-each select="tei:title[@type = 'sub'][normalize-space()]">
            <p class="subtitle"><xsl:value-of select="normalize-space()"/></p>
          </xsl:for-each>
          <xsl:if test="tei:author[normalize-space()]">
            <p class="author">
              <xsl:for-each select="tei:author[normalize-space()]">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:choose>
                  <xsl:when test="tei:persName | tei:name | tei:orgName">
                    <xsl:value-of select="normalize-space((tei:persName | tei:name | tei:orgName)[1])"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:value-of select="normalize-space()"/>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </p>
          </xsl:if>
        </xsl:for-each>
      </xsl:if>
    </xsl:if>
    <xsl:apply-templates select="$tp" mode="banner"/>
  </xsl:template>

  <xsl:template match="tei:titlePage" mode="banner">
    <div>
      <xsl:call-template name="html-atts"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- ======================================================= corpus and groups -->

  <xsl:template match="tei:TEI | tei:teiCorpus" mode="corpus-member">
    <xsl:variable name="id"><xsl:call-template name="html-div-id"/></xsl:variable>
    <xsl:variable name="level"><xsl:call-template name="html-heading-level"/></xsl:variable>
    <article id="{$id}" aria-labelledby="{$id}-h">
      <xsl:call-template name="html-atts">
        <xsl:with-param name="id" select="false()"/>
      </xsl:call-template>
      <xsl:element name="h{$level}">
        <xsl:attribute name="id"><xsl:value-of select="$id"/>-h</xsl:attribute>
        <xsl:call-template name="html-doc-title"/>
      </xsl:element>
      <nav class="toc toc-text" aria-label="{$label-contents}: {normalize-space(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])}">
        <ul>
          <xsl:apply-templates select="tei:text/* | tei:TEI" mode="toc">
            <xsl:with-param name="depth" select="1"/>
          </xsl:apply-templates>
        </ul>
      </nav>
      <xsl:apply-templates select="tei:text | tei:TEI"/>
    </article>
  </xsl:template>

  <!-- A text inside a group: its own heading and contents. -->
  <xsl:template match="tei:group/tei:text">
    <xsl:variable name="id"><xsl:call-template name="html-div-id"/></xsl:variable>
    <xsl:variable name="level"><xsl:call-template name="html-heading-level"/></xsl:variable>
    <article id="{$id}" aria-labelledby="{$id}-h">
      <xsl:call-template name="html-atts">
        <xsl:with-param name="id" select="false()"/>
      </xsl:call-template>
      <xsl:element name="h{$level}">
        <xsl:attribute name="id"><xsl:value-of select="$id"/>-h</xsl:attribute>
        <xsl:call-template name="html-text-label"/>
      </xsl:element>
      <nav class="toc toc-text" aria-labelledby="{$id}-h">
        <ul>
          <xsl:apply-templates select="*" mode="toc">
            <xsl:with-param name="depth" select="1"/>
          </xsl:apply-templates>
        </ul>
      </nav>
      <xsl:apply-templates/>
    </article>
  </xsl:template>

  <!-- The heading of a text in a group: its title page or first head, else its number and language. -->
  <xsl:template name="html-text-label">
    <xsl:variable name="title" select="(tei:front//tei:docTitle | tei:front/tei:head | tei:body/tei:head
        | tei:body/tei:div[1]/tei:head)[1]"/>
    <xsl:choose>
      <xsl:when test="normalize-space($title)">
        <xsl:apply-templates select="$title" mode="plain"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>Text </xsl:text>
        <xsl:value-of select="count(preceding-sibling::tei:text) + 1"/>
        <xsl:if test="@n"> (<xsl:value-of select="@n"/>)</xsl:if>
        <xsl:if test="@xml:lang"> [<xsl:value-of select="@xml:lang"/>]</xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- =================================================================== contents -->

  <xsl:template match="tei:TEI | tei:teiCorpus" mode="toc-text">
    <xsl:variable name="id"><xsl:call-template name="html-div-id"/></xsl:variable>
    <li><a href="#{$id}"><xsl:call-template name="html-doc-title"/></a></li>
  </xsl:template>

  <xsl:template match="tei:front | tei:body | tei:back | tei:group" mode="toc">
    <xsl:param name="depth"/>
    <xsl:apply-templates select="*" mode="toc">
      <xsl:with-param name="depth" select="$depth"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="tei:group/tei:text" mode="toc">
    <xsl:variable name="id"><xsl:call-template name="html-div-id"/></xsl:variable>
    <li><a href="#{$id}"><xsl:call-template name="html-text-label"/></a></li>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7" mode="toc">
    <xsl:param name="depth"/>
    <xsl:variable name="label">
      <xsl:call-template name="html-div-label"/>
    </xsl:variable>
    <xsl:variable name="children" select="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7"/>
    <xsl:choose>
      <xsl:when test="normalize-space($label) != ''">
        <xsl:variable name="id"><xsl:call-template name="html-div-id"/></xsl:variable>
        <li>
          <a href="#{$id}"><xsl:value-of select="normalize-space($label)"/></a>
          <xsl:if test="$children and $depth &lt; $toc-depth">
            <ul>
              <xsl:apply-templates select="$children" mode="toc">
                <xsl:with-param name="depth" select="$depth + 1"/>
              </xsl:apply-templates>
            </ul>
          </xsl:if>
        </li>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$children" mode="toc">
          <xsl:with-param name="depth" select="$depth"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="toc"/>

  <!-- A div's label in the contents: its date (from the dateline) and its heading. -->
  <xsl:template name="html-div-label">
    <xsl:variable name="date" select="(tei:dateline | tei:opener/tei:dateline)[1]"/>
    <xsl:if test="$date">
      <xsl:choose>
        <xsl:when test="$date//tei:date">
          <xsl:apply-templates select="$date//tei:date[1]" mode="plain"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="$date" mode="plain"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="tei:head"> — </xsl:if>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="tei:head">
        <xsl:apply-templates select="tei:head[1]" mode="plain"/>
      </xsl:when>
      <xsl:when test="not($date) and (@type = 'preface' or @type = 'introduction')">
        <xsl:value-of select="$label-introduction"/>
      </xsl:when>
      <xsl:when test="not($date) and normalize-space(@n) != ''">
        <xsl:value-of select="normalize-space(concat(translate(@type, '-_', '  '), ' ', @n))"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="html-toc-generated">
    <xsl:if test="$html-apps">
      <li class="toc-generated"><a href="#s:apparatus"><xsl:value-of select="$label-apparatus"/></a></li>
    </xsl:if>
    <xsl:if test="$html-note-items">
      <li class="toc-generated"><a href="#s:notes"><xsl:value-of select="$label-notes"/></a></li>
    </xsl:if>
    <xsl:if test="$show-index = 'yes' and ($html-persons | $html-places | $html-orgs | $html-works | $html-events)">
      <li class="toc-generated"><a href="#s:index"><xsl:value-of select="$label-index"/></a></li>
    </xsl:if>
  </xsl:template>

  <!-- ====================================================================== notes -->

  <!-- The items of the notes section, built once: one li per note of the note map (common.xsl),
       in document order, each TEI document of a corpus in turn. -->
  <xsl:variable name="html-note-items-rtf">
    <xsl:for-each select="/tei:TEI | /tei:teiCorpus//tei:TEI">
      <xsl:call-template name="tei-gather-notes"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="html-note-items" select="exsl:node-set($html-note-items-rtf)/*"/>

  <xsl:template name="html-notes">
    <xsl:if test="$html-note-items">
      <section class="notes" id="s:notes" role="doc-endnotes" aria-labelledby="s:notes-h">
        <h2 id="s:notes-h"><xsl:value-of select="$label-notes"/></h2>
        <ol class="note-list">
          <xsl:copy-of select="$html-note-items"/>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One note of the notes section (called by tei-gather-notes): its label links back to its
       marker. Notes inside register entries have no marker (the entry is in the index). -->
  <xsl:template name="tei-each-note">
    <xsl:param name="label"/>
    <xsl:param name="seq"/>
    <xsl:if test="not(ancestor::tei:listPerson or ancestor::tei:listPlace or ancestor::tei:listOrg
        or ancestor::tei:listEvent or ancestor::tei:listRelation or ancestor::tei:listNym) or $show-index != 'yes'">
      <li id="fn:{$seq}">
        <xsl:attribute name="class">
          <xsl:text>note</xsl:text>
          <xsl:if test="@place"> note-<xsl:value-of select="translate(normalize-space(@place), ' ', '-')"/></xsl:if>
        </xsl:attribute>
        <a class="note-back" href="#fnref:{$seq}" role="doc-backlink" title="{$label-back}">
          <xsl:value-of select="$label"/>
        </a>
        <xsl:text> </xsl:text>
        <div>
          <xsl:call-template name="html-inherited-lang"/>
          <xsl:call-template name="html-atts"/>
          <xsl:apply-templates/>
        </div>
      </li>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================== apparatus -->

  <xsl:template name="html-apparatus">
    <xsl:if test="$html-apps">
      <section class="apparatus" id="s:apparatus" aria-labelledby="s:apparatus-h">
        <h2 id="s:apparatus-h"><xsl:value-of select="$label-apparatus"/></h2>
        <ol class="app-list">
          <xsl:for-each select="$html-apps">
            <xsl:variable name="n" select="position()"/>
            <xsl:variable name="target">
              <xsl:call-template name="html-app-target"/>
            </xsl:variable>
            <xsl:variable name="shown" select="(tei:lem | tei:rdgGrp/tei:lem)[1]
                | (self::tei:app[not(tei:lem | tei:rdgGrp/tei:lem)][not(@from | @to | @loc)]/tei:rdg
                   | self::tei:app[not(tei:lem | tei:rdgGrp/tei:lem)][not(@from | @to | @loc)]/tei:rdgGrp/tei:rdg)[1]"/>
            <li id="app:{$n}" class="app-entry">
              <xsl:call-template name="html-inherited-lang"/>
              <a class="app-back" href="#appref:{$n}" title="{$label-back}">
                <xsl:number value="$n" format="a"/>
              </a>
              <xsl:text> </xsl:text>
              <div class="app-body">
                <span class="app-lemma">
                  <xsl:choose>
                    <xsl:when test="$target != ''">
                      <xsl:apply-templates select="key('html-id', $target)[1]" mode="plain"/>
                    </xsl:when>
                    <xsl:when test="$shown">
                      <xsl:apply-templates select="$shown/node()" mode="plain"/>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:value-of select="normalize-space(@from | @loc)"/>
                    </xsl:otherwise>
                  </xsl:choose>
                </span>
                <xsl:for-each select="$shown">
                  <xsl:call-template name="html-wit"/>
                </xsl:for-each>
                <xsl:text>] </xsl:text>
                <xsl:for-each select="(tei:rdg | tei:rdgGrp/tei:rdg | tei:rdgGrp/tei:lem | tei:lem | tei:wit
                    | tei:witDetail)[not($shown) or count(. | $shown) != 1]">
                  <xsl:if test="position() &gt; 1">; </xsl:if>
                  <xsl:apply-templates select="."/>
                </xsl:for-each>
                <xsl:apply-templates select="tei:note | tei:rdgGrp/tei:note"/>
              </div>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The id of the rendered element a location-referenced app (@from) without a lemma points
       at, or '': its marker stands there. -->
  <xsl:template name="html-app-target">
    <xsl:if test="@from and not(tei:lem | tei:rdgGrp/tei:lem)">
      <xsl:call-template name="html-local-target">
        <xsl:with-param name="target" select="@from"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="html-wit">
    <xsl:if test="@wit">
      <xsl:text> </xsl:text>
      <span class="wit"><xsl:value-of select="normalize-space(translate(@wit, '#', ''))"/></span>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
