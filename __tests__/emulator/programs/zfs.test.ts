import { describe, expect, it } from "vitest";
import { setSystemUp } from "../../../emulator/operator/system-state";
import { cc, instream, newState, run, sysout } from "./helpers";

const defineLinear = (state: ReturnType<typeof newState>, name: string) =>
  run(state, "IDCAMS", [
    sysout("SYSPRINT"),
    instream("SYSIN", `  DEFINE CLUSTER (NAME(${name}) -\n     LINEAR CYL(200 20) VOLUMES(ZOSVOL) SHAREOPTIONS(3))`),
  ]);

describe("IZUMKFS-like sequence", () => {
  it("a zFS mount PARM that is not a zFS mount option fails the mount; AGGRGROW and RWSHARE are kept", () => {
    const state = newState();
    defineLinear(state, "IZU.GROW");
    run(state, "IOEAGFMT", [sysout("SYSPRINT")], { parm: "('-aggregate IZU.GROW -compat')" });
    run(state, "IKJEFT01", [sysout("SYSTSPRT"), instream("SYSTSIN", "MKDIR '/global/grow' MODE(7,5,5)")]);
    const mount = (parm: string) =>
      run(state, "IKJEFT01", [
        sysout("SYSTSPRT"),
        instream("SYSTSIN", `MOUNT FILESYSTEM('IZU.GROW') TYPE(ZFS) MODE(RDWR) -\n  MOUNTPOINT('/global/grow') PARM('${parm}')`),
      ]);
    expect(cc(mount("GROWPLEASE"))).toBeGreaterThan(4);
    expect(state.mounts).toEqual([]);
    expect(cc(mount("AGGRGROW,RWSHARE"))).toBe(0);
    expect(state.mounts.map((m) => m.parm)).toEqual(["AGGRGROW,RWSHARE"]);
  });

  it("defines, formats, makes the mount point and mounts on the job's system", () => {
    const state = newState();
    const def = defineLinear(state, "IZU.SIZUUSRD.ZOSMFB");
    expect(cc(def)).toBe(0);
    expect(def.outputs.SYSPRINT).toContain("IDC0002I IDCAMS PROCESSING COMPLETE. MAXIMUM CONDITION CODE WAS 0");

    const fmt = run(state, "IOEAGFMT", [sysout("SYSPRINT")], { parm: "('-aggregate izu.sizuusrd.zosmfb -compat')", system: "SYSB" });
    expect(cc(fmt)).toBe(0);
    expect(fmt.outputs.SYSPRINT).toContain("IOEZ00077I HFS-compatibility aggregate izu.sizuusrd.zosmfb has been successfully created");

    const tso = run(
      state,
      "IKJEFT01",
      [
        sysout("SYSTSPRT"),
        instream(
          "SYSTSIN",
          `
  MKDIR '/global/zosmf' MODE(7,5,5)
  MKDIR '/global/zosmf/zosmfb' MODE(7,5,5)
  MOUNT FILESYSTEM('IZU.SIZUUSRD.ZOSMFB') TYPE(ZFS) MODE(RDWR) -
        MOUNTPOINT('/global/zosmf/zosmfb') PARM('AGGRGROW')
`,
        ),
      ],
      { system: "SYSB" },
    );
    expect(tso.outputs.SYSTSPRT).toContain("BPXF013I FILE SYSTEM IZU.SIZUUSRD.ZOSMFB WAS SUCCESSFULLY MOUNTED.");
    expect(cc(tso)).toBe(0);
    expect(state.mounts).toEqual([
      { fsname: "IZU.SIZUUSRD.ZOSMFB", mountpoint: "/global/zosmf/zosmfb", fstype: "ZFS", mode: "rdwr", sysname: "SYSB", parm: "AGGRGROW" },
    ]);
    expect(state.uss.dirAttributes?.["/global/zosmf"]?.mode).toBe("755");

    // Same mount again: a warning. Mounted data sets cannot be deleted.
    const again = run(state, "IKJEFT01", [
      sysout("SYSTSPRT"),
      instream("SYSTSIN", "MOUNT FILESYSTEM('IZU.SIZUUSRD.ZOSMFB') TYPE(ZFS) MODE(RDWR) MOUNTPOINT('/global/zosmf/zosmfb')"),
    ]);
    expect(cc(again)).toBe(4);
    const del = run(state, "IDCAMS", [sysout("SYSPRINT"), instream("SYSIN", "DELETE IZU.SIZUUSRD.ZOSMFB CLUSTER")]);
    expect(cc(del)).toBe(8);
  });

  it("formatting a missing cluster fails with CC 8; mounting an unformatted one too", () => {
    const state = newState();
    const fmt = run(state, "IOEFSUTL", [sysout("SYSPRINT")], { parm: "format -aggregate NO.SUCH.ZFS" });
    expect(cc(fmt)).toBe(8);
    expect(fmt.outputs.SYSPRINT).toContain("NO.SUCH.ZFS");
    defineLinear(state, "IZU.RAW");
    const m = run(state, "IKJEFT01", [
      sysout("SYSTSPRT"),
      instream("SYSTSIN", "MOUNT FILESYSTEM('IZU.RAW') TYPE(ZFS) MODE(RDWR) MOUNTPOINT('/tmp')"),
    ]);
    expect(cc(m)).toBe(8);
    expect(m.outputs.SYSTSPRT).toContain("BPXF135E");
    expect(state.mounts).toEqual([]);
  });

  it("a file system mounted by another system is busy (CC 8); a missing mount point is an error", () => {
    const state = newState();
    defineLinear(state, "IZU.FS1");
    run(state, "IOEFSUTL", [sysout("SYSPRINT")], { parm: "format -aggregate IZU.FS1" });
    const mount = (mp: string, system: string) =>
      run(
        state,
        "IKJEFT01",
        [sysout("SYSTSPRT"), instream("SYSTSIN", `MOUNT FILESYSTEM('IZU.FS1') TYPE(ZFS) MODE(RDWR) MOUNTPOINT('${mp}')`)],
        { system },
      );
    expect(cc(mount("/global/nodir", "SYSA"))).toBe(8);
    expect(cc(mount("/tmp", "SYSA"))).toBe(0);
    const busy = mount("/global", "SYSB");
    expect(cc(busy)).toBe(8);
    expect(busy.outputs.SYSTSPRT).toMatch(/BPXF135E RETURN CODE 00000072.*SYSA/);
    expect(state.mounts).toHaveLength(1);
    const un = run(state, "IKJEFT01", [sysout("SYSTSPRT"), instream("SYSTSIN", "UNMOUNT FILESYSTEM('IZU.FS1') NORMAL")]);
    expect(cc(un)).toBe(0);
    expect(state.mounts).toEqual([]);
  });

  it("TSO MOUNT keeps its AUTOMOVE choice: an UNMOUNT file system leaves with its owner, a default one moves to another system", () => {
    const state = newState();
    for (const fs of ["IZU.OWN", "IZU.MOVES"]) {
      defineLinear(state, fs);
      run(state, "IOEFSUTL", [sysout("SYSPRINT")], { parm: `format -aggregate ${fs}` });
    }
    const tso = run(
      state,
      "IKJEFT01",
      [
        sysout("SYSTSPRT"),
        instream(
          "SYSTSIN",
          `
  MOUNT FILESYSTEM('IZU.OWN') TYPE(ZFS) MODE(RDWR) UNMOUNT MOUNTPOINT('/tmp')
  MOUNT FILESYSTEM('IZU.MOVES') TYPE(ZFS) MODE(RDWR) MOUNTPOINT('/global')
`,
        ),
      ],
      { system: "SYSA" },
    );
    expect(cc(tso)).toBe(0);
    setSystemUp(state, "SYSA", false, 0);
    expect(state.mounts.map((m) => `${m.fsname} ${m.sysname}`)).toEqual(["IZU.MOVES SYSB"]);
  });

  it("BPXBATCH reads STDPARM records as arguments of one command line, joined by blanks", () => {
    const state = newState();
    const dir = "/global/zosmf/data/sysplex1/systema/zosmf-user-directry";
    const r = run(state, "BPXBATCH", [sysout("STDOUT"), sysout("STDERR"), instream("STDPARM", `SH mkdir -p -m 755\n${dir}`)]);
    expect(r.outputs.STDERR).toBe("");
    expect(cc(r)).toBe(0);
    expect(state.uss.dirs).toContain(dir);
  });

  it("BPXBATCH mkdir -p, mount, chown and chmod from STDPARM; other commands fail clearly", () => {
    const state = newState();
    state.datasets["IZU.FS2"] = {
      name: "IZU.FS2",
      volser: "V1",
      created: "2025-01-01",
      dsorg: "VS",
      type: "LINEAR",
      zfs: true,
      formatted: false,
    };
    const r = run(state, "BPXBATCH", [
      sysout("STDOUT"),
      sysout("STDERR"),
      instream(
        "STDPARM",
        `SH mkdir -p -m 755 /global/zosmf/zosmfa;
/usr/sbin/mount -t zfs -f IZU.FS2 /global/zosmf/zosmfa &&
chown -R IZUSVR:IZUADMIN /global/zosmf/zosmfa; chmod 770 /global/zosmf/zosmfa`,
      ),
    ]);
    expect(r.outputs.STDERR).toBe("");
    expect(cc(r)).toBe(0);
    expect(state.mounts[0]).toMatchObject({ fsname: "IZU.FS2", mountpoint: "/global/zosmf/zosmfa", sysname: "SYSA" });
    expect(state.datasets["IZU.FS2"]).toMatchObject({ formatted: true });
    expect(state.uss.dirAttributes?.["/global/zosmf/zosmfa"]).toMatchObject({ owner: "IZUSVR", group: "IZUADMIN", mode: "770" });

    const bad = run(state, "BPXBATCH", [sysout("STDERR")], { parm: "'SH mkdir -p /u/x; cp /a /b'" });
    expect(cc(bad)).not.toBe(0);
    expect(bad.outputs.STDERR).toContain("cp");
  });
});
