/**
 * §2.4 list items. Data set attributes are all strings; member statistics are numbers
 * (both as recorded from a real z/OSMF).
 */
import type { Dataset, Member } from "../state";

const CATALOG = "CATALOG.SYSPLEX.MASTER";

const ymd = (iso: string) => iso.slice(0, 10).replace(/-/g, "/");

/** Rough track count so `used`/`sizex` move with the content. */
function tracks(ds: Dataset): number {
  if (ds.dsorg === "PO") {
    const bytes = Object.values(ds.members).reduce((n, m) => n + m.content.length, 0);
    return Math.max(1, Math.ceil(bytes / 56_664));
  }
  if (ds.dsorg === "PS") return Math.max(1, Math.ceil(ds.content.length / 56_664));
  return 15;
}

export function datasetItems(ds: Dataset, attributes: string): Record<string, string>[] {
  const base = attributes.includes("base");
  const withVol = base || attributes.includes("vol");
  if (ds.dsorg === "VS") {
    const components = [ds.name, `${ds.name}.DATA`, ...(ds.type === "INDEXED" ? [`${ds.name}.INDEX`] : [])];
    return components.map((name, i): Record<string, string> => {
      if (!withVol) return { dsname: name };
      const vol = i === 0 ? "*VSAM*" : ds.volser;
      if (!base) return { dsname: name, vol };
      return { dsname: name, catnm: CATALOG, dev: "3390", dsorg: "VS", migr: "NO", mvol: "N", vol, vols: vol };
    });
  }
  if (!withVol) return [{ dsname: ds.name }];
  if (!base) return [{ dsname: ds.name, vol: ds.volser }];
  const used = tracks(ds);
  const pdse = ds.dsorg === "PO" && ds.dsntype === "LIBRARY";
  const item: Record<string, string> = {
    dsname: ds.name,
    blksz: String(ds.blksize),
    catnm: CATALOG,
    cdate: ymd(ds.created),
    dev: "3390",
    dsorg: pdse ? "PO-E" : ds.dsorg,
    edate: "***None***",
    extx: "1",
    lrecl: String(ds.lrecl),
    migr: "NO",
    mvol: "N",
    ovf: "NO",
    rdate: ymd(ds.created),
    recfm: ds.recfm,
    sizex: String(Math.max(15, used)),
    spacu: "TRACKS",
    used: pdse ? String(used) : String(Math.min(100, Math.round((used / Math.max(15, used)) * 100))),
    vol: ds.volser,
    vols: ds.volser,
  };
  if (ds.dsorg === "PO") item.dsntp = pdse ? "LIBRARY" : "PDS";
  return [item];
}

export function memberItem(name: string, member: Member, base: boolean): Record<string, string | number> {
  if (!base) return { member: name };
  const lines = member.content === "" ? 0 : member.content.split("\n").length;
  return {
    member: name,
    vers: 1,
    mod: 0,
    c4date: ymd(member.changed),
    m4date: ymd(member.changed),
    cnorc: lines,
    inorc: lines,
    mnorc: 0,
    mtime: member.changed.slice(11, 16),
    msec: member.changed.slice(17, 19),
    user: member.user,
    sclm: "N",
  };
}
