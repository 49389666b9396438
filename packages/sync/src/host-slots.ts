/** Counts runs per provider host in this process, so one busy provider cannot take every slot. */
export class HostSlots {
  private readonly busy = new Map<string, number>();

  constructor(private readonly perHost: number) {}

  /** A release function, or undefined when the host already has its share of runs. */
  enter(host: string): (() => void) | undefined {
    const taken = this.busy.get(host) ?? 0;
    if (taken >= this.perHost) return undefined;
    this.busy.set(host, taken + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.busy.get(host) ?? 1) - 1;
      if (left === 0) this.busy.delete(host);
      else this.busy.set(host, left);
    };
  }
}
