import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'warning' | 'error' | 'success';

interface NoticeProps {
  tone?: NoticeTone;
  children: ReactNode;
  /** Buttons or links that act on the notice. */
  actions?: ReactNode;
  /** Errors interrupt (role=alert); everything else is announced politely. */
  live?: boolean;
  className?: string;
}

export function Notice({ tone = 'info', children, actions, live = true, className }: NoticeProps) {
  const role = !live ? undefined : tone === 'error' ? 'alert' : 'status';
  return (
    <div className={['notice', `notice--${tone}`, className].filter(Boolean).join(' ')} role={role}>
      <div className="notice__body">{children}</div>
      {actions ? <div className="notice__actions">{actions}</div> : null}
    </div>
  );
}
