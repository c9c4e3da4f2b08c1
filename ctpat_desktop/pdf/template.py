"""The Typst template every document is set with: page, type, and one layout per block kind.

It reads document.json (written by the engine); text from there is content, never markup.
"""

TEMPLATE = r"""
#let doc = json("document.json")
#let navy = rgb("#1F4E79")
#let light = rgb("#8EA9C8")
#let stripe = rgb("#F2F5F9")
#let rule = rgb("#C8D0DA")
#let grey = rgb("#5A6270")
#let alert = rgb("#B00020")
#let width = 504pt  // US letter less two margins of 54pt

#set document(title: doc.title, author: doc.author, description: doc.subject)
#set text(font: "DejaVu Sans", size: 9.5pt, lang: doc.lang)
#set par(leading: 0.45em, spacing: 6pt)

// A value shortened with an ellipsis to fit room (the running header's member name).
#let fitted(value, room) = {
  if measure(value).width <= room { return value }
  let cs = value.clusters()
  let (lo, hi) = (0, cs.len())
  while lo < hi {
    let mid = calc.quo(lo + hi + 1, 2)
    if measure(cs.slice(0, mid).join() + "…").width <= room { lo = mid } else { hi = mid - 1 }
  }
  cs.slice(0, lo).join().trim() + "…"
}

// Everything around the text sits in the page's background: an artifact, never read
// as content. Positions are from the page's top left corner.
#let around = context {
  if doc.watermark != "" { place(center + horizon, image(doc.watermark, width: 80%)) }
  if doc.marking != "" {
    set text(7pt, weight: "bold", fill: navy)
    let marking = box(width: width, align(center, fitted(doc.marking, width)))
    place(top + left, dx: 54pt, dy: 17pt, marking)
    place(top + left, dx: 54pt, dy: 767pt, marking)
  }
  set text(8pt, fill: grey)
  if doc.header_left != "" or doc.header_right != "" {
    let room = width - measure(doc.header_right).width - 18pt
    place(top + left, dx: 54pt, dy: 33pt, box(width: width,
      [#fitted(doc.header_left, room) #h(1fr) #doc.header_right]))
    place(top + left, dx: 54pt, dy: 46pt, line(length: width, stroke: 0.5pt + rule))
  }
  if doc.banner != "" {
    place(top + left, dx: 54pt, dy: 51pt, box(width: width,
      align(center, text(9pt, weight: "bold", fill: alert, doc.banner))))
  }
  place(top + left, dx: 54pt, dy: 746pt, line(length: width, stroke: 0.5pt + rule))
  place(top + left, dx: 54pt, dy: 751pt, box(width: width, [#doc.footer #h(1fr)
    #doc.page_word #counter(page).display() #doc.of_word #counter(page).final().first()]))
}

#set page(
  paper: "us-letter",
  margin: (x: 54pt, top: 72pt, bottom: 64pt),
  background: around,
)
#show heading: set text(fill: navy)
#show heading.where(level: 1): set text(size: 24pt)
#show heading.where(level: 1): set block(below: 12pt)
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
    if s.mono { c = text(font: "DejaVu Sans Mono", size: 6.2pt, c) }
    if s.bold { c = strong(c) }
    if s.italic { c = emph(c) }
    if s.color == "alert" { c = text(fill: alert, c) }
    c
  }
}

#let styled(style, body) = {
  if style == "meta" { text(8.5pt, fill: grey, body) }
  else if style == "caption" { text(8pt, fill: grey, body) }
  else if style == "small" { text(7.5pt, fill: grey, body) }
  else if style == "lead" { block(above: 10pt, below: 4pt, sticky: true, text(10.5pt, body)) }
  else if style == "note" { block(fill: stripe, inset: 6pt, width: 100%, body) }
  else if style == "agency" { text(11pt, weight: "bold", fill: navy, body) }
  else if style == "member" { block(below: 8pt, text(16pt, weight: "bold", body)) }
  else if style == "alert" { text(weight: "bold", fill: alert, body) }
  else if style == "signer" { text(weight: "bold", body) }
  else { body }
}

#let table-block(b) = {
  let last = b.rows.len()
  set text(8.5pt)
  block(below: 10pt, table(
    columns: b.widths.map(w => w * 1pt),
    stroke: (x, y) => if y > 0 { (bottom: 0.25pt + rule) },
    inset: (x: 5pt, y: 4pt),
    align: (x, y) => (if x >= b.numbers_from { right } else { left }) + top,
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

#let stacked-block(b) = {
  let fills = (navy, light, grey)
  let totals = b.labels.enumerate().map(((i, _)) => b.series.map(s => s.at(i)).sum())
  let most = calc.max(1, ..totals)
  let room = 240pt
  figure(
    alt: b.alt,
    caption: if b.caption != "" { figure.caption(position: top, b.caption) },
    supplement: none,
    numbering: none,
    kind: "chart",
    align(left, stack(spacing: 10pt,
      grid(
        columns: (210pt, 1fr),
        column-gutter: 8pt,
        row-gutter: 5pt,
        align: (right + horizon, left + horizon),
        ..b.labels.enumerate().map(((i, label)) => (
          text(7.5pt, label),
          stack(dir: ltr, spacing: 0pt,
            ..b.series.enumerate().map(((n, s)) =>
              box(width: s.at(i) / most * room, height: 9pt, fill: fills.at(n))),
            h(4pt), text(7.5pt, str(totals.at(i)))),
        )).flatten(),
      ),
      pad(left: 218pt, stack(dir: ltr, spacing: 14pt,
        ..b.names.enumerate().map(((n, name)) => stack(dir: ltr, spacing: 4pt,
          box(width: 9pt, height: 9pt, fill: fills.at(n)), text(7.5pt, name))))),
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

#let gallery-block(b) = grid(
  columns: (1fr,) * b.columns,
  column-gutter: 8pt,
  row-gutter: 10pt,
  align: center + bottom,
  ..b.pictures.map(p => {
    let shown = if p.file != "" {
      (figure(image(p.file, alt: p.alt, width: p.width * 1pt, height: p.height * 1pt),
        supplement: none, numbering: none, kind: "evidence"),)
    } else if b.unreadable != "" {
      (box(width: b.size * 1pt, height: 24pt, align(center + horizon,
        text(8.5pt, style: "italic", fill: grey, b.unreadable))),)
    } else { () }
    stack(spacing: 4pt, ..shown, text(7.5pt, fill: grey, rich(p.caption)))
  }),
)

#let pairs-block(b) = block(below: 8pt, grid(
  columns: (b.label_width * 1pt, 1fr),
  row-gutter: 7pt,
  ..b.rows.map(((label, value)) => (
    text(8.5pt, weight: "bold", fill: grey, label), rich(value))).flatten(),
))

#let panel-value(v) = {
  if type(v) != dictionary { rich(v) }
  else if v.kind == "bullets" { list(tight: true, ..v.items.map(rich)) }
  else { gallery-block(v) }
}

// A boxed item: its heading (kept with what follows) over its labelled rows.
#let panel-block(b) = {
  block(width: 100%, fill: stripe, stroke: 0.5pt + rule, inset: (x: 6pt, y: 5pt),
    below: 0pt, sticky: true, grid(columns: (1fr, auto), column-gutter: 8pt,
      block(above: 0pt, below: 0pt, heading(level: 3, outlined: true, b.title)),
      text(8.5pt, b.aside)))
  block(width: 100%, stroke: (x: 0.5pt + rule, bottom: 0.5pt + rule), inset: 6pt,
    above: 0pt, below: 10pt, {
      set text(8.5pt)
      grid(columns: (b.label_width * 1pt, 1fr), row-gutter: 7pt, column-gutter: 6pt,
        ..b.rows.map(((label, value)) => (
          text(weight: "bold", fill: grey, label), panel-value(value))).flatten())
    })
}

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
  else if b.kind == "stackedbars" { stacked-block(b) }
  else if b.kind == "image" { image-block(b) }
  else if b.kind == "gallery" { gallery-block(b) }
  else if b.kind == "pairs" { pairs-block(b) }
  else if b.kind == "panel" { panel-block(b) }
  else if b.kind == "rule" {
    block(above: 6pt, below: 6pt,
      line(length: 100%, stroke: if b.thick { 1.5pt + navy } else { 0.5pt + rule }))
  }
  else if b.kind == "space" { v(b.height * 1pt) }
  else if b.kind == "pagebreak" { pagebreak(weak: true) }
  else if b.kind == "signaturespot" { spot-block(b) }
  else if b.kind == "group" { block(breakable: false, for inner in b.blocks { show-block(inner) }) }
}

#for b in doc.blocks { show-block(b) }
"""
