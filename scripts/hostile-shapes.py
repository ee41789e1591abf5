#!/usr/bin/env python3
"""Writes worst-case XML shapes, each a mission file of about SIZE bytes (default just under 16 MiB, the default
file-size limit), for scripts/bench-hostile.sh: every one must be refused, or loaded, in well under a second.

    scripts/hostile-shapes.py OUT_DIR [--size BYTES] [--only NAME,...]

Each shape is one file OUT_DIR/NAME.xml. The shapes aim at what a parser does per byte, per name, per
attribute, per node and per line: libxml2's duplicate-attribute check (quadratic in the attributes of one start
tag), its namespace table, its name and text buffers, the tree's node count, and our own locating of elements
and attributes in the source text.
"""

import argparse
import os
import sys

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
CAMPAIGN = '<campaign id="h" name="Hostile" lead="alpha" architecture="lead-agency" start="2026-01-01">\n'
END = "</campaign>\n"
ELEMENT = '<element id="e{0}" design="capsule" agency="alpha" start="2026-01-01"/>'


def mission(number, after="", launches=None, docks="", needs='<needs element="e0"/>'):
    """A mission the schema accepts: one launch carrying element e0 unless `launches` is given."""
    if launches is None:
        launches = f'<launch id="l{number}" vehicle="heavy" destination="tli"><payload element="e0"/></launch>'
    after = f' after="{after.strip()}"' if after else ""
    return (f'<mission id="m{number}" name="m" body="moon" transit-days="5" duration-days="20"{after}>{launches}'
            f'{docks}<objective id="o{number}" name="o">{needs}</objective></mission>\n')


MISSION = mission(0)


