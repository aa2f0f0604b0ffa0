import http from 'k6/http';
import { check } from 'k6';

export const options = {
  stages: [
    { duration: '2m', target: 150 },
    { duration: '10m', target: 150 },
    { duration: '2m', target: 0 },
  ],
  thresholds: { http_req_duration: ['p(95)<300'] },
};

export default function () {
  const response = http.get(`${__ENV.BASE_URL}/v1/search?q=shoes&facets=brand,size`);
  check(response, { ok: r => r.status === 200 });
}
