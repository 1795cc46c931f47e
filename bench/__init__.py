"""Benchmarks: `python -m bench` prints figures, each beside a baseline taken in the same run."""
