"""Reads a Taizhang CSV with Python's csv module, as a script of the city bureau would, and
prints its rows as JSON. Usage: read_csv.py flat|document FILE.csv. For `flat`, every row
must have the header's width."""
import csv
import json
import sys

mode, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8-sig", newline="") as handle:
    rows = list(csv.reader(handle))
if mode == "flat":
    width = len(rows[0])
    assert width == 11, rows[0]
    for number, row in enumerate(rows, 1):
        assert len(row) == width, f"row {number} has {len(row)} fields, not {width}: {row}"
json.dump(rows, sys.stdout, ensure_ascii=False)
