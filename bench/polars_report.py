"""The group report's per-factor figures with Polars, for the harness's comparison with the native
report command (bench/run.sh): read_csv of the q13_*/q14_* columns ("na" read as null), then for
each the count and mean of the scored answers (0-3) and the share of them that are 2 or more ("at
least somewhat"). Prints them as JSON in the shape of bench/pandas_report.py.

    python3 bench/polars_report.py FILE.csv
"""
import json
import sys

import polars as pl


def main(path: str) -> None:
    header = pl.read_csv(path, n_rows=0).columns
    factors = [c for c in header if c.startswith("q13_") or c.startswith("q14_")]
    # Only the columns asked for are read; "na" (not applicable) and blanks are null, which count()
    # and mean() skip.
    df = pl.read_csv(
        path,
        columns=factors,
        null_values=["na"],
        schema_overrides={c: pl.Int8 for c in factors},
    )
    exprs = []
    for c in factors:
        exprs += [
            pl.col(c).count().alias(f"{c}/n"),
            pl.col(c).cast(pl.Float64).mean().alias(f"{c}/mean"),
            (pl.col(c) >= 2).mean().alias(f"{c}/share"),
        ]
    row = df.select(exprs).row(0, named=True)
    out = {
        c: {
            "n": int(row[f"{c}/n"]),
            "mean": row[f"{c}/mean"],
            "share_at_least_somewhat": row[f"{c}/share"],
        }
        for c in factors
    }
    json.dump({"rows": df.height, "factors": out}, sys.stdout)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
