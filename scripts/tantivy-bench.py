#!/usr/bin/env python3
"""tantivy side of `kb-bench`: builds the bench's corpus in tantivy and times its searches in-process.

Usage: tantivy-bench.py REQUEST.json

REQUEST.json (written by kb-bench):
  {"rows": "corpus.jsonl",        one JSON array a line: [id, title, description, resolution, root_cause, events_text]
   "index": "dir",                where to build the index (emptied first)
   "reuse": false,                open the index an earlier run built in "index" for the same rows, if any, and
                                  report that run's import time (kb-bench --reuse)
   "runs": 3,                     how many times the latency queries run (medians are taken by kb-bench)
   "queries": ["..."],            latency queries, as typed
   "expansions": [[["..."]]],     optional (kb-bench --synonyms): per query, per word, the synonyms kb expands it to;
                                  each word is then searched as itself OR each alternative (a phrase query when it
                                  has several words), as kb's synonym groups match
   "exactness": 500,              how many of the first queries compare the pruned top 10 with every match scored
   "targets": [{"id": "T-…", "queries": ["title", "title + first sentence"]}]}

Prints one JSON object: import seconds, index bytes, per-run latencies and CPU times (ms), exactness and target
recall counts. Exits 2 when the tantivy module is missing, so kb-bench can say so and go on.

The schema mirrors kb's ticket index: the same five text columns, each a text field with a Spanish analyzer
(simple tokenizer, lower case, ASCII folding, Snowball Spanish stemmer, as kb folds accents and stems); the
query's words (split on anything not a letter or digit, as kb-bench does for raw FTS5) are OR'ed over the
five fields with the title weighted 1.5, as kb weighs it; with "expansions", each word OR its synonyms.
"""

import json
import os
import re
import shutil
import sys
import time

try:
    import tantivy
except ImportError:
    print("tantivy-bench: the Python module 'tantivy' is not installed (pip install tantivy)", file=sys.stderr)
    sys.exit(2)

FIELDS = ["title", "description", "resolution", "root_cause", "events_text"]
WORD = re.compile(r"[^\W_]+", re.UNICODE)


BUILD_RECORD = "kb-bench-build.json"


def analyzer():
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold())
            .filter(tantivy.Filter.stemmer("spanish"))
            .build())


def schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    for field in FIELDS:
        builder.add_text_field(field, tokenizer_name="kb_es")
    return builder.build()


def rows_signature(rows_path):
    status = os.stat(rows_path)
    return {"rows_bytes": status.st_size, "rows_mtime_ns": status.st_mtime_ns}


def reopen(rows_path, index_path):
    """The index an earlier run built from the same rows file, with that run's import time; None when there is none."""
    try:
        with open(os.path.join(index_path, BUILD_RECORD), encoding="utf-8") as handle:
            record = json.load(handle)
    except (OSError, ValueError):
        return None
    if any(record.get(key) != value for key, value in rows_signature(rows_path).items()):
        return None
    index = tantivy.Index(schema(), path=index_path)
    index.register_tokenizer("kb_es", analyzer())
    index.reload()
    return index, record["import_seconds"], record["index_bytes"], record["documents"]


def build(rows_path, index_path):
    shutil.rmtree(index_path, ignore_errors=True)
    os.makedirs(index_path)
    index = tantivy.Index(schema(), path=index_path)
    index.register_tokenizer("kb_es", analyzer())
    rows = []
    with open(rows_path, encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
    start = time.perf_counter()
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for row in rows:
        document = tantivy.Document()
        document.add_text("id", row[0])
        for field, value in zip(FIELDS, row[1:]):
            document.add_text(field, value)
        writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - start
    index.reload()
    size = sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(index_path) for name in names)
    with open(os.path.join(index_path, BUILD_RECORD), "w", encoding="utf-8") as handle:
        json.dump(dict(rows_signature(rows_path), documents=len(rows), import_seconds=seconds, index_bytes=size), handle)
    return index, seconds, size, len(rows)


def parse(index, text, expansions=None):
    words = [word.lower() for word in WORD.findall(text)]
    if not words:
        return None
    if expansions is not None and len(expansions) != len(words):
        raise SystemExit(f"tantivy-bench: {len(expansions)} expansions for the {len(words)} words of {text!r}")
    if expansions is not None:
        parts = []
        for word, alternatives in zip(words, expansions):
            spelled = [" ".join(w.lower() for w in WORD.findall(alternative)) for alternative in alternatives]
            spelled = [alternative for alternative in spelled if alternative]
            parts.append(word if not spelled else "(" + " OR ".join([word] + ['"' + a + '"' for a in spelled]) + ")")
        words = parts
    return index.parse_query(" ".join(words), default_field_names=FIELDS, field_boosts={"title": 1.5})


def top(searcher, query, exhaustive=False):
    # count=True adds a Count collector beside TopDocs, which makes tantivy score every match (no block-max WAND).
    result = searcher.search(query, limit=10, count=exhaustive)
    return [(round(score, 4), searcher.doc(address)["id"][0]) for score, address in result.hits]


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        request = json.load(handle)
    reused = reopen(request["rows"], request["index"]) if request.get("reuse") else None
    index, import_seconds, size, count = reused or build(request["rows"], request["index"])
    searcher = index.searcher()
    expansions = request.get("expansions") or [None] * len(request["queries"])
    queries = [parse(index, text, expanded) for text, expanded in zip(request["queries"], expansions)]
    latencies, cpu = [], []
    for _ in range(request.get("runs", 1)):
        run_wall, run_cpu = [], []
        for query in queries:
            if query is None:
                continue
            wall, process = time.perf_counter(), time.process_time()
            result = searcher.search(query, limit=10, count=False)
            [searcher.doc(address)["id"][0] for _, address in result.hits]
            run_cpu.append((time.process_time() - process) * 1000)
            run_wall.append((time.perf_counter() - wall) * 1000)
        latencies.append(run_wall)
        cpu.append(run_cpu)
    identical, overlap, compared = 0, 0.0, 0
    for query in queries[:request.get("exactness", 500)]:
        if query is None:
            continue
        pruned, every = top(searcher, query), top(searcher, query, exhaustive=True)
        compared += 1
        identical += pruned == every
        overlap += len({doc for _, doc in pruned} & {doc for _, doc in every}) / len(every) if every else 1
    found, target_queries = 0, 0
    for target in request.get("targets", []):
        for text in target["queries"]:
            target_queries += 1
            query = parse(index, text)
            if query is not None and any(doc == target["id"] for _, doc in top(searcher, query)):
                found += 1
    json.dump({"documents": count, "import_seconds": import_seconds, "index_bytes": size, "latency_ms": latencies,
               "cpu_ms": cpu, "expanded": sum(1 for e in expansions if e and any(e)), "identical": identical, "overlap": overlap, "compared": compared, "targets_found": found,
               "target_queries": target_queries}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
