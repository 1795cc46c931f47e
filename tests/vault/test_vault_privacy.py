"""What a thief, or the next family at the workshop, can learn from the files."""
import json
import struct

from prep_app.vault import KdfParams, Store, create_vault, unlock_vault

WEAK = KdfParams(8192, 1, 1)
SECRETS = ["Gonçalves", "Goncalves", "Ñañez", "João", "Lucas", "A-123-456-789", "123456789"]


def all_bytes(folder):
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_no_plan_text_anywhere_in_the_plans_folder(tmp_path, plan_bytes):
    assert "Gonçalves".encode() in plan_bytes
    store = Store(tmp_path / "home")
    vault, code = create_vault(store.new_path(), plan_bytes, "pw", "Blue folder", kdf=WEAK)
    vault.save(plan_bytes + b"\n")
    vault.change_passphrase("pw2", kdf=WEAK)
    vault.copy_to(store.plans_dir / "copy.prepvault")
    blob = all_bytes(tmp_path)
    for secret in SECRETS:
        for encoding in ("utf-8", "utf-16-le", "latin-1"):
            try:
                needle = secret.encode(encoding)
            except UnicodeEncodeError:
                continue
            assert needle not in blob, (secret, encoding)
    for passphrase in (b"pw2",):
        assert b'"' + passphrase + b'"' not in blob
    assert code.replace("-", "").encode() not in blob and code.encode() not in blob


def test_the_header_holds_only_label_date_and_key_material(tmp_path, plan_bytes):
    vault, _ = create_vault(tmp_path / "v.prepvault", plan_bytes, "pw", "Blue folder", kdf=WEAK)
    data = vault.path.read_bytes()
    (length,) = struct.unpack_from(">I", data, 10)
    header = json.loads(data[14:14 + length])
    assert set(header) == {"label", "saved_on", "slots", "body"}
    assert {s["kind"] for s in header["slots"]} == {"passphrase", "recovery"}
    assert set(header["body"]) == {"cipher", "nonce"}


def plan_with_children(plan_bytes, n):
    doc = json.loads(plan_bytes)
    child = doc["children"][0]
    doc["children"] = [{**child, "id": f"c{i}", "full_name": f"Child number {i}"} for i in range(n)]
    return json.dumps(doc, ensure_ascii=False, indent=2).encode()


def test_file_size_does_not_tell_how_many_children(tmp_path, plan_bytes):
    one, five = plan_with_children(plan_bytes, 1), plan_with_children(plan_bytes, 5)
    assert len(five) > len(one) + 3000
    sizes = {}
    for name, plan in (("one", one), ("five", five)):
        vault, _ = create_vault(tmp_path / f"{name}.prepvault", plan, "pw", "x", kdf=WEAK)
        sizes[name] = []
        for _ in range(40):
            vault.save(plan)
            sizes[name].append(vault.path.stat().st_size)
        assert unlock_vault(vault.path, "pw").plaintext == plan
    a, b = sizes["one"], sizes["five"]
    assert max(min(a), min(b)) < min(max(a), max(b)), "size ranges must overlap"
    assert len(set(a)) > 30, "the same plan must not always give the same size"
    assert min(a + b) >= 16 * 1024
