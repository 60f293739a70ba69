"""The group report's per-factor figures with DuckDB, for the harness's comparison with the native
report command (bench/run.sh): read_csv, then for every q13_*/q14_* column the count and mean of the
scored answers (0-3; "na" and blanks are NULL) and the share of them that are 2 or more ("at least
somewhat"). Prints them as JSON in the shape of bench/pandas_report.py.

    python3 bench/duckdb_report.py FILE.csv
"""
import json
import sys

import duckdb


def main(path: str) -> None:
    con = duckdb.connect()
    quoted = path.replace("'", "''")
    # "na" (not applicable) and blanks are not scores: read as NULL, which count() and avg() skip.
    con.execute(f"CREATE VIEW responses AS SELECT * FROM read_csv('{quoted}', nullstr = ['na', ''])")
    columns = [d[0] for d in con.execute("SELECT * FROM responses LIMIT 0").description]
    factors = [c for c in columns if c.startswith("q13_") or c.startswith("q14_")]
    select = ", ".join(
        f'count("{c}"), avg("{c}"), avg(("{c}" >= 2)::INTEGER)' for c in factors
    )
    row = con.execute(f"SELECT count(*), {select} FROM responses").fetchone()
    out = {}
    for i, column in enumerate(factors):
        n, mean, share = row[1 + 3 * i : 4 + 3 * i]
        out[column] = {"n": int(n), "mean": mean, "share_at_least_somewhat": share}
    json.dump({"rows": int(row[0]), "factors": out}, sys.stdout)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
