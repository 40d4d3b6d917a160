/**
 * The kind of a z/OSMF request ("jobs.status", "ds.write", ...), from its method and path
 * alone. Faults match on it and the request log counts by it.
 */
export function classifyRequest(method: string, pathname: string, contentType: string): string {
  const p = pathname;
  const json = contentType.includes("application/json");
  if (p === "/zosmf/info") return "info";
  if (p === "/zosmf/services/authenticate") return "auth";
  if (p.startsWith("/zosmf/restjobs/jobs")) {
    const parts = p.slice("/zosmf/restjobs/jobs".length).split("/").filter(Boolean);
    if (parts.length === 0 || (parts.length === 1 && parts[0].startsWith("-"))) return method === "PUT" ? "jobs.submit" : "jobs.list";
    if (method === "DELETE") return "jobs.purge";
    if (method === "PUT") return "jobs.modify";
    const filesAt = parts.indexOf("files");
    if (filesAt >= 0) return parts[parts.length - 1] === "records" ? "jobs.records" : "jobs.files";
    return "jobs.status";
  }
  if (p === "/zosmf/restfiles/ams") return "ams";
  if (p.startsWith("/zosmf/restfiles/ds")) {
    if (p === "/zosmf/restfiles/ds" || p === "/zosmf/restfiles/ds/") return "ds.list";
    if (method === "GET") return p.endsWith("/member") ? "ds.members" : "ds.read";
    if (method === "POST") return "ds.create";
    if (method === "DELETE") return "ds.delete";
    return json ? "ds.utility" : "ds.write";
  }
  if (p.startsWith("/zosmf/restfiles/mfs")) {
    if (method === "GET") return "mfs.list";
    if (method === "POST") return "mfs.create";
    return "mfs.mount";
  }
  if (p.startsWith("/zosmf/restfiles/fs")) {
    if (method === "GET") return p === "/zosmf/restfiles/fs" || p === "/zosmf/restfiles/fs/" ? "fs.list" : "fs.read";
    if (method === "POST") return "fs.create";
    if (method === "DELETE") return "fs.delete";
    return json ? "fs.utility" : "fs.write";
  }
  if (p.startsWith("/zosmf/restconsoles/")) {
    if (p.includes("/solmsgs/")) return "console.solmsgs";
    if (p.includes("/detections/")) return "console.detections";
    return "console.issue";
  }
  return "unknown";
}
