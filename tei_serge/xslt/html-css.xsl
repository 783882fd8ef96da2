<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-css.xsl: the stylesheet embedded in every page (one named template, html-css, giving text).
  Kept in XSL because XSLT 1.0 cannot read a text file: document() reads XML only.
  Phone first; wide screens get margins for page numbers and verse numbers; print styles; a dark
  scheme by prefers-color-scheme. Keyed on tei-* classes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="html-css">
    <xsl:text>
:root {
  --fg: #1d1d1f; --bg: #fdfcf8; --muted: #5f5f66; --rule: #d6d3cb; --link: #1a4f9c;
  --mark: #fff3c4; --code-bg: #f2f0ea;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6e4df; --bg: #17181b; --muted: #a5a3a0; --rule: #3a3b40; --link: #8cb4ff;
    --mark: #4a4220; --code-bg: #24252a;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 0 1rem 3rem; max-width: 44rem;
  font-family: Georgia, "Times New Roman", "Noto Serif", serif; font-size: 1.0625rem;
  line-height: 1.6; color: var(--fg); background: var(--bg);
  overflow-wrap: anywhere; word-wrap: break-word; hyphens: auto;
}
a { color: var(--link); }
a:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; font-weight: normal; margin: 2rem 0 0.75rem; }
h1 { font-size: 1.9rem; margin-top: 1rem; }
h2 { font-size: 1.45rem; }
h3 { font-size: 1.2rem; }
h4, h5, h6 { font-size: 1.05rem; font-style: italic; }
p { margin: 0 0 0.9rem; }
img, svg, video { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--code-bg); padding: 0.6rem; font-size: 0.85rem; }
code { font-size: 0.9em; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 1.5rem 0; }

