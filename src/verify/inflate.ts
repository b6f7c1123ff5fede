// ZLIB (RFC 1950) inflation with the platform's DecompressionStream, in browsers and Node alike.
// The output cap stops a decompression bomb: a few kilobytes of zeros can claim gigabytes.
export async function inflateZlib(data: Uint8Array, maxBytes: number): Promise<Uint8Array | undefined> {
  try {
    const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(data.slice());
        controller.close();
      },
    });
    const reader = input.pipeThrough(new DecompressionStream('deflate')).getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  } catch {
    return undefined;
  }
}
