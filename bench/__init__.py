"""Benchmarks run by ``make bench``: each figure is printed beside a baseline from the same run."""
