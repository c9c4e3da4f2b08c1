"""Concurrent pushes: seqs follow commit order, so a reader following the feed skips nothing."""

import threading
from typing import Any

from tests.hub.conftest import Connect
from tests.hubkit import mutation, push, sample_fields

WRITERS, PUSHES, PER_PUSH = 4, 8, 5


def test_counter_gives_commit_order_under_concurrent_pushes(connect: Connect) -> None:
    boss = connect("boss", role="admin", office=None)
    push(boss, [mutation("validation", "v-1")])
    writers = [connect(f"scss-{n}") for n in range(WRITERS)]
    reader = connect("reader")
    results: list[list[dict[str, Any]]] = []
    lock = threading.Lock()
    start = threading.Barrier(WRITERS)

    def write(number: int) -> None:
        start.wait()
        for batch in range(PUSHES):
            ids = [f"f-{number}-{batch}-{n}" for n in range(PER_PUSH)]
            changes = [mutation("finding", i, sample_fields("finding")) for i in ids]
            answer = push(writers[number], changes)
            with lock:
                results.append(answer)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    seen: list[tuple[int, str]] = []
    since, finished = 0, False
    while True:  # follow the feed while the writers commit; checking done before the last page
        finished = not any(thread.is_alive() for thread in threads)
        page = reader.get("/v1/changes", params={"since": since, "limit": 7}).json()
        seen.extend((c["seq"], c["id"]) for c in page["changes"])
        since = page["next"]
        if finished and not page["more"]:
            break
    for thread in threads:
        thread.join()

    total = 1 + WRITERS * PUSHES * PER_PUSH
    assert [seq for seq, _ in seen] == list(range(1, total + 1))
    assert len({record_id for _, record_id in seen}) == total
    for answer in results:  # one push's changes are numbered together, never interleaved
        seqs = [r["seq"] for r in answer]
        assert seqs == list(range(seqs[0], seqs[0] + PER_PUSH))
