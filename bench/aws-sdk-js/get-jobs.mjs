// AWS's JavaScript SDK (@aws-sdk/client-bedrock) fetching every job of an identifier file with
// GetModelInvocationJobCommand, `inflight` requests at a time, from the gateway at `endpoint`
// (the base URL batchwatch-cli is given: the SDK appends /model-invocation-job/{id} to its path).
// Dummy credentials: the requests are signed as for AWS, nothing checks the signature.
//
//   node get-jobs.mjs <endpoint> <ids.txt> [inflight=4]
//
// Prints "<fetched> <failed>" on stderr; exits non-zero when a job could not be fetched.
import { readFileSync } from "node:fs";
import { BedrockClient, GetModelInvocationJobCommand } from "@aws-sdk/client-bedrock";

const [endpoint, idsFile, inflightArg] = process.argv.slice(2);
if (!endpoint || !idsFile) {
  console.error("usage: node get-jobs.mjs <endpoint> <ids.txt> [inflight]");
  process.exit(2);
}
const inflight = Math.max(1, Number(inflightArg ?? 4));
const ids = readFileSync(idsFile, "utf8").split("\n").filter((line) => line.trim() !== "");

const client = new BedrockClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDBENCHMARK", secretAccessKey: "benchmark-secret" },
  maxAttempts: 1,
});

let next = 0;
let fetched = 0;
let failed = 0;
async function worker() {
  while (next < ids.length) {
    const jobIdentifier = ids[next++];
    try {
      const job = await client.send(new GetModelInvocationJobCommand({ jobIdentifier }));
      if (job.status) fetched++;
      else failed++;
    } catch (error) {
      failed++;
      if (failed === 1) console.error(`first failure: ${error.name}: ${error.message}`);
    }
  }
}
await Promise.all(Array.from({ length: inflight }, worker));
client.destroy();
console.error(`${fetched} ${failed}`);
process.exit(failed === 0 ? 0 : 1);
