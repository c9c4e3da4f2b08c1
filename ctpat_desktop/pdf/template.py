"""The Typst template every document is set with: page, type, and one layout per block kind.

It reads document.json (written by the engine); text from there is content, never markup.
"""

TEMPLATE = r"""
#let doc = json("document.json")
#let navy = rgb("#1F4E79")
#let stripe = rgb("#F2F5F9")
#let rule = rgb("#C8D0DA")
#let grey = rgb("#5A6270")

#set document(title: doc.title, author: doc.author, description: doc.subject)
#set text(font: "DejaVu Sans", size: 9.5pt, lang: doc.lang)
#set par(leading: 0.45em, spacing: 6pt)
#set page(
  paper: "us-letter",
  margin: 54pt,
  header: if doc.marking != "" { align(right, text(7.5pt, fill: grey, doc.marking)) },
  background: if doc.watermark != "" {
    rotate(-45deg, text(96pt, weight: "bold", fill: rgb(200, 30, 30, 40), doc.watermark))
  },
  footer: context {
    line(length: 100%, stroke: 0.5pt + rule)
    v(-4pt)
    set text(8pt, fill: grey)
    doc.footer
    h(1fr)
    [#doc.page_word #counter(page).display() #doc.of_word #counter(page).final().first()]
  },
)
#show heading: set text(fill: navy)
#show heading.where(level: 1): set text(size: 20pt)
#show heading.where(level: 1): set block(below: 10pt)
#show heading.where(level: 2): set text(size: 13.5pt)
#show heading.where(level: 2): set block(above: 16pt, below: 8pt)
#show heading.where(level: 3): set text(size: 10.5pt, fill: black)
#show heading.where(level: 3): set block(above: 10pt, below: 6pt)
#show figure: set block(breakable: false)
#show figure.caption: set align(left)
#show figure.caption: set text(8pt, fill: grey)

#let rich(t) = if type(t) == str { t } else {
  for s in t {
    let c = [#s.text]
    if s.bold { c = strong(c) }
    if s.italic { c = emph(c) }
    c
  }
}

#let styled(style, body) = {
  if style == "meta" { text(9pt, fill: grey, body) }
  else if style == "caption" { text(8pt, fill: grey, body) }
  else if style == "small" { text(7.5pt, fill: grey, body) }
  else if style == "lead" { block(above: 10pt, below: 4pt, sticky: true, text(10.5pt, body)) }
  else if style == "note" { block(fill: stripe, inset: 6pt, width: 100%, body) }
  else { body }
}

#let table-block(b) = {
  let last = b.rows.len()
  set text(8.5pt)
  block(below: 10pt, table(
    columns: b.widths.map(w => w * 1pt),
    stroke: (x, y) => if y > 0 { (bottom: 0.25pt + rule) },
    inset: (x: 5pt, y: 4pt),
    align: (x, y) => (if x >= b.numbers_from { right } else { left }) + horizon,
    fill: (x, y) => if y == 0 { navy } else if b.total and y == last { white }
      else if calc.even(y) { stripe } else { white },
    table.header(..b.header.map(h => text(fill: white, weight: "bold", h))),
    ..b.rows.enumerate().map(((n, row)) => {
      let cells = row.map(c => rich(c))
      if b.total and n == last - 1 {
        (table.hline(stroke: 0.8pt), ..cells.map(c => strong(c)))
      } else { cells }
    }).flatten(),
  ))
}

#let chart-block(b) = {
  let most = calc.max(..b.values)
  figure(
    alt: b.alt,
    caption: if b.caption != "" { figure.caption(position: top, b.caption) },
    supplement: none,
    numbering: none,
    kind: "chart",
    align(left, grid(
      columns: (190pt, 1fr),
      column-gutter: 8pt,
      row-gutter: 6pt,
      align: (right + horizon, left + horizon),
      ..b.labels.zip(b.values, b.value_labels).map(((label, value, shown)) => (
        text(7.5pt, label),
        stack(dir: ltr, spacing: 4pt,
          box(width: if most > 0 { value / most * 190pt } else { 0pt }, height: 10pt, fill: navy),
          text(7.5pt, shown)),
      )).flatten(),
    )),
  )
}

#let image-block(b) = figure(
  image(b.file, alt: b.alt, width: if b.width == none { 100% } else { b.width * 1pt }),
  caption: if b.caption != "" { b.caption },
  supplement: none,
  numbering: none,
  kind: "evidence",
)

// Where the room for the signature landed, for the engine to ask (page 1-based, points
// from the top left).
#let spot-block(b) = block(width: b.width * 1pt, height: b.height * 1pt, breakable: false,
  context [#metadata((page: here().page(), x: here().position().x / 1pt,
    y: here().position().y / 1pt)) <signature-spot>])

#let show-block(b) = {
  if b.kind == "heading" { heading(level: b.level, bookmarked: b.bookmarked, b.text) }
  else if b.kind == "paragraph" { styled(b.style, par(rich(b.text))) }
  else if b.kind == "bullets" { list(..b.items.map(rich)) }
  else if b.kind == "table" { table-block(b) }
  else if b.kind == "barchart" { chart-block(b) }
  else if b.kind == "image" { image-block(b) }
  else if b.kind == "signaturespot" { spot-block(b) }
  else if b.kind == "group" { block(breakable: false, for inner in b.blocks { show-block(inner) }) }
}

#for b in doc.blocks { show-block(b) }
"""
