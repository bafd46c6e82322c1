// Reads every record of a WARC file with Webrecorder's warcio and recomputes each record's
// block digest and each response's payload digest (sha256) from the bytes warcio parsed.
// Prints one JSON object: { records: [{ type, uri, status, mime, block, payload }], errors: [] }.
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { WARCParser } from 'warcio';

const file = process.argv[2];
const sha256 = (bytes) => 'sha256:' + createHash('sha256').update(bytes).digest('hex');

async function blocks() {
  // Without HTTP parsing the content block is exactly what the block digest covers.
  const result = [];
  for await (const record of new WARCParser(createReadStream(file), { parseHttp: false })) {
    result.push(await record.readFully());
  }
  return result;
}

const raw = await blocks();
const records = [];
const errors = [];
let i = 0;
for await (const record of new WARCParser(createReadStream(file))) {
  const type = record.warcType;
  const uri = record.warcTargetURI ?? null;
  // With HTTP parsing, readFully(false) is the payload as stored (not content-decoded).
  const payload = await record.readFully(false);
  const block = raw[i++];
  const entry = { type, uri, status: record.httpHeaders?.statusCode ?? null, mime: record.warcContentType, block: null, payload: null };
  if (type !== 'warcinfo') {
    entry.block = sha256(block) === record.warcBlockDigest;
    if (!entry.block) errors.push(`${type} ${uri}: block digest ${record.warcBlockDigest} does not match ${sha256(block)}`);
  }
  if (type === 'response' || type === 'resource') {
    entry.payload = sha256(payload) === record.warcPayloadDigest;
    if (!entry.payload) errors.push(`${type} ${uri}: payload digest ${record.warcPayloadDigest} does not match ${sha256(payload)}`);
  }
  records.push(entry);
}
if (records.length !== raw.length) errors.push(`parsed ${records.length} records with HTTP parsing but ${raw.length} without`);
console.log(JSON.stringify({ records, errors }));
