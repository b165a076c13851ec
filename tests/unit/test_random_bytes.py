"""Nonces and request ids come from os.urandom read in blocks: never repeated, across threads or forks."""
import os
import re
import threading

from consult import security


def test_nonces_and_request_ids_are_well_formed_and_never_repeat_across_threads():
    import sys

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads swap as often as they can
    seen = []

    def make():
        for _ in range(3000):  # past a block each
            seen.append((security._nonce({}), security._request_id({})))

    threads = [threading.Thread(target=make) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch)
    values = [value for pair in seen for value in pair]
    assert len(values) == len(set(values)) == 4 * 3000 * 2
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{22}", nonce) and re.fullmatch(r"[0-9a-f]{16}", made) for nonce, made in seen)


def test_each_request_keeps_its_own_nonce_and_id():
    environ = {}
    assert security._nonce(environ) == security._nonce(environ) != security._nonce({})
    assert security._request_id(environ) == security._request_id(environ)


def test_a_forked_process_does_not_reuse_its_parents_bytes():
    security._nonce({})  # the parent has a block in hand
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.write(write, security._nonce({}).encode())
        os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    from_child = os.read(read, 100).decode()
    os.close(read)
    assert from_child and from_child != security._nonce({})


def test_each_thread_reads_its_own_block(monkeypatch):
    """A block shared by threads could hand two of them the same bytes, should they swap mid-take."""
    reads = []
    real = os.urandom
    monkeypatch.setattr(os, "urandom", lambda size: reads.append(threading.get_ident()) or real(size))
    threads = [threading.Thread(target=lambda: [security._nonce({}) for _ in range(3)]) for _ in range(3)]
    for thread in threads:
        thread.start()
        thread.join()
    assert sorted(reads) == sorted(thread.ident for thread in threads)  # one block each, read once
