"""The straightforward way to retrieve skills in Python: a loop over the skills, NumPy for each similarity.

This is the yardstick for `procmem bench retrieval` (issue 6): the same work, written the way the reference
tutorial writes it (check each skill's preconditions, cosine similarity with NumPy, sort, take the top k).

    python3 bench/python/retrieval_loop.py --skills 10000 --dim 8 --queries 20

The last line is one JSON object, {skills, dim, queries, seconds_per_query}. Needs only NumPy
(Debian: apt-get install python3-numpy).
"""
import argparse
import json
import time

import numpy as np


def cosine(a, b):
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-8))


def retrieve(skills, facts, query, top_k):
    ranked = []
    for skill_id, (mask, values, key) in enumerate(skills):
        if (facts ^ values) & mask == 0:
            ranked.append((cosine(query, key), skill_id))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    return [skill_id for _, skill_id in ranked[:top_k]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skills", type=int, default=10_000)
    parser.add_argument("--dim", type=int, default=8)
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--top-k", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = np.random.default_rng(args.seed)
    keys = rng.uniform(-1, 1, (args.skills, args.dim)).astype(np.float32)
    keys /= np.linalg.norm(keys, axis=1, keepdims=True)
    queries = rng.uniform(-1, 1, (args.queries, args.dim)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    # Every skill applicable, as in the C# benchmark: every key is scored.
    skills = [(0, 0, keys[i]) for i in range(args.skills)]

    retrieve(skills, 0, queries[0], args.top_k)  # warm-up
    start = time.perf_counter()
    for q in queries:
        retrieve(skills, 0, q, args.top_k)
    seconds_per_query = (time.perf_counter() - start) / args.queries

    print(f"python loop: {args.skills} skills x {args.dim} numbers, {args.queries} queries: "
          f"{seconds_per_query * 1e3:.2f} ms per query (numpy {np.__version__})")
    print(json.dumps({"skills": args.skills, "dim": args.dim, "queries": args.queries,
                      "seconds_per_query": seconds_per_query}))


if __name__ == "__main__":
    main()
