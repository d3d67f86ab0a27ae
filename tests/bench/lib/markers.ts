// Each edit carries its sequence number as text ("~" and 8 hex digits) inside the Yjs update.
// Receivers find it in the raw frame without decoding the update, and look up the time the
// writer sent it: writer and receivers live in one process, so one clock, no skew.

const TILDE = 0x7e;
export const MARKER_LENGTH = 9;

export function formatMarker(seq: number): string {
  return `~${seq.toString(16).padStart(8, '0')}`;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  return -1;
}

/** Calls `found` with every marker's sequence number in `bytes`, in order. */
export function scanMarkers(bytes: Uint8Array, found: (seq: number) => void) {
  let at = bytes.indexOf(TILDE);
  while (at !== -1 && at + MARKER_LENGTH <= bytes.length) {
    let seq = 0;
    let valid = true;
    for (let i = 1; i < MARKER_LENGTH; i++) {
      const digit = hexValue(bytes[at + i]!);
      if (digit < 0) {
        valid = false;
        break;
      }
      seq = seq * 16 + digit;
    }
    if (valid) {
      found(seq);
      at = bytes.indexOf(TILDE, at + MARKER_LENGTH);
    } else {
      at = bytes.indexOf(TILDE, at + 1);
    }
  }
}

/** Every marker's sequence number in a text. */
export function markersIn(text: string): number[] {
  const seqs: number[] = [];
  scanMarkers(new TextEncoder().encode(text), (seq) => seqs.push(seq));
  return seqs;
}
