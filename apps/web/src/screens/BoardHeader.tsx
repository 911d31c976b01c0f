import { Menu, UserPlus } from 'lucide-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { ConnectionStatus } from '../board/ConnectionStatus';
import type { ConnectionState } from '../board/connection';
import { ParticipantList } from '../board/presence/ParticipantList';
import type { Presence } from '../board/presence/presence';
import { t } from '../lib/messages';
import { navigate } from '../lib/router';
import { withKey } from '../map/shortcuts';

export interface ViewChoice {
  readonly id: string;
  readonly label: string;
}

export interface BoardHeaderProps {
  readonly title: string;
  readonly status: ConnectionState;
  /** This person's changes the server has not confirmed yet. */
  readonly unsaved?: number;
  readonly people: readonly Presence[];
  readonly myParticipantId: string;
  /** Absent when this person may not invite anyone. */
  readonly invite?: { readonly open: boolean; readonly toggle: () => void };
  /** The views of the board this person may open, and the one shown. */
  readonly views: readonly ViewChoice[];
  readonly view: string;
  readonly onView: (id: string) => void;
  /** A phone: one line, the views and the invitations move into the menu. */
  readonly phone: boolean;
  readonly menuOpen: boolean;
  readonly onMenu: (open: boolean) => void;
  /** Where the shown view puts its own menu entries (a portal target inside the menu). */
  readonly menuSlot: (element: HTMLElement | null) => void;
  readonly onHelp: () => void;
  /** Signs this device out (everyone, family included: a borrowed phone must be left clean). */
  readonly onSignOut?: () => void;
}

function ViewTabs({ views, view, onView }: Pick<BoardHeaderProps, 'views' | 'view' | 'onView'>) {
  return (
    <nav className="view-tabs" aria-label={t('view.choose')}>
      {views.map((entry) => (
        <button
          key={entry.id}
          type="button"
          className="view-tab"
          aria-current={view === entry.id ? 'page' : undefined}
          onClick={() => onView(entry.id)}
        >
          {entry.label}
        </button>
      ))}
    </nav>
  );
}

function InviteToggle({ invite }: { invite: NonNullable<BoardHeaderProps['invite']> }) {
  return (
    <button
      type="button"
      className="share-toggle"
      aria-expanded={invite.open}
      aria-controls="invite-panel"
      onClick={invite.toggle}
    >
      <UserPlus aria-hidden="true" size={18} />
      {t('invite.toggle')}
    </button>
  );
}

/**
 * The board's one top bar: the case, whether it is up to date, who is here, the choice of view,
 * and a menu for everything else (the shown view adds its own entries through `menuSlot`).
 */
export function BoardHeader(props: BoardHeaderProps) {
  const { title, status, unsaved = 0, people, myParticipantId, invite, phone, menuOpen, onMenu } = props;
  const root = useRef<HTMLElement | null>(null);
  const toggle = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (!menuOpen) return;
    const onDown = (event: PointerEvent) => {
      const target = event.target as Element | null;
      // The phone's bottom bar opens the menu too: its own button is not "outside".
      if (root.current?.contains(target) || target?.closest?.('[aria-controls="board-menu"]')) return;
      onMenu(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [menuOpen, onMenu]);
  // An action chosen closes the menu; choosing in a list or a checkbox does not. A DOM listener,
  // not React's onClick: the shown view's entries are portalled into the menu (`menuSlot`), and a
  // portal's React events bubble to the view, not to this menu.
  const menu = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const el = menu.current;
    if (!el) return;
    const onClick = (event: MouseEvent) => {
      if ((event.target as Element | null)?.closest?.('button')) onMenu(false);
    };
    el.addEventListener('click', onClick);
    return () => el.removeEventListener('click', onClick);
  }, [onMenu]);
  // Home: the logo in the bar; in a phone's menu, a link that says where it goes.
  const home = (className: string, words: string): ReactNode => (
    <a
      className={className}
      href="/"
      onClick={(e) => {
        e.preventDefault();
        navigate('/');
      }}
    >
      {words}
    </a>
  );
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the bar closes its menu; the controls inside are the interactive ones
    <header
      ref={root}
      className={phone ? 'board-header board-header--phone' : 'board-header'}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && menuOpen) {
          e.stopPropagation();
          onMenu(false);
          toggle.current?.focus();
        }
      }}
    >
      {!phone && home('brand', t('app.name'))}
      <h1 className="board-title" title={title}>
        {title}
      </h1>
      <ConnectionStatus status={status} unsaved={unsaved} />
      {!phone && <ViewTabs views={props.views} view={props.view} onView={props.onView} />}
      <span className="board-header__spacer" />
      <ParticipantList people={people} myParticipantId={myParticipantId} />
      {invite && !phone && <InviteToggle invite={invite} />}
      <button
        ref={toggle}
        type="button"
        className="icon-button board-menu__toggle"
        aria-expanded={menuOpen}
        aria-controls="board-menu"
        aria-label={t('menu.label')}
        title={t('menu.label')}
        onClick={() => onMenu(!menuOpen)}
      >
        <Menu aria-hidden="true" size={22} />
      </button>
      <section
        ref={menu}
        id="board-menu"
        className="board-menu"
        aria-label={t('menu.label')}
        hidden={!menuOpen}
      >
        {phone && <ViewTabs views={props.views} view={props.view} onView={props.onView} />}
        <div ref={props.menuSlot} className="board-menu__view" />
        <div className="board-menu__general">
          {phone && invite && <InviteToggle invite={invite} />}
          <button type="button" onClick={props.onHelp} title={withKey(t('keys.open'), 'help')}>
            {t('keys.open')}
          </button>
          {props.onSignOut && (
            <button type="button" className="sign-out" onClick={props.onSignOut}>
              {t('home.signOut')}
            </button>
          )}
          {phone && home('board-menu__home', t('home.title'))}
        </div>
      </section>
    </header>
  );
}
