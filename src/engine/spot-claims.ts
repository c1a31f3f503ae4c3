/**
 * Who marches which spot's field in a plan run as a pipeline (engine startPlan): one "primary" heats the spots in
 * order and asks for each field as it reaches it; "helpers" march the spots ahead of it, one at a time, in the
 * plan's order. The primary marches the first spot itself (the helpers start on the next ones) and any spot no helper
 * has taken when it gets there, so neither waits while a field is left to march. Shared by the app's worker pool and
 * the command line's threads.
 */
export class SpotClaims<T> {
  private readonly claims = new Map<string, Promise<T | undefined> | 'primary'>();
  private next: number;

  /**
   * @param ids - the spots whose fields someone must march, in the plan's order
   * @param from - the first spot a helper may take: 1 (the primary marches the first itself), or 0 when the spots
   *   are marched ahead, before any primary runs the plan
   */
  constructor(
    private readonly ids: readonly string[],
    from: 0 | 1 = 1,
  ) {
    this.next = from;
  }

  /**
   * A helper takes the next spot no one has taken.
   * @param march - marches a spot (its field, or undefined for a spot with none, such as a blocked one)
   * @returns the taken spot's field to come, or undefined when every spot is taken
   */
  takeNext(march: (id: string) => Promise<T | undefined>): Promise<T | undefined> | undefined {
    while (this.next < this.ids.length) {
      const id = this.ids[this.next++] as string;
      if (this.claims.has(id)) continue;
      const field = march(id);
      this.claims.set(id, field);
      return field;
    }
    return undefined;
  }

  /**
   * The primary reached `id`.
   * @returns a helper's field to wait for, or undefined: no helper took it, so the primary marches it (now taken)
   */
  forPrimary(id: string): Promise<T | undefined> | undefined {
    const claim = this.claims.get(id);
    if (claim === undefined) this.claims.set(id, 'primary');
    return claim === undefined || claim === 'primary' ? undefined : claim;
  }
}
