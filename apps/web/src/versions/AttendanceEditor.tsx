import { type Attendance, type BoardState, may, type PersonInRoom } from '@kinmap/model';
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { t } from '../lib/messages';

export interface AttendanceEditorProps {
  readonly board: BoardState;
  readonly value: Attendance;
  readonly onChange: (next: Attendance) => void;
  readonly disabled: boolean;
}

/** The limits the server checks (model `meetingUpdateSchema`), kept here so a form never sends more. */
export const MAX_NAME_LENGTH = 200;

/** The board's people who can take part (not the wall screen), by name. */
function boardPeople(board: BoardState) {
  return Object.values(board.participants)
    .filter((p) => may(p.role, 'AC1'))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || (a.id < b.id ? -1 : 1));
}

/**
 * Who took part in the meeting: ticks for the people on the board, a list of people in the
 * room without a device, and apologies. Every control is a labelled form control.
 */
export function AttendanceEditor({ board, value, onChange, disabled }: AttendanceEditorProps) {
  const id = useId();
  const people = boardPeople(board);
  const ticked = new Set(value.participantIds);
  const toggle = (participantId: string, on: boolean) => {
    const ids = on ? [...ticked, participantId] : [...ticked].filter((x) => x !== participantId);
    onChange({ ...value, participantIds: ids });
  };

  return (
    <fieldset className="versions-attendance" disabled={disabled}>
      <legend>{t('versions.meeting.attendance')}</legend>
      <h4 id={`${id}-people`}>{t('versions.meeting.participants')}</h4>
      {people.length === 0 ? (
        <p className="hint">{t('versions.meeting.noParticipants')}</p>
      ) : (
        <ul className="versions-ticks" aria-labelledby={`${id}-people`}>
          {people.map((person) => (
            <li key={person.id}>
              <label className="plan-check">
                <input
                  type="checkbox"
                  checked={ticked.has(person.id)}
                  onChange={(e) => toggle(person.id, e.target.checked)}
                />
                {person.displayName} ({t(`role.${person.role}`)})
              </label>
            </li>
          ))}
        </ul>
      )}
      <h4 id={`${id}-others`}>{t('versions.meeting.othersPresent')}</h4>
      <NameList
        labelledBy={`${id}-others`}
        names={value.othersPresent.map(describePerson)}
        removeLabel={(name) => t('versions.meeting.removeOther', { name })}
        onRemove={(i) => onChange({ ...value, othersPresent: value.othersPresent.filter((_, j) => j !== i) })}
      />
      <AddOtherForm
        onAdd={(person) => onChange({ ...value, othersPresent: [...value.othersPresent, person] })}
      />
      <h4 id={`${id}-apologies`}>{t('versions.meeting.apologies')}</h4>
      <NameList
        labelledBy={`${id}-apologies`}
        names={value.apologies}
        removeLabel={(name) => t('versions.meeting.removeApology', { name })}
        onRemove={(i) => onChange({ ...value, apologies: value.apologies.filter((_, j) => j !== i) })}
      />
      <AddApologyForm onAdd={(name) => onChange({ ...value, apologies: [...value.apologies, name] })} />
    </fieldset>
  );
}

function describePerson(person: PersonInRoom): string {
  return person.role ? `${person.name} (${person.role})` : person.name;
}

function NameList(props: {
  labelledBy: string;
  names: readonly string[];
  removeLabel: (name: string) => string;
  onRemove: (index: number) => void;
}) {
  if (props.names.length === 0) return <p className="hint">{t('versions.meeting.nobody')}</p>;
  return (
    <ul className="versions-names" aria-labelledby={props.labelledBy}>
      {props.names.map((name, i) => (
        // Names may repeat (two people called Sam): the position tells them apart.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list has no ids and is only appended to or cut
        <li key={i}>
          <span>{name}</span>{' '}
          <button type="button" onClick={() => props.onRemove(i)}>
            {props.removeLabel(name)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A labelled name field of an add row; Enter adds what is typed. */
function NameField({
  id,
  label,
  value,
  onChange,
  onEnter,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onEnter: (event: KeyboardEvent) => void;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        maxLength={MAX_NAME_LENGTH}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && onEnter(e)}
      />
    </>
  );
}

/** Not a <form>: the attendance sits inside the meeting's form, and forms do not nest. */
function AddOtherForm({ onAdd }: { onAdd: (person: PersonInRoom) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const add = (event?: FormEvent) => {
    event?.preventDefault();
    if (!name.trim()) return;
    onAdd({ name: name.trim(), role: role.trim() });
    setName('');
    setRole('');
  };
  return (
    <div className="versions-add-row">
      <NameField
        id={`${id}-name`}
        label={t('versions.meeting.otherName')}
        value={name}
        onChange={setName}
        onEnter={add}
      />
      <NameField
        id={`${id}-role`}
        label={t('versions.meeting.otherRole')}
        value={role}
        onChange={setRole}
        onEnter={add}
      />
      <button type="button" onClick={() => add()}>
        {t('versions.meeting.addOther')}
      </button>
    </div>
  );
}

function AddApologyForm({ onAdd }: { onAdd: (name: string) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const add = (event?: FormEvent) => {
    event?.preventDefault();
    if (!name.trim()) return;
    onAdd(name.trim());
    setName('');
  };
  return (
    <div className="versions-add-row">
      <NameField
        id={`${id}-apology`}
        label={t('versions.meeting.apologyName')}
        value={name}
        onChange={setName}
        onEnter={add}
      />
      <button type="button" onClick={() => add()}>
        {t('versions.meeting.addApology')}
      </button>
    </div>
  );
}
