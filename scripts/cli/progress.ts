/**
 * A progress bar: redrawn in place on a terminal; on a pipe or a log file, one line per
 * quarter so the output stays readable.
 */
export function progressPrinter(out: NodeJS.WriteStream, label: string) {
  let lastQuarter = -1;
  return (done: number, total: number) => {
    const share = total ? done / total : 1;
    if (out.isTTY) {
      const w = 30;
      const f = Math.round(share * w);
      out.write(`\r  [${'#'.repeat(f)}${'.'.repeat(w - f)}] ${(share * 100).toFixed(0)}% ${label}`);
      return;
    }
    const quarter = Math.floor(share * 4);
    if (quarter > lastQuarter) {
      lastQuarter = quarter;
      out.write(`  ${quarter * 25}% ${label}\n`);
    }
  };
}
