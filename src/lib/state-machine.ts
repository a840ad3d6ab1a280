// A table of allowed transitions; saving uses `UPDATE ... WHERE state = :from` so a race is a conflict, not an overwrite.
export type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

export function canMove<S extends string>(table: Transitions<S>, from: S, to: S): boolean {
  return table[from]?.includes(to) ?? false;
}

export function allTransitions<S extends string>(table: Transitions<S>): [S, S][] {
  return (Object.keys(table) as S[]).flatMap((from) => table[from].map((to) => [from, to] as [S, S]));
}
