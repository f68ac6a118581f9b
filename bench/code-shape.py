#!/usr/bin/env python3
"""The shape figures of the command pipeline (issue 10), measured the same way before and after.

Usage: bench/code-shape.py [source root]   (default src/main/java/dev/changebot)

Prints: files and import lines per top-level package of application/; the places that lock a change
for update (a transaction around one change); and the ten longest methods, by lines from signature
to closing brace. Method detection is textual (a member signature at class indentation ending in
"{"), which is exact for this code base's formatting.
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "src/main/java/dev/changebot"

def java_files(path):
    for base, _, names in os.walk(path):
        for name in sorted(names):
            if name.endswith(".java"):
                yield os.path.join(base, name)

app = os.path.join(root, "application")
files = list(java_files(app))
imports = sum(1 for f in files for line in open(f) if line.startswith("import "))
print(f"application/: {len(files)} files, {imports} import lines")
for base, dirs, names in sorted(os.walk(app)):
    here = [n for n in names if n.endswith(".java")]
    if here:
        print(f"  {os.path.relpath(base, root)}: {len(here)} files")

lockers = []
for f in java_files(root):
    for number, line in enumerate(open(f), 1):
        if "findForUpdate(" in line and "Optional<" not in line:
            lockers.append(f"{os.path.relpath(f, root)}:{number}")
print(f"places that lock a change for update: {len(lockers)}")
for place in lockers:
    print(f"  {place}")

signature = re.compile(r"^    (?:  )?(?:(?:public|protected|private|static|final|synchronized|abstract|default)\s+)*"
                       r"(?:<[^>]+>\s+)?[\w.<>\[\], ?]+\s+(\w+)\s*\(")
literal = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])\'')
methods = []
for f in java_files(root):
    # Braces inside string and character literals do not open or close anything.
    lines = [literal.sub('""', line) for line in open(f).read().split("\n")]
    i = 0
    while i < len(lines):
        m = signature.match(lines[i])
        if m and not lines[i].strip().startswith(("return", "new ", "if", "for", "while", "switch")):
            j = i
            while j < len(lines) and not lines[j].rstrip().endswith(("{", ";")):
                j += 1
            if j < len(lines) and lines[j].rstrip().endswith("{"):
                depth = 0
                k = j
                while k < len(lines):
                    depth += lines[k].count("{") - lines[k].count("}")
                    if depth == 0:
                        break
                    k += 1
                methods.append((k - i + 1, f"{os.path.relpath(f, root)}:{i + 1} {m.group(1)}"))
                i = k
        i += 1
methods.sort(reverse=True)
print("longest methods (lines):")
for length, where in methods[:10]:
    print(f"  {length:4d}  {where}")
