// Run by the Argo CD PostSync hook in deploy/base/smoke-job.yaml.
const base = process.env.BASE_URL ?? 'http://payments-ledger.ledger';

async function main() {
  for (const path of ['/health/ready', '/v2/authorisations/smoke-test']) {
    const response = await fetch(`${base}${path}`);
    if (response.status >= 500) throw new Error(`${path} answered ${response.status}`);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
