import type { InputHTMLAttributes, ReactNode } from 'react';

export interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'aria-describedby'> {
  readonly id: string;
  readonly label: string;
  /** Shown between the label and the input, and read out with the input (`<id>-hint`). */
  readonly hint?: string;
  /** The id of a message shown under the input, e.g. its error, read out after the hint. */
  readonly describedBy?: string | null;
}

/**
 * One labelled input of a form, with its optional hint. Every other input attribute passes
 * through, so each form keeps its own `name`, `autoComplete`, limits and validity.
 */
export function FormField({ id, label, hint, describedBy, ...input }: FormFieldProps) {
  const hintId = `${id}-hint`;
  const describers = [hint ? hintId : null, describedBy ?? null].filter((d) => d !== null);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <input id={id} {...input} aria-describedby={describers.length > 0 ? describers.join(' ') : undefined} />
    </>
  );
}

/** A form's problem, announced as soon as it shows; nothing is rendered while there is none. */
export function FormProblem({ id, children }: { readonly id?: string; readonly children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p id={id} className="error" role="alert">
      {children}
    </p>
  );
}

/** A form's submit button, disabled and saying so while the form is busy. */
export function SubmitButton(props: {
  readonly busy: boolean;
  readonly label: string;
  readonly busyLabel: string;
}) {
  return (
    <button type="submit" disabled={props.busy}>
      {props.busy ? props.busyLabel : props.label}
    </button>
  );
}
