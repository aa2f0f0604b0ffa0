import http from 'k6/http';
import { check } from 'k6';

export const options = {
  scenarios: {
    peak: { executor: 'constant-arrival-rate', rate: 300, timeUnit: '1s', duration: '10m', preAllocatedVUs: 200 },
  },
  thresholds: { http_req_failed: ['rate<0.01'], http_req_duration: ['p(95)<400'] },
};

export default function () {
  const response = http.post(`${__ENV.BASE_URL}/v2/authorisations`, JSON.stringify({ amount: 1999, currency: 'EUR', cardToken: 'tok_test' }), {
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `${__VU}-${__ITER}` },
  });
  check(response, { authorised: r => r.status === 201 });
}
