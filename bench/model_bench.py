"""Exchange-format speed: reading and writing the realistic plan (2 parents,
3 children, 2 guardians, 6 contacts, 10 documents) against plain json."""
import json
import os
import tempfile

from bench.common import SAMPLE_PLAN, median_time
from prep_app import model


def run(report) -> None:
    text = SAMPLE_PLAN.read_text(encoding="utf-8")
    plan = model.loads(text)
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "plan.json")

        def export():
            with open(out, "w", encoding="utf-8") as f:
                f.write(model.dumps(model.loads(text)))

        def plain():
            with open(out, "w", encoding="utf-8") as f:
                f.write(json.dumps(json.loads(text), ensure_ascii=False, indent=2))

        base = median_time(plain, 50)
        export_time = median_time(export, 50)
    report("export: parse + validate + write JSON", export_time, f"{export_time / base:.1f}x plain json")
    check_time = median_time(lambda: model.check(plan), 50)
    report("plan checks (warnings)", check_time, f"{check_time / base:.1f}x plain json")