.skip-link { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip-link:focus { width: auto; height: auto; clip: auto; left: 1rem; top: 0.5rem; background: var(--bg); padding: 0.5rem; z-index: 2; }

/* title page (the banner) */
header.title-page { text-align: center; padding: 1.5rem 0 1rem; border-bottom: 1px solid var(--rule); }
.tei-titlePart { display: block; }
.tei-titlePart-sub, .subtitle { font-size: 1.15rem; font-style: italic; margin-top: 0.4rem; }
.tei-docAuthor, .author { font-variant: small-caps; letter-spacing: 0.04em; font-size: 1.1rem; }
.tei-docImprint, .tei-byline, .tei-docDate { font-size: 0.95rem; color: var(--muted); margin: 0.2rem 0; }

/* contents */
nav.toc { margin: 1.5rem 0; font-size: 0.95rem; }
nav.toc h2 { font-size: 1.1rem; margin-top: 1rem; }
nav.toc ul { list-style: none; padding-inline-start: 0; margin: 0; }
nav.toc ul ul { padding-inline-start: 1.25rem; }
nav.toc li { margin: 0.2rem 0; }
.toc-generated { margin-top: 0.5rem; }
nav.toc summary { cursor: pointer; color: var(--link); margin-bottom: 0.5rem; }

/* divisions and entries */
section.tei-div { margin: 0 0 1.5rem; }
.tei-div-entry { border-top: 1px solid var(--rule); padding-top: 0.5rem; }
hr.tei-milestone + .tei-div-entry { border-top: 0; padding-top: 0; }
.tei-dateline { font-style: italic; }
.tei-dateline.run-in { font-style: normal; font-variant: small-caps; letter-spacing: 0.02em; }
hr.tei-milestone { border: 0; text-align: center; margin: 1.5rem 0; height: 1.5em; }
hr.tei-milestone::after { content: "* * *"; content: attr(data-rend); color: var(--muted); letter-spacing: 0.3em; }
hr.tei-milestone:not([data-rend])::after { content: "* * *"; }
span.tei-milestone::before { content: "|"; color: var(--muted); padding: 0 0.2em; }

/* letters */
.tei-opener, .tei-closer { margin: 1rem 0; }
.tei-closer, .tei-signed { text-align: end; }
.tei-salute { margin: 0.5rem 0; }
.tei-signed { font-style: italic; }
.tei-postscript { margin-top: 1.25rem; padding-top: 0.5rem; border-top: 1px dashed var(--rule); }
.tei-address { margin: 0.75rem 0; font-style: normal; }
.tei-addrLine { display: block; }

/* drama */
.tei-sp { margin: 0 0 0.75rem; }
.tei-speaker { font-variant: small-caps; font-weight: bold; margin: 0; letter-spacing: 0.03em; }
.tei-sp > p.tei-p, .tei-sp > div.tei-lg, .tei-sp > div.tei-l { margin-inline-start: 1.25rem; }
.tei-stage { font-style: italic; color: var(--muted); }
p.tei-stage { margin-inline-start: 1.25rem; }
.tei-castList ul { list-style: none; padding-inline-start: 0; }

/* verse: numbers in the margin, on the reading side */
.tei-lg { margin: 0 0 1rem; }
.tei-lg > .tei-head { font-style: italic; margin-bottom: 0.3rem; }
.tei-l { position: relative; padding-inline-start: 2.5rem; }
.line-n { position: absolute; inset-inline-start: 0; width: 2rem; text-align: end; font-size: 0.75rem; color: var(--muted); top: 0.3em; }

/* speech, quotation, foreign */
q { quotes: none; }
q::before, q::after { content: none; }
q.tei-said[data-speaker] { text-decoration: underline dotted var(--rule); text-underline-offset: 0.2em; cursor: help; }
/* the speaker: a tooltip (title) on hover, written out on keyboard focus (no reflow on hover) */
q.tei-said[data-speaker]:focus::after, div.tei-said[data-speaker]:focus::before {
  content: " \2014 " attr(data-speaker); font-size: 0.8em; color: var(--muted); font-style: normal;
}
q.tei-said:focus { background: var(--mark); outline: 2px solid var(--link); }
blockquote { margin: 1rem 0 1rem 1.25rem; }
.tei-foreign { font-style: italic; }
.tei-foreign .tei-foreign, .tei-hi .tei-foreign { font-style: normal; }
.tei-title { font-style: italic; }
.tei-title-a, .tei-title-u { font-style: normal; }
.tei-soCalled { font-style: normal; }
.tei-term, .tei-mentioned { font-style: italic; }

/* names */
.name-link { color: inherit; text-decoration: underline; text-decoration-color: var(--rule); text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }
.name-link:hover, .name-link:focus { color: var(--link); text-decoration-color: var(--link); }
:target { background: var(--mark); }

/* rendition hints from @rend / @rendition */
[data-rend~="italic"], [data-rend~="i"], [data-rend~="it"], [data-rend~="italics"] { font-style: italic; }
[data-rend~="bold"], [data-rend~="b"] { font-weight: bold; }
[data-rend~="underline"], [data-rend~="u"] { text-decoration: underline; }
[data-rend~="smallcaps"], [data-rend~="sc"], [data-rend~="small-caps"] { font-variant: small-caps; }
[data-rend~="sup"], [data-rend~="superscript"] { vertical-align: super; font-size: 0.75em; line-height: 0; }
[data-rend~="sub"], [data-rend~="subscript"] { vertical-align: sub; font-size: 0.75em; line-height: 0; }
[data-rend~="g"], [data-rend~="spaced"], [data-rend~="letterspace"] { letter-spacing: 0.12em; }
[data-rend~="center"], [data-rend~="c"] { text-align: center; }
[data-rend~="right"] { text-align: end; }
[data-rend~="strikethrough"] { text-decoration: line-through; }

/* editorial marks */
.tei-choice[title], .tei-gap[title], .tei-unclear { cursor: help; border-bottom: 1px dotted var(--muted); }
.tei-supplied::before { content: "["; color: var(--muted); }
.tei-supplied::after { content: "]"; color: var(--muted); }
.tei-unclear { color: var(--muted); }
.tei-gap { color: var(--muted); }
.tei-add { text-decoration: underline; text-decoration-style: dotted; }
del, .tei-del { text-decoration: line-through; }
.tei-space { display: inline-block; min-width: 1.5em; }
.tei-formula { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; }
.tei-fw { display: block; font-size: 0.8rem; color: var(--muted); text-align: end; }
span.tei-fw { display: inline; }
span.tei-fw::before { content: "["; } span.tei-fw::after { content: "]"; }
.tei-cb::before { content: "\2016"; color: var(--muted); padding: 0 0.15em; }
.note-inline { font-size: 0.9em; color: var(--muted); }

/* page numbers: inline on a phone, in the margin on a wide screen */
.tei-pb { font-size: 0.75rem; color: var(--muted); font-style: normal; font-weight: normal; white-space: nowrap; }
.tei-pb::before { content: "["; } .tei-pb::after { content: "]"; }
.tei-pb:empty::before { content: "|"; } .tei-pb:empty::after { content: none; }

/* lists and tables */
ul, ol { padding-inline-start: 1.5rem; }
dl dt { font-weight: bold; }
dl dd { margin-inline-start: 1.25rem; margin-bottom: 0.4rem; }
.table-wrap { max-width: 100%; overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; }
caption { caption-side: top; font-style: italic; text-align: start; padding-bottom: 0.3rem; }
td, th { border: 1px solid var(--rule); padding: 0.25rem 0.45rem; vertical-align: top; text-align: start; }
figure { margin: 1rem 0; }
figcaption { font-size: 0.9rem; color: var(--muted); }
.tei-graphic { color: var(--muted); font-size: 0.85rem; }

/* ruby */
ruby { ruby-position: over; }
rt { font-size: 0.55em; }

/* note and apparatus markers */
.note-ref, .app-ref { text-decoration: none; padding: 0 0.1em; }
.note-ref sup, .app-ref sup { font-size: 0.72em; line-height: 0; font-style: normal; font-weight: normal; }
.app-ref sup { font-style: italic; }

/* generated sections */
section.notes, section.apparatus, section.index { border-top: 2px solid var(--rule); margin-top: 2.5rem; font-size: 0.95rem; }
ol.note-list, ol.app-list { list-style: none; padding-inline-start: 0; }
ol.note-list > li, ol.app-list > li { display: flex; gap: 0.5rem; margin: 0 0 0.6rem; }
ol.note-list > li > div, ol.app-list > li > div { flex: 1; min-width: 0; }
.note-back, .app-back { flex: none; min-width: 1.5rem; text-align: end; text-decoration: none; }
.note-back::after { content: "."; }
.wit { font-style: italic; color: var(--muted); }
ul.index-list { list-style: none; padding-inline-start: 0; }
ul.index-list > li { margin: 0 0 0.5rem; padding-inline-start: 1rem; text-indent: -1rem; }
.index-name { font-weight: bold; }
.index-dates { color: var(--muted); }
.index-ident::before { content: "\2014  "; color: var(--muted); }
.index-mentions { display: inline-block; text-indent: 0; }
.index-mentions a { display: inline-block; min-width: 1.6rem; text-align: center; }
.index-mentions::before { content: "\2191  "; color: var(--muted); }
footer.page-footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule); font-size: 0.85rem; color: var(--muted); }

/* right-to-left text */
[dir="rtl"] { text-align: start; }

/* wide screens: a margin for page numbers */
@media (min-width: 64rem) {
  body { max-width: 48rem; padding-inline: 5rem 1rem; }
  main { position: relative; }
  .tei-pb { position: absolute; left: -4.5rem; width: 4rem; text-align: right; }
}

/* paper */
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --rule: #999; --link: #000; --mark: transparent; }
  body { max-width: none; padding: 0; font-size: 11pt; line-height: 1.45; }
  .skip-link, nav.toc { display: none; }
  a { text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  section.notes, section.apparatus, section.index { break-before: page; page-break-before: always; }
  .table-wrap { overflow: visible; }
  q.tei-said[data-speaker] { text-decoration: none; }
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
