/**
 * `D T` (MVS System Commands, DISPLAY T): IEE136I with the local and UTC time. A harmless
 * display: an IEE136I answer shows the console reaches the system and answers it.
 */
import { splitLines } from "./frame";

export function answersDisplayTime(text: string): boolean {
  return splitLines(text).some((l) => /(^|\s)IEE136I\s+LOCAL:/.test(l));
}
