/**
 * An IPL (facts §10.4): the system reads IEASYSxx, mounts what BPXPRMxx says, starts its
 * stack from the profile and autostarts z/OSMF from IZU=; nothing dynamic comes back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { act, holder, izuprm, jobs, plex, readMember, say, state, writeMember, zosmfReady, type Plex } from "./helpers";

let p: Plex | undefined;
afterEach(async () => {
  await p?.em.stop();
  p = undefined;
});

/** 80-column records with sequence numbers in 73–80, as an ISPF-edited PARMLIB member has them. */
const records = (lines: string[]) => lines.map((l, i) => `${l.padEnd(72)}${String(i + 1).padStart(8, "0")}`).join("\n");

const BPXPRMSA = `/* SYSA's own file systems */
MOUNT FILESYSTEM('NO.SUCH.ZFS') MOUNTPOINT('/u')
      TYPE(ZFS) MODE(RDWR)
MOUNT FILESYSTEM('IZU.SHARED.ZFS') MOUNTPOINT('/global/zosmf')
      TYPE(ZFS) MODE(RDWR) NOAUTOMOVE SYSNAME(SYSA)`;

/** SYSA ready for z/OSMF; its IEASYSSA is `ieasys`. */
async function sysaWith(ieasys: string[], autostart = "AUTOSTART(LOCAL)") {
  p = await plex();
  await zosmfReady(p.c);
  await writeMember(p.c, "SYS1.PARMLIB(BPXPRMSA)", BPXPRMSA);
  await izuprm(p.c, "SA", { AUTOSTART: autostart });
  await writeMember(p.c, "SYS1.PARMLIB(IEASYSSA)", records(ieasys));
  return p;
}

describe("POST /__emulator/system/<n>/ipl: z/OSMF autostart from IEASYSxx IZU=", () => {
  it("starts the angel and the server when a continued IEASYSxx record names IZUPRMxx with AUTOSTART(LOCAL)", async () => {
    const { c } = await sysaWith([
      "/* IEASYSSA */",
      "OMVS=(00,SA),      SHARED AND OWN BPXPRM",
      "IZU=SA,            Z/OSMF AUTOSTART",
      "SYSNAME=SYSA",
    ]);
    expect(jobs(await state(c), "SYSA")).toEqual([]);
    const { status, log } = await act(c, "SYSA", "ipl");
    expect(status).toBe(200);
    expect(log).toContain("BPXF013I FILE SYSTEM IZU.SHARED.ZFS WAS SUCCESSFULLY MOUNTED.");
    expect(log.some((l) => l.startsWith("CWWKB0069I"))).toBe(true);
    expect(log[log.length - 1]).toMatch(/^CWWKF0011I/);
    expect(jobs(await state(c), "SYSA")).toEqual(["IZUANG1", "IZUSVR1"]);
    expect((await say(c, "SYSA", "D A,IZUSVR1")).join("\n")).not.toContain("NOT FOUND");
  });

  it("reads no IZU= written in a comment or after the record that ends the list: nothing autostarts", async () => {
    const { c } = await sysaWith([
      "/* IZU=SA would autostart z/OSMF */",
      "OMVS=(00,SA),      IZU=SA IN A COMMENT",
      "SYSNAME=SYSA       THE LIST ENDS HERE",
      "IZU=SA",
    ]);
    const { log } = await act(c, "SYSA", "ipl");
    expect(log).toContain("BPXF013I FILE SYSTEM IZU.SHARED.ZFS WAS SUCCESSFULLY MOUNTED.");
    expect(jobs(await state(c), "SYSA")).toEqual([]);
    expect(log.some((l) => /^(IZUG|CWWK|\$HASP373)/.test(l))).toBe(false);
  });

  it("starts nothing with AUTOSTART(CONNECT)", async () => {
    const { c } = await sysaWith(["OMVS=(00,SA),", "IZU=SA,", "SYSNAME=SYSA"], "AUTOSTART(CONNECT)");
    const { log } = await act(c, "SYSA", "ipl");
    expect(jobs(await state(c), "SYSA")).toEqual([]);
    expect(log.some((l) => l.startsWith("$HASP373"))).toBe(false);
  });

  it("starts no second server for an AUTOSTART_GROUP another system already serves", async () => {
    const { c } = await sysaWith(["OMVS=(00,SA),", "IZU=SA,", "SYSNAME=SYSA"]);
    // The file system is mounted (by SYSB) and SYSB runs the group's server.
    const mount = await c.put("/zosmf/restfiles/mfs/IZU.SHARED.ZFS", {
      action: "mount",
      "mount-point": "/global/zosmf",
      "fs-type": "ZFS",
      mode: "rdwr",
    });
    expect(mount.status).toBe(204);
    expect((await say(c, "SYSB", "S IZUSVR1")).pop()).toMatch(/^CWWKF0011I/);
    const { log } = await act(c, "SYSA", "ipl");
    expect(log.some((l) => l.includes("AUTOSTART GROUP IZUDFLT IS ALREADY SERVED BY IZUSVR1 ON SYSB"))).toBe(true);
    expect(jobs(await state(c), "SYSA")).toEqual([]);
    expect(jobs(await state(c), "SYSB")).toEqual(["IZUANG1", "IZUSVR1"]);
  });
});

