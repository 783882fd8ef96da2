<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-text.xsl: TEI P5 → a plain-text reading edition (XSLT 1.0 + EXSLT common/strings).

  Runs unchanged under lxml and `xsltproc tei-to-text.xsl doc.xml`, with the same bytes out.

  Layout: a title block (the titlePage when the text has one, else the header's titles and
  authors), then the text: every block (paragraph, heading, stanza, list, table, speech, ...)
  is one paragraph separated by a blank line; verse lines, list items, table rows and the
  speaker of a speech are lines of their paragraph. Notes of every @place are a marker [n] at
  their anchor and are gathered at the end under a "Notes" heading as "n. text"; the readings
  of app follow under "Apparatus", one line per app ("lemma] reading (witnesses)"); a colophon
  (back/div[@type='colophon']) comes last. In the running text, of choice and app only the
  branch a reader sees at once is printed (common.xsl). Every other word of tei:text is kept,
  in order.

  How: structural containers (text, front, body, back, group, div) are walked in mode
  "block"; every other block ("leaf") is rendered in mode "flow" into a string in which two
  noncharacters mark a paragraph break ($P) and a line break ($L); the named template "emit"
  splits it, normalises the white space of each line and writes the paragraphs. So any
  element, known or not, in any nesting, comes out as tidy paragraphs, and no word is lost.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="tei eg exsl str">

  <xsl:import href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Paragraph and line break marks inside a rendered string (Unicode noncharacters, which
       no document uses). -->
  <xsl:variable name="P" select="'&#xFDD0;'"/>
  <xsl:variable name="L" select="'&#xFDD1;'"/>
  <!-- A list bullet: written "- " at the start of its line, or of the next line when nothing
       follows it on its own (an item that opens with a paragraph). -->
  <xsl:variable name="B" select="'&#xFDD2;'"/>
  <!-- Characters a note marker is written right before (white space and closing punctuation). -->
  <xsl:variable name="no-space-before" select="concat(' &#9;&#10;&#13;,.;:!?)]}’”»…', '&quot;', &quot;'&quot;)"/>
  <!-- Parameter: the heading of the apparatus (the readings of app), after the notes. The
       headings of the notes and of a table of contents are parameters of common.xsl. -->
  <xsl:param name="apparatus-heading" select="'Apparatus'"/>
  <xsl:variable name="rule-chars"
      select="'========================================================================'"/>
  <xsl:variable name="dash-chars"
      select="'------------------------------------------------------------------------'"/>

  <!-- ================================================================= root -->

  <xsl:template match="/">
    <xsl:variable name="all">
      <xsl:choose>
        <xsl:when test="tei:TEI | tei:teiCorpus">
          <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="doc"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="emit-flow"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- Every paragraph was written with two newlines before it: drop the first two. -->
    <xsl:value-of select="substring($all, 3)"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ============================================================ documents -->

  <xsl:template match="tei:teiCorpus" mode="doc">
    <xsl:call-template name="header-title-block">
      <xsl:with-param name="rule" select="$rule-chars"/>
    </xsl:call-template>
    <xsl:call-template name="emit">
      <xsl:with-param name="s">
        <xsl:value-of select="$tei-contents-heading"/>
        <xsl:for-each select="tei:TEI | tei:teiCorpus">
          <xsl:value-of select="concat($L, '- ')"/>
          <xsl:call-template name="tei-text-label"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="doc"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="doc">
    <xsl:if test="not(tei:text/tei:front/tei:titlePage)">
      <xsl:call-template name="header-title-block">
        <xsl:with-param name="rule">
          <xsl:choose>
            <xsl:when test="parent::tei:teiCorpus"><xsl:value-of select="$dash-chars"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$rule-chars"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:apply-templates select="tei:text" mode="block"/>
    <xsl:variable name="has-notes">
      <xsl:call-template name="tei-has-notes"/>
    </xsl:variable>
    <xsl:if test="$has-notes = 'yes'">
      <xsl:call-template name="emit">
        <xsl:with-param name="s" select="concat($tei-notes-heading, $L,
            substring($dash-chars, 1, string-length($tei-notes-heading)))"/>
      </xsl:call-template>
      <xsl:call-template name="tei-gather-notes"/>
    </xsl:if>
    <xsl:variable name="apparatus" select="tei:text//tei:app[not(ancestor::tei:app)]"/>
    <xsl:if test="$apparatus">
      <xsl:call-template name="emit">
        <xsl:with-param name="s" select="concat($apparatus-heading, $L,
            substring($dash-chars, 1, string-length($apparatus-heading)))"/>
      </xsl:call-template>
      <xsl:call-template name="emit">
        <xsl:with-param name="s">
          <xsl:apply-templates select="$apparatus" mode="apparatus"/>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:apply-templates select="tei:text/tei:back/tei:div[@type = 'colophon']/*" mode="block"/>
  </xsl:template>

  <!-- ============================================ the apparatus (mode apparatus) -->

  <!-- One line per app: "lemma] reading (witnesses); reading (witnesses)". The lemma is the
       lem, else the reading the text shows, else (location-referenced) the text of the element
       @from points at (or the pointer itself); an empty reading is "om.". -->
  <xsl:template match="tei:app" mode="apparatus">
    <xsl:variable name="shown"
        select="(tei:lem|tei:rdgGrp/tei:lem)[1]
                | (self::tei:app[not(tei:lem|tei:rdgGrp/tei:lem)][not(@from|@to|@loc)]/tei:rdg
                   | self::tei:app[not(tei:lem|tei:rdgGrp/tei:lem)][not(@from|@to|@loc)]/tei:rdgGrp/tei:rdg)[1]"/>
    <xsl:value-of select="$L"/>
    <xsl:choose>
      <xsl:when test="$shown">
        <xsl:for-each select="$shown"><xsl:call-template name="flat-content"/></xsl:for-each>
      </xsl:when>
      <xsl:when test="key('tei-id', substring-after(normalize-space(@from), '#'))">
        <xsl:value-of select="normalize-space(key('tei-id', substring-after(normalize-space(@from), '#')))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(@from | @loc)"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
    <xsl:for-each select="(tei:rdg | tei:rdgGrp/tei:rdg)[count(. | $shown) != count($shown)]">
      <xsl:if test="position() &gt; 1"><xsl:text>;</xsl:text></xsl:if>
      <xsl:text> </xsl:text>
      <xsl:variable name="reading"><xsl:call-template name="flat-content"/></xsl:variable>
      <xsl:choose>
        <xsl:when test="normalize-space($reading) != ''"><xsl:value-of select="$reading"/></xsl:when>
        <xsl:otherwise>om.</xsl:otherwise>
      </xsl:choose>
      <xsl:if test="normalize-space(@wit)">
        <xsl:value-of select="concat(' (', normalize-space(translate(@wit, '#', ' ')), ')')"/>
      </xsl:if>
    </xsl:for-each>
    <xsl:value-of select="$L"/>
  </xsl:template>

  <!-- The header's titles (one line each, the first underlined) and authors. -->
  <xsl:template name="header-title-block">
    <xsl:param name="rule"/>
    <xsl:variable name="titles"
        select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[normalize-space()]"/>
    <xsl:variable name="first" select="normalize-space($titles[1])"/>
    <xsl:call-template name="emit">
      <xsl:with-param name="s">
        <xsl:value-of select="$first"/>
        <xsl:if test="$first != ''">
          <xsl:value-of select="concat($L, substring($rule, 1, string-length($first)))"/>
        </xsl:if>
        <xsl:for-each select="$titles[position() &gt; 1]">
          <xsl:value-of select="concat($L, normalize-space())"/>
        </xsl:for-each>
        <xsl:for-each select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author[normalize-space()]">
          <xsl:value-of select="concat($L, normalize-space())"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The note at the end: "n. text". Called by tei-gather-notes (common.xsl). -->
  <xsl:template name="tei-each-note">
    <xsl:param name="label"/>
    <xsl:param name="seq"/>
    <xsl:call-template name="emit">
      <xsl:with-param name="prefix" select="concat($label, '. ')"/>
      <xsl:with-param name="s">
        <xsl:apply-templates mode="flow"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================= structure (mode block) -->

  <!-- Containers of blocks are walked; their blank text between blocks is ignored. One with
       non-blank text of its own is rendered as a whole, like any other block. -->
  <xsl:template mode="block"
      match="tei:text | tei:front | tei:body | tei:back | tei:div | tei:div1 | tei:div2
             | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <xsl:choose>
      <xsl:when test="text()[normalize-space()]">
        <xsl:call-template name="emit-flow"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="*" mode="block"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The colophon comes after the notes (see the TEI template). -->
  <xsl:template match="tei:TEI/tei:text/tei:back/tei:div[@type = 'colophon']" mode="block"/>

  <!-- A group: a table of contents, then each text under its own heading. -->
  <xsl:template match="tei:group" mode="block">
    <xsl:apply-templates select="tei:head" mode="block"/>
    <xsl:call-template name="emit">
      <xsl:with-param name="s">
        <xsl:value-of select="$tei-contents-heading"/>
        <xsl:for-each select="tei:text | tei:group">
          <xsl:value-of select="concat($L, '- ')"/>
          <xsl:call-template name="tei-text-label"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="*[not(self::tei:head)]" mode="block"/>
  </xsl:template>

  <xsl:template match="tei:group/tei:text" mode="block">
    <xsl:variable name="label">
      <xsl:call-template name="tei-text-label"/>
    </xsl:variable>
    <xsl:call-template name="emit">
      <xsl:with-param name="s"
          select="concat($label, $L, substring($dash-chars, 1, string-length($label)))"/>
    </xsl:call-template>
    <xsl:apply-templates select="*" mode="block"/>
  </xsl:template>

  <!-- Any other element in a container is a block of its own. -->
  <xsl:template match="*" mode="block">
    <xsl:call-template name="emit-flow"/>
  </xsl:template>

  <!-- ===================================================== output of blocks -->

  <!-- Render the context element in mode flow and write it out. -->
  <xsl:template name="emit-flow">
    <xsl:call-template name="emit">
      <xsl:with-param name="s">
        <xsl:apply-templates select="." mode="flow"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Write a rendered string: each paragraph (between $P marks) that has words is written
       after a blank line; its lines (between $L marks) are white-space normalised and
       written one per line. $prefix goes before the first paragraph. -->
  <xsl:template name="emit">
    <xsl:param name="s"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="marks" select="concat($L, $B)"/>
    <xsl:variable name="pieces" select="str:split($s, $P)[normalize-space(translate(., $marks, '  '))]"/>
    <xsl:if test="not($pieces) and $prefix != ''">
      <xsl:value-of select="concat('&#10;&#10;', normalize-space($prefix))"/>
    </xsl:if>
    <xsl:for-each select="$pieces">
      <xsl:text>&#10;&#10;</xsl:text>
      <xsl:if test="position() = 1"><xsl:value-of select="$prefix"/></xsl:if>
      <xsl:for-each select="str:split(., $L)[normalize-space(translate(., $B, ' '))]">
        <xsl:if test="position() &gt; 1"><xsl:text>&#10;</xsl:text></xsl:if>
        <xsl:variable name="before" select="preceding-sibling::*[normalize-space()][1]"/>
        <xsl:if test="contains(., $B)
                      or (contains($before, $B) and normalize-space(translate($before, $B, ' ')) = '')">
          <xsl:text>- </xsl:text>
        </xsl:if>
        <xsl:value-of select="normalize-space(translate(., $B, ' '))"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- Render the content of the context element with its block marks turned into spaces
       (for a heading, a verse line, a table cell). -->
  <xsl:template name="flat-content">
    <xsl:variable name="c"><xsl:apply-templates mode="flow"/></xsl:variable>
    <xsl:value-of select="translate($c, concat($P, $L, $B), '   ')"/>
  </xsl:template>

  <!-- ================================================= content (mode flow) -->

  <!-- The generic fallback: an element the stylesheet does not know renders its content, as
       a block or inline by context (tei-display in common.xsl). -->
  <xsl:template match="*" mode="flow">
    <xsl:variable name="display">
      <xsl:call-template name="tei-display"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$display = 'block'">
        <xsl:value-of select="$P"/>
        <xsl:apply-templates mode="flow"/>
        <xsl:value-of select="$P"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="flow"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A container met inside a block (a div in a note, in a floatingText, ...): as in mode
       block, each of its children is a block of its own when it holds no text itself. -->
  <xsl:template mode="flow"
      match="tei:text | tei:front | tei:body | tei:back | tei:group | tei:div | tei:div1
             | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <xsl:value-of select="$P"/>
    <xsl:choose>
      <xsl:when test="text()[normalize-space()]">
        <xsl:apply-templates mode="flow"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="*">
          <xsl:apply-templates select="." mode="flow"/>
          <xsl:value-of select="$P"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$P"/>
  </xsl:template>

  <!-- Common inline elements: just their content (saves the fallback's checks). -->
  <xsl:template mode="flow"
      match="tei:hi | tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:date
             | tei:title | tei:foreign | tei:emph | tei:q | tei:said | tei:soCalled | tei:term
             | tei:seg | tei:w | tei:c | tei:pc | tei:g | tei:num | tei:measure | tei:time
             | tei:unclear | tei:add | tei:del | tei:supplied | tei:surname | tei:forename
             | tei:roleName | tei:abbr | tei:expan | tei:am | tei:ex | tei:sic | tei:corr
             | tei:orig | tei:reg | tei:lem | tei:rdg | tei:ref | tei:mentioned | tei:gi
             | tei:formula | tei:fw | tei:damage | tei:rb">
    <xsl:apply-templates mode="flow"/>
  </xsl:template>

  <!-- What a reader sees at once (common.xsl states the rules). -->
  <xsl:template match="tei:choice" mode="flow">
    <xsl:apply-templates mode="flow"
        select="(tei:corr|tei:expan|tei:reg)[1] | self::tei:choice[not(tei:corr|tei:expan|tei:reg)]/*[1]"/>
  </xsl:template>

  <xsl:template match="tei:app" mode="flow">
    <xsl:apply-templates mode="flow"
        select="(tei:lem|tei:rdgGrp/tei:lem)[1]
                | (self::tei:app[not(tei:lem|tei:rdgGrp/tei:lem)][not(@from|@to|@loc)]/tei:rdg
                   | self::tei:app[not(tei:lem|tei:rdgGrp/tei:lem)][not(@from|@to|@loc)]/tei:rdgGrp/tei:rdg)[1]"/>
  </xsl:template>

  <!-- Notes: a marker at the anchor; the text is gathered at the end. A note a ptr points at
       has its marker at the ptr. -->
  <xsl:template match="tei:note" mode="flow">
    <xsl:if test="not(@xml:id and key('tei-note-ptr', @xml:id))">
      <xsl:call-template name="note-marker"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:ptr[key('tei-id', substring-after(normalize-space(@target), '#'))[self::tei:note]]" mode="flow">
    <xsl:variable name="next" select="substring(following-sibling::node()[1][self::text()], 1, 1)"/>
    <xsl:for-each select="key('tei-id', substring-after(normalize-space(@target), '#'))[self::tei:note][1]">
      <xsl:call-template name="note-marker">
        <xsl:with-param name="next" select="$next"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- " [n]" for the context note; $next is the character after the anchor. -->
  <xsl:template name="note-marker">
    <xsl:param name="next" select="substring(following-sibling::node()[1][self::text()], 1, 1)"/>
    <xsl:variable name="label">
      <xsl:call-template name="tei-note-label"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$label != ''">
        <xsl:value-of select="concat(' [', $label, ']')"/>
        <!-- A space after the marker unless what follows is white space or punctuation. -->
        <xsl:if test="$next = '' or translate($next, $no-space-before, '') != ''">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <!-- Not numbered (outside a TEI document): keep it in place. -->
        <xsl:text> (</xsl:text>
        <xsl:call-template name="flat-content"/>
        <xsl:text>) </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Breaks and empty markers. -->
  <xsl:template match="tei:lb" mode="flow">
    <xsl:if test="not(@break = 'no' or @type = 'hyphenInWord')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="tei:pb | tei:cb | tei:gb | tei:milestone | tei:anchor | tei:ptr
                       | tei:graphic | tei:handShift | tei:caesura" mode="flow"/>
  <xsl:template match="tei:milestone[@unit = 'section'][normalize-space(@rend)]" mode="flow">
    <xsl:value-of select="concat($P, @rend, $P)"/>
  </xsl:template>
  <xsl:template match="tei:space" mode="flow"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:gap" mode="flow"><xsl:text> […] </xsl:text></xsl:template>
  <!-- Ruby: the base, then its gloss in parentheses, without the layout's white space. -->
  <xsl:template match="tei:ruby" mode="flow">
    <xsl:apply-templates select="*" mode="flow"/>
  </xsl:template>
  <xsl:template match="tei:rt" mode="flow">
    <xsl:text>(</xsl:text><xsl:apply-templates mode="flow"/><xsl:text>)</xsl:text>
  </xsl:template>

  <!-- Paragraphs; an entry's dateline runs in at the start of its first paragraph (unless
       @rend="block": the source has it as a paragraph of its own), and a signature right after
       a paragraph of a div runs in at its end, as in the source. -->
  <xsl:template match="tei:p" mode="flow">
    <xsl:value-of select="$P"/>
    <xsl:if test="parent::tei:div[@type = 'entry'] and preceding-sibling::*[1][self::tei:dateline][not(contains(concat(' ', @rend, ' '), ' block '))]">
      <xsl:apply-templates select="preceding-sibling::*[1]/node()" mode="flow"/>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:apply-templates mode="flow"/>
    <xsl:if test="parent::tei:div and following-sibling::*[1][self::tei:signed]">
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="following-sibling::*[1]/node()" mode="flow"/>
    </xsl:if>
    <xsl:value-of select="$P"/>
  </xsl:template>
  <xsl:template mode="flow"
      match="tei:div[@type = 'entry']/tei:dateline[following-sibling::*[1][self::tei:p]][not(contains(concat(' ', @rend, ' '), ' block '))]"/>
  <xsl:template match="tei:div/tei:signed[preceding-sibling::*[1][self::tei:p]]" mode="flow"/>

  <!-- Headings: one line. -->
  <xsl:template match="tei:head" mode="flow">
    <xsl:value-of select="$P"/>
    <xsl:call-template name="flat-content"/>
    <xsl:value-of select="$P"/>
  </xsl:template>

  <!-- Verse: a stanza is a paragraph, each line on its own line. -->
  <xsl:template match="tei:l" mode="flow">
    <xsl:value-of select="$L"/>
    <xsl:call-template name="flat-content"/>
    <xsl:value-of select="$L"/>
  </xsl:template>

  <!-- Drama: the speaker on a line of its own, then the speech. -->
  <xsl:template match="tei:sp" mode="flow">
    <xsl:value-of select="$P"/>
    <xsl:apply-templates mode="flow"/>
    <xsl:value-of select="$P"/>
  </xsl:template>
  <xsl:template match="tei:speaker | tei:sp/tei:p | tei:sp/tei:stage | tei:sp/tei:ab" mode="flow">
    <xsl:value-of select="$L"/>
    <xsl:apply-templates mode="flow"/>
    <xsl:value-of select="$L"/>
  </xsl:template>

  <!-- Lists: one item a line. -->
  <xsl:template match="tei:item" mode="flow">
    <xsl:choose>
      <xsl:when test="preceding-sibling::*[1][self::tei:label]">
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($L, $B)"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates mode="flow"/>
    <xsl:value-of select="$L"/>
  </xsl:template>
  <xsl:template match="tei:item/tei:p | tei:item/tei:ab" mode="flow">
    <xsl:value-of select="$L"/>
    <xsl:apply-templates mode="flow"/>
    <xsl:value-of select="$L"/>
  </xsl:template>
  <xsl:template match="tei:list/tei:label" mode="flow">
    <xsl:value-of select="concat($L, $B)"/>
    <xsl:apply-templates mode="flow"/>
  </xsl:template>
  <xsl:template match="tei:list/tei:head | tei:table/tei:head | tei:lg/tei:head" mode="flow">
    <xsl:value-of select="$L"/>
    <xsl:call-template name="flat-content"/>
    <xsl:value-of select="$L"/>
  </xsl:template>

  <!-- Tables: one row a line, cells separated by " | ". -->
  <xsl:template match="tei:row" mode="flow">
    <xsl:value-of select="$L"/>
    <xsl:apply-templates select="*" mode="flow"/>
    <xsl:value-of select="$L"/>
  </xsl:template>
  <xsl:template match="tei:cell" mode="flow">
    <xsl:if test="preceding-sibling::tei:cell"><xsl:text> | </xsl:text></xsl:if>
    <xsl:call-template name="flat-content"/>
  </xsl:template>

  <!-- The title page: author, titles and date as paragraphs; the imprint and the bylines as
       consecutive lines (the source's layout). The lines of an address, too. -->
  <xsl:template match="tei:titlePage/tei:docImprint | tei:titlePage/tei:byline | tei:addrLine" mode="flow">
    <xsl:value-of select="$L"/>
    <xsl:apply-templates mode="flow"/>
    <xsl:value-of select="$L"/>
  </xsl:template>

  <!-- Examples of encoding: their text, as a block; inside, the elements TEI knows as blocks
       are blocks. -->
  <xsl:template match="eg:*" mode="flow">
    <xsl:choose>
      <xsl:when test="contains($tei-block-names, concat(' ', local-name(), ' '))">
        <xsl:value-of select="$P"/>
        <xsl:apply-templates mode="flow"/>
        <xsl:value-of select="$P"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="flow"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="eg:egXML" mode="flow">
    <xsl:value-of select="$P"/>
    <xsl:apply-templates mode="flow"/>
    <xsl:value-of select="$P"/>
  </xsl:template>

</xsl:stylesheet>
