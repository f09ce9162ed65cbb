"""Renders every case of *.txt with Jinja2 and writes jinja-expected.json (see README.md)."""
import glob, json, os
import jinja2

here = os.path.dirname(os.path.abspath(__file__))
expected = {}
for path in sorted(glob.glob(os.path.join(here, "*.txt"))):
    module = os.path.basename(path)[:-4]
    text = open(path, encoding="utf-8").read()
    for block in text.split("\n=== ")[1:]:
        lines = block.split("\n")
        name = lines[0].split(" !differs(")[0]
        body = lines[1:]
        if body and body[-1] == "":
            body = body[:-1]
        separator = body.index("---")
        context = json.loads("\n".join(body[:separator]) or "{}")
        template = "\n".join(body[separator + 1:])
        env = jinja2.Environment(loader=jinja2.DictLoader({"main.html": template}), autoescape=True,
                                 undefined=jinja2.StrictUndefined)
        try:
            expected[module + "/" + name] = env.get_template("main.html").render(**context)
        except Exception as error:
            expected[module + "/" + name] = "JINJA ERROR: %s: %s" % (type(error).__name__, error)
with open(os.path.join(here, "jinja-expected.json"), "w", encoding="utf-8") as out:
    json.dump(expected, out, indent=1, sort_keys=True, ensure_ascii=False)
    out.write("\n")
print(len(expected), "cases")
