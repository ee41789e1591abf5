#!/usr/bin/env python3
"""Writes seeds of worst-case shapes for the `shape` fuzz target (scripts/fuzz.sh shape) into a folder.

Each file is the test campaign (Tests/ConsortiumXMLTests/Corpus/valid/Missions/mini.xml, renamed so that it
does not clash with the library's own) with one shape pushed far: many attributes on one start tag, a long
attribute value, a long element or attribute name, many namespace declarations, many elements, deep nesting,
long text, many comments, many risks (a file that loads and runs). All stay under 2 MiB, the target's
-max_len, and small enough to load in well under the fuzzer's 10 s timeout; the fuzzer grows them.

    scripts/fuzz-shapes.py FOLDER
"""
import os
import sys

folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
mini = open(os.path.join(root, "Tests/ConsortiumXMLTests/Corpus/valid/Missions/mini.xml"), encoding="utf-8").read()
mini = mini.replace('id="mini"', 'id="shape"')
head = '<campaign id="shape"'


def write(name, text):
    data = text.encode("utf-8")
    assert len(data) <= 2 << 20, (name, len(data))
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def on_root(extra):
    return mini.replace(head, head + " " + extra, 1)


def inside(content):
    return mini.replace("</campaign>", content + "\n</campaign>", 1)


# Attributes per start tag: libxml2's duplicate check is quadratic (100,000 took 20 s), so seeds stay at a
# few thousand; the fuzzer can copy parts to grow them.
write("shape-attributes-3000.xml", on_root(" ".join(f'a{i}="{i}"' for i in range(3000))))
write("shape-attributes-on-element-3000.xml",
      mini.replace('<element id="capsule-1"', '<element ' + " ".join(f'x{i}="" ' for i in range(3000))
                   + ' id="capsule-1"', 1))
write("shape-attribute-value-1mib.xml", mini.replace('name="Mini campaign"', 'name="' + "v" * (1 << 20) + '"', 1))
write("shape-attribute-name-64kib.xml", on_root("n" * 65536 + '="1"'))
write("shape-element-name-64kib.xml", inside("<" + "e" * 65536 + "/>"))
write("shape-namespaces-3000.xml", on_root(" ".join(f'xmlns:p{i}="urn:p{i}"' for i in range(3000))))
write("shape-namespace-uri-1mib.xml", on_root('xmlns:p="urn:' + "u" * (1 << 20) + '"'))
write("shape-elements-20000.xml",
      inside("\n".join(f'  <element id="e{i}" design="capsule" agency="alpha" start="2026-01-01"/>'
                       for i in range(20000))))
write("shape-nesting-2000.xml", inside("<description>" * 2000 + "</description>" * 2000))
write("shape-text-1mib.xml", mini.replace("<description>Heat shield rework.", "<description>" + "t" * (1 << 20), 1))
write("shape-comments-100000.xml", inside("<!---->" * 100000))
write("shape-entities-100000.xml",
      mini.replace("<description>Heat shield rework.", "<description>" + "&amp;" * 100000, 1))
write("shape-risks-2000.xml",
      inside("\n".join(f'  <risk id="r{i}" element="capsule-1" phase="build" probability="0.01" impact-days="1" '
                       f'impact-musd="1"/>' for i in range(2000))))
