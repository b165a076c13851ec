"""Throughput: simulated residents completing the demo survey as `make serve` runs it, against bare Flask.

Run: .venv/bin/python bench/submit.py [--seconds 20] [--clients 8]   (DATABASE_URL for PostgreSQL)
Prints, for Consult (as `make serve` runs it: nginx in front of gunicorn) and a bare Flask app
served the same way, in the same run (they take turns, in slices, so that all see the same drift in this
machine's speed): completed responses/s and requests/s of residents completing the survey;
requests/s of residents only reading a survey question page; bare Flask's requests/s; the
servers' CPU time per request and, for the survey, per complete response (all server
processes' CPU over the run divided by responses stored, which does not depend on how fast the
clients are); and the largest worker's memory, with how many workers gunicorn replaced.
Targets: server CPU <= 100 ms per complete response (10 or more responses a second per core),
and a question page GET at >= 20% of bare Flask's requests/s.
"""
import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.resident import Browser, Resident  # noqa: E402
from bench.serving import cpu_seconds, prepare_database, serve, worker_pids  # noqa: E402


def _residents(args):
    base, seconds, seed = args
    done = requests = errors = 0
    latencies = []
    cpu = time.thread_time()
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        resident = Resident(base, seed=seed * 100_000 + done)
        outcome = resident.complete_survey()
        done += bool(outcome.receipt)
        requests += outcome.requests
        errors += outcome.errors
        latencies += outcome.latencies
    return done, requests, errors, latencies, time.thread_time() - cpu


def _question_pages(args):
    """A resident reading the survey's first question page, again and again."""
    base, seconds, _seed = args
    browser = Browser(base)
    requests = errors = 0
    latencies = []
    cpu = time.thread_time()
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        started = time.perf_counter()
        status = browser.request(QUESTION_PAGE)[0]
        latencies.append(time.perf_counter() - started)
        requests += 1
        errors += status != 200
    browser.close()
    return 0, requests, errors, latencies, time.thread_time() - cpu


QUESTION_PAGE = "/c/community-safety-survey/q/1"


def _bare(args):
    base, seconds, _seed = args
    browser = Browser(base)
    requests = 0
    latencies = []
    cpu = time.thread_time()
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        for data in (None, {"answer": "Speeding on the main road"}):
            started = time.perf_counter()
            browser.request("/", data)
            latencies.append(time.perf_counter() - started)
            requests += 1
    browser.close()
    return 0, requests, 0, latencies, time.thread_time() - cpu


