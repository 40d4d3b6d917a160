import { describe, expect, it } from "vitest";
import { addMount } from "../../../src/ipl/bpxprm-edit";
import { parseBpxprm } from "../../../src/ipl/bpxprm-parse";
import { IplMemberRefusal } from "../../../src/ipl/records";

/** A system's own BPXPRMxx: comments over several records, a MOUNT over three, sequence numbers. */
const MEMBER = [
  "/*********************************************************************/ 00001000",
  "/* BPXPRMSA - FILE SYSTEMS OWNED BY SYSA                             */ 00002000",
  "/*   SYSTEM-SPECIFIC MOUNTS ONLY; SHARED ONES ARE IN BPXPRM00.          00003000",
  "     MOUNT TYPE(ZFS) IN A COMMENT IS NOT A MOUNT                     */ 00004000",
  "MOUNT FILESYSTEM('OMVS.SYSA.ETC')                                       00005000",
  "      MOUNTPOINT('/SYSA/etc')     /* SYSTEM /ETC */                     00006000",
  "      TYPE(ZFS) MODE(RDWR) UNMOUNT                                      00007000",
  "MOUNT FILESYSTEM('OMVS.SYSA.VAR') MOUNTPOINT('/SYSA/var') TYPE(ZFS)     00008000",
  "      MODE(RDWR) NOAUTOMOVE                                             00009000",
  "",
].join("\n");

const WANT = { fileSystem: "ZOSMF.SYSA.USERDIR", mountPoint: "/global/zosmf/sysa", sysname: "SYSA" };

describe("BPXPRMxx MOUNT statements as the system reads them", () => {
  it("reads each MOUNT with its operands and skips what is in comments", () => {
    const m = parseBpxprm(MEMBER);
    expect(m.problems).toEqual([]);
    expect(m.mounts.map((x) => [x.fileSystem, x.mountPoint, x.type, x.mode, x.move, x.line + 1, x.lastLine + 1])).toEqual([
      ["OMVS.SYSA.ETC", "/SYSA/etc", "ZFS", "RDWR", "UNMOUNT", 5, 7],
      ["OMVS.SYSA.VAR", "/SYSA/var", "ZFS", "RDWR", "NOAUTOMOVE", 8, 9],
    ]);
  });
});

describe("adding the USER_DIR MOUNT", () => {
  it("appends one MOUNT within columns 1-71 and keeps every existing record byte for byte", () => {
    const edit = addMount(MEMBER, WANT);
    expect(edit.changed).toBe(true);
    expect(edit.text.startsWith(MEMBER.slice(0, -1))).toBe(true);
    const added = edit.text
      .slice(MEMBER.length - 1)
      .split("\n")
      .filter((l) => l !== "");
    expect(added).toEqual([
      "/* z/OSMF USER_DIR of SYSA, mounted at its IPL */",
      "MOUNT FILESYSTEM('ZOSMF.SYSA.USERDIR')",
      "      MOUNTPOINT('/global/zosmf/sysa')",
      "      TYPE(ZFS) MODE(RDWR) PARM('AGGRGROW') UNMOUNT SYSNAME(SYSA)",
    ]);
    for (const l of added) expect(l.length).toBeLessThanOrEqual(71);
    const mounts = parseBpxprm(edit.text).mounts;
    expect(mounts.at(-1)).toMatchObject({
      fileSystem: "ZOSMF.SYSA.USERDIR",
      mountPoint: "/global/zosmf/sysa",
      sysname: "SYSA",
      move: "UNMOUNT",
    });
  });

  it("changes nothing the second time, nor for an equivalent MOUNT written another way", () => {
    const once = addMount(MEMBER, WANT).text;
    expect(addMount(once, WANT)).toEqual({ text: once, changed: false });
    const own = `${MEMBER}mount filesystem(zosmf.sysa.userdir) type(zfs)\n  mountpoint('/global/zosmf/&SYSNAME.') unmount\n`;
    expect(addMount(own, { ...WANT, mountPoint: "/global/zosmf/SYSA" })).toEqual({ text: own, changed: false });
  });

  it("refuses a MOUNT of the file system that another system owns, or that moves away when its owner leaves", () => {
    const other = `${MEMBER}MOUNT FILESYSTEM('ZOSMF.SYSA.USERDIR') MOUNTPOINT('/global/zosmf/sysa')\n  TYPE(ZFS) SYSNAME(SYSB) UNMOUNT\n`;
    expect(() => addMount(other, WANT)).toThrow(/mounted at \/global\/zosmf\/sysa by SYSNAME\(SYSB\), not by SYSA/);
    for (const move of ["AUTOMOVE", ""]) {
      const moving = `${MEMBER}MOUNT FILESYSTEM('ZOSMF.SYSA.USERDIR') MOUNTPOINT('/global/zosmf/sysa')\n  TYPE(ZFS) ${move}\n`;
      expect(() => addMount(moving, WANT)).toThrow(/another system takes it over when SYSA leaves/);
    }
  });

  it("refuses a MOUNT of another file system at the mount point, naming both", () => {
    const other = `${MEMBER}MOUNT FILESYSTEM('OLD.ZOSMF.DATA') MOUNTPOINT('/global/zosmf/sysa') TYPE(ZFS)\n`;
    try {
      addMount(other, WANT);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(IplMemberRefusal);
      expect((err as Error).message).toBe("OLD.ZOSMF.DATA is mounted at /global/zosmf/sysa, not ZOSMF.SYSA.USERDIR");
      expect((err as IplMemberRefusal).lines).toEqual([
        "line 10: MOUNT FILESYSTEM('OLD.ZOSMF.DATA') MOUNTPOINT('/global/zosmf/sysa') TYPE(ZFS)",
      ]);
    }
  });

  it("refuses the file system mounted read-only, and a member with a comment left open", () => {
    const readOnly = `${MEMBER}MOUNT FILESYSTEM('ZOSMF.SYSA.USERDIR') MOUNTPOINT('/global/zosmf/sysa')\n TYPE(ZFS) MODE(READ)\n`;
    expect(() => addMount(readOnly, WANT)).toThrow(/MODE\(READ\), not TYPE\(ZFS\) MODE\(RDWR\)/);
    expect(() => addMount(`${MEMBER}/* NOT CLOSED\n`, WANT)).toThrow(/cannot be read as the system reads it/);
  });

  it("puts a long mount point on a record of its own, and refuses one no record can hold", () => {
    const long = `/global/zosmf/${"d".repeat(50)}`;
    const lines = addMount("", { ...WANT, mountPoint: long }).text.split("\n");
    expect(lines).toContain(`'${long}'`);
    expect(() => addMount("", { ...WANT, mountPoint: `/global/${"d".repeat(70)}` })).toThrow(/cannot be written within columns 1-71/);
  });
});