def fill(unit, budget):
    """`unit` repeated to fill `budget` bytes (at least once)."""
    return unit * max(1, budget // len(unit))


def numbered(pattern, budget, start=0):
    """`pattern.format(i)` for i = start, start + 1, ... while the total stays within `budget` bytes."""
    parts, used, i = [], 0, start
    while True:
        part = pattern.format(i)
        if used + len(part) > budget:
            return "".join(parts)
        parts.append(part)
        used += len(part)
        i += 1


def shapes(size):
    """(name, what it aims at, text) for every shape, each text about `size` bytes."""
    body = size - len(HEAD) - len(CAMPAIGN) - len(END) - 64
    s = []

    def add(name, aim, text):
        s.append((name, aim, text))

    # Attributes: libxml2 2.9 compares each attribute of a start tag with every earlier one.
    add("attributes-one-tag", "one start tag, distinct attributes to the size limit",
        HEAD + '<campaign id="h"' + numbered(' a{0}=""', body) + ">\n" + END)
    add("attributes-prefixed", "one start tag, distinct prefixed attributes (the namespaced duplicate check)",
        HEAD + '<campaign xmlns:p="urn:p" id="h"' + numbered(' p:a{0}=""', body) + ">\n" + END)
    add("namespaces-one-tag", "one start tag, distinct namespace declarations (libxml2's namespace table)",
        HEAD + '<campaign id="h"' + numbered(' xmlns:p{0}="urn:{0}"', body) + ">\n" + END)
    at_limit = "<x" + "".join(f' a{i}=""' for i in range(64)) + "/>\n"
    add("attributes-64-per-tag", "start tags at the attribute limit (64 each), as many as fit",
        HEAD + CAMPAIGN + fill(at_limit, body) + END)
    ns_at_limit = "<x" + "".join(f' xmlns:p{i}="urn:{i}"' for i in range(64)) + "/>\n"
    add("namespaces-64-per-tag", "start tags with 64 namespace declarations each, as many as fit",
        HEAD + CAMPAIGN + fill(ns_at_limit, body) + END)
    scopes = "".join(f'<d{level} xmlns:p{level}a="urn:{level}a" xmlns:p{level}b="urn:{level}b">' for level in range(31))
    lookups = "<p0a:x" + "".join(f' p0a:a{i}=""' for i in range(64)) + "/>\n"
    add("namespaces-in-scope", "64 namespace declarations in scope, then prefixed names that search them all",
        HEAD + scopes + fill(lookups, body - len(scopes)) + "".join(f"</d{level}>" for level in reversed(range(31))))
    add("attribute-value-long", "one attribute value filling the file",
        HEAD + '<campaign id="' + "x" * body + '">\n' + END)
    add("attribute-value-references", "one attribute value of character references",
        HEAD + '<campaign id="h" name="' + fill("&#x41;", body) + '">\n' + END)
    add("attribute-name-long", "one attribute name filling the file",
        HEAD + '<campaign ' + "a" * body + '="1">\n' + END)
    add("element-name-long", "one element name filling the file", HEAD + "<" + "e" * body + "/>\n")
    add("names-distinct", "distinct element names, as many as fit (the name dictionary)",
        HEAD + CAMPAIGN + numbered("<n{0}/>", body) + END)
    # Elements.
    nest = "".join("<description>" for _ in range(31)) + "".join("</description>" for _ in range(31))
    add("depth-at-limit", "32 levels of nesting, repeated (the depth limit, reached but not passed)",
        HEAD + CAMPAIGN + fill(nest + "\n", body) + END)
    elements = "\n".join(ELEMENT.format(i) for i in range(99_999)) + "\n"
    add("elements-at-limit", "100,000 realistic elements (the element limit), padded with spaces",
        HEAD + CAMPAIGN + elements + " " * max(0, body - len(elements)) + END)
    add("elements-empty", "empty elements to the size limit, one per line", HEAD + CAMPAIGN + fill("<x/>\n", body) + END)
    add("elements-one-line", "empty elements to the size limit, all on one line", HEAD + CAMPAIGN + fill("<x/>", body) + "\n" + END)
    add("elements-realistic-one-line", "realistic elements to the size limit, all on one line",
        HEAD + CAMPAIGN.rstrip("\n") + numbered(ELEMENT, body) + END)
    add("schema-errors", "invalid elements to the size limit, each a schema error",
        HEAD + CAMPAIGN + numbered('<element id="e{0}" design="capsule" agency="alpha" start="2026-13-01"/>\n', body) + END)
    add("unknown-attributes", "elements with 60 attributes the schema does not allow",
        HEAD + CAMPAIGN + fill("<source id=\"s\"" + "".join(f' z{i}="1"' for i in range(60)) + ">t</source>\n", body)
        + END)
    # Semantic errors: files the schema accepts whose every element is a finding of the checker. Each is
    # padded with spaces to about the size and keeps under the element limit; the many-diagnostics case (sorting,
    # de-duplicating and printing them, and "did you mean" over every known id).
    def semantic(units, count, missions=MISSION):
        # The padding is spread over the gaps between the pieces: one text node over 10 MB is refused.
        pieces = [units(i) for i in range(count)] + missions.splitlines()
        pad = max(0, body - sum(len(p) + 1 for p in pieces)) // len(pieces)
        return HEAD + CAMPAIGN + "".join(p + "\n" + " " * pad for p in pieces) + END

    add("unknown-agencies", "100,000 elements, each naming an agency that does not exist",
        semantic(lambda i: f'<element id="e{i}" design="capsule" agency="x{i}" start="2026-01-01"/>', 99_990))
    add("unknown-references", "100,000 elements, each naming an unknown design and agency (200,000 references)",
        semantic(lambda i: f'<element id="e{i}" design="d{i}" agency="a{i}" start="2026-01-01"/>', 99_990))
    add("unknown-missions", "missions whose `after` lists fill the value limit with unknown ids (2 million)",
        semantic(lambda i: f'<element id="e{i}" design="capsule" agency="alpha" start="2026-01-01"/>', 1,
                 "".join(mission(m, after=numbered(" z{0}", 60_000, start=m * 10_000)) for m in range(body // 61_000))))
    docks = lambda m: "".join(f'<dock element="f{m}-{k}" target="g{m}-{k}" contract="c{m}-{k}"/>' for k in range(50))
    add("unknown-elements", "missions of 50 docks, each naming an unknown element, target and contract",
        semantic(lambda i: f'<element id="e{i}" design="capsule" agency="alpha" start="2026-01-01"/>', 1_000,
                 "".join(mission(m, docks=docks(m)) for m in range(1_790))))
    add("duplicate-ids", "100,000 elements with the same id",
        semantic(lambda i: '<element id="e0" design="capsule" agency="alpha" start="2026-01-01"/>', 99_990))
    launches = "".join(f'<launch id="l{{0}}-{k}" vehicle="heavy" destination="tli">' + '<payload element="e0"/>' * 20
                       + "</launch>" for k in range(50))
    add("duplicate-launches", "launches of 20 payloads, each the same element, every one over capacity",
        semantic(lambda i: f'<element id="e{i}" design="capsule" agency="alpha" start="2026-01-01"/>', 1,
                 "".join(mission(m, launches=launches.format(m)) for m in range(94))))
    add("policy-violations", "100,000 export-controlled elements given to an agency outside the regime",
        semantic(lambda i: f'<element id="e{i}" design="capsule" agency="gamma" start="2026-01-01"/>', 99_990))
    dock_self = lambda m: "".join(f'<dock element="e{(m * 50 + k) % 10_000}" target="e{(m * 50 + k) % 10_000}"/>'
                                  for k in range(50))
    add("dock-errors", "missions of 50 docks of elements that no launch carries",
        semantic(lambda i: f'<element id="e{i}" design="capsule" agency="alpha" start="2026-01-01"/>', 10_000,
                 "".join(mission(m, docks=dock_self(m)) for m in range(1_600))))
    needs = lambda m: "".join(f'<needs element="e{(m * 100 + k) % 50_000}"/>' for k in range(100))
    add("never-launched", "objectives of 100 needs, each an element that no launch carries (warnings)",
        semantic(lambda i: f'<element id="e{i}" design="capsule" agency="alpha" start="2026-01-01"/>', 50_000,
                 "".join(mission(m, needs=needs(m)) for m in range(480))))
    # Text, comments and the rest.
    add("text-huge", "one text node filling the file",
        HEAD + CAMPAIGN + '<source id="s">' + "x" * body + "</source>\n" + END)
    add("text-references", "a text node of character references", HEAD + CAMPAIGN + '<source id="s">'
        + fill("&#x41;", body) + "</source>\n" + END)
    add("text-entities", "a text node of predefined entity references", HEAD + CAMPAIGN + '<source id="s">'
        + fill("&amp;", body) + "</source>\n" + END)
    add("text-whitespace", "whitespace inside the root, filling the file", HEAD + CAMPAIGN + " " * body + END)
    add("cdata-long", "one CDATA section filling the file", HEAD + CAMPAIGN + '<source id="s"><![CDATA['
        + "x" * body + "]]></source>\n" + END)
    add("cdata-many", "empty CDATA sections in one element", HEAD + CAMPAIGN + '<source id="s">'
        + fill("<![CDATA[]]>", body) + "</source>\n" + END)
    add("comment-huge", "one comment filling the file", HEAD + CAMPAIGN + "<!--" + "x" * body + "-->\n" + END)
    add("comments-many", "empty comments to the size limit", HEAD + CAMPAIGN + fill("<!---->", body) + "\n" + END)
    add("pis-many", "processing instructions to the size limit", HEAD + CAMPAIGN + fill("<?p?>", body) + "\n" + END)
    add("line-long", "one 16 MiB line: the whole file without a line end",
        (HEAD + CAMPAIGN).replace("\n", " ") + " " * body + END.rstrip("\n"))
    add("lines-cr", "empty elements on CR-only lines", HEAD + CAMPAIGN + fill("<x/>\r", body) + END)
    add("lines-empty", "line ends only", HEAD + CAMPAIGN + "\n" * body + END)
    return s


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--size", type=int, default=(16 << 20) - 4096, help="bytes per file (default 16 MiB - 4 KiB)")
    parser.add_argument("--only", default="", help="comma-separated shape names")
    parser.add_argument("--list", action="store_true", help="print the shapes and what they aim at")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    os.makedirs(args.out, exist_ok=True)
    for name, aim, text in shapes(args.size):
        if only and name not in only:
            continue
        if args.list:
            print(f"{name}\t{aim}")
            continue
        data = text.encode()
        with open(os.path.join(args.out, name + ".xml"), "wb") as f:
            f.write(data)
        print(f"{name}\t{len(data)}", file=sys.stderr)


if __name__ == "__main__":
    main()