describe("POST /__emulator/system/<n>/ipl: BPXPRMxx mounts", () => {
  it("mounts what BPXPRMxx says, reports a missing file system and goes on; a dynamic mount does not survive", async () => {
    p = await plex(["SYSA"]);
    const { c } = p;
    expect((await c.post("/zosmf/restfiles/mfs/zfs/IZU.SHARED.ZFS", {})).status).toBe(201);
    expect((await c.post("/zosmf/restfiles/mfs/zfs/USER.DYN.ZFS", {})).status).toBe(201);
    const dynamic = await c.put("/zosmf/restfiles/mfs/USER.DYN.ZFS", {
      action: "mount",
      "mount-point": "/u",
      "fs-type": "ZFS",
      mode: "rdwr",
    });
    expect(dynamic.status).toBe(204);
    await writeMember(c, "SYS1.PARMLIB(BPXPRMSA)", BPXPRMSA);

    const { log } = await act(c, "SYSA", "ipl");
    expect(log.find((l) => l.includes("NO.SUCH.ZFS"))).toMatch(/^BPXF002I FILE SYSTEM NO.SUCH.ZFS WAS NOT MOUNTED/);
    const mounted = (await c.get("/zosmf/restfiles/mfs/"))
      .json()
      .items.map((m: { name: string; mountpoint: string }) => `${m.name} ${m.mountpoint}`);
    expect(mounted).toEqual(["OMVS.SYSPLEX.ROOT /", "OMVS.GLOBAL.ZFS /global", "IZU.SHARED.ZFS /global/zosmf"]);
    expect((await state(c)).mounts.find((m) => m.fsname === "IZU.SHARED.ZFS")?.automove).toBe("no");
  });

  it("keeps the other systems' mounts in place when one system of a running sysplex IPLs", async () => {
    p = await plex();
    const { c } = p;
    const { log } = await act(c, "SYSB", "ipl");
    expect(log).toContain("BPXF237I FILE SYSTEM OMVS.GLOBAL.ZFS WAS ALREADY MOUNTED ON PATHNAME /global.");
    expect((await state(c)).mounts.map((m) => `${m.fsname} ${m.sysname}`)).toEqual(["OMVS.SYSPLEX.ROOT SYSA", "OMVS.GLOBAL.ZFS SYSA"]);
  });
});

