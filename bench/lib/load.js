/*
 * A closed-loop HTTP load generator: `clients` concurrent callers, each
 * sending its next request when the previous one answered, for `requests`
 * requests in all. Reports latency percentiles in milliseconds.
 */
function percentile(sorted, p) {
  if (!sorted.length) return null;
  const i = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return Math.round(sorted[Math.max(0, i)] * 10) / 10;
}

function summarize(latencies, wallMs) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
    perSecond: Math.round((sorted.length / wallMs) * 1000),
  };
}

/** `next(i)` returns the URL path of request i (a GET), or `{ method, url, body }`. */
async function runLoad(backend, { clients, requests, next, warmup = 5 }) {
  const get = async request => {
    const {
      method = 'GET',
      url,
      body,
    } = typeof request === 'string' ? { url: request } : request;
    const send = () =>
      fetch(`${backend.baseUrl}${url}`, {
        method,
        headers: {
          authorization: `Bearer ${backend.token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    // A reused keep-alive connection the server just closed: sent once more.
    const res = await send().catch(() => {
      retries++;
      return send();
    });
    const answer = await res.arrayBuffer();
    if (!res.ok) {
      throw new Error(
        `${method} ${url}: ${res.status} ${Buffer.from(answer)
          .toString()
          .slice(0, 200)}`,
      );
    }
  };
  let retries = 0;
  for (let i = 0; i < warmup; i++) await get(next(i));
  const latencies = [];
  let issued = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < requests) {
        const url = next(issued++);
        const t = performance.now();
        await get(url);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { ...summarize(latencies, performance.now() - start), retries };
}

module.exports = { runLoad, summarize, percentile };
