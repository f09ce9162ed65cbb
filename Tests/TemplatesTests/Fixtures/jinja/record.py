"""Renders every case of *.txt with Jinja2 and writes jinja-expected.json (see README.md).

Run with Jinja2 3.1.6 and MarkupSafe 3.0 (the versions the recording is checked against in CI).
"""
import glob, json, os
import jinja2


class FalsyStrictUndefined(jinja2.StrictUndefined):
    """Our engine's undefined: an error when printed, compared or iterated; false in a test of truth."""

    def __bool__(self):
        return False


def cases(path):
    """(name, context, templates) for each case of one file, split as the Swift tests split it."""
    text = open(path, encoding="utf-8").read()
    for block in text.split("\n=== ")[1:]:
        lines = block.split("\n")
        name = lines[0].split(" !differs(")[0]
        body = lines[1:]
        if body and body[-1] == "":
            body = body[:-1]
        separator = body.index("---")
        context = json.loads("\n".join(body[:separator]) or "{}")
        sections = [["main.html", []]]
        for line in body[separator + 1:]:
            if line.startswith("--- ") and " " not in line[4:]:
                sections.append([line[4:], []])
            else:
                sections[-1][1].append(line)
        yield name, context, {section: "\n".join(lines) for section, lines in sections}


here = os.path.dirname(os.path.abspath(__file__))
expected = {}
for path in sorted(glob.glob(os.path.join(here, "*.txt"))):
    module = os.path.basename(path)[:-4]
    for name, context, templates in cases(path):
        env = jinja2.Environment(loader=jinja2.DictLoader(templates), autoescape=True, undefined=FalsyStrictUndefined)
        try:
            expected[module + "/" + name] = env.get_template("main.html").render(**context)
        except Exception as error:
            expected[module + "/" + name] = "JINJA ERROR: %s: %s" % (type(error).__name__, error)
with open(os.path.join(here, "jinja-expected.json"), "w", encoding="utf-8") as out:
    json.dump(expected, out, indent=1, sort_keys=True, ensure_ascii=False)
    out.write("\n")
print(len(expected), "cases")
