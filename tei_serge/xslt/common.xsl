<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what the HTML and the plain-text exports share (XSLT 1.0 + EXSLT common).

  Imported by tei-to-html.xsl and tei-to-text.xsl, which hold one template per element for
  their format. Everything here is format-neutral: keys, named templates that return strings,
  and the rules that decide what a reader sees at once. Every name starts with "tei-".

  Parameters (one place, one line each):
    tei-notes-heading   the heading printed above the gathered notes
    tei-contents-heading the heading printed above a table of contents (teiCorpus, group)

  What a reader sees at once (both formats; the tests mirror these rules in Python):
    choice  the first corr, expan or reg child; when there is none, the first child element.
            The other branches (sic, abbr, orig, a second corr, ...) are the alternative:
            HTML shows them on hover, the plain text leaves them out.
            XPath, from the choice:
              (tei:corr|tei:expan|tei:reg)[1] | self::tei:choice[not(tei:corr|tei:expan|tei:reg)]/*[1]
    app     the lemma: the first lem child (or lem of an rdgGrp child). Without a lem, an
            inline apparatus shows its first rdg; a location-referenced apparatus
            (app/@from, @to or @loc: the base text stands elsewhere) shows nothing in the text.
            Readings, witnesses and apparatus notes are the apparatus: HTML shows them, the
            plain text leaves them out.
            XPath, from the app: see the variable-free expression in tei-note-walk below.

  What is not text of the edition: everything outside tei:text (teiHeader, facsimile,
  sourceDoc, standOff). Inside tei:text every word is kept, including fw (running heads,
  catchwords, page numbers), formula source, and the content of egXML examples (as text).

  Notes: every tei:note inside tei:text, whatever its @place, that a reader sees (not inside
  a hidden branch) is numbered, per TEI document. The label is the note's own @n when every
  such note of that document has a distinct, non-empty @n (as in our Serge edition, whose
  installments number their notes on from the previous one), else 1, 2, 3 in document order.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:exsl="http://exslt.org/common"
    xmlns:map="urn:x-tei-serge:note-map"
    exclude-result-prefixes="tei exsl map">

  <xsl:param name="tei-notes-heading" select="'Notes'"/>
  <xsl:param name="tei-contents-heading" select="'Contents'"/>

  <!-- ================================================================== keys -->

  <!-- Any element by its xml:id (register lookups, pointers). -->
  <xsl:key name="tei-id" match="*[@xml:id]" use="@xml:id"/>
  <!-- A note by its generate-id() (from the note map back to the document). -->
  <xsl:key name="tei-note-gid" match="tei:note" use="generate-id()"/>
  <!-- Pointers to a note (ptr target="#note-1", as our converter writes before its notes pass):
       the note's marker stands at the pointer, not where the note is written. -->
  <xsl:key name="tei-note-ptr" match="tei:ptr[starts-with(normalize-space(@target), '#')]"
      use="substring-after(normalize-space(@target), '#')"/>
  <!-- Entries of the note map by the generate-id() of their note. -->
  <xsl:key name="tei-note-map" match="map:n" use="@id"/>
  <!-- Entries of the note map by document and @n (to find duplicate labels). -->
  <xsl:key name="tei-note-map-n" match="map:n" use="concat(../@id, ' ', @n)"/>

  <!-- ============================================================ note map -->

  <!-- One walk over the text of each TEI document, seeing what a reader sees. -->
  <xsl:variable name="tei-note-walk">
    <xsl:for-each select="/tei:TEI | /tei:teiCorpus//tei:TEI">
      <map:tei id="{generate-id()}">
        <xsl:apply-templates select="tei:text" mode="tei-note-walk"/>
      </map:tei>
    </xsl:for-each>
  </xsl:variable>

  <!-- The note map: map:tei/map:n[@id (generate-id of the note), @seq (1, 2, ... over the
       whole file), @label (what the reader sees)]. -->
  <xsl:variable name="tei-note-map-rtf">
    <xsl:for-each select="exsl:node-set($tei-note-walk)/map:tei">
      <xsl:variable name="use-n"
          select="not(map:n[@n = '']) and not(map:n[count(key('tei-note-map-n', concat(../@id, ' ', @n))) &gt; 1])"/>
      <map:tei id="{@id}">
        <xsl:for-each select="map:n">
          <map:n id="{@id}" seq="{count(../preceding-sibling::map:tei/map:n) + position()}">
            <xsl:attribute name="label">
              <xsl:choose>
                <xsl:when test="$use-n"><xsl:value-of select="@n"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="position()"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </map:n>
        </xsl:for-each>
      </map:tei>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="tei-note-map" select="exsl:node-set($tei-note-map-rtf)"/>
  <xsl:variable name="tei-source-root" select="/"/>

  <xsl:template match="*" mode="tei-note-walk">
    <xsl:apply-templates select="*" mode="tei-note-walk"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="tei-note-walk">
    <map:n id="{generate-id()}" n="{normalize-space(@n)}"/>
    <xsl:apply-templates select="*" mode="tei-note-walk"/>
  </xsl:template>

  <xsl:template match="tei:choice" mode="tei-note-walk">
    <xsl:apply-templates mode="tei-note-walk"
        select="(tei:corr|tei:expan|tei:reg)[1] | self::tei:choice[not(tei:corr|tei:expan|tei:reg)]/*[1]"/>
  </xsl:template>

  <xsl:template match="tei:app" mode="tei-note-walk">
    <xsl:apply-templates mode="tei-note-walk"
        select="(tei:lem|tei:rdgGrp/tei:lem)[1]
                | (self::tei:app[not(tei:lem|tei:rdgGrp/tei:lem)][not(@from|@to|@loc)]/tei:rdg
                   | self::tei:app[not(tei:lem|tei:rdgGrp/tei:lem)][not(@from|@to|@loc)]/tei:rdgGrp/tei:rdg)[1]"/>
  </xsl:template>

  <!-- Label of the context note ('' when the note is not numbered: hidden branch, header). -->
  <xsl:template name="tei-note-label">
    <xsl:variable name="id" select="generate-id()"/>
    <xsl:for-each select="$tei-note-map">
      <xsl:value-of select="key('tei-note-map', $id)/@label"/>
    </xsl:for-each>
  </xsl:template>

  <!-- A number unique in the whole file for the context note, for ids and links ('' when the
       note is not numbered). -->
  <xsl:template name="tei-note-seq">
    <xsl:variable name="id" select="generate-id()"/>
    <xsl:for-each select="$tei-note-map">
      <xsl:value-of select="key('tei-note-map', $id)/@seq"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The numbered notes of one TEI document, in order: call with the TEI element as context;
       the template "tei-each-note" of the importing stylesheet is called with each note as
       context and the params label and seq. -->
  <xsl:template name="tei-gather-notes">
    <xsl:variable name="tei-id" select="generate-id()"/>
    <xsl:for-each select="$tei-note-map/map:tei[@id = $tei-id]/map:n">
      <xsl:variable name="id" select="@id"/>
      <xsl:variable name="label" select="@label"/>
      <xsl:variable name="seq" select="@seq"/>
      <xsl:for-each select="$tei-source-root">
        <xsl:for-each select="key('tei-note-gid', $id)">
          <xsl:call-template name="tei-each-note">
            <xsl:with-param name="label" select="$label"/>
            <xsl:with-param name="seq" select="$seq"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- Default for the importing stylesheet's per-note template (it overrides this one). -->
  <xsl:template name="tei-each-note">
    <xsl:param name="label"/>
    <xsl:param name="seq"/>
  </xsl:template>

  <!-- Does the TEI document (context) have numbered notes? 'yes' or ''. -->
  <xsl:template name="tei-has-notes">
    <xsl:variable name="tei-id" select="generate-id()"/>
    <xsl:for-each select="$tei-note-map">
      <xsl:if test="map:tei[@id = $tei-id]/map:n">yes</xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- =================================================== names and pointers -->

  <!-- The register label of the element a pointer attribute (@ref, @corresp, @who, @key)
       designates inside this document: the first name of the target, normalised; '' when
       the pointer does not resolve here. -->
  <xsl:template name="tei-ref-label">
    <xsl:param name="pointer" select="(@ref | @corresp | @who)[1]"/>
    <xsl:variable name="first" select="normalize-space(substring-before(concat(normalize-space($pointer), ' '), ' '))"/>
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="starts-with($first, '#')"><xsl:value-of select="substring($first, 2)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$first"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="target" select="key('tei-id', $id)[1]"/>
    <xsl:variable name="name"
        select="($target/tei:persName | $target/tei:placeName | $target/tei:orgName
                 | $target/tei:title | $target/tei:name | $target/tei:label | $target/tei:head)[1]"/>
    <xsl:choose>
      <xsl:when test="$name"><xsl:value-of select="normalize-space($name)"/></xsl:when>
      <xsl:when test="$target"><xsl:value-of select="normalize-space($target)"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================= dates -->

  <!-- An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) for a reader: "20 November 1937". -->
  <xsl:template name="tei-iso-date">
    <xsl:param name="iso"/>
    <xsl:variable name="y" select="substring($iso, 1, 4)"/>
    <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($iso, 9, 2))"/>
    <xsl:variable name="month"
        select="substring-before(substring-after(
                '|01January|02February|03March|04April|05May|06June|07July|08August|09September|10October|11November|12December|',
                concat('|', substring($iso, 6, 2))), '|')"/>
    <xsl:choose>
      <xsl:when test="string-length($iso) &gt;= 10 and $d = $d and $month != ''">
        <xsl:value-of select="concat($d, ' ', $month, ' ', $y)"/>
      </xsl:when>
      <xsl:when test="string-length($iso) &gt;= 7 and $m = $m and $month != ''">
        <xsl:value-of select="concat($month, ' ', $y)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$iso"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The normalised date of the context date element, for a reader ('' when it has none). -->
  <xsl:template name="tei-date-display">
    <xsl:variable name="a">
      <xsl:call-template name="tei-iso-date">
        <xsl:with-param name="iso" select="(@when | @from | @notBefore)[1]"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="b">
      <xsl:call-template name="tei-iso-date">
        <xsl:with-param name="iso" select="(@to | @notAfter)[1]"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@when"><xsl:value-of select="$a"/></xsl:when>
      <xsl:when test="@type = 'double' and @from and @to">
        <xsl:value-of select="concat($a, ' and ', $b)"/>
      </xsl:when>
      <xsl:when test="@from and @to"><xsl:value-of select="concat($a, ' – ', $b)"/></xsl:when>
      <xsl:when test="@notBefore and @notAfter">
        <xsl:value-of select="concat('between ', $a, ' and ', $b)"/>
      </xsl:when>
      <xsl:when test="@from or @notBefore"><xsl:value-of select="concat('from ', $a)"/></xsl:when>
      <xsl:when test="@to or @notAfter"><xsl:value-of select="concat('until ', $b)"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================ block or inline (fallback) -->

  <!-- Elements that always stand as blocks, elements that are always inline, and "leaf"
       blocks whose content is inline (an unknown element inside one is inline). Space
       separated local names of TEI elements. -->
  <xsl:variable name="tei-block-names"
      select="' ab address argument back body castGroup castItem castList closer dateline div div1 div2 div3 div4 div5 div6 div7 docAuthor docDate docEdition docImprint docTitle epigraph event figure floatingText front group head item l lg list listBibl listEvent listOrg listPerson listPlace listRelation listWit opener org p person personGrp place postscript relation row sp speaker table text titlePage titlePart trailer u byline addrLine cell witness '"/>
  <xsl:variable name="tei-inline-names"
      select="' abbr add addName affiliation am c corr damage date del distinct emph ex expan foreign forename formula g genName geogName gi hi lb lem measure mentioned name num orgName orig pc persName placeName ptr q ref reg rs said seg sic soCalled supplied surname term time title unclear w roleName rb rt ruby space gap anchor pb cb milestone fw note '"/>
  <xsl:variable name="tei-leaf-names"
      select="' ab addrLine bibl biblStruct byline cell dateline docAuthor docDate docEdition docImprint event head item l label org p person personGrp place relation salute signed speaker stage titlePart trailer witness '"/>

  <!-- 'block' or 'inline' for the context element. Known names decide; otherwise the
       context does: an element among non-blank text or inline siblings (hi, persName, ...;
       milestones, fw and notes do not count), or inside a leaf block (p, l, head, ...)
       or an inline element (hi, persName, ...), is inline (a note starts a new context);
       elsewhere it is a block. Non-TEI elements are inline. -->
  <xsl:template name="tei-display">
    <xsl:variable name="name" select="concat(' ', local-name(), ' ')"/>
    <xsl:choose>
      <xsl:when test="not(self::tei:*)">inline</xsl:when>
      <xsl:when test="contains($tei-block-names, $name)">block</xsl:when>
      <xsl:when test="contains($tei-inline-names, $name)">inline</xsl:when>
      <xsl:when test="../text()[normalize-space()]">inline</xsl:when>
      <xsl:when test="../tei:*[not(self::tei:pb or self::tei:cb or self::tei:lb or self::tei:gb
                      or self::tei:milestone or self::tei:anchor or self::tei:note or self::tei:fw)]
                      [contains($tei-inline-names, concat(' ', local-name(), ' '))]">inline</xsl:when>
      <xsl:when test="ancestor::*[self::tei:note or (self::tei:* and (contains($tei-leaf-names, concat(' ', local-name(), ' '))
                      or contains($tei-inline-names, concat(' ', local-name(), ' '))))][1][not(self::tei:note)]">inline</xsl:when>
      <xsl:otherwise>block</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================= headings -->

  <!-- A short heading for the context tei:text (a member of a group) or tei:TEI: the first
       title, titlePart or head found, else @n, else its position (with its @type and
       @xml:lang: "Text 2 (translation, pl)"). -->
  <xsl:template name="tei-text-label">
    <xsl:variable name="t"
        select="(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title
                 | tei:front/tei:titlePage/tei:docTitle
                 | tei:front/tei:head | tei:body/tei:head
                 | tei:body/tei:div[1]/tei:head)[1]"/>
    <xsl:choose>
      <xsl:when test="normalize-space($t) != ''"><xsl:value-of select="normalize-space($t)"/></xsl:when>
      <xsl:when test="normalize-space(@n) != ''"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('Text ', count(preceding-sibling::tei:text | preceding-sibling::tei:TEI) + 1)"/>
        <xsl:variable name="type" select="normalize-space(@type)"/>
        <xsl:variable name="lang" select="normalize-space(@xml:lang)"/>
        <xsl:if test="$type != '' or $lang != ''">
          <xsl:value-of select="concat(' (', $type, substring(', ', 1, 2 * ($type != '' and $lang != '')), $lang, ')')"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
