#!/usr/bin/env python3
"""Krippendorff's alpha from the PyPI `krippendorff` package, as an independent reference for
Spanwise's own computation (tests/reliability.rs compares the two on random data).

Usage: alpha_reference.py LEVEL FILE.csv [FILE.csv ...]

Each FILE is a units-by-coders table as `spanwise reliability` reads it: a header row, the unit
id in the first column, one column per coder, empty cells missing. Prints one alpha per file,
in order, at full precision ("nan" where the package finds none). Exit code 2 when the package
is missing.
"""
import csv
import sys

try:
    import numpy as np
    import krippendorff
except ImportError as error:  # the test decides whether a missing package is a failure
    print(f"missing Python package: {error.name} (pip install krippendorff)", file=sys.stderr)
    sys.exit(2)


def reliability_data(path):
    """The table as coders x units, NaN for missing cells."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    units = rows[1:]
    coders = len(rows[0]) - 1
    return np.array(
        [[float(u[c + 1]) if u[c + 1].strip() else np.nan for u in units] for c in range(coders)]
    )


def main():
    level, files = sys.argv[1], sys.argv[2:]
    for path in files:
        try:
            value = krippendorff.alpha(
                reliability_data=reliability_data(path), level_of_measurement=level
            )
        except ValueError:
            value = float("nan")
        print(repr(float(value)))


if __name__ == "__main__":
    main()