def _worker_memory_mib(pids):
    """The largest resident memory among these workers, in MiB (0 for any that has exited)."""
    largest = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        largest = max(largest, int(status.split("VmRSS:", 1)[1].split()[0]) // 1024)
    return largest


def _in_threads(args):
    """Run residents as threads of one client process; one result per resident."""
    work, base, seconds, seeds = args
    with ThreadPoolExecutor(max_workers=len(seeds)) as pool:
        return list(pool.map(lambda seed: work((base, seconds, seed)), seeds))


class Server:
    """One server under test and what its slices of the timed run added up to."""

    def __init__(self, name, work, base, process):
        self.name, self.work, self.base, self.process = name, work, base, process
        self.elapsed = self.server_cpu = 0.0
        self.results = []

    def run(self, pool, clients, processes, seconds, offset, counted=True):
        """`clients` residents doing this server's work for `seconds`, as threads spread over
        `processes` client processes; added to the totals when `counted`."""
        seeds = [offset + n for n in range(clients)]
        batches = [(self.work, self.base, seconds, seeds[i::processes]) for i in range(processes)]
        cpu = cpu_seconds(self.process.pid)
        started = time.monotonic()
        results = [result for batch in pool.map(_in_threads, batches) for result in batch]
        if counted:
            self.elapsed += time.monotonic() - started
            self.server_cpu += cpu_seconds(self.process.pid) - cpu
            self.results += results

    def summary(self, first_workers, memory_before):
        results = self.results
        done = sum(r[0] for r in results)
        requests = sum(r[1] for r in results)
        latencies = sorted(x for r in results for x in r[3])
        last_workers = set(worker_pids(self.process.pid))
        return {
            "responses_s": done / self.elapsed,
            "requests_s": requests / self.elapsed,
            "errors": sum(r[2] for r in results),
            "p50_ms": 1000 * statistics.median(latencies),
            "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
            "responses": done,
            "server_ms": 1000 * self.server_cpu / requests,
            "server_ms_per_response": 1000 * self.server_cpu / done if done else None,
            "client_ms": 1000 * sum(r[4] for r in results) / requests,
            "workers": len(first_workers),
            "restarts": len(last_workers - first_workers),
            "memory": (memory_before, _worker_memory_mib(last_workers)),
        }


def interleave(servers, clients, processes, seconds, rounds, warm_up):
    """Warm each server up (not counted), then give each `seconds` of load in `rounds` slices,
    taking turns and swapping who goes first each round. This machine's speed drifts from
    minute to minute; in turns, both servers see the same drift."""
    with multiprocessing.Pool(processes) as pool:
        for server in servers:
            server.run(pool, clients, processes, warm_up, offset=1000, counted=False)
        first = {}
        for server in servers:
            workers = set(worker_pids(server.process.pid))
            first[server.name] = (workers, _worker_memory_mib(workers))
        for round_number in range(rounds):
            order = servers if round_number % 2 == 0 else servers[::-1]
            for server in order:
                server.run(pool, clients, processes, seconds / rounds, offset=round_number * clients)
    return {server.name: server.summary(*first[server.name]) for server in servers}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8, help="simulated residents at once")
    parser.add_argument("--client-processes", type=int,
                        help="processes the residents run in, as threads (default: one process each)")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py's, as make serve)")
    parser.add_argument("--threads", type=int, help="threads per worker (default: gunicorn.conf.py's)")
    parser.add_argument("--warm-up", type=float, default=3, help="seconds of requests before measuring")
    parser.add_argument("--rounds", type=int, default=4,
                        help="slices the seconds are split into, the two servers taking turns")
    args = parser.parse_args()
    args.client_processes = min(args.client_processes or args.clients, args.clients)
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder}/bench-submit.db"
        prepare_database(url)
        serving = {"workers": args.workers, "threads": args.threads}
        with serve(env={"DATABASE_URL": url}, log=f"{folder}/consult.log", **serving) as consult_server, \
                serve(app="bench.bare_app:app", log=f"{folder}/bare.log", **serving) as bare_server:
            servers = [
                Server("Consult", _residents, *consult_server),
                Server("Consult GET", _question_pages, *consult_server),
                Server("bare Flask", _bare, *bare_server),
            ]
            totals = interleave(servers, args.clients, args.client_processes, args.seconds, args.rounds, args.warm_up)
    consult, pages, bare = totals["Consult"], totals["Consult GET"], totals["bare Flask"]
    database = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"{args.clients} clients, {args.seconds:.0f} s each in {args.rounds} turns after {args.warm_up:.0f} s of warm-up, gunicorn "
          f"{consult['workers']} workers x {args.threads or 'configured'} threads, {database}, "
          f"{os.cpu_count()} CPUs shared by server and clients")
    print(f"{'server':<12}{'responses/s':>12}{'requests/s':>12}{'p50 ms':>8}{'p99 ms':>8}{'errors':>8}"
          f"{'server CPU ms/req':>19}{'client CPU ms/req':>19}{'worker MiB':>12}{'restarts':>10}")
    for name, row in (("Consult", consult), ("Consult GET", pages), ("bare Flask", bare)):
        memory = "{} > {}".format(*row["memory"])
        print(f"{name:<12}{row['responses_s']:>12.1f}{row['requests_s']:>12.1f}{row['p50_ms']:>8.1f}{row['p99_ms']:>8.1f}"
              f"{row['errors']:>8}{row['server_ms']:>19.2f}{row['client_ms']:>19.2f}{memory:>12}{row['restarts']:>10}")
    share = pages["requests_s"] / bare["requests_s"]
    print("(Consult: residents completing the survey; Consult GET: residents reading question 1 only.)")
    print(f"Server CPU per complete response: {consult['server_ms_per_response']:.1f} ms (target <= 100), "
          f"beside bare Flask's {bare['server_ms']:.2f} ms per request; {consult['responses_s']:.1f} responses/s.")
    print(f"A question page GET serves {share:.0%} of bare Flask's requests/s (target >= 20%).")


if __name__ == "__main__":
    main()
