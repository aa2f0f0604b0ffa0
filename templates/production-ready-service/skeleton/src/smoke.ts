// Smoke test run by the Argo CD PostSync hook in deploy/smoke-job.yaml.
const base = process.env.BASE_URL ?? 'http://localhost:8080';

async function main() {
  for (const path of ['/readyz', '/v1/greeting?name=smoke']) {
    const response = await fetch(`${base}${path}`);
    if (response.status !== 200) {
      throw new Error(`${path} answered ${response.status}`);
    }
  }
  console.log(`smoke test passed against ${base}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
