// Peak load: k6 run -e BASE_URL=https://${{ values.name }}.staging.example.com load-tests/greeting.k6.js
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  scenarios: {
    peak: {
      executor: 'constant-arrival-rate',
      rate: 200,
      timeUnit: '1s',
      duration: '10m',
      preAllocatedVUs: 100,
    },
  },
  thresholds: { http_req_failed: ['rate<0.001'], http_req_duration: ['p(95)<300'] },
};

export default function () {
  const response = http.get(`${__ENV.BASE_URL}/v1/greeting?name=k6`);
  check(response, { ok: r => r.status === 200 });
}
