"""Run every benchmark and print its figures.

Each module has ``run(report)``; ``report(name, seconds, note)`` prints one
line.  Figures are for reading, never for asserting: the machine varies.
"""
import importlib
import sys

MODULES = ["bench.model_bench", "bench.vault_bench", "bench.render_bench", "bench.ui_bench"]


def report(name: str, seconds: float, note: str = "") -> None:
    print(f"  {name:<48} {seconds * 1000:9.1f} ms   {note}", flush=True)


def main(selected: list[str]) -> None:
    for name in MODULES:
        if selected and not any(s in name for s in selected):
            continue
        print(name.removeprefix("bench."))
        importlib.import_module(name).run(report)


main(sys.argv[1:])
