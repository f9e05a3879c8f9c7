"""Build the small hostile inputs in testdata/bad/ from the bundled sample dump (see README.md here).

    python3 testdata/bad/make_hostile.py      # rewrites the files next to this script

Deterministic: the same sample-news.tar.gz gives the same bytes. The bigger hostile inputs (a
200 MB single-line JSON, archives nested past the depth limit, truncated and bit-flipped archives,
symlink loops, NUL-filled files) are made at test time by tests/test_robustness.cc, not committed.
"""
import io
import os
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "sample-news.tar.gz")


def member(tar, name):
    return tar.extractfile(name).read()


def zip_bytes(files, compression):
    """A zip written in memory; entries get a fixed timestamp so the bytes are reproducible."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as z:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = compression
            info.external_attr = 0o644 << 16
            if callable(data):  # a generator of chunks (too big to hold)
                with z.open(info, "w", force_zip64=True) as out:
                    for chunk in data():
                        out.write(chunk)
            else:
                z.writestr(info, data)
    return buf.getvalue()


def main():
    with tarfile.open(SAMPLE) as tar:
        jsonl = member(tar, "reuters/reuters-extra.jsonl").split(b"\n")
        express = member(tar, "urdu/express.csv").split(b"\n")

    # Invalid UTF-8: lines 11-13 of reuters-extra.jsonl; line 2 gets Latin-1 bytes in its body
    # ("caf\xe9"), line 3 a broken two-byte sequence and a lone continuation byte in its title.
    lines = jsonl[10:13]
    lines[1] = lines[1].replace(b'"body": "', b'"body": "caf\xe9 au lait \xff\xfe ', 1)
    lines[2] = lines[2].replace(b'"title": "', b'"title": "\xc3\x28 \x80 ', 1)
    assert lines[1] != jsonl[11] and lines[2] != jsonl[12]
    open(os.path.join(HERE, "invalid-utf8.jsonl"), "wb").write(b"\n".join(lines) + b"\n")

    # Unbalanced quotes: the header and data rows 6-10 of urdu/express.csv (single-line rows);
    # data row 3's title gets a quote at its start that is never closed.
    rows = [express[0]] + express[6:11]
    head, sep, rest = rows[3].partition(b",")
    assert sep and not rest.startswith(b'"')
    rows[3] = head + b',"' + rest
    open(os.path.join(HERE, "unbalanced-quotes.csv"), "wb").write(b"\n".join(rows) + b"\n")

    # Zip bomb: one real JSONL record, then 2.25 GiB of spaces (text, so it is read, not skipped
    # as binary) in one bzip2 member: past the 2 GiB entry cap and the 1000:1 ratio guard. Then
    # two real records in a second member, which must still be indexed.
    def bomb_jsonl():
        yield jsonl[13] + b"\n"
        block = b" " * (1 << 24)
        for _ in range(144):  # 144 x 16 MiB = 2.25 GiB
            yield block

    good = b"\n".join(jsonl[14:16]) + b"\n"
    bomb = zip_bytes([("bomb.jsonl", bomb_jsonl), ("after-bomb.jsonl", good)], zipfile.ZIP_BZIP2)
    open(os.path.join(HERE, "bomb.zip"), "wb").write(bomb)

    # Bad central directory: a zip of lines 17-19 (one member each); the central directory's
    # entries are overwritten with 0xff (the end record still points at them).
    files = [("article-%d.jsonl" % i, jsonl[i] + b"\n") for i in (16, 17, 18)]
    z = bytearray(zip_bytes(files, zipfile.ZIP_DEFLATED))
    cd = z.find(b"PK\x01\x02")
    eocd = z.find(b"PK\x05\x06")
    assert 0 < cd < eocd
    z[cd:eocd] = b"\xff" * (eocd - cd)
    open(os.path.join(HERE, "bad-central-directory.zip"), "wb").write(bytes(z))


if __name__ == "__main__":
    main()
