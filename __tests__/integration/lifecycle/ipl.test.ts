/**
 * The high availability provision sets up survives an IPL and a TCP/IP stack restart with
 * nothing run between the event and the check: only what z/OS reads at IPL or stack start
 * brings it back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { provision } from "../../../src/run/provision";
import { advanceClock, check, FAST, ipl, plexFor, type Plex, unhealthy, verifyNow } from "./ipl-helpers";

const TWO = ["SYSA", "SYSB"];
const HOUR = 3_600_000;

let plex: Plex | undefined;
afterEach(async () => {
  await plex?.emu.stop();
  plex = undefined;
});

async function provisioned(example = "two-system.yaml", systems = TWO): Promise<Plex> {
  plex = await plexFor(example, systems);
  const run = await provision({ topologyFile: plex.topologyFile, connection: plex.connection, startServers: true, ...FAST });
  expect(run.status, JSON.stringify(run.outcomes.filter((o) => o.state === "failed"))).toBe("succeeded");
  expect(unhealthy(await verifyNow(plex))).toEqual([]);
  return plex;
}

describe("hot standby across an IPL", () => {
  it("serves from SYSB while SYSA is down for its IPL and from SYSA again once it is back", async () => {
    const p = await provisioned();
    await ipl(p, "SYSA", HOUR);
    const down = await verifyNow(p);
    console.log(unhealthy(down));
    expect(down.verdict).toBe("degraded");
    await advanceClock(p, HOUR + 1);
    const back = await verifyNow(p);
    console.log(unhealthy(back), check(back, "zosmf.reachable.dvipa"));
    expect(unhealthy(back)).toEqual([]);
  });
});
