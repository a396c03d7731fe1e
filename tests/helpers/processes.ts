/**
 * Finds processes by a unique marker in their command line, with `ps` (Deno reads /proc/PID
 * only with --allow-all). Tests use it to prove nothing they started survives.
 */
export async function processesMatching(marker: string): Promise<{ pid: number; args: string }[]> {
  const out = await new Deno.Command("ps", { args: ["-eo", "pid=,args="], stdout: "piped" })
    .output();
  const text = new TextDecoder().decode(out.stdout);
  const found: { pid: number; args: string }[] = [];
  for (const line of text.split("\n")) {
    const m = line.trim().match(/^(\d+)\s+(.*)$/);
    if (m && m[2].includes(marker) && !m[2].startsWith("ps ")) {
      found.push({ pid: Number(m[1]), args: m[2] });
    }
  }
  return found;
}
