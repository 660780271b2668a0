import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface ConfirmRequest {
  message: string;
  confirm: string;
  cancel: string;
  /** Destructive actions get the danger style and focus starts on "cancel". */
  danger?: boolean;
}

/**
 * A modal yes/no question (a native `<dialog>`: focus is trapped, Esc cancels, focus returns to
 * where it was). `useConfirm` hands out a promise per question.
 */
export function useConfirm(): [(request: ConfirmRequest) => Promise<boolean>, ReactNode] {
  const [pending, setPending] = useState<{
    request: ConfirmRequest;
    resolve: (answer: boolean) => void;
  } | null>(null);
  const ask = (request: ConfirmRequest) =>
    new Promise<boolean>((resolve) => setPending({ request, resolve }));
  const answer = (value: boolean) => {
    pending?.resolve(value);
    setPending(null);
  };
  const element = pending ? <ConfirmDialog request={pending.request} onAnswer={answer} /> : null;
  return [ask, element];
}

function ConfirmDialog({
  request,
  onAnswer,
}: {
  request: ConfirmRequest;
  onAnswer: (answer: boolean) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    (request.danger ? cancelRef.current : confirmRef.current)?.focus();
    return () => opener?.focus();
  }, [request.danger]);
  return (
    <dialog
      ref={ref}
      className="dialog dialog--confirm"
      aria-labelledby="confirm-message"
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(false);
      }}
    >
      <p id="confirm-message">{request.message}</p>
      <div className="dialog__actions">
        <button ref={cancelRef} type="button" className="button" onClick={() => onAnswer(false)}>
          {request.cancel}
        </button>
        <button
          ref={confirmRef}
          type="button"
          className={request.danger ? 'button button--danger' : 'button button--primary'}
          onClick={() => onAnswer(true)}
        >
          {request.confirm}
        </button>
      </div>
    </dialog>
  );
}
