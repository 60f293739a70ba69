"""The group report's per-factor figures with pandas, for the harness's comparison with the native
report command (bench/run.sh): read the responses CSV with read_csv, then for every q13_*/q14_* column
the mean of the scored answers (0-3; "na" and blanks excluded) and the share of them that are 2 or
more ("at least somewhat"). Prints them as JSON: {"q13_places": {"n": .., "mean": .., "share_at_least_somewhat": ..}, ...}.

    python3 bench/pandas_report.py FILE.csv
"""
import json
import sys

import pandas as pd


def main(path: str) -> None:
    df = pd.read_csv(path)
    out = {}
    for column in df.columns:
        if not (column.startswith("q13_") or column.startswith("q14_")):
            continue
        # "na" (not applicable) and blanks are not scores: coerced to NaN, which pandas leaves out.
        scores = pd.to_numeric(df[column], errors="coerce")
        n = int(scores.count())
        out[column] = {
            "n": n,
            "mean": float(scores.mean()) if n else None,
            "share_at_least_somewhat": float((scores >= 2).sum() / n) if n else None,
        }
    json.dump({"rows": int(len(df)), "factors": out}, sys.stdout)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
