/**
 * A body as a sender may hold it: deeply readonly (records are), which changes nothing on the wire.
 * Request types are `Wire<z.input<typeof request>>`, and the server's replies are checked as
 * `Wire<z.input<typeof response>>`, so readonly arrays from the model fit both.
 */
export type Wire<T> = T extends readonly (infer U)[]
  ? readonly Wire<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Wire<T[K]> }
    : T;