describe("POST /__emulator/system/<n>/ipl with durationMs", () => {
  const XCF_A = "198.51.100.1";
  const XCF_B = "198.51.100.2";
  const DVIPA = "192.0.2.60";

  it("serves the DVIPA from the backup stack while the system is down and moves it back after, dropping OBEYFILE changes", async () => {
    p = await plex();
    const { c } = p;
    await writeMember(
      c,
      "SYS1.TCPPARMS(HADVIPA)",
      `IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF_A} 255.255.255.0 1\nVIPADYNAMIC\n VIPADEFINE 255.255.255.0 ${DVIPA}\nENDVIPADYNAMIC\n`,
    );
    await writeMember(c, "SYS1.TCPPARMS(PROFSA)", `${await readMember(c, "SYS1.TCPPARMS(PROFSA)")}\nINCLUDE SYS1.TCPPARMS(HADVIPA)\n`);
    await writeMember(
      c,
      "TCPIP.HA.OBEY(BKB)",
      `IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF_B} 255.255.255.0 1\nVIPADYNAMIC\n VIPABACKUP 100 ${DVIPA}\nENDVIPADYNAMIC\n`,
    );
    await writeMember(c, "TCPIP.HA.OBEY(PA)", "PORT 9443 TCP ZCHA* SHAREPORT\n");
    await say(c, "SYSB", "V TCPIP,TCPIP,OBEYFILE,DSN=TCPIP.HA.OBEY(BKB)");
    await say(c, "SYSA", "V TCPIP,TCPIP,OBEYFILE,DSN=TCPIP.HA.OBEY(PA)");
    await act(c, "SYSA", "tcpip-restart");
    expect(await holder(c, DVIPA)).toBe("SYSA");

    const ipl = await act(c, "SYSA", "ipl", { durationMs: 60_000 });
    expect(ipl.doc.up).toBe(false);
    expect(await holder(c, DVIPA)).toBe("SYSB");
    expect((await say(c, "SYSB", "D TCPIP,TCPIP,N,VIPADYN")).join("\n")).toMatch(/ORIGIN: VIPABACKUP/);
    expect((await say(c, "SYSA", "D TCPIP,TCPIP,N,HOME"))[0]).toMatch(/^IEE618I/);

    await c.control("POST", "clock", { advanceMs: 59_999 });
    expect(await holder(c, DVIPA)).toBe("SYSB");
    await c.control("POST", "clock", { advanceMs: 1 });
    const s = await state(c);
    expect(s.systems.SYSA.up).toBe(true);
    expect(await holder(c, DVIPA)).toBe("SYSA");
    expect(s.systems.SYSA.tcpip.ports.some((r) => r.jobName === "ZCHA*")).toBe(false);
    expect(s.systems.SYSA.ipl?.log.some((l) => l.startsWith("EZAIN11I"))).toBe(true);
  });

  it("ends a pending IPL at once on /up, reading the members, and /down keeps the system down past its return time", async () => {
    p = await plex();
    const { c } = p;
    await act(c, "SYSA", "ipl", { durationMs: 60_000 });
    expect((await c.control("POST", "system/SYSA/up")).status).toBe(200);
    let s = await state(c);
    expect(s.systems.SYSA.up).toBe(true);
    expect(s.systems.SYSA.tcpip.homeAddresses).toEqual([{ address: "192.0.2.101", link: "OSDL1" }]);

    await act(c, "SYSB", "ipl", { durationMs: 1_000 });
    await c.control("POST", "system/SYSB/down");
    await c.control("POST", "clock", { advanceMs: 5_000 });
    s = await state(c);
    expect(s.systems.SYSB.up).toBe(false);
  });

  it("refuses a durationMs that is not a number of milliseconds, and a system that does not exist", async () => {
    p = await plex();
    expect((await act(p.c, "SYSA", "ipl", { durationMs: -1 })).status).toBe(400);
    expect((await act(p.c, "SYSA", "ipl", { durationMs: "soon" })).status).toBe(400);
    expect((await act(p.c, "SYSZ", "ipl")).status).toBe(404);
    expect((await state(p.c)).systems.SYSA.up).toBe(true);
  });
});
