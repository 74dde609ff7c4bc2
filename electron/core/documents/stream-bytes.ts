import { PassThrough, type Writable } from 'node:stream';

/**
 * The bytes a streaming writer (exceljs' WorkbookWriter) produces, for transports that send a
 * buffer (IPC, a CLI file): `write` gets a stream and resolves once it has written everything.
 */
export async function bytesWrittenBy(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await write(sink);
  await done;
  return Buffer.concat(chunks);
}
