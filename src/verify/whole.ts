/**
 * When a display's answer may be taken as whole. A display whose answer shows its own end or
 * names everything the checks look for (`proof`) is whole at once: no follow-up, no pause.
 * Anything else is whole only once a follow-up read after the console's pause (the `delayMs`
 * verify gives `console.issue`, read-system.ts and routed-reads.ts) brought nothing more: an
 * answer that cannot be proven whole still waits for messages on their way.
 */
export function provenOrSettled(proof: (text: string) => boolean): (text: string) => boolean {
  let last: string | undefined;
  let unchanged = 0;
  return (text) => {
    if (proof(text)) return true;
    unchanged = text === last && text.trim() !== "" ? unchanged + 1 : 0;
    last = text;
    // console.ts reads on at once after a read that brought text and pauses after one that
    // brought nothing: the first unchanged read may come at once; only the one after the pause counts.
    return unchanged >= 2;
  };
}
