import './field-error.css';

/** A field's refusal, under the field, read by screen readers with it (`aria-describedby`). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span className="field__error" id={id} role="alert" data-testid={`error-${id}`}>
      {message}
    </span>
  );
}
