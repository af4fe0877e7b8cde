"""Benchmarks: each `bench_*.py` module has a `main()` that prints its figures.

Run them all with `make bench` (or `python -m bench`), one with `python -m bench.bench_NAME`.
"""
